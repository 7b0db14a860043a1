#pragma once
// The XML scanner: white space, names and markup declarations found sixteen bytes at a time (SSE2).
#include <bit>
#include <cstdint>
#include <cstring>
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

#include "form4/grammar/xml/config.hpp"

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

// A name as messages show it: at most 64 bytes (cut at a character
// boundary) and its length, so that a 50 MB name is not echoed whole.
inline std::string shown(std::string_view name) {
    constexpr std::size_t most = 64;
    if (name.size() <= most) return std::string(name);
    std::size_t cut = most;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    return std::string(name.substr(0, cut)) + "... (" + std::to_string(name.size()) + " bytes)";
}

// Whether the byte at `it` starts a character XML 1.0 forbids (production
// 2): a control other than tab, LF and CR, or, in UTF-8, U+FFFE and U+FFFF
// (EF BF BE, EF BF BF). Surrogates are not UTF-8 and are rejected as such.
inline bool is_illegal_char_at(iterator_type it, iterator_type last, bool utf8) noexcept {
    auto c = static_cast<unsigned char>(*it);
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
    return utf8 && c == 0xEF && last - it >= 3 && static_cast<unsigned char>(it[1]) == 0xBF &&
           (static_cast<unsigned char>(it[2]) == 0xBE || static_cast<unsigned char>(it[2]) == 0xBF);
}

// The first character in [it, last) that XML forbids, or `last`. Sixteen
// bytes are looked at at once: one pass over the input costs a few percent of a parse.
inline iterator_type first_illegal_char(iterator_type it, iterator_type last, bool utf8) noexcept {
#if FORM4_XML_SSE2
    const __m128i controls_end = _mm_set1_epi8(0x1F);
    for (; last - it >= 16; it += 16) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(it));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, controls_end), bytes);
        __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')));
        __m128i suspect = _mm_andnot_si128(allowed, control);
        if (utf8) suspect = _mm_or_si128(suspect, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xEF))));
        for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(suspect)); mask != 0; mask &= mask - 1) {
            iterator_type at = it + std::countr_zero(mask);
            if (is_illegal_char_at(at, last, utf8)) return at;
        }
    }
#endif
    for (; it != last; ++it)
        if (is_illegal_char_at(it, last, utf8)) return it;
    return last;
}

}  // namespace scan
}  // namespace form4::grammar::xml
