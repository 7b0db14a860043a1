#pragma once
// Definitions of the shared rules (included by lib/text/common.cpp only).
#include "form4/grammar/text/ast_adapted.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/lexical.hpp"

namespace form4::grammar::text {
// Rule IDs: every rule reports an expectation failure as a diagnostic.
struct footnote_mark_class : error_reporter {};
struct footnote_marks_class : error_reporter {};
struct date_class : error_reporter {};
struct month_name_date_class : error_reporter {};
struct number_class : error_reporter {};
struct date_cell_class : error_reporter {};
struct number_cell_class : error_reporter {};
struct code_cell_class : error_reporter {};
struct acquired_disposed_cell_class : error_reporter {};
struct ownership_cell_class : error_reporter {};
struct voluntary_cell_class : error_reporter {};
struct text_cell_class : error_reporter {};

footnote_mark_type const footnote_mark_rule = "footnote mark";
footnote_marks_type const footnote_marks_rule = "footnote marks";
date_type const date_rule = "date (MM/DD/YYYY)";
month_name_date_type const month_name_date_rule = "date (Month DD, YYYY)";
number_type const number_rule = "number";
date_cell_type const date_cell_rule = "date cell";
number_cell_type const number_cell_rule = "number cell";
code_cell_type const code_cell_rule = "transaction code cell";
acquired_disposed_cell_type const acquired_disposed_cell_rule = "(A) or (D) cell";
ownership_cell_type const ownership_cell_rule = "ownership form cell (D or I)";
voluntary_cell_type const voluntary_cell_rule = "V cell";
text_cell_type const text_cell_rule = "text cell";

namespace common_rules {

using lexical::blanks;
using x3::char_;
using x3::digit;
using x3::eoi;
using x3::lit;

auto const end_of_cell = x3::rule<struct end_of_cell_id>{"end of cell"} = blanks >> eoi;

// "> end_of_cell" without the throw: where a cell goes on past its value, the
// cell rule fails and its error_reporter's diagnostic is given here, as the
// expectation failure would have been. A thrown exception cost more than the
// whole row, and a page without tabs tries every cell rule on every cell.
struct expect_end_of_cell_parser : x3::parser<expect_end_of_cell_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute&) const {
        Iterator it = first;
        while (lexical::blank.parse(it, last, context, rcontext, x3::unused)) {}
        if (it == last) {
            first = it;
            return true;
        }
        error_reporter::report_expected(first, last, std::string("end of cell"), context);
        return false;
    }
};
expect_end_of_cell_parser const expect_end_of_cell{};

// "(1)", "⁽¹⁾" or a bare run of superscript digits such as "¹".
// Succeeds, reading nothing, when the page may write marks as "(1)".
struct ascii_marks_allowed_parser : x3::parser<ascii_marks_allowed_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator&, Iterator const&, Context const& context, RContext&, Attribute&) const {
        return state_of(context).ascii_marks;
    }
};
ascii_marks_allowed_parser const ascii_marks_allowed{};

// lynx -dump and w3m write a <sup> mark as "^(1)"; on a page that does, the caret is required.
struct mark_caret_parser : x3::parser<mark_caret_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
        if (first != last && *first == '^') {
            ++first;
            return true;
        }
        return !state_of(context).caret_marks;
    }
};
mark_caret_parser const mark_caret{};

auto const ascii_mark = x3::rule<struct ascii_mark_id, std::string>{"(N)"} = mark_caret >> lit('(') >> +digit >> lit(')');
auto const superscript_mark = x3::rule<struct superscript_mark_id, std::string>{"superscript mark"} =
    (lexical::superscript_open >> +lexical::superscript_digit >> lexical::superscript_close) |
    +lexical::superscript_digit;
auto const footnote_mark_rule_def = (ascii_marks_allowed >> ascii_mark) | superscript_mark;

auto const mark_separator = x3::omit[*(lexical::blank | lit(','))];
auto const footnote_marks_rule_def = *(mark_separator >> footnote_mark_rule);

x3::uint_parser<unsigned, 10, 1, 2> const one_or_two_digits;
x3::uint_parser<unsigned, 10, 2, 4> const year_digits;

// Once "MM/" is read this can only be a date: expect the rest.
auto const date_rule_def = one_or_two_digits >> lit('/') > one_or_two_digits > lit('/') > year_digits;

struct month_names_table : x3::symbols<unsigned> {
    month_names_table() {
        char const* names[] = {"january", "february", "march",     "april",   "may",      "june",
                               "july",    "august",   "september", "october", "november", "december"};
        for (unsigned i = 0; i < 12; ++i) add(names[i], i + 1);
        char const* abbreviations[] = {"jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
                                       "aug.", "sep.", "sept.", "oct.", "nov.", "dec."};
        unsigned months[] = {1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12};
        for (unsigned i = 0; i < 12; ++i) add(abbreviations[i], months[i]);
    }
};
month_names_table const month_names;

auto const month_name_date_rule_def = x3::no_case[month_names] >> +lexical::blank >> one_or_two_digits >>
                                      lit(',') >> blanks > year_digits;

// The digits with their "$" (or "\$" from a Markdown converter), sign and separators.
auto const number_rule_def = x3::raw[-lit('\\') >> -lit('$') >> blanks >> -char_("+-") >>
                                     ((+digit % ',' >> -(lit('.') >> *digit)) | (lit('.') >> +digit))];

auto const date_cell_rule_def = blanks >> -lexical::underline_open >> -date_rule >> -lexical::underline_close >>
                                footnote_marks_rule >> expect_end_of_cell;
// A "$" with no number after it (the stylesheets draw one before an empty price's marks) holds nothing.
auto const number_cell_rule_def = blanks >> x3::raw[-number_rule] >> x3::omit[-(-lit('\\') >> lit('$'))] >>
                                  footnote_marks_rule >> expect_end_of_cell;
auto const code_cell_rule_def = blanks >> *char_("A-Z") >> x3::matches[lit("/K") | lit("/k")] >>
                                footnote_marks_rule >> expect_end_of_cell;
auto const acquired_disposed_cell_rule_def = blanks >> x3::raw[-char_("AD")] >> footnote_marks_rule >> expect_end_of_cell;
auto const ownership_cell_rule_def = blanks >> x3::raw[-char_("DI")] >> footnote_marks_rule >> expect_end_of_cell;
auto const voluntary_cell_rule_def = blanks >> x3::raw[-char_("V")] >> footnote_marks_rule >> expect_end_of_cell;

// Text up to the footnote marks that end the cell (marks inside the text stay text).
auto const trailing_marks = +(mark_separator >> footnote_mark_rule) >> end_of_cell;
// Marks (and the blanks or commas before them) start with one of these bytes:
// ' ', tab, &nbsp;, ',', "(1)", or the lead byte of U+00A0, ¹²³ (0xC2) or ⁽⁰⁴..⁹ (0xE2).
// Elsewhere the text goes on without trying them.
inline bool may_start_marks(char const* p, char const* last) noexcept {
    if (p == last) return false;
    char c = *p;
    return c == ' ' || c == '\t' || c == ',' || c == '(' || c == '&' || c == '\xC2' || c == '\xE2';
}
auto const marks_may_start = lexical::lookahead_parser<may_start_marks>{};
auto const text_cell_rule_def =
    x3::raw[*(char_ - (marks_may_start >> trailing_marks))] >> footnote_marks_rule >> expect_end_of_cell;

}  // namespace common_rules

using common_rules::footnote_mark_rule_def;
using common_rules::footnote_marks_rule_def;
using common_rules::date_rule_def;
using common_rules::month_name_date_rule_def;
using common_rules::number_rule_def;
using common_rules::date_cell_rule_def;
using common_rules::number_cell_rule_def;
using common_rules::code_cell_rule_def;
using common_rules::acquired_disposed_cell_rule_def;
using common_rules::ownership_cell_rule_def;
using common_rules::voluntary_cell_rule_def;
using common_rules::text_cell_rule_def;

BOOST_SPIRIT_DEFINE(footnote_mark_rule, footnote_marks_rule, date_rule, month_name_date_rule, number_rule,
                    date_cell_rule, number_cell_rule, code_cell_rule, acquired_disposed_cell_rule,
                    ownership_cell_rule, voluntary_cell_rule, text_cell_rule)

}  // namespace form4::grammar::text
