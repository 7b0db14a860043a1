#pragma once
// Internal: a document's rows as TSV text with the surrogate-key cells left out, for the bulk writer to number.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "form4/dataset.hpp"

namespace form4::bulk::detail {

// Where a surrogate key goes in a document's text, and its number within the
// document (1-based).
struct key_cell {
    std::size_t at = 0;
    std::uint64_t number = 0;
};

// The rows of one document as TSV lines, table after table, surrogate-key
// cells left out. One string and one vector for all eight tables: a few
// allocations per document, not one per row.
struct document_text {
    std::string text;
    std::vector<key_cell> keys;                                      // in text order
    std::array<std::size_t, dataset::table_count + 1> text_start{};  // table t: [text_start[t], text_start[t + 1])
    std::array<std::size_t, dataset::table_count + 1> key_start{};   // likewise in `keys`
    std::array<std::size_t, dataset::table_count> rows{};

    // Empty again, keeping the text's and the keys' memory for the next document.
    void clear() {
        text.clear();
        keys.clear();
        text_start = {};
        key_start = {};
        rows = {};
    }
};

// Per table, which columns hold its own surrogate key (*_SK).
using key_columns = std::array<std::vector<bool>, dataset::table_count>;

key_columns surrogate_key_columns();

// The tables' rows as to_tsv would write them, but with the (non-empty) key
// cells left out and noted in `out.keys`.
void format_rows(document_text& out, const dataset::tables& tables, const key_columns& keys);

}  // namespace form4::bulk::detail
