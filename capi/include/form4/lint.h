/*
 * form4 C interface: lint, the form's rules.
 * Part of form4.h, which includes it; it may also be included on its own.
 * Same conventions as form4.h (status codes, ownership, versioned options).
 */
#ifndef FORM4_LINT_H
#define FORM4_LINT_H

#include "form4.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Lint: the form's rules                                              */
/* ------------------------------------------------------------------ */
/*
 * The Form 4 rules no schema checks (the C++ form4::lint). Each finding has
 * a severity, a stable code ("lint.code-direction"), the model field it is
 * about, named as the JSON output names it
 * ("non_derivative_transactions[0].acquired_disposed"), a message, the
 * instruction or rule it rests on, and the line and column in the input
 * where that field (or the nearest part holding it) was read, when the parse
 * knows it: parse with form4_parse_options.record_positions set.
 */

typedef struct form4_lint_report form4_lint_report;   /* caller-owned */
typedef struct form4_lint_finding form4_lint_finding; /* borrowed from a report */

/* Checks the document against the form's rules. The late-filing rule uses
 * the document's own filing date (an EDGAR submission's). *out is NULL
 * after any failure; with no findings it is an empty report. */
FORM4_API int form4_lint(form4_lint_report** out, const form4_document* doc);
FORM4_API void form4_lint_report_free(form4_lint_report* report);

FORM4_API int form4_lint_report_finding_count(size_t* out, const form4_lint_report* report);
FORM4_API int form4_lint_report_finding(const form4_lint_finding** out, const form4_lint_report* report,
                                        size_t index);
/* FORM4_SEVERITY_* */
FORM4_API int form4_lint_finding_severity(int32_t* out, const form4_lint_finding* finding);
FORM4_API int form4_lint_finding_code(const char** out, size_t* out_len, const form4_lint_finding* finding);
/* "" when the finding is about the document as a whole. */
FORM4_API int form4_lint_finding_field(const char** out, size_t* out_len, const form4_lint_finding* finding);
FORM4_API int form4_lint_finding_message(const char** out, size_t* out_len, const form4_lint_finding* finding);
FORM4_API int form4_lint_finding_reference(const char** out, size_t* out_len,
                                           const form4_lint_finding* finding);
/* 1-based; 0 when the field's place in the input is not known. */
FORM4_API int form4_lint_finding_line(size_t* out, const form4_lint_finding* finding);
FORM4_API int form4_lint_finding_column(size_t* out, const form4_lint_finding* finding);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FORM4_LINT_H */
