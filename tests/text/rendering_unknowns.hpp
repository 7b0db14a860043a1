#pragma once
// What a rendering cannot show, for document_compare.hpp: the fields only the newer
// stylesheets draw (shown), and what the reader said it could not know (unknowns).
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "form4/model.hpp"
#include "form4/parse.hpp"

namespace form4::testing {

// What a rendering draws of the fields only the newer stylesheets have. The
// defaults are the older layouts' (and render_text's): neither is drawn, so
// neither may be read.
struct shown {
    bool aff10b5_box = false;   // the stylesheet draws the 10b5-1 box (4_X07 on, 5_X07 on)
    bool ticks = true;          // the converter shows a box's tick ("[X]" / "[ ]"); a browser's copy does not
    bool country = false;       // the stylesheet draws the country line (3_X07, 4_X09, 5_X09)
};

// What the reader said it could not know, row by row (model paths such as
// "derivative_transactions[0]"): where a row's footnote marks stand (text.ambiguous-mark),
// and whether Table II's amount was acquired or disposed of (text.ambiguous-column). Found
// from the diagnostics' lines and the rows' recorded positions (parse_options::record_positions).
struct unknowns {
    std::set<std::string> mark_rows;
    std::set<std::string> direction_rows;
};

inline unknowns declared_unknowns(const form4::parse_result& result) {
    std::set<std::size_t> mark_lines, direction_lines;
    for (const auto& d : result.diagnostics) {
        if (d.code == "text.ambiguous-mark") mark_lines.insert(d.line);
        if (d.code == "text.ambiguous-column") direction_lines.insert(d.line);
    }
    unknowns out;
    for (const auto& [path, at] : result.positions) {
        if (path.empty() || path.back() != ']' || path.find('.') != std::string_view::npos) continue;
        if (!path.starts_with("non_derivative_") && !path.starts_with("derivative_")) continue;
        if (mark_lines.count(at.line)) out.mark_rows.insert(std::string(path));
        if (direction_lines.count(at.line)) out.direction_rows.insert(std::string(path));
    }
    return out;
}

// Every footnote id of a row's fields, sorted: what is compared of a row whose marks'
// places are unknown (none may be lost or invented, only their cells are unknown).
template <class Row>
std::vector<std::string> row_marks(const Row& r) {
    std::vector<std::string> ids;
    auto add = [&](const auto& f) { ids.insert(ids.end(), f.footnote_ids.begin(), f.footnote_ids.end()); };
    add(r.security_title);
    add(r.post_transaction.shares_owned);
    add(r.post_transaction.value_owned);
    add(r.ownership.direct_or_indirect);
    add(r.ownership.nature);
    if constexpr (requires { r.transaction_date; }) {
        add(r.transaction_date);
        add(r.deemed_execution_date);
        if (r.coding) ids.insert(ids.end(), r.coding->footnote_ids.begin(), r.coding->footnote_ids.end());
        add(r.timeliness);
        add(r.shares);
        add(r.price_per_share);
        add(r.acquired_disposed);
    }
    if constexpr (requires { r.total_value; }) add(r.total_value);
    if constexpr (requires { r.conversion_or_exercise_price; }) {
        add(r.conversion_or_exercise_price);
        add(r.exercise_date);
        add(r.expiration_date);
        add(r.underlying.title);
        add(r.underlying.shares);
        add(r.underlying.value);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace form4::testing
