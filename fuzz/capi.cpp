// libFuzzer target: the C ABI (form4_parse with format detection), then every
// getter on what comes back, the way a foreign caller walks a result.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>

#include "form4/form4.h"

namespace {

[[noreturn]] void broken_promise(const char* what, int status) {
    std::fprintf(stderr, "form4 capi fuzz: %s (status %s: %s)\n", what, form4_status_name(status),
                 form4_last_error_message());
    std::abort();
}

// Only these statuses may come out of a getter on a valid handle.
void expect_getter_status(int status) {
    if (status != FORM4_OK && status != FORM4_E_ABSENT && status != FORM4_E_NOT_APPLICABLE &&
        status != FORM4_E_WRONG_TYPE)
        broken_promise("a getter failed on a valid handle", status);
}

// Reads every byte of a returned string, so that a bad pointer or length shows.
void touch(const char* text, std::size_t length) {
    if (!text) return;
    if (text[length] != '\0') broken_promise("a string is not NUL-terminated at its length", FORM4_OK);
    volatile unsigned sum = 0;
    for (std::size_t i = 0; i < length; ++i) sum = sum + static_cast<unsigned char>(text[i]);
}

using text_getter = int (*)(const char**, std::size_t*, const form4_document*);

void walk_rows(const form4_document* doc) {
    for (std::int32_t table = FORM4_TABLE_NON_DERIVATIVE_TRANSACTION; table <= FORM4_TABLE_DERIVATIVE_HOLDING;
         ++table) {
        std::size_t rows = 0;
        if (int status = form4_document_row_count(&rows, doc, table); status != FORM4_OK)
            broken_promise("row count", status);
        for (std::size_t i = 0; i < rows; ++i) {
            const form4_row* row = nullptr;
            if (int status = form4_document_row(&row, doc, table, i); status != FORM4_OK)
                broken_promise("row", status);
            for (std::int32_t field = 1; field < FORM4_FIELD_COUNT; ++field) {
                const char* text = nullptr;
                std::size_t length = 0;
                if (form4_row_text(&text, &length, row, field) == FORM4_OK) touch(text, length);
                form4_decimal number;
                expect_getter_status(form4_row_decimal(&number, row, field));
                form4_date day;
                expect_getter_status(form4_row_date(&day, row, field));
                std::int32_t code = 0;
                if (form4_row_code(&code, &text, &length, row, field) == FORM4_OK) touch(text, length);
                int flag = 0;
                expect_getter_status(form4_row_bool(&flag, row, field));
                std::size_t notes = 0;
                if (form4_row_footnote_count(&notes, row, field) != FORM4_OK) continue;
                for (std::size_t n = 0; n < notes; ++n) {
                    if (int status = form4_row_footnote_id(&text, &length, row, field, n); status != FORM4_OK)
                        broken_promise("footnote id within the count", status);
                    touch(text, length);
                }
            }
        }
    }
}

void walk_document(const form4_document* doc) {
    const char* text = nullptr;
    std::size_t length = 0;
    for (text_getter get : {form4_document_schema_version, form4_document_issuer_cik, form4_document_issuer_name,
                            form4_document_issuer_trading_symbol, form4_document_issuer_foreign_trading_symbol,
                            form4_document_remarks, form4_document_accession_number,
                            form4_document_submission_type}) {
        if (int status = get(&text, &length, doc); status != FORM4_OK) broken_promise("document text", status);
        touch(text, length);
    }
    std::int32_t type = 0;
    if (form4_document_type(&type, &text, &length, doc) == FORM4_OK) touch(text, length);
    form4_date day;
    expect_getter_status(form4_document_period_of_report(&day, doc));
    expect_getter_status(form4_document_date_of_original_submission(&day, doc));
    expect_getter_status(form4_document_filing_date(&day, doc));
    int flag = 0;
    expect_getter_status(form4_document_no_securities_owned(&flag, doc));
    expect_getter_status(form4_document_aff10b5_one(&flag, doc));

    std::size_t count = 0;
    form4_document_file_number_count(&count, doc);
    for (std::size_t i = 0; i < count; ++i)
        if (form4_document_file_number(&text, &length, doc, i) == FORM4_OK) touch(text, length);

    form4_document_reporting_owner_count(&count, doc);
    for (std::size_t i = 0; i < count; ++i) {
        const form4_reporting_owner* owner = nullptr;
        if (int status = form4_document_reporting_owner(&owner, doc, i); status != FORM4_OK)
            broken_promise("owner within the count", status);
        using owner_text = int (*)(const char**, std::size_t*, const form4_reporting_owner*);
        for (owner_text get : {form4_reporting_owner_cik, form4_reporting_owner_name, form4_reporting_owner_street1,
                               form4_reporting_owner_city, form4_reporting_owner_state,
                               form4_reporting_owner_zip_code, form4_reporting_owner_country,
                               form4_reporting_owner_officer_title, form4_reporting_owner_other_text})
            if (get(&text, &length, owner) == FORM4_OK) touch(text, length);
        expect_getter_status(form4_reporting_owner_is_director(&flag, owner));
        expect_getter_status(form4_reporting_owner_non_us_address(&flag, owner));
    }
    form4_document_footnote_count(&count, doc);
    for (std::size_t i = 0; i < count; ++i) {
        const form4_footnote* note = nullptr;
        if (int status = form4_document_footnote(&note, doc, i); status != FORM4_OK)
            broken_promise("footnote within the count", status);
        if (form4_footnote_id(&text, &length, note) == FORM4_OK) touch(text, length);
        if (form4_footnote_text(&text, &length, note) == FORM4_OK) touch(text, length);
    }
    form4_document_signature_count(&count, doc);
    for (std::size_t i = 0; i < count; ++i) {
        const form4_signature* signature = nullptr;
        if (int status = form4_document_signature(&signature, doc, i); status != FORM4_OK)
            broken_promise("signature within the count", status);
        if (form4_signature_name(&text, &length, signature) == FORM4_OK) touch(text, length);
        expect_getter_status(form4_signature_date(&day, signature));
    }
    walk_rows(doc);

    for (std::uint32_t flags : {FORM4_JSON_COMPACT, FORM4_JSON_PRETTY}) {
        char* json = nullptr;
        if (int status = form4_document_to_json(&json, &length, doc, flags); status != FORM4_OK)
            broken_promise("to_json", status);
        touch(json, length);
        form4_string_free(json);
    }
    form4_dataset* dataset = nullptr;
    if (int status = form4_document_to_dataset(&dataset, doc, nullptr); status != FORM4_OK)
        broken_promise("to_dataset", status);
    for (std::int32_t table = 0; table < FORM4_DATASET_TABLE_COUNT; ++table) {
        if (int status = form4_dataset_tsv(&text, &length, dataset, table); status != FORM4_OK)
            broken_promise("dataset tsv", status);
        touch(text, length);
    }
    form4_dataset_free(dataset);
}

void parse_and_walk(const char* data, std::size_t size, const form4_parse_options& options) {
    form4_result* result = nullptr;
    int status = form4_parse(&result, data, size, &options);
    if (status != FORM4_OK && status != FORM4_E_PARSE) broken_promise("form4_parse", status);
    if (!result) broken_promise("form4_parse gave no result", status);
    std::size_t diagnostics = 0;
    form4_result_diagnostic_count(&diagnostics, result);
    for (std::size_t i = 0; i < diagnostics; ++i) {
        const form4_diagnostic* diagnostic = nullptr;
        if (int got = form4_result_diagnostic(&diagnostic, result, i); got != FORM4_OK)
            broken_promise("diagnostic within the count", got);
        const char* text = nullptr;
        std::size_t length = 0;
        if (form4_diagnostic_code(&text, &length, diagnostic) == FORM4_OK) touch(text, length);
        if (form4_diagnostic_message(&text, &length, diagnostic) == FORM4_OK) touch(text, length);
    }
    const form4_document* doc = nullptr;
    int got_document = form4_result_document(&doc, result);
    if ((status == FORM4_OK) != (got_document == FORM4_OK))
        broken_promise("form4_parse's status disagrees with form4_result_document", got_document);
    if (doc) walk_document(doc);
    form4_result_free(result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* bytes = reinterpret_cast<const char*>(data);
    form4_parse_options options;
    if (int status = form4_parse_options_init(&options, FORM4_PARSE_OPTIONS_VERSION); status != FORM4_OK)
        broken_promise("options init", status);
    for (int lenient : {0, 1}) {
        options.lenient = lenient;
        parse_and_walk(bytes, size, options);
    }
    // Tight limits, so that the limit errors cross the C boundary too.
    options.max_depth = 6;
    options.max_elements = 300;
    options.max_string_bytes = 200;
    options.max_rows = 3;
    options.max_footnotes = 2;
    parse_and_walk(bytes, size, options);
    return 0;
}
