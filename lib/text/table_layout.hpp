#pragma once
// The columns of Table I and Table II on each form, and how a row's cells are
// given to them: one cell per column when the cells are known (tabs, HTML), or,
// when a converter collapsed empty cells into runs of spaces, by what each
// cell can be (a date, a code, a number...) in column order.
#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/lexical.hpp"
#include "text/clean.hpp"
#include "text/layout.hpp"

namespace form4::text {

namespace ast = grammar::text::ast;

enum class column_kind {
    title,
    exercise_price,
    date,
    deemed_date,
    code,
    voluntary,
    shares,
    acquired_disposed,
    price,
    owned,
    ownership,
    nature,
    acquired,
    disposed,
    exercisable,
    expiration,
    underlying_title,
    underlying_amount,
};

// The column's caption, for messages.
inline const char* column_name(column_kind kind) {
    using k = column_kind;
    switch (kind) {
        case k::title: return "Title of Security";
        case k::exercise_price: return "Conversion or Exercise Price";
        case k::date: return "Transaction Date";
        case k::deemed_date: return "Deemed Execution Date";
        case k::code: return "Transaction Code";
        case k::voluntary: return "V";
        case k::shares: return "Amount";
        case k::acquired_disposed: return "(A) or (D)";
        case k::price: return "Price";
        case k::owned: return "Amount Beneficially Owned";
        case k::ownership: return "Ownership Form";
        case k::nature: return "Nature of Indirect Beneficial Ownership";
        case k::acquired: return "(A)";
        case k::disposed: return "(D)";
        case k::exercisable: return "Date Exercisable";
        case k::expiration: return "Expiration Date";
        case k::underlying_title: return "Title of Underlying Securities";
        case k::underlying_amount: return "Amount of Underlying Securities";
    }
    return "";
}

struct table_layout {
    std::string name;
    std::vector<column_kind> columns;
};

// Everything a row of either table can hold.
struct row_fields {
    ast::text_field title, underlying_title, nature;
    ast::number_field exercise_price, shares, price, owned, acquired, disposed, underlying_amount;
    ast::date_field date, deemed, exercisable, expiration;
    ast::code_field code;
    ast::letter_field voluntary, acquired_disposed, ownership;
    bool ambiguous_amount = false;
};

inline const table_layout& layout_for(const std::string& form, bool derivative) {
    using k = column_kind;
    static const table_layout form4_table1{
        "Table I", {k::title, k::date, k::deemed_date, k::code, k::voluntary, k::shares, k::acquired_disposed,
                    k::price, k::owned, k::ownership, k::nature}};
    static const table_layout form4_table2{
        "Table II", {k::title, k::exercise_price, k::date, k::deemed_date, k::code, k::voluntary, k::acquired,
                     k::disposed, k::exercisable, k::expiration, k::underlying_title, k::underlying_amount, k::price,
                     k::owned, k::ownership, k::nature}};
    static const table_layout form5_table1{
        "Table I (Form 5)", {k::title, k::date, k::deemed_date, k::code, k::shares, k::acquired_disposed, k::price,
                             k::owned, k::ownership, k::nature}};
    static const table_layout form5_table2{
        "Table II (Form 5)", {k::title, k::exercise_price, k::date, k::deemed_date, k::code, k::acquired,
                              k::disposed, k::exercisable, k::expiration, k::underlying_title,
                              k::underlying_amount, k::price, k::owned, k::ownership, k::nature}};
    static const table_layout form3_table1{"Table I (Form 3)", {k::title, k::owned, k::ownership, k::nature}};
    static const table_layout form3_table2{
        "Table II (Form 3)", {k::title, k::exercisable, k::expiration, k::underlying_title, k::underlying_amount,
                              k::exercise_price, k::ownership, k::nature}};
    if (form == "3") return derivative ? form3_table2 : form3_table1;
    if (form == "5") return derivative ? form5_table2 : form5_table1;
    return derivative ? form4_table2 : form4_table1;
}

// The paper forms before 2003 had no deemed execution date column.
inline const table_layout& paper_layout(bool derivative) {
    using k = column_kind;
    static const table_layout table1{
        "Table I (paper form)", {k::title, k::date, k::code, k::voluntary, k::shares, k::acquired_disposed, k::price,
                                 k::owned, k::ownership, k::nature}};
    static const table_layout table2{
        "Table II (paper form)", {k::title, k::exercise_price, k::date, k::code, k::voluntary, k::shares,
                                  k::acquired_disposed, k::exercisable, k::expiration, k::underlying_title,
                                  k::underlying_amount, k::price, k::owned, k::ownership, k::nature}};
    return derivative ? table2 : table1;
}

// Column captions ("1. Title of Security (Instr. 3)", "Code", "V", "(A) or (D)"...).
inline bool is_caption_row(const std::vector<span>& cells) {
    static const std::vector<std::string> words = {"code", "v", "amount", "(a) or (d)", "(a)", "(d)", "price",
                                                   "date exercisable", "expiration date", "title",
                                                   "amount or number of shares", "date", "exercisable",
                                                   "expiration", "(a) or (d) price",
                                                   "amount or number of", "shares", "amount (a) or (d)"};   // w3m
    bool all_captions = true;
    std::string text;   // one buffer for every cell
    for (const auto& cell : cells) {
        if (cell.empty()) continue;
        clean_text_into(cell.view(), text);
        // ASCII folding: the captions are ASCII (and the C library's tolower costs a call a byte).
        for (auto& c : text) c = grammar::text::lexical::ascii_lower(c);
        if (text.find("(instr.") != std::string::npos || text.find("title of") != std::string::npos ||
            text.find("month/day/year") != std::string::npos || text.find("(e.g.") != std::string::npos)
            return true;
        if (std::find(words.begin(), words.end(), text) == words.end()) all_captions = false;
    }
    return all_captions;
}

// Calls f(rule, field) with the cell rule and the row field of a column.
template <class F>
void visit_column(column_kind kind, row_fields& row, F&& f) {
    namespace g = grammar::text;
    using k = column_kind;
    switch (kind) {
        case k::title: f(g::text_cell(), row.title); break;
        case k::exercise_price: f(g::number_cell(), row.exercise_price); break;
        case k::date: f(g::date_cell(), row.date); break;
        case k::deemed_date: f(g::date_cell(), row.deemed); break;
        case k::code: f(g::code_cell(), row.code); break;
        case k::voluntary: f(g::voluntary_cell(), row.voluntary); break;
        case k::shares: f(g::number_cell(), row.shares); break;
        case k::acquired_disposed: f(g::acquired_disposed_cell(), row.acquired_disposed); break;
        case k::price: f(g::number_cell(), row.price); break;
        case k::owned: f(g::number_cell(), row.owned); break;
        case k::ownership: f(g::ownership_cell(), row.ownership); break;
        case k::nature: f(g::text_cell(), row.nature); break;
        case k::acquired: f(g::number_cell(), row.acquired); break;
        case k::disposed: f(g::number_cell(), row.disposed); break;
        case k::exercisable: f(g::date_cell(), row.exercisable); break;
        case k::expiration: f(g::date_cell(), row.expiration); break;
        case k::underlying_title: f(g::text_cell(), row.underlying_title); break;
        case k::underlying_amount: f(g::number_cell(), row.underlying_amount); break;
    }
}

// Reads `cell` into the column's field; false (field untouched) when it does not fit.
template <class Parse>
bool read_cell(column_kind kind, span cell, row_fields& row, Parse&& parse) {
    bool ok = false;
    visit_column(kind, row, [&](auto const& rule, auto& field) {
        std::remove_reference_t<decltype(field)> value;
        ok = parse(rule, cell, value);
        if (ok) field = std::move(value);
    });
    return ok;
}

inline void append_marks(column_kind kind, row_fields& row, const ast::marks& marks) {
    visit_column(kind, row, [&](auto const&, auto& field) { field.notes.insert(field.notes.end(), marks.begin(), marks.end()); });
}

inline bool is_text_column(column_kind kind) {
    return kind == column_kind::title || kind == column_kind::nature || kind == column_kind::underlying_title;
}

// How much a column's being filled speaks for a reading of a collapsed row:
// the columns almost every row fills weigh most.
inline int column_weight(column_kind kind) {
    using k = column_kind;
    switch (kind) {
        case k::owned: case k::ownership: return 5;
        case k::date: case k::code: return 4;
        case k::shares: case k::acquired_disposed: case k::expiration: return 3;
        case k::exercise_price: case k::acquired: case k::exercisable: case k::underlying_title:
        case k::underlying_amount: return 2;
        default: return 1;
    }
}

inline bool transaction_only(column_kind kind) {
    using k = column_kind;
    return kind == k::date || kind == k::deemed_date || kind == k::code || kind == k::voluntary ||
           kind == k::shares || kind == k::acquired_disposed || kind == k::price || kind == k::acquired ||
           kind == k::disposed;
}

// Gives each non-empty cell a column, in order, skipping the columns whose
// empty cells a converter collapsed. Of all readings that fit every cell, the
// one filling the weightiest columns wins; a row without a date or a code is a
// holding and fills no transaction column. Cells holding only footnote marks
// get -1 (they belong to the cell before).
template <class Probe>
bool match_collapsed(const table_layout& layout, const std::vector<span>& cells, Probe&& probe,
                     std::vector<int>& assignment) {
    namespace g = grammar::text;
    const std::size_t columns = layout.columns.size();
    // fits[cell][column], computed once.
    std::vector<std::vector<char>> fits(cells.size(), std::vector<char>(columns, 0));
    std::vector<char> marks_only(cells.size(), 0);
    row_fields scratch;   // only names each column's field type to visit_column
    for (std::size_t c = 0; c < cells.size(); ++c) {
        ast::marks marks;
        marks_only[c] = c > 0 && probe(g::footnote_marks(), cells[c], marks) && !marks.empty();
        ast::number_field number;
        ast::date_field when;
        ast::letter_field letter;
        bool value_like = (probe(g::number_cell(), cells[c], number) && !number.text.empty()) ||
                          (probe(g::date_cell(), cells[c], when) && when.value) ||
                          (probe(g::ownership_cell(), cells[c], letter) && !letter.letter.empty()) ||
                          (probe(g::acquired_disposed_cell(), cells[c], letter) && !letter.letter.empty());
        for (std::size_t j = 0; j < columns; ++j) {
            column_kind kind = layout.columns[j];
            if ((j == 0) != (c == 0)) continue;   // the title is the first cell, and only it
            if (kind == column_kind::title) { fits[c][j] = 1; continue; }
            if (is_text_column(kind)) { fits[c][j] = !value_like; continue; }
            visit_column(kind, scratch, [&](auto const& rule, auto& field) {
                std::remove_reference_t<decltype(field)> value;
                if (!probe(rule, cells[c], value)) return;
                if constexpr (std::is_same_v<decltype(value), ast::date_field>) fits[c][j] = value.value.has_value();
                else if constexpr (std::is_same_v<decltype(value), ast::code_field>) fits[c][j] = !value.code.empty();
                else if constexpr (std::is_same_v<decltype(value), ast::letter_field>) fits[c][j] = !value.letter.empty();
                // A "$" with only marks after it: an empty price that has a footnote.
                else fits[c][j] = !value.text.empty() || (!value.notes.empty() && *cells[c].begin == '$');
            });
        }
    }
    std::vector<int> current(cells.size(), -1);
    int best_score = -1;
    std::size_t budget = 200000;   // readings explored at most (rows are short; this never binds in practice)
    std::function<void(std::size_t, std::size_t, int)> search = [&](std::size_t c, std::size_t column, int score) {
        if (budget == 0) return;
        --budget;
        if (c == cells.size()) {
            bool dated = false, transactional = false;
            for (int j : current) {
                if (j < 0) continue;
                column_kind kind = layout.columns[static_cast<std::size_t>(j)];
                dated |= kind == column_kind::code;   // every transaction row has its code
                transactional |= transaction_only(kind);
            }
            if (transactional && !dated) return;
            if (score > best_score) {
                best_score = score;
                assignment = current;
            }
            return;
        }
        if (marks_only[c]) {
            current[c] = -1;
            search(c + 1, column, score);
            return;
        }
        for (std::size_t j = column; j < columns; ++j) {
            if (!fits[c][j]) continue;
            current[c] = static_cast<int>(j);
            search(c + 1, j + 1, score + column_weight(layout.columns[j]));
        }
        current[c] = -1;
    };
    search(0, 0, 0);
    return best_score >= 0;
}

}  // namespace form4::text
