#include "document_text.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace form4::bulk::detail {

key_columns surrogate_key_columns() {
    key_columns out;
    for (auto t : dataset::all_tables) {
        auto columns = dataset::columns(t);
        auto& is_key = out[static_cast<std::size_t>(t)];
        is_key.resize(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i) is_key[i] = columns[i].ends_with("_SK");
    }
    return out;
}

namespace {

bool parse_key(std::string_view cell, std::uint64_t& number) {
    auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), number);
    return error == std::errc() && end == cell.data() + cell.size();
}

}  // namespace

[[gnu::noinline]] void format_rows(document_text& out, const dataset::tables& tables, const key_columns& keys) {
    // Upper bounds, so that the text and the keys are allocated once.
    std::size_t size = 0, key_count = 0;
    for (auto t : dataset::all_tables) {
        const auto& is_key = keys[static_cast<std::size_t>(t)];
        key_count += tables[t].size() * static_cast<std::size_t>(std::count(is_key.begin(), is_key.end(), true));
        for (const auto& row : tables[t]) {
            size += row.size();   // the tabs and the line end
            for (const auto& cell : row) size += cell.size();
        }
    }
    out.text.reserve(size);
    out.keys.reserve(key_count);
    for (auto t : dataset::all_tables) {
        auto index = static_cast<std::size_t>(t);
        const auto& is_key = keys[index];
        out.text_start[index] = out.text.size();
        out.key_start[index] = out.keys.size();
        for (const auto& row : tables[t]) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (i != 0) out.text += '\t';
                std::uint64_t number = 0;
                if (i < is_key.size() && is_key[i] && !row[i].empty() && parse_key(row[i], number))
                    out.keys.push_back(key_cell{out.text.size(), number});
                else
                    dataset::append_tsv_cell(out.text, row[i]);
            }
            out.text += '\n';
        }
        out.rows[index] = tables[t].size();
    }
    out.text_start[dataset::table_count] = out.text.size();
    out.key_start[dataset::table_count] = out.keys.size();
}

}  // namespace form4::bulk::detail
