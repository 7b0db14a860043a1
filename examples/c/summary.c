/* Example: read a filing through the C interface (libform4_c) and print
 * every row of Tables I and II, field by field, without knowing the fields
 * in advance: the field table tells each field's name and kind.
 *
 *   form4_example_c FILE
 */
#include <form4/form4.h>
#include <stdio.h>

static void print_field(const form4_row* row, int32_t field) {
    const char* name = NULL;
    const char* text = NULL;
    size_t length = 0;
    int32_t kind = FORM4_KIND_NONE;
    int32_t code = 0;
    int flag = 0;
    form4_decimal number;
    form4_date date;
    size_t footnotes = 0;
    size_t i;
    int status = FORM4_E_ABSENT;

    form4_field_name(&name, NULL, field);
    form4_field_kind(&kind, field);
    switch (kind) {
        case FORM4_KIND_TEXT: status = form4_row_text(&text, &length, row, field); break;
        case FORM4_KIND_DECIMAL:
            status = form4_row_decimal(&number, row, field);
            text = number.text;
            length = number.text_length;
            break;
        case FORM4_KIND_DATE:
            status = form4_row_date(&date, row, field);
            text = date.iso;
            length = 10;
            break;
        case FORM4_KIND_CODE: status = form4_row_code(&code, &text, &length, row, field); break;
        case FORM4_KIND_BOOL:
            status = form4_row_bool(&flag, row, field);
            text = flag ? "yes" : "no";
            length = flag ? 3 : 2;
            break;
        default: break; /* the coding as a whole: footnotes only */
    }
    form4_row_footnote_count(&footnotes, row, field);
    if (status != FORM4_OK && footnotes == 0) return; /* absent, nothing to say */
    printf("    %-30s %.*s", name, status == FORM4_OK ? (int)length : 1, status == FORM4_OK ? text : "-");
    for (i = 0; i < footnotes; ++i) {
        const char* id = NULL;
        if (form4_row_footnote_id(&id, NULL, row, field, i) == FORM4_OK) printf("%s%s", i ? ", " : " [", id);
    }
    printf("%s\n", footnotes ? "]" : "");
}

int main(int argc, char** argv) {
    static const char* const table_names[] = {"", "Table I transaction", "Table I holding", "Table II transaction",
                                              "Table II holding"};
    form4_result* result = NULL;
    const form4_document* doc = NULL;
    const char* text = NULL;
    size_t length = 0, count = 0, i;
    int32_t table, field;
    int status;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    printf("libform4_c %s (header %s)\n", form4_version_string(), FORM4_VERSION_STRING);

    status = form4_parse_file(&result, argv[1], NULL);
    /* Diagnostics are on the result whether or not a document came out. */
    form4_result_diagnostic_count(&count, result);
    for (i = 0; i < count; ++i) {
        const form4_diagnostic* d = NULL;
        size_t line = 0;
        form4_result_diagnostic(&d, result, i);
        form4_diagnostic_message(&text, &length, d);
        form4_diagnostic_line(&line, d);
        fprintf(stderr, "%s:%zu: %.*s\n", argv[1], line, (int)length, text);
    }
    if (status != FORM4_OK) {
        fprintf(stderr, "%s: %s\n", form4_status_name(status), form4_last_error_message());
        form4_result_free(result);
        return 1;
    }
    form4_result_document(&doc, result);

    form4_document_issuer_name(&text, &length, doc);
    printf("issuer: %.*s\n", (int)length, text);
    form4_document_reporting_owner_count(&count, doc);
    for (i = 0; i < count; ++i) {
        const form4_reporting_owner* owner = NULL;
        int director = 0;
        form4_document_reporting_owner(&owner, doc, i);
        form4_reporting_owner_name(&text, &length, owner);
        printf("owner: %.*s", (int)length, text);
        if (form4_reporting_owner_is_director(&director, owner) == FORM4_OK && director) printf(" (director)");
        printf("\n");
    }

    for (table = FORM4_TABLE_NON_DERIVATIVE_TRANSACTION; table <= FORM4_TABLE_DERIVATIVE_HOLDING; ++table) {
        form4_document_row_count(&count, doc, table);
        for (i = 0; i < count; ++i) {
            const form4_row* row = NULL;
            form4_document_row(&row, doc, table, i);
            printf("%s %zu:\n", table_names[table], i + 1);
            for (field = 1; field < FORM4_FIELD_COUNT; ++field) {
                int has = 0;
                if (form4_table_has_field(&has, table, field) == FORM4_OK && has) print_field(row, field);
            }
        }
    }

    form4_result_free(result);
    return 0;
}
