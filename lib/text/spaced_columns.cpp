// Reading order of a header aligned with spaces (see spaced_columns.hpp).
#include "text/spaced_columns.hpp"

#include <algorithm>
#include <cctype>

namespace form4::text {
namespace {

// The display column of `at` in its line: characters, not bytes (a name may hold "é").
std::size_t column_of(iterator_type line_begin, iterator_type at) {
    std::size_t column = 0;
    for (iterator_type p = line_begin; p != at; ++p)
        if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column;
    return column;
}

// "2. Issuer ...", "2a. Foreign ...": a numbered item's label.
bool is_item_label(span cell) {
    std::string_view v = cell.view();
    std::size_t digits = 0;
    while (digits < v.size() && std::isdigit(static_cast<unsigned char>(v[digits]))) ++digits;
    if (digits == 0 || digits > 2) return false;
    std::size_t at = digits;
    if (at < v.size() && (v[at] == 'a' || v[at] == 'A')) ++at;
    return at + 2 < v.size() && v[at] == '.' && v[at + 1] == ' ' && std::isupper(static_cast<unsigned char>(v[at + 2]));
}

// "__X__ Director", "[X] ...": a checkbox starts the cell.
bool starts_box(span cell) {
    std::string_view v = cell.view();
    return !v.empty() && (v.front() == '_' || v.front() == '[');
}

}  // namespace

std::vector<span> cells_by_position(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    struct placed {
        std::size_t line;
        std::size_t x;
        std::size_t column;
        span cell;
        bool label = false;
    };
    std::vector<placed> all;
    std::vector<std::size_t> starts = {0};
    std::vector<span> cells;
    for (std::size_t i = first; i < last; ++i) {
        cells.clear();
        split_cells_into(lines[i], cells);
        for (const auto& cell : cells) {
            if (cell.empty()) continue;
            std::size_t x = column_of(lines[i].begin, cell.begin);
            bool label = is_item_label(cell);
            all.push_back({i, x, x, cell, label});
            if (label) starts.push_back(x);
        }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    // A value may start a little left of its label (w3m centres some cells).
    for (auto& p : all) {
        auto it = std::upper_bound(starts.begin(), starts.end(), p.x + 2);
        p.column = static_cast<std::size_t>(it - starts.begin()) - 1;
    }
    // What stands in a later column above its first item (the OMB box beside the title) is
    // read first, so that it does not follow the item before it in the reading order.
    std::vector<char> labelled(starts.size(), 0);
    std::vector<span> ordered;
    ordered.reserve(all.size());
    std::vector<placed> rest;
    for (const auto& p : all) {
        if (p.label) labelled[p.column] = 1;
        if (p.column > 0 && !labelled[p.column]) ordered.push_back(p.cell);
        else rest.push_back(p);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const placed& a, const placed& b) { return a.column < b.column; });
    // A cell w3m wrapped in a narrow column goes on at its own place on the next line, with
    // the column's other cells beside it ("4. Relationship of  __X__ Director" over
    // "Reporting Person(s) to"): each cell is followed by its own next lines first. A
    // line that starts a checkbox or an item, or stands after another cell of the column
    // ("[ ]  Check this box ..."), is a cell of its own.
    std::vector<char> taken(rest.size(), 0);
    auto continuation_of = [&](std::size_t k) -> std::size_t {
        for (std::size_t j = k + 1; j < rest.size() && rest[j].column == rest[k].column; ++j) {
            const placed& next = rest[j];
            if (next.line <= rest[k].line) continue;
            if (next.line > rest[k].line + 1) break;
            std::size_t distance = next.x > rest[k].x ? next.x - rest[k].x : rest[k].x - next.x;
            bool first_in_its_line = rest[j - 1].line != next.line;
            if (taken[j] || distance > 2 || next.label || starts_box(next.cell) || !first_in_its_line) continue;
            return j;
        }
        return rest.size();
    };
    for (std::size_t k = 0; k < rest.size(); ++k) {
        if (taken[k]) continue;
        for (std::size_t j = k; j < rest.size(); j = continuation_of(j)) {
            taken[j] = 1;
            ordered.push_back(rest[j].cell);
        }
    }
    return ordered;
}

}  // namespace form4::text
