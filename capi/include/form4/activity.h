/*
 * form4 C interface: insider activity (what each trade means, what many filings add up to).
 * Part of form4.h, which includes it; it may also be included on its own.
 * Same conventions as form4.h (status codes, ownership, versioned options).
 */
#ifndef FORM4_ACTIVITY_H
#define FORM4_ACTIVITY_H

#include "form4.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Insider activity: what each trade means, what many filings add up to */
/* ------------------------------------------------------------------ */
/*
 * The C++ form4::activity (README "Insider activity"): one row per
 * transaction with its class, signed shares, exact value, shares owned
 * before, change in percent, role, Rule 10b5-1 plan, lateness and
 * warnings, linked across filings (amendments, duplicates); aggregates by
 * issuer or owner; cluster buys. A form4_activity is a table of text cells
 * (numbers exact, dates ISO 8601, booleans "true"/"false", absent ""),
 * with the columns `form4 activity` prints.
 */

#define FORM4_ACTIVITY_OPTIONS_VERSION 1

#define FORM4_ACTIVITY_BY_ISSUER 0
#define FORM4_ACTIVITY_BY_OWNER 1
#define FORM4_ACTIVITY_PERIOD_MONTH 0
#define FORM4_ACTIVITY_PERIOD_QUARTER 1
#define FORM4_ACTIVITY_PERIOD_YEAR 2

typedef struct form4_activity_options {
    unsigned int version;     /* FORM4_ACTIVITY_OPTIONS_VERSION */
    /* Aggregates. */
    int32_t group_by;         /* FORM4_ACTIVITY_BY_* */
    int32_t period;           /* FORM4_ACTIVITY_PERIOD_* (when window_days is 0) */
    int32_t window_days;      /* > 0: one trailing window of this many days */
    const char* as_of;        /* "YYYY-MM-DD", the window's last day; NULL: the latest trade */
    size_t as_of_len;
    /* Clusters. */
    uint32_t cluster_min_owners;
    int32_t cluster_window_days;
    const char* cluster_min_value; /* a decimal, each owner's purchases at least; NULL: 0 */
    size_t cluster_min_value_len;
    int32_t exclude_10b5_1;
    int32_t exclude_ten_percent_owners;
} form4_activity_options;

#define FORM4_ACTIVITY_OPTIONS_INIT \
    { FORM4_ACTIVITY_OPTIONS_VERSION, FORM4_ACTIVITY_BY_ISSUER, FORM4_ACTIVITY_PERIOD_QUARTER, 0, NULL, 0, 3, 30, NULL, 0, 0, 0 }

FORM4_API int form4_activity_options_init(form4_activity_options* opts, unsigned int version);

typedef struct form4_activity form4_activity; /* caller-owned */

/* The activity rows of `count` inputs (bytes or files, as
 * form4_dataset_from_inputs takes them), in input order, linked across
 * them. statuses and out_failed as form4_dataset_from_inputs. */
FORM4_API int form4_activity_from_inputs(form4_activity** out, size_t* out_failed, int32_t* statuses,
                                         const form4_input* inputs, size_t count,
                                         const form4_parse_options* parse_opts, uint32_t threads);
/* The same from paths that may also be directories (read recursively) and
 * .tar/.tar.gz archives, as `form4 activity` reads them. */
FORM4_API int form4_activity_from_paths(form4_activity** out, size_t* out_failed, const char* const* paths,
                                        size_t count, const form4_parse_options* parse_opts, uint32_t threads);
/* Aggregates or clusters of a table of rows (made by the two above). */
FORM4_API int form4_activity_aggregate(form4_activity** out, const form4_activity* rows,
                                       const form4_activity_options* opts);
FORM4_API int form4_activity_clusters(form4_activity** out, const form4_activity* rows,
                                      const form4_activity_options* opts);
FORM4_API void form4_activity_free(form4_activity* activity);

FORM4_API int form4_activity_column_count(size_t* out, const form4_activity* activity);
FORM4_API int form4_activity_column_name(const char** out, size_t* out_len, const form4_activity* activity,
                                         size_t column);
FORM4_API int form4_activity_row_count(size_t* out, const form4_activity* activity);
/* One cell; "" when absent. */
FORM4_API int form4_activity_cell(const char** out, size_t* out_len, const form4_activity* activity, size_t row,
                                  size_t column);
/* The table as `form4 activity --json` writes it (a JSON array of objects;
 * numbers as exact strings; absent null). Free with form4_string_free. */
FORM4_API int form4_activity_to_json(char** out, size_t* out_len, const form4_activity* activity);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FORM4_ACTIVITY_H */
