// The one translation unit that compiles the document-part and submission
// rules. It uses the header rules through their declarations (header.cpp
// instantiates them), so the two compile apart and in parallel.
#include "form4/grammar/submission/document_def.hpp"

namespace form4::grammar::submission {
BOOST_SPIRIT_INSTANTIATE(document_part_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(submission_type, iterator_type, context_type)
}  // namespace form4::grammar::submission
