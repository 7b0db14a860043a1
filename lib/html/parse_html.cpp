// form4::detail::parse_html: EDGAR's HTML rendering, read as text.
#include "frontends.hpp"
#include "html/linearize.hpp"
#include "text/reader.hpp"

namespace form4::detail {

parse_result parse_html(std::string_view bytes, const parse_options& options) {
    return with_utf8_input(bytes, options, input_format::html, [&](std::string_view input) {
        html::linear_text page = html::linearize(input);
        page.map.stream_begin = page.text.data();
        return text::read_form(page.text, options, input, &page.map, input_format::html);
    });
}

}  // namespace form4::detail
