// Nothing dropped in silence: what the parser does not keep is at least a
// warning, a document without what the schema requires is an error in
// strict mode, and characters XML forbids are errors.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "form4/grammar/xml/lexical.hpp"
#include "form4/parse.hpp"
#include "reliability_support.hpp"

namespace form4::testing {
namespace {

TEST(NothingLost, AMisspelledElementIsAWarningInStrictMode) {
    xml_skeleton doc;
    doc.shares_content = "<value>472</value>";
    std::string text = doc.str();
    // <transactionShare> for <transactionShares>: the field would be empty.
    auto at = text.find("<transactionShares>");
    text.replace(at, 19, "<transactionShare>");
    at = text.find("</transactionShares>");
    text.replace(at, 20, "</transactionShare>");
    auto result = parse(text, options_for(input_format::xml));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(count_code(result, severity::warning, "xml.unknown-element"), 1u);
    EXPECT_EQ(count_code(result, severity::note, "xml.unknown-element"), 0u);
}

TEST(NothingLost, ATagNameWithANulByteIsAnError) {
    xml_skeleton doc;
    doc.extra_elements = std::string("<x\0y>1</x\0y>", 13);
    auto result = parse(doc.str(), options_for(input_format::xml));
    EXPECT_FALSE(result.ok());
    ASSERT_NE(first_error(result), nullptr);
    EXPECT_EQ(first_error(result)->code, "xml.illegal-character");
}

// A flood of unknown elements: a few warnings and a count, not one
// diagnostic per element (which cost 40 times the input's size).
TEST(NothingLost, ManyUnknownElementsAreCountedNotListed) {
    xml_skeleton doc;
    doc.extra_elements = repeat("<futureElement>1</futureElement>", 50'000);
    auto result = parse(doc.str(), options_for(input_format::xml));
    ASSERT_TRUE(result.ok());
    std::size_t warnings = count_code(result, severity::warning, "xml.unknown-element");
    EXPECT_LE(warnings, 101u);
    EXPECT_GE(warnings, 100u);
    const diagnostic& last = result.diagnostics.back();
    EXPECT_NE(last.message.find("50000 unknown elements"), std::string::npos) << last.message;
}

TEST(NothingLost, AnEmptyOwnershipDocumentIsAnErrorInStrictMode) {
    auto result = parse("<ownershipDocument></ownershipDocument>", options_for(input_format::xml));
    EXPECT_FALSE(result.ok());
    const diagnostic* error = first_error(result);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, "xml.missing-required");
    EXPECT_EQ(error->line, 1u);
    EXPECT_EQ(error->column, 1u);
}

TEST(NothingLost, AnEmptyOwnershipDocumentWarnsOfEachMissingElementWhenLenient) {
    auto result = parse("<ownershipDocument></ownershipDocument>", options_for(input_format::xml, true));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(count_code(result, severity::warning, "xml.missing-required"), 5u);
}

TEST(NothingLost, EachRequiredElementIsRequired) {
    const std::string whole = xml_skeleton{}.str();
    for (std::string element : {"documentType", "periodOfReport", "issuer", "reportingOwner", "ownerSignature"}) {
        SCOPED_TRACE(element);
        std::string text = whole;
        auto begin = text.find("<" + element + ">");
        auto end = text.find("</" + element + ">");
        ASSERT_NE(begin, std::string::npos);
        text.erase(begin, end + element.size() + 3 - begin);
        auto result = parse(text, options_for(input_format::xml));
        EXPECT_FALSE(result.ok());
        ASSERT_NE(first_error(result), nullptr);
        EXPECT_EQ(first_error(result)->code, "xml.missing-required");
        EXPECT_NE(first_error(result)->message.find(element), std::string::npos) << first_error(result)->message;
    }
    EXPECT_TRUE(parse(whole, options_for(input_format::xml)).ok());
}

// &#1;, &#x1B; and &#xFFFE; are not XML characters (XML 1.0, production 2).
TEST(NothingLost, CharacterReferencesToNonCharactersAreErrors) {
    for (std::string reference : {"&#1;", "&#x1B;", "&#xFFFE;", "&#xFFFF;", "&#0;", "&#xD800;"}) {
        SCOPED_TRACE(reference);
        xml_skeleton doc;
        doc.remarks = "a" + reference + "b";
        auto result = parse(doc.str(), options_for(input_format::xml));
        EXPECT_FALSE(result.ok());
        ASSERT_NE(first_error(result), nullptr);
        EXPECT_EQ(first_error(result)->code, "xml.illegal-character");
        EXPECT_GT(first_error(result)->line, 0u);
    }
    xml_skeleton allowed;
    allowed.remarks = "&#9;&#xA;&#xD;&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;";
    EXPECT_TRUE(parse(allowed.str(), options_for(input_format::xml)).ok());
}

TEST(NothingLost, RawNonCharactersAreErrorsWithTheirPosition) {
    for (std::string raw : {std::string(1, '\x01'), std::string(1, '\x1B'), std::string(1, '\0'),
                            std::string("\xEF\xBF\xBE"), std::string("\xEF\xBF\xBF")}) {
        xml_skeleton doc;
        doc.remarks = "ab" + raw + "cd";
        std::string text = doc.str();
        auto result = parse(text, options_for(input_format::xml));
        EXPECT_FALSE(result.ok());
        const diagnostic* error = first_error(result);
        ASSERT_NE(error, nullptr);
        EXPECT_EQ(error->code, "xml.illegal-character");
        auto [line, column] = std::pair<std::size_t, std::size_t>{0, 0};
        std::size_t at = text.find("ab" + raw) + 2;
        line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
        column = at - text.rfind('\n', at - 1);
        EXPECT_EQ(error->line, line);
        EXPECT_EQ(error->column, column);
    }
}

TEST(NothingLost, RawNonCharactersAreWarningsWhenLenient) {
    xml_skeleton doc;
    doc.remarks = "a\x01z";
    auto result = parse(doc.str(), options_for(input_format::xml, true));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(count_code(result, severity::warning, "xml.illegal-character"), 1u);
}

TEST(NothingLost, TabsLineEndsAndOtherTextAreNotIllegal) {
    xml_skeleton doc;
    doc.remarks = "a\tb\r\nc\xC3\xA9 \xEF\xBF\xBD";   // U+FFFD is a character
    auto result = parse(doc.str(), options_for(input_format::xml));
    EXPECT_TRUE(result.ok()) << (first_error(result) ? first_error(result)->message : "");
    EXPECT_EQ(find_code(result, "xml.illegal-character"), nullptr);
}

// The sixteen-bytes-at-once scan finds the same first character as a byte
// loop, at every offset within and across a block, a sequence split over
// two blocks included.
TEST(NothingLost, TheIllegalCharacterScanFindsEveryOffset) {
    namespace scan = form4::grammar::xml::scan;
    for (std::string bad : {std::string(1, '\0'), std::string(1, '\x1F'), std::string("\xEF\xBF\xBE"),
                            std::string("\xEF\xBF\xBF")}) {
        for (std::size_t at = 0; at < 48; ++at) {
            std::string text(at, 'a');
            text += "\t\n\r\xEF\xBF\xBD";   // allowed, and like the bad ones
            std::size_t expected = text.size();
            text += bad + std::string(40, 'b');
            const char* found = scan::first_illegal_char(text.data(), text.data() + text.size(), true);
            EXPECT_EQ(static_cast<std::size_t>(found - text.data()), expected) << "offset " << at;
            // Latin-1 text: EF BF BE are three letters.
            const char* latin1 = scan::first_illegal_char(text.data(), text.data() + text.size(), false);
            EXPECT_EQ(static_cast<std::size_t>(latin1 - text.data()), bad.size() == 1 ? expected : text.size());
        }
    }
}

}  // namespace
}  // namespace form4::testing
