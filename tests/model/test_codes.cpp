#include <gtest/gtest.h>

#include "form4/model/codes.hpp"

using namespace form4;

TEST(Codes, KnownCodesMapBothWays) {
    EXPECT_EQ(document_type_from("4/A"), document_type::form4_amendment);
    EXPECT_EQ(to_string(document_type::form5), "5");
    EXPECT_EQ(transaction_code_from("M"), transaction_code::M);
    EXPECT_EQ(to_string(transaction_code::Z), "Z");
    EXPECT_EQ(acquired_disposed_from("D"), acquired_disposed::disposed);
    EXPECT_EQ(ownership_form_from("I"), ownership_form::indirect);
    EXPECT_EQ(timeliness_from("L"), timeliness::late);
    EXPECT_EQ(form_type_from("3"), form_type::form3);
}

TEST(Codes, UnknownCodesKeepTheirText) {
    auto code = make_coded<transaction_code>("Q");
    EXPECT_EQ(code.value, transaction_code::unknown);
    EXPECT_FALSE(code.known());
    EXPECT_EQ(code.text, "Q");
    EXPECT_EQ(to_string(transaction_code::unknown), "");
    auto type = make_coded<document_type>("4");
    EXPECT_TRUE(type.known());
    EXPECT_EQ(type.text, "4");
}
