// What any XML reader must accept, and where it must say no.
#include <gtest/gtest.h>

#include "form4/grammar/utf8.hpp"
#include "form4/grammar/xml/lexical.hpp"
#include "form4/parse.hpp"

#include <utility>

namespace {

form4::parse_result parse_xml(std::string_view text, bool lenient = false) {
    form4::parse_options options;
    options.format = form4::input_format::xml;
    options.lenient = lenient;
    return form4::parse(text, options);
}

// What every schema version requires (a document without it is an error in
// strict mode), each added after `body` unless the body has its own.
constexpr std::pair<std::string_view, std::string_view> required_elements[] = {
    {"<documentType>", "<documentType>4</documentType>"},
    {"<periodOfReport>", "<periodOfReport>2024-01-02</periodOfReport>"},
    {"<issuer>", "<issuer><issuerCik>0000000001</issuerCik></issuer>"},
    {"<reportingOwner>", "<reportingOwner><reportingOwnerId><rptOwnerCik>0000000002</rptOwnerCik>"
                         "</reportingOwnerId></reportingOwner>"},
    {"<ownerSignature>", "<ownerSignature><signatureName>A</signatureName>"
                         "<signatureDate>2024-01-03</signatureDate></ownerSignature>"},
};

std::string wrap(std::string_view body) {
    std::string out = "<ownershipDocument>" + std::string(body);
    for (auto [tag, element] : required_elements)
        if (body.find(tag) == std::string_view::npos) out += element;
    return out + "</ownershipDocument>";
}

const form4::diagnostic* first_error(const form4::parse_result& result) {
    for (const auto& d : result.diagnostics)
        if (d.level == form4::severity::error) return &d;
    return nullptr;
}

}  // namespace

TEST(XmlLexical, DeclarationBomCommentsAndProcessingInstructions) {
    auto result = parse_xml("\xEF\xBB\xBF<?xml version=\"1.0\" encoding='UTF-8'?>\n<!-- made by hand -->\n"
                            "<?xml-stylesheet href=\"x.xsl\"?>\n<!DOCTYPE ownershipDocument [<!ENTITY x \"y\">]>\n" +
                            wrap("<!-- c --><documentType>4</documentType><?pi data?>") + "\n<!-- after -->\n");
    ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics[0].message);
    EXPECT_EQ(result.doc->type.value, form4::document_type::form4);
}

TEST(XmlLexical, EntitiesCharacterReferencesAndCdata) {
    auto result = parse_xml(wrap("<issuer><issuerCik>1</issuerCik><issuerName>A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#65;&#x42;&#xe9;"
                                 "<![CDATA[ <raw> & ]]></issuerName></issuer>"));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.doc->issuer.name, "A&B <C> \"D\" 'E' AB\xC3\xA9 <raw> &");
}

TEST(XmlLexical, LineEndsCrLfAndCrOnlyBecomeLf) {
    auto result = parse_xml(wrap("\r<remarks>one\r\ntwo\rthree</remarks>\r") + "\r");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.doc->remarks, "one\ntwo\nthree");
}

TEST(XmlLexical, Latin1DeclaredEncodingBecomesUtf8) {
    auto result = parse_xml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + wrap("<remarks>Soci\xE9t\xE9</remarks>"));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.doc->remarks, "Soci\xC3\xA9t\xC3\xA9");
}

TEST(XmlLexical, UnknownElementsAreSkippedWithAWarning) {
    auto result = parse_xml(wrap("<futureElement a=\"1\"><nested><deeper/></nested>text</futureElement>"
                                 "<documentType>5</documentType>"));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.doc->type.text, "5");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].level, form4::severity::warning);
    EXPECT_EQ(result.diagnostics[0].code, "xml.unknown-element");
}

TEST(XmlLexical, ValuesAreTrimmedButInnerSpaceIsKept) {
    auto result = parse_xml(wrap("<remarks>\n   Exhibit  List:\tPOA   \n</remarks>"));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.doc->remarks, "Exhibit  List:\tPOA");
}

TEST(XmlLexical, WrongRootIsAnErrorWithPosition) {
    auto result = parse_xml("<?xml version=\"1.0\"?>\n<edgarSubmission></edgarSubmission>");
    EXPECT_FALSE(result.ok());
    const auto* error = first_error(result);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, "xml.expected-root");
    EXPECT_EQ(error->line, 2u);
    EXPECT_EQ(error->column, 1u);
}

TEST(XmlLexical, MismatchedEndTagStrictAndLenient) {
    std::string text = "<ownershipDocument>\n<remarks>abc</remark>\n<documentType>4</documentType>\n</ownershipDocument>";
    auto strict = parse_xml(text);
    EXPECT_FALSE(strict.ok());
    const auto* error = first_error(strict);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, "xml.mismatched-end-tag");
    EXPECT_EQ(error->line, 2u);
    EXPECT_EQ(error->column, 13u);

    auto lenient = parse_xml(text, true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->remarks, "abc");
    EXPECT_EQ(lenient.doc->type.text, "4");
    EXPECT_FALSE(lenient.has_errors());
    EXPECT_FALSE(lenient.diagnostics.empty());
}

TEST(XmlLexical, MissingEndTagClosedByTheParentInLenientMode) {
    auto lenient = parse_xml(wrap("<issuer><issuerCik>1</issuerCik><issuerName>X</issuer><remarks>r</remarks>"), true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->issuer.name, "X");
    EXPECT_EQ(lenient.doc->remarks, "r");
}

TEST(XmlLexical, TruncatedInputKeepsWhatCameBeforeInLenientMode) {
    std::string text = wrap("<documentType>4</documentType><issuer><issuerCik>0000320193</issuerCik>"
                            "<issuerName>Apple</issuerName></issuer><remarks>cut he");
    text.resize(text.size() - std::string("</ownershipDocument>").size());
    EXPECT_FALSE(parse_xml(text).ok());
    auto lenient = parse_xml(text, true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->issuer.name, "Apple");
    EXPECT_EQ(lenient.doc->remarks, "cut he");
}

TEST(XmlLexical, DamagedSectionIsSkippedAndSiblingsKept) {
    auto lenient = parse_xml(wrap("<issuer><issuerCik>1</issuerCik></issuer>"
                                  "<reportingOwner><reportingOwnerId <<<</reportingOwnerId></reportingOwner>"
                                  "<remarks>kept</remarks>"),
                             true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->issuer.cik, "1");
    EXPECT_EQ(lenient.doc->remarks, "kept");
}

TEST(XmlLexical, BadReferenceStrictError) {
    auto strict = parse_xml(wrap("<remarks>AT&T</remarks>"));
    EXPECT_FALSE(strict.ok());
    auto lenient = parse_xml(wrap("<remarks>AT&T</remarks>"), true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->remarks, "AT&T");
}

TEST(XmlLexical, DepthLimitIsAnErrorNotACrash) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    auto result = parse_xml(wrap(deep));
    EXPECT_FALSE(result.ok());
    auto lenient = parse_xml(wrap(deep), true);
    EXPECT_FALSE(lenient.diagnostics.empty());
}

TEST(XmlLexical, RowLimitIsAnError) {
    form4::parse_options options;
    options.limits.max_rows = 2;
    std::string rows;
    for (int i = 0; i < 3; ++i) rows += "<ownerSignature><signatureName>x</signatureName></ownerSignature>";
    auto result = form4::parse(wrap(rows), options);
    EXPECT_FALSE(result.ok());
    ASSERT_NE(first_error(result), nullptr);
    EXPECT_EQ(first_error(result)->code, "limit.rows");
}

TEST(XmlLexical, StrayLessThanInTextStrictAndLenient) {
    std::string text = wrap("<footnotes><footnote id=\"F1\">price < $5</footnote></footnotes>"
                            "<remarks>kept</remarks><ownerSignature><signatureName>S</signatureName></ownerSignature>");
    auto strict = parse_xml(text);
    EXPECT_FALSE(strict.ok());
    ASSERT_NE(first_error(strict), nullptr);
    EXPECT_EQ(first_error(strict)->code, "xml.stray-lt");
    auto lenient = parse_xml(text, true);
    ASSERT_TRUE(lenient.ok());
    ASSERT_EQ(lenient.doc->footnotes.size(), 1u);
    EXPECT_EQ(lenient.doc->footnotes[0].text, "price < $5");
    EXPECT_EQ(lenient.doc->remarks, "kept");
    EXPECT_EQ(lenient.doc->signatures.size(), 1u);
}

TEST(XmlLexical, StrayLessThanBetweenElementsIsSkippedLeniently) {
    auto lenient = parse_xml(wrap("<remarks>r</remarks> < <documentType>4</documentType>"), true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->type.text, "4");
    EXPECT_FALSE(parse_xml(wrap("<remarks>r</remarks> < <documentType>4</documentType>")).ok());
}

TEST(XmlLexical, InvalidUtf8IsAnErrorStrictlyAndLatin1Leniently) {
    std::string text = wrap("<remarks>Soci\xE9t\xE9 G\xC3\xA9n\xC3\xA9rale</remarks>");
    auto strict = parse_xml(text);
    EXPECT_FALSE(strict.ok());
    ASSERT_NE(first_error(strict), nullptr);
    EXPECT_EQ(first_error(strict)->code, "xml.invalid-utf8");
    auto lenient = parse_xml(text, true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->remarks, "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
    auto valid = parse_xml(wrap("<remarks>G\xC3\xA9n\xC3\xA9rale \xE2\x82\xAC \xF0\x9F\x93\x88</remarks>"));
    ASSERT_TRUE(valid.ok());
}

// The scanners that look at sixteen bytes at once must stop exactly where a
// byte-by-byte loop over the character tables would, for every byte value at
// every offset within and across a block.
TEST(XmlLexical, BlockScannersAgreeWithTheByteTables) {
    namespace scan = form4::grammar::xml::scan;
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t at = 0; at < 40; ++at) {
            std::string names(40, 'a'), spaces(40, ' '), text(40, 'x');
            names[at] = spaces[at] = text[at] = static_cast<char>(byte);
            const char* first = names.data();
            const char* last = first + names.size();
            std::size_t expected_name = scan::is_name_char(static_cast<char>(byte)) ? names.size() : at;
            EXPECT_EQ(static_cast<std::size_t>(scan::name_end(first, last) - first), expected_name) << byte << " at " << at;

            const char* it = spaces.data();
            scan::skip_space(it, spaces.data() + spaces.size());
            std::size_t expected_space = scan::is_space(static_cast<char>(byte)) ? spaces.size() : at;
            EXPECT_EQ(static_cast<std::size_t>(it - spaces.data()), expected_space) << byte << " at " << at;

            for (bool latin1 : {false, true})
                for (bool references : {false, true}) {
                    bool rewritten = byte == '\r' || (byte == '&' && references) || (latin1 && byte >= 0x80);
                    const char* found = scan::next_to_decode(text.data(), text.data() + text.size(), latin1, references);
                    EXPECT_EQ(static_cast<std::size_t>(found - text.data()), rewritten ? at : text.size())
                        << byte << " at " << at << (latin1 ? " latin1" : "") << (references ? " references" : "");
                }

            // read_text stops at '<' and notices '&', CR and bytes past ASCII
            // wherever they fall.
            if (byte == '<' || byte == '&' || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r'))
                continue;  // markup, or control characters other tests cover
            auto result = parse_xml(wrap("<issuer><issuerName>" + text + "</issuerName></issuer>"), true);
            ASSERT_TRUE(result.doc) << byte << " at " << at;
            std::string expected = text;
            if (byte == '\r') expected[at] = '\n';
            if (byte >= 0x80) expected = form4::grammar::utf8::repaired_as_latin1(text);
            if (at == 0 || at == 39) {  // white space at either end is trimmed
                if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r') expected.erase(at == 0 ? 0 : 39, 1);
            }
            EXPECT_EQ(result.doc->issuer.name, expected) << byte << " at " << at;
        }
    }
}
