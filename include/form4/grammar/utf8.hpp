#pragma once
// UTF-8 validity, shared by the front ends: the model's text is UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace form4::grammar::utf8 {

// Appends code point `code` encoded as UTF-8 (nothing past U+10FFFF).
// Whether UTF-8 may encode `code`: a Unicode scalar value (surrogates, which
// only pair up in UTF-16, and anything past U+10FFFF are not).
constexpr bool is_scalar_value(unsigned long code) noexcept {
    return code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
}

inline void append(std::string& out, unsigned long code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x110000) {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Length of the valid UTF-8 sequence at `p`, or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are not).
inline std::size_t sequence_length(const unsigned char* p, const unsigned char* last) noexcept {
    unsigned char c = p[0];
    std::size_t n = c < 0x80                  ? 1
                    : (c >= 0xC2 && c <= 0xDF) ? 2
                    : (c >= 0xE0 && c <= 0xEF) ? 3
                    : (c >= 0xF0 && c <= 0xF4) ? 4
                                               : 0;
    if (n == 0 || static_cast<std::size_t>(last - p) < n) return 0;
    for (std::size_t i = 1; i < n; ++i)
        if ((p[i] & 0xC0) != 0x80) return 0;
    if (n == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))) return 0;
    if (n == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))) return 0;
    return n;
}

// Offset of the first byte that is not valid UTF-8, or npos.
inline std::size_t first_invalid(std::string_view text) noexcept {
    auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    auto* end = begin + text.size();
    for (auto* p = begin; p < end;) {
        // ASCII eight bytes at a time: most of a filing is ASCII.
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if (word & 0x8080808080808080u) break;
            p += 8;
        }
        if (p == end) break;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        std::size_t n = sequence_length(p, end);
        if (n == 0) return static_cast<std::size_t>(p - begin);
        p += n;
    }
    return std::string_view::npos;
}

// The text with every byte that is not valid UTF-8 read as Latin-1 (what old
// EDGAR filings without a declared encoding were written in).
inline std::string repaired_as_latin1(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    auto* p = reinterpret_cast<const unsigned char*>(text.data());
    auto* end = p + text.size();
    while (p < end) {
        std::size_t n = sequence_length(p, end);
        if (n == 0) {
            append(out, *p);
            ++p;
        } else {
            out.append(reinterpret_cast<const char*>(p), n);
            p += n;
        }
    }
    return out;
}

}  // namespace form4::grammar::utf8
