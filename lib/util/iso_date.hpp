#pragma once
// ISO 8601 dates and times as the writers spell them: "2022-05-04" and
// "2022-05-04T16:31:08" (no zone: EDGAR's clock). Header-only, no allocation
// for the fixed-size forms.
#include <cstddef>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/ptime.hpp>

namespace form4::util {

inline constexpr std::size_t iso_date_size = 10;       // YYYY-MM-DD
inline constexpr std::size_t iso_date_time_size = 19;  // YYYY-MM-DDThh:mm:ss

// `digits` decimal digits of `value` at `out`, zero-padded.
constexpr void put_digits(char* out, unsigned value, int digits) noexcept {
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// YYYY-MM-DD at out[0..10) (no terminator); a year past 9999 keeps its last four digits.
constexpr void put_iso_date(char* out, unsigned year, unsigned month, unsigned day) noexcept {
    put_digits(out, year, 4);
    out[4] = '-';
    put_digits(out + 5, month, 2);
    out[7] = '-';
    put_digits(out + 8, day, 2);
}

// "Thh:mm:ss" at out[0..9).
constexpr void put_iso_clock(char* out, unsigned hour, unsigned minute, unsigned second) noexcept {
    out[0] = 'T';
    put_digits(out + 1, hour, 2);
    out[3] = ':';
    put_digits(out + 4, minute, 2);
    out[6] = ':';
    put_digits(out + 7, second, 2);
}

// A date that is not special ("not-a-date-time", infinities), as YYYY-MM-DD.
inline std::string iso_date(const boost::gregorian::date& d) {
    const auto ymd = d.year_month_day();
    char text[iso_date_size];
    put_iso_date(text, ymd.year, ymd.month, ymd.day);
    return std::string(text, sizeof text);
}

// A time that is not special, as YYYY-MM-DDThh:mm:ss.
inline std::string iso_date_time(const boost::posix_time::ptime& t) {
    const auto ymd = t.date().year_month_day();
    const auto clock = t.time_of_day();
    char text[iso_date_time_size];
    put_iso_date(text, ymd.year, ymd.month, ymd.day);
    put_iso_clock(text + iso_date_size, static_cast<unsigned>(clock.hours()), static_cast<unsigned>(clock.minutes()),
                  static_cast<unsigned>(clock.seconds()));
    return std::string(text, sizeof text);
}

}  // namespace form4::util
