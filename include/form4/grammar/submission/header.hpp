#pragma once
// The submission header rules, both forms: the "KEY: value" text header of a
// .txt submission (<SEC-HEADER>) and the tag form of a .nc feed file
// (<SUBMISSION><ACCESSION-NUMBER>...). Declarations and accessors
// (inline: a rule is its name); the definitions are in header_def.hpp,
// instantiated by one translation unit (lib/submission/header.cpp) and
// included by tests that exercise single rules.
#include "form4/grammar/submission/ast.hpp"
#include "form4/grammar/rules.hpp"
#include "form4/grammar/submission/config.hpp"

namespace form4::grammar::submission {

// "ACCESSION NUMBER:\t\t0000320193-22-000061" (with wrapped continuation lines).
struct text_field_class;
using text_field_type = x3::rule<text_field_class, ast::field>;
// "\tOWNER DATA:" and its "\t\tKEY: value" lines.
struct text_group_class;
using text_group_type = x3::rule<text_group_class, ast::group>;
// "REPORTING-OWNER:" and its groups.
struct text_block_class;
using text_block_type = x3::rule<text_block_class, ast::block>;
// <SEC-HEADER> ... </SEC-HEADER>.
struct text_header_class;
using text_header_type = x3::rule<text_header_class, ast::header>;

// "<CIK>0000320193".
struct tag_field_class;
using tag_field_type = x3::rule<tag_field_class, ast::field>;
// <OWNER-DATA> ... </OWNER-DATA>.
struct tag_group_class;
using tag_group_type = x3::rule<tag_group_class, ast::group>;
// <REPORTING-OWNER> ... </REPORTING-OWNER>.
struct tag_block_class;
using tag_block_type = x3::rule<tag_block_class, ast::block>;
// The items of <SUBMISSION> up to its first <DOCUMENT>.
struct tag_header_class;
using tag_header_type = x3::rule<tag_header_class, ast::header>;

BOOST_SPIRIT_DECLARE(text_field_type, text_group_type, text_block_type, text_header_type, tag_field_type,
                     tag_group_type, tag_block_type, tag_header_type)

}  // namespace form4::grammar::submission

namespace form4::grammar::envelope {
FORM4_RULE_ACCESSOR(submission::text_field_type, text_field, "header field")
FORM4_RULE_ACCESSOR(submission::text_group_type, text_group, "header group")
FORM4_RULE_ACCESSOR(submission::text_block_type, text_block, "header block")
FORM4_RULE_ACCESSOR(submission::text_header_type, text_header, "<SEC-HEADER>")
FORM4_RULE_ACCESSOR(submission::tag_field_type, tag_field, "tag field")
FORM4_RULE_ACCESSOR(submission::tag_group_type, tag_group, "tag group")
FORM4_RULE_ACCESSOR(submission::tag_block_type, tag_block, "tag block")
FORM4_RULE_ACCESSOR(submission::tag_header_type, tag_header, "submission header")
}  // namespace form4::grammar::envelope
