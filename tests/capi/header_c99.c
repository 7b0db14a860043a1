/* Compiled with -std=c99 -pedantic -Werror -Wall -Wextra by ctest: the
 * public header must be plain C99 and warning-free, and its macros usable
 * in constant expressions. */
/* A part of the interface included first, on its own: it brings in form4.h. */
#include <form4/activity.h>
#include <form4/form4.h>

/* C99 has no _Static_assert: a negative array size fails the compile. */
#define CHECK(name, condition) typedef char check_##name[(condition) ? 1 : -1]

CHECK(version_number, FORM4_VERSION_NUMBER ==
                          FORM4_VERSION_MAJOR * 10000 + FORM4_VERSION_MINOR * 100 + FORM4_VERSION_PATCH);
CHECK(transaction_codes_are_letters, FORM4_TRANSACTION_CODE_P == 'P' && FORM4_TRANSACTION_CODE_Z == 'Z');
CHECK(ok_is_zero, FORM4_OK == 0);
CHECK(errors_are_negative, FORM4_E_INVALID_ARGUMENT < 0 && FORM4_E_INTERNAL < 0);
CHECK(decimal_text_fits, sizeof(((form4_decimal*)0)->text) >= 23);
CHECK(date_iso_fits, sizeof(((form4_date*)0)->iso) >= 11);

static const form4_parse_options default_parse_options = FORM4_PARSE_OPTIONS_INIT;
static const form4_dataset_options default_dataset_options = FORM4_DATASET_OPTIONS_INIT;

/* Every kind of declaration used once, so that a prototype the compiler
 * would reject in C shows up here. */
int use_the_header(const char* data, size_t len);
int use_the_header(const char* data, size_t len) {
    form4_result* result = NULL;
    const form4_document* doc = NULL;
    const form4_row* row = NULL;
    form4_dataset* dataset = NULL;
    form4_decimal shares;
    form4_date when;
    const char* text = NULL;
    size_t text_len = 0;
    int32_t code = 0;
    char* json = NULL;
    int status = form4_parse(&result, data, len, &default_parse_options);
    if (status == FORM4_OK && form4_result_document(&doc, result) == FORM4_OK) {
        if (form4_document_row(&row, doc, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, 0) == FORM4_OK) {
            (void)form4_row_decimal(&shares, row, FORM4_FIELD_SHARES);
            (void)form4_row_date(&when, row, FORM4_FIELD_TRANSACTION_DATE);
            (void)form4_row_code(&code, &text, &text_len, row, FORM4_FIELD_TRANSACTION_CODE);
        }
        if (form4_document_to_json(&json, NULL, doc, FORM4_JSON_PRETTY) == FORM4_OK) form4_string_free(json);
        if (form4_document_to_dataset(&dataset, doc, &default_dataset_options) == FORM4_OK)
            form4_dataset_free(dataset);
    }
    form4_result_free(result);
    return status;
}
