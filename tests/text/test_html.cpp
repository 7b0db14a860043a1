// EDGAR's HTML renderings (corpus/html): the two with an XML twin in the corpus
// must give the twin's values on every field the page shows; the other two are
// checked against values stated here.
#include <gtest/gtest.h>

#include "document_compare.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace {

using namespace form4::testing;
using boost::gregorian::date;

form4::parse_result read(const std::string& folder, const std::string& name) {
    return form4::parse(read_file(corpus_dir() / folder / name));
}

form4::document read_html(const std::string& name) {
    auto result = read("html", name);
    EXPECT_EQ(result.format, form4::input_format::html) << name;
    for (const auto& d : result.diagnostics) ADD_FAILURE() << name << ": " << form4::format(d);
    EXPECT_TRUE(result.ok()) << name;
    return result.doc.value_or(form4::document{});
}

void expect_same_as_xml_twin(const std::string& html, const std::string& xml) {
    auto twin = read("xml/form3-5", xml);
    ASSERT_TRUE(twin.ok()) << xml;
    auto mismatches = compare(*twin.doc, read_html(html), damage::none);
    std::string all;
    for (const auto& m : mismatches) all += "\n  " + m;
    EXPECT_TRUE(mismatches.empty()) << html << " vs " << xml << ":" << all;
}

TEST(HtmlRendering, Form5SnowMatchesItsXml) {
    expect_same_as_xml_twin("edgartools__form5.snow.html", "edgartools__form5.snow.xml");
}

TEST(HtmlRendering, Form3SnowMatchesItsXml) {
    expect_same_as_xml_twin("edgartools__form3.snow.html", "edgartools__form3.snow.xml");
}

TEST(HtmlRendering, Form4EvansStatedValues) {
    form4::document doc = read_html("edgartools__form4.Evans.html");
    EXPECT_EQ(doc.type.text, "4");
    EXPECT_EQ(doc.issuer.name, "EVANS BANCORP INC");
    EXPECT_EQ(doc.issuer.trading_symbol, "EVBN");
    EXPECT_EQ(doc.period_of_report, date(2023, 1, 24));
    ASSERT_EQ(doc.reporting_owners.size(), 1u);
    const auto& owner = doc.reporting_owners[0];
    EXPECT_EQ(owner.id.name, "SULLIVAN NORA B");
    EXPECT_EQ(owner.address.street1, "6460 MAIN STREET");
    EXPECT_EQ(owner.address.street2, "");
    EXPECT_EQ(owner.address.city, "WILLIAMSVILLE");
    EXPECT_EQ(owner.address.state, "NY");
    EXPECT_EQ(owner.address.zip_code, "14221");
    EXPECT_EQ(owner.relationship.is_director, true);
    EXPECT_EQ(owner.relationship.is_officer, false);
    EXPECT_EQ(owner.relationship.is_ten_percent_owner, false);
    EXPECT_EQ(owner.relationship.is_other, false);
    ASSERT_EQ(doc.non_derivative_transactions.size(), 1u);
    const auto& t = doc.non_derivative_transactions[0];
    EXPECT_EQ(t.security_title.value, "Common Stock");
    EXPECT_EQ(t.transaction_date.value, date(2023, 1, 24));
    EXPECT_EQ(t.coding->code.text, "A");
    EXPECT_EQ(t.shares.value, form4::decimal::parse("519"));
    EXPECT_EQ(t.shares.footnote_ids, std::vector<std::string>{"F1"});
    EXPECT_EQ(t.acquired_disposed.value->text, "A");
    EXPECT_EQ(t.price_per_share.value, form4::decimal::parse("39.52"));
    EXPECT_EQ(t.post_transaction.shares_owned.value, form4::decimal::parse("5381.2"));
    EXPECT_EQ(t.ownership.direct_or_indirect.value->text, "D");
    EXPECT_TRUE(doc.derivative_transactions.empty());
    EXPECT_TRUE(doc.derivative_holdings.empty());
    ASSERT_EQ(doc.footnotes.size(), 1u);
    EXPECT_EQ(doc.footnotes[0].id, "F1");
    EXPECT_EQ(doc.footnotes[0].text.substr(0, 50), "The Restricted Stock shall be vested according to ");
    ASSERT_EQ(doc.signatures.size(), 1u);
    EXPECT_EQ(doc.signatures[0].name, "/s/Jessica L. Brosius, Attorney in Fact for Nora B. Sullivan");
    EXPECT_EQ(doc.signatures[0].date, date(2023, 1, 26));
}

TEST(HtmlRendering, Form3JointFilingNamesEveryReportingPerson) {
    form4::document doc = read_html("edgartools__form3.BAMPartners.html");
    EXPECT_EQ(doc.type.text, "3");
    EXPECT_EQ(doc.issuer.name, "Triton International Ltd");
    EXPECT_EQ(doc.issuer.trading_symbol, "TRTN");
    EXPECT_EQ(doc.period_of_report, date(2023, 9, 28));
    ASSERT_EQ(doc.reporting_owners.size(), 10u);
    EXPECT_EQ(doc.reporting_owners[0].id.name, "BROOKFIELD Corp /ON/");
    EXPECT_EQ(doc.reporting_owners[0].address.street1, "BROOKFIELD PLACE");
    EXPECT_EQ(doc.reporting_owners[0].address.street2, "181 BAY ST SUITE 100");
    EXPECT_EQ(doc.reporting_owners[0].address.city, "TORONTO ONTARIO");
    EXPECT_EQ(doc.reporting_owners[0].address.state, "A6");
    EXPECT_EQ(doc.reporting_owners[0].address.zip_code, "M5J2T3");
    // Item 4 of the page is the first person's; the others' are not shown.
    EXPECT_EQ(doc.reporting_owners[0].relationship.is_ten_percent_owner, true);
    EXPECT_EQ(doc.reporting_owners[0].relationship.is_director, false);
    EXPECT_FALSE(doc.reporting_owners[1].relationship.is_ten_percent_owner.has_value());
    EXPECT_EQ(doc.reporting_owners[1].id.name, "BAM Partners Trust");
    EXPECT_EQ(doc.reporting_owners[1].address.street1, "C/O BROOKFIELD CORPORATION");
    EXPECT_EQ(doc.reporting_owners[9].id.name, "BIF V Thanos Carry L.P.");
    ASSERT_EQ(doc.non_derivative_holdings.size(), 1u);
    const auto& h = doc.non_derivative_holdings[0];
    EXPECT_EQ(h.security_title.value, "Common Shares, par value $0.01 per share");
    EXPECT_EQ(h.post_transaction.shares_owned.value, form4::decimal::parse("101158891"));
    EXPECT_EQ(h.post_transaction.shares_owned.footnote_ids, std::vector<std::string>{"F1"});
    EXPECT_EQ(h.ownership.direct_or_indirect.value->text, "I");
    EXPECT_EQ(h.ownership.nature.value, "See Footnotes");
    EXPECT_EQ(h.ownership.nature.footnote_ids, (std::vector<std::string>{"F2", "F3"}));
    EXPECT_TRUE(doc.derivative_holdings.empty());
    ASSERT_EQ(doc.footnotes.size(), 3u);
    EXPECT_EQ(doc.footnotes[2].text, "See Exhibit 99.1 for text of footnote (3).");
    EXPECT_EQ(doc.remarks.substr(0, 40), "On September 28, 2023, Brookfield Infras");
    ASSERT_EQ(doc.signatures.size(), 1u);
    EXPECT_EQ(doc.signatures[0].name, "/s/ See Signatures Included in Exhibit 99.2");
    EXPECT_EQ(doc.signatures[0].date, date(2023, 10, 10));
}

TEST(HtmlRendering, DiagnosticsPointIntoTheHtml) {
    // Damage a date inside the Evans page: the error names the HTML line.
    std::string html = read_file(corpus_dir() / "html" / "edgartools__form4.Evans.html");
    std::size_t at = html.find("01/24/2023", html.find("Common Stock"));
    ASSERT_NE(at, std::string::npos);
    html.replace(at, 10, "01/2x/2023");
    std::size_t line = 1 + static_cast<std::size_t>(std::count(html.begin(), html.begin() + static_cast<long>(at), '\n'));
    auto result = form4::parse(html);
    EXPECT_FALSE(result.ok());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.front().level, form4::severity::error);
    EXPECT_EQ(result.diagnostics.front().line, line);
}

}  // namespace
