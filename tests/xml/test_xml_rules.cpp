// Each section rule of the XML grammar on its own, through its rule object.
#include <gtest/gtest.h>

#include "xml/rule_harness.hpp"

namespace xml = form4::grammar::xml;
using form4::testing::run_rule;

namespace {
form4::decimal dec(const char* text) { return *form4::decimal::parse(text); }
form4::date ymd(int y, int m, int d) {
    return form4::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}
}  // namespace

TEST(XmlRules, IssuerReadsItsChildrenInAnyOrder) {
    form4::issuer issuer;
    auto outcome = run_rule(xml::element("issuer")[xml::issuer],
                            "<issuer><issuerTradingSymbol> AAPL </issuerTradingSymbol>\n"
                            "<issuerName>Apple Inc.</issuerName><issuerCik>0000320193</issuerCik></issuer>",
                            issuer);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(issuer.cik, "0000320193");
    EXPECT_EQ(issuer.name, "Apple Inc.");
    EXPECT_EQ(issuer.trading_symbol, "AAPL");
}

TEST(XmlRules, FootnotedDecimalKeepsValueAndIdsInOrder) {
    form4::footnoted<form4::decimal> price;
    auto outcome = run_rule(xml::element("transactionPricePerShare")[xml::footnoted_decimal],
                            "<transactionPricePerShare><value>26.80</value><footnoteId id=\"F2\"/>"
                            "<footnoteId id='F10' /></transactionPricePerShare>",
                            price);
    ASSERT_TRUE(outcome.matched);
    ASSERT_TRUE(price.value);
    EXPECT_EQ(price.value->to_string(), "26.80");
    EXPECT_EQ(price.footnote_ids, (std::vector<std::string>{"F2", "F10"}));
}

TEST(XmlRules, FootnoteOnlyValueHasNoValue) {
    form4::footnoted<form4::decimal> price;
    auto outcome = run_rule(xml::element("p")[xml::footnoted_decimal], "<p><footnoteId id=\"F1\"/></p>", price);
    ASSERT_TRUE(outcome.matched);
    EXPECT_FALSE(price.value);
    EXPECT_EQ(price.footnote_ids, std::vector<std::string>{"F1"});
}

TEST(XmlRules, ReportingOwnerWithAddressAndRelationship) {
    form4::reporting_owner owner;
    auto outcome = run_rule(xml::element("reportingOwner")[xml::reporting_owner], R"(<reportingOwner>
        <reportingOwnerId><rptOwnerCik>0001462356</rptOwnerCik><rptOwnerName>Adams Katherine L.</rptOwnerName></reportingOwnerId>
        <reportingOwnerAddress><rptOwnerStreet1>ONE APPLE PARK WAY</rptOwnerStreet1><rptOwnerStreet2></rptOwnerStreet2>
          <rptOwnerCity>CUPERTINO</rptOwnerCity><rptOwnerState>CA</rptOwnerState><rptOwnerZipCode>95014</rptOwnerZipCode>
          <rptOwnerNonUSAddressFlag>false</rptOwnerNonUSAddressFlag></reportingOwnerAddress>
        <reportingOwnerRelationship><isDirector>0</isDirector><isOfficer>true</isOfficer>
          <officerTitle>SVP, GC and Secretary</officerTitle></reportingOwnerRelationship>
      </reportingOwner>)",
                            owner);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(owner.id.cik, "0001462356");
    EXPECT_EQ(owner.id.name, "Adams Katherine L.");
    EXPECT_EQ(owner.address.city, "CUPERTINO");
    EXPECT_EQ(owner.address.street2, "");
    EXPECT_EQ(owner.address.non_us_address, false);
    EXPECT_EQ(owner.relationship.is_director, false);
    EXPECT_EQ(owner.relationship.is_officer, true);
    EXPECT_FALSE(owner.relationship.is_other.has_value());
    EXPECT_EQ(owner.relationship.officer_title, "SVP, GC and Secretary");
}

TEST(XmlRules, NonDerivativeTransactionRow) {
    form4::non_derivative_transaction row;
    auto outcome = run_rule(xml::element("nonDerivativeTransaction")[xml::non_derivative_transaction], R"(
      <nonDerivativeTransaction>
        <securityTitle><value>Common Stock</value><footnoteId id="F1"/></securityTitle>
        <transactionDate><value>2022-05-04</value></transactionDate>
        <deemedExecutionDate/>
        <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode>
          <equitySwapInvolved>0</equitySwapInvolved><footnoteId id="F9"/></transactionCoding>
        <transactionTimeliness><value>E</value></transactionTimeliness>
        <transactionAmounts><transactionShares><value>9136</value></transactionShares>
          <transactionPricePerShare><value>159.94</value><footnoteId id="F2"/></transactionPricePerShare>
          <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
        <postTransactionAmounts><sharesOwnedFollowingTransaction><value>468198</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
          <natureOfOwnership><value>By Trust</value><footnoteId id="F3"/></natureOfOwnership></ownershipNature>
      </nonDerivativeTransaction>)",
                            row);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(row.security_title.value, "Common Stock");
    EXPECT_EQ(row.transaction_date.value, ymd(2022, 5, 4));
    EXPECT_TRUE(row.deemed_execution_date.empty());
    ASSERT_TRUE(row.coding);
    EXPECT_EQ(row.coding->form_type.value, form4::form_type::form4);
    EXPECT_EQ(row.coding->code.value, form4::transaction_code::S);
    EXPECT_EQ(row.coding->equity_swap_involved, false);
    EXPECT_EQ(row.coding->footnote_ids, std::vector<std::string>{"F9"});
    EXPECT_EQ(row.timeliness.value->value, form4::timeliness::early);
    EXPECT_EQ(row.shares.value, dec("9136"));
    EXPECT_EQ(row.price_per_share.value, dec("159.94"));
    EXPECT_EQ(row.acquired_disposed.value->value, form4::acquired_disposed::disposed);
    EXPECT_EQ(row.post_transaction.shares_owned.value, dec("468198"));
    EXPECT_EQ(row.ownership.direct_or_indirect.value->value, form4::ownership_form::indirect);
    EXPECT_EQ(row.ownership.nature.value, "By Trust");
    EXPECT_EQ(row.ownership.nature.footnote_ids, std::vector<std::string>{"F3"});
}

TEST(XmlRules, DerivativeTransactionWithTotalValueAndUnderlying) {
    form4::derivative_transaction row;
    auto outcome = run_rule(xml::element("derivativeTransaction")[xml::derivative_transaction], R"(
      <derivativeTransaction>
        <securityTitle><value>Restricted Stock Units</value></securityTitle>
        <conversionOrExercisePrice><footnoteId id="F1"/></conversionOrExercisePrice>
        <transactionDate><value>2024-09-12</value></transactionDate>
        <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>A</transactionCode>
          <equitySwapInvolved>false</equitySwapInvolved></transactionCoding>
        <transactionAmounts><transactionTotalValue><value>1000.50</value></transactionTotalValue>
          <transactionPricePerShare><value>0</value></transactionPricePerShare>
          <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode></transactionAmounts>
        <exerciseDate><footnoteId id="F3"/></exerciseDate>
        <expirationDate><value>2030-01-31</value></expirationDate>
        <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle>
          <underlyingSecurityValue><value>26.8</value></underlyingSecurityValue></underlyingSecurity>
        <postTransactionAmounts><valueOwnedFollowingTransaction><value>15285.56</value></valueOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
      </derivativeTransaction>)",
                            row);
    ASSERT_TRUE(outcome.matched);
    EXPECT_FALSE(row.conversion_or_exercise_price.value);
    EXPECT_EQ(row.conversion_or_exercise_price.footnote_ids, std::vector<std::string>{"F1"});
    EXPECT_EQ(row.total_value.value, dec("1000.5"));
    EXPECT_FALSE(row.shares.value);
    EXPECT_EQ(row.exercise_date.footnote_ids, std::vector<std::string>{"F3"});
    EXPECT_EQ(row.expiration_date.value, ymd(2030, 1, 31));
    EXPECT_EQ(row.underlying.title.value, "Common Stock");
    EXPECT_EQ(row.underlying.value.value, dec("26.8"));
    EXPECT_EQ(row.post_transaction.value_owned.value, dec("15285.56"));
}

// A group given twice in one row: the second replaces the first whole, so
// nothing of the first (a value, a footnote id) is left in it.
TEST(XmlRules, RepeatedGroupReplacesTheFirstWhole) {
    form4::derivative_transaction row;
    auto outcome = run_rule(xml::element("derivativeTransaction")[xml::derivative_transaction], R"(
      <derivativeTransaction>
        <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value><footnoteId id="F1"/></underlyingSecurityTitle>
          <underlyingSecurityShares><value>10</value></underlyingSecurityShares>
          <underlyingSecurityValue><footnoteId id="F2"/></underlyingSecurityValue></underlyingSecurity>
        <underlyingSecurity><underlyingSecurityShares><value>20</value></underlyingSecurityShares></underlyingSecurity>
        <postTransactionAmounts><sharesOwnedFollowingTransaction><value>5</value><footnoteId id="F3"/></sharesOwnedFollowingTransaction></postTransactionAmounts>
        <postTransactionAmounts><valueOwnedFollowingTransaction><value>7.5</value></valueOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
          <natureOfOwnership><value>By trust</value><footnoteId id="F4"/></natureOfOwnership></ownershipNature>
        <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
      </derivativeTransaction>)",
                            row);
    ASSERT_TRUE(outcome.matched);
    form4::underlying_security underlying;
    underlying.shares.value = dec("20");
    EXPECT_EQ(row.underlying, underlying);
    form4::post_transaction_amounts post;
    post.value_owned.value = dec("7.5");
    EXPECT_EQ(row.post_transaction, post);
    EXPECT_EQ(row.ownership.direct_or_indirect.value->value, form4::ownership_form::direct);
    EXPECT_TRUE(row.ownership.direct_or_indirect.footnote_ids.empty());
    EXPECT_TRUE(row.ownership.nature.empty());
}

TEST(XmlRules, HoldingsCarryTheirCoding) {
    form4::derivative_holding row;
    auto outcome = run_rule(xml::element("derivativeHolding")[xml::derivative_holding], R"(
      <derivativeHolding><securityTitle><value>Option</value></securityTitle>
        <conversionOrExercisePrice><value>4.08</value></conversionOrExercisePrice>
        <transactionCoding><transactionFormType>3</transactionFormType><footnoteId id="F4"/></transactionCoding>
        <exerciseDate><value>2003-05-27</value></exerciseDate><expirationDate><value>2013-05-27</value></expirationDate>
        <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle>
          <underlyingSecurityShares><value>30000</value></underlyingSecurityShares></underlyingSecurity>
        <postTransactionAmounts><sharesOwnedFollowingTransaction><value>154452</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
      </derivativeHolding>)",
                            row);
    ASSERT_TRUE(outcome.matched);
    ASSERT_TRUE(row.coding);
    EXPECT_EQ(row.coding->form_type.value, form4::form_type::form3);
    EXPECT_EQ(row.coding->footnote_ids, std::vector<std::string>{"F4"});
    EXPECT_EQ(row.conversion_or_exercise_price.value, dec("4.08"));
    EXPECT_EQ(row.underlying.shares.value, dec("30000"));
}

TEST(XmlRules, SignatureNameAndDate) {
    form4::signature signature;
    auto outcome = run_rule(xml::element("ownerSignature")[xml::signature],
                            "<ownerSignature><signatureName>/s/ Jane Doe</signatureName>"
                            "<signatureDate>2024-09-26-05:00</signatureDate></ownerSignature>",
                            signature);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(signature.name, "/s/ Jane Doe");
    EXPECT_EQ(signature.date, ymd(2024, 9, 26));
}

TEST(XmlRules, FootnoteElementKeepsIdAndText) {
    form4::footnote note;
    auto outcome = run_rule(xml::footnote_element,
                            "<footnote id=\"F1\">Price is a weighted\n average &amp; ranges from $1 to $2.</footnote>", note);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(note.id, "F1");
    EXPECT_EQ(note.text, "Price is a weighted\n average & ranges from $1 to $2.");
}

TEST(XmlRules, ElementDoesNotMatchAnotherNameOrAPrefix) {
    std::string value;
    auto outcome = run_rule(xml::element("footnote")[xml::text], "<footnotes></footnotes>", value);
    EXPECT_FALSE(outcome.matched);
    EXPECT_EQ(outcome.consumed, 0u);
}

TEST(XmlRules, BadValueIsAnErrorInStrictModeAndRepairedInLenient) {
    form4::footnoted<form4::decimal> shares;
    auto strict = run_rule(xml::element("s")[xml::footnoted_decimal], "<s><value>1,000</value></s>", shares);
    EXPECT_TRUE(strict.threw);
    ASSERT_EQ(strict.diagnostics.size(), 1u);
    EXPECT_EQ(strict.diagnostics[0].code, "xml.bad-value");
    EXPECT_EQ(strict.diagnostics[0].column, 11u);

    form4::footnoted<form4::decimal> repaired;
    auto lenient = run_rule(xml::element("s")[xml::footnoted_decimal], "<s><value>1,000</value></s>", repaired, true);
    ASSERT_TRUE(lenient.matched);
    EXPECT_EQ(repaired.value, dec("1000"));
    ASSERT_EQ(lenient.diagnostics.size(), 1u);
    EXPECT_EQ(lenient.diagnostics[0].level, form4::severity::warning);
}

TEST(XmlRules, FootnoteReferenceWithoutAnIdIsAnErrorOrDropped) {
    form4::footnoted<form4::decimal> price;
    auto strict = run_rule(xml::element("p")[xml::footnoted_decimal], "<p><value>1</value><footnoteId/></p>", price);
    EXPECT_TRUE(strict.threw);
    ASSERT_FALSE(strict.diagnostics.empty());
    EXPECT_EQ(strict.diagnostics.back().code, "xml.missing-attribute");

    form4::footnoted<form4::decimal> lenient_price;
    auto lenient = run_rule(xml::element("p")[xml::footnoted_decimal],
                            "<p><value>1</value><footnoteId/><footnoteId id=\"F2\"/></p>", lenient_price, true);
    ASSERT_TRUE(lenient.matched);
    EXPECT_EQ(lenient_price.footnote_ids, std::vector<std::string>{"F2"});
}
