#pragma once
// Lexical pieces shared by every rule of the text grammar: blanks, footnote
// marks in their three spellings, checkbox marks, and `phrase`, a literal that
// matches a form label however a converter spaced or cased it.
#include <cctype>
#include <string_view>

#include "form4/detail/ascii.hpp"
#include "form4/grammar/text/config.hpp"

namespace form4::grammar::text {
namespace lexical {

// ASCII-only case folding and classes: labels are ASCII, and the C library's
// locale-aware functions dominated the header's parse time.
using form4::detail::ascii_lower;
constexpr bool ascii_alnum(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ' ', a tab, or a no-break space (U+00A0 as UTF-8, or &nbsp; left by a converter).
struct blank_parser : x3::parser<blank_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        if (first == last) return false;
        if (*first == ' ' || *first == '\t') {
            ++first;
            return true;
        }
        if (last - first >= 2 && first[0] == '\xC2' && first[1] == '\xA0') {
            first += 2;
            return true;
        }
        if (last - first >= 6 && std::string_view(first, 6) == "&nbsp;") {
            first += 6;
            return true;
        }
        return false;
    }
};

// A label as printed on the form, matched without regard to case, with any run
// of white space (line breaks included) wherever the label has a space, and
// optional white space before punctuation (converters add and drop it).
struct phrase_parser : x3::parser<phrase_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;
    std::string_view text;

    constexpr explicit phrase_parser(std::string_view t) : text(t) {}

    // The width of the white space at `it` (a no-break space is two bytes), 0 if none.
    template <class Iterator>
    static std::size_t space_width(Iterator it, Iterator last) {
        if (it == last) return 0;
        if (*it == ' ' || *it == '\t' || *it == '\n' || *it == '\r') return 1;
        if (last - it >= 2 && it[0] == '\xC2' && it[1] == '\xA0') return 2;
        return 0;
    }

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        // Most tries fail at the first character: small enough to be inlined where the label is tried.
        if (!text.empty() && text[0] != ' ' && (first == last || ascii_lower(*first) != ascii_lower(text[0])))
            return false;
        return match(first, last);
    }

private:
    template <class Iterator>
    bool match(Iterator& first, Iterator const& last) const {
        Iterator it = first;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char want = text[i];
            if (want == ' ') {
                if (!space_width(it, last)) return false;
                while (std::size_t w = space_width(it, last)) it += w;
                continue;
            }
            // The character itself (labels are ASCII and hold no white space but ' ').
            if (it != last && ascii_lower(*it) == ascii_lower(want)) {
                ++it;
                continue;
            }
            // Else only punctuation after white space the label does not have.
            bool punctuation = !ascii_alnum(want);
            if (!punctuation || i == 0 || text[i - 1] == ' ') return false;
            while (std::size_t w = space_width(it, last)) it += w;
            if (it == last) return false;
            if (ascii_lower(*it) != ascii_lower(want)) return false;
            ++it;
        }
        // A label ends at a word boundary: "Director" must not match "Directors".
        if (!text.empty() && ascii_alnum(text.back()) && it != last && ascii_alnum(*it)) return false;
        first = it;
        return true;
    }
};

constexpr phrase_parser phrase(std::string_view text) { return phrase_parser(text); }

// Reads nothing; succeeds when `Test(first, last)` says what follows may start
// a match. Put before a set of alternatives, it spares trying each of them at
// every place none of them can start.
template <bool (*Test)(char const*, char const*)>
struct lookahead_parser : x3::parser<lookahead_parser<Test>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        return Test(first, last);
    }
};

// Whether the text at `p` could begin `phrase("I.R.S. ...")`'s second character:
// phrase() lets white space stand before punctuation.
constexpr bool dot_or_space(char c) noexcept {
    return c == '.' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\xC2';
}

inline blank_parser const blank{};
auto const blanks = x3::omit[*blank];

// Superscript digits (U+2070..U+2079 and the Latin-1 ones), as ASCII digits.
struct superscript_digits_table : x3::symbols<char> {
    superscript_digits_table() {
        add("\xE2\x81\xB0", '0')("\xC2\xB9", '1')("\xC2\xB2", '2')("\xC2\xB3", '3')("\xE2\x81\xB4", '4')(
            "\xE2\x81\xB5", '5')("\xE2\x81\xB6", '6')("\xE2\x81\xB7", '7')("\xE2\x81\xB8", '8')("\xE2\x81\xB9", '9');
    }
};
inline superscript_digits_table const superscript_digit;

auto const superscript_open = x3::lit("\xE2\x81\xBD");    // U+207D
auto const superscript_close = x3::lit("\xE2\x81\xBE");   // U+207E

// "<u>" / "</u>" left by a converter around a filled-in value.
auto const underline_open = x3::lit("<u>") | x3::lit("<U>");
auto const underline_close = x3::lit("</u>") | x3::lit("</U>");

// An <input type="checkbox"/> remnant; checked when it carries "checked".
struct checkbox_input_parser : x3::parser<checkbox_input_parser> {
    using attribute_type = bool;
    static bool const has_attribute = true;

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute& attr) const {
        Iterator it = first;
        if (it == last || *it != '<') return false;
        ++it;
        constexpr std::string_view name = "input";
        for (char c : name) {
            if (it == last || ascii_lower(*it) != c) return false;
            ++it;
        }
        bool checked = false;
        Iterator attributes = it;
        while (it != last && *it != '>') ++it;
        if (it == last) return false;
        std::string_view inside(attributes, static_cast<std::size_t>(it - attributes));
        for (std::size_t i = 0; i + 7 <= inside.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < 7 && match; ++k)
                match = ascii_lower(inside[i + k]) == "checked"[k];
            if (match) checked = true;
        }
        first = it + 1;
        x3::traits::move_to(checked, attr);
        return true;
    }
};
inline checkbox_input_parser const checkbox_input{};

}  // namespace lexical
}  // namespace form4::grammar::text
