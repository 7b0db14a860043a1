// Whole-document outputs: JSON, and the SEC data-set tables.
#include <cstdlib>
#include <cstring>
#include <memory>

#include "form4/json.hpp"
#include "shim.hpp"

using namespace form4::capi;

namespace {

namespace ds = form4::dataset;

bool is_dataset_table(std::int32_t table) noexcept { return table >= 0 && table < FORM4_DATASET_TABLE_COUNT; }

int bad_dataset_table(std::int32_t table, const char* function) noexcept {
    return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_DATASET_* table", static_cast<int>(table));
}

// The C values are the SEC's order, which is also dataset::all_tables'.
static_assert(ds::table_count == FORM4_DATASET_TABLE_COUNT);
static_assert(ds::all_tables[FORM4_DATASET_SUBMISSION] == ds::table::submission);
static_assert(ds::all_tables[FORM4_DATASET_REPORTINGOWNER] == ds::table::reporting_owner);
static_assert(ds::all_tables[FORM4_DATASET_NONDERIV_TRANS] == ds::table::non_derivative_transaction);
static_assert(ds::all_tables[FORM4_DATASET_NONDERIV_HOLDING] == ds::table::non_derivative_holding);
static_assert(ds::all_tables[FORM4_DATASET_DERIV_TRANS] == ds::table::derivative_transaction);
static_assert(ds::all_tables[FORM4_DATASET_DERIV_HOLDING] == ds::table::derivative_holding);
static_assert(ds::all_tables[FORM4_DATASET_FOOTNOTES] == ds::table::footnotes);
static_assert(ds::all_tables[FORM4_DATASET_OWNER_SIGNATURE] == ds::table::owner_signature);

// Table and column names as NUL-terminated strings that live as long as
// the library (dataset::name and columns give string_views, which promise
// no terminator). Built once, thread-safely, on first use.
struct catalog {
    std::array<std::string, ds::table_count> names;
    std::array<std::vector<std::string>, ds::table_count> columns;
};

const catalog& names() {
    static const catalog built = [] {
        catalog c;
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            c.names[t] = std::string(ds::name(ds::all_tables[t]));
            for (std::string_view column : ds::columns(ds::all_tables[t])) c.columns[t].emplace_back(column);
        }
        return c;
    }();
    return built;
}

// A JSON string literal of UTF-8 text: quotes, backslashes and control
// characters escaped, everything else copied in runs (cells rarely need
// any escape, and a byte-by-byte append was most of the writer's time).
void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
                out.append(escape, sizeof escape);
            }
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

}  // namespace

namespace form4::capi {

const std::string& tsv_of(const dataset_impl& dataset, std::size_t table) {
    std::call_once(dataset.tsv_made[table], [&] {
        std::string header = ds::tsv_header(ds::all_tables[table]);
        if (header.empty() || header.back() != '\n') header += '\n';
        dataset.tsv[table] = header + ds::to_tsv(dataset.tables.rows[table]);
    });
    return dataset.tsv[table];
}

}  // namespace form4::capi

extern "C" {

int form4_document_to_json(char** out, size_t* out_len, const form4_document* doc, uint32_t flags) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(doc);
        if ((flags & ~static_cast<uint32_t>(FORM4_JSON_PRETTY)) != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "unknown flags 0x%x", static_cast<unsigned>(flags));
        form4::json_options options;
        options.pretty = (flags & FORM4_JSON_PRETTY) != 0;
        const std::string json = form4::to_json(*impl(doc)->model, options);
        // malloc, so that form4_string_free can be plain free() and the
        // string can be handed to C code that frees with free() by habit.
        char* copy = static_cast<char*>(std::malloc(json.size() + 1));
        if (copy == nullptr) return fail(FORM4_E_NO_MEMORY, function, "out of memory");
        std::memcpy(copy, json.c_str(), json.size() + 1);
        *out = copy;
        if (out_len) *out_len = json.size();
        return FORM4_OK;
    });
}

void form4_string_free(char* string) { std::free(string); }

int form4_dataset_options_init(form4_dataset_options* opts, unsigned int version) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(opts);
        if (version < 1 || version > FORM4_DATASET_OPTIONS_VERSION)
            return fail(FORM4_E_VERSION, function, "form4_dataset_options version %u is not supported", version);
        *opts = form4_dataset_options FORM4_DATASET_OPTIONS_INIT;
        opts->version = version;
        return FORM4_OK;
    });
}

int form4_document_to_dataset(form4_dataset** out, const form4_document* doc, const form4_dataset_options* opts) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(doc);
        ds::options options;
        std::string_view accession_fallback = impl(doc)->file_stem;
        if (opts != nullptr) {
            if (opts->version < 1 || opts->version > FORM4_DATASET_OPTIONS_VERSION)
                return fail(FORM4_E_VERSION, function,
                            "form4_dataset_options version %u is not supported (this library knows 1 to %d)",
                            opts->version, FORM4_DATASET_OPTIONS_VERSION);
            if (opts->accession_fallback == nullptr && opts->accession_fallback_len != 0)
                return fail(FORM4_E_INVALID_ARGUMENT, function, "accession_fallback is NULL but its length is %zu",
                            opts->accession_fallback_len);
            options.sec_round = opts->sec_round != 0;
            if (opts->accession_fallback != nullptr)
                accession_fallback = std::string_view(opts->accession_fallback, opts->accession_fallback_len);
        }
        auto dataset = std::make_unique<dataset_impl>();
        ds::key_counters keys;
        ds::append(dataset->tables, *impl(doc)->model, accession_fallback, options, keys);
        *out = handle(dataset.release());
        return FORM4_OK;
    });
}

int form4_dataset_to_json(char** out, size_t* out_len, const form4_dataset* dataset) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(dataset);
        const catalog& catalog = names();
        // One allocation: every cell, its column name and the punctuation.
        std::size_t size = 64;
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            std::size_t column_names = 0;
            for (const auto& column : catalog.columns[t]) column_names += column.size() + 6;
            for (const auto& row : impl(dataset)->tables.rows[t]) {
                size += column_names + 2;
                for (const auto& cell : row) size += cell.size();
            }
        }
        std::string json;
        json.reserve(size + size / 16);
        json += '{';
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            if (t > 0) json += ',';
            append_json_string(json, catalog.names[t]);
            json += ":[";
            const auto& columns = catalog.columns[t];
            const auto& rows = impl(dataset)->tables.rows[t];
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r > 0) json += ',';
                json += '{';
                for (std::size_t c = 0; c < columns.size(); ++c) {
                    if (c > 0) json += ',';
                    append_json_string(json, columns[c]);
                    json += ':';
                    append_json_string(json, c < rows[r].size() ? std::string_view(rows[r][c]) : std::string_view());
                }
                json += '}';
            }
            json += ']';
        }
        json += '}';
        char* copy = static_cast<char*>(std::malloc(json.size() + 1));
        if (copy == nullptr) return fail(FORM4_E_NO_MEMORY, function, "out of memory");
        std::memcpy(copy, json.c_str(), json.size() + 1);
        *out = copy;
        if (out_len) *out_len = json.size();
        return FORM4_OK;
    });
}

void form4_dataset_free(form4_dataset* dataset) { delete const_cast<dataset_impl*>(impl(dataset)); }

int form4_dataset_table_name(const char** out, size_t* out_len, int32_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        if (!is_dataset_table(table)) return bad_dataset_table(table, function);
        return put_text(out, out_len, names().names[static_cast<std::size_t>(table)]);
    });
}

int form4_dataset_column_count(size_t* out, int32_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        if (!is_dataset_table(table)) return bad_dataset_table(table, function);
        *out = names().columns[static_cast<std::size_t>(table)].size();
        return FORM4_OK;
    });
}

int form4_dataset_column_name(const char** out, size_t* out_len, int32_t table, size_t column) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        if (!is_dataset_table(table)) return bad_dataset_table(table, function);
        const auto& columns = names().columns[static_cast<std::size_t>(table)];
        if (int status = check_index(function, column, columns.size()); status != FORM4_OK) return status;
        return put_text(out, out_len, columns[column]);
    });
}

int form4_dataset_row_count(size_t* out, const form4_dataset* dataset, int32_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(dataset);
        if (!is_dataset_table(table)) return bad_dataset_table(table, function);
        *out = impl(dataset)->tables.rows[static_cast<std::size_t>(table)].size();
        return FORM4_OK;
    });
}

int form4_dataset_cell(const char** out, size_t* out_len, const form4_dataset* dataset, int32_t table, size_t row,
                       size_t column) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(dataset);
        if (!is_dataset_table(table)) return bad_dataset_table(table, function);
        const auto& rows = impl(dataset)->tables.rows[static_cast<std::size_t>(table)];
        if (int status = check_index(function, row, rows.size()); status != FORM4_OK) return status;
        if (int status = check_index(function, column, rows[row].size()); status != FORM4_OK) return status;
        return put_text(out, out_len, rows[row][column]);
    });
}

int form4_dataset_tsv(const char** out, size_t* out_len, const form4_dataset* dataset, int32_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(dataset);
        if (!is_dataset_table(table)) return bad_dataset_table(table, function);
        return put_text(out, out_len, tsv_of(*impl(dataset), static_cast<std::size_t>(table)));
    });
}

}  // extern "C"
