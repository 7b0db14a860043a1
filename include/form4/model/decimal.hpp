#pragma once
// Exact decimal number as filed: an integer mantissa and a decimal scale.
// "26.80" is mantissa 2680, scale 2; it prints back as "26.80" and compares
// equal (by value) to "26.8". No floating point anywhere on the way.
// Header-only, like the rest of the model (the grammars convert as they read).
#include <compare>
#include <cstdlib>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace form4 {

class decimal {
public:
    static constexpr int max_digits = 18;  // fits std::int64_t; the schema allows 16
    static constexpr int max_scale = 18;

    constexpr decimal() = default;
    constexpr decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(static_cast<std::int8_t>(scale)) {}

    // Accepts [+-]?digits[.digits] or [+-]?.digits (xs:decimal). No thousands
    // separators, no exponent, no white space: callers trim and clean first.
    static std::optional<decimal> parse(std::string_view text) noexcept;

    constexpr std::int64_t mantissa() const noexcept { return mantissa_; }
    constexpr int scale() const noexcept { return scale_; }

    // As filed, keeping trailing zeros ("26.80", "0.00").
    std::string to_string() const;
    // Shortest exact form: no trailing fractional zeros, no exponent ("26.8", "0").
    std::string to_canonical_string() const;
    double to_double() const noexcept;

    // Rounded half away from zero to at most `places` fractional digits.
    decimal rounded(int places) const noexcept;
    // Same value with trailing fractional zeros removed.
    decimal normalized() const noexcept;

    // Value comparison: 26.8 == 26.80.
    friend bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
    friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) noexcept {
        return compare(a, b) <=> 0;
    }
    // Same value and same written scale.
    bool identical(const decimal& other) const noexcept {
        return mantissa_ == other.mantissa_ && scale_ == other.scale_;
    }

private:
    static int compare(const decimal& a, const decimal& b) noexcept;
    std::int64_t mantissa_ = 0;
    std::int8_t scale_ = 0;
};

inline std::optional<decimal> decimal::parse(std::string_view text) noexcept {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::int64_t mantissa = 0;
    int digits = 0, scale = 0, seen = 0;
    bool in_fraction = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '.' && !in_fraction) {
            in_fraction = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        ++seen;
        if (in_fraction) ++scale;
        if (mantissa == 0 && c == '0') {
            if (in_fraction && scale > max_scale) return std::nullopt;
            continue;  // leading zeros do not count against the digit budget
        }
        if (++digits > max_digits || scale > max_scale) return std::nullopt;
        mantissa = mantissa * 10 + (c - '0');
    }
    if (seen == 0) return std::nullopt;
    return decimal(negative ? -mantissa : mantissa, scale);
}


namespace decimal_detail {

constexpr std::int64_t pow10(int n) noexcept {
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

inline std::string digits_of(std::int64_t mantissa) {
    // |INT64_MIN| is not representable; mantissas never reach it (18 digits max).
    return std::to_string(mantissa < 0 ? -mantissa : mantissa);
}

}  // namespace decimal_detail

inline std::string decimal::to_string() const {
    std::string digits = decimal_detail::digits_of(mantissa_);
    if (scale_ > 0) {
        if (digits.size() <= static_cast<std::size_t>(scale_))
            digits.insert(0, static_cast<std::size_t>(scale_) - digits.size() + 1, '0');
        digits.insert(digits.size() - static_cast<std::size_t>(scale_), 1, '.');
    }
    if (mantissa_ < 0) digits.insert(0, 1, '-');
    return digits;
}

inline decimal decimal::normalized() const noexcept {
    std::int64_t m = mantissa_;
    int s = scale_;
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    return decimal(m, s);
}

inline std::string decimal::to_canonical_string() const { return normalized().to_string(); }

inline double decimal::to_double() const noexcept {
    // Both operands exact in a double (|mantissa| < 2^53, 10^scale up to
    // 10^22): one IEEE division rounds correctly, as strtod would.
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (mantissa_ > -exact && mantissa_ < exact)
        return static_cast<double>(mantissa_) / static_cast<double>(decimal_detail::pow10(scale_));
    return std::strtod(to_string().c_str(), nullptr);
}

inline decimal decimal::rounded(int places) const noexcept {
    if (places < 0) places = 0;
    if (scale_ <= places) return *this;
    std::int64_t divisor = decimal_detail::pow10(scale_ - places);
    std::int64_t q = mantissa_ / divisor, r = mantissa_ % divisor;
    if (2 * (r < 0 ? -r : r) >= divisor) q += mantissa_ < 0 ? -1 : 1;
    return decimal(q, places);
}

inline int decimal::compare(const decimal& a, const decimal& b) noexcept {
    // Bring both to the larger scale in 128 bits: no overflow for 18+18 digits.
    int scale = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    __extension__ typedef __int128 wide;
    wide x = a.mantissa_, y = b.mantissa_;
    for (int s = a.scale_; s < scale; ++s) x *= 10;
    for (int s = b.scale_; s < scale; ++s) y *= 10;
    return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace form4
