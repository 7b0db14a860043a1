#pragma once
// A decimal as the writers spell it: as filed, and a negative scale (which
// decimal::parse never makes, but a hand-built value may hold) as trailing zeros.
#include <cstddef>
#include <string>

#include "form4/model/decimal.hpp"

namespace form4::util {

inline std::string decimal_text(const decimal& d) {
    std::string text = d.to_string();
    if (d.scale() < 0 && d.mantissa() != 0) text.append(static_cast<std::size_t>(-d.scale()), '0');
    return text;
}

}  // namespace form4::util
