// Dates, times and wide decimals as the JSON spells them, both ways.
#include <exception>
#include <limits>

#include "json/common.hpp"
#include "util/iso_date.hpp"

namespace form4::json_io {

std::string date_text(const date& d) {
    // Special values cannot come from a filing, but a hand-built document may
    // hold one; Boost's own spelling lets them round trip.
    if (d.is_not_a_date()) return "not-a-date-time";
    if (d.is_pos_infinity()) return "+infinity";
    if (d.is_neg_infinity()) return "-infinity";
    return util::iso_date(d);
}

// "YYYY-MM-DDThh:mm:ss"; special values spelled as date_text spells them.
std::string date_time_text(const date_time& t) {
    if (t.is_special()) {
        if (t.is_pos_infinity()) return "+infinity";
        if (t.is_neg_infinity()) return "-infinity";
        return "not-a-date-time";
    }
    return util::iso_date_time(t);
}

// Reads [-]digits[.digits] of any length decimal::parse refuses: a mantissa
// that fills std::int64_t, a scale over 18, or integer trailing zeros that only
// fit as a negative scale (what decimal_text writes for one).
std::optional<decimal> parse_wide_decimal(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    auto point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    auto all_digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (whole.empty() || !all_digits(whole) || !all_digits(fraction)) return std::nullopt;
    if (point != std::string_view::npos && fraction.empty()) return std::nullopt;
    if (fraction.size() > static_cast<std::size_t>(std::numeric_limits<std::int8_t>::max())) return std::nullopt;

    std::string digits(whole);
    digits += fraction;
    int scale = static_cast<int>(fraction.size());
    std::size_t first = digits.find_first_not_of('0');
    digits = first == std::string::npos ? "0" : digits.substr(first);
    if (scale == 0)  // integer trailing zeros beyond 18 digits become a negative scale
        while (digits.size() > 18 && digits.back() == '0') {
            digits.pop_back();
            if (--scale < std::numeric_limits<std::int8_t>::min()) return std::nullopt;
        }
    std::uint64_t magnitude = 0;
    for (char c : digits) {
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
        magnitude = magnitude * 10 + digit;
    }
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    auto mantissa = static_cast<std::int64_t>(magnitude);
    return decimal(negative ? -mantissa : mantissa, scale);
}

std::optional<date> parse_date_text(std::string_view text) {
    if (text == "not-a-date-time") return date(boost::gregorian::not_a_date_time);
    if (text == "+infinity") return date(boost::gregorian::pos_infin);
    if (text == "-infinity") return date(boost::gregorian::neg_infin);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) {
        int n = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 0 || day < 0) return std::nullopt;
    try {
        return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                    static_cast<unsigned short>(day));
    } catch (const std::exception&) {  // out of range year, month or day of month
        return std::nullopt;
    }
}

std::optional<date_time> parse_date_time_text(std::string_view text) {
    if (text == "not-a-date-time") return date_time(boost::date_time::not_a_date_time);
    if (text == "+infinity") return date_time(boost::date_time::pos_infin);
    if (text == "-infinity") return date_time(boost::date_time::neg_infin);
    if (text.size() != 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
    auto day = parse_date_text(text.substr(0, 10));
    if (!day || day->is_special()) return std::nullopt;
    auto number = [&](std::size_t from) {
        if (text[from] < '0' || text[from] > '9' || text[from + 1] < '0' || text[from + 1] > '9') return -1;
        return (text[from] - '0') * 10 + (text[from + 1] - '0');
    };
    int hour = number(11), minute = number(14), second = number(17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
    return date_time(*day, boost::posix_time::time_duration(hour, minute, second));
}

}  // namespace form4::json_io
