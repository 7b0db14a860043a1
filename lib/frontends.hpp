#pragma once
// Internal: one entry point per front end; parse() picks among them.
#include <string_view>

#include "form4/parse.hpp"

namespace form4::detail {

parse_result parse_xml(std::string_view bytes, const parse_options& options);
parse_result parse_text(std::string_view bytes, const parse_options& options);
parse_result parse_html(std::string_view bytes, const parse_options& options);
parse_result parse_submission(std::string_view bytes, const parse_options& options);

}  // namespace form4::detail
