// form4::detail::parse_html: EDGAR's HTML rendering, read as text.
#include "frontends.hpp"
#include "html/linearize.hpp"
#include "text/reader.hpp"

namespace form4::detail {

parse_result parse_html(std::string_view bytes, const parse_options& options) {
    html::linear_text page = html::linearize(bytes);
    page.map.stream_begin = page.text.data();
    return text::read_form(page.text, options, bytes, &page.map, input_format::html);
}

}  // namespace form4::detail
