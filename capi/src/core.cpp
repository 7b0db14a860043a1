// Versions, status codes, the last error, parsing and diagnostics.
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <algorithm>
#include <limits>
#include <memory>

#include "shim.hpp"
#include "util/input_file.hpp"
#include "util/iso_date.hpp"

namespace form4::capi {
namespace {

struct last_error {
    int status = FORM4_OK;
    char message[512] = "";
};
thread_local last_error current_error;

}  // namespace

void clear_last_error() noexcept {
    current_error.status = FORM4_OK;
    current_error.message[0] = '\0';
}

int fail(int status, const char* function, const char* format, ...) noexcept {
    current_error.status = status;
    int prefix = std::snprintf(current_error.message, sizeof current_error.message, "%s: ", function);
    if (prefix < 0 || static_cast<std::size_t>(prefix) >= sizeof current_error.message) prefix = 0;
    std::va_list args;
    va_start(args, format);
    std::vsnprintf(current_error.message + prefix, sizeof current_error.message - static_cast<std::size_t>(prefix),
                   format, args);
    va_end(args);
    return status;
}

bool put_date(form4_date* out, const form4::date& date) noexcept {
    if (date.is_special()) return false;
    const auto ymd = date.year_month_day();
    out->year = static_cast<std::int32_t>(ymd.year);
    out->month = static_cast<std::int32_t>(ymd.month.as_number());
    out->day = static_cast<std::int32_t>(ymd.day.as_number());
    // Boost's calendar spans the years 1400 to 9999: always "YYYY-MM-DD".
    static_assert(form4::util::iso_date_size < sizeof out->iso);
    form4::util::put_iso_date(out->iso, ymd.year, ymd.month.as_number(), ymd.day.as_number());
    out->iso[form4::util::iso_date_size] = '\0';
    return true;
}

void put_decimal(form4_decimal* out, const form4::decimal& value) {
    const std::string text = value.to_string();
    out->mantissa = value.mantissa();
    out->scale = value.scale();
    // The text of an int64 mantissa with scale <= 18 is at most 22 bytes.
    const std::size_t length = std::min(text.size(), sizeof out->text - 1);
    std::memcpy(out->text, text.data(), length);
    out->text[length] = '\0';
    out->text_length = static_cast<std::uint32_t>(length);
}

std::int32_t code_value(form4::document_type v) noexcept {
    switch (v) {
        case document_type::form3: return FORM4_DOCUMENT_TYPE_FORM3;
        case document_type::form3_amendment: return FORM4_DOCUMENT_TYPE_FORM3_AMENDMENT;
        case document_type::form4: return FORM4_DOCUMENT_TYPE_FORM4;
        case document_type::form4_amendment: return FORM4_DOCUMENT_TYPE_FORM4_AMENDMENT;
        case document_type::form5: return FORM4_DOCUMENT_TYPE_FORM5;
        case document_type::form5_amendment: return FORM4_DOCUMENT_TYPE_FORM5_AMENDMENT;
        case document_type::unknown: break;
    }
    return FORM4_DOCUMENT_TYPE_UNKNOWN;
}

std::int32_t code_value(form4::transaction_code v) noexcept {
    // The C values are the letters themselves.
    const std::string_view letter = to_string(v);
    return letter.size() == 1 ? static_cast<std::int32_t>(static_cast<unsigned char>(letter[0]))
                              : FORM4_TRANSACTION_CODE_UNKNOWN;
}

std::int32_t code_value(form4::acquired_disposed v) noexcept {
    switch (v) {
        case acquired_disposed::acquired: return FORM4_ACQUIRED_DISPOSED_ACQUIRED;
        case acquired_disposed::disposed: return FORM4_ACQUIRED_DISPOSED_DISPOSED;
        case acquired_disposed::unknown: break;
    }
    return FORM4_ACQUIRED_DISPOSED_UNKNOWN;
}

std::int32_t code_value(form4::ownership_form v) noexcept {
    switch (v) {
        case ownership_form::direct: return FORM4_OWNERSHIP_FORM_DIRECT;
        case ownership_form::indirect: return FORM4_OWNERSHIP_FORM_INDIRECT;
        case ownership_form::unknown: break;
    }
    return FORM4_OWNERSHIP_FORM_UNKNOWN;
}

std::int32_t code_value(form4::timeliness v) noexcept {
    switch (v) {
        case timeliness::early: return FORM4_TIMELINESS_EARLY;
        case timeliness::late: return FORM4_TIMELINESS_LATE;
        case timeliness::unknown: break;
    }
    return FORM4_TIMELINESS_UNKNOWN;
}

std::int32_t code_value(form4::form_type v) noexcept {
    switch (v) {
        case form_type::form3: return FORM4_FORM_TYPE_FORM3;
        case form_type::form4: return FORM4_FORM_TYPE_FORM4;
        case form_type::form5: return FORM4_FORM_TYPE_FORM5;
        case form_type::unknown: break;
    }
    return FORM4_FORM_TYPE_UNKNOWN;
}

std::int32_t format_value(form4::input_format v) noexcept {
    switch (v) {
        case input_format::xml: return FORM4_FORMAT_XML;
        case input_format::text: return FORM4_FORMAT_TEXT;
        case input_format::html: return FORM4_FORMAT_HTML;
        case input_format::submission: return FORM4_FORMAT_SUBMISSION;
        case input_format::automatic: break;
    }
    return FORM4_FORMAT_AUTO;
}

std::int32_t severity_value(form4::severity v) noexcept {
    switch (v) {
        case severity::note: return FORM4_SEVERITY_NOTE;
        case severity::warning: return FORM4_SEVERITY_WARNING;
        case severity::error: break;
    }
    return FORM4_SEVERITY_ERROR;
}

namespace {

std::optional<input_format> input_format_of(std::int32_t value) noexcept {
    switch (value) {
        case FORM4_FORMAT_AUTO: return input_format::automatic;
        case FORM4_FORMAT_XML: return input_format::xml;
        case FORM4_FORMAT_TEXT: return input_format::text;
        case FORM4_FORMAT_HTML: return input_format::html;
        case FORM4_FORMAT_SUBMISSION: return input_format::submission;
        default: return std::nullopt;
    }
}

// A limit of 0 keeps the default; anything larger than size_t can hold is
// as good as no limit.
void apply_limit(std::size_t& limit, std::uint64_t requested) noexcept {
    if (requested == 0) return;
    limit = requested > std::numeric_limits<std::size_t>::max() ? std::numeric_limits<std::size_t>::max()
                                                                : static_cast<std::size_t>(requested);
}

}  // namespace

int to_parse_options(parse_options& out, const form4_parse_options* opts, const char* function) noexcept {
    if (opts == nullptr) return FORM4_OK;
    if (opts->version < 1 || opts->version > FORM4_PARSE_OPTIONS_VERSION)
        return fail(FORM4_E_VERSION, function,
                    "form4_parse_options version %u is not supported (this library knows 1 to %d)",
                    opts->version, FORM4_PARSE_OPTIONS_VERSION);
    const auto format = input_format_of(opts->format);
    if (!format) return fail(FORM4_E_INVALID_ARGUMENT, function, "format %d is not a FORM4_FORMAT_* value",
                             static_cast<int>(opts->format));
    out.format = *format;
    out.lenient = opts->lenient != 0;
    apply_limit(out.limits.max_input_bytes, opts->max_input_bytes);
    apply_limit(out.limits.max_depth, opts->max_depth);
    apply_limit(out.limits.max_elements, opts->max_elements);
    apply_limit(out.limits.max_string_bytes, opts->max_string_bytes);
    apply_limit(out.limits.max_rows, opts->max_rows);
    apply_limit(out.limits.max_footnotes, opts->max_footnotes);
    if (opts->version >= 2) out.record_positions = opts->record_positions != 0;
    return FORM4_OK;
}

namespace {

template <class Row>
void index_rows(std::vector<row_impl>& out, std::int32_t table, const std::vector<Row>& rows) {
    out.reserve(rows.size());
    for (const Row& row : rows) out.push_back(row_impl{table, &row});
}

// Wraps a parse result into a handle. The status says whether a document
// came out; the message names the first error when none did.
int finish(form4_result** out, parse_result&& parsed, const char* function, int failure_status,
           std::string file_stem = {}) {
    auto result = std::make_unique<result_impl>();
    result->parsed = std::move(parsed);
    if (result->parsed.doc) {
        document_impl& doc = result->document.emplace();
        doc.model = &*result->parsed.doc;
        doc.file_stem = std::move(file_stem);
        doc.positions = &result->parsed.positions;
        index_rows(doc.rows[0], FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, doc.model->non_derivative_transactions);
        index_rows(doc.rows[1], FORM4_TABLE_NON_DERIVATIVE_HOLDING, doc.model->non_derivative_holdings);
        index_rows(doc.rows[2], FORM4_TABLE_DERIVATIVE_TRANSACTION, doc.model->derivative_transactions);
        index_rows(doc.rows[3], FORM4_TABLE_DERIVATIVE_HOLDING, doc.model->derivative_holdings);
    }
    const bool has_document = result->document.has_value();
    std::string first_error = "no document was produced";
    for (const diagnostic& d : result->parsed.diagnostics)
        if (d.level == severity::error) {
            first_error = format(d);
            break;
        }
    *out = handle(result.release());
    if (has_document) return FORM4_OK;
    return fail(failure_status, function, "%s", first_error.c_str());
}

}  // namespace
}  // namespace form4::capi

using namespace form4::capi;

extern "C" {

int form4_version_major(void) { return FORM4_VERSION_MAJOR; }
int form4_version_minor(void) { return FORM4_VERSION_MINOR; }
int form4_version_patch(void) { return FORM4_VERSION_PATCH; }
int form4_version_number(void) { return FORM4_VERSION_NUMBER; }
const char* form4_version_string(void) { return FORM4_VERSION_STRING; }
int form4_abi_version(void) { return FORM4_ABI_VERSION; }

const char* form4_status_name(int status) {
    switch (status) {
        case FORM4_OK: return "FORM4_OK";
        case FORM4_E_INVALID_ARGUMENT: return "FORM4_E_INVALID_ARGUMENT";
        case FORM4_E_OUT_OF_RANGE: return "FORM4_E_OUT_OF_RANGE";
        case FORM4_E_ABSENT: return "FORM4_E_ABSENT";
        case FORM4_E_PARSE: return "FORM4_E_PARSE";
        case FORM4_E_IO: return "FORM4_E_IO";
        case FORM4_E_NO_MEMORY: return "FORM4_E_NO_MEMORY";
        case FORM4_E_VERSION: return "FORM4_E_VERSION";
        case FORM4_E_NO_DOCUMENT: return "FORM4_E_NO_DOCUMENT";
        case FORM4_E_NOT_APPLICABLE: return "FORM4_E_NOT_APPLICABLE";
        case FORM4_E_WRONG_TYPE: return "FORM4_E_WRONG_TYPE";
        case FORM4_E_INTERNAL: return "FORM4_E_INTERNAL";
        default: return "FORM4_E_UNKNOWN";
    }
}

const char* form4_last_error_message(void) { return current_error.message; }
int form4_last_error_status(void) { return current_error.status; }

int form4_parse_options_init(form4_parse_options* opts, unsigned int version) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(opts);
        if (version < 1 || version > FORM4_PARSE_OPTIONS_VERSION)
            return fail(FORM4_E_VERSION, function, "form4_parse_options version %u is not supported", version);
        // Only the bytes of that version: a caller built against version 1
        // passes a struct without the later members.
        form4_parse_options defaults = FORM4_PARSE_OPTIONS_INIT;
        defaults.version = version;
        std::memcpy(opts, &defaults,
                    version == 1 ? offsetof(form4_parse_options, record_positions) : sizeof defaults);
        return FORM4_OK;
    });
}

int form4_parse(form4_result** out, const char* data, size_t len, const form4_parse_options* opts) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        if (data == nullptr && len != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "data is NULL but len is %zu", len);
        form4::parse_options options;
        if (int status = to_parse_options(options, opts, function); status != FORM4_OK) return status;
        const std::string_view bytes = data == nullptr ? std::string_view{} : std::string_view{data, len};
        return finish(out, form4::parse(bytes, options), function, FORM4_E_PARSE);
    });
}

int form4_parse_file(form4_result** out, const char* path, const form4_parse_options* opts) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(path);
        form4::parse_options options;
        if (int status = to_parse_options(options, opts, function); status != FORM4_OK) return status;
        // Not form4::parse_file, which takes "-" for standard input: a
        // library call must never block on stdin.
        form4::util::input_file_reader reader;
        std::string_view bytes;
        if (auto failed = reader.read(path, options.limits.max_input_bytes, bytes)) {
            const int status = failed->code == "io" ? FORM4_E_IO : FORM4_E_PARSE;
            form4::parse_result refused;
            refused.format = options.format;
            refused.diagnostics.push_back(
                form4::diagnostic{form4::severity::error, std::move(failed->code), std::move(failed->message), 0, 0});
            return finish(out, std::move(refused), function, status);
        }
        return finish(out, form4::parse(bytes, options), function, FORM4_E_PARSE,
                      std::filesystem::path(path).stem().string());
    });
}

void form4_result_free(form4_result* result) { delete const_cast<result_impl*>(impl(result)); }

int form4_result_document(const form4_document** out, const form4_result* result) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(result);
        if (!impl(result)->document)
            return fail(FORM4_E_NO_DOCUMENT, function, "the parse failed: the result holds diagnostics only");
        *out = handle(&*impl(result)->document);
        return FORM4_OK;
    });
}

int form4_result_format(int32_t* out, const form4_result* result) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(result);
        *out = format_value(impl(result)->parsed.format);
        return FORM4_OK;
    });
}

int form4_result_diagnostic_count(size_t* out, const form4_result* result) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(result);
        *out = impl(result)->parsed.diagnostics.size();
        return FORM4_OK;
    });
}

int form4_result_diagnostic(const form4_diagnostic** out, const form4_result* result, size_t index) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(result);
        const auto& diagnostics = impl(result)->parsed.diagnostics;
        if (int status = check_index(function, index, diagnostics.size()); status != FORM4_OK)
            return status;
        *out = handle(&diagnostics[index]);
        return FORM4_OK;
    });
}

int form4_diagnostic_severity(int32_t* out, const form4_diagnostic* diagnostic) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(diagnostic);
        *out = severity_value(impl(diagnostic)->level);
        return FORM4_OK;
    });
}

int form4_diagnostic_code(const char** out, size_t* out_len, const form4_diagnostic* diagnostic) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(diagnostic);
        return put_text(out, out_len, impl(diagnostic)->code);
    });
}

int form4_diagnostic_message(const char** out, size_t* out_len, const form4_diagnostic* diagnostic) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(diagnostic);
        return put_text(out, out_len, impl(diagnostic)->message);
    });
}

int form4_diagnostic_line(size_t* out, const form4_diagnostic* diagnostic) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(diagnostic);
        *out = impl(diagnostic)->line;
        return FORM4_OK;
    });
}

int form4_diagnostic_column(size_t* out, const form4_diagnostic* diagnostic) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(diagnostic);
        *out = impl(diagnostic)->column;
        return FORM4_OK;
    });
}

}  // extern "C"
