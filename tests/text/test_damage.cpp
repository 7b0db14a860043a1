// Damaged text: strict parses fail with a line and column; lenient parses keep
// what the damage does not touch and warn about what they skipped. Inputs that
// are not a form body get a clear error, never a crash.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "form4/parse.hpp"
#include "support/corpus.hpp"
#include "support/diagnostics.hpp"

namespace {

using boost::gregorian::date;

std::string sample() {
    return form4::testing::read_file(form4::testing::corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt");
}

struct place {
    std::size_t line;
    std::size_t column;
};

// 1-based line and column of byte `offset` (the text before it is ASCII here).
place place_of(const std::string& text, std::size_t offset) {
    std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
    std::size_t line_start = text.rfind('\n', offset - 1);
    return {line, offset - (line_start == std::string::npos ? 0 : line_start + 1) + 1};
}

form4::parse_result parse_text(const std::string& text, bool lenient) {
    form4::parse_options options;
    options.format = form4::input_format::text;
    options.lenient = lenient;
    return form4::parse(text, options);
}

// The first Table I row with its date damaged: "07/1B/2003".
std::string sample_with_bad_row_date(std::size_t& damaged_at) {
    std::string text = sample();
    std::size_t row = text.find("Common Stock\t07/18/2003");
    damaged_at = row + std::string("Common Stock\t07/1").size();
    text[damaged_at] = 'B';
    return text;
}

TEST(TextDamage, StrictParseRejectsADamagedCellWithItsPosition) {
    std::size_t at = 0;
    std::string text = sample_with_bad_row_date(at);
    auto result = parse_text(text, false);
    EXPECT_FALSE(result.ok());
    ASSERT_TRUE(result.has_errors());
    const auto& d = result.diagnostics.front();
    EXPECT_EQ(d.level, form4::severity::error);
    EXPECT_EQ(d.code, "text.expected");
    place expected = place_of(text, at);
    EXPECT_EQ(d.line, expected.line);
    EXPECT_EQ(d.line, 30u);
    EXPECT_EQ(d.column, expected.column);
    EXPECT_NE(d.message.find("expected"), std::string::npos);
}

TEST(TextDamage, LenientParseKeepsTheRestOfTheRowAndWarns) {
    std::size_t at = 0;
    std::string text = sample_with_bad_row_date(at);
    auto result = parse_text(text, true);
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(result.has_errors());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.front().level, form4::severity::warning);
    EXPECT_EQ(result.diagnostics.front().line, place_of(text, at).line);
    const auto& doc = *result.doc;
    ASSERT_EQ(doc.non_derivative_transactions.size(), 2u);
    const auto& damaged = doc.non_derivative_transactions[0];
    EXPECT_FALSE(damaged.transaction_date.value.has_value());   // the damaged cell is skipped
    EXPECT_EQ(damaged.coding->code.text, "M");                  // the rest of its row is kept
    EXPECT_EQ(damaged.post_transaction.shares_owned.value, form4::decimal::parse("30000"));
    EXPECT_EQ(doc.non_derivative_transactions[1].transaction_date.value, date(2003, 7, 18));
    EXPECT_EQ(doc.derivative_transactions.size(), 1u);
    EXPECT_EQ(doc.signatures.size(), 1u);
}

TEST(TextDamage, DamagedHeaderDateIsAnErrorAtItsPlace) {
    std::string text = sample();
    std::size_t at = text.find("<u>07/18/2003</u>") + 3;
    text[at] = 'O';   // "O7/18/2003"
    auto strict = parse_text(text, false);
    EXPECT_FALSE(strict.ok());
    ASSERT_FALSE(strict.diagnostics.empty());
    EXPECT_EQ(strict.diagnostics.front().line, place_of(text, at).line);
    EXPECT_EQ(strict.diagnostics.front().column, place_of(text, at).column);
    EXPECT_NE(strict.diagnostics.front().message.find("date"), std::string::npos);

    auto lenient = parse_text(text, true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_FALSE(lenient.doc->period_of_report.has_value());
    EXPECT_EQ(lenient.doc->issuer.trading_symbol, "SONS");
    EXPECT_EQ(lenient.doc->non_derivative_transactions.size(), 2u);
}

TEST(TextDamage, ImpossibleDateIsReported) {
    std::string text = sample();
    std::size_t at = text.find("Common Stock\t07/18/2003") + std::string("Common Stock\t").size();
    text.replace(at, 10, "02/30/2003");
    auto result = parse_text(text, false);
    EXPECT_FALSE(result.ok());
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_EQ(result.diagnostics.front().code, "text.invalid-date");
    EXPECT_EQ(result.diagnostics.front().line, place_of(text, at).line);
}

TEST(TextDamage, MissingTableTwoIsAnErrorUnlessLenient) {
    std::string text = sample();
    std::size_t title = text.find("Table II - Derivative");
    text.replace(title, 8, "Tableau");
    auto strict = parse_text(text, false);
    EXPECT_FALSE(strict.ok());
    ASSERT_FALSE(strict.diagnostics.empty());
    EXPECT_TRUE(form4::testing::has_code(strict, "text.missing-section"));
    auto lenient = parse_text(text, true);
    ASSERT_TRUE(lenient.ok());
    EXPECT_EQ(lenient.doc->non_derivative_transactions.size(), 2u);
    EXPECT_EQ(lenient.doc->issuer.name, "SONUS NETWORKS INC");
}

// The reporting person's and the issuer's names are what the schema requires
// of the header: a page that lost them (the fuzzer's mangled header in
// tests/regressions/text/, and the sample with the names blanked) is damaged,
// not a clean document with empty names.
TEST(TextDamage, AHeaderWithoutTheNamesIsDamageNotSilence) {
    std::string text = sample();
    for (std::string name : {"<u>HARRIS EDWARD N</u>", "<u>SONUS NETWORKS INC [SONS]</u>"})
        text.replace(text.find(name), name.size(), std::string(name.size(), ' '));
    for (const std::string& page :
         {text, form4::testing::read_file(std::filesystem::path(FORM4_SOURCE_DIR) / "tests/regressions/text" /
                                          "lenient-differs-header-order-fa92023f.txt")}) {
        auto strict = parse_text(page, false);
        EXPECT_FALSE(strict.ok());
        EXPECT_EQ(form4::testing::count_code(strict, form4::severity::error, "text.expected"), 2u);
        auto lenient = parse_text(page, true);
        ASSERT_TRUE(lenient.ok());
        EXPECT_EQ(form4::testing::count_code(lenient, form4::severity::warning, "text.expected"), 2u);
        EXPECT_EQ(lenient.doc->issuer.name, "");
        EXPECT_EQ(lenient.doc->non_derivative_transactions.size(), 2u);
    }
}

TEST(TextDamage, NotAFormGivesAClearError) {
    for (std::string text : {std::string(), std::string("hello\nworld\n"), std::string("\t\t\n\n"),
                             std::string("Table"), std::string("\xEF\xBB\xBF")}) {
        auto result = parse_text(text, true);
        EXPECT_FALSE(result.ok());
        ASSERT_EQ(result.diagnostics.size(), 1u);
        EXPECT_EQ(result.diagnostics[0].code, "text.not-a-form");
    }
}

TEST(TextDamage, HeaderOnlySubmissionHasNoFormBody) {
    std::string text = form4::testing::read_file(form4::testing::corpus_dir() / "text" / "0001012325-98-000004.txt");
    auto result = parse_text(text, true);
    EXPECT_FALSE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].code, "text.no-form-body");
}

TEST(TextDamage, EveryTruncationOfTheSampleEndsCleanly) {
    std::string text = sample();
    for (std::size_t length = 0; length <= text.size(); length += 7) {
        for (bool lenient : {false, true}) {
            auto result = parse_text(text.substr(0, length), lenient);
            if (!result.ok()) {
                EXPECT_FALSE(result.diagnostics.empty()) << length;
            }
        }
    }
}

TEST(TextDamage, RandomDamageNeverCrashesAndAlwaysExplainsAFailure) {
    // A fixed pseudo-random sequence, so a failure reproduces.
    std::uint64_t seed = 0x9E3779B97F4A7C15u;
    auto next = [&seed] {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        return static_cast<std::size_t>(seed >> 33);
    };
    const std::string alphabet = "\t\n\r <>()/|X_[]$,.-0123456789ADIMV\xE2\x81\xBD\xC2\xB9";
    struct input {
        std::string bytes;
        form4::input_format format;
    } inputs[] = {
        {sample(), form4::input_format::text},
        {form4::testing::read_file(form4::testing::corpus_dir() / "html" / "edgartools__form4.Evans.html"),
         form4::input_format::html},
    };
    for (const auto& in : inputs) {
        for (int round = 0; round < 300; ++round) {
            std::string damaged = in.bytes;
            for (std::size_t edits = 1 + next() % 6; edits > 0; --edits) {
                std::size_t at = next() % damaged.size();
                switch (next() % 3) {
                    case 0: damaged[at] = alphabet[next() % alphabet.size()]; break;
                    case 1: damaged.erase(at, 1 + next() % 40); break;
                    default: damaged.insert(at, 1, alphabet[next() % alphabet.size()]); break;
                }
                if (damaged.empty()) damaged = "x";
            }
            for (bool lenient : {false, true}) {
                form4::parse_options options;
                options.format = in.format;
                options.lenient = lenient;
                auto result = form4::parse(damaged, options);
                if (!result.ok()) {
                    EXPECT_TRUE(result.has_errors()) << "round " << round;
                }
                for (const auto& d : result.diagnostics)
                    if (d.line != 0) {
                        EXPECT_GE(d.column, 1u);
                    }
            }
        }
    }
}

TEST(TextDamage, RowLimitHoldsInEitherMode) {
    form4::parse_options options;
    options.format = form4::input_format::text;
    options.limits.max_rows = 1;   // the sample's Table I has two rows
    for (bool lenient : {false, true}) {
        options.lenient = lenient;
        auto result = form4::parse(sample(), options);
        EXPECT_FALSE(result.ok());
        ASSERT_FALSE(result.diagnostics.empty());
        EXPECT_EQ(result.diagnostics.back().code, "limit.rows");
    }
}

TEST(TextDamage, PaperFormBefore2003ReadsItsHeaderAndSignature) {
    // A real pre-2003 ASCII Form 4 inside its EDGAR submission: the header items,
    // the signature and the Table II row (wrapped over two lines, "|" between
    // cells) are read; what cannot be is said.
    std::string text = form4::testing::read_file(form4::testing::corpus_dir() / "text" / "0001094891-00-000193.txt");
    auto result = parse_text(text, true);
    ASSERT_TRUE(result.ok());
    const auto& doc = *result.doc;
    EXPECT_EQ(doc.type.text, "4");
    EXPECT_EQ(doc.issuer.name, "Productivity Technologies Corp.");
    EXPECT_EQ(doc.issuer.trading_symbol, "PRAC");
    EXPECT_EQ(doc.period_of_report, date(2000, 2, 29));
    ASSERT_EQ(doc.reporting_owners.size(), 1u);
    const auto& owner = doc.reporting_owners[0];
    EXPECT_EQ(owner.id.name, "Foster, Alan H.");
    EXPECT_EQ(owner.address.street1, "c/o Productivity Technologies Corp.");
    EXPECT_EQ(owner.address.street2, "520 Madison Avenue");
    EXPECT_EQ(owner.address.city, "New York");
    EXPECT_EQ(owner.address.state, "NY");
    EXPECT_EQ(owner.address.zip_code, "10022");
    EXPECT_EQ(owner.relationship.is_director, true);
    EXPECT_EQ(owner.relationship.is_officer, false);
    EXPECT_EQ(doc.not_subject_to_section16, false);
    ASSERT_EQ(doc.signatures.size(), 1u);
    EXPECT_EQ(doc.signatures[0].name, "/s/ Alan H. Foster");
    EXPECT_EQ(doc.signatures[0].date, date(2000, 3, 13));

    EXPECT_TRUE(doc.non_derivative_transactions.empty());
    ASSERT_EQ(doc.derivative_transactions.size(), 1u);
    const auto& t = doc.derivative_transactions[0];
    EXPECT_EQ(t.security_title.value, "Options to Purchase Common Stock");   // joined across its two lines
    EXPECT_EQ(t.conversion_or_exercise_price.value, form4::decimal::parse("1.375"));
    EXPECT_EQ(t.transaction_date.value, date(2000, 2, 7));
    EXPECT_EQ(t.coding->code.text, "A");
    EXPECT_EQ(t.exercise_date.value, date(2000, 2, 7));
    EXPECT_EQ(t.expiration_date.value, date(2005, 2, 7));
    EXPECT_EQ(t.underlying.title.value, "Common Stock");
    EXPECT_EQ(t.underlying.shares.value, form4::decimal::parse("12000"));
    EXPECT_EQ(t.post_transaction.shares_owned.value, form4::decimal::parse("12000"));
    EXPECT_EQ(t.ownership.direct_or_indirect.value->text, "D");
    // "A,D" in the (A)/(D) column is not a code: its cell is skipped, with a warning at line 140.
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].level, form4::severity::warning);
    EXPECT_EQ(result.diagnostics[0].line, 140u);
    EXPECT_EQ(result.diagnostics[0].column, 59u);
    EXPECT_FALSE(parse_text(text, false).ok());
}

}  // namespace
