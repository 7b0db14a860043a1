// What converters make of an EDGAR page, read back: a lynx row whose cells run
// together, html2text's Markdown, and a browser's copy of the current layout
// (tests/renderings checks them on every corpus filing; these hold the rules
// where the converters are not installed).
#include <gtest/gtest.h>

#include <string>

#include "form4/parse.hpp"
#include "text/markdown.hpp"
#include "text/run_together.hpp"

namespace {

std::vector<std::string> cut(const std::string& line) {
    auto cells = form4::text::cut_run_together({line.data(), line.data() + line.size()}).cells;
    std::vector<std::string> out;
    for (const auto& c : cells) out.emplace_back(c.view());
    return out;
}

TEST(RunTogether, CellsAreCutByWhatEachWordIs) {
    EXPECT_EQ(cut("   Common Stock 11/16/2019   J^(1)   676,789 D $ 0 4,060,734 I By Sequoia Capital XII, L.P. ^(2)"),
              (std::vector<std::string>{"Common Stock", "11/16/2019", "J^(1)", "676,789", "D", "$ 0", "4,060,734", "I",
                                        "By Sequoia Capital XII, L.P. ^(2)"}));
}

TEST(RunTogether, ALetterOrNumberBetweenWordsStaysInTheText) {
    std::string line = "Class A Common Stock 49,322 I By Venture 2010 Fund, LP";
    auto result = form4::text::cut_run_together({line.data(), line.data() + line.size()});
    EXPECT_TRUE(result.ambiguous_letter);
    EXPECT_EQ(cut(line), (std::vector<std::string>{"Class A Common Stock", "49,322", "I", "By Venture 2010 Fund, LP"}));
}

// 0001327811-25-000050's holding, as lynx draws it: the date is the nature's, not a cell.
TEST(RunTogether, ADateBetweenWordsStaysInTheText) {
    EXPECT_EQ(cut("   Class A Common Stock               13,972 I Eschenbach Family Trust dtd 4/15/2014, Carl "
                  "Eschenbach Jr and Ana Eschenbach TTEE ^(3)"),
              (std::vector<std::string>{"Class A Common Stock", "13,972", "I",
                                        "Eschenbach Family Trust dtd 4/15/2014, Carl Eschenbach Jr and Ana Eschenbach TTEE ^(3)"}));
}

TEST(Markdown, PipeTablesBecomeTabbedRows) {
    std::string md =
        "**Table I - Non-Derivative Securities**  \n"
        "---|---|---  \n"
        "Common Stock  | 11/16/2019 |  | J(1) |  |  676,789  |  D  |  $ 0  \n"
        "****** | Intentional misstatements  \n"
        "1\\. Name and Address of Reporting Person \\*  \n";
    EXPECT_TRUE(form4::text::is_form_markdown(md + "x\n---|---\n"));
    auto page = form4::text::markdown_to_tabs(md);
    EXPECT_EQ(page.text(),
              "Table I - Non-Derivative Securities\n\n"
              "Common Stock\t11/16/2019\t\tJ(1)\t\t676,789\tD\t$ 0\n"
              "**\tIntentional misstatements\n"
              "1. Name and Address of Reporting Person *\n");
}

TEST(Markdown, PlainTextIsNotMarkdown) {
    EXPECT_FALSE(form4::text::is_form_markdown("1. Name and Address of Reporting Person\nTable I\n"));
}

}  // namespace
