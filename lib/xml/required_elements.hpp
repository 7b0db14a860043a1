#pragma once
// Internal: the elements every ownership schema version requires, checked on the parsed document.
#include "form4/grammar/xml/config.hpp"
#include "form4/model/document.hpp"

namespace form4::detail {

// Strict mode: the first one missing is an error at the root element (thrown
// as a syntax_error). Lenient mode: a warning for each, and the document is kept.
void check_required_elements(const document& doc, grammar::xml::iterator_type root_at,
                             grammar::xml::parse_state& state);

}  // namespace form4::detail
