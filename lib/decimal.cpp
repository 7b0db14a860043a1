#include "form4/model/decimal.hpp"

#include <cstdlib>
#include <limits>

namespace form4 {
namespace {

constexpr std::int64_t pow10(int n) noexcept {
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

std::string digits_of(std::int64_t mantissa) {
    // |INT64_MIN| is not representable; mantissas never reach it (18 digits max).
    return std::to_string(mantissa < 0 ? -mantissa : mantissa);
}

}  // namespace

std::optional<decimal> decimal::parse(std::string_view text) noexcept {
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

std::string decimal::to_string() const {
    std::string digits = digits_of(mantissa_);
    if (scale_ > 0) {
        if (digits.size() <= static_cast<std::size_t>(scale_))
            digits.insert(0, static_cast<std::size_t>(scale_) - digits.size() + 1, '0');
        digits.insert(digits.size() - static_cast<std::size_t>(scale_), 1, '.');
    }
    if (mantissa_ < 0) digits.insert(0, 1, '-');
    return digits;
}

decimal decimal::normalized() const noexcept {
    std::int64_t m = mantissa_;
    int s = scale_;
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    return decimal(m, s);
}

std::string decimal::to_canonical_string() const { return normalized().to_string(); }

double decimal::to_double() const noexcept {
    // Both operands exact in a double (|mantissa| < 2^53, 10^scale up to
    // 10^22): one IEEE division rounds correctly, as strtod would.
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (mantissa_ > -exact && mantissa_ < exact)
        return static_cast<double>(mantissa_) / static_cast<double>(pow10(scale_));
    return std::strtod(to_string().c_str(), nullptr);
}

decimal decimal::rounded(int places) const noexcept {
    if (places < 0) places = 0;
    if (scale_ <= places) return *this;
    std::int64_t divisor = pow10(scale_ - places);
    std::int64_t q = mantissa_ / divisor, r = mantissa_ % divisor;
    if (2 * (r < 0 ? -r : r) >= divisor) q += mantissa_ < 0 ? -1 : 1;
    return decimal(q, places);
}

int decimal::compare(const decimal& a, const decimal& b) noexcept {
    // Bring both to the larger scale in 128 bits: no overflow for 18+18 digits.
    int scale = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    __extension__ typedef __int128 wide;
    wide x = a.mantissa_, y = b.mantissa_;
    for (int s = a.scale_; s < scale; ++s) x *= 10;
    for (int s = b.scale_; s < scale; ++s) y *= 10;
    return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace form4
