#pragma once
// Internal: one entry point per front end; parse() picks among them.
#include <string>
#include <string_view>
#include <utility>

#include "form4/grammar/utf8.hpp"
#include "form4/parse.hpp"

namespace form4::detail {

parse_result parse_xml(std::string_view bytes, const parse_options& options);
parse_result parse_text(std::string_view bytes, const parse_options& options);
parse_result parse_html(std::string_view bytes, const parse_options& options);
parse_result parse_submission(std::string_view bytes, const parse_options& options);

// 1-based line and column of `offset`; CRLF, LF and a lone CR each end a line.
inline std::pair<std::size_t, std::size_t> line_column(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        char c = bytes[i];
        if (c == '\n' || (c == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

// The text and HTML front ends read UTF-8. Strict mode: the first invalid
// byte is an error. Lenient mode: a copy with those bytes read as Latin-1 is
// parsed instead, and a warning says where the first one was.
template <class Parse>
parse_result with_utf8_input(std::string_view bytes, const parse_options& options, input_format format,
                             Parse parse) {
    std::size_t bad = grammar::utf8::first_invalid(bytes);
    if (bad == std::string_view::npos) return parse(bytes);
    auto [line, column] = line_column(bytes, bad);
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
