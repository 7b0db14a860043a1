// JSON round trip of every corpus XML file: from_json(to_json(d)).doc == d.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "corpus/corpus_tables.hpp"
#include "form4/form4.hpp"
#include "form4/json.hpp"

namespace form4::testing {
namespace {

class CorpusJsonRoundTrip : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusJsonRoundTrip, DocumentComesBackEqual) {
    const auto& file = GetParam();
    parse_options options;
    options.lenient = true;  // so that the damaged file's recovered part is covered too
    parse_result parsed = parse(read_file(file), options);
    ASSERT_TRUE(parsed.ok()) << file.filename().string();

    for (bool pretty : {false, true}) {
        std::string text = to_json(*parsed.doc, {pretty});
        json_read_result back = from_json(text);
        ASSERT_EQ(back.error, "") << file.filename().string();
        ASSERT_TRUE(back.doc);
        EXPECT_EQ(*back.doc, *parsed.doc) << file.filename().string() << (pretty ? " (pretty)" : " (compact)");
        // Writing what was read gives the same text: nothing is normalised on the way.
        EXPECT_EQ(to_json(*back.doc, {pretty}), text) << file.filename().string();
    }
    // The compact writer streams its text; it must be what Boost.JSON itself
    // serializes for the same value.
    EXPECT_EQ(to_json(*parsed.doc), boost::json::serialize(boost::json::parse(to_json(*parsed.doc, {true}))))
        << file.filename().string();
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusJsonRoundTrip, ::testing::ValuesIn(corpus_xml_files()), corpus_file_name{});

// The other input formats: each file whose front end reads it today. A file
// without a document is skipped (reading it is the front ends' tests' job),
// so coverage grows by itself as front ends land.
std::vector<std::filesystem::path> other_format_files() {
    std::vector<std::filesystem::path> files;
    for (const char* folder : {"submission", "html", "text"}) {
        if (!std::filesystem::exists(corpus_dir() / folder)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / folder))
            if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

class CorpusJsonRoundTripOtherFormats : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CorpusJsonRoundTripOtherFormats, DocumentComesBackEqual) {
    const auto& file = GetParam();
    parse_options options;
    options.lenient = true;
    parse_result parsed = parse(read_file(file), options);
    // Every other-format file of the corpus gives a document when lenient: a
    // file that stops doing so fails here instead of being passed over.
    ASSERT_TRUE(parsed.ok()) << file.filename().string() << " gives no document: "
                             << (parsed.diagnostics.empty() ? std::string("no diagnostic")
                                                            : format(parsed.diagnostics.front()));
    json_read_result back = from_json(to_json(*parsed.doc));
    ASSERT_EQ(back.error, "") << file.filename().string();
    EXPECT_EQ(*back.doc, *parsed.doc) << file.filename().string();
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusJsonRoundTripOtherFormats, ::testing::ValuesIn(other_format_files()),
                         corpus_file_name{});

TEST(CorpusJsonRoundTripFiles, AreThere) {
    EXPECT_GT(corpus_xml_files().size(), 380U);
    EXPECT_GT(other_format_files().size(), 30U);
}

}  // namespace
}  // namespace form4::testing
