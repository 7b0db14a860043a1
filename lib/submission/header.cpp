// The one translation unit that compiles the submission header rules.
#include "form4/grammar/submission/header_def.hpp"

namespace form4::grammar::submission {
BOOST_SPIRIT_INSTANTIATE(text_field_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(text_group_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(text_block_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(text_header_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(tag_field_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(tag_group_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(tag_block_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(tag_header_type, iterator_type, context_type)
}  // namespace form4::grammar::submission
