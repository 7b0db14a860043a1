// Each rule of the text grammar on its own, through its accessor.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/closing.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/header.hpp"

namespace {

namespace x3 = boost::spirit::x3;
namespace g = form4::grammar::text;
namespace ast = form4::grammar::text::ast;

struct fragment {
    std::vector<form4::diagnostic> diagnostics;
    bool ascii_marks = true;

    // True when `rule` reads all of `text` into `attribute`.
    template <class Rule, class Attribute>
    bool parse(Rule const& rule, std::string_view text, Attribute& attribute, bool whole = true) {
        g::parse_state state;
        state.begin = text.data();
        state.end = text.data() + text.size();
        state.diagnostics = &diagnostics;
        state.ascii_marks = ascii_marks;
        g::iterator_type first = text.data();
        g::iterator_type last = text.data() + text.size();
        bool ok = x3::parse(first, last, x3::with<g::state_tag>(state)[rule], attribute);
        return ok && (!whole || first == last);
    }
};

using marks = std::vector<std::string>;

TEST(TextRules, FootnoteMarkInItsThreeSpellings) {
    fragment f;
    std::string mark;
    EXPECT_TRUE(f.parse(g::footnote_mark(), "(1)", mark));
    EXPECT_EQ(mark, "1");
    mark.clear();
    EXPECT_TRUE(f.parse(g::footnote_mark(), "\xE2\x81\xBD\xC2\xB9\xC2\xB2\xE2\x81\xBE", mark));   // ⁽¹²⁾
    EXPECT_EQ(mark, "12");
    mark.clear();
    EXPECT_TRUE(f.parse(g::footnote_mark(), "\xE2\x81\xB4", mark));   // ⁴
    EXPECT_EQ(mark, "4");
    mark.clear();
    EXPECT_FALSE(f.parse(g::footnote_mark(), "(a)", mark));
}

TEST(TextRules, ParenthesizedDigitsAreTextOnAPageOfSuperscriptMarks) {
    fragment f;
    f.ascii_marks = false;
    std::string mark;
    EXPECT_FALSE(f.parse(g::footnote_mark(), "(2)", mark));
    ast::text_field title;
    EXPECT_TRUE(f.parse(g::text_cell(), "Class B Common Stock (2) \xE2\x81\xBD\xC2\xB3\xE2\x81\xBE", title));
    EXPECT_EQ(title.text, "Class B Common Stock (2)");
    EXPECT_EQ(title.notes, marks{"3"});
}

TEST(TextRules, FootnoteMarksSeparatedByBlanksOrCommas) {
    fragment f;
    marks found;
    EXPECT_TRUE(f.parse(g::footnote_marks(), " (1), (2)(3)", found));
    EXPECT_EQ(found, (marks{"1", "2", "3"}));
    found.clear();
    EXPECT_TRUE(f.parse(g::footnote_marks(), "\xC2\xB9,\xC2\xB2", found));   // ¹,²
    EXPECT_EQ(found, (marks{"1", "2"}));
    found.clear();
    EXPECT_TRUE(f.parse(g::footnote_marks(), "", found));
    EXPECT_TRUE(found.empty());
}

TEST(TextRules, DateMonthDayYear) {
    fragment f;
    ast::date_value d;
    ASSERT_TRUE(f.parse(g::date(), "07/18/2003", d));
    EXPECT_EQ(d.month, 7u);
    EXPECT_EQ(d.day, 18u);
    EXPECT_EQ(d.year, 2003u);
    ASSERT_TRUE(f.parse(g::date(), "2/7/00", d));
    EXPECT_EQ(d.month, 2u);
    EXPECT_EQ(d.year, 0u);
    EXPECT_TRUE(f.diagnostics.empty());
}

TEST(TextRules, DateAfterItsFirstSlashExpectsTheRest) {
    fragment f;
    ast::date_value d;
    EXPECT_FALSE(f.parse(g::date(), "07/1B/2003", d));
    ASSERT_EQ(f.diagnostics.size(), 1u);
    EXPECT_EQ(f.diagnostics[0].level, form4::severity::error);
    EXPECT_EQ(f.diagnostics[0].code, "text.expected");
    EXPECT_EQ(f.diagnostics[0].line, 1u);
    EXPECT_EQ(f.diagnostics[0].column, 5u);   // the "B"
}

TEST(TextRules, MonthNameDate) {
    fragment f;
    ast::date_value d;
    ASSERT_TRUE(f.parse(g::month_name_date(), "March 13, 2000", d));
    EXPECT_EQ(d.month, 3u);
    EXPECT_EQ(d.day, 13u);
    EXPECT_EQ(d.year, 2000u);
    ASSERT_TRUE(f.parse(g::month_name_date(), "February 29,2000", d));
    EXPECT_EQ(d.month, 2u);
}

TEST(TextRules, NumberKeepsWhatWasWritten) {
    fragment f;
    for (std::string_view text : {"30,000", "$0.00", "\\$0.00", "-5", "1,234.5678", "$ 39.52", ".5"}) {
        std::string written;
        EXPECT_TRUE(f.parse(g::number(), text, written)) << text;
        EXPECT_EQ(written, text);
    }
    std::string written;
    EXPECT_FALSE(f.parse(g::number(), "abc", written));
}

TEST(TextRules, NumberCellWithMarksOrOnlyMarks) {
    fragment f;
    ast::number_field cell;
    ASSERT_TRUE(f.parse(g::number_cell(), " 154,452 \xE2\x81\xBD\xC2\xB2\xE2\x81\xBE ", cell));
    EXPECT_EQ(cell.text, "154,452");
    EXPECT_EQ(cell.notes, marks{"2"});
    cell = {};
    ASSERT_TRUE(f.parse(g::number_cell(), "(3)", cell));
    EXPECT_EQ(cell.text, "");
    EXPECT_EQ(cell.notes, marks{"3"});
    EXPECT_TRUE(f.diagnostics.empty());
    cell = {};
    EXPECT_FALSE(f.parse(g::number_cell(), "30,0x0", cell));
    ASSERT_EQ(f.diagnostics.size(), 1u);
    EXPECT_EQ(f.diagnostics[0].column, 5u);
}

TEST(TextRules, CodeCellWithEquitySwapAndMarks) {
    fragment f;
    ast::code_field code;
    ASSERT_TRUE(f.parse(g::code_cell(), "J/K (1)", code));
    EXPECT_EQ(code.code, "J");
    EXPECT_TRUE(code.equity_swap);
    EXPECT_EQ(code.notes, marks{"1"});
    code = {};
    ASSERT_TRUE(f.parse(g::code_cell(), "M", code));
    EXPECT_EQ(code.code, "M");
    EXPECT_FALSE(code.equity_swap);
    code = {};
    EXPECT_TRUE(f.parse(g::code_cell(), "", code));
    EXPECT_EQ(code.code, "");
    EXPECT_FALSE(f.parse(g::code_cell(), "m", code));
}

TEST(TextRules, LetterCells) {
    fragment f;
    ast::letter_field letter;
    EXPECT_TRUE(f.parse(g::acquired_disposed_cell(), "D (4)", letter));
    EXPECT_EQ(letter.letter, "D");
    EXPECT_EQ(letter.notes, marks{"4"});
    letter = {};
    EXPECT_FALSE(f.parse(g::acquired_disposed_cell(), "I", letter));
    letter = {};
    EXPECT_TRUE(f.parse(g::ownership_cell(), "I", letter));
    EXPECT_EQ(letter.letter, "I");
    letter = {};
    EXPECT_TRUE(f.parse(g::voluntary_cell(), "V", letter));
    EXPECT_EQ(letter.letter, "V");
    letter = {};
    EXPECT_TRUE(f.parse(g::voluntary_cell(), "", letter));
    EXPECT_EQ(letter.letter, "");
}

TEST(TextRules, TextCellKeepsParenthesesThatAreNotMarks) {
    fragment f;
    ast::text_field title;
    ASSERT_TRUE(f.parse(g::text_cell(), "Employee Stock Option (right to buy)", title));
    EXPECT_EQ(title.text, "Employee Stock Option (right to buy)");
    EXPECT_TRUE(title.notes.empty());
    title = {};
    ASSERT_TRUE(f.parse(g::text_cell(), "See Footnote (4)(5)", title));
    EXPECT_EQ(title.text, "See Footnote");
    EXPECT_EQ(title.notes, (marks{"4", "5"}));
}

TEST(TextRules, DateCellUnderlinedOrMarked) {
    fragment f;
    ast::date_field when;
    ASSERT_TRUE(f.parse(g::date_cell(), "<u>07/18/2003</u>", when));
    ASSERT_TRUE(when.value);
    EXPECT_EQ(when.value->day, 18u);
    when = {};
    ASSERT_TRUE(f.parse(g::date_cell(), "05/27/2003 \xE2\x81\xBD\xC2\xB9\xE2\x81\xBE", when));
    EXPECT_EQ(when.notes, marks{"1"});
}

TEST(TextRules, CheckboxRemnants) {
    fragment f;
    struct {
        std::string_view text;
        bool checked;
    } cases[] = {{"<input checked=\"\" type=\"checkbox\"/>", true},
                 {"<input type=\"checkbox\"/>", false},
                 {"[X]", true},
                 {"(x)", true},
                 {"__X__", true},
                 {"_X_", true},
                 {"X", true},
                 {"[ ]", false},
                 {"( )", false},
                 {"_____", false}};
    for (const auto& c : cases) {
        bool checked = !c.checked;
        EXPECT_TRUE(f.parse(g::box_state(), c.text, checked)) << c.text;
        EXPECT_EQ(checked, c.checked) << c.text;
    }
}

TEST(TextRules, RelationshipAndFilingEntries) {
    fragment f;
    ast::box_entry entry;
    ASSERT_TRUE(f.parse(g::relationship_entry(), "X Director", entry));
    EXPECT_TRUE(entry.checked);
    EXPECT_EQ(entry.which, 0);
    ASSERT_TRUE(f.parse(g::relationship_entry(), "10% Owner", entry));
    EXPECT_FALSE(entry.checked);
    EXPECT_EQ(entry.which, 1);
    ASSERT_TRUE(f.parse(g::relationship_entry(), "(X) Other\n(specify below)", entry));
    EXPECT_TRUE(entry.checked);
    EXPECT_EQ(entry.which, 3);
    ASSERT_TRUE(f.parse(g::filing_entry(), "<input type=\"checkbox\"/> Form filed by More than One Reporting Person",
                        entry));
    EXPECT_FALSE(entry.checked);
    EXPECT_EQ(entry.which, 1);
    EXPECT_FALSE(f.parse(g::relationship_entry(), "Directors", entry));
}

TEST(TextRules, HeaderItemsInAnyOrder) {
    fragment f;
    ast::header header;
    std::string_view stream =
        "FORM 4\n"
        "2. Issuer Name and Ticker or Trading Symbol <u>ACME CORP [ACME]</u>\n"
        "1. Name and Address of Reporting Person* <u>DOE JANE Q</u>\n"
        "(Last) (First) (Middle)\n<u>1 MAIN ST</u>\n<u>SUITE 2</u>\n(Street)\n"
        "<u>BOSTON</u> <u>MA</u> <u>02110</u>\n(City) (State) (Zip)\n"
        "5. Relationship of Reporting Person(s) to Issuer (Check all applicable) X Director 10% Owner "
        "<input checked=\"\" type=\"checkbox\"/> Officer (give title below) Other (specify below) <u>CEO</u>\n"
        "3. Date of Earliest Transaction (Month/Day/Year) <u>01/02/2024</u>\n"
        "4. If Amendment, Date of Original Filed (Month/Day/Year) 12/31/2023\n"
        "6. Individual or Joint/Group Filing (Check Applicable Line) [X] Form filed by One Reporting Person\n";
    ASSERT_TRUE(f.parse(g::header(), stream, header));
    EXPECT_TRUE(f.diagnostics.empty());
    EXPECT_EQ(header.form, "4");
    ASSERT_EQ(header.owners.size(), 1u);
    EXPECT_EQ(header.owners[0].name, "<u>DOE JANE Q</u>\n");
    EXPECT_TRUE(header.owners[0].captions);
    EXPECT_EQ(header.owners[0].street, "<u>1 MAIN ST</u>\n<u>SUITE 2</u>\n");
    EXPECT_EQ(header.owners[0].city_state_zip, "<u>BOSTON</u> <u>MA</u> <u>02110</u>\n");
    EXPECT_EQ(header.issuer, "<u>ACME CORP [ACME]</u>\n");
    ASSERT_TRUE(header.period);
    EXPECT_EQ(header.period->year, 2024u);
    ASSERT_TRUE(header.original_filed);
    EXPECT_EQ(header.original_filed->month, 12u);
    ASSERT_EQ(header.owners[0].relationship.size(), 4u);
    EXPECT_TRUE(header.owners[0].relationship[0].checked);    // Director
    EXPECT_FALSE(header.owners[0].relationship[1].checked);   // 10% Owner
    EXPECT_TRUE(header.owners[0].relationship[2].checked);    // Officer
    EXPECT_EQ(header.owners[0].relationship_text, "<u>CEO</u>\n");
    ASSERT_EQ(header.filing.size(), 1u);
    EXPECT_TRUE(header.filing[0].checked);
}

TEST(TextRules, HeaderDateItemReportsWhatItExpected) {
    fragment f;
    ast::header header;
    std::string_view stream = "3. Date of Earliest Transaction (Month/Day/Year) <u>O7/18/2003</u>\n";
    f.parse(g::header(), stream, header, false);
    ASSERT_FALSE(f.diagnostics.empty());
    EXPECT_EQ(f.diagnostics[0].code, "text.expected");
    EXPECT_NE(f.diagnostics[0].message.find("a date (MM/DD/YYYY)"), std::string::npos) << f.diagnostics[0].message;
    EXPECT_EQ(f.diagnostics[0].column, 53u);   // the "O" of "O7/18/2003"
}

TEST(TextRules, SectionTitles) {
    fragment f;
    struct {
        std::string_view line;
        ast::section_kind kind;
    } cases[] = {
        {"Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned", ast::section_kind::table1},
        {"  Table II - Derivative Securities Acquired", ast::section_kind::table2},
        {"Explanation of Responses:", ast::section_kind::explanation},
        {"Remarks:", ast::section_kind::remarks},
        {"** Signature of Reporting Person Date", ast::section_kind::signature_caption},
        {"SIGNATURE OF REPORTING PERSON", ast::section_kind::signature_caption},
        {"Reporting Owners", ast::section_kind::reporting_owners},
        {"Reminder: Report on a separate line", ast::section_kind::trailer},
    };
    for (const auto& c : cases) {
        ast::section_kind kind{};
        EXPECT_TRUE(f.parse(g::section_title(), c.line, kind, false)) << c.line;
        EXPECT_EQ(kind, c.kind) << c.line;
    }
    ast::section_kind kind{};
    EXPECT_FALSE(f.parse(g::section_title(), "Tables of contents", kind, false));
    EXPECT_FALSE(f.parse(g::section_title(), "Remarks about the weather", kind, false));
}

TEST(TextRules, FootnoteLines) {
    fragment f;
    ast::footnote_line line;
    ASSERT_TRUE(f.parse(g::footnote_line(), "1. The option vested.", line));
    EXPECT_EQ(line.number, "1");
    EXPECT_EQ(line.text, "The option vested.");
    line = {};
    ASSERT_TRUE(f.parse(g::footnote_line(), "(12) Held by a trust.", line));
    EXPECT_EQ(line.number, "12");
    line = {};
    ASSERT_TRUE(f.parse(g::footnote_line(), "\xE2\x81\xBD\xC2\xB3\xE2\x81\xBE Held", line));
    EXPECT_EQ(line.number, "3");
    line = {};
    EXPECT_FALSE(f.parse(g::footnote_line(), "1.5 million shares were sold.", line));
}

TEST(TextRules, SignatureLines) {
    fragment f;
    ast::signature_line line;
    ASSERT_TRUE(f.parse(g::signature_line(), "/s/ Charles J. Gray as attorney-in-fact for Edward Harris 07/22/2003", line));
    EXPECT_EQ(line.name, "/s/ Charles J. Gray as attorney-in-fact for Edward Harris");
    ASSERT_TRUE(line.date);
    EXPECT_EQ(line.date->day, 22u);
    line = {};
    ASSERT_TRUE(f.parse(g::signature_line(), "/s/ Jane Doe\tMarch 1, 2024", line));
    EXPECT_EQ(line.name, "/s/ Jane Doe");
    ASSERT_TRUE(line.date);
    line = {};
    ASSERT_TRUE(f.parse(g::signature_line(), "/s/         Alan H. Foster", line));
    EXPECT_EQ(line.name, "/s/         Alan H. Foster");
    EXPECT_FALSE(line.date);
}

}  // namespace
