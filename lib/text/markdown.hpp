#pragma once
// python3-html2text's Markdown of an EDGAR page, turned back into the tabbed text
// a browser's copy gives: pipe tables to tabs, rules dropped, bold and escapes removed.
#include <string_view>

#include "text/layout.hpp"

namespace form4::text {

// Whether `text` is html2text's Markdown of a form: escaped item numbers ("1\. Name")
// and pipe tables.
bool is_form_markdown(std::string_view text);

// The page as tabbed text; the stream maps each cell back to `text`.
stream markdown_to_tabs(std::string_view text);

}  // namespace form4::text
