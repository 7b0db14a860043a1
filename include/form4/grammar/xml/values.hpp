#pragma once
// Typed leaf values: xs:decimal, xs:date, xs:boolean and the form's codes,
// read from an element's trimmed text. Strict mode rejects a value of the
// wrong kind; lenient mode repairs what it safely can (thousands separators,
// a dollar sign, MM/DD/YYYY) with a warning, or leaves the field empty.
#include <optional>
#include <string>

#include "form4/grammar/xml/lexical.hpp"
#include "form4/model/codes.hpp"
#include "form4/model/decimal.hpp"
#include "form4/model/document.hpp"

namespace form4::grammar::xml {
namespace convert {

inline bool all_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

inline int to_int(std::string_view s) noexcept {
    int value = 0;
    for (char c : s) value = value * 10 + (c - '0');
    return value;
}

inline std::optional<form4::date> make_date(int year, int month, int day) noexcept {
    try {
        return form4::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                           static_cast<unsigned short>(day));
    } catch (...) {
        return std::nullopt;
    }
}

// xs:date: YYYY-MM-DD with an optional time zone (Z, +hh:mm, -hh:mm), which a
// calendar date for a filing ignores.
inline std::optional<form4::date> iso_date(std::string_view s) noexcept {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    std::string_view y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2), zone = s.substr(10);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    if (!zone.empty() && zone != "Z") {
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
            !all_digits(zone.substr(1, 2)) || !all_digits(zone.substr(4, 2)))
            return std::nullopt;
    }
    return make_date(to_int(y), to_int(m), to_int(d));
}

// M/D/YYYY as people write it; only used to repair in lenient mode.
inline std::optional<form4::date> us_date(std::string_view s) noexcept {
    auto slash1 = s.find('/');
    auto slash2 = s.find('/', slash1 == std::string_view::npos ? slash1 : slash1 + 1);
    if (slash1 == std::string_view::npos || slash2 == std::string_view::npos) return std::nullopt;
    std::string_view m = s.substr(0, slash1), d = s.substr(slash1 + 1, slash2 - slash1 - 1), y = s.substr(slash2 + 1);
    if (!all_digits(m) || !all_digits(d) || !all_digits(y) || y.size() != 4 || m.size() > 2 || d.size() > 2)
        return std::nullopt;
    return make_date(to_int(y), to_int(m), to_int(d));
}

inline std::optional<decimal> cleaned_decimal(std::string_view s) {
    std::string cleaned;
    for (char c : s)
        if (c != ',' && c != '$' && c != ' ') cleaned += c;
    return decimal::parse(cleaned);
}

}  // namespace convert

// A leaf's trimmed text: a view of the input in the common case (plain ASCII
// up to the end tag), else decoded into `decoded` and viewed there.
inline std::string_view value_text(iterator_type& first, iterator_type last, parse_state& state,
                                   std::string& decoded) {
    if (auto plain = scan::read_plain_value(first, last, state)) return *plain;
    text_parser::read_into(decoded, first, last, state);
    return decoded;
}

template <class Derived, class Value>
struct value_parser_base : x3::parser<Derived> {
    using attribute_type = std::optional<Value>;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        auto& state = state_of(context);
        iterator_type at = first;
        std::string decoded;
        std::optional<Value> value = from_text(value_text(first, last, state, decoded), at, state);
        x3::traits::move_to(value, attribute);
        return true;
    }

    // The value of the trimmed text `raw`, which starts at `at`.
    static std::optional<Value> from_text(std::string_view raw, iterator_type at, const parse_state& state) {
        if (raw.empty()) return std::nullopt;
        std::optional<Value> value = Derived::convert(raw);
        if (value) [[likely]] return value;
        auto repaired = Derived::repair(raw);
        std::string what = "'" + std::string(raw) + "' is not " + Derived::kind;
        if (!state.lenient) state.fail(at, "xml.bad-value", what);
        state.report(severity::warning, at, "xml.bad-value",
                     repaired ? what + "; read it as such" : what + "; left the field empty");
        return repaired;
    }
};

struct decimal_value_parser : value_parser_base<decimal_value_parser, decimal> {
    static constexpr const char* kind = "a decimal number";
    static std::optional<decimal> convert(std::string_view s) { return decimal::parse(s); }
    static std::optional<decimal> repair(std::string_view s) { return convert::cleaned_decimal(s); }
};

struct date_value_parser : value_parser_base<date_value_parser, form4::date> {
    static constexpr const char* kind = "a date (YYYY-MM-DD)";
    static std::optional<form4::date> convert(std::string_view s) { return convert::iso_date(s); }
    static std::optional<form4::date> repair(std::string_view s) { return convert::us_date(s); }
};

struct bool_value_parser : value_parser_base<bool_value_parser, bool> {
    static constexpr const char* kind = "a boolean (0, 1, true, false)";
    static std::optional<bool> convert(std::string_view s) {
        if (s == "1" || s == "true") return true;
        if (s == "0" || s == "false") return false;
        return std::nullopt;
    }
    static std::optional<bool> repair(std::string_view s) {
        if (s == "TRUE" || s == "True" || s == "Y" || s == "y" || s == "X" || s == "x") return true;
        if (s == "FALSE" || s == "False" || s == "N" || s == "n") return false;
        return std::nullopt;
    }
};

// A code never fails: unknown text is kept as coded<E>{unknown, text}.
template <class Enum>
struct code_value_parser : x3::parser<code_value_parser<Enum>> {
    using attribute_type = std::optional<coded<Enum>>;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        auto& state = state_of(context);
        std::string decoded;
        std::optional<coded<Enum>> value = from_text(value_text(first, last, state, decoded), first, state);
        x3::traits::move_to(value, attribute);
        return true;
    }

    static std::optional<coded<Enum>> from_text(std::string_view raw, iterator_type, const parse_state&) {
        if (raw.empty()) return std::nullopt;
        return make_coded<Enum>(raw);
    }
};

inline constexpr decimal_value_parser decimal_value{};
inline constexpr date_value_parser date_value{};
inline constexpr bool_value_parser bool_value{};
template <class Enum>
inline constexpr code_value_parser<Enum> code_value{};

}  // namespace form4::grammar::xml
