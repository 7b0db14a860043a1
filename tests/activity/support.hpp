#pragma once
// Shared by the activity tests: parsing corpus filings into activity rows.
#include <stdexcept>
#include <string>
#include <vector>

#include "form4/activity.hpp"
#include "form4/bulk.hpp"
#include "support/corpus.hpp"

namespace form4::testing {

inline form4::decimal dec(const char* text) { return *form4::decimal::parse(text); }

inline form4::document parsed(const std::string& bytes) {
    auto result = form4::parse(bytes);
    if (!result.doc) throw std::runtime_error("corpus filing did not parse");
    return *std::move(result.doc);
}

// The rows of one corpus file (path under corpus/), accession from its name.
inline std::vector<form4::activity::row> rows_of_file(const std::string& sub) {
    std::filesystem::path path = corpus_dir() / sub;
    form4::activity::row_options options;
    options.accession_fallback = form4::bulk::accession_from_name(path.filename().string());
    return form4::activity::rows_of(parsed(read_file(path)), options);
}

// Replaces the first `from` after `anchor` (the start when empty).
inline std::string edited(std::string text, std::string_view from, std::string_view to, std::string_view anchor = {}) {
    auto at = text.find(from, anchor.empty() ? 0 : text.find(anchor));
    if (at == std::string::npos) throw std::runtime_error("edit target not found: " + std::string(from));
    return text.replace(at, from.size(), to);
}

}  // namespace form4::testing
