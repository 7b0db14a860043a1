#pragma once
// Exact arithmetic on form4::decimal for derived figures (activity, lint). Each result is
// exact or absent: absent when it does not fit the decimal's 18 digits.
#include <optional>

#include "form4/model/decimal.hpp"

namespace form4::exact {

std::optional<decimal> add(decimal a, decimal b);
std::optional<decimal> subtract(decimal a, decimal b);
std::optional<decimal> multiply(decimal a, decimal b);
decimal negate(decimal a);
// a / b x 100, rounded half away from zero to `places`; absent when b is 0.
std::optional<decimal> percent(decimal a, decimal b, int places = 2);
// a / b rounded half away from zero to `places`; absent when b is 0.
std::optional<decimal> divide(decimal a, decimal b, int places);

}  // namespace form4::exact
