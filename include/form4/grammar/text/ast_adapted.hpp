#pragma once
// Fusion adaptation of the text AST (nothing else belongs here).
#include <boost/fusion/include/adapt_struct.hpp>

#include "form4/grammar/text/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::date_value, month, day, year)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::date_field, value, notes)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::number_field, text, notes)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::code_field, code, equity_swap, notes)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::letter_field, letter, notes)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::text_field, text, notes)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::box_entry, checked, which)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::footnote_line, number, text)
BOOST_FUSION_ADAPT_STRUCT(form4::grammar::text::ast::signature_line, name, date)
