// model::for_each_footnote_reference, the walk lint and activity read a
// filing's footnote citations from, against the XML itself: each
// <footnoteId> element is one citation, found once, at the field it sits in.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "form4/model/footnote_references.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace {

using namespace form4;

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

TEST(FootnoteReferences, EveryFootnoteIdOfEveryCorpusFilingIsWalkedOnce) {
    std::size_t files = 0, citations = 0, unreadable = 0;
    for (const auto& path : form4::testing::corpus_files("xml", ".xml")) {
        const std::string xml = form4::testing::read_file(path);
        const parse_result result = parse(xml, parse_options{.format = input_format::xml});
        if (!result.ok()) {   // the corpus's damaged filings (their expected outputs say so)
            ++unreadable;
            continue;
        }
        std::size_t walked = 0;
        model::for_each_footnote_reference(*result.doc, [&](const std::string& id, const model::member_path& at) {
            ++walked;
            EXPECT_NE(occurrences(xml, "\"" + id + "\""), 0u) << path << " " << at.str();
        });
        EXPECT_EQ(walked, occurrences(xml, "<footnoteId")) << path;
        citations += walked;
        ++files;
    }
    EXPECT_GE(files, 300u) << "the corpus is missing";
    EXPECT_LE(unreadable, 5u);
    EXPECT_GE(citations, 1000u);
}

TEST(FootnoteReferences, ThePathNamesTheFieldAsLintDoes) {
    document doc;
    doc.derivative_transactions.resize(3);
    doc.derivative_transactions[2].underlying.shares.footnote_ids = {"F1", "F2"};
    doc.derivative_transactions[1].coding = transaction_coding{};
    doc.derivative_transactions[1].coding->footnote_ids = {"F3"};
    doc.non_derivative_holdings.resize(1);
    doc.non_derivative_holdings[0].security_title.footnote_ids = {"F4"};
    std::vector<std::string> seen;
    model::for_each_footnote_reference(
        doc, [&](const std::string& id, const model::member_path& at) { seen.push_back(id + " " + at.str()); });
    EXPECT_EQ(seen, (std::vector<std::string>{"F4 non_derivative_holdings[0].security_title",
                                              "F3 derivative_transactions[1].coding",
                                              "F1 derivative_transactions[2].underlying.shares",
                                              "F2 derivative_transactions[2].underlying.shares"}));
}

}  // namespace
