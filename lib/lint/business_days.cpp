#include <boost/date_time/gregorian/gregorian.hpp>

#include "form4/lint.hpp"

namespace form4 {
namespace {

using boost::gregorian::Friday;
using boost::gregorian::Monday;
using boost::gregorian::Saturday;
using boost::gregorian::Sunday;
using boost::gregorian::Thursday;
using nth = boost::gregorian::nth_day_of_the_week_in_month;
using last = boost::gregorian::last_day_of_the_week_in_month;

// A fixed-date holiday that falls on a weekend is observed on the nearest weekday.
date observed(date day) {
    if (day.day_of_week() == Saturday) return day - boost::gregorian::days(1);
    if (day.day_of_week() == Sunday) return day + boost::gregorian::days(1);
    return day;
}

bool is_holiday_in_year(date day, int year) {
    auto y = static_cast<unsigned short>(year);
    using boost::gregorian::Jan;
    const date fixed[] = {date(y, 1, 1), date(y, 7, 4), date(y, 11, 11), date(y, 12, 25)};
    for (date holiday : fixed)
        if (observed(holiday) == day) return true;
    if (year >= 2021 && observed(date(y, 6, 19)) == day) return true;  // Juneteenth
    if (nth(nth::third, Monday, Jan).get_date(y) == day) return year >= 1986;       // King
    if (nth(nth::third, Monday, 2).get_date(y) == day) return true;                  // Washington
    if (last(Monday, 5).get_date(y) == day) return true;                             // Memorial
    if (nth(nth::first, Monday, 9).get_date(y) == day) return true;                  // Labor
    if (nth(nth::second, Monday, 10).get_date(y) == day) return true;                // Columbus
    if (nth(nth::fourth, Thursday, 11).get_date(y) == day) return true;              // Thanksgiving
    return false;
}

}  // namespace

bool is_federal_holiday(date day) {
    if (day.is_special()) return false;
    int year = day.year();
    // 1 January of next year may be observed on 31 December.
    return is_holiday_in_year(day, year) || (day.month() == 12 && is_holiday_in_year(day, year + 1));
}

bool is_business_day(date day) {
    auto weekday = day.day_of_week();
    return weekday != Saturday && weekday != Sunday && !is_federal_holiday(day);
}

date add_business_days(date day, int n) {
    while (n > 0) {
        day += boost::gregorian::days(1);
        if (is_business_day(day)) --n;
    }
    return day;
}

}  // namespace form4
