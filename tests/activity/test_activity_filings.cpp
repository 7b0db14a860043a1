// Across filings, on real corpus filings: amendments, duplicates, a series of
// one issuer's filings netted over a window, cluster buys.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "activity/support.hpp"

using form4::testing::corpus_dir;
using form4::testing::dec;
using form4::testing::edited;
using form4::testing::parsed;
using form4::testing::read_file;
using form4::testing::rows_of_file;
namespace activity = form4::activity;
using boost::gregorian::date;

namespace {

__extension__ typedef __int128 wide;

std::vector<activity::row> rows_of_text(const std::string& text, const std::string& accession) {
    activity::row_options options;
    options.accession_fallback = accession;
    return activity::rows_of(parsed(text), options);
}

void append(std::vector<activity::row>& to, std::vector<activity::row> rows) {
    to.insert(to.end(), rows.begin(), rows.end());
}

// Erases the n-th (0-based) <nonDerivativeTransaction> block.
std::string without_transaction(std::string text, int n) {
    std::size_t at = 0;
    for (int i = 0; i <= n; ++i) at = text.find("<nonDerivativeTransaction>", i == 0 ? 0 : at + 1);
    std::string_view end_tag = "</nonDerivativeTransaction>";
    return text.erase(at, text.find(end_tag, at) + end_tag.size() - at);
}

// An amendment of the KCG Holdings filing (the corpus has no 4/A of it):
// it restates the 27 March sale (16,833 shares, not 16,883) and not the 30 March one.
const char* const kcg = "0001209191-15-030372";
std::string kcg_amendment() {
    std::string text = read_file(corpus_dir() / "xml/form4" / (std::string(kcg) + ".xml"));
    text = edited(text, "<documentType>4</documentType>", "<documentType>4/A</documentType>");
    text = edited(text, "<periodOfReport>2015-03-27</periodOfReport>",
                  "<periodOfReport>2015-03-27</periodOfReport>\n    <dateOfOriginalSubmission>2015-03-31</dateOfOriginalSubmission>");
    text = edited(text, "<value>16883</value>", "<value>16833</value>");
    return without_transaction(text, 1);
}

}  // namespace

TEST(ActivityFilings, AmendmentSupersedesWhatItRestates) {
    std::vector<activity::row> rows = rows_of_file(std::string("submission/") + kcg + ".txt");
    append(rows, rows_of_text(kcg_amendment(), "0001209191-15-099999"));
    ASSERT_EQ(rows.size(), 3u);
    activity::link(rows);
    EXPECT_EQ(rows[0].superseded_by, "0001209191-15-099999");   // the 27 March sale, restated
    EXPECT_FALSE(rows[0].counted);
    EXPECT_EQ(rows[1].superseded_by, "");                       // the 30 March sale stands
    EXPECT_TRUE(rows[1].counted);
    EXPECT_EQ(rows[2].document_type, "4/A");
    EXPECT_EQ(rows[2].date_of_original_submission, date(2015, 3, 31));
    EXPECT_EQ(rows[2].shares->to_string(), "16833");
    EXPECT_TRUE(rows[2].counted);
    // Sold by the aggregate: 16,833 + 29,619, never 16,883 as well.
    activity::aggregate_options by_month;
    by_month.period = activity::calendar_period::month;
    auto net = activity::aggregate(rows, by_month);
    ASSERT_EQ(net.size(), 1u);
    EXPECT_EQ(net[0].shares_sold, dec("46452"));
    EXPECT_EQ(net[0].net_shares, dec("-46452"));
    // 16,833 x 12.41 + 29,619 x 12.37 = 208,897.53 + 366,387.03
    EXPECT_EQ(net[0].value_sold, dec("575284.56"));
    EXPECT_EQ(net[0].sales, 2u);
    EXPECT_EQ(net[0].accessions, "0001209191-15-030372;0001209191-15-099999");
}

TEST(ActivityFilings, HoldingsOnlyAmendmentLeavesTheTradesStanding) {
    std::vector<activity::row> rows = rows_of_file(std::string("submission/") + kcg + ".txt");
    std::string holdings_only = without_transaction(kcg_amendment(), 0);
    EXPECT_TRUE(rows_of_text(holdings_only, "0001209191-15-099998").empty());   // no activity to supersede with
    activity::link(rows);
    for (const auto& r : rows) EXPECT_TRUE(r.counted);
}

TEST(ActivityFilings, OneFilingReadTwiceCountsOnce) {
    // The corpus holds this filing as XML and as its EDGAR submission.
    std::vector<activity::row> rows = rows_of_file(std::string("xml/form4/") + kcg + ".xml");
    append(rows, rows_of_file(std::string("submission/") + kcg + ".txt"));
    ASSERT_EQ(rows.size(), 4u);
    activity::link(rows);
    EXPECT_EQ(rows[0].duplicate_group, rows[2].duplicate_group);
    EXPECT_EQ(rows[1].duplicate_group, rows[3].duplicate_group);
    EXPECT_NE(rows[0].duplicate_group, rows[1].duplicate_group);
    EXPECT_TRUE(rows[0].counted && rows[1].counted);
    EXPECT_FALSE(rows[2].counted || rows[3].counted);
}

TEST(ActivityFilings, OneTradeInAnOwnershipChainCountsOnce) {
    // The trust's trustee files the same two sales separately (an edited copy: another owner, another accession).
    std::string text = read_file(corpus_dir() / "xml/form4" / (std::string(kcg) + ".xml"));
    std::vector<activity::row> rows = rows_of_text(text, kcg);
    append(rows, rows_of_text(edited(text, "<rptOwnerCik>0001580516</rptOwnerCik>", "<rptOwnerCik>0009999999</rptOwnerCik>"),
                              "0001209191-15-030373"));
    activity::link(rows);
    EXPECT_GT(rows[0].duplicate_group, 0u);
    EXPECT_EQ(rows[0].duplicate_group, rows[2].duplicate_group);
    EXPECT_EQ(rows[1].duplicate_group, rows[3].duplicate_group);
    EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.counted; }), 2);
    activity::aggregate_options by_issuer;
    auto net = activity::aggregate(rows, by_issuer);
    ASSERT_EQ(net.size(), 1u);
    EXPECT_EQ(net[0].shares_sold, dec("46502"));   // 16,883 + 29,619, once
    EXPECT_EQ(net[0].sellers, 1u);                 // the counted rows' owner
}

// By owner, a joint filing's purchase is each of its four owners'; by issuer it is one trade of four buyers.
TEST(ActivityFilings, JointFilingByOwnerAndByIssuer) {
    auto rows = rows_of_file("xml/form4/0001209191-21-051298.xml");
    activity::link(rows);
    activity::aggregate_options by_owner;
    by_owner.by = activity::group_by::owner;
    auto owners = activity::aggregate(rows, by_owner);
    ASSERT_EQ(owners.size(), 4u);
    for (const auto& o : owners) {
        EXPECT_EQ(o.buyers, 1u);
        EXPECT_EQ(o.purchases, 1u);
        EXPECT_EQ(o.shares_bought, dec("1997000"));
        EXPECT_EQ(o.value_bought, dec("33949000.00"));   // 1,997,000 x 17.00
        EXPECT_EQ(o.period_start, date(2021, 7, 1));      // the third quarter of 2021
    }
    EXPECT_EQ(owners[0].key, "0001211060");               // sorted by CIK
    EXPECT_EQ(owners[0].name, "THIEL PETER");
    auto issuer = activity::aggregate(rows, {});
    ASSERT_EQ(issuer.size(), 1u);
    EXPECT_EQ(issuer[0].buyers, 4u);
    EXPECT_EQ(issuer[0].shares_bought, dec("1997000"));   // once, not four times
}

// Tesla's 59 filings in the corpus: Elon Musk's open-market purchases of
// 7 May 2018 (8 rows, 33,000 shares) and 12-13 June 2018 (8 rows, 72,500).
std::vector<activity::row> tesla_rows() {
    std::vector<activity::row> rows;
    for (const auto& path : form4::testing::corpus_files("xml/form4", ".xml")) {
        std::string text = read_file(path);
        if (text.find("<issuerCik>0001318605</issuerCik>") == std::string::npos) continue;
        append(rows, rows_of_text(text, form4::bulk::accession_from_name(path.filename().string())));
    }
    activity::link(rows);
    return rows;
}

TEST(ActivityFilings, IssuerSeriesNetOverAWindow) {
    auto rows = tesla_rows();
    activity::aggregate_options window;
    window.window_days = 90;
    window.as_of = date(2018, 6, 30);   // 2 April - 30 June 2018
    auto net = activity::aggregate(rows, window);
    ASSERT_EQ(net.size(), 1u);
    EXPECT_EQ(net[0].key, "0001318605");
    EXPECT_EQ(net[0].period_start, date(2018, 4, 2));
    EXPECT_EQ(net[0].purchases, 16u);
    EXPECT_EQ(net[0].sales, 0u);
    EXPECT_EQ(net[0].buyers, 1u);
    EXPECT_EQ(net[0].shares_bought, dec("105500"));   // 33,000 + 72,500
    // Sum of shares x price of the 16 rows, worked out row by row from the filings.
    EXPECT_EQ(net[0].value_bought, dec("34774433.415"));
    EXPECT_EQ(net[0].net_value, dec("34774433.415"));
    EXPECT_EQ(net[0].accessions, "0001494730-18-000002;0001494730-18-000005");

    // Every window of the series against the same sum taken straight from the
    // model (Table I, codes P and S), independently of the activity rows.
    for (int days : {30, 60, 90, 365})
        for (date as_of : {date(2018, 6, 30), date(2021, 12, 31), date(2022, 8, 31), date(2022, 12, 31)}) {
            wide net_thousandths = 0;   // every Tesla price has at most 3 places
            for (const auto& path : form4::testing::corpus_files("xml/form4", ".xml")) {
                std::string text = read_file(path);
                if (text.find("<issuerCik>0001318605</issuerCik>") == std::string::npos) continue;
                for (const auto& t : parsed(text).non_derivative_transactions) {
                    if (!t.coding || !t.transaction_date.value || !t.shares.value) continue;
                    std::string code = t.coding->code.text;
                    date when = *t.transaction_date.value;
                    if ((code != "P" && code != "S") || when > as_of || when < as_of - boost::gregorian::days(days - 1)) continue;
                    auto shares = t.shares.value->normalized();
                    auto price = t.price_per_share.value->normalized();
                    ASSERT_EQ(shares.scale(), 0);
                    wide thousandths = price.mantissa();
                    for (int s = price.scale(); s < 3; ++s) thousandths *= 10;
                    net_thousandths += (code == "P" ? 1 : -1) * shares.mantissa() * thousandths;
                }
            }
            activity::aggregate_options o;
            o.window_days = days;
            o.as_of = as_of;
            auto got = activity::aggregate(rows, o);
            wide got_thousandths = 0;
            if (!got.empty()) {
                auto v = got[0].net_value;
                got_thousandths = v.mantissa();
                for (int s = v.scale(); s < 3; ++s) got_thousandths *= 10;
            }
            EXPECT_TRUE(got_thousandths == net_thousandths) << days << " days to " << boost::gregorian::to_iso_extended_string(as_of);
        }
}

TEST(ActivityFilings, ClusterBuysFromRealFilings) {
    auto rows = tesla_rows();
    // One owner buys: no cluster of two.
    activity::cluster_options two;
    two.min_owners = 2;
    two.window_days = 30;
    two.min_value = dec("1000000");
    EXPECT_TRUE(activity::clusters(rows, two).empty());
    // Block's director Roelof Botha's purchases (0001062993-24-014684), edited as if in Tesla on 14 June 2018.
    std::string botha = read_file(corpus_dir() / "xml/form4/0001062993-24-014684.xml");
    botha = edited(botha, "<issuerCik>0001512673</issuerCik>", "<issuerCik>0001318605</issuerCik>");
    for (int i = 0; i < 2; ++i) botha = edited(botha, "<value>2024-08-06</value>", "<value>2018-06-14</value>");
    append(rows, rows_of_text(botha, "0001062993-24-014684"));
    activity::link(rows);
    auto found = activity::clusters(rows, two);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].first_date, date(2018, 6, 12));
    EXPECT_EQ(found[0].last_date, date(2018, 6, 14));
    EXPECT_EQ(found[0].owners, 2u);
    EXPECT_EQ(found[0].owner_ciks, "0001222287;0001494730");
    EXPECT_EQ(found[0].shares, dec("506905"));   // 72,500 + 121,266 + 313,139
    // 24,923,924.275 (Musk, 8 rows) + 6,895,075.6206 + 18,106,511.1414 (Botha)
    EXPECT_EQ(found[0].value, dec("49925511.0370"));
    EXPECT_EQ(found[0].accessions, "0001062993-24-014684;0001494730-18-000005");
    // Each owner must reach the minimum: Musk's 24.9 million does not reach 30.
    activity::cluster_options high = two;
    high.min_value = dec("30000000");
    EXPECT_TRUE(activity::clusters(rows, high).empty());
    // Too narrow a window for the 7 May purchases to join, and 10% owners left out.
    activity::cluster_options no_ten = two;
    no_ten.exclude_ten_percent_owners = true;
    for (auto& r : rows)
        if (r.owner_ciks == "0001222287") r.ten_percent_owner = true;
    EXPECT_TRUE(activity::clusters(rows, no_ten).empty());
}

TEST(ActivityFilings, ReadsDirectoriesAndArchivesLikeTables) {
    std::vector<std::filesystem::path> inputs{corpus_dir() / "submission", corpus_dir() / "text"};
    activity::read_options options;
    options.threads = 2;
    auto result = activity::read(inputs, options);
    EXPECT_GT(result.summary.documents_read, 30u);
    EXPECT_EQ(result.summary.documents_converted + result.summary.documents_failed + result.summary.documents_skipped,
              result.summary.documents_read);
    // The same rows, in input order, as parsing each file in turn.
    std::vector<activity::row> one_by_one;
    for (const auto& path : form4::bulk::expand_inputs(inputs)) {
        auto parsed_file = form4::parse_file(path);
        if (!parsed_file.doc) continue;
        activity::row_options o;
        o.accession_fallback = form4::bulk::accession_from_name(path.filename().string());
        append(one_by_one, activity::rows_of(*parsed_file.doc, o));
    }
    activity::link(one_by_one);
    ASSERT_EQ(result.rows.size(), one_by_one.size());
    for (std::size_t i = 0; i < one_by_one.size(); ++i) {
        EXPECT_EQ(result.rows[i].accession, one_by_one[i].accession);
        EXPECT_EQ(result.rows[i].value, one_by_one[i].value);
        EXPECT_EQ(result.rows[i].counted, one_by_one[i].counted);
    }
}
