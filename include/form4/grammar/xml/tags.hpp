#pragma once
// XML element structure in bytes: start and end tags, attributes, and the skipping of unknown or damaged elements.
#include <string>
#include <string_view>

#include "form4/grammar/xml/entities.hpp"

namespace form4::grammar::xml {
namespace scan {

struct start_tag {
    std::string_view name;
    std::string id;            // the id="..." attribute, the only one the schema uses
    bool self_closing = false;
};

// Reads the attributes of a start tag whose name has been read; `it` ends
// after '>' or "/>". Either quote; references decoded in values.
inline void read_attributes(iterator_type& it, iterator_type last, start_tag& tag, const parse_state& state) {
    for (;;) {
        skip_space(it, last);
        if (it == last)
            state.fail(it, "xml.unexpected-end", "input ends inside the start tag <" + shown(tag.name) + ">");
        if (*it == '>') {
            ++it;
            return;
        }
        if (*it == '/') {
            if (it + 1 == last || it[1] != '>')
                state.fail(it + 1, "xml.expected", "expected '>' after '/' in <" + shown(tag.name) + "/>");
            it += 2;
            tag.self_closing = true;
            return;
        }
        iterator_type name_at = it;
        std::string_view attribute = read_name(it, last);
        if (attribute.empty())
            state.fail(it, "xml.expected", "expected an attribute name, '>' or '/>' in <" + shown(tag.name) + ">");
        if (attribute.size() > state.limits.max_string_bytes) [[unlikely]]
            fail_string_length(name_at, state);
        skip_space(it, last);
        if (it == last || *it != '=')
            state.fail(it, "xml.expected", "expected '=' after attribute " + shown(attribute));
        ++it;
        skip_space(it, last);
        if (it == last || (*it != '"' && *it != '\''))
            state.fail(it, "xml.expected", "expected a quoted value for attribute " + shown(attribute));
        char quote = *it++;
        auto* close = static_cast<iterator_type>(std::memchr(it, quote, static_cast<std::size_t>(last - it)));
        if (!close) state.fail(name_at, "xml.unterminated-attribute", "attribute value is not closed");
        // Every attribute, read or not: the value limit covers all text that arrives.
        if (static_cast<std::size_t>(close - it) > state.limits.max_string_bytes) [[unlikely]]
            fail_string_length(it, state);
        if (attribute == "id") {
            tag.id.clear();
            append_char_data(it, close, tag.id, state, true);
            trim(tag.id);
            if (!state.latin1) check_utf8(tag.id, it, state);
        }
        it = close + 1;
    }
}

// True when a start tag named `name` begins at `it`.
inline bool at_start_tag(iterator_type it, iterator_type last, std::string_view name) noexcept {
    return last - it > static_cast<std::ptrdiff_t>(name.size()) + 1 && it[0] == '<' && it[1] == name[0] &&
           !is_name_char(it[1 + name.size()]) && same_bytes(it + 1, name.data(), name.size());
}

// True when any start tag begins at `it`.
inline bool at_any_start_tag(iterator_type it, iterator_type last) noexcept {
    return it != last && *it == '<' && it + 1 != last && it[1] != '/' && it[1] != '!' && it[1] != '?' &&
           opens_markup(it, last);
}

[[gnu::noinline]] inline void read_end_tag_slowly(iterator_type& it, iterator_type last, std::string_view name,
                                                  parse_state& state) {
    if (static_cast<std::size_t>(last - it) > name.size() + 2 && it[0] == '<' && it[1] == '/' &&
        same_bytes(it + 2, name.data(), name.size())) {  // "</name >"
        iterator_type p = it + 2 + name.size();
        scan::skip_space(p, last);
        if (p != last && *p == '>') {
            it = p + 1;
            return;
        }
    }
    std::string expected = "</" + shown(name) + ">";
    if (it == last) {
        if (!state.lenient)
            state.fail(it, "xml.unexpected-end", "input ends before " + expected);
        state.report(severity::warning, it, "xml.unexpected-end", "input ends before " + expected + "; closed it");
        return;
    }
    iterator_type tag_at = it;
    if (starts_with(it, last, "</")) {
        iterator_type p = it + 2;
        std::string_view found = read_name(p, last);
        skip_space(p, last);
        bool well_formed = p != last && *p == '>';
        if (well_formed && found == name) {
            it = p + 1;
            return;
        }
        if (!state.lenient) {
            if (!well_formed)
                state.fail(p, "xml.malformed-end-tag",
                           "expected '>' to end the end tag </" + shown(found) + " (closing <" +
                               shown(name) + ">)");
            state.fail(tag_at, "xml.mismatched-end-tag",
                       "expected " + expected + " but found </" + shown(found) + ">");
        }
        bool closes_ancestor = false;
        if (well_formed)
            for (auto open = state.open_elements.rbegin() + 1; open < state.open_elements.rend(); ++open)
                if (*open == found) closes_ancestor = true;
        if (closes_ancestor) {
            state.report(severity::warning, tag_at, "xml.missing-end-tag",
                         "missing " + expected + " before </" + shown(found) + ">; closed it there");
            return;
        }
        auto* gt = static_cast<iterator_type>(std::memchr(p, '>', static_cast<std::size_t>(last - p)));
        it = gt ? gt + 1 : last;
        state.report(severity::warning, tag_at, well_formed ? "xml.mismatched-end-tag" : "xml.malformed-end-tag",
                     "took the damaged end tag '" + shown(std::string_view(tag_at, static_cast<std::size_t>(it - tag_at))) + "' as " + expected);
        return;
    }
    if (!state.lenient) state.fail(it, "xml.expected", "expected " + expected);
    state.report(severity::warning, it, "xml.missing-end-tag", "missing " + expected + "; closed it here");
}

// Reads the end tag of `name` at `it`. Strict mode: anything else is an
// error. Lenient mode: a missing or garbled end tag closes the element with a
// warning, and an end tag that belongs to an enclosing element is left for it.
FORM4_XML_HOT void read_end_tag(iterator_type& it, iterator_type last, std::string_view name, parse_state& state) {
    // "</name>", the common case, inline; anything else out of line.
    if (static_cast<std::size_t>(last - it) > name.size() + 2 && it[0] == '<' && it[1] == '/' &&
        same_bytes(it + 2, name.data(), name.size()) && it[2 + name.size()] == '>') {
        it += 3 + name.size();
        return;
    }
    read_end_tag_slowly(it, last, name, state);
}

// Skips one element starting at `it` ('<' of its start tag), whatever its
// content, by counting start and end tags (iteratively: depth cannot
// exhaust the stack). Tolerant of damage: used for unknown elements and for
// recovery. Returns false when the input ends first (then `it` == last).
inline bool skip_element(iterator_type& it, iterator_type last, const parse_state& state, bool tolerant) {
    std::size_t depth = 0;
    while (it != last) {
        auto* lt = static_cast<iterator_type>(std::memchr(it, '<', static_cast<std::size_t>(last - it)));
        if (!lt) {
            it = last;
            return false;
        }
        it = lt;
        if (starts_with(it, last, "<![CDATA[")) {
            iterator_type close = find(it + 9, last, "]]>");
            if (close == last && !tolerant) state.fail(it, "xml.unterminated-cdata", "CDATA section is not closed");
            it = close == last ? last : close + 3;
            continue;
        }
        if (starts_with(it, last, "<!") || starts_with(it, last, "<?")) {
            if (tolerant) {
                try {
                    if (skip_markup_declaration(it, last, state)) continue;
                } catch (const syntax_error&) {
                    it = last;
                    return false;
                }
                ++it;
                continue;
            }
            if (!skip_markup_declaration(it, last, state)) state.fail(it, "xml.unexpected", "unexpected '<!'");
            continue;
        }
        bool closing = starts_with(it, last, "</");
        auto* gt = static_cast<iterator_type>(std::memchr(it, '>', static_cast<std::size_t>(last - it)));
        if (!gt) {
            if (!tolerant) state.fail(it, "xml.unexpected-end", "input ends inside a tag");
            it = last;
            return false;
        }
        bool self_closing = gt[-1] == '/';
        it = gt + 1;
        if (closing) {
            if (depth <= 1) return true;
            --depth;
        } else if (!self_closing) {
            if (++depth > state.limits.max_depth && !tolerant)
                state.fail(it, "limit.depth", "elements nest deeper than the limit of " +
                                                  std::to_string(state.limits.max_depth));
        } else if (depth == 0) {
            return true;
        }
    }
    return false;
}

// After damage inside element `name` that started at `it`: skips to just past
// its end tag </name> if there is one, else to the next tag after the damaged
// start, so that what follows is read again.
inline iterator_type skip_damaged(iterator_type it, iterator_type last, std::string_view name) noexcept {
    std::string end_tag = "</" + std::string(name);
    for (iterator_type p = it + 1; p < last;) {
        iterator_type hit = scan::find(p, last, std::string_view(end_tag));
        if (hit == last) break;
        iterator_type q = hit + end_tag.size();
        skip_space(q, last);
        if (q != last && *q == '>') return q + 1;
        p = hit + 1;
    }
    auto* next = static_cast<iterator_type>(std::memchr(it + 1, '<', static_cast<std::size_t>(last - it - 1)));
    return next ? next : last;
}

// Skips what may stand between elements: white space, comments, processing
// instructions, and stray character data (well-formed, though the schema has
// none there). Stops at the next tag and returns the length of its name when
// it is a start tag, else 0 (an end tag, the end of the input, or what the
// enclosing element must report).
[[gnu::noinline]] inline std::size_t skip_gap_slowly(iterator_type& first, iterator_type last,
                                                     const parse_state& state) {
    for (;;) {
        auto* lt = first != last && *first == '<'
                       ? first
                       : static_cast<iterator_type>(std::memchr(first, '<', static_cast<std::size_t>(last - first)));
        first = lt ? lt : last;
        if (first == last) return 0;
        char next = last - first >= 2 ? first[1] : '\0';
        if (next == '/') return 0;
        if (next == '!' || next == '?') {
            if (!skip_markup_declaration(first, last, state)) return 0;
            continue;
        }
        if (std::size_t name_size = start_tag_name_size(first, last)) return name_size;
        if (!state.lenient) return 0;
        state.report(severity::warning, first, "xml.stray-lt", "skipped a stray '<' between elements");
        ++first;
    }
}

// The usual gap is indentation and then a start or end tag: that path stays
// small and inline, the rest (comments, PIs, stray '<') goes out of line.
FORM4_XML_HOT std::size_t skip_gap(iterator_type& first, iterator_type last, const parse_state& state) {
    skip_space(first, last);
    if (last - first >= 2 && *first == '<') {
        char next = first[1];
        if (next == '/') return 0;
        if (next != '!' && next != '?')
            if (std::size_t name_size = start_tag_name_size(first, last)) return name_size;
    }
    return skip_gap_slowly(first, last, state);
}

// Lenient mode only: skips an end tag at `first` that closes neither the
// current element nor any enclosing one, with a warning (strict mode leaves
// it to read_end_tag, which rejects it).
[[gnu::noinline]] inline bool skip_stray_end_tag_slowly(iterator_type& first, iterator_type last,
                                                        const parse_state& state) {
    iterator_type it = first + 2;
    std::string_view name = read_name(it, last);
    skip_space(it, last);
    if (name.empty() || it == last || *it != '>') return false;
    for (auto open : state.open_elements)
        if (open == name) return false;
    state.report(severity::warning, first, "xml.stray-end-tag",
                 "skipped the end tag </" + shown(name) + ">, which closes no open element");
    first = it + 1;
    return true;
}

FORM4_XML_HOT bool skip_stray_end_tag(iterator_type& first, iterator_type last, const parse_state& state) {
    if (!state.lenient || !starts_with(first, last, "</")) return false;
    if (!state.open_elements.empty()) {  // the usual case: it closes the current element
        std::string_view current = state.open_elements.back();
        if (static_cast<std::size_t>(last - first) > current.size() + 2 &&
            same_bytes(first + 2, current.data(), current.size()) && !is_name_char(first[2 + current.size()]))
            return false;
    }
    return skip_stray_end_tag_slowly(first, last, state);
}

}  // namespace scan
}  // namespace form4::grammar::xml
