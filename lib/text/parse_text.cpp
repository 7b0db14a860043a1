// form4::detail::parse_text: a rendered-text form (see lib/text/reader.cpp).
#include "frontends.hpp"
#include "text/markdown.hpp"
#include "text/reader.hpp"

namespace form4::detail {

parse_result parse_text(std::string_view bytes, const parse_options& options) {
    return with_utf8_input(bytes, options, input_format::text, [&](std::string_view text) {
        if (text::is_form_markdown(text)) {
            text::stream page = text::markdown_to_tabs(text);
            const auto& map = page.map();
            return text::read_form(std::string_view(page.text()), options, text, &map, input_format::text);
        }
        return text::read_form(text, options, text, nullptr, input_format::text);
    });
}

}  // namespace form4::detail
