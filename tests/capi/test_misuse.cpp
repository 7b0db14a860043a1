// The C interface under misuse: NULL handles and outputs, empty and broken
// input, unknown option versions, bad enumeration values, indexes past the
// end, freeing NULL. Each gets a clear status and message, never a crash.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "capi/capi_test_support.hpp"
#include "support/corpus.hpp"

using namespace form4::capi_testing;

namespace {

const std::string sample_path =
    (form4::testing::corpus_dir() / "xml" / "form4" / "0000320193-22-000061.xml").string();

// A parsed sample kept for the whole suite (read-only after set-up).
class CapiMisuse : public ::testing::Test {
protected:
    void SetUp() override {
        int status = 0;
        result_ = parse_path(sample_path, &status);
        ASSERT_EQ(status, FORM4_OK) << form4_last_error_message();
        ASSERT_EQ(form4_result_document(&doc_, result_.get()), FORM4_OK);
        ASSERT_EQ(form4_document_row(&row_, doc_, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, 0), FORM4_OK);
    }
    result_ptr result_;
    const form4_document* doc_ = nullptr;
    const form4_row* row_ = nullptr;
};

// The last error names the function that failed.
void expect_message_mentions(const char* needle) {
    EXPECT_NE(std::strstr(form4_last_error_message(), needle), nullptr)
        << "last error: " << form4_last_error_message() << "; expected it to mention " << needle;
}

}  // namespace

TEST(CapiStatus, NamesEveryStatusAndUnknownOnes) {
    EXPECT_STREQ(form4_status_name(FORM4_OK), "FORM4_OK");
    EXPECT_STREQ(form4_status_name(FORM4_E_ABSENT), "FORM4_E_ABSENT");
    EXPECT_STREQ(form4_status_name(FORM4_E_INTERNAL), "FORM4_E_INTERNAL");
    for (int status = FORM4_E_INTERNAL; status < 0; ++status)
        EXPECT_STRNE(form4_status_name(status), "FORM4_E_UNKNOWN") << status;
    EXPECT_STREQ(form4_status_name(-1000), "FORM4_E_UNKNOWN");
    EXPECT_STREQ(form4_status_name(7), "FORM4_E_UNKNOWN");
}

TEST(CapiVersion, LibraryMatchesTheHeaderItWasBuiltWith) {
    EXPECT_EQ(form4_version_major(), FORM4_VERSION_MAJOR);
    EXPECT_EQ(form4_version_minor(), FORM4_VERSION_MINOR);
    EXPECT_EQ(form4_version_patch(), FORM4_VERSION_PATCH);
    EXPECT_EQ(form4_version_number(), FORM4_VERSION_NUMBER);
    EXPECT_STREQ(form4_version_string(), FORM4_VERSION_STRING);
    EXPECT_EQ(form4_abi_version(), FORM4_ABI_VERSION);
}

TEST(CapiParse, NullOutputPointerIsRejected) {
    EXPECT_EQ(form4_parse(nullptr, "x", 1, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_last_error_status(), FORM4_E_INVALID_ARGUMENT);
    expect_message_mentions("form4_parse");
    expect_message_mentions("out");
    EXPECT_EQ(form4_parse_file(nullptr, sample_path.c_str(), nullptr), FORM4_E_INVALID_ARGUMENT);
}

TEST(CapiParse, NullDataWithALengthIsRejectedAndOutIsCleared) {
    form4_result* result = reinterpret_cast<form4_result*>(&result);  // garbage the call must overwrite
    EXPECT_EQ(form4_parse(&result, nullptr, 10, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(result, nullptr);
    expect_message_mentions("data");
}

TEST(CapiParse, NullPathIsRejected) {
    form4_result* result = nullptr;
    EXPECT_EQ(form4_parse_file(&result, nullptr, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(result, nullptr);
}

TEST(CapiParse, ZeroLengthInputGivesAResultWithAnErrorDiagnostic) {
    for (const char* data : {static_cast<const char*>(nullptr), ""}) {
        form4_result* raw = nullptr;
        const int status = form4_parse(&raw, data, 0, nullptr);
        result_ptr result(raw);
        EXPECT_EQ(status, FORM4_E_PARSE) << status_text(status);
        ASSERT_NE(result, nullptr);
        std::size_t count = 0;
        ASSERT_EQ(form4_result_diagnostic_count(&count, result.get()), FORM4_OK);
        EXPECT_GE(count, 1u);
        const form4_document* doc = nullptr;
        EXPECT_EQ(form4_result_document(&doc, result.get()), FORM4_E_NO_DOCUMENT);
        EXPECT_EQ(doc, nullptr);
    }
}

TEST(CapiParse, GarbageAndTruncatedInputNeverCrash) {
    const std::string bytes = form4::testing::read_file(sample_path);
    ASSERT_FALSE(bytes.empty());
    for (const bool lenient : {false, true}) {
        form4_parse_options opts = FORM4_PARSE_OPTIONS_INIT;
        opts.lenient = lenient ? 1 : 0;
        for (std::size_t cut = 0; cut < bytes.size(); cut += 211) {
            int status = 0;
            result_ptr result = parse_bytes(std::string_view(bytes).substr(0, cut), &status, &opts);
            EXPECT_TRUE(status == FORM4_OK || status == FORM4_E_PARSE) << "cut at " << cut << ": " << status_text(status);
            EXPECT_NE(result, nullptr);
        }
    }
    const std::string binary("\x00\xff\xfe<ownershipDocument>\x00\x01", 24);
    int status = 0;
    result_ptr result = parse_bytes(binary, &status);
    EXPECT_EQ(status, FORM4_E_PARSE);
}

TEST(CapiParse, MissingFileIsAnIoErrorWithADiagnostic) {
    form4_result* raw = nullptr;
    EXPECT_EQ(form4_parse_file(&raw, "/nonexistent/form4/none.xml", nullptr), FORM4_E_IO);
    expect_message_mentions("none.xml");  // before the next call replaces it
    result_ptr result(raw);
    ASSERT_NE(result, nullptr);
    const form4_diagnostic* diagnostic = nullptr;
    ASSERT_EQ(form4_result_diagnostic(&diagnostic, result.get(), 0), FORM4_OK);
    const char* code = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(form4_diagnostic_code(&code, &length, diagnostic), FORM4_OK);
    EXPECT_EQ(view(code, length), "io");
}

TEST(CapiParse, ADirectoryIsAnIoErrorNotAnEmptyFiling) {
    form4_result* raw = nullptr;
    const std::string directory = form4::testing::corpus_dir().string();
    EXPECT_EQ(form4_parse_file(&raw, directory.c_str(), nullptr), FORM4_E_IO);
    expect_message_mentions("directory");
    result_ptr result(raw);
    const form4_document* doc = nullptr;
    EXPECT_EQ(form4_result_document(&doc, result.get()), FORM4_E_NO_DOCUMENT);
}

TEST(CapiParse, InputOverTheSizeLimitFailsWithTheLimitDiagnostic) {
    form4_parse_options opts;
    ASSERT_EQ(form4_parse_options_init(&opts, FORM4_PARSE_OPTIONS_VERSION), FORM4_OK);
    opts.max_input_bytes = 100;
    int status = 0;
    result_ptr result = parse_path(sample_path, &status, &opts);
    EXPECT_EQ(status, FORM4_E_PARSE);
    const form4_diagnostic* diagnostic = nullptr;
    ASSERT_EQ(form4_result_diagnostic(&diagnostic, result.get(), 0), FORM4_OK);
    const char* code = nullptr;
    ASSERT_EQ(form4_diagnostic_code(&code, nullptr, diagnostic), FORM4_OK);
    EXPECT_STREQ(code, "limit.input-size");
}

TEST(CapiOptions, UnknownVersionsAreRejected) {
    for (unsigned version : {0u, FORM4_PARSE_OPTIONS_VERSION + 1u, 0xffffffffu}) {
        form4_parse_options opts = FORM4_PARSE_OPTIONS_INIT;
        opts.version = version;
        form4_result* result = nullptr;
        EXPECT_EQ(form4_parse(&result, "<x/>", 4, &opts), FORM4_E_VERSION) << version;
        EXPECT_EQ(result, nullptr);
        expect_message_mentions("version");
        EXPECT_EQ(form4_parse_options_init(&opts, version), FORM4_E_VERSION);

        form4_dataset_options dataset_opts = FORM4_DATASET_OPTIONS_INIT;
        EXPECT_EQ(form4_dataset_options_init(&dataset_opts, version), FORM4_E_VERSION);
    }
    EXPECT_EQ(form4_parse_options_init(nullptr, FORM4_PARSE_OPTIONS_VERSION), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_dataset_options_init(nullptr, FORM4_DATASET_OPTIONS_VERSION), FORM4_E_INVALID_ARGUMENT);
}

TEST(CapiOptions, InitGivesTheDefaults) {
    form4_parse_options opts;
    std::memset(&opts, 0xab, sizeof opts);
    ASSERT_EQ(form4_parse_options_init(&opts, FORM4_PARSE_OPTIONS_VERSION), FORM4_OK);
    EXPECT_EQ(opts.version, static_cast<unsigned>(FORM4_PARSE_OPTIONS_VERSION));
    EXPECT_EQ(opts.format, FORM4_FORMAT_AUTO);
    EXPECT_EQ(opts.lenient, 0);
    EXPECT_EQ(opts.max_input_bytes, 0u);
    EXPECT_EQ(opts.max_footnotes, 0u);
}

TEST(CapiOptions, AVersionOneStructIsInitializedAndReadOnlyAsFarAsVersionOneWent) {
    // A caller built against version 1 has no record_positions member: the
    // library must neither write nor read past where version 1 ended.
    constexpr std::size_t version_one_size = offsetof(form4_parse_options, record_positions);
    unsigned char buffer[sizeof(form4_parse_options)];
    std::memset(buffer, 0xab, sizeof buffer);
    auto* opts = reinterpret_cast<form4_parse_options*>(buffer);
    ASSERT_EQ(form4_parse_options_init(opts, 1), FORM4_OK);
    EXPECT_EQ(opts->version, 1u);
    EXPECT_EQ(opts->max_footnotes, 0u);
    for (std::size_t i = version_one_size; i < sizeof buffer; ++i) EXPECT_EQ(buffer[i], 0xab) << "byte " << i;
    int status = 0;
    // The user's text sample, which has lint findings; record_positions
    // holds 0xabababab, which a version 1 struct does not have: ignored.
    result_ptr result = parse_path((form4::testing::corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt").string(),
                                   &status, opts);
    ASSERT_EQ(status, FORM4_OK);
    const form4_document* doc = nullptr;
    ASSERT_EQ(form4_result_document(&doc, result.get()), FORM4_OK);
    form4_lint_report* report = nullptr;
    ASSERT_EQ(form4_lint(&report, doc), FORM4_OK);
    size_t count = 0;
    ASSERT_EQ(form4_lint_report_finding_count(&count, report), FORM4_OK);
    ASSERT_GT(count, 0u);
    const form4_lint_finding* finding = nullptr;
    ASSERT_EQ(form4_lint_report_finding(&finding, report, 0), FORM4_OK);
    size_t line = 99;
    ASSERT_EQ(form4_lint_finding_line(&line, finding), FORM4_OK);
    EXPECT_EQ(line, 0u);  // no positions were recorded
    form4_lint_report_free(report);
}

TEST(CapiOptions, UnknownFormatIsRejected) {
    form4_parse_options opts = FORM4_PARSE_OPTIONS_INIT;
    opts.format = 99;
    form4_result* result = nullptr;
    EXPECT_EQ(form4_parse(&result, "<x/>", 4, &opts), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(result, nullptr);
    expect_message_mentions("format");
}

TEST(CapiFree, FreeingNullIsANoOp) {
    form4_result_free(nullptr);
    form4_dataset_free(nullptr);
    form4_string_free(nullptr);
    SUCCEED();
}

TEST_F(CapiMisuse, NullHandlesAreRejectedByEveryKindOfGetter) {
    const char* text = nullptr;
    std::size_t length = 0, count = 0;
    int flag = 0;
    std::int32_t code = 0;
    form4_date date{};
    form4_decimal number{};
    EXPECT_EQ(form4_result_document(&doc_, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_result_diagnostic_count(&count, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_result_format(&code, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_diagnostic_message(&text, &length, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_issuer_name(&text, &length, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_type(&code, &text, &length, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_period_of_report(&date, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_aff10b5_one(&flag, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_reporting_owner_count(&count, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_row_count(&count, nullptr, FORM4_TABLE_DERIVATIVE_HOLDING), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_reporting_owner_name(&text, &length, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_reporting_owner_is_director(&flag, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_footnote_text(&text, &length, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_signature_date(&date, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_row_table(&code, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_row_decimal(&number, nullptr, FORM4_FIELD_SHARES), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_row_code(&code, &text, &length, nullptr, FORM4_FIELD_TRANSACTION_CODE), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_row_footnote_count(&count, nullptr, FORM4_FIELD_SHARES), FORM4_E_INVALID_ARGUMENT);
    char* json = nullptr;
    EXPECT_EQ(form4_document_to_json(&json, &length, nullptr, 0), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(json, nullptr);
    form4_dataset* dataset = nullptr;
    EXPECT_EQ(form4_document_to_dataset(&dataset, nullptr, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(dataset, nullptr);
    EXPECT_EQ(form4_dataset_tsv(&text, &length, nullptr, FORM4_DATASET_SUBMISSION), FORM4_E_INVALID_ARGUMENT);
    expect_message_mentions("form4_dataset_tsv");
    char* stream = nullptr;
    EXPECT_EQ(form4_result_to_pickle(&stream, &length, nullptr, 0), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(stream, nullptr);
    EXPECT_EQ(form4_dataset_to_pickle(&stream, &length, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(stream, nullptr);
    expect_message_mentions("form4_dataset_to_pickle");
}

TEST_F(CapiMisuse, NullOutputsAreRejected) {
    EXPECT_EQ(form4_result_document(nullptr, result_.get()), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_issuer_name(nullptr, nullptr, doc_), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_period_of_report(nullptr, doc_), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_row(nullptr, doc_, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, 0), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_row_decimal(nullptr, row_, FORM4_FIELD_SHARES), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_row_text(nullptr, nullptr, row_, FORM4_FIELD_SECURITY_TITLE), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_document_to_json(nullptr, nullptr, doc_, 0), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_field_kind(nullptr, FORM4_FIELD_SHARES), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_result_to_pickle(nullptr, nullptr, result_.get(), 0), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_pickle_shared_objects(nullptr, nullptr), FORM4_E_INVALID_ARGUMENT);
    // Lengths and, for codes, either output are optional.
    const char* text = nullptr;
    EXPECT_EQ(form4_document_issuer_name(&text, nullptr, doc_), FORM4_OK);
    EXPECT_STREQ(text, "Apple Inc.");
    std::int32_t code = -1;
    EXPECT_EQ(form4_row_code(&code, nullptr, nullptr, row_, FORM4_FIELD_TRANSACTION_CODE), FORM4_OK);
    EXPECT_EQ(code, FORM4_TRANSACTION_CODE_S);
    EXPECT_EQ(form4_document_type(nullptr, nullptr, nullptr, doc_), FORM4_OK);
}

TEST_F(CapiMisuse, IndexesPastTheEndAreOutOfRange) {
    std::size_t count = 0;
    ASSERT_EQ(form4_result_diagnostic_count(&count, result_.get()), FORM4_OK);
    const form4_diagnostic* diagnostic = nullptr;
    EXPECT_EQ(form4_result_diagnostic(&diagnostic, result_.get(), count), FORM4_E_OUT_OF_RANGE);
    EXPECT_EQ(form4_result_diagnostic(&diagnostic, result_.get(), static_cast<std::size_t>(-1)), FORM4_E_OUT_OF_RANGE);
    expect_message_mentions("out of range");

    ASSERT_EQ(form4_document_reporting_owner_count(&count, doc_), FORM4_OK);
    const form4_reporting_owner* owner = nullptr;
    EXPECT_EQ(form4_document_reporting_owner(&owner, doc_, count), FORM4_E_OUT_OF_RANGE);
    EXPECT_EQ(owner, nullptr);

    ASSERT_EQ(form4_document_row_count(&count, doc_, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION), FORM4_OK);
    EXPECT_EQ(count, 7u);
    const form4_row* row = nullptr;
    EXPECT_EQ(form4_document_row(&row, doc_, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, count), FORM4_E_OUT_OF_RANGE);
    const form4_footnote* note = nullptr;
    ASSERT_EQ(form4_document_footnote_count(&count, doc_), FORM4_OK);
    EXPECT_EQ(form4_document_footnote(&note, doc_, count), FORM4_E_OUT_OF_RANGE);
    const form4_signature* signature = nullptr;
    ASSERT_EQ(form4_document_signature_count(&count, doc_), FORM4_OK);
    EXPECT_EQ(form4_document_signature(&signature, doc_, count), FORM4_E_OUT_OF_RANGE);
    const char* text = nullptr;
    ASSERT_EQ(form4_document_file_number_count(&count, doc_), FORM4_OK);
    EXPECT_EQ(form4_document_file_number(&text, nullptr, doc_, count), FORM4_E_OUT_OF_RANGE);
    ASSERT_EQ(form4_row_footnote_count(&count, row_, FORM4_FIELD_SECURITY_TITLE), FORM4_OK);
    EXPECT_EQ(count, 1u);
    EXPECT_EQ(form4_row_footnote_id(&text, nullptr, row_, FORM4_FIELD_SECURITY_TITLE, count), FORM4_E_OUT_OF_RANGE);

    form4_dataset* raw = nullptr;
    ASSERT_EQ(form4_document_to_dataset(&raw, doc_, nullptr), FORM4_OK);
    dataset_ptr dataset(raw);
    ASSERT_EQ(form4_dataset_row_count(&count, dataset.get(), FORM4_DATASET_NONDERIV_TRANS), FORM4_OK);
    std::size_t columns = 0;
    ASSERT_EQ(form4_dataset_column_count(&columns, FORM4_DATASET_NONDERIV_TRANS), FORM4_OK);
    EXPECT_EQ(form4_dataset_cell(&text, nullptr, dataset.get(), FORM4_DATASET_NONDERIV_TRANS, count, 0),
              FORM4_E_OUT_OF_RANGE);
    EXPECT_EQ(form4_dataset_cell(&text, nullptr, dataset.get(), FORM4_DATASET_NONDERIV_TRANS, 0, columns),
              FORM4_E_OUT_OF_RANGE);
    EXPECT_EQ(form4_dataset_column_name(&text, nullptr, FORM4_DATASET_NONDERIV_TRANS, columns), FORM4_E_OUT_OF_RANGE);
}

TEST_F(CapiMisuse, EnumerationValuesOutsideTheirSetAreInvalidArguments) {
    std::size_t count = 0;
    for (std::int32_t table : {0, 5, -1, 1000}) {
        EXPECT_EQ(form4_document_row_count(&count, doc_, table), FORM4_E_INVALID_ARGUMENT) << table;
        int has = 0;
        EXPECT_EQ(form4_table_has_field(&has, table, FORM4_FIELD_SHARES), FORM4_E_INVALID_ARGUMENT);
    }
    for (std::int32_t table : {-1, FORM4_DATASET_TABLE_COUNT}) {
        const char* name = nullptr;
        EXPECT_EQ(form4_dataset_table_name(&name, nullptr, table), FORM4_E_INVALID_ARGUMENT) << table;
        EXPECT_EQ(form4_dataset_column_count(&count, table), FORM4_E_INVALID_ARGUMENT) << table;
    }
    for (std::int32_t field : {0, FORM4_FIELD_COUNT, -7}) {
        std::int32_t kind = 0;
        EXPECT_EQ(form4_field_kind(&kind, field), FORM4_E_INVALID_ARGUMENT) << field;
        form4_decimal number{};
        EXPECT_EQ(form4_row_decimal(&number, row_, field), FORM4_E_INVALID_ARGUMENT) << field;
        EXPECT_EQ(form4_row_footnote_count(&count, row_, field), FORM4_E_INVALID_ARGUMENT) << field;
    }
    char* json = nullptr;
    EXPECT_EQ(form4_document_to_json(&json, nullptr, doc_, 0x80), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(json, nullptr);
    EXPECT_EQ(form4_result_to_pickle(&json, nullptr, result_.get(), 0x80), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(json, nullptr);
}

TEST_F(CapiMisuse, FieldsOfAnotherTableOrKindAreRefusedByName) {
    form4_decimal number{};
    EXPECT_EQ(form4_row_decimal(&number, row_, FORM4_FIELD_TOTAL_VALUE), FORM4_E_NOT_APPLICABLE);
    expect_message_mentions("total_value");
    EXPECT_EQ(form4_row_decimal(&number, row_, FORM4_FIELD_UNDERLYING_SHARES), FORM4_E_NOT_APPLICABLE);
    form4_date date{};
    EXPECT_EQ(form4_row_date(&date, row_, FORM4_FIELD_SHARES), FORM4_E_WRONG_TYPE);
    expect_message_mentions("shares");
    const char* text = nullptr;
    EXPECT_EQ(form4_row_text(&text, nullptr, row_, FORM4_FIELD_TRANSACTION_DATE), FORM4_E_WRONG_TYPE);
    int flag = 0;
    EXPECT_EQ(form4_row_bool(&flag, row_, FORM4_FIELD_CODING), FORM4_E_WRONG_TYPE);
    // The kinds the header documents.
    std::int32_t kind = 0;
    ASSERT_EQ(form4_field_kind(&kind, FORM4_FIELD_SHARES), FORM4_OK);
    EXPECT_EQ(kind, FORM4_KIND_DECIMAL);
    ASSERT_EQ(form4_field_kind(&kind, FORM4_FIELD_CODING), FORM4_OK);
    EXPECT_EQ(kind, FORM4_KIND_NONE);
}

TEST_F(CapiMisuse, AbsentValuesSayAbsentAndLeaveTheOutputAlone) {
    // The sample's first row has no deemed execution date, no timeliness.
    form4_date date{};
    date.year = 77;
    EXPECT_EQ(form4_row_date(&date, row_, FORM4_FIELD_DEEMED_EXECUTION_DATE), FORM4_E_ABSENT);
    EXPECT_EQ(date.year, 77);
    expect_message_mentions("deemed_execution_date");
    EXPECT_EQ(form4_row_code(nullptr, nullptr, nullptr, row_, FORM4_FIELD_TIMELINESS), FORM4_E_ABSENT);
    EXPECT_EQ(form4_document_date_of_original_submission(&date, doc_), FORM4_E_ABSENT);
    int flag = 5;
    EXPECT_EQ(form4_document_aff10b5_one(&flag, doc_), FORM4_E_ABSENT);
    EXPECT_EQ(flag, 5);
}

TEST(CapiLastError, IsPerThreadAndClearedBySuccess) {
    EXPECT_EQ(form4_parse(nullptr, nullptr, 0, nullptr), FORM4_E_INVALID_ARGUMENT);
    std::string seen_in_other_thread = "unset";
    int status_in_other_thread = -100;
    std::thread other([&] {
        seen_in_other_thread = form4_last_error_message();
        status_in_other_thread = form4_last_error_status();
    });
    other.join();
    EXPECT_EQ(seen_in_other_thread, "");
    EXPECT_EQ(status_in_other_thread, FORM4_OK);
    EXPECT_NE(std::string(form4_last_error_message()), "");  // still ours
    std::int32_t kind = 0;
    ASSERT_EQ(form4_field_kind(&kind, FORM4_FIELD_SHARES), FORM4_OK);
    EXPECT_STREQ(form4_last_error_message(), "");
    EXPECT_EQ(form4_last_error_status(), FORM4_OK);
}

TEST(CapiLastError, ALongMessageIsCutNotOverflowed) {
    const std::string long_path = "/nonexistent/" + std::string(4000, 'x') + ".xml";
    form4_result* raw = nullptr;
    EXPECT_EQ(form4_parse_file(&raw, long_path.c_str(), nullptr), FORM4_E_IO);
    result_ptr result(raw);
    const std::size_t length = std::strlen(form4_last_error_message());
    EXPECT_GT(length, 100u);
    EXPECT_LT(length, 1024u);
}
