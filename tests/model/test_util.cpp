// lib/util: the writers' shared helpers (UTF-8 repair as Python does it, ISO
// dates, decimals as written, ASCII case folding).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "util/ascii.hpp"
#include "util/decimal_text.hpp"
#include "util/iso_date.hpp"
#include "util/utf8.hpp"

namespace {

// Each input against Python's bytes.decode("utf-8", "replace").encode("utf-8").
TEST(Util, Utf8RepairedAsPythonDecodesIt) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"\x61\x62\x63", "\x61\x62\x63"},
        {"\xff", "\xef\xbf\xbd"},
        {"\x61\xe0\x80\x62", "\x61\xef\xbf\xbd\xef\xbf\xbd\x62"},
        {"\xe1\x80", "\xef\xbf\xbd"},
        {"\xf0\x9f\x98", "\xef\xbf\xbd"},
        {"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"\xc3\xa9\xc3", "\xc3\xa9\xef\xbf\xbd"},
        {"xxxxxxxxx\x80yyyyyyyyy", "xxxxxxxxx\xef\xbf\xbdyyyyyyyyy"},
    };
    for (const auto& [input, expected] : cases) EXPECT_EQ(form4::util::replaced_like_python(input), expected);
}

TEST(Util, IsoDates) {
    EXPECT_EQ(form4::util::iso_date(boost::gregorian::date(2022, 5, 4)), "2022-05-04");
    EXPECT_EQ(form4::util::iso_date_time(boost::posix_time::ptime(boost::gregorian::date(2006, 12, 31),
                                                                  boost::posix_time::time_duration(9, 5, 7))),
              "2006-12-31T09:05:07");
}

TEST(Util, DecimalText) {
    EXPECT_EQ(form4::util::decimal_text(form4::decimal(2680, 2)), "26.80");
    EXPECT_EQ(form4::util::decimal_text(form4::decimal(12, -3)), "12000");
    EXPECT_EQ(form4::util::decimal_text(form4::decimal(0, -3)), "0");
}

TEST(Util, AsciiCase) {
    EXPECT_EQ(form4::util::ascii_lowercase("ISO-8859-1 \xC9"), "iso-8859-1 \xC9");
    EXPECT_TRUE(form4::util::starts_with_ignoring_case("<SEC-Document>", "<sec-document"));
    EXPECT_FALSE(form4::util::starts_with_ignoring_case("<SEC", "<sec-document"));
    EXPECT_TRUE(form4::util::contains_ignoring_case("Table I - Non-Derivative", "non-derivative"));
}

}  // namespace
