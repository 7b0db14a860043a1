// The HTML tag/entity scanner that turns EDGAR's pages into rows of cells.
#include <gtest/gtest.h>

#include "html/linearize.hpp"

namespace {

std::string text_of(std::string_view html) { return form4::html::linearize(html).text; }

TEST(HtmlScanner, RowsBecomeLinesAndCellsTabs) {
    EXPECT_EQ(text_of("<table><tr><td>a</td><td>b &amp; c</td><td></td></tr><tr><th>d</th></tr></table>"),
              "a\tb & c\t\nd\n");
}

TEST(HtmlScanner, EntitiesAreDecoded) {
    EXPECT_EQ(text_of("<p>&lt;x&gt; &quot;q&quot; &#65;&#x42; &unknown; AT&T</p>"), "<x> \"q\" AB &unknown; AT&T\n");
    EXPECT_EQ(text_of("a&nbsp;b"), "a b");   // a no-break space is white space between words
}

TEST(HtmlScanner, WhiteSpaceInsideACellIsSqueezed) {
    EXPECT_EQ(text_of("<tr><td>\n  Common\n   Stock </td><td>519 <sup>(1)</sup></td></tr>"),
              "Common Stock\t519 \xE2\x81\xBD\xC2\xB9\xE2\x81\xBE\n");   // the <sup> mark as "⁽¹⁾"
}

// A "(2)" outside <sup> is the value's own text (the SEC's stylesheets print it so
// when the XML's title ends in "(2)"); only a mark in <sup> becomes a superscript.
TEST(HtmlScanner, OnlyMarksInSupBecomeSuperscripts) {
    EXPECT_EQ(text_of("<tr><td>Class B (2)</td><td><sup>(12)</sup><sup>*</sup></td></tr>"),
              "Class B (2)\t\xE2\x81\xBD\xC2\xB9\xC2\xB2\xE2\x81\xBE *\n");
}

TEST(HtmlScanner, HiddenContentAndCommentsAreSkipped) {
    EXPECT_EQ(text_of("<html><head><title>SEC FORM 4</title><style>.x{}</style></head>"
                      "<body><!-- a <td> in a comment --><script>var a = '<tr>';</script>FORM 4</body></html>"),
              "FORM 4");
}

TEST(HtmlScanner, QuotedAttributeMayHoldAnAngleBracket) {
    EXPECT_EQ(text_of("<tr><td title=\"a>b\">x</td><td class='y>z'>w</td></tr>"), "x\tw\n");
}

TEST(HtmlScanner, NestedTablesKeepTheirOwnCellCounts) {
    EXPECT_EQ(text_of("<tr><td>1</td><td><table><tr><td>in1</td><td>in2</td></tr></table></td><td>3</td></tr>"),
              "1\t\nin1\tin2\n\t3\n");
}

TEST(HtmlScanner, DamagedMarkupEndsCleanly) {
    EXPECT_EQ(text_of("<td>x<b"), "x");
    EXPECT_EQ(text_of("a < b"), "a < b");
    EXPECT_EQ(text_of("<!-- never closed"), "");
    EXPECT_EQ(text_of(""), "");
}

TEST(HtmlScanner, MapLeadsBackToTheHtml) {
    std::string html = "<tr><td>first</td>\n<td>second</td></tr>";
    auto page = form4::html::linearize(html);
    page.map.stream_begin = page.text.data();
    std::size_t at = page.text.find("second");
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(page.map.to_source(page.text.data() + at), html.data() + html.find("second"));
    EXPECT_EQ(page.map.to_source(page.text.data() + at + 3), html.data() + html.find("second") + 3);
}

}  // namespace
