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
