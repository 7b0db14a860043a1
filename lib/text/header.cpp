// Instantiates the header rules (the only file that includes header_def.hpp).
#include "form4/grammar/text/header_def.hpp"

namespace form4::grammar::text {
BOOST_SPIRIT_INSTANTIATE(header_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(box_state_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(relationship_entry_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(filing_entry_type, iterator_type, context_type)
}  // namespace form4::grammar::text
