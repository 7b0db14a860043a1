/*
 * form4 C interface: the data-set tables as Apache Arrow columns, and kept in SQLite.
 * Part of form4.h, which includes it; it may also be included on its own.
 * Same conventions as form4.h (status codes, ownership, versioned options).
 */
#ifndef FORM4_COLUMNS_H
#define FORM4_COLUMNS_H

#include "form4.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Columns: tables in the Apache Arrow C data interface                */
/* ------------------------------------------------------------------ */
/*
 * Many documents' data-set tables as columns, in the layout of the Apache
 * Arrow C data interface (https://arrow.apache.org/docs/format/CDataInterface.html):
 * what pandas, polars, DuckDB and R import without copying a row at a time.
 * Parsing and filling the columns run on the parsing threads.
 *
 * Each table is exported as a struct array ("+s", one child per column, in
 * the table's column order, each named after its column and nullable):
 *  - text: dictionary-encoded, int32 indices ("i") into a large UTF-8
 *    dictionary ("U") of the column's distinct texts in order of first
 *    appearance; "" is null;
 *  - dates: date32 ("tdD", days since 1970-01-01);
 *  - flags: boolean ("b");
 *  - row numbers (*_SK): int64 ("l"), 1-based across the whole call, as in
 *    form4_dataset_from_inputs;
 *  - exact numbers: float64 ("g") by default; with exact_numbers,
 *    decimal128 ("d:38,S", S the largest scale in the column: every form4
 *    number fits 38 digits at any scale up to 18), the exact value.
 * An absent value is null (validity bitmap). Under a null, a text's index
 * is -1 and a float64 is NaN (values Arrow leaves undefined), so that a
 * consumer may read those buffers without the bitmap.
 */

/* The two structures exactly as the Arrow specification defines them. */
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
    const char* format;
    const char* name;
    const char* metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema** children;
    struct ArrowSchema* dictionary;
    void (*release)(struct ArrowSchema*);
    void* private_data;
};

struct ArrowArray {
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void** buffers;
    struct ArrowArray** children;
    struct ArrowArray* dictionary;
    void (*release)(struct ArrowArray*);
    void* private_data;
};

#endif /* ARROW_C_DATA_INTERFACE */

#define FORM4_COLUMNS_OPTIONS_VERSION 1

typedef struct form4_columns_options {
    unsigned int version;  /* FORM4_COLUMNS_OPTIONS_VERSION */
    int32_t sec_round;     /* nonzero: round numbers to 2 places (the SEC's files) */
    int32_t exact_numbers; /* nonzero: numbers as decimal128; 0: float64 */
} form4_columns_options;

#define FORM4_COLUMNS_OPTIONS_INIT { FORM4_COLUMNS_OPTIONS_VERSION, 0, 0 }

FORM4_API int form4_columns_options_init(form4_columns_options* opts, unsigned int version);

typedef struct form4_columns form4_columns; /* caller-owned */

/* The eight data-set tables of `count` inputs as columns: the rows of
 * form4_dataset_from_inputs, in input order, whatever the number of threads
 * (0: one per core). Inputs, statuses and *out_failed as there; either
 * options may be NULL. *out is NULL after a failure of the call itself. */
FORM4_API int form4_dataset_columns_from_inputs(form4_columns** out, size_t* out_failed, int32_t* statuses,
                                                const form4_input* inputs, size_t count,
                                                const form4_parse_options* parse_opts,
                                                const form4_columns_options* opts, uint32_t threads);
FORM4_API void form4_columns_free(form4_columns* columns);

FORM4_API int form4_columns_table_count(size_t* out, const form4_columns* columns);
/* "SUBMISSION", ... */
FORM4_API int form4_columns_table_name(const char** out, size_t* out_len, const form4_columns* columns,
                                       size_t table);
FORM4_API int form4_columns_row_count(size_t* out, const form4_columns* columns, size_t table);
/* Moves table `table` out into *out_schema and *out_array (both written
 * only on success), which the caller releases with their release callbacks
 * (independently of each other and of `columns`, which may be freed first).
 * A table is exported once: FORM4_E_INVALID_ARGUMENT the second time. */
FORM4_API int form4_columns_export(struct ArrowSchema* out_schema, struct ArrowArray* out_array,
                                   form4_columns* columns, size_t table);

/* ------------------------------------------------------------------ */
/* SQLite: filings kept in a database                                  */
/* ------------------------------------------------------------------ */
/*
 * The eight data-set tables of many filings written into an SQLite file
 * (created if missing), as `form4 tables --sqlite FILE` does: each filing
 * replaces its own rows (same keys on every run: the accession number and
 * the row's number within the filing), one transaction per batch of
 * filings, so a killed run keeps what it committed and no half filing.
 * Inputs are paths: files, directories (read recursively) and .tar/.tar.gz
 * archives.
 */

typedef struct form4_sqlite_summary {
    size_t documents_read;
    size_t documents_failed;  /* could not be read or parsed */
    size_t documents_skipped; /* submissions of other forms */
    size_t filings_written;
    size_t filings_refused;   /* parsed but not written (no accession number) */
} form4_sqlite_summary;

/* FORM4_OK when every input was read and written; FORM4_E_PARSE when some
 * were not (the summary counts them; the others are written all the same);
 * FORM4_E_IO when the database cannot be opened or written. summary may be
 * NULL; parse_opts (format, lenient, limits) may be NULL; sec_round as in
 * form4_dataset_options. */
FORM4_API int form4_sqlite_write(form4_sqlite_summary* summary, const char* database_path,
                                 const char* const* paths, size_t count,
                                 const form4_parse_options* parse_opts, int32_t sec_round, uint32_t threads);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FORM4_COLUMNS_H */
