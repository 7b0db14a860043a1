#pragma once
// The ownershipDocument grammar: declaration and accessor. The definition is
// in ownership_document_def.hpp; one translation unit includes it and
// instantiates the rule (lib/xml/ownership_document.cpp in the library, or a
// program's own, which then needs nothing but these headers and Boost).
#include "form4/grammar/rules.hpp"
#include "form4/grammar/xml/config.hpp"
#include "form4/model/document.hpp"

namespace form4::grammar::xml {

struct ownership_document_class;
using ownership_document_type = x3::rule<ownership_document_class, form4::document>;
BOOST_SPIRIT_DECLARE(ownership_document_type)

}  // namespace form4::grammar::xml

namespace form4::grammar {
// <ownershipDocument>...</ownershipDocument> into a document.
FORM4_RULE_ACCESSOR(xml::ownership_document_type, ownership_document, "ownershipDocument")
}  // namespace form4::grammar
