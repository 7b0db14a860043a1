// Lint findings carry the line and column of the field they are about when
// the parse recorded positions (parse_options::record_positions). Every
// expected position below was read off the corpus file by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "form4/lint.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

using form4::source_position;
using form4::testing::corpus_dir;
using form4::testing::read_file;

namespace {

// The user's sample: a 2003 Form 4 rendered to text.
std::string sample() { return read_file(corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt"); }
std::string evans() { return read_file(corpus_dir() / "html" / "edgartools__form4.Evans.html"); }

form4::parse_result parse_with_positions(const std::string& bytes, bool lenient = false) {
    form4::parse_options options;
    options.record_positions = true;
    options.lenient = lenient;
    auto result = form4::parse(bytes, options);
    if (!result.ok()) throw std::runtime_error("does not parse: " + form4::format(result.diagnostics.at(0)));
    return result;
}

std::vector<form4::lint_finding> with_code(const std::vector<form4::lint_finding>& findings, std::string_view code) {
    std::vector<form4::lint_finding> found;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(found),
                 [&](const auto& f) { return f.code == code; });
    return found;
}

// The recorded position of `path` itself (not of an ancestor).
std::optional<source_position> recorded(const form4::source_map& positions, const std::string& path) {
    for (const auto& [recorded_path, where] : positions)
        if (recorded_path == path) return where;
    return std::nullopt;
}

}  // namespace

TEST(LintPositions, SampleCodeDirectionFindingsPointAtTheirAcquiredDisposedCells) {
    auto result = parse_with_positions(sample());
    auto findings = with_code(form4::lint(result), "lint.code-direction");
    ASSERT_EQ(findings.size(), 2u);
    // Table I row, line 30: "Common Stock\t07/18/2003\t\tM\t\t30,000\tD\t..." -- the "D" is column 36.
    EXPECT_EQ(findings[0].field, "non_derivative_transactions[0].acquired_disposed");
    EXPECT_EQ(findings[0].line, 30u);
    EXPECT_EQ(findings[0].column, 36u);
    // Table II row, line 37: the amount stands in the (A) column, "30,000" at column 58.
    EXPECT_EQ(findings[1].field, "derivative_transactions[0].acquired_disposed");
    EXPECT_EQ(findings[1].line, 37u);
    EXPECT_EQ(findings[1].column, 58u);
}

TEST(LintPositions, SampleRecordsHeaderRowsFootnotesAndSignatures) {
    auto result = parse_with_positions(sample());
    const auto& positions = result.positions;
    // Line 20 holds items 1, 2 and 5 side by side; item 3 is on line 21.
    EXPECT_EQ(recorded(positions, "issuer.name"), (source_position{20, 112}));            // "SONUS NETWORKS INC"
    EXPECT_EQ(recorded(positions, "issuer.trading_symbol"), (source_position{20, 132}));  // "SONS"
    EXPECT_EQ(recorded(positions, "reporting_owners[0]"), (source_position{20, 45}));     // "HARRIS EDWARD N"
    EXPECT_EQ(recorded(positions, "reporting_owners[0].relationship"), (source_position{20, 142}));  // "5. Relationship"
    EXPECT_EQ(recorded(positions, "reporting_owners[0].relationship.officer_title"),
              (source_position{20, 321}));                                                 // "Vice President"
    EXPECT_EQ(recorded(positions, "period_of_report"), (source_position{21, 54}));        // "07/18/2003"
    EXPECT_EQ(recorded(positions, "type"), (source_position{3, 1}));                      // "FORM 4"
    EXPECT_EQ(recorded(positions, "non_derivative_transactions[1]"), (source_position{31, 1}));
    EXPECT_EQ(recorded(positions, "non_derivative_transactions[1].price_per_share"), (source_position{31, 38}));
    EXPECT_EQ(recorded(positions, "non_derivative_transactions[1].post_transaction.shares_owned"),
              (source_position{31, 44}));                                                  // "0"
    EXPECT_EQ(recorded(positions, "derivative_transactions[0].underlying.title"), (source_position{37, 92}));
    // After "05/27/2003 ⁽¹⁾": columns count characters, not bytes.
    EXPECT_EQ(recorded(positions, "derivative_transactions[0].post_transaction.shares_owned"),
              (source_position{37, 119}));                                                 // "154,452"
    EXPECT_EQ(recorded(positions, "footnotes[0]"), (source_position{41, 1}));
    EXPECT_EQ(recorded(positions, "footnotes[0].text"), (source_position{41, 4}));
    EXPECT_EQ(recorded(positions, "signatures[0].name"), (source_position{43, 1}));
    EXPECT_EQ(recorded(positions, "signatures[0].date"), (source_position{43, 59}));
    // An empty cell records nothing; its row stands in for it.
    EXPECT_FALSE(recorded(positions, "non_derivative_transactions[0].deemed_execution_date").has_value());
    EXPECT_EQ(positions.find("non_derivative_transactions[0].deemed_execution_date"), (source_position{30, 1}));
}

TEST(LintPositions, FindingOnAnUnrecordedFieldTakesItsRowsPosition) {
    // Row 2 loses its ownership form: the finding is about a cell that is empty.
    std::string text = sample();
    auto at = text.find("6.819\t0\tD\t");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 10, "6.819\t0\t\t");
    auto result = parse_with_positions(text);
    auto findings = with_code(form4::lint(result), "lint.ownership-form-missing");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].field, "non_derivative_transactions[1].ownership.direct_or_indirect");
    EXPECT_EQ(findings[0].line, 31u);
    EXPECT_EQ(findings[0].column, 1u);
}

TEST(LintPositions, WithoutRecordPositionsNothingIsRecordedAndFindingsHaveNoPosition) {
    auto result = form4::parse(sample());
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.positions.empty());
    auto findings = form4::lint(result);
    ASSERT_EQ(with_code(findings, "lint.code-direction").size(), 2u);
    for (const auto& f : findings) {
        EXPECT_EQ(f.line, 0u) << f.field;
        EXPECT_EQ(f.column, 0u) << f.field;
    }
}

TEST(LintPositions, DocumentOverloadUsesTheGivenPositions) {
    auto result = parse_with_positions(sample());
    // Without positions the document overload leaves them unknown...
    auto plain = with_code(form4::lint(*result.doc), "lint.code-direction");
    ASSERT_EQ(plain.size(), 2u);
    EXPECT_EQ(plain[0].line, 0u);
    // ...and with them it agrees with the parse_result overload.
    form4::lint_options options;
    options.positions = &result.positions;
    EXPECT_EQ(form4::lint(*result.doc, options), form4::lint(result));
    EXPECT_EQ(with_code(form4::lint(*result.doc, options), "lint.code-direction")[0].line, 30u);
}

TEST(LintPositions, ResultWithoutDocumentHasNoFindings) {
    form4::parse_result failed = form4::parse("not a form", {});
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(form4::lint(failed).empty());
}

TEST(LintPositions, HtmlPositionsAreHtmlLinesAndColumns) {
    auto result = parse_with_positions(evans());
    const auto& positions = result.positions;
    EXPECT_EQ(recorded(positions, "issuer.name"), (source_position{95, 87}));             // "EVANS BANCORP INC"
    EXPECT_EQ(recorded(positions, "issuer.trading_symbol"), (source_position{96, 31}));   // "EVBN"
    EXPECT_EQ(recorded(positions, "reporting_owners[0]"), (source_position{69, 198}));    // "SULLIVAN NORA B"
    EXPECT_EQ(recorded(positions, "reporting_owners[0].address.city"), (source_position{82, 40}));  // "WILLIAMSVILLE"
    EXPECT_EQ(recorded(positions, "period_of_report"), (source_position{121, 60}));
    // The row starts at its first cell's text, "Common Stock", not at the <tr>.
    EXPECT_EQ(recorded(positions, "non_derivative_transactions[0]"), (source_position{180, 41}));
    EXPECT_EQ(recorded(positions, "non_derivative_transactions[0].shares"), (source_position{186, 24}));  // "519"
    EXPECT_EQ(recorded(positions, "footnotes[0]"), (source_position{250, 30}));
    EXPECT_EQ(recorded(positions, "signatures[0].date"), (source_position{258, 43}));

    // A sale that acquires: the finding points at the (A) or (D) cell's "A" in the HTML.
    std::string html = evans();
    auto code = html.find("<span class=\"SmallFormData\">A</span>");
    ASSERT_NE(code, std::string::npos);
    html.replace(code, 36, "<span class=\"SmallFormData\">S</span>");
    auto findings = with_code(form4::lint(parse_with_positions(html)), "lint.code-direction");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].field, "non_derivative_transactions[0].acquired_disposed");
    EXPECT_EQ(findings[0].line, 188u);
    EXPECT_EQ(findings[0].column, 43u);
}

TEST(LintPositions, TextSubmissionPositionsAreRelativeToTheSubmission) {
    // A 2000 paper-style Form 4 inside its EDGAR envelope; the form starts at line 83.
    auto result = parse_with_positions(read_file(corpus_dir() / "text" / "0001094891-00-000193.txt"), true);
    EXPECT_EQ(result.format, form4::input_format::submission);
    const auto& positions = result.positions;
    EXPECT_EQ(recorded(positions, "type"), (source_position{86, 1}));                     // "FORM 4"
    EXPECT_EQ(recorded(positions, "reporting_owners[0]"), (source_position{91, 4}));      // "Foster, Alan H."
    EXPECT_EQ(recorded(positions, "issuer.name"), (source_position{97, 4}));              // "Productivity ..."
    EXPECT_EQ(recorded(positions, "issuer.trading_symbol"), (source_position{98, 4}));    // "PRAC"
    EXPECT_EQ(recorded(positions, "period_of_report"), (source_position{102, 4}));        // "February 29,2000"
    // The ASCII table's row: cells between "|", wrapped over two lines.
    EXPECT_EQ(recorded(positions, "derivative_transactions[0]"), (source_position{140, 1}));
    EXPECT_EQ(recorded(positions, "derivative_transactions[0].conversion_or_exercise_price"),
              (source_position{140, 24}));                                                 // "$1.375"
    EXPECT_EQ(recorded(positions, "derivative_transactions[0].shares"), (source_position{140, 46}));  // "12,000"
    EXPECT_EQ(recorded(positions, "signatures[0].name"), (source_position{148, 3}));      // "/s/ Alan H. Foster"
    EXPECT_EQ(recorded(positions, "signatures[0].date"), (source_position{150, 1}));      // "March 13, 2000"
}
