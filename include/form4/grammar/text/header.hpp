#pragma once
// The header of the form: the heading, items 1-6 and their checkboxes. Reads a
// stream of the header's cells (lib/text/layout.hpp puts a rendered page's
// columns one after another), finding each item by its label, in any order.
#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/config.hpp"

namespace form4::grammar::text {

struct header_class;
struct box_state_class;
struct relationship_entry_class;
struct filing_entry_class;

using header_type = x3::rule<header_class, ast::header>;
using box_state_type = x3::rule<box_state_class, bool>;
using relationship_entry_type = x3::rule<relationship_entry_class, ast::box_entry>;
using filing_entry_type = x3::rule<filing_entry_class, ast::box_entry>;

BOOST_SPIRIT_DECLARE(header_type, box_state_type, relationship_entry_type, filing_entry_type)

FORM4_RULE_ACCESSOR(header_type, header, "form header")
// A checkbox remnant: <input checked .../>, [X], (X), __X__, a lone X (true);
// <input .../>, [ ], ( ), ____ (false).
FORM4_RULE_ACCESSOR(box_state_type, box_state, "checkbox")
// [box] Director | 10% Owner | Officer (give title below) | Other (specify below) -> which 0..3
FORM4_RULE_ACCESSOR(relationship_entry_type, relationship_entry, "relationship checkbox")
// [box] Form filed by One Reporting Person | ... More than One ... -> which 0..1
FORM4_RULE_ACCESSOR(filing_entry_type, filing_entry, "filing checkbox")

}  // namespace form4::grammar::text
