#pragma once
// What a parse is asked to do: the input format, strict or lenient, the
// limits, positions. A light header (no model, no I/O), so that the
// header-only grammars can take the limits without the parse API.
#include <cstddef>

namespace form4 {

enum class input_format { automatic, xml, text, html, submission };

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

}  // namespace form4
