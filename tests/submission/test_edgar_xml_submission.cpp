// The filer's XML submission (<edgarSubmission>, documents in base64), on
// the SEC's own samples in spec/xsd/sec-samples: each filingN.xml carries the
// sample docN.xml, and must give what that file gives.
#include <gtest/gtest.h>

#include <string>

#include "form4/grammar/position.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace {

using form4::testing::read_file;

std::filesystem::path samples() { return form4::testing::shared_dir() / "spec" / "xsd" / "sec-samples"; }

form4::parse_options lenient() {
    form4::parse_options options;
    options.lenient = true;
    return options;
}

}  // namespace

TEST(EdgarXmlSubmission, EachSampleGivesTheDocumentItCarries) {
    const std::pair<const char*, const char*> pairs[] = {
        {"filing3.xml", "doc3.xml"}, {"filing4.xml", "doc4.xml"}, {"filing4a.xml", "doc4a.xml"},
        {"filing5.xml", "doc5.xml"}, {"filing5a.xml", "doc5a.xml"}};
    for (auto [filing, twin] : pairs) {
        std::string bytes = read_file(samples() / filing);
        EXPECT_EQ(form4::detect_format(bytes), form4::input_format::submission) << filing;
        auto result = form4::parse(bytes);
        ASSERT_TRUE(result.ok()) << filing << ": " << form4::format(result.diagnostics.at(0));
        EXPECT_EQ(result.format, form4::input_format::submission);
        auto expected = form4::parse(read_file(samples() / twin));
        ASSERT_TRUE(expected.ok()) << twin;
        form4::document without_filing = *result.doc;
        EXPECT_EQ(without_filing.filing.submission_type, without_filing.type.text) << filing;
        without_filing.filing = {};
        EXPECT_TRUE(without_filing == *expected.doc) << filing << " differs from " << twin;
        ASSERT_EQ(result.diagnostics.size(), expected.diagnostics.size()) << filing;
        const char* block_start = bytes.data() + bytes.find("<documentMimeBlock>") + 19;
        auto block = form4::grammar::line_and_column(bytes.data(), bytes.data() + bytes.size(), block_start);
        for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
            // Each finding of the decoded document points at its <documentMimeBlock>
            // and says where in the document it is.
            const auto& inner = expected.diagnostics[i];
            const auto& outer = result.diagnostics[i];
            EXPECT_EQ(outer.code, inner.code);
            EXPECT_NE(outer.message.find(std::string(twin) + " (decoded from base64), line " +
                                         std::to_string(inner.line) + ", column " + std::to_string(inner.column)),
                      std::string::npos)
                << outer.message;
            EXPECT_EQ(outer.line, block.first);
            EXPECT_EQ(outer.column, block.second);
        }
    }
}

TEST(EdgarXmlSubmission, TheDamagedAmendmentSampleFailsStrictlyAndIsRecoveredLeniently) {
    // filing3a.xml carries the SEC's damaged 3/A sample (doc3a.xml: a missing
    // <reportingOwnerAddress> start tag).
    std::string bytes = read_file(samples() / "filing3a.xml");
    auto strict = form4::parse(bytes);
    ASSERT_FALSE(strict.ok());
    const form4::diagnostic* error = nullptr;
    for (const auto& d : strict.diagnostics)
        if (d.level == form4::severity::error) error = &d;
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, "xml.mismatched-end-tag");
    EXPECT_EQ(error->line, 27u);    // the line of <documentMimeBlock> in filing3a.xml
    EXPECT_EQ(error->column, 28u);  // just past it, where the base64 starts
    EXPECT_NE(error->message.find("line 27, column 9"), std::string::npos) << error->message;

    auto kept = form4::parse(bytes, lenient());
    ASSERT_TRUE(kept.ok());
    auto twin = form4::parse(read_file(samples() / "doc3a.xml"), lenient());
    ASSERT_TRUE(twin.ok());
    kept.doc->filing = {};
    EXPECT_TRUE(*kept.doc == *twin.doc);
    EXPECT_EQ(kept.doc->type.text, "3/A");
}

TEST(EdgarXmlSubmission, BadBase64IsAnErrorAtItsPlace) {
    std::string bytes = read_file(samples() / "filing4.xml");
    std::size_t block = bytes.find("<documentMimeBlock>") + std::string("<documentMimeBlock>").size();
    std::size_t bad = bytes.find_first_not_of(" \t\r\n", block) + 5;
    bytes[bad] = '*';
    for (bool lenient_mode : {false, true}) {
        auto result = form4::parse(bytes, lenient_mode ? lenient() : form4::parse_options{});
        EXPECT_FALSE(result.ok());
        ASSERT_EQ(result.diagnostics.size(), 1u);
        EXPECT_EQ(result.diagnostics[0].code, "submission.base64");
        auto [line, column] = form4::grammar::line_and_column(bytes.data(), bytes.data() + bytes.size(),
                                                              bytes.data() + bad);
        EXPECT_EQ(result.diagnostics[0].line, line);
        EXPECT_EQ(result.diagnostics[0].column, column);
    }
}

TEST(EdgarXmlSubmission, WithoutAnOwnershipDocumentItSaysSo) {
    std::string bytes = read_file(samples() / "filing4.xml");
    bytes.replace(bytes.find("<documentType>4</documentType>"), 30, "<documentType>10-K</documentType>");
    auto result = form4::parse(bytes);
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, "submission.no-ownership-document");
    EXPECT_EQ(result.diagnostics[0].line, 3u);  // <edgarSubmission>
}
