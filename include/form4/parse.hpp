#pragma once
// parse(bytes, options) -> result{document, diagnostics}: the one entry point
// for every input form. The bytes are read in place (never copied whole).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "form4/model.hpp"
#include "form4/source_map.hpp"

namespace form4 {

enum class input_format { automatic, xml, text, html, submission };

std::string_view to_string(input_format) noexcept;
// Picks the format by content (not by file name).
input_format detect_format(std::string_view bytes) noexcept;

struct parse_limits {
    std::size_t max_input_bytes = std::size_t{256} << 20;  // 256 MiB
    std::size_t max_depth = 64;
    std::size_t max_elements = 1'000'000;
    std::size_t max_string_bytes = std::size_t{1} << 20;   // one value, 1 MiB
    std::size_t max_rows = 10'000;                          // per table
    // Footnotes in the document, and footnote references on any one value
    // (the XML form can repeat <footnoteId> without end; a page cannot).
    std::size_t max_footnotes = 10'000;
};

struct parse_options {
    input_format format = input_format::automatic;
    // Strict: any malformation is an error and no document is returned.
    // Lenient: keep every section the damage does not touch; say what was skipped.
    bool lenient = false;
    parse_limits limits{};
    // Fill parse_result::positions (for lint's line and column); off by default.
    bool record_positions = false;
};

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
