// The text front end's fast paths (memchr line breaks, plain-value cleaning,
// streams copying runs of words, labels tried only where their first letters
// stand) against the simple code they replaced, on random mixtures of what
// pages hold: every result and every mapped position must be the same.
#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/closing.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/header.hpp"
#include "text/clean.hpp"
#include "text/layout.hpp"

namespace {

namespace x3 = boost::spirit::x3;
namespace g = form4::grammar::text;
namespace ast = form4::grammar::text::ast;
using form4::text::span;

// Random text made of the pieces that matter: words, blanks of every kind,
// line breaks, markup, entities, Markdown escapes, footnote marks, labels.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
    static const std::vector<std::string> parts = {
        "a", "Word", "X", "x", "10%", "1.", "2A.", "-", "|", " ", " ", "  ", "\t", "\n", "\r", "\r\n",
        "\xC2\xA0", "\xC2\xB9", "\xE2\x81\xBD\xC2\xB3\xE2\x81\xBE", "&nbsp;", "&amp;", "&#65;", "&bogus;", "&",
        "<u>", "</u>", "<U>", "<b>", "<input checked=\"\" type=\"checkbox\"/>", "<", ">", "\\$", "\\", "(1)",
        "(Last) (First) (Middle)", "(Street)", "(City) (State) (Zip)", "Name and Address of Reporting Person",
        "name AND address of reporting person", "Issuer Name and Ticker or Trading Symbol", "I.R.S. ", "I .R.S.",
        "IRS or Social Security Number of Reporting Person", "Date of Earliest Transaction", "If Amendment, Date",
        "Relationship of Reporting Person(s) to Issuer", "Individual or Joint/Group Filing", "Check this box",
        "Statement for Month/Year", "FORM 4", "Form 3 Holdings Reported", "[X]", "( )", "__X__", "07/18/2003",
        "Table I", "table ii", "Explanation of Responses:", "Remarks:", "** Signature of Reporting Person",
        "Reporting Owners", "Reminder:", "\xE9"};
    std::uniform_int_distribution<std::size_t> pick(0, parts.size() - 1);
    std::string text;
    for (std::size_t i = 0; i < pieces; ++i) text += parts[pick(rng)];
    return text;
}

// ------------------------------------------------ the code as it was

std::vector<span> reference_split_lines(const char* begin, const char* end) {
    std::vector<span> lines;
    const char* start = begin;
    for (const char* p = begin; p != end; ++p) {
        if (*p == '\n' || *p == '\r') {
            lines.push_back({start, p});
            if (*p == '\r' && p + 1 != end && p[1] == '\n') ++p;
            start = p + 1;
        }
    }
    if (start != end) lines.push_back({start, end});
    return lines;
}

std::size_t reference_blank_width(const char* p, const char* end) {
    if (p == end) return 0;
    if (*p == ' ' || *p == '\t' || *p == '\r') return 1;
    if (end - p >= 2 && p[0] == '\xC2' && p[1] == '\xA0') return 2;
    return 0;
}

// stream::append(text, true) as it was: one piece per word.
void reference_append(std::string& out, g::stream_map& map, span text) {
    const char* p = text.begin;
    bool pending_space = false;
    while (p != text.end) {
        std::size_t w = reference_blank_width(p, text.end);
        if (w || *p == '\n') {
            p += w ? w : 1;
            pending_space = true;
            continue;
        }
        if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
        pending_space = false;
        const char* word = p;
        while (p != text.end && !reference_blank_width(p, text.end) && *p != '\n') ++p;
        map.pieces.push_back({out.size(), word});
        out.append(word, p);
    }
}

// clean_text as it was: untag, decode, squeeze, each into a new string.
std::string reference_clean_text(std::string_view raw) {
    std::string untagged;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char next = i + 1 < raw.size() ? raw[i + 1] : '\0';
        if (raw[i] == '<' && i + 1 < raw.size() &&
            (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')) {
            std::size_t close = raw.find('>', i);
            if (close != std::string_view::npos) {
                untagged += ' ';
                i = close;
                continue;
            }
        }
        if (raw[i] == '\\' && i + 1 < raw.size() && std::ispunct(static_cast<unsigned char>(next))) continue;
        untagged += raw[i];
    }
    std::string decoded = form4::text::decode_entities(untagged);
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        char c = decoded[i];
        bool nbsp = c == '\xC2' && i + 1 < decoded.size() && decoded[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            if (nbsp) ++i;
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// ------------------------------------------------ the comparisons

TEST(TextFastPaths, LinesAreCutAsByteByByte) {
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        std::string text = random_text(rng, round % 40);
        const char* begin = text.data();
        const char* end = begin + text.size();
        auto fast = form4::text::split_lines(begin, end);
        auto slow = reference_split_lines(begin, end);
        ASSERT_EQ(fast.size(), slow.size()) << text;
        for (std::size_t i = 0; i < fast.size(); ++i) {
            EXPECT_EQ(fast[i].begin, slow[i].begin) << text;
            EXPECT_EQ(fast[i].end, slow[i].end) << text;
        }
    }
}

TEST(TextFastPaths, CleanTextIsTheFullCleaning) {
    std::mt19937 rng(11);
    std::string reused = "left over";
    for (int round = 0; round < 5000; ++round) {
        std::string raw = random_text(rng, round % 30);
        std::string expected = reference_clean_text(raw);
        EXPECT_EQ(form4::text::clean_text(raw), expected) << raw;
        form4::text::clean_text_into(raw, reused);
        EXPECT_EQ(reused, expected) << raw;
    }
}

TEST(TextFastPaths, StreamRunsMapEveryPositionAsWordPiecesDid) {
    std::mt19937 rng(13);
    for (int round = 0; round < 2000; ++round) {
        std::string input = random_text(rng, 1 + round % 25);
        // A stream of a few cells, cut where a page's cells would be.
        auto lines = form4::text::split_lines(input.data(), input.data() + input.size());
        form4::text::stream fast;
        std::string slow_text;
        g::stream_map slow_map;
        for (const auto& line : lines) {
            for (const auto& cell : form4::text::split_cells(line)) {
                fast.append(cell, true);
                fast.append_break('\n');
                reference_append(slow_text, slow_map, cell);
                slow_text += '\n';
            }
        }
        ASSERT_EQ(fast.text(), slow_text) << input;
        const g::stream_map& fast_map = fast.map();
        slow_map.stream_begin = slow_text.data();
        // Without a word, neither maps anything (positions stay in each stream).
        ASSERT_EQ(fast_map.pieces.empty(), slow_map.pieces.empty()) << input;
        if (slow_map.pieces.empty()) continue;
        EXPECT_LE(fast_map.pieces.size(), slow_map.pieces.size());
        for (std::size_t offset = 0; offset <= slow_text.size(); ++offset)
            ASSERT_EQ(fast_map.to_source(fast.begin() + offset), slow_map.to_source(slow_text.data() + offset))
                << input << " at " << offset;
    }
}

struct fragment {
    std::vector<form4::diagnostic> diagnostics;

    template <class Rule, class Attribute>
    bool parse(Rule const& rule, std::string_view text, Attribute& attribute) {
        g::parse_state state;
        state.begin = text.data();
        state.end = text.data() + text.size();
        state.diagnostics = &diagnostics;
        g::iterator_type first = text.data();
        g::iterator_type last = text.data() + text.size();
        return x3::parse(first, last, x3::with<g::state_tag>(state)[rule], attribute);
    }
};

TEST(TextFastPaths, LabelsAreFoundInAnyCaseAndSpacing) {
    // The first-letters lookahead must pass every spelling phrase() accepts.
    fragment f;
    ast::header header;
    std::string_view stream =
        "form 4\n"
        "2.issuer name   and ticker or trading symbol <u>ACME CORP [ACME]</u>\n"
        "1. NAME AND\nADDRESS OF REPORTING PERSON * <u>DOE JANE Q</u>\n"
        "(last) (first) (middle)\n<u>1 MAIN ST</u>\n(STREET)\n"
        "<u>BOSTON</u> <u>MA</u> <u>02110</u>\n(city) (state) (zip/postal code)\n"
        "i . r . s . identification number of reporting person (voluntary)\n"
        "3. date of earliest transaction (month/day/year) 01/02/2024\n";
    ASSERT_TRUE(f.parse(g::header(), stream, header));
    EXPECT_TRUE(f.diagnostics.empty());
    EXPECT_EQ(header.form, "4");
    EXPECT_EQ(header.issuer, "<u>ACME CORP [ACME]</u>\n");
    ASSERT_EQ(header.owners.size(), 1u);
    EXPECT_EQ(header.owners[0].name, "<u>DOE JANE Q</u>\n");
    EXPECT_EQ(header.owners[0].street, "<u>1 MAIN ST</u>\n");
    EXPECT_EQ(header.owners[0].city_state_zip, "<u>BOSTON</u> <u>MA</u> <u>02110</u>\n");
    ASSERT_TRUE(header.period);
    EXPECT_EQ(header.period->day, 2u);
}

TEST(TextFastPaths, SectionTitlesBehindMarkupAndBlanks) {
    fragment f;
    ast::section_kind kind{};
    EXPECT_TRUE(f.parse(g::section_title(), " \t\xC2\xA0&nbsp;<B><u>table ii - Derivative", kind));
    EXPECT_EQ(kind, ast::section_kind::table2);
    EXPECT_TRUE(f.parse(g::section_title(), "<U>EXPLANATION OF RESPONSES:", kind));
    EXPECT_EQ(kind, ast::section_kind::explanation);
    EXPECT_FALSE(f.parse(g::section_title(), "<TABLE>", kind));
    EXPECT_FALSE(f.parse(g::section_title(), "Tab", kind));
}

TEST(TextFastPaths, CellOverrunIsReportedWithoutThrowing) {
    // The end of a cell is expected by a parser that reports instead of throwing:
    // the diagnostic is the one the rule's error handler gave.
    fragment f;
    ast::letter_field letter;
    EXPECT_FALSE(f.parse(g::acquired_disposed_cell(), " A,D", letter));
    ASSERT_EQ(f.diagnostics.size(), 1u);
    EXPECT_EQ(f.diagnostics[0].code, "text.expected");
    EXPECT_EQ(f.diagnostics[0].message, "expected end of cell at \",D\"");
    EXPECT_EQ(f.diagnostics[0].column, 3u);
    ast::text_field text;
    EXPECT_TRUE(f.parse(g::text_cell(), "Common Stock (1), (2) ", text));
    EXPECT_EQ(text.text, "Common Stock");
    EXPECT_EQ(text.notes, (std::vector<std::string>{"1", "2"}));
}

}  // namespace
