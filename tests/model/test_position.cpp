// grammar::position_counter: 1-based line and column of a place in the input,
// as every diagnostic and source position reports it. Checked against a plain
// byte-by-byte count on inputs with each kind of line end and multi-byte text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>

#include "form4/grammar/position.hpp"

namespace {

// The definition, byte by byte: CRLF, LF and a lone CR each end a line; a
// column counts characters (bytes that do not continue a UTF-8 sequence).
std::pair<std::size_t, std::size_t> counted_by_hand(const std::string& text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

void expect_every_offset_right(const std::string& text) {
    form4::grammar::position_counter count(text.data(), text.data() + text.size());
    for (std::size_t offset = 0; offset <= text.size(); ++offset)  // in order: the counter resumes
        ASSERT_EQ(count(text.data() + offset), counted_by_hand(text, offset)) << "offset " << offset;
    // Asked out of order, it starts again and still agrees.
    for (std::size_t offset : {text.size() / 2, std::size_t{0}, text.size()})
        EXPECT_EQ(count(text.data() + offset), counted_by_hand(text, offset));
}

TEST(PositionCounter, LfCrlfAndMultiByteText) {
    expect_every_offset_right("<a>\n  <b>caf\xC3\xA9 \xE2\x82\xAC 1</b>\r\n\r\n        <c>long line of plain text</c>\n");
}

TEST(PositionCounter, LoneCarriageReturnsEndLinesToo) {
    expect_every_offset_right("<SUBMISSION>\r<ACCESSION-NUMBER>1\r\r<TYPE>4 \xC3\xA9t\xC3\xA9\r\n</SUBMISSION>\r");
}

TEST(PositionCounter, RandomMixturesAgreeWithTheByteByByteCount) {
    std::mt19937 random(20261124);
    const std::string pieces[] = {"\n", "\r", "\r\n", " ", "        ", "x", "<tag>", "\xC3\xA9", "\xE2\x82\xAC",
                                  "\xF0\x9F\x98\x80", "0123456789abcdef"};
    for (int round = 0; round < 50; ++round) {
        std::string text;
        for (int i = 0; i < 200; ++i) text += pieces[random() % std::size(pieces)];
        expect_every_offset_right(text);
    }
}

}  // namespace
