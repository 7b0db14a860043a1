#pragma once
// Internal to libform4_c: the handle types behind the opaque C names, and
// the guard that keeps every exception on this side of the boundary.
#include <array>
#include <cstdint>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "form4/dataset.hpp"
#include "form4/form4.h"
#include "form4/model.hpp"
#include "form4/parse.hpp"

namespace form4::capi {

// The objects behind the opaque C handles. They are deliberately not named
// form4_result etc.: the public types stay incomplete in the library's
// debug information, so the ABI baseline (abidw) describes the interface
// only and internal changes cannot show up as ABI changes.

// A row of Table I or II: which table, and a pointer to the model's row.
struct row_impl {
    std::int32_t table = 0;  // FORM4_TABLE_*
    const void* model = nullptr;
};

// The document of a result, with its rows indexed once so that row handles
// are stable borrowed pointers for the life of the result.
struct document_impl {
    const form4::document* model = nullptr;
    std::array<std::vector<row_impl>, 4> rows;  // by FORM4_TABLE_* - 1
    // The file's name without extension when parsed from a file: the data
    // set's ACCESSION_NUMBER when the document carries none (loose XML
    // files from EDGAR are named by their accession number).
    std::string file_stem;
    // Where the parse read each field, for form4_lint's line and column.
    const form4::source_map* positions = nullptr;
};

struct result_impl {
    form4::parse_result parsed;
    std::optional<document_impl> document;  // set when parsed.doc is
};

struct dataset_impl {
    form4::dataset::tables tables;
    // Each table's TSV (header line, then the rows), made on first request
    // only: a bulk caller that reads JSON or cells never pays for it.
    mutable std::array<std::once_flag, form4::dataset::table_count> tsv_made;
    mutable std::array<std::string, form4::dataset::table_count> tsv;
};
// dataset.tsv[table], made once, safely from many threads.
const std::string& tsv_of(const dataset_impl& dataset, std::size_t table);

// Handle <-> object. The casts are the whole contract between the two.
inline const result_impl* impl(const form4_result* p) { return reinterpret_cast<const result_impl*>(p); }
inline const document_impl* impl(const form4_document* p) { return reinterpret_cast<const document_impl*>(p); }
inline const row_impl* impl(const form4_row* p) { return reinterpret_cast<const row_impl*>(p); }
inline const dataset_impl* impl(const form4_dataset* p) { return reinterpret_cast<const dataset_impl*>(p); }
inline const form4::diagnostic* impl(const form4_diagnostic* p) { return reinterpret_cast<const form4::diagnostic*>(p); }
inline const form4::reporting_owner* impl(const form4_reporting_owner* p) {
    return reinterpret_cast<const form4::reporting_owner*>(p);
}
inline const form4::footnote* impl(const form4_footnote* p) { return reinterpret_cast<const form4::footnote*>(p); }
inline const form4::signature* impl(const form4_signature* p) { return reinterpret_cast<const form4::signature*>(p); }

inline form4_result* handle(result_impl* p) { return reinterpret_cast<form4_result*>(p); }
inline const form4_document* handle(const document_impl* p) { return reinterpret_cast<const form4_document*>(p); }
inline const form4_row* handle(const row_impl* p) { return reinterpret_cast<const form4_row*>(p); }
inline form4_dataset* handle(dataset_impl* p) { return reinterpret_cast<form4_dataset*>(p); }
inline const form4_diagnostic* handle(const form4::diagnostic* p) { return reinterpret_cast<const form4_diagnostic*>(p); }
inline const form4_reporting_owner* handle(const form4::reporting_owner* p) {
    return reinterpret_cast<const form4_reporting_owner*>(p);
}
inline const form4_footnote* handle(const form4::footnote* p) { return reinterpret_cast<const form4_footnote*>(p); }
inline const form4_signature* handle(const form4::signature* p) { return reinterpret_cast<const form4_signature*>(p); }


// The calling thread's last status and message. Kept in a fixed buffer so
// that recording an error can never itself throw or allocate.
void clear_last_error() noexcept;
int fail(int status, const char* function, const char* format, ...) noexcept
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

// Runs `body(function)` (returning a status) with every exception caught
// and turned into a status and a last-error message. The body gets the C
// function's name for its messages (inside a lambda __func__ would not do).
template <class Body>
int guarded(const char* function, Body&& body) noexcept {
    clear_last_error();
    try {
        return body(function);
    } catch (const std::bad_alloc&) {
        return fail(FORM4_E_NO_MEMORY, function, "out of memory");
    } catch (const std::exception& e) {
        return fail(FORM4_E_INTERNAL, function, "internal error: %s", e.what());
    } catch (...) {
        return fail(FORM4_E_INTERNAL, function, "internal error: unknown exception");
    }
}

// Inside a guarded body: fails the call when a required pointer is NULL.
#define FORM4_CAPI_REQUIRE(pointer)                                                                       \
    do {                                                                                                  \
        if ((pointer) == nullptr)                                                                         \
            return ::form4::capi::fail(FORM4_E_INVALID_ARGUMENT, function, "%s must not be NULL", #pointer); \
    } while (0)

inline int check_index(const char* function, std::size_t index, std::size_t size) noexcept {
    if (index < size) return FORM4_OK;
    return fail(FORM4_E_OUT_OF_RANGE, function, "index %zu is out of range (size %zu)", index, size);
}

// An array of form4_input: NULL only when empty, and no accession fallback
// with a length but no text.
inline int check_inputs(const form4_input* inputs, std::size_t count, const char* function) noexcept {
    if (inputs == nullptr && count != 0)
        return fail(FORM4_E_INVALID_ARGUMENT, function, "inputs is NULL but count is %zu", count);
    for (std::size_t i = 0; i < count; ++i)
        if (inputs[i].accession_fallback == nullptr && inputs[i].accession_fallback_len != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function,
                        "inputs[%zu].accession_fallback is NULL but its length is %zu", i,
                        inputs[i].accession_fallback_len);
    return FORM4_OK;
}

inline int absent(const char* function, const char* what) noexcept {
    return fail(FORM4_E_ABSENT, function, "%s is absent", what);
}

// Outputs.
inline int put_text(const char** out, std::size_t* out_len, const std::string& text) noexcept {
    *out = text.c_str();
    if (out_len) *out_len = text.size();
    return FORM4_OK;
}
// False (and *out untouched) for a special date (not-a-date-time), which
// the caller reports as absent.
bool put_date(form4_date* out, const form4::date& date) noexcept;
void put_decimal(form4_decimal* out, const form4::decimal& value);

// C++ enums -> the C header's fixed values.
std::int32_t code_value(form4::document_type) noexcept;
std::int32_t code_value(form4::transaction_code) noexcept;
std::int32_t code_value(form4::acquired_disposed) noexcept;
std::int32_t code_value(form4::ownership_form) noexcept;
std::int32_t code_value(form4::timeliness) noexcept;
std::int32_t code_value(form4::form_type) noexcept;
std::int32_t format_value(form4::input_format) noexcept;

// form4_parse_options (NULL: the defaults) -> parse_options; a failed status
// (and the last error set) for an unknown version or format.
int to_parse_options(form4::parse_options& out, const form4_parse_options* opts, const char* function) noexcept;
std::int32_t severity_value(form4::severity) noexcept;

}  // namespace form4::capi
