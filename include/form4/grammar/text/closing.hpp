#pragma once
// The lines after the tables, and the section titles that divide the page:
// Explanation of Responses (footnotes), Remarks, signatures. (The Reporting
// Owners block of a joint filing repeats items 1 and 5: header.hpp reads it.)
#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/config.hpp"

namespace form4::grammar::text {

struct section_title_class;
struct footnote_line_class;
struct signature_line_class;

using section_title_type = x3::rule<section_title_class, ast::section_kind>;
using footnote_line_type = x3::rule<footnote_line_class, ast::footnote_line>;
using signature_line_type = x3::rule<signature_line_class, ast::signature_line>;

BOOST_SPIRIT_DECLARE(section_title_type, footnote_line_type, signature_line_type)

// The start of a line that opens or closes a section (the rest of the line is not read).
FORM4_RULE_ACCESSOR(section_title_type, section_title, "section title")
// "1. text", "(1) text", "⁽¹⁾ text", "¹ text", "F1 text": a footnote's first line.
FORM4_RULE_ACCESSOR(footnote_line_type, footnote_line, "footnote")
// "/s/ Name 07/22/2003" (or "Name<tab>07/22/2003", or a name alone).
FORM4_RULE_ACCESSOR(signature_line_type, signature_line, "signature")

}  // namespace form4::grammar::text
