// Every corpus XML file yields exactly the data-set rows of expected/<name>.json.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "corpus/corpus_tables.hpp"
#include "form4/form4.hpp"

namespace form4::testing {
namespace {

namespace json = boost::json;

constexpr int max_mismatches_shown = 20;  // per file, so one bad field does not drown the log

json::object expected_for(const std::filesystem::path& xml) {
    auto path = corpus_dir() / "expected" / (xml.stem().string() + ".json");
    return json::parse(read_file(path)).as_object();
}

TEST(CorpusExpected, EveryXmlFileHasItsExpectedRows) {
    const auto& files = corpus_xml_files();
    EXPECT_GT(files.size(), 380U) << "corpus folder: " << corpus_dir();
    for (const auto& file : files)
        EXPECT_TRUE(std::filesystem::exists(corpus_dir() / "expected" / (file.stem().string() + ".json")))
            << file;
}

// Compares the rows of `parsed` with `expected` (one expected/<name>.json).
void check_rows(const std::string& file_name, const std::string& accession, const parse_result& parsed,
                const json::object& expected) {
    if (expected.contains("error")) {
        // Not well-formed: a strict parse must refuse it, saying where.
        EXPECT_FALSE(parsed.ok()) << file_name << " was accepted in strict mode";
        bool positioned = false;
        for (const auto& d : parsed.diagnostics)
            positioned = positioned || (d.level == severity::error && d.line != 0);
        EXPECT_TRUE(positioned) << file_name << ": no error with a line and column";
        return;
    }

    ASSERT_TRUE(parsed.ok()) << file_name << ": "
                             << (parsed.diagnostics.empty() ? "no document" : format(parsed.diagnostics.front()));
    dataset::tables ours;
    dataset::key_counters keys;
    dataset::append(ours, *parsed.doc, accession, {}, keys);

    int mismatches = 0;
    auto mismatch = [&](const std::string& where, const std::string& what) {
        if (++mismatches <= max_mismatches_shown) ADD_FAILURE() << file_name << ", " << where << ": " << what;
    };

    const auto& tables = expected.at("tables").as_object();
    EXPECT_EQ(tables.size(), dataset::table_count) << file_name;
    for (const auto& [table_name, rows_value] : tables) {
        std::string table_text(table_name);
        auto t = table_named(table_text);
        if (!t) {
            mismatch("table " + table_text, "we have no such table");
            continue;
        }
        const auto& expected_rows = rows_value.as_array();
        const auto& our_rows = ours[*t];
        if (expected_rows.size() != our_rows.size()) {
            mismatch("table " + table_text, "expected " + std::to_string(expected_rows.size()) + " rows, got " +
                                                std::to_string(our_rows.size()));
            continue;
        }
        for (std::size_t r = 0; r < expected_rows.size(); ++r) {
            for (const auto& [column_key, cell] : expected_rows[r].as_object()) {
                std::string column(column_key);
                std::string where = table_text + " row " + std::to_string(r + 1) + " column " + column;
                auto index = column_index(*t, column);
                if (!index) {
                    mismatch(where, "we have no such column");
                    continue;
                }
                std::string want(cell.as_string());
                const std::string& got = our_rows[r][*index];
                if (!same_cell(column, want, got)) mismatch(where, "expected \"" + want + "\", got \"" + got + "\"");
            }
        }
    }
    EXPECT_EQ(mismatches, 0) << file_name << ": " << mismatches << " mismatches in all";
}

class CorpusExpectedRows : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusExpectedRows, MatchTheExpectedJson) {
    const auto& file = GetParam();
    check_rows(file.filename().string(), file.stem().string(), parse(read_file(file)), expected_for(file));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusExpectedRows, ::testing::ValuesIn(corpus_xml_files()), corpus_file_name{});

// The EDGAR submissions (.txt, .nc) of filings that are also in xml/: the
// envelope wraps the same XML, so the same rows come out (the expected JSON
// leaves out FILING_DATE and the other envelope columns).
std::vector<std::filesystem::path> submissions_with_expected_rows() {
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::exists(corpus_dir() / "submission")) return files;
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / "submission"))
        if (std::filesystem::exists(corpus_dir() / "expected" / (entry.path().stem().string() + ".json")))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

class CorpusSubmissionRows : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusSubmissionRows, MatchTheExpectedJsonOfTheirXml) {
    const auto& file = GetParam();
    parse_result parsed = parse(read_file(file));
    check_rows(file.filename().string(), "", parsed, expected_for(file));
    if (parsed.ok()) {
        EXPECT_EQ(parsed.doc->filing.accession_number, file.stem().string()) << file.filename().string();
        EXPECT_TRUE(parsed.doc->filing.filing_date) << file.filename().string() << ": no FILED AS OF DATE";
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusSubmissionRows, ::testing::ValuesIn(submissions_with_expected_rows()),
                         corpus_file_name{});

TEST(CorpusExpected, SubmissionsPairedWithXmlAreThere) { EXPECT_GE(submissions_with_expected_rows().size(), 25U); }

TEST(CorpusExpected, TheDamagedFileIsRecoveredInLenientMode) {
    // 0001225259-06-000003.xml: EDGAR's line wrapping split </footnote>.
    auto file = corpus_dir() / "xml" / "form4" / "0001225259-06-000003.xml";
    ASSERT_TRUE(std::filesystem::exists(file));
    parse_options lenient;
    lenient.lenient = true;
    parse_result parsed = parse(read_file(file), lenient);
    ASSERT_TRUE(parsed.ok()) << "the lenient parse gave up";
    EXPECT_FALSE(parsed.diagnostics.empty()) << "the lenient parse did not say what it skipped";
    EXPECT_FALSE(parsed.doc->issuer.cik.empty());
    EXPECT_FALSE(parsed.doc->reporting_owners.empty());
}

}  // namespace
}  // namespace form4::testing
