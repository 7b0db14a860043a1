#include <gtest/gtest.h>

#include "form4/model.hpp"

using namespace form4;

namespace {

document sample_document() {
    document doc;
    doc.schema_version = "X0508";
    doc.type = make_coded<document_type>("4");
    doc.period_of_report = date(2024, 9, 12);
    doc.aff10b5_one = false;
    doc.issuer = {"0001062993", "Issuer Inc.", "ISS", ""};
    reporting_owner owner;
    owner.id = {"0001", "", "Doe Jane"};
    owner.address.city = "Cupertino";
    owner.relationship.is_director = true;
    doc.reporting_owners.push_back(owner);
    non_derivative_transaction row;
    row.security_title.value = "Common Stock";
    row.security_title.footnote_ids = {"F1"};
    row.shares.value = decimal::parse("100");
    row.coding = transaction_coding{make_coded<form_type>("4"), make_coded<transaction_code>("S"), false, {}};
    doc.non_derivative_transactions.push_back(row);
    doc.footnotes.push_back({"F1", "A footnote."});
    doc.signatures.push_back({"/s/ Jane Doe", date(2024, 9, 13)});
    return doc;
}

}  // namespace

TEST(Document, DefaultConstructedDocumentsAreEqual) { EXPECT_EQ(document{}, document{}); }

TEST(Document, CopiesAreEqualAndEveryFieldTakesPartInEquality) {
    const document original = sample_document();
    document copy = original;
    EXPECT_EQ(copy, original);

    auto differs = [&](auto change) {
        document changed = original;
        change(changed);
        return !(changed == original);
    };
    EXPECT_TRUE(differs([](document& d) { d.schema_version = "X0407"; }));
    EXPECT_TRUE(differs([](document& d) { d.type = make_coded<document_type>("4/A"); }));
    EXPECT_TRUE(differs([](document& d) { d.period_of_report = date(2024, 9, 11); }));
    EXPECT_TRUE(differs([](document& d) { d.aff10b5_one.reset(); }));
    EXPECT_TRUE(differs([](document& d) { d.issuer.trading_symbol = "X"; }));
    EXPECT_TRUE(differs([](document& d) { d.reporting_owners[0].address.city = "Austin"; }));
    EXPECT_TRUE(differs([](document& d) { d.reporting_owners[0].relationship.is_director = false; }));
    EXPECT_TRUE(differs([](document& d) { d.non_derivative_transactions[0].security_title.footnote_ids.clear(); }));
    EXPECT_TRUE(differs([](document& d) { d.non_derivative_transactions[0].coding->code = make_coded<transaction_code>("P"); }));
    EXPECT_TRUE(differs([](document& d) { d.non_derivative_transactions[0].shares.value = decimal::parse("101"); }));
    EXPECT_TRUE(differs([](document& d) { d.footnotes[0].text += "!"; }));
    EXPECT_TRUE(differs([](document& d) { d.signatures[0].date.reset(); }));
    EXPECT_TRUE(differs([](document& d) { d.filing.accession_number = "0000000000-00-000000"; }));
}

TEST(Document, DecimalFieldsCompareByValue) {
    document a = sample_document(), b = sample_document();
    b.non_derivative_transactions[0].shares.value = decimal::parse("100.00");
    EXPECT_EQ(a, b);
}

TEST(Document, FootnotedKnowsEmptyFromFootnoteOnly) {
    footnoted<decimal> price;
    EXPECT_TRUE(price.empty());
    price.footnote_ids.push_back("F2");
    EXPECT_FALSE(price.empty());
    EXPECT_FALSE(price.has_value());
}

TEST(Diagnostic, FormatsPositionSeverityAndCode) {
    diagnostic d{severity::error, "xml.expected", "expected </a>", 12, 5};
    EXPECT_EQ(format(d), "12:5: error: expected </a> [xml.expected]");
    diagnostic whole{severity::warning, "lint.x", "no position", 0, 0};
    EXPECT_EQ(format(whole), "warning: no position [lint.x]");
}
