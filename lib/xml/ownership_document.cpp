// The one translation unit that compiles the ownership XML grammar.
#include "form4/grammar/xml/ownership_document_def.hpp"

namespace form4::grammar::xml {
BOOST_SPIRIT_INSTANTIATE(ownership_document_type, iterator_type, context_type)
}  // namespace form4::grammar::xml
