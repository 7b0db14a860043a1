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
footnote_mark_type const& footnote_mark();       // "(1)", "⁽¹⁾", "¹" -> "1"
footnote_marks_type const& footnote_marks();     // zero or more marks, blanks or commas between
date_type const& date();                         // MM/DD/YYYY (one-digit month/day, two-digit year too)
month_name_date_type const& month_name_date();   // "March 13, 2000"
number_type const& number();                     // "$1,234.50", "\$0.00", "-5" (text as written)
date_cell_type const& date_cell();
number_cell_type const& number_cell();
code_cell_type const& code_cell();               // "M", "J/K", "S(1)"
acquired_disposed_cell_type const& acquired_disposed_cell();   // "A" / "D"
ownership_cell_type const& ownership_cell();                   // "D" / "I"
voluntary_cell_type const& voluntary_cell();                   // "V" or empty
text_cell_type const& text_cell();               // free text with trailing marks

}  // namespace form4::grammar::text
