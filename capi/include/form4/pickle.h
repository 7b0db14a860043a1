/*
 * form4 C interface: results as pickle streams, for the Python package.
 * Part of form4.h, which includes it; it may also be included on its own.
 * Same conventions as form4.h (status codes, ownership, versioned options).
 */
#ifndef FORM4_PICKLE_H
#define FORM4_PICKLE_H

#include "form4.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* For the Python package: results as pickle streams                   */
/* ------------------------------------------------------------------ */
/*
 * The Python package (capi/python/form4) turns a result into its frozen
 * dataclasses. Building them in Python from JSON cost three times the
 * parse, so these functions write what the package would build as a
 * pickle stream (protocol 4) that Python's C unpickler turns into the
 * objects in one call. They are for that package; other callers have the
 * getters and JSON.
 *
 * The streams name no Python globals: classes, enum members, field names
 * and a few shared immutable objects are persistent ids, indexes into the
 * list that the stream of form4_pickle_shared_objects gives (its globals
 * are form4.model classes, decimal.Decimal and datetime.date). Text is
 * valid UTF-8 (an invalid byte sequence becomes U+FFFD, as Python's
 * "replace" decoding does). *out is a new string the caller frees with
 * form4_string_free.
 */

/* The list the persistent ids of the other streams index. */
FORM4_API int form4_pickle_shared_objects(char** out, size_t* out_len);

/* The shared objects are already in the unpickler's memo, each at its index
 * in the list (the caller copied them there): the stream refers to them by
 * memo index, and its own memo entries follow them. Saves a persistent id
 * call per shared object a stream uses. */
#define FORM4_PICKLE_SHARED_IN_MEMO 1

/* (document, diagnostics): the form4.Document of the result (None when the
 * parse failed) and the tuple of its form4.Diagnostic. flags: 0 or
 * FORM4_PICKLE_SHARED_IN_MEMO. */
FORM4_API int form4_result_to_pickle(char** out, size_t* out_len, const form4_result* result,
                                     uint32_t flags);

/* The data set as form4_dataset_to_json gives it: a dict of table name to
 * a list of rows, each a dict of column name to cell text (in the SEC's
 * column order). Uses no persistent ids; its one global is builtins.dict. */
FORM4_API int form4_dataset_to_pickle(char** out, size_t* out_len, const form4_dataset* dataset);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FORM4_PICKLE_H */
