// One filing -> its activity rows, on real corpus filings, every expected
// figure worked out by hand from the filing's own numbers.
#include <gtest/gtest.h>

#include "activity/support.hpp"
#include "activity/text_rules.hpp"

using form4::testing::dec;
using form4::testing::rows_of_file;
namespace activity = form4::activity;
using boost::gregorian::date;

// The user's sample: a 2003 Form 4 rendered to text. Table I: an M row (filed
// as D, which lint flags) and the sale S of 30,000 at 6.819 leaving 0.
TEST(ActivityRows, UsersSampleSale) {
    auto rows = rows_of_file("text/000_8ddcd668f7a6b10e.txt");
    ASSERT_EQ(rows.size(), 3u);   // Table I: M, S; Table II: M
    const auto& sale = rows[1];
    EXPECT_EQ(sale.table, "I");
    EXPECT_EQ(sale.row_index, 1u);
    EXPECT_EQ(sale.code, "S");
    EXPECT_EQ(sale.class_, activity::trade_class::sale);
    EXPECT_EQ(sale.code_description, "S - Open market or private sale of non-derivative or derivative security");
    EXPECT_TRUE(sale.open_market);
    EXPECT_EQ(sale.transaction_date, date(2003, 7, 18));
    EXPECT_EQ(sale.signed_shares->to_string(), "-30000");
    // 30,000 x 6.819 = 204,570.000: three places, as the price has.
    EXPECT_EQ(sale.value->to_string(), "204570.000");
    EXPECT_EQ(sale.shares_owned_after->to_string(), "0");
    EXPECT_EQ(sale.shares_owned_before->to_string(), "30000");   // 0 - (-30,000)
    EXPECT_EQ(sale.change_percent->to_string(), "-100.00");      // -30,000 / 30,000
    EXPECT_EQ(sale.issuer_name, "SONUS NETWORKS INC");
    EXPECT_EQ(sale.issuer_symbol, "SONS");
    EXPECT_EQ(sale.owner_names, "HARRIS EDWARD N");
    EXPECT_EQ(sale.role, "officer");
    EXPECT_EQ(sale.officer_title, "Vice President - Manufacturing");
    EXPECT_EQ(sale.officer_title_normalized, "Vice President");
    EXPECT_FALSE(sale.plan_10b5_1);
    EXPECT_FALSE(sale.business_days_late);   // a rendering has no filing date: unknown, not 0
    EXPECT_EQ(sale.warnings, "");

    const auto& exercise = rows[0];
    EXPECT_EQ(exercise.class_, activity::trade_class::exercise);
    EXPECT_FALSE(exercise.open_market);
    // Filed as (D): the sign follows the filing, and the row says why it is doubtful.
    EXPECT_EQ(exercise.signed_shares->to_string(), "-30000");
    EXPECT_EQ(exercise.warnings, "lint.code-direction");
    EXPECT_EQ(exercise.value->to_string(), "122400.00");   // 30,000 x 4.08

    const auto& option = rows[2];
    EXPECT_EQ(option.table, "II");
    EXPECT_EQ(option.row_index, 0u);
    EXPECT_EQ(option.security_title, "Employee Stock Option (right to buy)");
    EXPECT_EQ(option.shares_owned_after->to_string(), "154452");
}

// Rule 10b5-1 from a footnote on the row, with the plan's date, in a submission
// (so the filing date is known and lateness can be counted).
TEST(ActivityRows, Plan10b5_1FootnoteWithAdoptionDate) {
    auto rows = rows_of_file("submission/0001209191-15-030372.txt");
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& r : rows) {
        EXPECT_TRUE(r.plan_10b5_1);
        EXPECT_EQ(r.plan_10b5_1_source, "footnote");   // X0306: no checkbox yet
        EXPECT_EQ(r.plan_10b5_1_footnote, "F1");
        EXPECT_EQ(r.plan_adoption_date, date(2015, 2, 2));   // "established on February 2, 2015"
        EXPECT_EQ(r.accession, "0001209191-15-030372");
        ASSERT_TRUE(r.filing_date);
    }
    // Sales on Friday 27 and Monday 30 March 2015, due by Tuesday 31 March and Wednesday 1 April.
    EXPECT_EQ(rows[0].transaction_date, date(2015, 3, 27));
    EXPECT_EQ(rows[0].value->to_string(), "209518.03");   // 16,883 x 12.41
    EXPECT_EQ(rows[0].shares_owned_before->to_string(), "8743110");   // 8,726,227 + 16,883
    // -16,883 / 8,743,110 x 100 = -0.19310..., two places.
    EXPECT_EQ(rows[0].change_percent->to_string(), "-0.19");
    std::int64_t late_first = 0;
    for (date d = date(2015, 4, 1); d <= *rows[0].filing_date; d += boost::gregorian::days(1))
        if (d.day_of_week() != 0 && d.day_of_week() != 6) ++late_first;   // no holiday in spring 2015
    EXPECT_EQ(rows[0].business_days_late, late_first);
}

// The X0508 checkbox rules; its footnote still gives the plan's adoption date.
TEST(ActivityRows, Plan10b5_1Checkbox) {
    auto rows = rows_of_file("xml/form4/0001628280-24-030951.xml");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_TRUE(rows[0].plan_10b5_1);
    EXPECT_EQ(rows[0].plan_10b5_1_source, "checkbox");
    EXPECT_EQ(rows[0].plan_10b5_1_footnote, "F1");
    EXPECT_EQ(rows[0].plan_adoption_date, date(2023, 12, 14));
    EXPECT_EQ(rows[0].value->to_string(), "277259.64");   // 9,276 x 29.89
}

// A footnote on another row says nothing about this one; one no row cites speaks for the filing.
TEST(ActivityRows, Plan10b5_1OnlyWhereTheFootnoteIs) {
    std::string text = form4::testing::read_file(form4::testing::corpus_dir() / "xml/form4/0001628280-24-030951.xml");
    text = form4::testing::edited(text, "<aff10b5One>1</aff10b5One>", "");
    auto on_row = activity::rows_of(form4::testing::parsed(text));
    EXPECT_EQ(on_row[0].plan_10b5_1_source, "footnote");
    // The footnote moved off the row: referenced by nothing, it is the filing's.
    std::string unreferenced = form4::testing::edited(text, "<footnoteId id=\"F1\"/>", "");
    auto filing_wide = activity::rows_of(form4::testing::parsed(unreferenced));
    EXPECT_TRUE(filing_wide[0].plan_10b5_1);
    EXPECT_EQ(filing_wide[0].plan_10b5_1_source, "filing_footnote");
    // Negated, it does not count.
    std::string negated = form4::testing::edited(text, "were effected pursuant to", "were not effected pursuant to");
    EXPECT_FALSE(activity::rows_of(form4::testing::parsed(negated))[0].plan_10b5_1);
}

// Four joint filers (a fund, its GP, its UGP and Peter Thiel), all 10% owners.
TEST(ActivityRows, MultiOwnerFiling) {
    auto rows = rows_of_file("xml/form4/0001209191-21-051298.xml");
    ASSERT_GE(rows.size(), 2u);
    const auto& conversion = rows[0];
    EXPECT_EQ(conversion.class_, activity::trade_class::conversion);
    EXPECT_EQ(conversion.shares_owned_before->to_string(), "0");   // 9,244,580 - 9,244,580
    EXPECT_FALSE(conversion.change_percent);                       // of nothing: empty
    const auto& purchase = rows[1];
    EXPECT_EQ(purchase.owner_ciks, "0001669609;0001878232;0001878230;0001211060");
    EXPECT_EQ(purchase.owner_names, "MITHRIL II LP;Mithril II GP LP;Mithril II UGP LLC;THIEL PETER");
    EXPECT_EQ(purchase.role, "ten_percent_owner");
    EXPECT_TRUE(purchase.ten_percent_owner);
    EXPECT_EQ(purchase.issuer_cik, "0001832038");
    EXPECT_EQ(purchase.class_, activity::trade_class::purchase);
    EXPECT_EQ(purchase.value->to_string(), "33949000.00");             // 1,997,000 x 17.00
    EXPECT_EQ(purchase.shares_owned_before->to_string(), "9244580");   // 11,241,580 - 1,997,000
    // 1,997,000 / 9,244,580 x 100 = 21.6018467...
    EXPECT_EQ(purchase.change_percent->to_string(), "21.60");
    for (const auto& r : rows) EXPECT_EQ(r.accession, "0001209191-21-051298");
}

TEST(ActivityRows, EveryCodeHasItsClassAndDescription) {
    using tc = form4::transaction_code;
    EXPECT_EQ(activity::classify(tc::P), activity::trade_class::purchase);
    EXPECT_EQ(activity::classify(tc::X), activity::trade_class::exercise);
    EXPECT_EQ(activity::classify(tc::O), activity::trade_class::exercise);
    EXPECT_EQ(activity::classify(tc::H), activity::trade_class::expiration);
    EXPECT_EQ(activity::classify(tc::F), activity::trade_class::tax);
    EXPECT_EQ(activity::classify(tc::D), activity::trade_class::disposition_to_issuer);
    EXPECT_EQ(activity::classify(tc::J), activity::trade_class::other);
    for (char letter : std::string("ACDEFGHIJKLMOPSUVWXZ")) {
        auto code = form4::transaction_code_from(std::string(1, letter));
        auto text = activity::code_description(code);
        ASSERT_GE(text.size(), 5u) << letter;
        EXPECT_EQ(text[0], letter);
        EXPECT_EQ(text.substr(1, 3), " - ");
    }
    EXPECT_EQ(activity::code_description(tc::unknown), "");
}

TEST(ActivityRows, OfficerTitlesAsCorpusFilersWriteThem) {
    using form4::activity::detail::normalize_officer_title;
    EXPECT_EQ(normalize_officer_title("President and COO"), "COO;President");
    EXPECT_EQ(normalize_officer_title("Chief Executive Officer"), "CEO");
    EXPECT_EQ(normalize_officer_title("Senior VP, GC, CAO & Secretary"), "Vice President;CAO;General Counsel;Secretary");
    EXPECT_EQ(normalize_officer_title("SVP, CLO & Secretary"), "Vice President;General Counsel;Secretary");
    EXPECT_EQ(normalize_officer_title("Pres, Prod Architect & Chairmn"), "President;Chair");
    EXPECT_EQ(normalize_officer_title("Executive Vice President"), "Vice President");
    EXPECT_EQ(normalize_officer_title("See Remarks"), "");
}

TEST(ActivityRows, RuleMentionsAsFilersWriteThem) {
    using form4::activity::detail::find_plan_10b5_1;
    for (const char* text : {"pursuant to a Rule 10b5-1 trading plan", "A RULE 10B5-1 TRADING PLAN",
                             "a duly adopted 10b5-1 trading plan", "Rule 10b-5-1 plan", "Rule 10b5\xe2\x80\x93" "1 plan",
                             "Rule 10b5(1) plan", "a 10b5 1 plan"})
        EXPECT_TRUE(find_plan_10b5_1(text)) << text;
    for (const char* text : {"Rule 10b-5 liability", "10b5-12", "not made pursuant to a Rule 10b5-1 plan", "aff10b5One"})
        EXPECT_FALSE(find_plan_10b5_1(text)) << text;
    EXPECT_EQ(find_plan_10b5_1("AUTOMATICALLY EFFECTED PURSUANT TO A RULE 10B5-1 TRADING PLAN PREVIOUSLY ADOPTED ON "
                               "SEPTEMBER 14, 2021 AND ESTABLISHED")->adopted,
              date(2021, 9, 14));
    EXPECT_EQ(find_plan_10b5_1("shares adopted on December 13, 2024 pursuant to Rule 10b5-1")->adopted, date(2024, 12, 13));
    EXPECT_EQ(find_plan_10b5_1("a Rule 10b5-1 plan entered into on 3/1/23")->adopted, date(2023, 3, 1));
    EXPECT_FALSE(find_plan_10b5_1("THIS RULE 10B5-1 TRADING PLAN WAS COMPLETED ON DECEMBER 28, 2021.")->adopted);
}

// Lint's plausibility rules, on edits of a real filing.
TEST(ActivityRows, PlausibilityWarnings) {
    std::string text = form4::testing::read_file(form4::testing::corpus_dir() / "xml/form4/0001628280-24-030951.xml");
    // The trade's total (9,276 x 29.89 = 277,259.64) typed in the price column.
    std::string total = form4::testing::edited(text, "<value>29.89</value>", "<value>277259.64</value>");
    auto rows = activity::rows_of(form4::testing::parsed(total));
    EXPECT_NE(rows[0].warnings.find("lint.price-looks-like-total"), std::string::npos) << rows[0].warnings;
    EXPECT_EQ(activity::rows_of(form4::testing::parsed(text))[0].warnings, "");
    activity::row_options early;
    early.filing_date = date(2024, 6, 28);   // before the 1 July 2024 sale
    EXPECT_NE(activity::rows_of(form4::testing::parsed(text), early)[0].warnings.find("lint.transaction-after-filing"),
              std::string::npos);
}
