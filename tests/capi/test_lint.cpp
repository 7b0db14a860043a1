// form4_lint through the C interface: the same findings as the C++ form4::lint
// of a parse with positions, field for field, and the misuse of its handles.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "capi/capi_test_support.hpp"
#include "form4/lint.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

using namespace form4::capi_testing;

namespace {

struct lint_report_deleter {
    void operator()(form4_lint_report* r) const noexcept { form4_lint_report_free(r); }
};
using lint_report_ptr = std::unique_ptr<form4_lint_report, lint_report_deleter>;

// What form4_lint said, read back through every getter.
std::vector<form4::lint_finding> findings_through_c(const form4_result* result) {
    const form4_document* doc = nullptr;
    EXPECT_EQ(form4_result_document(&doc, result), FORM4_OK);
    form4_lint_report* raw = nullptr;
    EXPECT_EQ(form4_lint(&raw, doc), FORM4_OK);
    lint_report_ptr report(raw);
    std::size_t count = 0;
    EXPECT_EQ(form4_lint_report_finding_count(&count, report.get()), FORM4_OK);
    std::vector<form4::lint_finding> found;
    for (std::size_t i = 0; i < count; ++i) {
        const form4_lint_finding* f = nullptr;
        EXPECT_EQ(form4_lint_report_finding(&f, report.get(), i), FORM4_OK);
        form4::lint_finding copy;
        std::int32_t severity = -1;
        EXPECT_EQ(form4_lint_finding_severity(&severity, f), FORM4_OK);
        copy.level = severity == FORM4_SEVERITY_ERROR     ? form4::severity::error
                     : severity == FORM4_SEVERITY_WARNING ? form4::severity::warning
                                                          : form4::severity::note;
        const char* text = nullptr;
        std::size_t length = 0;
        EXPECT_EQ(form4_lint_finding_code(&text, &length, f), FORM4_OK);
        copy.code = view(text, length);
        EXPECT_EQ(form4_lint_finding_field(&text, &length, f), FORM4_OK);
        copy.field = view(text, length);
        EXPECT_EQ(form4_lint_finding_message(&text, &length, f), FORM4_OK);
        copy.message = view(text, length);
        EXPECT_EQ(form4_lint_finding_reference(&text, &length, f), FORM4_OK);
        copy.reference = view(text, length);
        EXPECT_EQ(form4_lint_finding_line(&copy.line, f), FORM4_OK);
        EXPECT_EQ(form4_lint_finding_column(&copy.column, f), FORM4_OK);
        found.push_back(std::move(copy));
    }
    return found;
}

std::vector<form4::lint_finding> findings_through_cpp(const std::filesystem::path& path) {
    form4::parse_options options;
    options.record_positions = true;
    return form4::lint(form4::parse(form4::testing::read_file(path), options));
}

const form4_parse_options* with_positions() {
    static const form4_parse_options options = [] {
        form4_parse_options o = FORM4_PARSE_OPTIONS_INIT;
        o.record_positions = 1;
        return o;
    }();
    return &options;
}

}  // namespace

TEST(CapiLint, WithoutRecordedPositionsFindingsHaveNone) {
    int status = 0;
    auto result = parse_path((form4::testing::corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt").string(), &status);
    ASSERT_EQ(status, FORM4_OK);
    auto findings = findings_through_c(result.get());
    ASSERT_EQ(findings.size(), 2u);
    for (const auto& finding : findings) {
        EXPECT_EQ(finding.line, 0u);
        EXPECT_EQ(finding.column, 0u);
    }
}

TEST(CapiLint, SampleFindingsCarryTheirCellsLineAndColumn) {
    int status = 0;
    auto result = parse_path((form4::testing::corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt").string(), &status,
                             with_positions());
    ASSERT_EQ(status, FORM4_OK);
    auto findings = findings_through_c(result.get());
    ASSERT_EQ(findings.size(), 2u);
    EXPECT_EQ(findings[0].code, "lint.code-direction");
    EXPECT_EQ(findings[0].field, "non_derivative_transactions[0].acquired_disposed");
    EXPECT_EQ(findings[0].level, form4::severity::warning);
    EXPECT_EQ(findings[0].line, 30u);
    EXPECT_EQ(findings[0].column, 36u);
    EXPECT_EQ(findings[1].field, "derivative_transactions[0].acquired_disposed");
    EXPECT_EQ(findings[1].line, 37u);
    EXPECT_EQ(findings[1].column, 58u);
}

TEST(CapiLint, AgreesWithCppOnEveryCorpusFileThatHasFindings) {
    std::vector<std::filesystem::path> files = form4::testing::corpus_files("xml", ".xml");
    for (const auto& [folder, extension] : {std::pair{"text", ".txt"}, std::pair{"html", ".html"}})
        for (auto& path : form4::testing::corpus_files(folder, extension)) files.push_back(std::move(path));
    std::size_t with_findings = 0;
    for (const auto& path : files) {
        int status = 0;
        auto result = parse_path(path.string(), &status, with_positions());
        if (status != FORM4_OK) continue;
        auto expected = findings_through_cpp(path);
        with_findings += !expected.empty();
        EXPECT_EQ(findings_through_c(result.get()), expected) << path;
    }
    EXPECT_GE(with_findings, 10u);   // the comparison saw findings, not only empty lists
}

TEST(CapiLint, MisuseIsRejected) {
    form4_lint_report* report = reinterpret_cast<form4_lint_report*>(1);
    EXPECT_EQ(form4_lint(&report, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(report, nullptr);   // cleared on failure
    EXPECT_EQ(form4_lint(nullptr, nullptr), FORM4_E_INVALID_ARGUMENT);
    std::size_t count = 0;
    EXPECT_EQ(form4_lint_report_finding_count(&count, nullptr), FORM4_E_INVALID_ARGUMENT);
    form4_lint_report_free(nullptr);   // a no-op

    int status = 0;
    auto result = parse_path((form4::testing::corpus_dir() / "xml" / "form4" / "0000320193-22-000061.xml").string(),
                             &status);
    ASSERT_EQ(status, FORM4_OK);
    const form4_document* doc = nullptr;
    ASSERT_EQ(form4_result_document(&doc, result.get()), FORM4_OK);
    ASSERT_EQ(form4_lint(&report, doc), FORM4_OK);
    lint_report_ptr owned(report);
    ASSERT_EQ(form4_lint_report_finding_count(&count, report), FORM4_OK);
    EXPECT_EQ(count, 0u);   // a clean filing
    const form4_lint_finding* finding = nullptr;
    EXPECT_EQ(form4_lint_report_finding(&finding, report, 0), FORM4_E_OUT_OF_RANGE);
    EXPECT_EQ(form4_lint_finding_line(nullptr, finding), FORM4_E_INVALID_ARGUMENT);
    const char* text = nullptr;
    EXPECT_EQ(form4_lint_finding_code(&text, nullptr, nullptr), FORM4_E_INVALID_ARGUMENT);
}
