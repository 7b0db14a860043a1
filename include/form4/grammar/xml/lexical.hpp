#pragma once
// The XML lexical layer as X3 primitives: start and end tags, attributes,
// character data with entities and CDATA, comments, processing instructions,
// and the skipping of unknown or damaged elements. Header-only; no DOM.
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

// SSE2 is in every x86-64 CPU. FORM4_NO_SIMD (the CMake option of that name)
// selects the portable byte loops that other CPUs run, so that they are tested.
#if defined(__SSE2__) && !defined(FORM4_NO_SIMD)
#define FORM4_XML_SSE2 1
#include <emmintrin.h>
#else
#define FORM4_XML_SSE2 0
#endif

#include "form4/grammar/utf8.hpp"
#include "form4/grammar/xml/config.hpp"
#include "form4/grammar/xml/model_fields.hpp"
#include "form4/model/document.hpp"

namespace form4::grammar::xml {
namespace scan {

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct name_char_table {
    bool is_name[256] = {};
    constexpr name_char_table() {
        for (int c = 0; c < 256; ++c)
            is_name[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                         c == '-' || c == '.' || c == ':' || c >= 0x80;
    }
};
inline constexpr name_char_table name_chars{};

inline bool is_name_char(char c) noexcept { return name_chars.is_name[static_cast<unsigned char>(c)]; }

// Space and names are scanned sixteen bytes at a time where SSE2 is there:
// a byte-by-byte loop paid a mispredicted exit on every gap and every name,
// a fifth of the whole parse.
#if FORM4_XML_SSE2
// Bit i set where byte i is in [low, high] (unsigned).
FORM4_XML_HOT unsigned bytes_in_range(__m128i bytes, char low, char high) noexcept {
    __m128i offset = _mm_sub_epi8(bytes, _mm_set1_epi8(low));
    __m128i limit = _mm_set1_epi8(static_cast<char>(high - low));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, limit), offset)));
}

// Bit i set where p[i] is XML white space.
FORM4_XML_HOT unsigned space_mask16(const char* p) noexcept {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i spaces = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
    __m128i controls = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(spaces, controls)));
}

// Bit i set where p[i] is a name character (the table above, sixteen at once).
FORM4_XML_HOT unsigned name_mask16(const char* p) noexcept {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    unsigned letters = bytes_in_range(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), 'a', 'z');
    unsigned digits_colon = bytes_in_range(bytes, '0', ':');
    unsigned dash_dot = bytes_in_range(bytes, '-', '.');
    unsigned underscore = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('_'))));
    unsigned high = static_cast<unsigned>(_mm_movemask_epi8(bytes));
    return letters | digits_colon | dash_dot | underscore | high;
}
#endif

// The first byte at or after `it` that is not a name character.
FORM4_XML_HOT const char* name_end(const char* it, const char* last) noexcept {
#if FORM4_XML_SSE2
    while (last - it >= 16) {
        unsigned others = ~name_mask16(it) & 0xFFFFu;
        if (others != 0) return it + std::countr_zero(others);
        it += 16;
    }
#endif
    while (it != last && is_name_char(*it)) ++it;
    return it;
}

// memcmp for the short names of the schema, inlined: the call itself cost
// more than the compare when every child is matched against its siblings' names.
inline std::uint64_t load8(const char* p) noexcept {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
}
inline std::uint32_t load4(const char* p) noexcept {
    std::uint32_t word;
    std::memcpy(&word, p, 4);
    return word;
}
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n >= 8) {  // whole words, then the last eight bytes (overlapping)
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load8(a + i) != load8(b + i)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }
    if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    for (; n > 0; ++a, ++b, --n)
        if (*a != *b) return false;
    return true;
}

// Whether any byte is >= 0x80, eight at a time.
inline bool has_high_bytes(std::string_view s) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (word & 0x8080808080808080ull) return true;
    }
    for (; n > 0; ++p, --n)
        if (static_cast<unsigned char>(*p) & 0x80) return true;
    return false;
}

inline bool starts_with(iterator_type it, iterator_type last, std::string_view s) noexcept {
    return static_cast<std::size_t>(last - it) >= s.size() && std::memcmp(it, s.data(), s.size()) == 0;
}

inline iterator_type find(iterator_type it, iterator_type last, std::string_view s) noexcept {
    while (it < last) {
        auto* hit = static_cast<iterator_type>(std::memchr(it, s[0], static_cast<std::size_t>(last - it)));
        if (!hit) return last;
        if (starts_with(hit, last, s)) return hit;
        it = hit + 1;
    }
    return last;
}

// The length of the name of the start tag at `it` ('<'), or 0 when that '<'
// opens no start tag. A start tag ends at '>' before any other '<' ("by
// the<reporting person ... </footnote>" is text).
FORM4_XML_HOT std::size_t start_tag_name_size(iterator_type it, iterator_type last) noexcept {
    if (last - it < 2) return 0;
    char c = it[1];
    if (!is_name_char(c) || c == '-' || c == '.' || (c >= '0' && c <= '9')) return 0;
    iterator_type p = name_end(it + 2, last);  // the name, then usually '>' at once
    auto size = static_cast<std::size_t>(p - it - 1);
    if (p != last && *p == '>') return size;
    for (; p != last; ++p) {
        if (*p == '>') return size;
        if (*p == '<') return 0;
    }
    return 0;
}

// Whether the '<' at `it` opens markup (a tag, an end tag, a comment, CDATA,
// a declaration or a PI) rather than being a stray character in text.
inline bool opens_markup(iterator_type it, iterator_type last) noexcept {
    if (last - it < 2) return false;
    char c = it[1];
    return c == '/' || c == '!' || c == '?' || start_tag_name_size(it, last) != 0;
}

// Between elements the space is mostly indentation: sixteen (or eight)
// bytes are looked at at once.
FORM4_XML_HOT void skip_space(iterator_type& it, iterator_type last) noexcept {
#if FORM4_XML_SSE2
    while (last - it >= 16) {
        unsigned others = ~space_mask16(it) & 0xFFFFu;
        if (others != 0) {
            it += std::countr_zero(others);
            return;
        }
        it += 16;
    }
#else
    constexpr std::uint64_t eight_spaces = 0x2020202020202020ull;
    while (last - it >= 8) {
        std::uint64_t word;
        std::memcpy(&word, it, 8);
        std::uint64_t others = word ^ eight_spaces;  // zero bytes where there are spaces
        if (others == 0) {
            it += 8;
            continue;
        }
        if constexpr (std::endian::native == std::endian::little) it += std::countr_zero(others) / 8;
        if (!is_space(*it)) return;
        ++it;
    }
#endif
    while (it != last && is_space(*it)) ++it;
}

FORM4_XML_HOT std::string_view read_name(iterator_type& it, iterator_type last) noexcept {
    iterator_type start = it;
    it = name_end(it, last);
    return {start, static_cast<std::size_t>(it - start)};
}

// Skips "<!--...-->", "<?...?>" or "<!DOCTYPE ...>" at `it`; false if none is there.
inline bool skip_markup_declaration(iterator_type& it, iterator_type last, const parse_state& state) {
    if (last - it < 2 || (it[1] != '!' && it[1] != '?')) return false;
    if (starts_with(it, last, "<!--")) {
        iterator_type close = find(it + 4, last, "-->");
        if (close == last) state.fail(it, "xml.unterminated-comment", "comment is not closed (missing -->)");
        it = close + 3;
        return true;
    }
    if (starts_with(it, last, "<?")) {
        iterator_type close = find(it + 2, last, "?>");
        if (close == last) state.fail(it, "xml.unterminated-pi", "processing instruction is not closed (missing ?>)");
        it = close + 2;
        return true;
    }
    if (starts_with(it, last, "<!DOCTYPE")) {
        int depth = 0;  // an internal subset [...] may hold '>'
        for (iterator_type p = it + 9; p != last; ++p) {
            if (*p == '[') ++depth;
            else if (*p == ']') --depth;
            else if (*p == '>' && depth <= 0) {
                it = p + 1;
                return true;
            }
        }
        state.fail(it, "xml.unterminated-doctype", "DOCTYPE is not closed");
    }
    return false;
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
            state.fail(it, "xml.unexpected-end", "input ends inside the start tag <" + std::string(tag.name) + ">");
        if (*it == '>') {
            ++it;
            return;
        }
        if (*it == '/') {
            if (it + 1 == last || it[1] != '>')
                state.fail(it + 1, "xml.expected", "expected '>' after '/' in <" + std::string(tag.name) + "/>");
            it += 2;
            tag.self_closing = true;
            return;
        }
        iterator_type name_at = it;
        std::string_view attribute = read_name(it, last);
        if (attribute.empty())
            state.fail(it, "xml.expected", "expected an attribute name, '>' or '/>' in <" + std::string(tag.name) + ">");
        skip_space(it, last);
        if (it == last || *it != '=')
            state.fail(it, "xml.expected", "expected '=' after attribute " + std::string(attribute));
        ++it;
        skip_space(it, last);
        if (it == last || (*it != '"' && *it != '\''))
            state.fail(it, "xml.expected", "expected a quoted value for attribute " + std::string(attribute));
        char quote = *it++;
        auto* close = static_cast<iterator_type>(std::memchr(it, quote, static_cast<std::size_t>(last - it)));
        if (!close) state.fail(name_at, "xml.unterminated-attribute", "attribute value is not closed");
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
    std::string expected = "</" + std::string(name) + ">";
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
                           "expected '>' to end the end tag </" + std::string(found) + " (closing <" +
                               std::string(name) + ">)");
            state.fail(tag_at, "xml.mismatched-end-tag",
                       "expected " + expected + " but found </" + std::string(found) + ">");
        }
        bool closes_ancestor = false;
        if (well_formed)
            for (auto open = state.open_elements.rbegin() + 1; open < state.open_elements.rend(); ++open)
                if (*open == found) closes_ancestor = true;
        if (closes_ancestor) {
            state.report(severity::warning, tag_at, "xml.missing-end-tag",
                         "missing " + expected + " before </" + std::string(found) + ">; closed it there");
            return;
        }
        auto* gt = static_cast<iterator_type>(std::memchr(p, '>', static_cast<std::size_t>(last - p)));
        it = gt ? gt + 1 : last;
        state.report(severity::warning, tag_at, well_formed ? "xml.mismatched-end-tag" : "xml.malformed-end-tag",
                     "took the damaged end tag '" + std::string(tag_at, it) + "' as " + expected);
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
                 "skipped the end tag </" + std::string(name) + ">, which closes no open element");
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

// ---------------------------------------------------------------------------
// X3 primitives

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_unexpected_content(parse_state& state, iterator_type at,
                                                                         std::string_view name) {
    state.fail(at, "xml.unexpected", "unexpected content in <" + std::string(name) + ">");
}

[[gnu::noinline]] inline bool at_start_tag_slowly(iterator_type it, iterator_type last, std::string_view name) noexcept {
    return scan::at_start_tag(it, last, name);
}

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_element_limit(parse_state& state, iterator_type at) {
    if (state.element_count > state.limits.max_elements)
        state.fail(at, "limit.elements", "more elements than the limit of " + std::to_string(state.limits.max_elements));
    state.fail(at, "limit.depth", "elements nest deeper than the limit of " + std::to_string(state.limits.max_depth));
}

// One more element opens at `at`, within the element and depth limits.
FORM4_XML_HOT void count_element(parse_state& state, iterator_type at) {
    if (++state.element_count > state.limits.max_elements || state.open_elements.size() >= state.limits.max_depth)
        [[unlikely]] fail_element_limit(state, at);
}

// Character data of a leaf element, trimmed.
struct text_parser : x3::parser<text_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        if constexpr (std::is_same_v<Attribute, std::string>) {
            read_into(attribute, first, last, state_of(context));  // straight into the model's string
        } else {
            std::string text;
            read_into(text, first, last, state_of(context));
            x3::traits::move_to(text, attribute);
        }
        return true;
    }

    // The value of plain trimmed text (see scan::read_plain_value).
    static std::string from_text(std::string_view raw, iterator_type, const parse_state&) { return std::string(raw); }

    static void read_into(std::string& text, iterator_type& first, iterator_type last, parse_state& state) {
        scan::read_text_into(text, first, last, state);
        if (scan::at_any_start_tag(first, last)) [[unlikely]] skip_children(text, first, last, state);
    }

    // A leaf the schema gives no children: skip any (with a warning) and keep reading text.
    [[gnu::cold, gnu::noinline]] static void skip_children(std::string& text, iterator_type& first, iterator_type last,
                                                           parse_state& state) {
        while (scan::at_any_start_tag(first, last)) {
            if (!state.lenient) state.fail(first, "xml.unexpected-element", "unexpected element inside a value");
            state.report(severity::warning, first, "xml.unexpected-element", "skipped an element inside a value");
            scan::skip_element(first, last, state, true);
            std::string more = scan::read_text(first, last, state);
            if (!more.empty()) text += (text.empty() ? "" : " ") + more;
        }
    }
};

// <name ...> content </name>, or <name .../>. Fails (without consuming) when
// the next tag is not <name>; past the start tag every problem is an error
// with its position, or in lenient mode a warning and a repair.
template <class Subject>
struct element_directive : x3::unary_parser<Subject, element_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, element_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr element_directive(Subject const& subject, std::string_view name)
        : base_type(subject), name(name), field(model_field_of(name)) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext& rcontext,
               Attribute& attribute) const {
        auto& state = state_of(context);
        // The children loop notes the tag it stopped at; elsewhere (the root,
        // a rule run on its own) the tag is looked at here.
        bool named = state.tag_at == first ? state.tag_name_size == name.size() &&
                                                 scan::same_bytes(first + 1, name.data(), name.size())
                                           : at_start_tag_slowly(first, last, name);
        if (!named) return false;
        return parse_named(first, last, context, rcontext, attribute);
    }

    // Out of line, one per content type: shared by every element of that
    // type instead of copied into each alternative.
    template <class Context, class RContext, class Attribute>
    [[gnu::noinline]] bool parse_named(iterator_type& first, iterator_type const& last, Context const& context,
                                       RContext& rcontext, Attribute& attribute) const {
        auto& state = state_of(context);
        count_element(state, first);
        iterator_type it = first + 1 + name.size();
        bool self_closing = false;
        if (*it == '>') ++it;  // no attributes: the common case
        else self_closing = read_attributes_of(it, last, state);
        std::size_t path_size = state.path.size();
        if (state.positions) [[unlikely]] enter_field(state, first);
        state.open_elements.push_back(name);
        if (self_closing) {
            iterator_type empty = it;
            this->subject.parse(empty, empty, context, rcontext, attribute);
        } else {
            if (!this->subject.parse(it, last, context, rcontext, attribute)) [[unlikely]]
                fail_unexpected_content(state, it, name);
            scan::read_end_tag(it, last, name, state);
        }
        state.open_elements.pop_back();
        if (state.positions) [[unlikely]] state.path.resize(path_size);
        first = it;
        return true;
    }

    // Attributes of an element that takes none: read (so that damage is
    // found) and dropped. Whether the tag closed itself.
    [[gnu::noinline]] bool read_attributes_of(iterator_type& it, iterator_type last, parse_state& state) const {
        scan::start_tag tag{name, {}, false};
        scan::read_attributes(it, last, tag, state);
        return tag.self_closing;
    }

    // Extends the state's path by this element's model member and notes
    // where it starts; an entry of a list is noted by into[], which knows its index.
    void enter_field(parse_state& state, iterator_type at) const {
        if (!field || field->member.empty()) return;
        if (!state.path.empty()) state.path += '.';
        state.path += field->member;
        if (field->is_list) state.list_entry_at = at;
        else state.record_position(at);
    }

    std::string_view name;
    std::optional<model_field> field;  // the model member it is read into, for positions
};

struct element_gen {
    std::string_view name;
    template <class Subject>
    constexpr element_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject), name};
    }
};

// element("issuerCik")[text]: the element of that name with that content.
constexpr element_gen element(std::string_view name) { return {name}; }

// <name id="...">text</name> or <name id="..."/> at `first`: its id, and its
// text when `text` is given. A missing id is an error (strict) or a warning
// (lenient, and then `id` stays empty).
template <class Context>
bool read_id_element(iterator_type& first, iterator_type last, Context const& context, std::string_view name,
                     std::string& id, std::string* text) {
    if (!scan::at_start_tag(first, last, name)) return false;
    auto& state = state_of(context);
    iterator_type it = first + 1 + name.size();
    scan::start_tag tag{name, {}, false};
    scan::read_attributes(it, last, tag, state);
    if (!tag.self_closing) {
        state.open_elements.push_back(name);
        std::string content;
        x3::unused_type unused;
        text_parser{}.parse(it, last, context, unused, content);
        if (text) *text = std::move(content);
        scan::read_end_tag(it, last, name, state);
        state.open_elements.pop_back();
    }
    if (tag.id.empty()) {
        std::string what = "<" + std::string(name) + "> has no id attribute";
        if (!state.lenient) state.fail(first, "xml.missing-attribute", what);
        state.report(severity::warning, first, "xml.missing-attribute", what);
    }
    id = std::move(tag.id);
    first = it;
    return true;
}

// <footnoteId id="F1"/>: the id (a reference without one is dropped).
struct footnote_ref_parser : x3::parser<footnote_ref_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        std::string id;
        if (!read_id_element(first, last, context, "footnoteId", id, nullptr)) return false;
        if (!id.empty()) x3::traits::move_to(id, attribute);
        return true;
    }
};

// <footnote id="F1">text</footnote>
struct footnote_parser : x3::parser<footnote_parser> {
    using attribute_type = form4::footnote;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        form4::footnote note;
        if (!read_id_element(first, last, context, "footnote", note.id, &note.text)) return false;
        x3::traits::move_to(note, attribute);
        return true;
    }
};

// Any element the grammar does not know: skipped whole, with a note, so that
// newer schemas do not break older readers.
struct unknown_element_parser : x3::parser<unknown_element_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&, Attribute&) const {
        return skip(first, last, state_of(context));
    }

    [[gnu::noinline]] static bool skip(iterator_type& first, iterator_type last, parse_state& state) {
        if (!scan::at_any_start_tag(first, last)) return false;
        iterator_type it = first + 1;
        std::string_view name = scan::read_name(it, last);
        iterator_type start = first;
        if (!scan::skip_element(first, last, state, false))
            state.fail(start, "xml.unexpected-end", "input ends inside <" + std::string(name) + ">");
        state.report(severity::note, start, "xml.unknown-element", "skipped unknown element <" + std::string(name) + ">");
        return true;
    }
};

// Lenient mode, after damage inside the child that starts at `start`: the
// state as it was before the child, the warning, and where reading goes on.
[[gnu::cold, gnu::noinline]] inline iterator_type skip_damaged_child(const syntax_error& error, parse_state& state,
                                                                     iterator_type start, iterator_type last,
                                                                     std::size_t open, std::size_t path_size) {
    state.open_elements.pop_to(open);
    state.path.resize(path_size);
    iterator_type name_at = start + 1;
    std::string_view name = scan::read_name(name_at, last);
    iterator_type next = start == last ? last : scan::skip_damaged(start, last, name);
    state.report(severity::warning, error.where, error.code, error.message + "; skipped <" + std::string(name) + ">");
    return next;
}

// recover[p]: in lenient mode, damage inside p is reported and the element
// where it happened is skipped, so that its siblings are still read. In
// strict mode the error goes on up and ends the parse.
template <class Subject>
struct recover_directive : x3::unary_parser<Subject, recover_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, recover_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr recover_directive(Subject const& subject) : base_type(subject) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext& rcontext,
               Attribute& attribute) const {
        auto& state = state_of(context);
        iterator_type start = first;
        std::size_t open = state.open_elements.size();
        std::size_t path_size = state.path.size();
        try {
            return this->subject.parse(first, last, context, rcontext, attribute);
        } catch (const syntax_error& error) {
            if (!state.lenient || error.code.rfind("limit.", 0) == 0) throw;
            first = skip_damaged_child(error, state, start, last, open, path_size);
            return true;
        }
    }
};

struct recover_gen {
    template <class Subject>
    constexpr recover_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject)};
    }
};

// A container's children: the loop *(gap | stray end tag | child) written
// out, so that the space before each child and the child's start tag are
// scanned once. The start tag's name is noted in the state: element()
// alternatives that do not match are then told apart by its length.
template <class Child>
struct children_parser : x3::unary_parser<Child, children_parser<Child>> {
    using base_type = x3::unary_parser<Child, children_parser<Child>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    constexpr children_parser(Child const& child) : base_type(child) {}

    template <class Context, class RContext, class Attribute>
    [[gnu::noinline]] bool parse(iterator_type& first, iterator_type const& last, Context const& context,
                                 RContext& rcontext, Attribute&) const {
        auto& state = state_of(context);
        for (;;) {
            std::size_t name_size = scan::skip_gap(first, last, state);
            if (name_size == 0) {
                if (scan::skip_stray_end_tag(first, last, state)) continue;
                return true;
            }
            state.tag_at = first;
            state.tag_name_size = name_size;
            x3::unused_type unused;
            if (!this->subject.parse(first, last, context, rcontext, unused)) return true;
        }
    }
};

inline constexpr text_parser text{};
inline constexpr footnote_ref_parser footnote_ref{};
inline constexpr footnote_parser footnote_element{};
inline constexpr unknown_element_parser unknown_element{};
inline constexpr recover_gen recover{};

}  // namespace form4::grammar::xml
