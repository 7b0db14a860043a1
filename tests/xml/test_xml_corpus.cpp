// The XML front end on every ownership XML file of the corpus.
#include <gtest/gtest.h>

#include "form4/parse.hpp"
#include "support/corpus.hpp"

using form4::testing::corpus_dir;
using form4::testing::corpus_files;
using form4::testing::read_file;

namespace {
const std::string malformed = "0001225259-06-000003.xml";
}

TEST(XmlCorpus, EveryWellFormedFileParsesStrictlyWithoutWarnings) {
    auto files = corpus_files("xml", ".xml");
    ASSERT_GT(files.size(), 380u);
    for (const auto& file : files) {
        if (file.filename() == malformed) continue;
        auto result = form4::parse(read_file(file));
        ASSERT_TRUE(result.ok()) << file << ": " << form4::format(result.diagnostics.at(0));
        EXPECT_EQ(result.format, form4::input_format::xml) << file;
        for (const auto& d : result.diagnostics) EXPECT_EQ(d.level, form4::severity::note) << file << ": " << form4::format(d);
        const auto& doc = *result.doc;
        EXPECT_TRUE(doc.type.known()) << file;
        EXPECT_TRUE(doc.period_of_report) << file;
        EXPECT_FALSE(doc.issuer.cik.empty()) << file;
        EXPECT_FALSE(doc.reporting_owners.empty()) << file;
    }
}

TEST(XmlCorpus, MalformedFileFailsStrictlyAtItsRealLine) {
    auto result = form4::parse(read_file(corpus_dir() / "xml/form4" / malformed));
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const auto& error = result.diagnostics[0];
    EXPECT_EQ(error.level, form4::severity::error);
    EXPECT_EQ(error.code, "xml.malformed-end-tag");
    // EDGAR's 1,023-character line wrapping split "</footnote>" into "</fo" and "otnote>".
    EXPECT_EQ(error.line, 178u);
    EXPECT_EQ(error.column, 1u);
}

TEST(XmlCorpus, MalformedFileRecoversEverySectionLeniently) {
    form4::parse_options options;
    options.lenient = true;
    auto result = form4::parse(read_file(corpus_dir() / "xml/form4" / malformed), options);
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(result.has_errors());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].level, form4::severity::warning);
    EXPECT_EQ(result.diagnostics[0].line, 177u);
    const auto& doc = *result.doc;
    EXPECT_EQ(doc.issuer.name, "SUN HYDRAULICS CORP");
    EXPECT_EQ(doc.non_derivative_transactions.size(), 2u);
    EXPECT_EQ(doc.derivative_transactions.size(), 1u);
    ASSERT_EQ(doc.footnotes.size(), 1u);
    EXPECT_EQ(doc.footnotes[0].id, "F1");
    EXPECT_TRUE(doc.footnotes[0].text.starts_with("Each phantom share represents the value"));
    EXPECT_TRUE(doc.footnotes[0].text.ends_with("upon the termination of Mr. Robson's employment."));
    ASSERT_EQ(doc.signatures.size(), 1u);
    EXPECT_EQ(doc.signatures[0].name, "Paul R. Lynch, as Attorney-in-Fact for PETER G. ROBSON");
}

TEST(XmlCorpus, SecSampleDocumentsOfEveryFormParse) {
    auto dir = form4::testing::shared_dir() / "spec/xsd/sec-samples";
    int parsed = 0;
    for (const char* name : {"doc3.xml", "doc4.xml", "doc4a.xml", "doc5.xml", "doc5a.xml"}) {
        auto result = form4::parse(read_file(dir / name));
        ASSERT_TRUE(result.ok()) << name << ": " << form4::format(result.diagnostics.at(0));
        EXPECT_TRUE(result.doc->type.known()) << name;
        ++parsed;
    }
    EXPECT_EQ(parsed, 5);
}

// The SEC's own sample doc3a.xml is not well-formed: its <reportingOwnerAddress>
// start tag is missing, so the end tag at line 27 closes nothing.
TEST(XmlCorpus, SecSampleWithAStrayEndTag) {
    auto text = read_file(form4::testing::shared_dir() / "spec/xsd/sec-samples/doc3a.xml");
    auto strict = form4::parse(text);
    EXPECT_FALSE(strict.ok());
    ASSERT_TRUE(strict.has_errors());
    EXPECT_EQ(strict.diagnostics.back().level, form4::severity::error);
    EXPECT_EQ(strict.diagnostics.back().code, "xml.mismatched-end-tag");
    EXPECT_EQ(strict.diagnostics.back().line, 27u);

    form4::parse_options options;
    options.lenient = true;
    auto lenient = form4::parse(text, options);
    ASSERT_TRUE(lenient.ok());
    const auto& doc = *lenient.doc;
    EXPECT_EQ(doc.type.value, form4::document_type::form3_amendment);
    ASSERT_GE(doc.reporting_owners.size(), 1u);
    EXPECT_EQ(doc.reporting_owners[0].id.cik, "0000343434");
    EXPECT_EQ(doc.reporting_owners[0].relationship.is_director, true);
    EXPECT_FALSE(doc.signatures.empty());
    bool said_stray = false;
    for (const auto& d : lenient.diagnostics) said_stray |= d.code == "xml.stray-end-tag" && d.line == 27;
    EXPECT_TRUE(said_stray);
}
