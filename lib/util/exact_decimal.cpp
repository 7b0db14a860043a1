#include "util/exact_decimal.hpp"

namespace form4::exact {
namespace {

__extension__ typedef __int128 wide;

// The largest mantissa a decimal holds (max_digits nines).
constexpr std::int64_t max_mantissa = 999'999'999'999'999'999;

wide power_of_ten(int n) {
    wide p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

// A wide mantissa at `scale`, shortened by dropping trailing fractional zeros
// until it fits; absent when it cannot fit without losing a digit.
std::optional<decimal> make(wide mantissa, int scale) {
    while (scale > 0 && mantissa % 10 == 0 && (mantissa > max_mantissa || mantissa < -max_mantissa || scale > decimal::max_scale)) {
        mantissa /= 10;
        --scale;
    }
    if (mantissa > max_mantissa || mantissa < -max_mantissa || scale > decimal::max_scale) return std::nullopt;
    return decimal(static_cast<std::int64_t>(mantissa), scale);
}

// Half away from zero.
wide rounded_quotient(wide numerator, wide denominator) {
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    wide q = numerator / denominator, r = numerator % denominator;
    if (2 * (r < 0 ? -r : r) >= denominator) q += numerator < 0 ? -1 : 1;
    return q;
}

}  // namespace

std::optional<decimal> add(decimal a, decimal b) {
    int scale = a.scale() > b.scale() ? a.scale() : b.scale();
    wide x = a.mantissa() * power_of_ten(scale - a.scale());
    wide y = b.mantissa() * power_of_ten(scale - b.scale());
    return make(x + y, scale);
}

decimal negate(decimal a) { return decimal(-a.mantissa(), a.scale()); }

std::optional<decimal> subtract(decimal a, decimal b) { return add(a, negate(b)); }

std::optional<decimal> multiply(decimal a, decimal b) {
    // 18 + 18 digits fit in 127 bits.
    return make(static_cast<wide>(a.mantissa()) * b.mantissa(), a.scale() + b.scale());
}

namespace {

// a / b x 10^power, to `places`.
std::optional<decimal> scaled_quotient(decimal a, decimal b, int places, int power) {
    a = a.normalized();
    b = b.normalized();
    if (b.mantissa() == 0) return std::nullopt;
    // a/b x 10^power = (ma / mb) x 10^(sb - sa + power); kept to `places`.
    int shift = b.scale() - a.scale() + power + places;
    wide numerator = a.mantissa(), denominator = b.mantissa();
    // 18 digits times 10^19 still fit in 127 bits.
    if (shift > 19 || shift < -19) return std::nullopt;
    if (shift >= 0) numerator *= power_of_ten(shift);
    else denominator *= power_of_ten(-shift);
    return make(rounded_quotient(numerator, denominator), places);
}

}  // namespace

std::optional<decimal> divide(decimal a, decimal b, int places) { return scaled_quotient(a, b, places, 0); }

std::optional<decimal> percent(decimal a, decimal b, int places) { return scaled_quotient(a, b, places, 2); }

}  // namespace form4::exact
