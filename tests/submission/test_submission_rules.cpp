// Each rule of the submission grammar on fragments, through its accessor.
#include <gtest/gtest.h>

#include <string>

#include "rule_harness.hpp"

namespace ast = form4::grammar::submission::ast;
namespace envelope = form4::grammar::envelope;
using form4::testing::run_envelope_rule;

namespace {
std::string range_text(const ast::text_range& range) { return std::string(range.begin(), range.end()); }
}  // namespace

// ---- text form --------------------------------------------------------------

TEST(TextField, ReadsKeyAndValueSeparatedByTabs) {
    ast::field field;
    std::string input = "ACCESSION NUMBER:\t\t0000320193-22-000061\nNEXT: x\n";
    auto outcome = run_envelope_rule(envelope::text_field(), input, field);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(field.key, "ACCESSION NUMBER");
    EXPECT_EQ(field.value, "0000320193-22-000061");
    EXPECT_EQ(outcome.consumed, input.find("NEXT"));
}

TEST(TextField, KeepsColonsInTheValueAndTrimsTrailingBlanks) {
    ast::field field;
    auto outcome = run_envelope_rule(envelope::text_field(), "BUSINESS PHONE:\t\t(408) 996-1010 ext: 2 \t\n", field);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(field.key, "BUSINESS PHONE");
    EXPECT_EQ(field.value, "(408) 996-1010 ext: 2");
}

TEST(TextField, EmptyValueIsAField) {
    ast::field field;
    ASSERT_TRUE(run_envelope_rule(envelope::text_field(), "ORGANIZATION NAME:           \t\n", field).matched);
    EXPECT_EQ(field.key, "ORGANIZATION NAME");
    EXPECT_EQ(field.value, "");
}

TEST(TextField, WrappedValueContinuesOnIndentedLinesWithoutAKey) {
    ast::field field;
    std::string input =
        "COMPANY CONFORMED NAME:\t\t\tA VERY LONG LIMITED PARTNERSHIP NAME THAT\n"
        "\t\t\tDID NOT FIT ON ONE LINE\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0001058465\n";
    auto outcome = run_envelope_rule(envelope::text_field(), input, field);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(field.value, "A VERY LONG LIMITED PARTNERSHIP NAME THAT DID NOT FIT ON ONE LINE");
    // The next "KEY:" line is not a continuation.
    EXPECT_EQ(outcome.consumed, input.find("\t\tCENTRAL"));
}

TEST(TextField, CrOnlyLineEndsEndTheField) {
    ast::field field;
    std::string input = "CITY:\t\t\tCUPERTINO\rSTATE:\t\t\tCA\r";
    auto outcome = run_envelope_rule(envelope::text_field(), input, field);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(field.value, "CUPERTINO");
    EXPECT_EQ(outcome.consumed, input.find("STATE"));
}

TEST(TextField, ATagLineIsNotATextField) {
    ast::field field;
    EXPECT_FALSE(run_envelope_rule(envelope::text_field(), "<ACCEPTANCE-DATETIME>20220506183057\n", field).matched);
}

TEST(TextGroup, ReadsTheGroupNameAndItsIndentedFields) {
    ast::group group;
    std::string input =
        "\tOWNER DATA:\t\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tAdams Katherine L.\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0001462356\n"
        "\n"
        "\tFILING VALUES:\n";
    auto outcome = run_envelope_rule(envelope::text_group(), input, group);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(group.name, "OWNER DATA");
    ASSERT_EQ(group.fields.size(), 2u);
    EXPECT_EQ(group.fields[1].key, "CENTRAL INDEX KEY");
    EXPECT_EQ(group.fields[1].value, "0001462356");
    EXPECT_EQ(outcome.consumed, input.find("\n\n") + 1);
}

TEST(TextGroup, AStrayLineInsideAGroupIsAnErrorStrictlyAndSkippedLeniently) {
    std::string input =
        "\tMAIL ADDRESS:\t\n"
        "\t\t????\n"   // not after a field, so not a wrapped value
        "\t\tSTREET 1:\t\tONE APPLE PARK WAY\n"
        "\t\tCITY:\t\t\tCUPERTINO\n";
    ast::group strict_group;
    auto strict = run_envelope_rule(envelope::text_group(), input, strict_group);
    EXPECT_TRUE(strict.threw);
    ASSERT_EQ(strict.diagnostics.size(), 1u);
    EXPECT_EQ(strict.diagnostics[0].line, 2u);

    ast::group lenient_group;
    auto lenient = run_envelope_rule(envelope::text_group(), input, lenient_group, true);
    ASSERT_TRUE(lenient.matched);
    ASSERT_EQ(lenient_group.fields.size(), 2u);
    EXPECT_EQ(lenient_group.fields[1].value, "CUPERTINO");
    ASSERT_EQ(lenient.diagnostics.size(), 1u);
    EXPECT_EQ(lenient.diagnostics[0].level, form4::severity::warning);
}

TEST(TextBlock, ReportingOwnerBlockHoldsItsGroups) {
    ast::block block;
    std::string input =
        "REPORTING-OWNER:\t\n"
        "\n"
        "\tOWNER DATA:\t\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tAdams Katherine L.\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0001462356\n"
        "\n"
        "\tFILING VALUES:\n"
        "\t\tFORM TYPE:\t\t4\n"
        "\t\tSEC ACT:\t\t1934 Act\n"
        "\t\tSEC FILE NUMBER:\t001-36743\n"
        "\n"
        "\tMAIL ADDRESS:\t\n"
        "\t\tSTREET 1:\t\tAPPLE INC.\n"
        "\t\tZIP:\t\t\t95014\n"
        "\n"
        "ISSUER:\t\t\n";
    auto outcome = run_envelope_rule(envelope::text_block(), input, block);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(block.name, "REPORTING-OWNER");
    ASSERT_EQ(block.groups.size(), 3u);
    EXPECT_EQ(block.groups[1].name, "FILING VALUES");
    ASSERT_EQ(block.groups[1].fields.size(), 3u);
    EXPECT_EQ(block.groups[1].fields[2].value, "001-36743");
    EXPECT_EQ(block.groups[2].fields[0].value, "APPLE INC.");
    // The blank line before the next block is left for the header.
    EXPECT_EQ(outcome.consumed, input.find("\nISSUER") + 0);
}

TEST(TextBlock, AFieldWithAValueIsNotABlock) {
    ast::block block;
    EXPECT_FALSE(run_envelope_rule(envelope::text_block(), "FILED AS OF DATE:\t\t20220506\n", block).matched);
}

TEST(TextHeader, ReadsTopLevelFieldsTagsAndBlocks) {
    ast::header header;
    std::string input =
        "<SEC-HEADER>0000320193-22-000061.hdr.sgml : 20220506\n"
        "<ACCEPTANCE-DATETIME>20220506183057\n"
        "ACCESSION NUMBER:\t\t0000320193-22-000061\n"
        "CONFORMED SUBMISSION TYPE:\t4\n"
        "FILED AS OF DATE:\t\t20220506\n"
        "\n"
        "ISSUER:\t\t\n"
        "\n"
        "\tCOMPANY DATA:\t\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000320193\n"
        "</SEC-HEADER>\n";
    auto outcome = run_envelope_rule(envelope::text_header(), input, header);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.size());
    ASSERT_EQ(header.fields.size(), 4u);
    EXPECT_EQ(header.fields[0].key, "ACCEPTANCE-DATETIME");
    EXPECT_EQ(header.fields[3].value, "20220506");
    ASSERT_EQ(header.blocks.size(), 1u);
    EXPECT_EQ(header.blocks[0].groups.at(0).fields.at(0).value, "0000320193");
}

TEST(TextHeader, StrayLineIsAnErrorWithItsPositionWhenStrict) {
    ast::header header;
    std::string input = "<SEC-HEADER>x\nACCESSION NUMBER:\t1\n???\n</SEC-HEADER>\n";
    auto outcome = run_envelope_rule(envelope::text_header(), input, header);
    EXPECT_TRUE(outcome.threw);
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_EQ(outcome.diagnostics[0].code, "submission.header-line");
    EXPECT_EQ(outcome.diagnostics[0].line, 3u);
    EXPECT_EQ(outcome.diagnostics[0].column, 1u);
}

TEST(TextHeader, StrayLineIsSkippedWithAWarningWhenLenient) {
    ast::header header;
    std::string input = "<SEC-HEADER>x\nACCESSION NUMBER:\t1\n???\n</SEC-HEADER>\n";
    auto outcome = run_envelope_rule(envelope::text_header(), input, header, true);
    ASSERT_TRUE(outcome.matched);
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_EQ(outcome.diagnostics[0].level, form4::severity::warning);
    EXPECT_EQ(header.fields.size(), 1u);
}

TEST(TextHeader, MissingEndTagIsExpected) {
    ast::header header;
    auto outcome = run_envelope_rule(envelope::text_header(), "<SEC-HEADER>x\nACCESSION NUMBER:\t1\n<DOCUMENT>\n",
                                     header);
    EXPECT_TRUE(outcome.threw);
    EXPECT_EQ(outcome.expected, "</SEC-HEADER>");
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_EQ(outcome.diagnostics[0].line, 3u);
}

// ---- tag form ---------------------------------------------------------------

TEST(TagField, ReadsNameAndValue) {
    ast::field field;
    std::string input = "<CIK>0001674334\r<ORGANIZATION-NAME>\r";
    auto outcome = run_envelope_rule(envelope::tag_field(), input, field);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(field.key, "CIK");
    EXPECT_EQ(field.value, "0001674334");
    EXPECT_EQ(outcome.consumed, input.find("<ORG"));
}

TEST(TagField, AClosingTagIsNotAField) {
    ast::field field;
    EXPECT_FALSE(run_envelope_rule(envelope::tag_field(), "</OWNER-DATA>\n", field).matched);
}

TEST(TagGroup, ReadsFieldsUpToItsOwnClosingTag) {
    ast::group group;
    std::string input =
        "<OWNER-DATA>\r<CONFORMED-NAME>SMITH DARLA M\r<CIK>0001674334\r<ORGANIZATION-NAME>\r</OWNER-DATA>\r<X>";
    auto outcome = run_envelope_rule(envelope::tag_group(), input, group);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(group.name, "OWNER-DATA");
    ASSERT_EQ(group.fields.size(), 3u);
    EXPECT_EQ(group.fields[2].key, "ORGANIZATION-NAME");
    EXPECT_EQ(group.fields[2].value, "");
    EXPECT_EQ(outcome.consumed, input.find("<X>"));
}

TEST(TagGroup, AnotherElementsClosingTagDoesNotCloseIt) {
    ast::group group;
    EXPECT_FALSE(
        run_envelope_rule(envelope::tag_group(), "<ORGANIZATION-NAME>\n<CIK>1\n</OWNER-DATA>\n", group).matched);
}

TEST(TagBlock, ReportingOwnerWithNestedGroupsAndCrOnlyLines) {
    ast::block block;
    std::string input =
        "<REPORTING-OWNER>\r<OWNER-DATA>\r<CONFORMED-NAME>Jean-Claude Carine Lamercie\r<CIK>0001870985\r"
        "<ORGANIZATION-NAME>\r</OWNER-DATA>\r<FILING-VALUES>\r<FORM-TYPE>4\r<ACT>34\r<FILE-NUMBER>001-04482\r"
        "</FILING-VALUES>\r<MAIL-ADDRESS>\r<STREET1>9151 E PANORAMA CIR\r</MAIL-ADDRESS>\r</REPORTING-OWNER>\r";
    auto outcome = run_envelope_rule(envelope::tag_block(), input, block);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.size());
    EXPECT_EQ(block.name, "REPORTING-OWNER");
    ASSERT_EQ(block.groups.size(), 3u);
    EXPECT_EQ(block.groups[0].fields.at(1).value, "0001870985");
    EXPECT_EQ(block.groups[1].name, "FILING-VALUES");
    EXPECT_EQ(block.groups[1].fields.at(2).value, "001-04482");
}

// 1990s .txt headers: text-form groups inside a tag block, the group at the
// line start and its fields one tab in, and a <RELATIONSHIP> line.
TEST(TagBlock, OldTextHeaderReportingOwnerWithFlatGroups) {
    ast::block block;
    std::string input =
        "<REPORTING-OWNER>\n\nCOMPANY DATA:\n\tCOMPANY CONFORMED NAME:\t\t\tCANTALUPO JAMES R\n"
        "\tCENTRAL INDEX KEY:\t\t\t0001012325\n<RELATIONSHIP>DIRECTOR\n\nMAIL ADDRESS:\n"
        "\tSTREET 1:\t\t100 NORTH RIVERSIDE PLAZA\n\tCITY:\t\t\tCHICAGO\n</REPORTING-OWNER>\n";
    auto outcome = run_envelope_rule(envelope::tag_block(), input, block);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.size());
    ASSERT_EQ(block.groups.size(), 3u);
    EXPECT_EQ(block.groups[0].name, "COMPANY DATA");
    ASSERT_EQ(block.groups[0].fields.size(), 2u);
    EXPECT_EQ(block.groups[0].fields[1].value, "0001012325");
    EXPECT_EQ(block.groups[1].fields.at(0).key, "RELATIONSHIP");   // a loose field
    EXPECT_EQ(block.groups[1].fields.at(0).value, "DIRECTOR");
    EXPECT_EQ(block.groups[2].name, "MAIL ADDRESS");
    EXPECT_EQ(block.groups[2].fields.at(1).value, "CHICAGO");
}

TEST(TagHeader, StopsAtTheFirstDocument) {
    ast::header header;
    std::string input =
        "<ACCESSION-NUMBER>0000002488-24-000005\n<TYPE>4\n<ISSUER>\n<COMPANY-DATA>\n<CIK>0000002488\n"
        "</COMPANY-DATA>\n</ISSUER>\n<DOCUMENT>\n<TYPE>4\n";
    auto outcome = run_envelope_rule(envelope::tag_header(), input, header);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.find("<DOCUMENT>"));
    ASSERT_EQ(header.fields.size(), 2u);
    EXPECT_EQ(header.fields[1].key, "TYPE");
    ASSERT_EQ(header.blocks.size(), 1u);
    EXPECT_EQ(header.blocks[0].name, "ISSUER");
}

// ---- documents --------------------------------------------------------------

TEST(DocumentPart, ReadsItsFieldsAndTheXmlBetweenItsTags) {
    ast::document_part part;
    std::string input =
        "<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<FILENAME>edgar.xml\n<DESCRIPTION>PRIMARY DOCUMENT\n<TEXT>\n<XML>\n"
        "<?xml version=\"1.0\"?>\n<ownershipDocument>\n</ownershipDocument>\n</XML>\n</TEXT>\n</DOCUMENT>\n";
    auto outcome = run_envelope_rule(envelope::document_part(), input, part);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.size());
    ASSERT_EQ(part.fields.size(), 4u);
    EXPECT_EQ(part.fields[2].key, "FILENAME");
    EXPECT_EQ(part.fields[2].value, "edgar.xml");
    EXPECT_EQ(part.fields[3].value, "PRIMARY DOCUMENT");
    ASSERT_TRUE(part.has_xml);
    EXPECT_EQ(range_text(part.xml), "<?xml version=\"1.0\"?>\n<ownershipDocument>\n</ownershipDocument>\n");
}

TEST(DocumentPart, ADocumentWithoutXmlKeepsItsText) {
    ast::document_part part;
    std::string input =
        "<DOCUMENT>\r<TYPE>EX-24\r<SEQUENCE>2\r<TEXT>\r<HTML>power of attorney</HTML>\r</TEXT>\r</DOCUMENT>";
    auto outcome = run_envelope_rule(envelope::document_part(), input, part);
    ASSERT_TRUE(outcome.matched);
    EXPECT_FALSE(part.has_xml);
    EXPECT_EQ(range_text(part.text), "<HTML>power of attorney</HTML>\r");
}

TEST(DocumentPart, WrappedXmlLinesAreKeptByteForByte) {
    // EDGAR wrapped old documents at 1,023 characters, even inside a tag.
    ast::document_part part;
    std::string xml(1023, 'x');
    xml += "</fo\notnote>\n";
    std::string input = "<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n" + xml + "</XML>\n</TEXT>\n</DOCUMENT>\n";
    ASSERT_TRUE(run_envelope_rule(envelope::document_part(), input, part).matched);
    EXPECT_EQ(range_text(part.xml), xml);
}

TEST(DocumentPart, MissingTextEndIsExpectedWithItsPosition) {
    ast::document_part part;
    std::string input = "<DOCUMENT>\n<TYPE>4\n<TEXT>\nabc\n</DOCUMENT>\n";
    auto outcome = run_envelope_rule(envelope::document_part(), input, part);
    EXPECT_TRUE(outcome.threw);
    EXPECT_EQ(outcome.expected, "</TEXT>");
    ASSERT_EQ(outcome.diagnostics.size(), 1u);
    EXPECT_EQ(outcome.diagnostics[0].line, 6u);   // the text ran to the end of the input
}

TEST(Submission, PrivacyEnhancedWrapperAndTwoDocuments) {
    ast::submission parsed;
    std::string input =
        "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\nOriginator-Key-Asymmetric:\n"
        " MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen\n\n"
        "<SEC-DOCUMENT>0000019446-06-000081.txt : 20061019\n<SEC-HEADER>0000019446-06-000081.hdr.sgml : 20061019\n"
        "ACCESSION NUMBER:\t\t0000019446-06-000081\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n<ownershipDocument/>\n</XML>\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-24\n<TEXT>\npower\n</TEXT>\n</DOCUMENT>\n"
        "</SEC-DOCUMENT>\n-----END PRIVACY-ENHANCED MESSAGE-----\n";
    auto outcome = run_envelope_rule(envelope::submission(), input, parsed);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.size());
    ASSERT_EQ(parsed.head.fields.size(), 1u);
    EXPECT_EQ(parsed.head.fields[0].value, "0000019446-06-000081");
    ASSERT_EQ(parsed.documents.size(), 2u);
    EXPECT_TRUE(parsed.documents[0].has_xml);
    EXPECT_FALSE(parsed.documents[1].has_xml);
}

TEST(Submission, FeedFileWithCrOnlyLines) {
    ast::submission parsed;
    std::string input =
        "<SUBMISSION>\n<ACCESSION-NUMBER>0001127602-25-004598\r<TYPE>4\r<FILING-DATE>20250213\r"
        "<DOCUMENT>\r<TYPE>4\r<TEXT>\r<XML>\r<ownershipDocument/>\r</XML>\r</TEXT>\r</DOCUMENT>\r</SUBMISSION>\r";
    auto outcome = run_envelope_rule(envelope::submission(), input, parsed);
    ASSERT_TRUE(outcome.matched);
    EXPECT_EQ(outcome.consumed, input.size());
    ASSERT_EQ(parsed.head.fields.size(), 3u);
    EXPECT_EQ(parsed.head.fields[2].value, "20250213");
    ASSERT_EQ(parsed.documents.size(), 1u);
    EXPECT_EQ(range_text(parsed.documents[0].xml), "<ownershipDocument/>\r");
}
