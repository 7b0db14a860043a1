// Instantiates the shared text rules (the only file that includes common_def.hpp).
#include "form4/grammar/text/common_def.hpp"

namespace form4::grammar::text {
BOOST_SPIRIT_INSTANTIATE(footnote_mark_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(footnote_marks_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(month_name_date_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(date_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(number_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(code_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(acquired_disposed_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(ownership_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(voluntary_cell_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(text_cell_type, iterator_type, context_type)
}  // namespace form4::grammar::text
