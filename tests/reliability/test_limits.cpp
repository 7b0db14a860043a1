// Hostile sizes: each parse_limits limit is a clear "limit.*" error with a
// position, never an allocation failure or a hang, and no input takes time
// superlinear in its size (sizes N and 4N are compared in the same test).
#include <cstddef>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "form4/grammar/submission/config.hpp"
#include "form4/parse.hpp"
#include "reliability/reliability_support.hpp"
#include "support/corpus.hpp"

namespace {

using namespace form4;
using namespace form4::testing;

constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();

// ---- document size ----------------------------------------------------------

TEST(Limits, InputOverTheSizeLimitIsRefusedBeforeParsing) {
    std::string input = xml_skeleton{}.str();
    parse_options options = options_for(input_format::xml);
    options.limits.max_input_bytes = input.size() - 1;
    parse_result result = parse(input, options);
    EXPECT_FALSE(result.ok());
    ASSERT_NE(first_error(result), nullptr);
    EXPECT_EQ(first_error(result)->code, "limit.input-size");
    options.limits.max_input_bytes = input.size();
    EXPECT_TRUE(parse(input, options).ok()) << "an input exactly at the limit is allowed";
}

// ---- nesting depth ----------------------------------------------------------

std::string nested_unknown_elements(std::size_t depth) {
    xml_skeleton doc;
    doc.extra_elements = repeat("<wrapper>", depth) + repeat("</wrapper>", depth);
    return doc.str();
}

TEST(Limits, DeepNestingIsADepthErrorWithItsPosition) {
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        parse_result result = parse(nested_unknown_elements(100'000), options_for(input_format::xml, lenient));
        expect_limit_error(result, "limit.depth");
    }
}

TEST(Limits, NestingWithinTheDepthLimitIsRead) {
    parse_options options = options_for(input_format::xml);
    options.limits.max_depth = 64;
    EXPECT_TRUE(parse(nested_unknown_elements(60), options).ok());
    expect_limit_error(parse(nested_unknown_elements(70), options), "limit.depth");
}

TEST(Limits, DeepNestingTakesLinearTime) {
    parse_options options = options_for(input_format::xml);
    expect_linear_time("nesting at the default limit", nested_unknown_elements, 100'000, options,
                       [](const parse_result& result, std::size_t) { expect_limit_error(result, "limit.depth"); });
    options.limits.max_depth = unlimited;
    expect_linear_time("nesting without a depth limit", nested_unknown_elements, 100'000, options,
                       [](const parse_result& result, std::size_t) { EXPECT_TRUE(result.ok()); });
}

// ---- footnote references ------------------------------------------------------

std::string footnote_references(std::size_t count) {
    xml_skeleton doc;
    doc.shares_content = "<value>100</value>" + repeat("<footnoteId id=\"F1\"/>", count);
    doc.footnotes = "<footnote id=\"F1\">Weighted average price.</footnote>";
    return doc.str();
}

TEST(Limits, AMillionFootnoteReferencesIsAFootnoteLimitError) {
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_limit_error(parse(footnote_references(1'000'000), options_for(input_format::xml, lenient)),
                           "limit.footnotes");
    }
}

TEST(Limits, AMillionFootnoteReferencesTakesLinearTime) {
    parse_options options = options_for(input_format::xml);
    options.limits.max_footnotes = unlimited;
    options.limits.max_elements = unlimited;
    expect_linear_time("footnote references", footnote_references, 250'000, options,
                       [](const parse_result& result, std::size_t n) {
                           ASSERT_TRUE(result.ok());
                           ASSERT_EQ(result.doc->non_derivative_transactions.size(), 1u);
                           EXPECT_EQ(result.doc->non_derivative_transactions[0].shares.footnote_ids.size(), n);
                       });
}

// ---- number of footnotes and rows -----------------------------------------------

std::string footnote_definitions(std::size_t count) {
    xml_skeleton doc;
    doc.footnotes.reserve(count * 40);
    for (std::size_t i = 1; i <= count; ++i)
        doc.footnotes += "<footnote id=\"F" + std::to_string(i) + "\">note</footnote>";
    return doc.str();
}

TEST(Limits, MoreFootnotesThanTheLimitIsALimitError) {
    parse_options options = options_for(input_format::xml);
    options.limits.max_footnotes = 100;
    options.limits.max_rows = 100;
    EXPECT_TRUE(parse(footnote_definitions(100), options).ok());
    parse_result result = parse(footnote_definitions(101), options);
    EXPECT_FALSE(result.ok());
    ASSERT_NE(first_error(result), nullptr);
    EXPECT_EQ(first_error(result)->code.rfind("limit.", 0), 0u) << first_error(result)->code;
    EXPECT_GT(first_error(result)->line, 0u);
}

std::string transaction_rows(std::size_t count) {
    const std::string row =
        "<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>"
        "<transactionAmounts><transactionShares><value>1</value></transactionShares></transactionAmounts>"
        "</nonDerivativeTransaction>";
    xml_skeleton doc;
    doc.extra_elements = "<nonDerivativeTable>" + repeat(row, count) + "</nonDerivativeTable>";
    return doc.str();
}

TEST(Limits, MoreRowsThanTheLimitIsARowLimitError) {
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_limit_error(parse(transaction_rows(10'001), options_for(input_format::xml, lenient)), "limit.rows");
    }
    parse_options options = options_for(input_format::xml);
    options.limits.max_rows = 5;
    expect_limit_error(parse(transaction_rows(6), options), "limit.rows");
}

TEST(Limits, ManyRowsTakeLinearTime) {
    parse_options options = options_for(input_format::xml);
    options.limits.max_rows = unlimited;
    // Both sizes keep the row vector under glibc's 32 MiB mmap threshold: above
    // it every allocation costs fresh page faults, a step in the constant
    // factor that a 4N/N ratio would mistake for superlinear time.
    expect_linear_time("transaction rows", transaction_rows, 1'000, options,
                       [](const parse_result& result, std::size_t n) {
                           ASSERT_TRUE(result.ok());
                           // The skeleton's own table is read too.
                           EXPECT_EQ(result.doc->non_derivative_transactions.size(), n + 1);
                       });
}

// ---- string length --------------------------------------------------------------

std::string huge_remarks(std::size_t bytes) {
    xml_skeleton doc;
    doc.remarks.assign(bytes, 'x');
    return doc.str();
}

TEST(Limits, AHundredMegabyteValueIsAStringLengthError) {
    std::string input = huge_remarks(100u << 20);
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_limit_error(parse(input, options_for(input_format::xml, lenient)), "limit.string-length");
    }
}

TEST(Limits, HugeValuesTakeLinearTime) {
    parse_options options = options_for(input_format::xml);
    // 2 and 8 MiB, both over the default limit of 1 MiB and under glibc's
    // 32 MiB mmap threshold (above it every allocation costs fresh page
    // faults: a step in the constant factor, not in the complexity).
    expect_linear_time("values over the default limit", huge_remarks, 2u << 20, options,
                       [](const parse_result& result, std::size_t) {
                           expect_limit_error(result, "limit.string-length");
                       });
    options.limits.max_string_bytes = unlimited;
    expect_linear_time("values allowed by a raised limit", huge_remarks, 2u << 20, options,
                       [](const parse_result& result, std::size_t n) {
                           ASSERT_TRUE(result.ok());
                           EXPECT_EQ(result.doc->remarks.size(), n);
                       });
}

TEST(Limits, AValueJustOverTheLimitIsRefused) {
    parse_options options = options_for(input_format::xml);
    options.limits.max_string_bytes = 1000;
    EXPECT_TRUE(parse(huge_remarks(1000), options).ok());
    expect_limit_error(parse(huge_remarks(1001), options), "limit.string-length");
}

// ---- things that never end ------------------------------------------------------

TEST(Limits, AnAttributeValueWithNoEndIsAnErrorInLinearTime) {
    auto make = [](std::size_t n) { return "<?xml version=\"1.0\"?>\n<ownershipDocument id=\"" + std::string(n, 'x'); };
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_linear_time("unterminated attribute", make, 4u << 20, options_for(input_format::xml, lenient),
                           [](const parse_result& result, std::size_t) {
                               EXPECT_FALSE(result.ok());
                               EXPECT_NE(first_error(result), nullptr);
                           });
    }
}

TEST(Limits, ACommentWithNoEndIsAnErrorInLinearTime) {
    auto make = [](std::size_t n) {
        std::string whole = xml_skeleton{}.str();
        return whole.substr(0, whole.find("<reportingOwner>")) + "<!-- " + std::string(n, 'x');
    };
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_linear_time("unterminated comment", make, 4u << 20, options_for(input_format::xml, lenient),
                           [](const parse_result& result, std::size_t) {
                               EXPECT_FALSE(result.ok());
                               ASSERT_NE(first_error(result), nullptr);
                               EXPECT_GT(first_error(result)->line, 0u);
                           });
    }
}

// The rendered text form read line by line: one line of N bytes and no end.
TEST(Limits, ATextLineWithNoEndTakesLinearTime) {
    std::string sample = read_file(corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt");
    auto make = [&](std::size_t n) {
        std::string input = sample.substr(0, sample.find("Table I"));
        input += "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n";
        input.append(n, 'x');
        return input;
    };
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_linear_time("text line with no end", make, 4u << 20, options_for(input_format::text, lenient),
                           [](const parse_result& result, std::size_t) {
                               EXPECT_TRUE(result.ok() || first_error(result) != nullptr);
                           });
    }
}

TEST(Limits, ASubmissionHeaderLineWithNoEndTakesLinearTime) {
    auto make = [](std::size_t n) {
        return "<SEC-DOCUMENT>0000320193-22-000061.txt : 20220405\n<SEC-HEADER>\nACCESSION NUMBER:\t\t" +
               std::string(n, '0');
    };
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_linear_time("submission line with no end", make, 4u << 20,
                           options_for(input_format::submission, lenient),
                           [](const parse_result& result, std::size_t) {
                               EXPECT_FALSE(result.ok());
                               EXPECT_NE(first_error(result), nullptr);
                           });
    }
}

// Header lines that open a tag block or group and never close it: each is
// given up after a bounded look (it was cubic: 400 lines took 0.7 s, 5,000 never ended).
TEST(Limits, ManyUnclosedHeaderTagsTakeLinearTime) {
    for (bool nc : {true, false}) {
        SCOPED_TRACE(nc ? ".nc header" : ".txt header");
        auto make = [nc](std::size_t n) {
            std::string lines = repeat("<A>\n", n) + "</A>\n";
            return nc ? "<SUBMISSION>\n<ACCESSION-NUMBER>0000320193-22-000061\n" + lines + "</SUBMISSION>\n"
                      : "<SEC-DOCUMENT>x.txt : 20220405\n<SEC-HEADER>x.hdr.sgml : 20220405\n"
                        "ACCESSION NUMBER:\t\t0000320193-22-000061\n" +
                            lines + "</SEC-HEADER>\n</SEC-DOCUMENT>\n";
        };
        expect_linear_time("unclosed header tags", make, 5'000, options_for(input_format::submission, true),
                           [](const parse_result& result, std::size_t) {
                               EXPECT_TRUE(result.ok() || first_error(result) != nullptr);
                           });
    }
}

// Each opening line whose closing tag is missing costs a look of up to a few
// hundred lines ahead (Limits.ManyUnclosedHeaderTagsTakeLinearTime), so past
// max_unclosed_header_tags no more are looked for. A real header with
// unclosed tags inserted before its blocks: below the budget it reads exactly
// as without them; past it, strict parsing fails and lenient keeps the
// document and every line, the later blocks as fields.
TEST(Limits, PastTheBudgetOfUnclosedHeaderTagsStrictFailsAndLenientWarns) {
    const std::string real = read_file(corpus_dir() / "submission" / "0000002488-24-000005.nc");
    const std::size_t at = real.find("<TYPE>");
    ASSERT_NE(at, std::string::npos);
    auto with_unclosed = [&](std::size_t n) { return real.substr(0, at) + repeat("<EXTRA>\n", n) + real.substr(at); };
    const parse_result clean = parse(real, options_for(input_format::submission));
    ASSERT_TRUE(clean.ok());
    ASSERT_FALSE(clean.doc->filing.file_numbers.empty());   // from the REPORTING-OWNER block

    const parse_result below = parse(with_unclosed(400), options_for(input_format::submission, true));
    ASSERT_TRUE(below.doc);
    EXPECT_EQ(below.doc->filing, clean.doc->filing);
    EXPECT_FALSE(has_code(below, "submission.unclosed-tags"));

    const std::string past = with_unclosed(grammar::submission::max_unclosed_header_tags + 100);
    expect_limit_error(parse(past, options_for(input_format::submission)), "submission.unclosed-tags");
    const parse_result lenient = parse(past, options_for(input_format::submission, true));
    ASSERT_TRUE(lenient.doc);
    EXPECT_EQ(count_code(lenient, "submission.unclosed-tags"), 1u);  // said once, where the looking stopped
    EXPECT_EQ(lenient.doc->filing.accession_number, clean.doc->filing.accession_number);
    EXPECT_EQ(lenient.doc->reporting_owners, clean.doc->reporting_owners);
}

// ---- the same limits in the other front ends ------------------------------------

// The reference text sample with one value made long, or one Table I row repeated.
std::string text_sample() { return read_file(corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt"); }

TEST(Limits, TextValueOverTheStringLimitIsAStringLengthError) {
    std::string input = text_sample();
    std::size_t at = input.find("SONUS NETWORKS INC");
    ASSERT_NE(at, std::string::npos);
    input.insert(at, std::string(5000, 'S'));
    parse_options options = options_for(input_format::text);
    options.limits.max_string_bytes = 1000;
    expect_limit_error(parse(input, options), "limit.string-length");
}

TEST(Limits, TextRowsOverTheRowLimitIsARowLimitError) {
    std::string input = text_sample();
    const std::string row = "Common Stock\t07/18/2003\t\tS\t\t30,000\tD\t6.819\t0\tD\t\n";
    std::size_t at = input.find(row);
    ASSERT_NE(at, std::string::npos);
    input.insert(at, repeat(row, 10));
    parse_options options = options_for(input_format::text);
    options.limits.max_rows = 5;
    expect_limit_error(parse(input, options), "limit.rows");
}

// Recording positions (for lint) counts lines once for all fields, not once per field.
TEST(Limits, TextRowsWithPositionsTakeLinearTime) {
    std::string input = text_sample();
    const std::string row = "Common Stock\t07/18/2003\t\tS\t\t30,000\tD\t6.819\t0\tD\t\n";
    std::size_t at = input.find(row);
    ASSERT_NE(at, std::string::npos);
    auto make = [&](std::size_t n) { return std::string(input).insert(at, repeat(row, n)); };
    parse_options options = options_for(input_format::text);
    options.limits.max_rows = unlimited;
    options.record_positions = true;
    auto check = [](const parse_result& result, std::size_t n) {
        ASSERT_TRUE(result.ok());
        ASSERT_EQ(result.doc->non_derivative_transactions.size(), n + 2);
        // The sample's own second row follows the n inserted ones, at line 31 + n.
        auto last = result.positions.find("non_derivative_transactions[" + std::to_string(n + 1) + "].shares");
        ASSERT_TRUE(last.has_value());
        EXPECT_EQ(last->line, 31 + n);
        EXPECT_EQ(last->column, 29u);
    };
    expect_linear_time("text rows with positions", make, 5'000, options, check);
}

TEST(Limits, SubmissionHeaderValueOverTheStringLimitIsAStringLengthError) {
    std::string input = read_file(corpus_dir() / "submission" / "0000320193-22-000061.txt");
    std::size_t label = input.find("COMPANY CONFORMED NAME:");
    ASSERT_NE(label, std::string::npos);
    input.insert(input.find('\n', label), std::string(5000, 'x'));
    parse_options options = options_for(input_format::submission);
    options.limits.max_string_bytes = 1000;
    expect_limit_error(parse(input, options), "limit.string-length");
}

// The EDGAR HTML rendering: the same limits, through the tag scanner and the text reader.
std::string html_sample() { return read_file(corpus_dir() / "html" / "edgartools__form4.Evans.html"); }

TEST(Limits, HtmlValueOverTheStringLimitIsAStringLengthError) {
    std::string input = html_sample();
    std::size_t at = input.find("EVANS BANCORP INC");
    ASSERT_NE(at, std::string::npos);
    input.insert(at, std::string(5000, 'S'));
    parse_options options = options_for(input_format::html);
    options.limits.max_string_bytes = 1000;
    expect_limit_error(parse(input, options), "limit.string-length");
}

TEST(Limits, HtmlRowsOverTheRowLimitIsARowLimitError) {
    std::string input = html_sample();
    std::size_t cell = input.find(">Common Stock<");
    ASSERT_NE(cell, std::string::npos);
    std::size_t row_start = input.rfind("<tr", cell), row_end = input.find("</tr>", cell);
    ASSERT_NE(row_start, std::string::npos);
    ASSERT_NE(row_end, std::string::npos);
    std::string row = input.substr(row_start, row_end + 5 - row_start);
    input.insert(row_start, repeat(row, 10));
    parse_options options = options_for(input_format::html);
    auto unlimited_result = parse(input, options);
    ASSERT_TRUE(unlimited_result.ok());
    ASSERT_GE(unlimited_result.doc->non_derivative_transactions.size(), 10u);  // the rows are read...
    options.limits.max_rows = 5;
    expect_limit_error(parse(input, options), "limit.rows");                     // ...up to the limit
}

TEST(Limits, AnHtmlTagWithNoEndTakesLinearTime) {
    std::string sample = html_sample();
    auto make = [&](std::size_t n) {
        std::string input = sample.substr(0, sample.find("EVANS BANCORP INC"));
        input += "<td class=\"";
        input.append(n, 'x');
        return input;
    };
    for (bool lenient : {false, true}) {
        SCOPED_TRACE(lenient ? "lenient" : "strict");
        expect_linear_time("HTML tag with no end", make, 4u << 20, options_for(input_format::html, lenient),
                           [](const parse_result& result, std::size_t) {
                               EXPECT_TRUE(result.ok() || first_error(result) != nullptr);
                           });
    }
}

// ---- many attributes --------------------------------------------------------------

TEST(Limits, ManyAttributesTakeLinearTime) {
    auto make = [](std::size_t n) {
        xml_skeleton doc;
        doc.root_attributes.reserve(n * 16);
        for (std::size_t i = 0; i < n; ++i) doc.root_attributes += " a" + std::to_string(i) + "=\"v\"";
        return doc.str();
    };
    expect_linear_time("attributes on one element", make, 100'000, options_for(input_format::xml),
                       [](const parse_result& result, std::size_t) { EXPECT_TRUE(result.ok()); });
}

// ---- many tiny elements ------------------------------------------------------------

TEST(Limits, MoreElementsThanTheLimitIsAnElementLimitError) {
    auto make = [](std::size_t n) {
        xml_skeleton doc;
        doc.extra_elements = repeat("<remarks/>", n);
        return doc.str();
    };
    parse_options options = options_for(input_format::xml);
    options.limits.max_elements = 1000;
    expect_limit_error(parse(make(1000), options), "limit.elements");
    options.limits.max_elements = 1'000'000;
    expect_limit_error(parse(make(1'000'001), options), "limit.elements");
}

TEST(Limits, ManyTinyKnownElementsTakeLinearTime) {
    auto make = [](std::size_t n) {
        xml_skeleton doc;
        doc.extra_elements = repeat("<remarks/>", n);
        return doc.str();
    };
    parse_options options = options_for(input_format::xml);
    options.limits.max_elements = unlimited;
    expect_linear_time("tiny known elements", make, 200'000, options,
                       [](const parse_result& result, std::size_t) { EXPECT_TRUE(result.ok()); });
}

// Each unknown element is skipped with a note: the notes must not cost more
// than the elements.
TEST(Limits, ManyTinyUnknownElementsTakeLinearTime) {
    auto make = [](std::size_t n) {
        xml_skeleton doc;
        doc.extra_elements = repeat("<x/>\n", n);
        return doc.str();
    };
    expect_linear_time("tiny unknown elements", make, 3'000, options_for(input_format::xml),
                       [](const parse_result& result, std::size_t) { EXPECT_TRUE(result.ok()); });
}

// Lenient mode repairs each of these with a warning; the warnings must stay linear too.
TEST(Limits, ManyRepairsInLenientModeTakeLinearTime) {
    auto stray_end_tags = [](std::size_t n) {
        xml_skeleton doc;
        doc.extra_elements = repeat("</stray>\n", n);
        return doc.str();
    };
    auto bare_ampersands = [](std::size_t n) {
        xml_skeleton doc;
        doc.remarks = repeat("R&D ", n);
        return doc.str();
    };
    parse_options options = options_for(input_format::xml, true);
    options.limits.max_string_bytes = unlimited;
    auto read_with_warnings = [](const parse_result& result, std::size_t) {
        EXPECT_TRUE(result.ok());
        EXPECT_FALSE(result.diagnostics.empty());
    };
    expect_linear_time("stray end tags", stray_end_tags, 3'000, options, read_with_warnings);
    expect_linear_time("bare ampersands", bare_ampersands, 3'000, options, read_with_warnings);
}

}  // namespace
