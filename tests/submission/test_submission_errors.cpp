// parse() on damaged or incomplete submissions: clear errors when strict,
// what can be kept when lenient.
#include <gtest/gtest.h>

#include <boost/date_time/posix_time/posix_time.hpp>

#include <algorithm>
#include <string>

#include "form4/parse.hpp"
#include "support/corpus.hpp"
#include "support/diagnostics.hpp"

using form4::testing::corpus_dir;
using form4::testing::read_file;

namespace {
using form4::testing::has_code;
form4::parse_options lenient() {
    form4::parse_options options;
    options.lenient = true;
    return options;
}
std::string apple() { return read_file(corpus_dir() / "submission/0000320193-22-000061.txt"); }
}  // namespace

// With every <DOCUMENT> gone, what the header says is still a document (as
// for filings made on paper), and a warning says the tables are not there.
TEST(SubmissionErrors, HeaderOnlySubmissionGivesWhatTheHeaderSays) {
    std::string text = apple();
    text.erase(text.find("<DOCUMENT>"), text.find("</SEC-DOCUMENT>") - text.find("<DOCUMENT>"));
    for (const auto& options : {form4::parse_options{}, lenient()}) {
        auto result = form4::parse(text, options);
        ASSERT_TRUE(result.ok());
        EXPECT_TRUE(has_code(result, "submission.header-only"));
        EXPECT_EQ(result.doc->issuer.cik, "0000320193");
        EXPECT_EQ(result.doc->issuer.name, "Apple Inc.");
        ASSERT_EQ(result.doc->reporting_owners.size(), 1u);
        EXPECT_EQ(result.doc->reporting_owners[0].id.name, "Adams Katherine L.");
        EXPECT_EQ(result.doc->period_of_report, form4::date(2022, 5, 4));
        EXPECT_TRUE(result.doc->non_derivative_transactions.empty());
    }
}

TEST(SubmissionErrors, AHeaderOnlySubmissionOfAnotherFormIsNoOwnershipDocument) {
    std::string text = apple();
    text.erase(text.find("<DOCUMENT>"), text.find("</SEC-DOCUMENT>") - text.find("<DOCUMENT>"));
    auto type = text.find("CONFORMED SUBMISSION TYPE:\t4");
    ASSERT_NE(type, std::string::npos);
    text.replace(type, 28, "CONFORMED SUBMISSION TYPE:\t8-K");
    for (const auto& options : {form4::parse_options{}, lenient()}) {
        auto result = form4::parse(text, options);
        EXPECT_FALSE(result.ok());
        EXPECT_TRUE(has_code(result, "submission.no-ownership-document"));
    }
}

TEST(SubmissionErrors, ADocumentWithoutOwnershipXmlIsNamedInTheError) {
    std::string text = apple();
    auto at = text.find("<ownershipDocument>");
    text.replace(at, 19, "<someOtherDocument>");
    auto result = form4::parse(text);
    ASSERT_FALSE(result.ok());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.back().code, "submission.no-ownership-document");
    EXPECT_NE(result.diagnostics.back().message.find("document types: 4"), std::string::npos);
}

TEST(SubmissionErrors, MissingTextEndFailsStrictlyAndIsRecoveredLeniently) {
    std::string text = apple();
    text.erase(text.find("</TEXT>"), 7);
    auto strict = form4::parse(text);
    EXPECT_FALSE(strict.ok());
    ASSERT_EQ(strict.diagnostics.size(), 1u);
    EXPECT_EQ(strict.diagnostics[0].code, "submission.expected");
    EXPECT_GT(strict.diagnostics[0].line, 300u);

    auto kept = form4::parse(text, lenient());
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept.doc->filing.accession_number, "0000320193-22-000061");
    EXPECT_EQ(kept.doc->issuer.name, "Apple Inc.");
    EXPECT_TRUE(has_code(kept, "submission.expected"));
    EXPECT_FALSE(kept.has_errors());
}

TEST(SubmissionErrors, BadFilingDateIsAnErrorStrictlyAndLeftOutLeniently) {
    std::string text = apple();
    auto at = text.find("FILED AS OF DATE:\t\t20220506");
    text.replace(at + 19, 8, "20221345");
    auto strict = form4::parse(text);
    EXPECT_FALSE(strict.ok());
    ASSERT_EQ(strict.diagnostics.size(), 1u);
    EXPECT_EQ(strict.diagnostics[0].code, "submission.date");
    EXPECT_EQ(strict.diagnostics[0].line, 8u);

    auto kept = form4::parse(text, lenient());
    ASSERT_TRUE(kept.ok());
    EXPECT_FALSE(kept.doc->filing.filing_date);
    EXPECT_EQ(kept.doc->filing.accession_number, "0000320193-22-000061");
}

TEST(SubmissionErrors, AcceptanceDateTimeIsReadAndABadOneIsAnErrorStrictly) {
    auto good = form4::parse(apple());
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(good.doc->filing.acceptance_datetime,
              form4::date_time(form4::date(2022, 5, 6), boost::posix_time::time_duration(18, 30, 57)));

    for (std::string bad : {"20220506243057", "20220230183057", "2022050618305", "2022050618305X"}) {
        std::string text = apple();
        text.replace(text.find("20220506183057"), 14, bad);
        auto strict = form4::parse(text);
        EXPECT_FALSE(strict.ok()) << bad;
        ASSERT_EQ(strict.diagnostics.size(), 1u) << bad;
        EXPECT_EQ(strict.diagnostics[0].code, "submission.date-time") << bad;
        EXPECT_EQ(strict.diagnostics[0].line, 3u) << bad;

        auto kept = form4::parse(text, lenient());
        ASSERT_TRUE(kept.ok()) << bad;
        EXPECT_FALSE(kept.doc->filing.acceptance_datetime) << bad;
        EXPECT_TRUE(has_code(kept, "submission.date-time")) << bad;
        EXPECT_TRUE(kept.doc->filing.filing_date) << bad;
    }
}

TEST(SubmissionErrors, DamagedXmlErrorPointsIntoTheSubmission) {
    std::string text = apple();
    auto at = text.find("</issuerName>");
    text.replace(at, 13, "</issuerNome>");
    std::size_t expected_line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
    auto result = form4::parse(text);
    ASSERT_FALSE(result.ok());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.back().level, form4::severity::error);
    EXPECT_EQ(result.diagnostics.back().line, expected_line);
}

TEST(SubmissionErrors, TrailingGarbageIsAnErrorStrictly) {
    std::string text = apple() + "garbage\n";
    auto strict = form4::parse(text);
    EXPECT_FALSE(strict.ok());
    EXPECT_TRUE(has_code(strict, "submission.trailing-content"));
    auto kept = form4::parse(text, lenient());
    EXPECT_TRUE(kept.ok());
}

TEST(SubmissionErrors, EveryTruncationEndsInADocumentOrAnError) {
    for (const char* name : {"0000320193-22-000061.txt", "0001127602-25-004598.nc", "0001246360-14-002157.txt",
                             "0000019446-06-000081.txt"}) {   // the last one has a privacy-enhanced wrapper
        std::string text = read_file(corpus_dir() / "submission" / name);
        for (std::size_t cut = 0; cut < text.size(); cut += cut < 600 ? 7 : 97) {
            std::string prefix = text.substr(0, cut);
            for (const auto& options : {form4::parse_options{}, lenient()}) {
                auto result = form4::parse(prefix, options);
                EXPECT_TRUE(result.ok() || result.has_errors()) << name << " cut at " << cut;
                for (const auto& d : result.diagnostics)
                    EXPECT_LE(d.line, 1 + static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), '\n')) +
                                          static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), '\r')))
                        << name << " cut at " << cut << ": " << form4::format(d);
            }
        }
    }
}

TEST(SubmissionErrors, HeaderValueOverTheStringLimitEndsTheParseEvenLeniently) {
    std::string text = apple();
    auto label = text.find("COMPANY CONFORMED NAME:");
    text.insert(text.find('\n', label), std::string(3000, 'x'));
    std::size_t label_line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + label, '\n'));
    for (auto options : {form4::parse_options{}, lenient()}) {
        options.limits.max_string_bytes = 1000;
        auto result = form4::parse(text, options);
        EXPECT_FALSE(result.ok());
        ASSERT_EQ(result.diagnostics.size(), 1u);
        EXPECT_EQ(result.diagnostics[0].code, "limit.string-length");
        EXPECT_EQ(result.diagnostics[0].line, label_line);
        EXPECT_GT(result.diagnostics[0].column, 20u);
    }
}

// Before ownership XML (mid-2003), a Form 4 was filed as text inside the
// envelope: the text front end reads it and the envelope adds the filing.
TEST(SubmissionText, APaperEraFormIsReadByTheTextFrontEnd) {
    auto text = form4::testing::read_file(form4::testing::corpus_dir() / "text/0001094891-00-000193.txt");
    form4::parse_options options;
    options.lenient = true;
    auto result = form4::parse(text, options);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.format, form4::input_format::submission);
    const auto& doc = *result.doc;
    EXPECT_EQ(doc.filing.accession_number, "0001094891-00-000193");
    EXPECT_EQ(doc.type.text, "4");
    EXPECT_EQ(doc.issuer.trading_symbol, "PRAC");
    ASSERT_EQ(doc.signatures.size(), 1u);
    EXPECT_EQ(doc.signatures[0].name, "/s/ Alan H. Foster");
    // Its text body has a damaged cell, reported at the submission's line.
    bool cell_reported = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                     [](const auto& d) { return d.line == 140 && d.code == "text.expected"; });
    EXPECT_TRUE(cell_reported);
    EXPECT_FALSE(form4::parse(text).ok());
    // Its header's old-style <REPORTING-OWNER> block is read, not skipped line by line.
    for (const auto& d : result.diagnostics) EXPECT_NE(d.code, "submission.header-line") << form4::format(d);
}

// A 1998 submission with a header and no document (the form was filed on
// paper): the document holds what the header says, strictly or leniently.
TEST(SubmissionText, AHeaderOnlySubmissionGivesTheHeadersDocument) {
    auto text = form4::testing::read_file(form4::testing::corpus_dir() / "text/0001012325-98-000004.txt");
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        form4::parse_options options;
        options.lenient = lenient;
        auto result = form4::parse(text, options);
        ASSERT_TRUE(result.ok());
        ASSERT_EQ(result.diagnostics.size(), 1u) << form4::format(result.diagnostics[0]);
        EXPECT_EQ(result.diagnostics[0].code, "submission.header-only");
        EXPECT_EQ(result.diagnostics[0].level, form4::severity::warning);
        const auto& doc = *result.doc;
        EXPECT_EQ(doc.type.value, form4::document_type::form4);
        EXPECT_EQ(doc.period_of_report, form4::date(1998, 10, 31));
        EXPECT_EQ(doc.issuer.cik, "0001035972");
        EXPECT_EQ(doc.issuer.name, "MORTON INTERNATIONAL INC /IN/");
        ASSERT_EQ(doc.reporting_owners.size(), 1u);
        const auto& owner = doc.reporting_owners[0];
        EXPECT_EQ(owner.id.cik, "0001012325");
        EXPECT_EQ(owner.id.name, "CANTALUPO JAMES R");
        EXPECT_EQ(owner.address.street1, "100 NORTH RIVERSIDE PLAZA");
        EXPECT_EQ(owner.address.city, "CHICAGO");
        EXPECT_EQ(owner.address.state, "IL");
        EXPECT_EQ(owner.address.zip_code, "60606");
        EXPECT_EQ(owner.relationship.is_director, true);
        EXPECT_FALSE(owner.relationship.is_officer.has_value());
        EXPECT_TRUE(doc.non_derivative_transactions.empty());
        EXPECT_TRUE(doc.derivative_transactions.empty());
        EXPECT_EQ(doc.filing.accession_number, "0001012325-98-000004");
        EXPECT_EQ(doc.filing.filing_date, form4::date(1998, 11, 20));
        EXPECT_EQ(doc.filing.submission_type, "4");
    }
}
