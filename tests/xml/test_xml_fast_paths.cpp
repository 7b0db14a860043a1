// The XML grammar reads the usual shapes of a footnoted value (<value>plain</value>,
// <value/>, <footnoteId id="F1"/>) straight from the bytes, and everything else
// through the general children loop, which is also what it uses while positions
// are recorded. So a parse with positions is the reference: with and without
// them, every input must give the same document and the same findings.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace form4 {
namespace {

parse_result parse_as(std::string_view text, bool lenient, bool positions, parse_limits limits = {}) {
    parse_options options;
    options.format = input_format::xml;
    options.lenient = lenient;
    options.record_positions = positions;
    options.limits = limits;
    return parse(text, options);
}

void expect_same_with_and_without_positions(std::string_view text, const std::string& what,
                                            parse_limits limits = {}) {
    for (bool lenient : {false, true}) {
        auto fast = parse_as(text, lenient, false, limits);
        auto general = parse_as(text, lenient, true, limits);
        std::string mode = lenient ? " (lenient)" : " (strict)";
        EXPECT_EQ(fast.diagnostics, general.diagnostics) << what << mode;
        ASSERT_EQ(fast.doc.has_value(), general.doc.has_value()) << what << mode;
        if (fast.doc) {
            EXPECT_EQ(*fast.doc, *general.doc) << what << mode;
        }
    }
}

TEST(XmlFastPaths, TheWholeCorpusReadsTheSameWithAndWithoutPositions) {
    std::size_t files = 0;
    for (const auto& file : testing::corpus_files("xml", ".xml")) {
        expect_same_with_and_without_positions(testing::read_file(file), file.string());
        ++files;
    }
    EXPECT_GT(files, 300u);
}

// One row whose footnoted values are given as `shares`, `title`, `code` and `date`.
std::string document_with(const std::string& shares, const std::string& title = "<value>Common Stock</value>",
                          const std::string& code = "<value>A</value>",
                          const std::string& date = "<value>2020-01-02</value>") {
    return "<?xml version=\"1.0\"?>\n<ownershipDocument>\n<documentType>4</documentType>\n"
           // What every schema requires, so that strict parsing keeps the document.
           "<periodOfReport>2020-01-02</periodOfReport><issuer><issuerCik>0000000001</issuerCik></issuer>\n"
           "<reportingOwner><reportingOwnerId><rptOwnerCik>0000000002</rptOwnerCik></reportingOwnerId>"
           "</reportingOwner>\n<ownerSignature><signatureName>A</signatureName></ownerSignature>\n"
           "<nonDerivativeTable>\n<nonDerivativeTransaction>\n"
           "<securityTitle>" + title + "</securityTitle>\n"
           "<transactionDate>" + date + "</transactionDate>\n"
           "<transactionAmounts>\n<transactionShares>" + shares + "</transactionShares>\n"
           "<transactionAcquiredDisposedCode>" + code + "</transactionAcquiredDisposedCode>\n"
           "</transactionAmounts>\n</nonDerivativeTransaction>\n</nonDerivativeTable>\n"
           "<footnotes><footnote id=\"F1\">One.</footnote><footnote id=\"F2\">Two.</footnote></footnotes>\n"
           "</ownershipDocument>\n";
}

// Each shape of a footnoted value's content: the ones the fast paths take
// and the ones just beside them, which they must leave to the general loop.
const std::vector<std::string> shapes = {
    "<value>100</value>",
    "\n  <value>100</value>\n  <footnoteId id=\"F1\"/>\n",
    "<value> 100 </value>",
    "<value>\n100\n</value>",
    "<value/>",
    "<value />",
    "<value></value>",
    "",
    "<value>1,000</value>",
    "<value>abc</value>",
    "<value>1&#48;0</value>",
    "<value>10\r\n</value>",
    "<value>\xC2\xA0""100</value>",
    "<value><![CDATA[100]]></value>",
    "<value>100<!-- c --></value>",
    "<value>100</value >",
    "<value>100</valu>",
    "<value>100",
    "<value a=\"1\">100</value>",
    "<value>100</value><value>200</value>",
    "<value>100</value><value/>",
    "<footnoteId id=\"F1\"/>",
    "<footnoteId id=\"F1\"/><footnoteId id=\"F2\"/><value>5</value>",
    "<footnoteId id='F1'/>",
    "<footnoteId id=\" F1 \"/>",
    "<footnoteId id=\"F&#49;\"/>",
    "<footnoteId id=\"\"/>",
    "<footnoteId/>",
    "<footnoteId id=\"F1\" />",
    "<footnoteId id=\"F1\"></footnoteId>",
    "<footnoteId id=\"F1\">",
    "<footnoteId id=\"F1\"",
    "<footnoteIdentifier id=\"F1\"/>",
    "<values>100</values>",
    "<!-- note --><value>100</value>",
    "<value>100</value></stray>",
    "text<value>100</value>",
};

TEST(XmlFastPaths, EveryShapeOfAFootnotedValueReadsAsTheGeneralLoopReadsIt) {
    for (const auto& shape : shapes) {
        expect_same_with_and_without_positions(document_with(shape), "shares: " + shape);
        expect_same_with_and_without_positions(document_with("<value>1</value>", shape), "title: " + shape);
        expect_same_with_and_without_positions(document_with("<value>1</value>", "", shape), "code: " + shape);
        expect_same_with_and_without_positions(document_with("<value>1</value>", "", "", shape), "date: " + shape);
    }
}

TEST(XmlFastPaths, ValuesReadOnTheFastPath) {
    auto result = parse_as(document_with("\n  <value> 1234.50 </value>\n  <footnoteId id=\"F1\"/>\n  <footnoteId id=\"F2\"/>\n",
                                         "<value>Class A Common Stock, par value $0.01</value>", "<value>D</value>",
                                         "<value>2020-01-02</value><footnoteId id=\"F2\"/>"),
                           false, false);
    ASSERT_TRUE(result.ok());
    const auto& row = result.doc->non_derivative_transactions.at(0);
    EXPECT_EQ(row.shares.value, decimal::parse("1234.50"));
    EXPECT_EQ(row.shares.footnote_ids, (std::vector<std::string>{"F1", "F2"}));
    EXPECT_EQ(row.security_title.value, "Class A Common Stock, par value $0.01");
    ASSERT_TRUE(row.acquired_disposed.value);
    EXPECT_EQ(row.acquired_disposed.value->value, acquired_disposed::disposed);
    EXPECT_EQ(row.transaction_date.value, date(2020, 1, 2));
    EXPECT_EQ(row.transaction_date.footnote_ids, (std::vector<std::string>{"F2"}));
}

TEST(XmlFastPaths, AnEmptyValueLeavesTextAsItWasAndEmptiesOtherValues) {
    auto result = parse_as(document_with("<value>5</value><value/>", "<value>Stock</value><value/>"), false, false);
    ASSERT_TRUE(result.ok());
    const auto& row = result.doc->non_derivative_transactions.at(0);
    EXPECT_FALSE(row.shares.value);
    EXPECT_EQ(row.security_title.value, "Stock");
}

TEST(XmlFastPaths, LimitsHoldOnTheFastPath) {
    parse_limits few_footnotes;
    few_footnotes.max_footnotes = 2;
    std::string three_references = "<value>1</value><footnoteId id=\"F1\"/><footnoteId id=\"F2\"/><footnoteId id=\"F1\"/>";
    std::string text = document_with(three_references);
    auto result = parse_as(text, true, false, few_footnotes);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.back().code, "limit.footnotes");
    std::size_t third = text.find("<footnoteId id=\"F1\"/></transactionShares>");  // the reference over the limit
    EXPECT_EQ(result.diagnostics.back().column, third - text.rfind('\n', third));
    expect_same_with_and_without_positions(document_with(three_references), "footnote limit", few_footnotes);

    parse_limits few_elements;
    few_elements.max_elements = 5;  // the sixth is securityTitle's <value>
    result = parse_as(document_with("<value>1</value>"), true, false, few_elements);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.back().code, "limit.elements");
    expect_same_with_and_without_positions(document_with("<value>1</value>"), "element limit", few_elements);

    parse_limits short_strings;
    short_strings.max_string_bytes = 3;
    result = parse_as(document_with("<value>1000</value>", "<value>abc</value>"), true, false, short_strings);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.back().code, "limit.string-length");
    expect_same_with_and_without_positions(document_with("<value>1000</value>", "<value>abc</value>"),
                                           "string limit", short_strings);
}

}  // namespace
}  // namespace form4
