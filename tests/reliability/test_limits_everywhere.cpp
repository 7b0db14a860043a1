// Every limit covers every way a value arrives: attribute values and names
// as well as element text; and a long name is cut in the messages that show it.
#include <string>

#include <gtest/gtest.h>

#include "form4/parse.hpp"
#include "reliability_support.hpp"

namespace form4::testing {
namespace {

parse_options small_strings(bool lenient = false) {  // NOLINT
    auto options = options_for(input_format::xml, lenient);
    options.limits.max_string_bytes = 1000;
    return options;
}

TEST(LimitsEverywhere, AFootnoteIdAttributeOverTheStringLimitIsAStringLengthError) {
    xml_skeleton doc;
    doc.shares_content = "<value>100</value><footnoteId id=\"" + std::string(5000, 'F') + "\"/>";
    doc.footnotes = "<footnote id=\"F1\">x</footnote>";
    expect_limit_error(parse(doc.str(), small_strings()), "limit.string-length");
}

TEST(LimitsEverywhere, AnyAttributeValueOverTheStringLimitIsAStringLengthError) {
    xml_skeleton doc;
    doc.root_attributes = " xmlns:junk=\"" + std::string(5000, 'j') + "\"";
    expect_limit_error(parse(doc.str(), small_strings()), "limit.string-length");
}

TEST(LimitsEverywhere, AnAttributeValueWithinTheLimitIsRead) {
    xml_skeleton doc;
    doc.root_attributes = " xmlns:junk=\"" + std::string(900, 'j') + "\"";
    EXPECT_TRUE(parse(doc.str(), small_strings()).ok());
}

TEST(LimitsEverywhere, AnElementNameOverTheStringLimitIsAStringLengthError) {
    xml_skeleton doc;
    std::string name(5000, 'n');
    doc.extra_elements = "<" + name + ">1</" + name + ">";
    expect_limit_error(parse(doc.str(), small_strings()), "limit.string-length");
}

TEST(LimitsEverywhere, AnAttributeNameOverTheStringLimitIsAStringLengthError) {
    xml_skeleton doc;
    doc.root_attributes = " " + std::string(5000, 'a') + "=\"1\"";
    expect_limit_error(parse(doc.str(), small_strings()), "limit.string-length");
}

// A 1 MB element name, within the default limits: every message that names
// it shows at most its first bytes.
TEST(LimitsEverywhere, LongNamesAreCutInMessages) {
    std::string name(1'000'000, 'n');
    xml_skeleton unknown;
    unknown.extra_elements = "<" + name + ">1</" + name + ">";
    xml_skeleton unclosed;
    unclosed.extra_elements = "<" + name + ">1";
    std::string wrong_root = "<" + name + "/>";
    for (const auto& [what, text, lenient] :
         {std::tuple{"unknown element", unknown.str(), false}, std::tuple{"unclosed", unclosed.str(), false},
          std::tuple{"unclosed, lenient", unclosed.str(), true}, std::tuple{"root", wrong_root, false}}) {
        SCOPED_TRACE(what);
        auto result = parse(text, options_for(input_format::xml, lenient));
        ASSERT_FALSE(result.diagnostics.empty());
        for (const auto& d : result.diagnostics) EXPECT_LT(d.message.size(), 400u) << d.message.substr(0, 400);
    }
}

}  // namespace
}  // namespace form4::testing
