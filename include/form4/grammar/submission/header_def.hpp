#pragma once
// Definitions of the header rules (see header.hpp).
//
// The rules build their attributes with semantic actions rather than Fusion
// adaptation: a tag group or block must check that its closing tag names what
// it opened, which needs the rule's own attribute (_val) while parsing.
#include "form4/grammar/submission/header.hpp"
#include "form4/grammar/submission/lexical.hpp"

namespace form4::grammar::submission {

using namespace lexical;

// ---- the text form ("KEY:<tabs>value") ------------------------------------

// A key starts with a letter or digit and runs to the colon: "STREET 1",
// "SEC FILE NUMBER", "REPORTING-OWNER".
x3::rule<struct text_key_class, std::string_view> const text_key = "header key";
auto const text_key_def = header_key;

// A wrapped value: an indented line that is not itself "KEY:".
auto const continuation = x3::omit[+blank] >> !(text_key >> ':') >> !x3::lit('<') >>
                          line_text[actions::append_continuation] >> end_of_line;

text_field_type const text_field = "header field";
auto const text_field_def = text_key[actions::set_key] >> ':' >> *blank >> rest_of_line[actions::set_value] >>
                            end_of_line >> *continuation;

// Group lines are indented by one tab, their fields by two or more.
auto const group_indent = x3::lit('\t') >> !blank;
auto const field_indent = x3::lit('\t') >> +blank;

// An indented line inside a group that is not "KEY: value": an error when
// strict; when lenient, skipping just that line keeps the rest of the group.
auto const group_unknown = x3::raw[field_indent >> line_text >> end_of_line];

text_group_type const text_group = "header group";
auto const text_group_def = group_indent >> text_key[actions::set_name] >> ':' >> *blank >> line_end >>
                            *((field_indent >> text_field[actions::add_field]) |
                              group_unknown[actions::unknown_line]);

text_block_type const text_block = "header block";
auto const text_block_def = x3::eps[actions::mark_block] >> !blank >> text_key[actions::set_name] >> ':' >>
                            *blank >> line_end >> *(*blank_line >> text_group[actions::add_group]);

// ---- the tag form ("<KEY>value") ------------------------------------------

x3::rule<struct tag_name_class, std::string_view> const tag_name = "tag name";
auto const tag_name_def = tag_name_run;

tag_field_type const tag_field = "tag field";
auto const tag_field_def = '<' >> tag_name[actions::set_key] >> '>' >> rest_of_line[actions::set_value] >> end_of_line;

auto const closing_tag = x3::lit("</") >> tag_name[actions::check_close] >> '>' >> *blank >> end_of_line;

// A group or block holds at most this many lines: an opening line that
// opens nothing is then given up after a bounded look, however long the header.
constexpr int max_tag_group_lines = 64;
constexpr int max_tag_block_lines = 256;

tag_group_type const tag_group = "tag group";
auto const tag_group_def = '<' >> tag_name[actions::set_name] >> '>' >> *blank >> line_end >>
                           x3::repeat(0, max_tag_group_lines)[blank_line | tag_field[actions::add_field]] >>
                           closing_tag;
auto const tag_group_once = tried_once(&parse_state::failed_tag_groups)[tag_group];

// 1990s .txt headers put text-form groups inside a tag block, the group's
// line at the start and its fields one tab in:
//   <REPORTING-OWNER>
//   COMPANY DATA:
//   <tab>COMPANY CONFORMED NAME:<tabs>CANTALUPO JAMES R
//   <RELATIONSHIP>DIRECTOR
//   </REPORTING-OWNER>
x3::rule<struct flat_text_group_class, ast::group> const flat_text_group = "header group";
auto const flat_text_group_def =
    text_key[actions::set_name] >> ':' >> *blank >> line_end >>
    x3::repeat(0, max_tag_group_lines)[x3::lit('\t') >> text_field[actions::add_field]];

tag_block_type const tag_block = "tag block";
auto const tag_block_def = x3::eps[actions::mark_block] >> '<' >> tag_name[actions::set_name] >> '>' >> *blank >>
                           line_end >>
                           x3::repeat(0, max_tag_block_lines)[blank_line | tag_group_once[actions::add_group] |
                                                              tag_field[actions::add_loose_field] |
                                                              flat_text_group[actions::add_group]] >>
                           closing_tag;
auto const tag_block_once = tried_once(&parse_state::failed_tag_blocks)[tag_block];

// ---- whole headers --------------------------------------------------------

auto const text_header_open = x3::lit("<SEC-HEADER>") | x3::lit("<IMS-HEADER>");
auto const text_header_close = x3::lit("</SEC-HEADER>") | x3::lit("</IMS-HEADER>");
auto const text_header_unknown = x3::raw[!text_header_close >> !x3::lit("<DOCUMENT>") >> line_text >> end_of_line];

x3::rule<struct text_header_end_class> const text_header_end = "</SEC-HEADER>";
auto const text_header_end_def = text_header_close >> *blank >> end_of_line;

auto const text_header_start = text_header_open >> x3::omit[rest_of_line] >> end_of_line;
auto const text_header_items =
    *(blank_line | (!x3::lit("<DOCUMENT>") >> (tag_block_once[actions::add_block] | tag_field[actions::add_field])) |
      text_block[actions::add_block] |
      text_field[actions::add_field] | text_header_unknown[actions::unknown_line]);

// Sequences (>>) are named before they meet an expectation (>), so that
// neither reader nor compiler has to weigh the operators' precedence.
text_header_type const text_header = "<SEC-HEADER>";
auto const text_header_def = text_header_start > text_header_items > text_header_end;

// <SUBMISSION>'s items run up to its first <DOCUMENT> (or its end).
auto const tag_header_stop = x3::lit("<DOCUMENT>") | x3::lit("</SUBMISSION>");
auto const tag_header_unknown = x3::raw[!tag_header_stop >> line_text >> end_of_line];

tag_header_type const tag_header = "submission header";
auto const tag_header_def = *(blank_line | (!tag_header_stop >> (tag_block_once[actions::add_block] |
                                                                  tag_field[actions::add_field])) |
                              tag_header_unknown[actions::unknown_line]);

BOOST_SPIRIT_DEFINE(text_key, text_field, text_group, text_block, tag_name, tag_field, tag_group,
                    flat_text_group, tag_block, text_header_end, text_header, tag_header)

}  // namespace form4::grammar::submission
