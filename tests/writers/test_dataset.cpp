#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "form4/dataset.hpp"
#include "support/corpus.hpp"
#include "writers/sample_document.hpp"

namespace form4::dataset {
namespace {

using form4::testing::dec;
using form4::testing::every_field_document;
using form4::testing::ymd;

// One row as column -> cell, so that tests name columns, not positions.
using named_row = std::map<std::string, std::string, std::less<>>;

std::vector<named_row> named_rows(const tables& out, table t) {
    std::vector<named_row> rows;
    auto names = columns(t);
    for (const auto& r : out[t]) {
        EXPECT_EQ(r.size(), names.size()) << name(t);
        named_row named;
        for (std::size_t i = 0; i < r.size() && i < names.size(); ++i) named[std::string(names[i])] = r[i];
        rows.push_back(std::move(named));
    }
    return rows;
}

tables rows_of(const document& doc, options opts = {}, std::string_view fallback = "fallback") {
    tables out;
    key_counters keys;
    append(out, doc, fallback, opts, keys);
    return out;
}

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, separator)) cells.push_back(cell);
    if (!line.empty() && line.back() == separator) cells.emplace_back();
    return cells;
}

TEST(DatasetColumns, NamesAreTheSecFileNames) {
    std::vector<std::string> names;
    for (table t : all_tables) names.emplace_back(name(t));
    EXPECT_EQ(names, (std::vector<std::string>{"SUBMISSION", "REPORTINGOWNER", "NONDERIV_TRANS", "NONDERIV_HOLDING",
                                               "DERIV_TRANS", "DERIV_HOLDING", "FOOTNOTES", "OWNER_SIGNATURE"}));
}

TEST(DatasetColumns, MatchTheHeadersOfTheSecsOwnFiles) {
    // The SEC's 2024Q3 files: our columns are theirs in their order; SUBMISSION
    // adds CONTACT_* (in the SEC's metadata, not in its 2024 files) and AFF10B5ONE.
    const std::set<std::string> ours_only{"CONTACT_NAME", "CONTACT_PHONE_NUMBER", "CONTACT_EMAIL_ADDRESS",
                                          "NOTIFICATION_EMAIL_ADDRESS", "AFF10B5ONE"};
    int compared = 0;
    for (table t : all_tables) {
        auto path = form4::testing::corpus_dir() / "sec-datasets" / ("2024q3_" + std::string(name(t)) + ".head200.tsv");
        if (!std::filesystem::exists(path)) continue;
        std::ifstream in(path);
        std::string header;
        std::getline(in, header);
        std::vector<std::string> ours;
        for (auto column : columns(t))
            if (!ours_only.count(std::string(column))) ours.emplace_back(column);
        EXPECT_EQ(ours, split(header, '\t')) << name(t);
        ++compared;
    }
    EXPECT_EQ(compared, 5);
}

TEST(DatasetColumns, ReportingOwnerFootnotesAndSignatureTables) {
    auto as_strings = [](table t) {
        std::vector<std::string> out;
        for (auto c : columns(t)) out.emplace_back(c);
        return out;
    };
    EXPECT_EQ(as_strings(table::reporting_owner),
              (std::vector<std::string>{"ACCESSION_NUMBER", "RPTOWNERCIK", "RPTOWNERNAME", "RPTOWNER_RELATIONSHIP",
                                        "RPTOWNER_TITLE", "RPTOWNER_TXT", "RPTOWNER_STREET1", "RPTOWNER_STREET2",
                                        "RPTOWNER_CITY", "RPTOWNER_STATE", "RPTOWNER_ZIPCODE",
                                        "RPTOWNER_STATE_DESC", "FILE_NUMBER"}));
    EXPECT_EQ(as_strings(table::footnotes),
              (std::vector<std::string>{"ACCESSION_NUMBER", "FOOTNOTE_ID", "FOOTNOTE_TXT"}));
    EXPECT_EQ(tsv_header(table::owner_signature), "ACCESSION_NUMBER\tOWNERSIGNATURENAME\tOWNERSIGNATUREDATE\n");
}

TEST(DatasetRows, OneRowPerRecord) {
    auto out = rows_of(every_field_document());
    EXPECT_EQ(out[table::submission].size(), 1U);
    EXPECT_EQ(out[table::reporting_owner].size(), 2U);
    EXPECT_EQ(out[table::non_derivative_transaction].size(), 2U);
    EXPECT_EQ(out[table::non_derivative_holding].size(), 1U);
    EXPECT_EQ(out[table::derivative_transaction].size(), 1U);
    EXPECT_EQ(out[table::derivative_holding].size(), 1U);
    EXPECT_EQ(out[table::footnotes].size(), 10U);
    EXPECT_EQ(out[table::owner_signature].size(), 2U);
}

TEST(DatasetRows, Submission) {
    auto row = named_rows(rows_of(every_field_document()), table::submission).at(0);
    EXPECT_EQ(row["ACCESSION_NUMBER"], "0000320193-24-000061");  // from the filing, not the fallback
    EXPECT_EQ(row["FILING_DATE"], "07-MAY-2024");
    EXPECT_EQ(row["PERIOD_OF_REPORT"], "04-MAY-2024");
    EXPECT_EQ(row["DATE_OF_ORIG_SUB"], "06-MAY-2024");
    EXPECT_EQ(row["NO_SECURITIES_OWNED"], "0");
    EXPECT_EQ(row["NOT_SUBJECT_SEC16"], "1");
    EXPECT_EQ(row["FORM3_HOLDINGS_REPORTED"], "0");
    EXPECT_EQ(row["FORM4_TRANS_REPORTED"], "1");
    EXPECT_EQ(row["DOCUMENT_TYPE"], "4/A");
    EXPECT_EQ(row["ISSUERCIK"], "0000320193");
    EXPECT_EQ(row["ISSUERNAME"], "Apple Inc.");
    EXPECT_EQ(row["ISSUERTRADINGSYMBOL"], "AAPL");
    EXPECT_EQ(row["CONTACT_NAME"], "");
    EXPECT_EQ(row["REMARKS"], "Exhibit 24 - Power of Attorney\nline two");  // raw in rows, escaped in TSV
    EXPECT_EQ(row["AFF10B5ONE"], "1");
}

TEST(DatasetRows, SubmissionOfAnEmptyDocumentIsBlankButForTheAccession) {
    auto row = named_rows(rows_of(document{}, {}, "0001062993-24-016587"), table::submission).at(0);
    for (const auto& [column, cell] : row)
        EXPECT_EQ(cell, column == "ACCESSION_NUMBER" ? "0001062993-24-016587" : "") << column;
}

TEST(DatasetRows, ReportingOwners) {
    auto rows = named_rows(rows_of(every_field_document()), table::reporting_owner);
    EXPECT_EQ(rows[0]["RPTOWNERCIK"], "0001214128");
    EXPECT_EQ(rows[0]["RPTOWNERNAME"], "LEVINSON ARTHUR D");
    EXPECT_EQ(rows[0]["RPTOWNER_RELATIONSHIP"], "DIRECTOR,OFFICER,OTHER");
    EXPECT_EQ(rows[0]["RPTOWNER_TITLE"], "Chief Executive Officer");
    EXPECT_EQ(rows[0]["RPTOWNER_TXT"], "Member of 13(d) group");
    EXPECT_EQ(rows[0]["RPTOWNER_STREET1"], "ONE APPLE PARK WAY");
    EXPECT_EQ(rows[0]["RPTOWNER_STREET2"], "SUITE 100");
    EXPECT_EQ(rows[0]["RPTOWNER_CITY"], "CUPERTINO");
    EXPECT_EQ(rows[0]["RPTOWNER_STATE"], "CA");
    EXPECT_EQ(rows[0]["RPTOWNER_ZIPCODE"], "95014");
    EXPECT_EQ(rows[0]["RPTOWNER_STATE_DESC"], "California");
    EXPECT_EQ(rows[0]["FILE_NUMBER"], "001-36743");
    EXPECT_EQ(rows[1]["RPTOWNER_RELATIONSHIP"], "TENPERCENTOWNER");
    EXPECT_EQ(rows[1]["FILE_NUMBER"], "002-00001");
    EXPECT_EQ(rows[1]["RPTOWNER_STATE"], "A6");
}

TEST(DatasetRows, NonDerivativeTransactions) {
    auto rows = named_rows(rows_of(every_field_document()), table::non_derivative_transaction);
    named_row expected{
        {"ACCESSION_NUMBER", "0000320193-24-000061"}, {"NONDERIV_TRANS_SK", "1"},
        {"SECURITY_TITLE", "Common Stock"}, {"SECURITY_TITLE_FN", "F1"},
        {"TRANS_DATE", "02-MAY-2024"}, {"TRANS_DATE_FN", "F2, F3"},
        {"DEEMED_EXECUTION_DATE", "01-MAY-2024"}, {"DEEMED_EXECUTION_DATE_FN", ""},
        {"TRANS_FORM_TYPE", "4"}, {"TRANS_CODE", "S"},
        {"EQUITY_SWAP_INVOLVED", "0"}, {"EQUITY_SWAP_INVOLVED_FN", "F4"},
        {"TRANS_TIMELINESS", "L"}, {"TRANS_TIMELINESS_FN", "F5"},
        {"TRANS_SHARES", "1500"}, {"TRANS_SHARES_FN", "F6"},
        {"TRANS_PRICEPERSHARE", "26.8"}, {"TRANS_PRICEPERSHARE_FN", ""},
        {"TRANS_ACQUIRED_DISP_CD", "D"}, {"TRANS_ACQUIRED_DISP_CD_FN", ""},
        {"SHRS_OWND_FOLWNG_TRANS", "100000"}, {"SHRS_OWND_FOLWNG_TRANS_FN", "F7"},
        {"VALU_OWND_FOLWNG_TRANS", ""}, {"VALU_OWND_FOLWNG_TRANS_FN", "F8"},
        {"DIRECT_INDIRECT_OWNERSHIP", "I"}, {"DIRECT_INDIRECT_OWNERSHIP_FN", "F9"},
        {"NATURE_OF_OWNERSHIP", "By Trust"}, {"NATURE_OF_OWNERSHIP_FN", "F10"}};
    EXPECT_EQ(rows.at(0), expected);
    EXPECT_EQ(rows.at(1)["NONDERIV_TRANS_SK"], "2");
    EXPECT_EQ(rows.at(1)["TRANS_CODE"], "G");
    EXPECT_EQ(rows.at(1)["EQUITY_SWAP_INVOLVED"], "");
    EXPECT_EQ(rows.at(1)["TRANS_SHARES"], "0");
    EXPECT_EQ(rows.at(1)["TRANS_PRICEPERSHARE"], "");
    EXPECT_EQ(rows.at(1)["TRANS_PRICEPERSHARE_FN"], "F1, F2");
}

TEST(DatasetRows, NonDerivativeHoldings) {
    auto rows = named_rows(rows_of(every_field_document()), table::non_derivative_holding);
    named_row expected{
        {"ACCESSION_NUMBER", "0000320193-24-000061"}, {"NONDERIV_HOLDING_SK", "1"},
        {"SECURITY_TITLE", "Class B Stock"}, {"SECURITY_TITLE_FN", "F3"},
        {"TRANS_FORM_TYPE", "5"}, {"TRANS_FORM_TYPE_FN", "F4, F1"},
        {"SHRS_OWND_FOLWNG_TRANS", "-12.5"}, {"SHRS_OWND_FOLWNG_TRANS_FN", ""},
        {"VALU_OWND_FOLWNG_TRANS", "0.0001"}, {"VALU_OWND_FOLWNG_TRANS_FN", "F2"},
        {"DIRECT_INDIRECT_OWNERSHIP", "D"}, {"DIRECT_INDIRECT_OWNERSHIP_FN", ""},
        {"NATURE_OF_OWNERSHIP", ""}, {"NATURE_OF_OWNERSHIP_FN", "F5"}};
    EXPECT_EQ(rows.at(0), expected);
}

TEST(DatasetRows, DerivativeTransactions) {
    auto rows = named_rows(rows_of(every_field_document()), table::derivative_transaction);
    named_row expected{
        {"ACCESSION_NUMBER", "0000320193-24-000061"}, {"DERIV_TRANS_SK", "1"},
        {"SECURITY_TITLE", "Stock Option (right to buy)"}, {"SECURITY_TITLE_FN", "F1"},
        {"CONV_EXERCISE_PRICE", "12.345"}, {"CONV_EXERCISE_PRICE_FN", "F2"},
        {"TRANS_DATE", "31-JAN-2024"}, {"TRANS_DATE_FN", "F3"},
        {"DEEMED_EXECUTION_DATE", "01-FEB-2024"}, {"DEEMED_EXECUTION_DATE_FN", "F4"},
        {"TRANS_FORM_TYPE", "4"}, {"TRANS_CODE", "M"},
        {"EQUITY_SWAP_INVOLVED", "1"}, {"EQUITY_SWAP_TRANS_CD_FN", "F5, F6"},
        {"TRANS_TIMELINESS", "E"}, {"TRANS_TIMELINESS_FN", ""},
        {"TRANS_SHARES", "2000"}, {"TRANS_SHARES_FN", "F7"},
        {"TRANS_TOTAL_VALUE", "24690"}, {"TRANS_TOTAL_VALUE_FN", "F8"},
        {"TRANS_PRICEPERSHARE", "0"}, {"TRANS_PRICEPERSHARE_FN", "F9"},
        {"TRANS_ACQUIRED_DISP_CD", "A"}, {"TRANS_ACQUIRED_DISP_CD_FN", "F10"},
        {"EXCERCISE_DATE", "31-JAN-2025"}, {"EXCERCISE_DATE_FN", "F1"},
        {"EXPIRATION_DATE", "31-JAN-2034"}, {"EXPIRATION_DATE_FN", "F2"},
        {"UNDLYNG_SEC_TITLE", "Common Stock"}, {"UNDLYNG_SEC_TITLE_FN", "F3"},
        {"UNDLYNG_SEC_SHARES", "2000.5"}, {"UNDLYNG_SEC_SHARES_FN", "F4"},
        {"UNDLYNG_SEC_VALUE", "99.999"}, {"UNDLYNG_SEC_VALUE_FN", "F5"},
        {"SHRS_OWND_FOLWNG_TRANS", "4000"}, {"SHRS_OWND_FOLWNG_TRANS_FN", "F6"},
        {"VALU_OWND_FOLWNG_TRANS", "123.455"}, {"VALU_OWND_FOLWNG_TRANS_FN", "F7"},
        {"DIRECT_INDIRECT_OWNERSHIP", "D"}, {"DIRECT_INDIRECT_OWNERSHIP_FN", "F8"},
        {"NATURE_OF_OWNERSHIP", ""}, {"NATURE_OF_OWNERSHIP_FN", "F9"}};
    EXPECT_EQ(rows.at(0), expected);
}

TEST(DatasetRows, DerivativeHoldings) {
    auto rows = named_rows(rows_of(every_field_document()), table::derivative_holding);
    named_row expected{
        {"ACCESSION_NUMBER", "0000320193-24-000061"}, {"DERIV_HOLDING_SK", "1"},
        {"SECURITY_TITLE", "Warrants"}, {"SECURITY_TITLE_FN", "F10"},
        {"CONV_EXERCISE_PRICE", "11.5"}, {"CONV_EXERCISE_PRICE_FN", ""},
        {"TRANS_FORM_TYPE", "3"}, {"TRANS_FORM_TYPE_FN", ""},
        {"EXERCISE_DATE", ""}, {"EXERCISE_DATE_FN", "F1"},
        {"EXPIRATION_DATE", "31-DEC-2029"}, {"EXPIRATION_DATE_FN", ""},
        {"UNDLYNG_SEC_TITLE", "Class A Ordinary Shares"}, {"UNDLYNG_SEC_TITLE_FN", ""},
        {"UNDLYNG_SEC_SHARES", "5000"}, {"UNDLYNG_SEC_SHARES_FN", ""},
        {"UNDLYNG_SEC_VALUE", ""}, {"UNDLYNG_SEC_VALUE_FN", "F2"},
        {"SHRS_OWND_FOLWNG_TRANS", "5000"}, {"SHRS_OWND_FOLWNG_TRANS_FN", ""},
        {"VALU_OWND_FOLWNG_TRANS", ""}, {"VALU_OWND_FOLWNG_TRANS_FN", ""},
        {"DIRECT_INDIRECT_OWNERSHIP", "I"}, {"DIRECT_INDIRECT_OWNERSHIP_FN", ""},
        {"NATURE_OF_OWNERSHIP", "See footnote"}, {"NATURE_OF_OWNERSHIP_FN", "F3, F4"}};
    EXPECT_EQ(rows.at(0), expected);
}

TEST(DatasetRows, FootnotesAndSignatures) {
    auto out = rows_of(every_field_document());
    auto notes = named_rows(out, table::footnotes);
    EXPECT_EQ(notes.at(9)["FOOTNOTE_ID"], "F10");
    EXPECT_EQ(notes.at(9)["FOOTNOTE_TXT"], "Footnote 10 text, \"quoted\"\tand\nwrapped");
    auto signatures = named_rows(out, table::owner_signature);
    EXPECT_EQ(signatures.at(0)["OWNERSIGNATURENAME"], "/s/ Jane Smith, attorney-in-fact");
    EXPECT_EQ(signatures.at(0)["OWNERSIGNATUREDATE"], "06-MAY-2024");
    EXPECT_EQ(signatures.at(1)["OWNERSIGNATUREDATE"], "");
}

TEST(DatasetRows, CodingAbsentLeavesItsColumnsEmpty) {
    document doc;
    doc.non_derivative_transactions.emplace_back();
    doc.derivative_holdings.emplace_back();
    auto out = rows_of(doc);
    auto t = named_rows(out, table::non_derivative_transaction).at(0);
    EXPECT_EQ(t["TRANS_FORM_TYPE"] + t["TRANS_CODE"] + t["EQUITY_SWAP_INVOLVED"] + t["EQUITY_SWAP_INVOLVED_FN"], "");
    auto h = named_rows(out, table::derivative_holding).at(0);
    EXPECT_EQ(h["TRANS_FORM_TYPE"] + h["TRANS_FORM_TYPE_FN"], "");
}

TEST(DatasetRows, SecRoundKeepsTwoPlacesHalfAwayFromZero) {
    options round{true};
    auto out = rows_of(every_field_document(), round);
    auto option = named_rows(out, table::derivative_transaction).at(0);
    EXPECT_EQ(option["CONV_EXERCISE_PRICE"], "12.35");       // 12.345
    EXPECT_EQ(option["UNDLYNG_SEC_VALUE"], "100");           // 99.999
    EXPECT_EQ(option["VALU_OWND_FOLWNG_TRANS"], "123.46");   // 123.455
    EXPECT_EQ(option["TRANS_SHARES"], "2000");
    auto held = named_rows(out, table::non_derivative_holding).at(0);
    EXPECT_EQ(held["VALU_OWND_FOLWNG_TRANS"], "0");          // 0.0001
    EXPECT_EQ(held["SHRS_OWND_FOLWNG_TRANS"], "-12.5");
    auto exact = named_rows(rows_of(every_field_document()), table::derivative_transaction).at(0);
    EXPECT_EQ(exact["CONV_EXERCISE_PRICE"], "12.345");
}

TEST(DatasetRows, AccessionFallbackWhenTheFilingHasNone) {
    document doc = every_field_document();
    doc.filing.accession_number.clear();
    auto out = rows_of(doc, {}, "0001062993-24-016587");
    for (table t : all_tables)
        for (const auto& r : out[t]) EXPECT_EQ(r.at(0), "0001062993-24-016587") << name(t);
}

TEST(DatasetRows, SurrogateKeysContinueAcrossDocuments) {
    tables out;
    key_counters keys;
    append(out, every_field_document(), "", {}, keys);
    append(out, every_field_document(), "", {}, keys);
    auto rows = named_rows(out, table::non_derivative_transaction);
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_EQ(rows[2]["NONDERIV_TRANS_SK"], "3");
    EXPECT_EQ(rows[3]["NONDERIV_TRANS_SK"], "4");
    EXPECT_EQ(named_rows(out, table::derivative_holding).at(1)["DERIV_HOLDING_SK"], "2");
    EXPECT_EQ(keys.next[static_cast<std::size_t>(table::non_derivative_transaction)], 5U);

    key_counters from_100;
    from_100.next.fill(100);
    tables other;
    append(other, every_field_document(), "", {}, from_100);
    EXPECT_EQ(named_rows(other, table::derivative_transaction).at(0)["DERIV_TRANS_SK"], "100");
}

TEST(DatasetTsv, TabsAndLineBreaksInCellsBecomeSpaces) {
    std::vector<row> rows{{"a\tb", "line1\nline2\r\nline3", ""}, {"", "x", "y"}};
    EXPECT_EQ(to_tsv(rows), "a b\tline1 line2  line3\t\n\tx\ty\n");
}

TEST(DatasetTsv, EveryLineHasOneCellPerColumn) {
    auto out = rows_of(every_field_document());
    for (table t : all_tables) {
        std::istringstream lines(tsv_header(t) + to_tsv(out[t]));
        std::string line;
        std::size_t count = 0;
        while (std::getline(lines, line)) {
            EXPECT_EQ(split(line, '\t').size(), columns(t).size()) << name(t) << ": " << line;
            ++count;
        }
        EXPECT_EQ(count, out[t].size() + 1) << name(t);
    }
}

}  // namespace
}  // namespace form4::dataset
