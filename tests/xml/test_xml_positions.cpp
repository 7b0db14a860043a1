// Source positions of XML fields (parse_options::record_positions): every
// recorded place is the start tag of the element the field was read from.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "form4/lint.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace form4 {

void PrintTo(const source_position& at, std::ostream* out) { *out << at.line << ":" << at.column; }

namespace {

using testing::corpus_dir;
using testing::corpus_files;
using testing::read_file;

// Positions counted here independently of the parser, by the same rules:
// CRLF, LF and a lone CR each end a line; a column is a character, not a byte.
void step(source_position& at, std::string_view text, std::size_t i) {
    char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
        ++at.line;
        at.column = 1;
    } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++at.column;
    }
}

source_position position_of(std::string_view text, std::size_t offset) {
    source_position at{1, 1};
    for (std::size_t i = 0; i < offset; ++i) step(at, text, i);
    return at;
}

// Offsets by position: where each line starts is counted once for a whole
// file, the column within its line on each lookup (looking each position up
// from the start made the corpus check quadratic; a map entry per byte made
// it slow under the sanitizers).
class offsets_by_position {
public:
    explicit offsets_by_position(std::string_view text) : text_(text) {
        source_position at{1, 1};
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::size_t line = at.line;
            step(at, text, i);
            if (at.line != line) line_starts_.push_back(i + 1);
        }
    }
    // The first byte at `wanted` that starts a character; the text's size when there is none.
    std::size_t operator()(source_position wanted) const {
        if (wanted.line == 0 || wanted.line > line_starts_.size()) return text_.size();
        source_position at{wanted.line, 1};
        for (std::size_t i = line_starts_[wanted.line - 1]; i < text_.size() && at.line == wanted.line;
             step(at, text_, i), ++i)
            if (at.column == wanted.column && (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) return i;
        return text_.size();
    }

private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
};

std::size_t offset_of(std::string_view text, source_position wanted) { return offsets_by_position(text)(wanted); }

// The offset of the n-th (0-based) occurrence of `needle` at or after `from`.
std::size_t nth(std::string_view text, std::string_view needle, std::size_t n, std::size_t from = 0) {
    std::size_t at = text.find(needle, from);
    for (; n > 0 && at != std::string_view::npos; --n) at = text.find(needle, at + 1);
    return at;
}

parse_result parse_with_positions(std::string_view text) {
    parse_options options;
    options.lenient = true;
    options.record_positions = true;
    return parse(text, options);
}

TEST(XmlPositions, NothingIsRecordedUnlessAsked) {
    auto result = parse(read_file(corpus_dir() / "xml/form4/0000899243-19-016730.xml"));
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.positions.empty());
}

TEST(XmlPositions, FieldsOfAFilingWithElevenTransactions) {
    const std::string text = read_file(corpus_dir() / "xml/form4/0000899243-19-016730.xml");
    auto result = parse_with_positions(text);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.doc->non_derivative_transactions.size(), 11u);
    auto expect_at = [&](const std::string& path, std::size_t offset) {
        ASSERT_NE(offset, std::string::npos) << path;
        auto found = result.positions.find(path);
        ASSERT_TRUE(found) << path;
        EXPECT_EQ(*found, position_of(text, offset)) << path;
    };
    expect_at("issuer.name", text.find("<issuerName>"));
    expect_at("reporting_owners[0]", text.find("<reportingOwner>"));
    expect_at("reporting_owners[0].relationship.is_director", text.find("<isDirector>"));
    expect_at("period_of_report", text.find("<periodOfReport>"));
    std::size_t last_row = nth(text, "<nonDerivativeTransaction>", 10);
    expect_at("non_derivative_transactions[10]", last_row);
    expect_at("non_derivative_transactions[10].shares", text.find("<transactionShares>", last_row));
    expect_at("non_derivative_transactions[10].post_transaction.shares_owned",
              text.find("<sharesOwnedFollowingTransaction>", last_row));
    expect_at("non_derivative_transactions[10].coding.code", text.find("<transactionCode>", last_row));
    expect_at("footnotes[0]", text.find("<footnote "));
    expect_at("signatures[0].name", text.find("<signatureName>"));
    // A field the filing leaves out falls back to its row.
    EXPECT_EQ(result.positions.find("non_derivative_transactions[10].no_such_member"),
              result.positions.find("non_derivative_transactions[10]"));
}

// The element each path names, by its last member.
std::vector<std::string_view> elements_for(std::string_view path) {
    std::size_t dot = path.rfind('.');
    std::string_view member = path.substr(dot == std::string_view::npos ? 0 : dot + 1);
    member = member.substr(0, member.find('['));
    if (member == "footnotes") return {"<footnote"};
    if (member == "reporting_owners") return {"<reportingOwner>"};
    if (member == "signatures") return {"<ownerSignature>"};
    if (member == "non_derivative_transactions") return {"<nonDerivativeTransaction"};
    if (member == "derivative_holdings") return {"<derivativeHolding"};
    if (member == "shares") return {"<transactionShares", "<underlyingSecurityShares"};
    if (member == "name") return {"<issuerName", "<rptOwnerName", "<signatureName"};
    return {"<"};  // any element: the checks below still hold every position to a start tag
}

TEST(XmlPositions, EveryRecordedPlaceIsAStartTagOnTheWholeCorpus) {
    std::size_t checked = 0;
    for (const auto& file : corpus_files("xml", ".xml")) {
        const std::string text = read_file(file);
        auto result = parse_with_positions(text);
        ASSERT_TRUE(result.ok()) << file;
        const auto& doc = *result.doc;
        const offsets_by_position offset_of_position(text);
        for (const auto& [path, at] : result.positions) {
            std::string_view there = std::string_view(text).substr(offset_of_position(at));
            bool matches = false;
            for (auto element : elements_for(path)) matches = matches || there.substr(0, element.size()) == element;
            EXPECT_TRUE(matches) << file.filename() << " " << path << " at " << at.line << ":" << at.column << ": "
                                 << there.substr(0, 40);
            ++checked;
        }
        // One entry per row, numbered as the model numbers them.
        for (std::size_t i = 0; i < doc.non_derivative_transactions.size(); ++i)
            EXPECT_TRUE(result.positions.find("non_derivative_transactions[" + std::to_string(i) + "]")) << file;
        for (std::size_t i = 0; i < doc.derivative_holdings.size(); ++i)
            EXPECT_TRUE(result.positions.find("derivative_holdings[" + std::to_string(i) + "]")) << file;
        EXPECT_FALSE(result.positions.find("non_derivative_transactions[" +
                                           std::to_string(doc.non_derivative_transactions.size()) + "]"))
            << file;
        for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
            EXPECT_TRUE(result.positions.find("footnotes[" + std::to_string(i) + "]")) << file;
    }
    EXPECT_GT(checked, 20000u);
}

TEST(XmlPositions, LintFindingsCarryTheLineAndColumnOfTheirField) {
    // Every corpus filing with a lint finding on a row field: the finding's
    // position is the start tag of that row's field (or of the row).
    std::size_t with_position = 0;
    for (const auto& file : corpus_files("xml", ".xml")) {
        const std::string text = read_file(file);
        auto result = parse_with_positions(text);
        ASSERT_TRUE(result.ok()) << file;
        for (const auto& finding : lint(result)) {
            auto expected = result.positions.find(finding.field);
            if (!expected) {
                EXPECT_EQ(finding.line, 0u) << file << " " << finding.field;
                continue;
            }
            EXPECT_EQ(finding.line, expected->line) << file << " " << finding.field;
            EXPECT_EQ(finding.column, expected->column) << file << " " << finding.field;
            if (finding.code == "lint.code-direction") {
                std::string_view there = std::string_view(text).substr(offset_of(text, *expected));
                EXPECT_EQ(there.substr(0, 32), "<transactionAcquiredDisposedCode") << file;
            }
            ++with_position;
        }
    }
    EXPECT_GT(with_position, 7u);  // 7 filings have lint.code-direction alone
}

}  // namespace
}  // namespace form4
