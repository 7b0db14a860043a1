#pragma once
// The text front end's entry, shared with the HTML front end (which turns a
// page into text first and reads it here, mapping positions back to the HTML).
#include <string_view>

#include "form4/grammar/text/config.hpp"
#include "form4/parse.hpp"

namespace form4::text {

// Reads `text` as a rendered Form 3/4/5. Diagnostics point into `input`; when
// `text` was made from `input`, `outer` maps positions of `text` back to it.
parse_result read_form(std::string_view text, const parse_options& options, std::string_view input,
                       const grammar::text::stream_map* outer, input_format format);

}  // namespace form4::text
