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

namespace form4::grammar::envelope {
submission::text_field_type const& text_field() { return submission::text_field; }
submission::text_group_type const& text_group() { return submission::text_group; }
submission::text_block_type const& text_block() { return submission::text_block; }
submission::text_header_type const& text_header() { return submission::text_header; }
submission::tag_field_type const& tag_field() { return submission::tag_field; }
submission::tag_group_type const& tag_group() { return submission::tag_group; }
submission::tag_block_type const& tag_block() { return submission::tag_block; }
submission::tag_header_type const& tag_header() { return submission::tag_header; }
}  // namespace form4::grammar::envelope
