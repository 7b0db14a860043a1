/*
 * form4.h: the stable C interface of form4 (libform4_c).
 *
 * Reads SEC Form 3/4/5 ownership filings (ownership XML, EDGAR submissions,
 * rendered text) into one model, and reads that model back out field by
 * field, as JSON, or as the rows of the SEC's "Form 345" data-set tables.
 *
 * Conventions (the same for every function, so that none needs a manual):
 *  - Names are form4_<object>_<verb>; types form4_<object>; macros FORM4_*.
 *  - Fallible functions return an int status: FORM4_OK (0) or a negative
 *    FORM4_E_* code. Outputs come first in the parameter list. On failure
 *    the outputs are left untouched unless the function says otherwise.
 *  - Handles are opaque. What the caller creates (form4_result,
 *    form4_dataset, strings from *_to_json) the caller frees with the
 *    matching *_free function; passing NULL to a *_free is a no-op.
 *  - Getters hand out borrowed pointers (handles and strings) that stay
 *    valid until the object they came from is freed. Never free them.
 *  - Strings are UTF-8, NUL-terminated, and come with their length in bytes
 *    (a length output may be NULL when the caller does not want it).
 *  - An optional value the filing left out gives FORM4_E_ABSENT: never a
 *    sentinel. Plain text fields that the model keeps as text (names,
 *    addresses) are "" when not filed and return FORM4_OK.
 *  - Enumerations cross as int32_t. Their values are fixed forever; new
 *    values are only ever appended.
 *  - Options structs carry a version first; initialise them with
 *    form4_parse_options_init() or FORM4_PARSE_OPTIONS_INIT.
 *  - Every function returning a status other than FORM4_OK also records a
 *    message for the calling thread: form4_last_error_message().
 *  - All functions may be called from many threads at once on different
 *    objects. Objects are immutable once created, so one result may also
 *    be read from many threads at once.
 *
 * The shared library's SONAME carries FORM4_ABI_VERSION: within one ABI
 * version, functions, structs and enumeration values are only ever added.
 */
#ifndef FORM4_FORM4_H
#define FORM4_FORM4_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(FORM4_C_BUILDING)
#  define FORM4_API __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#  define FORM4_API __attribute__((visibility("default")))
#else
#  define FORM4_API
#endif

/* ------------------------------------------------------------------ */
/* Versions                                                            */
/* ------------------------------------------------------------------ */

#define FORM4_VERSION_MAJOR 0
#define FORM4_VERSION_MINOR 1
#define FORM4_VERSION_PATCH 0
/* One number to compare against: 10000 * major + 100 * minor + patch. */
#define FORM4_VERSION_NUMBER \
    (FORM4_VERSION_MAJOR * 10000 + FORM4_VERSION_MINOR * 100 + FORM4_VERSION_PATCH)
#define FORM4_VERSION_STRINGIFY_(x) #x
#define FORM4_VERSION_STRINGIFY(x) FORM4_VERSION_STRINGIFY_(x)
#define FORM4_VERSION_STRING                                                        \
    FORM4_VERSION_STRINGIFY(FORM4_VERSION_MAJOR) "." FORM4_VERSION_STRINGIFY(     \
        FORM4_VERSION_MINOR) "." FORM4_VERSION_STRINGIFY(FORM4_VERSION_PATCH)
/* The ABI version: the number in the SONAME (libform4_c.so.1). */
#define FORM4_ABI_VERSION 1

/* The version of the library actually loaded (may be newer than the
 * header the caller was compiled with). */
FORM4_API int form4_version_major(void);
FORM4_API int form4_version_minor(void);
FORM4_API int form4_version_patch(void);
FORM4_API int form4_version_number(void);
FORM4_API const char* form4_version_string(void);
FORM4_API int form4_abi_version(void);

/* ------------------------------------------------------------------ */
/* Status codes and the last error                                     */
/* ------------------------------------------------------------------ */

#define FORM4_OK 0
#define FORM4_E_INVALID_ARGUMENT (-1) /* a NULL pointer or a bad value where one is required */
#define FORM4_E_OUT_OF_RANGE (-2)     /* an index past the end of a list */
#define FORM4_E_ABSENT (-3)           /* the optional value is not in the filing */
#define FORM4_E_PARSE (-4)            /* the input could not be read into a document */
#define FORM4_E_IO (-5)               /* a file could not be opened or read */
#define FORM4_E_NO_MEMORY (-6)        /* an allocation failed */
#define FORM4_E_VERSION (-7)          /* an options struct of a version this library does not know */
#define FORM4_E_NO_DOCUMENT (-8)      /* the result holds diagnostics but no document */
#define FORM4_E_NOT_APPLICABLE (-9)   /* the field does not exist in this kind of row */
#define FORM4_E_WRONG_TYPE (-10)      /* the field holds another kind of value than asked for */
#define FORM4_E_INTERNAL (-11)        /* a bug in form4: please report it */

/* "FORM4_OK", "FORM4_E_ABSENT", ...; "FORM4_E_UNKNOWN" for other values.
 * Static storage, never NULL. */
FORM4_API const char* form4_status_name(int status);

/* The message of the calling thread's most recent failed call ("" when the
 * most recent call succeeded). Each call into form4 (except this one,
 * form4_last_error_status, form4_status_name, the version functions and the
 * *_free functions) replaces it. Valid until the next call into form4 on the
 * same thread. */
FORM4_API const char* form4_last_error_message(void);
/* The status of the calling thread's most recent call (FORM4_OK if none). */
FORM4_API int form4_last_error_status(void);

/* ------------------------------------------------------------------ */
/* Enumerations (int32_t values, fixed forever)                        */
/* ------------------------------------------------------------------ */

/* Input formats (form4_parse_options.format, form4_result_format). */
#define FORM4_FORMAT_AUTO 0       /* detect from the content */
#define FORM4_FORMAT_XML 1        /* ownership XML (<ownershipDocument>) */
#define FORM4_FORMAT_TEXT 2       /* rendered text form */
#define FORM4_FORMAT_HTML 3       /* EDGAR's HTML rendering */
#define FORM4_FORMAT_SUBMISSION 4 /* EDGAR SGML submission (.txt, .nc) */

/* Diagnostic severities. */
#define FORM4_SEVERITY_NOTE 0
#define FORM4_SEVERITY_WARNING 1
#define FORM4_SEVERITY_ERROR 2

/* Document types (form4_document_type). */
#define FORM4_DOCUMENT_TYPE_UNKNOWN 0
#define FORM4_DOCUMENT_TYPE_FORM3 1
#define FORM4_DOCUMENT_TYPE_FORM3_AMENDMENT 2
#define FORM4_DOCUMENT_TYPE_FORM4 3
#define FORM4_DOCUMENT_TYPE_FORM4_AMENDMENT 4
#define FORM4_DOCUMENT_TYPE_FORM5 5
#define FORM4_DOCUMENT_TYPE_FORM5_AMENDMENT 6

/* Transaction codes (Form 4 General Instruction 8): the value is the
 * letter's ASCII code, so FORM4_TRANSACTION_CODE_P == 'P'. */
#define FORM4_TRANSACTION_CODE_UNKNOWN 0
#define FORM4_TRANSACTION_CODE_A 65
#define FORM4_TRANSACTION_CODE_C 67
#define FORM4_TRANSACTION_CODE_D 68
#define FORM4_TRANSACTION_CODE_E 69
#define FORM4_TRANSACTION_CODE_F 70
#define FORM4_TRANSACTION_CODE_G 71
#define FORM4_TRANSACTION_CODE_H 72
#define FORM4_TRANSACTION_CODE_I 73
#define FORM4_TRANSACTION_CODE_J 74
#define FORM4_TRANSACTION_CODE_K 75
#define FORM4_TRANSACTION_CODE_L 76
#define FORM4_TRANSACTION_CODE_M 77
#define FORM4_TRANSACTION_CODE_O 79
#define FORM4_TRANSACTION_CODE_P 80
#define FORM4_TRANSACTION_CODE_S 83
#define FORM4_TRANSACTION_CODE_U 85
#define FORM4_TRANSACTION_CODE_V 86
#define FORM4_TRANSACTION_CODE_W 87
#define FORM4_TRANSACTION_CODE_X 88
#define FORM4_TRANSACTION_CODE_Z 90

/* Acquired (A) or disposed of (D). */
#define FORM4_ACQUIRED_DISPOSED_UNKNOWN 0
#define FORM4_ACQUIRED_DISPOSED_ACQUIRED 1
#define FORM4_ACQUIRED_DISPOSED_DISPOSED 2

/* Direct (D) or indirect (I) ownership. */
#define FORM4_OWNERSHIP_FORM_UNKNOWN 0
#define FORM4_OWNERSHIP_FORM_DIRECT 1
#define FORM4_OWNERSHIP_FORM_INDIRECT 2

/* Timeliness: early (E) or late (L). */
#define FORM4_TIMELINESS_UNKNOWN 0
#define FORM4_TIMELINESS_EARLY 1
#define FORM4_TIMELINESS_LATE 2

/* Form type of a transaction or holding coding: the form's number. */
#define FORM4_FORM_TYPE_UNKNOWN 0
#define FORM4_FORM_TYPE_FORM3 3
#define FORM4_FORM_TYPE_FORM4 4
#define FORM4_FORM_TYPE_FORM5 5

/* ------------------------------------------------------------------ */
/* Value structs                                                       */
/* ------------------------------------------------------------------ */

/* An exact decimal: value = mantissa * 10^-scale, and the text as filed
 * ("26.80": mantissa 2680, scale 2). Never rounded, never a double. */
typedef struct form4_decimal {
    int64_t mantissa;
    int32_t scale;
    uint32_t text_length;
    char text[40]; /* NUL-terminated; at most 22 characters are ever used */
} form4_decimal;

/* A calendar date, and the same as ISO 8601 text ("2024-07-01"). */
typedef struct form4_date {
    int32_t year;
    int32_t month; /* 1..12 */
    int32_t day;   /* 1..31 */
    char iso[12];  /* "YYYY-MM-DD", NUL-terminated */
} form4_date;

/* A date and time to the second, with no time zone (EDGAR's clock is US
   Eastern time). */
typedef struct form4_datetime {
    form4_date date;
    int32_t hour;   /* 0..23 */
    int32_t minute; /* 0..59 */
    int32_t second; /* 0..59 */
    char iso[20];   /* "YYYY-MM-DDThh:mm:ss", NUL-terminated */
} form4_datetime;

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* Version 2 added record_positions; a version 1 struct (without it) is
 * still accepted, read and initialized only as far as version 1 went. */
#define FORM4_PARSE_OPTIONS_VERSION 2

typedef struct form4_parse_options {
    unsigned int version; /* FORM4_PARSE_OPTIONS_VERSION */
    int32_t format;       /* FORM4_FORMAT_*; FORM4_FORMAT_AUTO detects it */
    int32_t lenient;      /* 0: any malformation fails the parse; nonzero:
                             keep what the damage does not touch */
    /* Limits against hostile input; 0 keeps the library's default. */
    uint64_t max_input_bytes;
    uint64_t max_depth;
    uint64_t max_elements;
    uint64_t max_string_bytes;
    uint64_t max_rows;
    uint64_t max_footnotes;
    /* Since version 2. Nonzero: note the line and column where each field is
       read, so that form4_lint findings carry them (a parse costs about 1.4
       times as much); 0: findings have line 0. */
    int32_t record_positions;
} form4_parse_options;

#define FORM4_PARSE_OPTIONS_INIT \
    { FORM4_PARSE_OPTIONS_VERSION, FORM4_FORMAT_AUTO, 0, 0, 0, 0, 0, 0, 0, 0 }

/* Fills *opts with the defaults of the given version (pass
 * FORM4_PARSE_OPTIONS_VERSION). FORM4_E_VERSION for a version this library
 * does not know. */
FORM4_API int form4_parse_options_init(form4_parse_options* opts, unsigned int version);

typedef struct form4_result form4_result;         /* caller-owned */
typedef struct form4_document form4_document;     /* borrowed from a result */
typedef struct form4_diagnostic form4_diagnostic; /* borrowed from a result */

/* Parses len bytes at data (not NUL-terminated; data may be NULL when len
 * is 0). opts may be NULL for the defaults.
 *  - FORM4_OK: *out is a result holding a document (and maybe warnings).
 *  - FORM4_E_PARSE: *out is a result holding no document, only the
 *    diagnostics that say why. The caller frees it all the same.
 *  - any other status: *out is set to NULL. */
FORM4_API int form4_parse(form4_result** out, const char* data, size_t len,
                          const form4_parse_options* opts);
/* The same for a file (path in the platform's encoding). A file that
 * cannot be read gives FORM4_E_IO, and *out a result whose diagnostic says
 * why. */
FORM4_API int form4_parse_file(form4_result** out, const char* path,
                               const form4_parse_options* opts);
FORM4_API void form4_result_free(form4_result* result);

/* The document, or FORM4_E_NO_DOCUMENT when the parse failed. */
FORM4_API int form4_result_document(const form4_document** out, const form4_result* result);
/* The format that was parsed (FORM4_FORMAT_*). */
FORM4_API int form4_result_format(int32_t* out, const form4_result* result);

FORM4_API int form4_result_diagnostic_count(size_t* out, const form4_result* result);
FORM4_API int form4_result_diagnostic(const form4_diagnostic** out, const form4_result* result,
                                      size_t index);
FORM4_API int form4_diagnostic_severity(int32_t* out, const form4_diagnostic* diagnostic);
/* A stable code such as "xml.mismatched-end-tag". */
FORM4_API int form4_diagnostic_code(const char** out, size_t* out_len,
                                    const form4_diagnostic* diagnostic);
FORM4_API int form4_diagnostic_message(const char** out, size_t* out_len,
                                       const form4_diagnostic* diagnostic);
/* 1-based; 0 when the finding has no position in the input. */
FORM4_API int form4_diagnostic_line(size_t* out, const form4_diagnostic* diagnostic);
FORM4_API int form4_diagnostic_column(size_t* out, const form4_diagnostic* diagnostic);

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

typedef struct form4_reporting_owner form4_reporting_owner; /* borrowed */
typedef struct form4_row form4_row;                         /* borrowed */
typedef struct form4_footnote form4_footnote;               /* borrowed */
typedef struct form4_signature form4_signature;             /* borrowed */

/* "X0306"; "" when not given. */
FORM4_API int form4_document_schema_version(const char** out, size_t* out_len,
                                            const form4_document* doc);
/* FORM4_DOCUMENT_TYPE_* and the text as filed ("4/A"). Either output may
 * be NULL. */
FORM4_API int form4_document_type(int32_t* out_value, const char** out_text, size_t* out_len,
                                  const form4_document* doc);
FORM4_API int form4_document_period_of_report(form4_date* out, const form4_document* doc);
FORM4_API int form4_document_date_of_original_submission(form4_date* out,
                                                         const form4_document* doc);
/* Flags: *out is 0 or 1; FORM4_E_ABSENT when not filed. */
FORM4_API int form4_document_no_securities_owned(int* out, const form4_document* doc);
FORM4_API int form4_document_not_subject_to_section16(int* out, const form4_document* doc);
FORM4_API int form4_document_form3_holdings_reported(int* out, const form4_document* doc);
FORM4_API int form4_document_form4_transactions_reported(int* out, const form4_document* doc);
FORM4_API int form4_document_aff10b5_one(int* out, const form4_document* doc);

FORM4_API int form4_document_issuer_cik(const char** out, size_t* out_len,
                                        const form4_document* doc);
FORM4_API int form4_document_issuer_name(const char** out, size_t* out_len,
                                         const form4_document* doc);
FORM4_API int form4_document_issuer_trading_symbol(const char** out, size_t* out_len,
                                                   const form4_document* doc);
FORM4_API int form4_document_issuer_foreign_trading_symbol(const char** out, size_t* out_len,
                                                           const form4_document* doc);
FORM4_API int form4_document_remarks(const char** out, size_t* out_len,
                                     const form4_document* doc);

/* What an EDGAR submission envelope adds ("" / absent for a loose XML). */
FORM4_API int form4_document_accession_number(const char** out, size_t* out_len,
                                              const form4_document* doc);
FORM4_API int form4_document_filing_date(form4_date* out, const form4_document* doc);
/* <ACCEPTANCE-DATETIME>: when EDGAR accepted the filing; FORM4_E_ABSENT when
   the envelope does not say (and for a loose XML file). */
FORM4_API int form4_document_acceptance_datetime(form4_datetime* out, const form4_document* doc);
FORM4_API int form4_document_submission_type(const char** out, size_t* out_len,
                                             const form4_document* doc);
FORM4_API int form4_document_file_number_count(size_t* out, const form4_document* doc);
FORM4_API int form4_document_file_number(const char** out, size_t* out_len,
                                         const form4_document* doc, size_t index);

FORM4_API int form4_document_reporting_owner_count(size_t* out, const form4_document* doc);
FORM4_API int form4_document_reporting_owner(const form4_reporting_owner** out,
                                             const form4_document* doc, size_t index);
FORM4_API int form4_document_footnote_count(size_t* out, const form4_document* doc);
FORM4_API int form4_document_footnote(const form4_footnote** out, const form4_document* doc,
                                      size_t index);
FORM4_API int form4_document_signature_count(size_t* out, const form4_document* doc);
FORM4_API int form4_document_signature(const form4_signature** out, const form4_document* doc,
                                       size_t index);

/* ------------------------------------------------------------------ */
/* Reporting owners                                                    */
/* ------------------------------------------------------------------ */

FORM4_API int form4_reporting_owner_cik(const char** out, size_t* out_len,
                                        const form4_reporting_owner* owner);
/* Only in submitted (not disseminated) documents. */
FORM4_API int form4_reporting_owner_ccc(const char** out, size_t* out_len,
                                        const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_name(const char** out, size_t* out_len,
                                         const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_street1(const char** out, size_t* out_len,
                                            const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_street2(const char** out, size_t* out_len,
                                            const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_city(const char** out, size_t* out_len,
                                         const form4_reporting_owner* owner);
/* US state or SEC country code. */
FORM4_API int form4_reporting_owner_state(const char** out, size_t* out_len,
                                          const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_zip_code(const char** out, size_t* out_len,
                                             const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_state_description(const char** out, size_t* out_len,
                                                      const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_non_us_state_territory(const char** out, size_t* out_len,
                                                           const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_country(const char** out, size_t* out_len,
                                            const form4_reporting_owner* owner);
/* Flags: *out is 0 or 1; FORM4_E_ABSENT when not filed. */
FORM4_API int form4_reporting_owner_non_us_address(int* out, const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_good_address(int* out, const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_is_director(int* out, const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_is_officer(int* out, const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_is_ten_percent_owner(int* out,
                                                         const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_is_other(int* out, const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_officer_title(const char** out, size_t* out_len,
                                                  const form4_reporting_owner* owner);
FORM4_API int form4_reporting_owner_other_text(const char** out, size_t* out_len,
                                               const form4_reporting_owner* owner);

/* ------------------------------------------------------------------ */
/* Footnotes and signatures                                            */
/* ------------------------------------------------------------------ */

FORM4_API int form4_footnote_id(const char** out, size_t* out_len, const form4_footnote* note);
FORM4_API int form4_footnote_text(const char** out, size_t* out_len, const form4_footnote* note);
FORM4_API int form4_signature_name(const char** out, size_t* out_len,
                                   const form4_signature* signature);
FORM4_API int form4_signature_date(form4_date* out, const form4_signature* signature);

/* ------------------------------------------------------------------ */
/* Table rows: Table I and II transactions and holdings                */
/* ------------------------------------------------------------------ */
/*
 * The four tables share most of their columns, and nearly every value in
 * them can carry footnotes. So rather than one function per table and
 * column, a row is read like a database row (sqlite3_column_*): a getter
 * per kind of value, keyed by a FORM4_FIELD_* number. A field the SEC adds
 * later becomes a new number, not a new function.
 */

#define FORM4_TABLE_NON_DERIVATIVE_TRANSACTION 1 /* Table I, transactions */
#define FORM4_TABLE_NON_DERIVATIVE_HOLDING 2     /* Table I, holdings */
#define FORM4_TABLE_DERIVATIVE_TRANSACTION 3     /* Table II, transactions */
#define FORM4_TABLE_DERIVATIVE_HOLDING 4         /* Table II, holdings */

/* Kinds of field values (form4_field_kind). */
#define FORM4_KIND_NONE 0    /* footnotes only (the coding as a whole) */
#define FORM4_KIND_TEXT 1    /* form4_row_text */
#define FORM4_KIND_DECIMAL 2 /* form4_row_decimal */
#define FORM4_KIND_DATE 3    /* form4_row_date */
#define FORM4_KIND_CODE 4    /* form4_row_code */
#define FORM4_KIND_BOOL 5    /* form4_row_bool */

/* Fields; [tables] lists the kinds of rows that have the field:
 * NDT, NDH, DT, DH = non-derivative/derivative transaction/holding. */
#define FORM4_FIELD_SECURITY_TITLE 1               /* text    [all] */
#define FORM4_FIELD_CONVERSION_OR_EXERCISE_PRICE 2 /* decimal [DT DH] */
#define FORM4_FIELD_TRANSACTION_DATE 3             /* date    [NDT DT] */
#define FORM4_FIELD_DEEMED_EXECUTION_DATE 4        /* date    [NDT DT] */
#define FORM4_FIELD_CODING 5                       /* none    [all]: the coding's footnotes */
#define FORM4_FIELD_FORM_TYPE 6                    /* code FORM4_FORM_TYPE_* [all] */
#define FORM4_FIELD_TRANSACTION_CODE 7             /* code FORM4_TRANSACTION_CODE_* [NDT DT] */
#define FORM4_FIELD_EQUITY_SWAP_INVOLVED 8         /* bool    [NDT DT] */
#define FORM4_FIELD_TIMELINESS 9                   /* code FORM4_TIMELINESS_* [NDT DT] */
#define FORM4_FIELD_SHARES 10                      /* decimal [NDT DT]: shares transacted */
#define FORM4_FIELD_PRICE_PER_SHARE 11             /* decimal [NDT DT] */
#define FORM4_FIELD_TOTAL_VALUE 12                 /* decimal [DT] */
#define FORM4_FIELD_ACQUIRED_DISPOSED 13           /* code FORM4_ACQUIRED_DISPOSED_* [NDT DT] */
#define FORM4_FIELD_EXERCISE_DATE 14               /* date    [DT DH] */
#define FORM4_FIELD_EXPIRATION_DATE 15             /* date    [DT DH] */
#define FORM4_FIELD_UNDERLYING_TITLE 16            /* text    [DT DH] */
#define FORM4_FIELD_UNDERLYING_SHARES 17           /* decimal [DT DH] */
#define FORM4_FIELD_UNDERLYING_VALUE 18            /* decimal [DT DH] */
#define FORM4_FIELD_SHARES_OWNED_FOLLOWING 19      /* decimal [all] */
#define FORM4_FIELD_VALUE_OWNED_FOLLOWING 20       /* decimal [all] */
#define FORM4_FIELD_DIRECT_OR_INDIRECT 21          /* code FORM4_OWNERSHIP_FORM_* [all] */
#define FORM4_FIELD_NATURE_OF_OWNERSHIP 22         /* text    [all] */
#define FORM4_FIELD_COUNT 23 /* one past the last field number */

/* The kind of value a field holds (FORM4_KIND_*); FORM4_E_INVALID_ARGUMENT
 * for a number that is not a field. */
FORM4_API int form4_field_kind(int32_t* out, int32_t field);
/* The field's name in snake case ("security_title"). */
FORM4_API int form4_field_name(const char** out, size_t* out_len, int32_t field);
/* Whether rows of a table (FORM4_TABLE_*) have the field: *out 0 or 1. */
FORM4_API int form4_table_has_field(int* out, int32_t table, int32_t field);

FORM4_API int form4_document_row_count(size_t* out, const form4_document* doc, int32_t table);
FORM4_API int form4_document_row(const form4_row** out, const form4_document* doc,
                                 int32_t table, size_t index);
/* The table (FORM4_TABLE_*) the row belongs to. */
FORM4_API int form4_row_table(int32_t* out, const form4_row* row);

/* Value getters. Each returns FORM4_E_NOT_APPLICABLE when the row's table
 * has no such field, FORM4_E_WRONG_TYPE when the field holds another kind
 * of value, FORM4_E_ABSENT when the filing left the value out (it may still
 * carry footnotes that explain why). */
FORM4_API int form4_row_text(const char** out, size_t* out_len, const form4_row* row,
                             int32_t field);
FORM4_API int form4_row_decimal(form4_decimal* out, const form4_row* row, int32_t field);
FORM4_API int form4_row_date(form4_date* out, const form4_row* row, int32_t field);
/* The code's FORM4_* value (0 when the text is not a known code) and the
 * text as filed. Either output may be NULL. */
FORM4_API int form4_row_code(int32_t* out_value, const char** out_text, size_t* out_len,
                             const form4_row* row, int32_t field);
FORM4_API int form4_row_bool(int* out, const form4_row* row, int32_t field);

/* Footnote ids ("F1") attached to a field, in document order. Fields
 * inside the coding (form type, transaction code, equity swap) share the
 * coding's footnotes: ask for FORM4_FIELD_CODING. */
FORM4_API int form4_row_footnote_count(size_t* out, const form4_row* row, int32_t field);
FORM4_API int form4_row_footnote_id(const char** out, size_t* out_len, const form4_row* row,
                                    int32_t field, size_t index);

/* ------------------------------------------------------------------ */
/* Whole-document outputs                                              */
/* ------------------------------------------------------------------ */

#define FORM4_JSON_COMPACT 0
#define FORM4_JSON_PRETTY 1 /* two-space indent, one member a line */

/* The whole document as JSON (the C++ library's to_json). *out is a new
 * NUL-terminated string the caller frees with form4_string_free. */
FORM4_API int form4_document_to_json(char** out, size_t* out_len, const form4_document* doc,
                                     uint32_t flags);
FORM4_API void form4_string_free(char* string);

/* The SEC "Form 345" data-set tables, in the SEC's order. */
#define FORM4_DATASET_SUBMISSION 0
#define FORM4_DATASET_REPORTINGOWNER 1
#define FORM4_DATASET_NONDERIV_TRANS 2
#define FORM4_DATASET_NONDERIV_HOLDING 3
#define FORM4_DATASET_DERIV_TRANS 4
#define FORM4_DATASET_DERIV_HOLDING 5
#define FORM4_DATASET_FOOTNOTES 6
#define FORM4_DATASET_OWNER_SIGNATURE 7
#define FORM4_DATASET_TABLE_COUNT 8

#define FORM4_DATASET_OPTIONS_VERSION 1

typedef struct form4_dataset_options {
    unsigned int version; /* FORM4_DATASET_OPTIONS_VERSION */
    int32_t sec_round;    /* nonzero: round numbers to 2 places as the SEC's
                             own files do; 0: exact */
    /* ACCESSION_NUMBER when the document has none (a loose XML file).
     * NULL: the file's name without extension when the document came from
     * form4_parse_file (EDGAR names loose XML files by accession number),
     * else "". */
    const char* accession_fallback;
    size_t accession_fallback_len;
} form4_dataset_options;

#define FORM4_DATASET_OPTIONS_INIT { FORM4_DATASET_OPTIONS_VERSION, 0, NULL, 0 }

FORM4_API int form4_dataset_options_init(form4_dataset_options* opts, unsigned int version);

typedef struct form4_dataset form4_dataset; /* caller-owned */

/* The rows one document yields in every table, in one call. opts may be
 * NULL for the defaults. Surrogate keys (*_SK) are numbered from 1. *out is
 * NULL after any failure. */
FORM4_API int form4_document_to_dataset(form4_dataset** out, const form4_document* doc,
                                        const form4_dataset_options* opts);
FORM4_API void form4_dataset_free(form4_dataset* dataset);

/* "SUBMISSION", "REPORTINGOWNER", ... */
FORM4_API int form4_dataset_table_name(const char** out, size_t* out_len, int32_t table);
FORM4_API int form4_dataset_column_count(size_t* out, int32_t table);
FORM4_API int form4_dataset_column_name(const char** out, size_t* out_len, int32_t table,
                                        size_t column);
FORM4_API int form4_dataset_row_count(size_t* out, const form4_dataset* dataset, int32_t table);
/* One cell; "" when absent. */
FORM4_API int form4_dataset_cell(const char** out, size_t* out_len, const form4_dataset* dataset,
                                 int32_t table, size_t row, size_t column);
/* One table as TSV: a header line with the column names, then one line per
 * row, tab separated, "\n" ended. */
FORM4_API int form4_dataset_tsv(const char** out, size_t* out_len, const form4_dataset* dataset,
                                int32_t table);

/* The whole data set as one JSON object: each table's name (in the SEC's
 * order) mapping to an array of rows, each row an object of every column
 * (in the SEC's order) to its cell text ("" when absent). Unlike the TSV,
 * cells are exact (tabs and line breaks kept). *out is a new NUL-terminated
 * string the caller frees with form4_string_free. */
FORM4_API int form4_dataset_to_json(char** out, size_t* out_len, const form4_dataset* dataset);

/* ------------------------------------------------------------------ */
/* Many documents at once                                              */
/* ------------------------------------------------------------------ */

/* One input of form4_dataset_from_inputs: the filing's bytes, or a file. */
typedef struct form4_input {
    const char* data; /* len bytes (not NUL-terminated); NULL to read path */
    size_t len;
    const char* path; /* read when data is NULL (platform encoding) */
    /* ACCESSION_NUMBER when the document has none; NULL: the file's name
     * without extension for a path, else "". */
    const char* accession_fallback;
    size_t accession_fallback_len;
} form4_input;

/* Parses `count` inputs and converts them into one data set, as
 * form4_parse + form4_document_to_dataset would one by one, with the rows
 * in input order and surrogate keys (*_SK) numbered across all of them
 * from 1. Inputs are parsed on up to `threads` threads (0: one per core);
 * the result does not depend on the number. Memory is bounded whatever
 * `count` is: at most 16 inputs per thread (64 at least) and 1 GiB of them
 * (their lengths, or their files' sizes) are parsed ahead of the rows
 * being appended; an input larger than that is parsed alone. opts->accession_fallback is
 * not used (each input has its own); either options may be NULL.
 * An input that cannot be read or parsed adds no rows and does not fail
 * the call: statuses (count entries, may be NULL) receives each input's
 * status (FORM4_OK, FORM4_E_PARSE, FORM4_E_IO, FORM4_E_INVALID_ARGUMENT),
 * and *out_failed (may be NULL) how many failed. Parse again with
 * form4_parse to get an input's diagnostics. *out is NULL after a failure
 * of the call itself. */
FORM4_API int form4_dataset_from_inputs(form4_dataset** out, size_t* out_failed, int32_t* statuses,
                                        const form4_input* inputs, size_t count,
                                        const form4_parse_options* parse_opts,
                                        const form4_dataset_options* opts, uint32_t threads);

#ifdef __cplusplus
} /* extern "C" */
#endif

/* The interface's other parts, each in its own header (included here, so
 * that form4.h alone declares all of it). */
#include "lint.h"      /* the form's rules */
#include "pickle.h"    /* for the Python package: results as pickle streams */
#include "columns.h"   /* data-set tables as Arrow columns; SQLite */
#include "activity.h"  /* insider activity */

#endif /* FORM4_FORM4_H */
