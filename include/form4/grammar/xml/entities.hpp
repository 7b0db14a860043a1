#pragma once
// XML character data: entity and character references decoded, line ends normalized, text read and trimmed.
#include <optional>
#include <string>
#include <string_view>

#include "form4/grammar/utf8.hpp"
#include "form4/grammar/xml/scanner.hpp"

namespace form4::grammar::xml {
namespace scan {

// XML 1.0's Char (production 2): tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
constexpr bool is_xml_char(unsigned long c) noexcept {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// The whole input, before it is parsed: the first character XML forbids is
// an error (strict) or a warning (lenient, and the bytes are read as they are).
inline void check_xml_characters(iterator_type begin, iterator_type last, const parse_state& state) {
    iterator_type bad = first_illegal_char(begin, last, !state.latin1);
    if (bad == last) [[likely]]
        return;
    auto c = static_cast<unsigned char>(*bad);
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string what = c < 0x20 ? std::string("the control character 0x") + hex[c >> 4] + hex[c & 15]
                                : std::string(static_cast<unsigned char>(bad[2]) == 0xBE ? "U+FFFE" : "U+FFFF");
    if (!state.lenient) state.fail(bad, "xml.illegal-character", what + " is not allowed in XML");
    state.report(severity::warning, bad, "xml.illegal-character", what + " is not allowed in XML; read as it is");
}

// Decodes the entity or character reference at `it` ('&') into `out`.
inline void decode_reference(iterator_type& it, iterator_type last, std::string& out, const parse_state& state) {
    iterator_type semicolon = it + 1;
    while (semicolon != last && semicolon - it <= 12 && *semicolon != ';') ++semicolon;
    if (semicolon == last || *semicolon != ';') {
        if (!state.lenient) state.fail(it, "xml.bad-reference", "'&' must start an entity such as &amp;");
        state.report(severity::warning, it, "xml.bad-reference", "bare '&' kept as text");
        out += '&';
        ++it;
        return;
    }
    std::string_view name(it + 1, static_cast<std::size_t>(semicolon - it - 1));
    std::optional<unsigned long> code;
    if (name == "amp") code = '&';
    else if (name == "lt") code = '<';
    else if (name == "gt") code = '>';
    else if (name == "quot") code = '"';
    else if (name == "apos") code = '\'';
    else if (name.size() > 1 && name[0] == '#') {
        bool hex = name[1] == 'x' || name[1] == 'X';
        std::string_view digits = name.substr(hex ? 2 : 1);
        unsigned long value = 0;
        bool valid = !digits.empty();
        for (char c : digits) {
            int d = (c >= '0' && c <= '9') ? c - '0'
                    : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                    : -1;
            if (d < 0 || value > 0x10FFFF) {
                valid = false;
                break;
            }
            value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        }
        if (valid && !is_xml_char(value)) [[unlikely]] {
            std::string text(it, semicolon + 1);
            if (!state.lenient)
                state.fail(it, "xml.illegal-character", text + " refers to a character XML does not allow");
            state.report(severity::warning, it, "xml.illegal-character",
                         text + " refers to a character XML does not allow; kept as text");
            out += text;
            it = semicolon + 1;
            return;
        }
        if (valid && value > 0 && utf8::is_scalar_value(value)) code = value;
    }
    if (!code) {
        std::string text(it, semicolon + 1);
        if (!state.lenient) state.fail(it, "xml.bad-reference", "unknown entity or character reference " + text);
        state.report(severity::warning, it, "xml.bad-reference", "unknown reference " + text + " kept as text");
        out += text;
    } else {
        utf8::append(out, *code);
    }
    it = semicolon + 1;
}

// The first byte in [it, last) that append_char_data must rewrite: '\r',
// '&' (when decoding references) or, in Latin-1 text, a byte >= 0x80.
inline iterator_type next_to_decode(iterator_type it, iterator_type last, bool latin1, bool references) noexcept {
#if FORM4_XML_SSE2
    for (; last - it >= 16; it += 16) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(it));
        __m128i hits = _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r'));
        if (references) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, _mm_set1_epi8('&')));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
        if (latin1) mask |= static_cast<unsigned>(_mm_movemask_epi8(bytes));
        if (mask) return it + std::countr_zero(mask);
    }
#endif
    for (; it != last; ++it) {
        char c = *it;
        if (c == '\r' || (c == '&' && references) || (latin1 && static_cast<unsigned char>(c) >= 0x80)) return it;
    }
    return it;
}

// Appends raw character data [first, last) to `out`: references decoded,
// line ends normalized to "\n" as XML requires, Latin-1 bytes made UTF-8.
inline void append_char_data(iterator_type first, iterator_type last, std::string& out, const parse_state& state,
                             bool decode_references) {
    iterator_type run = first;  // most values have nothing to rewrite: one append
    for (iterator_type it = next_to_decode(first, last, state.latin1, decode_references); it != last;
         it = next_to_decode(it, last, state.latin1, decode_references)) {
        out.append(run, it);
        if (*it == '\r') {
            out += '\n';
            ++it;
            if (it != last && *it == '\n') ++it;
        } else if (*it == '&') {
            decode_reference(it, last, out, state);
        } else {
            utf8::append(out, static_cast<unsigned char>(*it));
            ++it;
        }
        run = it;
    }
    out.append(run, last);
}

inline void trim(std::string& s) {
    std::size_t end = s.size();
    while (end > 0 && is_space(s[end - 1])) --end;
    std::size_t start = 0;
    while (start < end && is_space(s[start])) ++start;
    s.erase(end);
    s.erase(0, start);
}

// Text must be UTF-8 unless the declaration says otherwise. Strict mode
// rejects invalid bytes; lenient mode reads each as Windows-1252/Latin-1, which
// is what old EDGAR filings without a declaration were written in.
inline void check_utf8(std::string& value, iterator_type where, const parse_state& state) {
    if (!has_high_bytes(value) || utf8::first_invalid(value) == std::string_view::npos) return;
    if (!state.lenient) state.fail(where, "xml.invalid-utf8", "text is not valid UTF-8 and no other encoding is declared");
    state.report(severity::warning, where, "xml.invalid-utf8", "read bytes that are not UTF-8 as Latin-1");
    value = utf8::repaired_as_latin1(value);
}

// What read_text's fast path must notice in a byte of character data.
enum text_byte : unsigned char { plain = 0, opens_tag = 1, needs_decoding = 2, high_byte = 4 };
struct text_byte_table {
    unsigned char kind[256] = {};
    constexpr text_byte_table() {
        kind[static_cast<unsigned char>('<')] = opens_tag;
        kind[static_cast<unsigned char>('&')] = needs_decoding;
        kind[static_cast<unsigned char>('\r')] = needs_decoding;
        for (int c = 0x80; c < 256; ++c) kind[c] = high_byte;
    }
};
inline constexpr text_byte_table text_bytes{};

// Where the character data at `it` meets its first '<' (or the end), and
// whether any byte before needs decoding or is not ASCII.
struct text_run {
    iterator_type stop;
    unsigned seen = 0;  // text_byte flags
};
FORM4_XML_HOT text_run scan_text_run(iterator_type it, iterator_type last) noexcept {
    unsigned seen = 0;
    iterator_type p = it;
#if FORM4_XML_SSE2
    for (; last - p >= 16; p += 16) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        auto lt = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('<'))));
        auto decode = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('&')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')))));
        auto high = static_cast<unsigned>(_mm_movemask_epi8(bytes));
        unsigned before = lt ? (lt & (0u - lt)) - 1 : 0xFFFFu;  // the bytes before the first '<'
        if (decode & before) seen |= needs_decoding;
        if (high & before) seen |= high_byte;
        if (lt) return {p + std::countr_zero(lt), seen};
    }
#endif
    for (; p != last; ++p) {
        unsigned kind = text_bytes.kind[static_cast<unsigned char>(*p)];
        if (kind == opens_tag) break;
        seen |= kind;
    }
    return {p, seen};
}

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_string_length(iterator_type at, const parse_state& state) {
    state.fail(at, "limit.string-length",
               "a value is longer than the limit of " + std::to_string(state.limits.max_string_bytes) + " bytes");
}

// [begin, end) without the white space at either end, within the length limit.
FORM4_XML_HOT std::string_view trimmed_value(iterator_type begin, iterator_type end, const parse_state& state) {
    iterator_type at = begin;
    while (begin != end && is_space(*begin)) ++begin;
    while (end != begin && is_space(end[-1])) --end;
    if (static_cast<std::size_t>(end - begin) > state.limits.max_string_bytes) [[unlikely]]
        fail_string_length(at, state);
    return {begin, static_cast<std::size_t>(end - begin)};
}

// The common case of a typed value: plain ASCII up to an end tag, read as a
// view of the input with no string built. Nothing (and `it` unmoved) when the
// text needs decoding or checking, or anything but an end tag follows it.
FORM4_XML_HOT std::optional<std::string_view> read_plain_value(iterator_type& it, iterator_type last,
                                                               const parse_state& state) {
    text_run run = scan_text_run(it, last);
    if (run.seen != 0 || state.latin1 || last - run.stop < 2 || run.stop[1] != '/') return std::nullopt;
    std::string_view value = trimmed_value(it, run.stop, state);
    it = run.stop;
    return value;
}

// Reads character data up to the next tag (comments, PIs and CDATA inside
// are handled), trimmed, into `out`. Stops at '<' of a start or end tag, or
// at the end.
inline void read_text_into(std::string& out, iterator_type& it, iterator_type last, const parse_state& state) {
    text_run run = scan_text_run(it, last);  // the common case: plain characters up to the next tag
    iterator_type p = run.stop;
    if (p != last && !(run.seen & needs_decoding) && !state.latin1 && opens_markup(p, last) && p[1] != '!' &&
        p[1] != '?') {
        std::string_view value = trimmed_value(it, p, state);
        out.assign(value.data(), value.size());
        if (run.seen & high_byte) check_utf8(out, value.data(), state);
        it = p;
        return;
    }
    out.clear();
    iterator_type start = it;
    for (;;) {
        auto* lt = static_cast<iterator_type>(std::memchr(it, '<', static_cast<std::size_t>(last - it)));
        iterator_type stop = lt ? lt : last;
        append_char_data(it, stop, out, state, true);
        if (out.size() > state.limits.max_string_bytes)
            state.fail(it, "limit.string-length",
                       "a value is longer than the limit of " + std::to_string(state.limits.max_string_bytes) +
                           " bytes");
        it = stop;
        if (it == last) break;
        if (starts_with(it, last, "<![CDATA[")) {
            iterator_type close = find(it + 9, last, "]]>");
            if (close == last) state.fail(it, "xml.unterminated-cdata", "CDATA section is not closed (missing ]]>)");
            append_char_data(it + 9, close, out, state, false);
            it = close + 3;
            continue;
        }
        if (starts_with(it, last, "<!--") || starts_with(it, last, "<?")) {
            skip_markup_declaration(it, last, state);
            continue;
        }
        if (!opens_markup(it, last)) {
            if (!state.lenient) state.fail(it, "xml.stray-lt", "'<' in text must be written &lt;");
            state.report(severity::warning, it, "xml.stray-lt", "read a stray '<' as text");
            out += '<';
            ++it;
            continue;
        }
        break;
    }
    trim(out);
    if (!state.latin1) check_utf8(out, start, state);
}

inline std::string read_text(iterator_type& it, iterator_type last, const parse_state& state) {
    std::string out;
    read_text_into(out, it, last, state);
    return out;
}

}  // namespace scan
}  // namespace form4::grammar::xml
