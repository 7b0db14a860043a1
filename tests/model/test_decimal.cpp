#include <gtest/gtest.h>

#include "form4/model/decimal.hpp"

using form4::decimal;

TEST(Decimal, KeepsTheFiledTextAndComparesByValue) {
    auto d = decimal::parse("26.80");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->mantissa(), 2680);
    EXPECT_EQ(d->scale(), 2);
    EXPECT_EQ(d->to_string(), "26.80");
    EXPECT_EQ(d->to_canonical_string(), "26.8");
    EXPECT_EQ(*d, *decimal::parse("26.8"));
    EXPECT_FALSE(d->identical(*decimal::parse("26.8")));
}

TEST(Decimal, ParsesTheXsDecimalLexicalSpace) {
    EXPECT_EQ(decimal::parse("0")->to_string(), "0");
    EXPECT_EQ(decimal::parse("0.00")->to_canonical_string(), "0");
    EXPECT_EQ(decimal::parse(".5")->to_string(), "0.5");
    EXPECT_EQ(decimal::parse("5.")->to_string(), "5");
    EXPECT_EQ(decimal::parse("-12.345")->to_string(), "-12.345");
    EXPECT_EQ(decimal::parse("+7")->to_string(), "7");
    EXPECT_EQ(decimal::parse("000123.4500")->to_string(), "123.4500");
    EXPECT_EQ(decimal::parse("999999999999.9999")->to_string(), "999999999999.9999");
    EXPECT_EQ(decimal::parse("0.0000000001")->to_string(), "0.0000000001");
}

TEST(Decimal, RejectsWhatIsNotADecimal) {
    for (const char* bad : {"", ".", "-", "1,000", "1.2.3", "1e5", " 1", "$5", "12345678901234567890"})
        EXPECT_FALSE(decimal::parse(bad)) << bad;
}

TEST(Decimal, RoundsHalfAwayFromZeroLikeTheSec) {
    EXPECT_EQ(decimal::parse("6.819")->rounded(2).to_string(), "6.82");
    EXPECT_EQ(decimal::parse("809.7165")->rounded(2).to_string(), "809.72");
    EXPECT_EQ(decimal::parse("0.125")->rounded(2).to_string(), "0.13");
    EXPECT_EQ(decimal::parse("-0.125")->rounded(2).to_string(), "-0.13");
    EXPECT_EQ(decimal::parse("15285.56")->rounded(2).to_string(), "15285.56");
    EXPECT_EQ(decimal::parse("4")->rounded(2).to_string(), "4");
}

TEST(Decimal, OrdersByValue) {
    EXPECT_LT(*decimal::parse("4.08"), *decimal::parse("6.819"));
    EXPECT_GT(*decimal::parse("100"), *decimal::parse("99.9999"));
    EXPECT_EQ(*decimal::parse("0"), *decimal::parse("-0.000"));
}
