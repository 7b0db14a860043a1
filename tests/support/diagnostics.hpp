#pragma once
// Looking up a parse's diagnostics by code, for the tests' assertions.
#include <cstddef>
#include <string_view>

#include "form4/parse.hpp"

namespace form4::testing {

// The first diagnostic with `code`, or nullptr.
inline const diagnostic* find_code(const parse_result& result, std::string_view code) {
    for (const diagnostic& d : result.diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

inline bool has_code(const parse_result& result, std::string_view code) { return find_code(result, code) != nullptr; }

inline std::size_t count_code(const parse_result& result, std::string_view code) {
    std::size_t n = 0;
    for (const diagnostic& d : result.diagnostics) n += d.code == code;
    return n;
}

inline std::size_t count_code(const parse_result& result, severity level, std::string_view code) {
    std::size_t n = 0;
    for (const diagnostic& d : result.diagnostics) n += d.level == level && d.code == code;
    return n;
}

}  // namespace form4::testing
