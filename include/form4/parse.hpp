#pragma once
// parse(bytes, options) -> result{document, diagnostics}: the one entry point
// for every input form. The bytes are read in place (never copied whole).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "form4/model.hpp"
#include "form4/options.hpp"
#include "form4/source_map.hpp"

namespace form4 {

std::string_view to_string(input_format) noexcept;
// Picks the format by content (not by file name).
input_format detect_format(std::string_view bytes) noexcept;

struct parse_result {
    std::optional<document> doc;            // absent when parsing failed
    std::vector<diagnostic> diagnostics;    // in input order
    input_format format = input_format::automatic;  // what was parsed
    source_map positions;                   // only with parse_options::record_positions

    bool ok() const noexcept { return doc.has_value(); }
    bool has_errors() const noexcept;
};

parse_result parse(std::string_view bytes, const parse_options& options = {});
// Reads the file (or, for "-", standard input) and parses it. I/O failures
// come back as a diagnostic with code "io".
parse_result parse_file(const std::filesystem::path& path, const parse_options& options = {});

}  // namespace form4
