#pragma once
// The ownershipDocument grammar: declaration and accessor. The definition is
// in ownership_document_def.hpp, included only by lib/xml/ownership_document.cpp
// (and by tests that exercise single rules).
#include "form4/grammar/xml/config.hpp"
#include "form4/model/document.hpp"

namespace form4::grammar::xml {

struct ownership_document_class;
using ownership_document_type = x3::rule<ownership_document_class, form4::document>;
BOOST_SPIRIT_DECLARE(ownership_document_type)

}  // namespace form4::grammar::xml

namespace form4::grammar {
// <ownershipDocument>...</ownershipDocument> into a document.
xml::ownership_document_type const& ownership_document();
}  // namespace form4::grammar
