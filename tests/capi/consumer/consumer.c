/* Built against an installed libform4_c by the install smoke test. */
#include <form4/form4.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    form4_result* result = NULL;
    const form4_document* doc = NULL;
    const char* issuer = NULL;
    size_t issuer_len = 0;
    int status;
    if (argc != 2) return 2;
    /* The library in use must be the one this header describes. */
    if (form4_abi_version() != FORM4_ABI_VERSION || strcmp(form4_version_string(), FORM4_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s, library %s\n", FORM4_VERSION_STRING, form4_version_string());
        return 1;
    }
    status = form4_parse_file(&result, argv[1], NULL);
    if (status != FORM4_OK) {
        fprintf(stderr, "%s: %s\n", form4_status_name(status), form4_last_error_message());
        form4_result_free(result);
        return 1;
    }
    if (form4_result_document(&doc, result) != FORM4_OK ||
        form4_document_issuer_name(&issuer, &issuer_len, doc) != FORM4_OK) {
        form4_result_free(result);
        return 1;
    }
    printf("form4 %s\nissuer: %.*s\n", form4_version_string(), (int)issuer_len, issuer);
    form4_result_free(result);
    return 0;
}
