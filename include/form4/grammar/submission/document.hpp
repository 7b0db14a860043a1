#pragma once
// The <DOCUMENT> parts of a submission and the whole submission (either
// header form, an optional privacy-enhanced-message wrapper, the documents).
// Definitions in document_def.hpp, included only by lib/submission/document.cpp
// and by rule tests.
#include "form4/grammar/submission/header.hpp"
#include "form4/grammar/rules.hpp"

namespace form4::grammar::submission {

struct document_part_class;
using document_part_type = x3::rule<document_part_class, ast::document_part>;
struct submission_class;
using submission_type = x3::rule<submission_class, ast::submission>;

BOOST_SPIRIT_DECLARE(document_part_type, submission_type)

}  // namespace form4::grammar::submission

namespace form4::grammar::envelope {
FORM4_RULE_ACCESSOR(submission::document_part_type, document_part, "<DOCUMENT>")
FORM4_RULE_ACCESSOR(submission::submission_type, submission, "submission")
}  // namespace form4::grammar::envelope
