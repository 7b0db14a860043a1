#pragma once
// Rules shared by the sections: footnote marks, dates, numbers, and one rule
// per kind of table cell. Each cell rule reads a whole cell (blanks around it
// allowed) and fails, naming what it expected, on anything else in it.
#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/config.hpp"

namespace form4::grammar::text {

struct footnote_mark_class;
struct footnote_marks_class;
struct date_class;
struct month_name_date_class;
struct number_class;
struct date_cell_class;
struct number_cell_class;
struct code_cell_class;
struct acquired_disposed_cell_class;
struct ownership_cell_class;
struct voluntary_cell_class;
struct text_cell_class;

using footnote_mark_type = x3::rule<footnote_mark_class, std::string>;
using footnote_marks_type = x3::rule<footnote_marks_class, ast::marks>;
using date_type = x3::rule<date_class, ast::date_value>;
using month_name_date_type = x3::rule<month_name_date_class, ast::date_value>;
using number_type = x3::rule<number_class, std::string>;
using date_cell_type = x3::rule<date_cell_class, ast::date_field>;
using number_cell_type = x3::rule<number_cell_class, ast::number_field>;
using code_cell_type = x3::rule<code_cell_class, ast::code_field>;
using acquired_disposed_cell_type = x3::rule<acquired_disposed_cell_class, ast::letter_field>;
using ownership_cell_type = x3::rule<ownership_cell_class, ast::letter_field>;
using voluntary_cell_type = x3::rule<voluntary_cell_class, ast::letter_field>;
using text_cell_type = x3::rule<text_cell_class, ast::text_field>;

BOOST_SPIRIT_DECLARE(footnote_mark_type, footnote_marks_type, date_type, month_name_date_type, number_type,
                     date_cell_type, number_cell_type, code_cell_type, acquired_disposed_cell_type,
                     ownership_cell_type, voluntary_cell_type, text_cell_type)

// Accessors: parse fragments through these (tests do).
FORM4_RULE_ACCESSOR(footnote_mark_type, footnote_mark, "footnote mark")  // "(1)", "⁽¹⁾", "¹" -> "1"
FORM4_RULE_ACCESSOR(footnote_marks_type, footnote_marks, "footnote marks")  // zero or more marks, blanks or commas between
FORM4_RULE_ACCESSOR(date_type, date, "date (MM/DD/YYYY)")  // MM/DD/YYYY (one-digit month/day, two-digit year too)
FORM4_RULE_ACCESSOR(month_name_date_type, month_name_date, "date (Month DD, YYYY)")  // "March 13, 2000"
FORM4_RULE_ACCESSOR(number_type, number, "number")  // "$1,234.50", "\$0.00", "-5" (text as written)
FORM4_RULE_ACCESSOR(date_cell_type, date_cell, "date cell")
FORM4_RULE_ACCESSOR(number_cell_type, number_cell, "number cell")
FORM4_RULE_ACCESSOR(code_cell_type, code_cell, "transaction code cell")  // "M", "J/K", "S(1)"
FORM4_RULE_ACCESSOR(acquired_disposed_cell_type, acquired_disposed_cell, "(A) or (D) cell")  // "A" / "D"
FORM4_RULE_ACCESSOR(ownership_cell_type, ownership_cell, "ownership form cell (D or I)")  // "D" / "I"
FORM4_RULE_ACCESSOR(voluntary_cell_type, voluntary_cell, "V cell")  // "V" or empty
FORM4_RULE_ACCESSOR(text_cell_type, text_cell, "text cell")  // free text with trailing marks

}  // namespace form4::grammar::text
