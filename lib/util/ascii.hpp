#pragma once
// The ASCII case helpers (form4/detail/ascii.hpp, where the grammars reach them too), for lib/.
#include "form4/detail/ascii.hpp"

namespace form4::util {

using detail::ascii_lower;
using detail::ascii_lowercase;
using detail::contains_ignoring_case;
using detail::equals_ignoring_case;
using detail::starts_with_ignoring_case;

}  // namespace form4::util
