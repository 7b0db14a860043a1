// form4::detail::parse_text: a rendered-text form (see lib/text/reader.cpp).
#include "frontends.hpp"
#include "text/reader.hpp"

namespace form4::detail {

parse_result parse_text(std::string_view bytes, const parse_options& options) {
    return text::read_form(bytes, options, bytes, nullptr, input_format::text);
}

}  // namespace form4::detail
