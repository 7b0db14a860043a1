// Instantiates the closing rules (the only file that includes closing_def.hpp).
#include "form4/grammar/text/closing_def.hpp"

namespace form4::grammar::text {
BOOST_SPIRIT_INSTANTIATE(section_title_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(footnote_line_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(signature_line_type, iterator_type, context_type)
}  // namespace form4::grammar::text
