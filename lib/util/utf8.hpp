#pragma once
// UTF-8 for writers: validity is grammar::utf8's (one definition for the
// front ends and the writers); this adds the repair Python's
// bytes.decode("utf-8", "replace") makes, for streams Python must accept.
#include <cstddef>
#include <string>
#include <string_view>

#include "form4/grammar/utf8.hpp"

namespace form4::util {

using grammar::utf8::first_invalid;

// Length of the maximal invalid subpart at p[0] (at least 1): the longest
// prefix of a well-formed sequence that is there, as Unicode's "substitution
// of maximal subparts" (and Python) count it.
inline std::size_t maximal_invalid_subpart(const unsigned char* p, const unsigned char* last) noexcept {
    const unsigned char c = p[0];
    std::size_t need = 0;
    unsigned char low = 0x80, high = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) need = 2, low = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
    else if (c == 0xED) need = 2, high = 0x9F;
    else if (c == 0xF0) need = 3, low = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) need = 3, high = 0x8F;
    std::size_t length = 1;
    for (std::size_t k = 0; k < need && p + length < last; ++k, ++length) {
        const unsigned char b = p[length];
        if (k == 0 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) break;
    }
    return length;
}

// `text` with each maximal invalid subpart replaced by U+FFFD.
inline std::string replaced_like_python(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    auto* p = reinterpret_cast<const unsigned char*>(text.data());
    auto* end = p + text.size();
    while (p < end) {
        const std::size_t valid = first_invalid(std::string_view(reinterpret_cast<const char*>(p),
                                                                 static_cast<std::size_t>(end - p)));
        if (valid == std::string_view::npos) {
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
            break;
        }
        out.append(reinterpret_cast<const char*>(p), valid);
        p += valid;
        out += "\xEF\xBF\xBD";
        p += maximal_invalid_subpart(p, end);
    }
    return out;
}

}  // namespace form4::util
