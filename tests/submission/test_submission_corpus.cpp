// Every submission of the corpus against its ownership XML twin. The filing
// metadata is checked against values found in the header text by plain string
// search, not against the parser's own reading.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <filesystem>
#include <string>
#include <string_view>

#include "form4/parse.hpp"
#include "support/corpus.hpp"

using form4::testing::corpus_dir;
using form4::testing::read_file;

namespace {

const std::string damaged = "0001225259-06-000003";

std::vector<std::filesystem::path> submissions() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / "submission"))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// The value after `key` up to the end of its line, blanks trimmed.
std::string value_after(std::string_view text, std::string_view key) {
    auto at = text.find(key);
    if (at == std::string_view::npos) return {};
    at += key.size();
    auto end = text.find_first_of("\r\n", at);
    std::string_view value = text.substr(at, end - at);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    return std::string(value);
}

// "FILED AS OF DATE:\t\t20220506" (.txt) or "<FILING-DATE>20220506" (.nc) -> "2022-05-06".
std::string filed_date_in(std::string_view text) {
    std::string raw = value_after(text, "FILED AS OF DATE:");
    if (raw.empty()) raw = value_after(text, "<FILING-DATE>");
    if (raw.size() != 8) return raw;
    return raw.substr(0, 4) + "-" + raw.substr(4, 2) + "-" + raw.substr(6, 2);
}

std::string accession_in(std::string_view text) {
    std::string raw = value_after(text, "ACCESSION NUMBER:");
    return raw.empty() ? value_after(text, "<ACCESSION-NUMBER>") : raw;
}

std::filesystem::path twin_of(const std::filesystem::path& submission) {
    for (const char* folder : {"xml/form4", "xml/form3-5"}) {
        auto path = corpus_dir() / folder / (submission.stem().string() + ".xml");
        if (std::filesystem::exists(path)) return path;
    }
    return {};
}

std::string iso(const std::optional<form4::date>& d) {
    return d ? boost::gregorian::to_iso_extended_string(*d) : std::string("(none)");
}

// "<ACCEPTANCE-DATETIME>20220506183057" as YYYYMMDDhhmmss, "" when the header has none.
std::string acceptance_in(const std::string& text) {
    auto at = text.find("<ACCEPTANCE-DATETIME>");
    return at == std::string::npos ? std::string() : text.substr(at + 21, 14);
}

std::string accepted(const std::optional<form4::date_time>& t) {
    if (!t) return "";
    std::string iso = boost::posix_time::to_iso_string(*t);  // "20220506T183057"
    return iso.substr(0, 8) + iso.substr(9);
}

}  // namespace

TEST(SubmissionCorpus, EverySubmissionMatchesItsXmlTwinExceptFiling) {
    auto files = submissions();
    ASSERT_EQ(files.size(), 29u);
    int compared = 0;
    for (const auto& file : files) {
        if (file.stem() == damaged) continue;
        std::string text = read_file(file);
        auto result = form4::parse(text);
        ASSERT_TRUE(result.ok()) << file << ": " << form4::format(result.diagnostics.at(0));
        EXPECT_EQ(result.format, form4::input_format::submission) << file;
        for (const auto& d : result.diagnostics)
            EXPECT_EQ(d.level, form4::severity::note) << file << ": " << form4::format(d);

        auto twin_path = twin_of(file);
        ASSERT_FALSE(twin_path.empty()) << file << " has no XML twin";
        auto twin = form4::parse(read_file(twin_path));
        ASSERT_TRUE(twin.ok()) << twin_path;
        form4::document without_filing = *result.doc;
        without_filing.filing = {};
        EXPECT_TRUE(without_filing == *twin.doc) << file << " differs from " << twin_path;

        const auto& filing = result.doc->filing;
        EXPECT_EQ(filing.accession_number, accession_in(text)) << file;
        EXPECT_EQ(filing.accession_number, file.stem().string()) << file;
        EXPECT_EQ(iso(filing.filing_date), filed_date_in(text)) << file;
        EXPECT_EQ(accepted(filing.acceptance_datetime), acceptance_in(text)) << file;
        EXPECT_FALSE(filing.submission_type.empty()) << file;
        EXPECT_EQ(filing.file_numbers.size(), result.doc->reporting_owners.size()) << file;
        ++compared;
    }
    EXPECT_EQ(compared, 28);
}

TEST(SubmissionCorpus, FileNumbersFollowTheXmlOwnerOrderNotTheHeaderOrder) {
    // The header lists FARNAM STREET PARTNERS (0001058465) first; the XML
    // lists CABILLOT (0001361476) first. Both have file number 000-14942.
    auto result = form4::parse(read_file(corpus_dir() / "submission/0001079973-25-000129.txt"));
    ASSERT_TRUE(result.ok());
    const auto& doc = *result.doc;
    ASSERT_EQ(doc.reporting_owners.size(), 2u);
    EXPECT_EQ(doc.reporting_owners[0].id.cik, "0001361476");
    ASSERT_EQ(doc.filing.file_numbers.size(), 2u);
    EXPECT_EQ(doc.filing.file_numbers[0], "000-14942");
    EXPECT_EQ(doc.filing.file_numbers[1], "000-14942");
}

TEST(SubmissionCorpus, SubmissionTypeComesFromTheHeader) {
    auto amended = form4::parse(read_file(corpus_dir() / "submission/0000707549-25-000004.txt"));
    ASSERT_TRUE(amended.ok());
    EXPECT_EQ(amended.doc->filing.submission_type, "4/A");
    auto feed = form4::parse(read_file(corpus_dir() / "submission/0001127602-25-004598.nc"));
    ASSERT_TRUE(feed.ok());
    EXPECT_EQ(feed.doc->filing.submission_type, "4");
    EXPECT_EQ(feed.doc->filing.file_numbers, std::vector<std::string>{"001-04482"});
}

TEST(SubmissionCorpus, DamagedXmlFailsStrictlyAtTheSubmissionLine) {
    std::string text = read_file(corpus_dir() / "submission" / (damaged + ".txt"));
    auto result = form4::parse(text);
    EXPECT_FALSE(result.ok());
    ASSERT_FALSE(result.diagnostics.empty());
    const auto& error = result.diagnostics.back();
    EXPECT_EQ(error.level, form4::severity::error);
    EXPECT_EQ(error.code, "xml.malformed-end-tag");
    // The twin reports XML line 178; the XML starts on the line after <XML>.
    auto xml_tag = text.begin() + static_cast<std::ptrdiff_t>(text.find("<XML>"));
    std::size_t xml_tag_line = 1 + static_cast<std::size_t>(std::count(text.begin(), xml_tag, '\n'));
    EXPECT_EQ(error.line, xml_tag_line + 178);
    EXPECT_EQ(error.column, 1u);
    // That line of the submission is the wrapped remainder of "</footnote>".
    std::size_t at = 0;
    for (std::size_t line = 1; line < error.line; ++line) at = text.find('\n', at) + 1;
    EXPECT_EQ(text.substr(at, 7), "otnote>");
}

TEST(SubmissionCorpus, DamagedXmlIsRecoveredLenientlyWithItsFilingMetadata) {
    std::string text = read_file(corpus_dir() / "submission" / (damaged + ".txt"));
    form4::parse_options lenient;
    lenient.lenient = true;
    auto result = form4::parse(text, lenient);
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(result.has_errors());
    auto twin = form4::parse(read_file(corpus_dir() / "xml/form4" / (damaged + ".xml")), lenient);
    ASSERT_TRUE(twin.ok());
    form4::document without_filing = *result.doc;
    without_filing.filing = {};
    EXPECT_TRUE(without_filing == *twin.doc);
    EXPECT_EQ(result.doc->filing.accession_number, accession_in(text));
    EXPECT_EQ(iso(result.doc->filing.filing_date), filed_date_in(text));
    ASSERT_EQ(result.diagnostics.size(), twin.diagnostics.size());
    EXPECT_GT(result.diagnostics[0].line, twin.diagnostics[0].line);
}

TEST(SubmissionCorpus, CrOnlyFeedFileGivesTheSameDocumentWithLfLineEnds) {
    std::string cr = read_file(corpus_dir() / "submission/0001562180-25-000280.nc");
    ASSERT_NE(cr.find('\r'), std::string::npos);
    std::string lf = cr;
    std::replace(lf.begin(), lf.end(), '\r', '\n');
    auto from_cr = form4::parse(cr);
    auto from_lf = form4::parse(lf);
    ASSERT_TRUE(from_cr.ok());
    ASSERT_TRUE(from_lf.ok());
    EXPECT_TRUE(*from_cr.doc == *from_lf.doc);
}

TEST(SubmissionCorpus, CrlfLineEndsGiveTheSameDocument) {
    std::string lf = read_file(corpus_dir() / "submission/0001209191-06-055343.txt");
    ASSERT_EQ(lf.find('\r'), std::string::npos);
    std::string crlf;
    for (char c : lf) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    auto from_lf = form4::parse(lf);
    auto from_crlf = form4::parse(crlf);
    ASSERT_TRUE(from_lf.ok());
    ASSERT_TRUE(from_crlf.ok()) << form4::format(from_crlf.diagnostics.at(0));
    EXPECT_TRUE(*from_lf.doc == *from_crlf.doc);
    EXPECT_EQ(from_crlf.doc->filing.accession_number, "0001209191-06-055343");
}
