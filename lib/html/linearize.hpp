#pragma once
// EDGAR's HTML rendering of a form, turned into the text layout the text
// front end reads: one line per table row, a tab between cells, text with its
// entities decoded and its white space squeezed; a map leads back to the HTML.
#include <string>
#include <string_view>

#include "form4/grammar/text/config.hpp"

namespace form4::html {

struct linear_text {
    std::string text;
    grammar::text::stream_map map;   // stream_begin must be bound to text.data() before use
};

// Never fails: unknown tags are dropped, an unterminated tag or comment ends the scan.
linear_text linearize(std::string_view html);

}  // namespace form4::html
