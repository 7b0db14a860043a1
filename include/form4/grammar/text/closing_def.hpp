#pragma once
// Definitions of the closing rules (included by lib/text/closing.cpp only).
#include <string>

#include "form4/grammar/text/ast_adapted.hpp"
#include "form4/grammar/text/closing.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/lexical.hpp"

namespace form4::grammar::text {

struct section_title_class : error_reporter {};
struct footnote_line_class : error_reporter {};
struct signature_line_class : error_reporter {};

section_title_type const section_title_rule = "section title";
footnote_line_type const footnote_line_rule = "footnote";
signature_line_type const signature_line_rule = "signature";

namespace closing_rules {

using lexical::blanks;
using lexical::phrase;
using x3::attr;
using x3::char_;
using x3::digit;
using x3::lit;
using kind = ast::section_kind;

auto const line_start = blanks >> x3::omit[*(lexical::underline_open | x3::no_case[lit("<b>")])] >> blanks;

// Every title starts with one of these (checked first: most lines are no title).
auto const title_start = &char_("TtEeRrSsNn*^");   // "^**Signature": lynx's mark for a <sup>
// The same before line_start: past blanks, a title or its markup ("<u>", "<b>") starts here.
inline bool may_start_title(char const* p, char const* last) noexcept {
    while (p != last && *p == ' ') ++p;   // the common indent, quickly
    for (;;) {
        if (p == last) return false;
        if (*p == ' ' || *p == '\t') ++p;
        else if (last - p >= 2 && p[0] == '\xC2' && p[1] == '\xA0') p += 2;
        else if (last - p >= 6 && std::string_view(p, 6) == "&nbsp;") p += 6;
        else break;
    }
    if (*p == '*' || (*p == '^' && last - p >= 2 && p[1] == '*')) return true;
    if (last - p < 3) return false;
    // The first two letters of "Table", "Explanation", "Remarks" / "Reporting" / "Reminder", "Signature", "Note";
    // or the markup line_start passes: <u>, <U>, <b>, <B>.
    char c1 = lexical::ascii_lower(p[1]);
    switch (lexical::ascii_lower(*p)) {
        case 't': return c1 == 'a';
        case 'e': return c1 == 'x';
        case 'r': return c1 == 'e';
        case 's': return c1 == 'i';
        case 'n': return c1 == 'o';
        case '<': return (c1 == 'u' || c1 == 'b') && p[2] == '>';
        default: return false;
    }
}

auto const section_title_rule_def =
    lexical::lookahead_parser<may_start_title>{} >> line_start >> title_start >> ((phrase("Table II") >> attr(kind::table2)) | (phrase("Table I") >> attr(kind::table1)) |
                   (phrase("Explanation of Responses") >> attr(kind::explanation)) |
                   (phrase("Remarks") >> &(blanks >> (lit(':') | x3::eoi | char_("\r\n"))) >> attr(kind::remarks)) |
                   (-lit('^') >> -lit("**") >> blanks >> phrase("Signature of Reporting Person") >>
                    attr(kind::signature_caption)) |
                   (phrase("Reporting Owners") >> blanks >> &(x3::eoi | char_("\r\n")) >> attr(kind::reporting_owners)) |
                   // The current layout's heading over the signatures: it ends the table above.
                   (phrase("Signatures") >> blanks >> x3::eoi >> attr(kind::trailer)) |
                   ((phrase("Reminder:") | phrase("Note: File three copies of this Form") | phrase("* If the form is filed by more than one reporting person") |
                     phrase("** Intentional misstatements")) >>
                    attr(kind::trailer)));

auto const ascii_number = x3::rule<struct ascii_number_id, std::string>{"footnote number"} =
    (lit('(') >> +digit >> lit(')')) | (+digit >> (lit('.') | lit(')') | lit(':'))) |
    (lit('F') >> +digit >> -(lit('.') | lit(':')));
auto const rest_of_line = x3::rule<struct rest_of_line_id, std::string>{"text"} = x3::raw[*char_];

auto const footnote_line_rule_def = line_start >> (ascii_number | footnote_mark()) >> +lexical::blank >> rest_of_line;

auto const any_date = x3::rule<struct any_date_id, ast::date_value>{"date"} = date() | month_name_date();
auto const date_at_end = +lexical::blank >> any_date >> blanks >> x3::eoi;
auto const signer = x3::rule<struct signer_id, std::string>{"signer"} = x3::raw[*(char_ - date_at_end)];
auto const signature_line_rule_def = blanks >> signer >> -(+lexical::blank >> any_date) >> blanks;

}  // namespace closing_rules

using closing_rules::footnote_line_rule_def;
using closing_rules::section_title_rule_def;
using closing_rules::signature_line_rule_def;

BOOST_SPIRIT_DEFINE(section_title_rule, footnote_line_rule, signature_line_rule)

}  // namespace form4::grammar::text
