#pragma once
// ASCII case folding for the keywords of the inputs (encoding names, tags,
// titles, form labels): inline and locale-free, where std::tolower is a call
// into the C locale per byte. Header-only, for the grammars too.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace form4::detail {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline std::string ascii_lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

constexpr bool equals_ignoring_case(char a, char b) noexcept { return ascii_lower(a) == ascii_lower(b); }

constexpr bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) noexcept {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (!equals_ignoring_case(text[i], prefix[i])) return false;
    return true;
}

inline bool contains_ignoring_case(std::string_view text, std::string_view needle) {
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(), equals_ignoring_case) != text.end();
}

}  // namespace form4::detail
