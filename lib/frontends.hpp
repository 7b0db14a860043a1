#pragma once
// Internal: one entry point per front end; parse() picks among them.
#include <string>
#include <string_view>
#include <utility>

#include "form4/grammar/position.hpp"
#include "form4/grammar/utf8.hpp"
#include "form4/parse.hpp"

namespace form4::detail {

parse_result parse_xml(std::string_view bytes, const parse_options& options);
parse_result parse_text(std::string_view bytes, const parse_options& options);
parse_result parse_html(std::string_view bytes, const parse_options& options);
parse_result parse_submission(std::string_view bytes, const parse_options& options);
// The filer's XML submission (<edgarSubmission>, base64 documents inside).
bool is_edgar_xml_submission(std::string_view bytes) noexcept;
parse_result parse_edgar_submission(std::string_view bytes, const parse_options& options);


// The text and HTML front ends read UTF-8. Strict mode: the first invalid
// byte is an error. Lenient mode: a copy with those bytes read as Latin-1 is
// parsed instead, and a warning says where the first one was.
template <class Parse>
parse_result with_utf8_input(std::string_view bytes, const parse_options& options, input_format format,
                             Parse parse) {
    std::size_t bad = grammar::utf8::first_invalid(bytes);
    if (bad == std::string_view::npos) return parse(bytes);
    auto [line, column] = grammar::line_and_column(bytes.data(), bytes.data() + bytes.size(), bytes.data() + bad);
    diagnostic found{options.lenient ? severity::warning : severity::error, "input.invalid-utf8",
                     options.lenient ? "the input is not valid UTF-8; read such bytes as Latin-1"
                                     : "the input is not valid UTF-8",
                     line, column};
    if (!options.lenient) {
        parse_result failed;
        failed.format = format;
        failed.diagnostics.push_back(std::move(found));
        return failed;
    }
    std::string repaired = grammar::utf8::repaired_as_latin1(bytes);
    parse_result result = parse(std::string_view(repaired));
    result.diagnostics.insert(result.diagnostics.begin(), std::move(found));
    return result;
}

}  // namespace form4::detail
