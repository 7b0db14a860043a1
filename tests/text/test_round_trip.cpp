// Every XML filing of the corpus: parse, render as text, read the text back,
// and compare every field the text form shows; then again with the text
// damaged the way converters damage it.
#include <gtest/gtest.h>

#include "document_compare.hpp"
#include "form4/parse.hpp"
#include "form4/render.hpp"
#include "support/corpus.hpp"

namespace {

using namespace form4::testing;
using form4::document;

struct xml_file {
    std::filesystem::path path;
    document doc;
};

const std::vector<xml_file>& xml_documents() {
    static const std::vector<xml_file> files = [] {
        std::vector<xml_file> out;
        for (const auto& path : form4::testing::corpus_files("xml", ".xml")) {
            auto result = form4::parse(form4::testing::read_file(path));
            if (result.ok()) out.push_back({path, *result.doc});
        }
        return out;
    }();
    return files;
}

void round_trip(damage d) {
    const auto& files = xml_documents();
    ASSERT_GT(files.size(), 300u) << "the XML front end read too few corpus files";
    std::size_t failed = 0;
    for (const auto& file : files) {
        std::string text = apply(d, form4::render_text(file.doc));
        form4::parse_options options;
        options.format = form4::input_format::text;
        auto back = form4::parse(text, options);
        if (!back.ok()) {
            ++failed;
            std::string why = back.diagnostics.empty() ? "" : form4::format(back.diagnostics.front());
            ADD_FAILURE() << file.path.filename() << ": the rendered text does not parse: " << why;
            continue;
        }
        auto mismatches = compare(file.doc, *back.doc, d);
        if (!mismatches.empty()) {
            ++failed;
            std::string all;
            for (std::size_t i = 0; i < mismatches.size() && i < 6; ++i) all += "\n  " + mismatches[i];
            ADD_FAILURE() << file.path.filename() << ":" << all;
        }
    }
    EXPECT_EQ(failed, 0u) << "of " << files.size() << " files";
}

TEST(TextRoundTrip, EveryCorpusXmlFileRendersAndReadsBack) { round_trip(damage::none); }
TEST(TextRoundTrip, TabsTurnedIntoSpaces) { round_trip(damage::spaces_for_tabs); }
TEST(TextRoundTrip, MarkupDropped) { round_trip(damage::markup_dropped); }
TEST(TextRoundTrip, MarksWrittenInParentheses) { round_trip(damage::ascii_marks); }
TEST(TextRoundTrip, MarksAsSuperscriptDigitsGluedToTheValue) { round_trip(damage::superscript_marks); }

TEST(TextRoundTrip, RenderedSampleFieldsAreStable) {
    // The user's sample read, rendered and read again gives the same document.
    std::string bytes = form4::testing::read_file(form4::testing::corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt");
    auto first = form4::parse(bytes);
    ASSERT_TRUE(first.ok());
    auto second = form4::parse(form4::render_text(*first.doc));
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*first.doc, *second.doc);
}

}  // namespace
