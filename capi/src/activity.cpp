// Insider activity through the C ABI: a form4_activity is a table of text
// cells (rows, aggregates or clusters) plus, for rows, the rows themselves so
// that aggregates and clusters can be taken of them.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "form4/activity.hpp"
#include "input.hpp"
#include "shim.hpp"

using namespace form4::capi;
namespace activity = form4::activity;

namespace {

struct activity_impl {
    std::vector<activity::row> rows;   // set for a table of rows
    std::vector<std::string> columns;   // owned: each handed out NUL-terminated
    std::vector<std::vector<std::string>> cells;
    std::string json;
};

const activity_impl* impl(const form4_activity* p) { return reinterpret_cast<const activity_impl*>(p); }
form4_activity* handle(activity_impl* p) { return reinterpret_cast<form4_activity*>(p); }

template <class T>
std::unique_ptr<activity_impl> table_of(const std::vector<T>& rows) {
    auto table = std::make_unique<activity_impl>();
    for (std::string_view name : activity::columns<T>()) table->columns.emplace_back(name);
    table->cells.reserve(rows.size());
    for (const auto& r : rows) table->cells.push_back(activity::cells(r));
    std::ostringstream json;
    activity::write_json(json, std::span<const T>(rows));
    table->json = std::move(json).str();
    return table;
}

int check_options(const form4_activity_options* opts, const char* function) {
    if (opts == nullptr) return FORM4_OK;
    if (opts->version < 1 || opts->version > FORM4_ACTIVITY_OPTIONS_VERSION)
        return fail(FORM4_E_VERSION, function, "form4_activity_options version %u is not supported (this library knows 1 to %d)",
                    opts->version, FORM4_ACTIVITY_OPTIONS_VERSION);
    if ((opts->as_of == nullptr && opts->as_of_len != 0) ||
        (opts->cluster_min_value == nullptr && opts->cluster_min_value_len != 0))
        return fail(FORM4_E_INVALID_ARGUMENT, function, "a NULL text with a nonzero length");
    return FORM4_OK;
}

int finish(form4_activity** out, std::unique_ptr<activity_impl> table) {
    *out = handle(table.release());
    return FORM4_OK;
}

}  // namespace

extern "C" {

int form4_activity_options_init(form4_activity_options* opts, unsigned int version) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(opts);
        if (version < 1 || version > FORM4_ACTIVITY_OPTIONS_VERSION)
            return fail(FORM4_E_VERSION, function, "form4_activity_options version %u is not supported", version);
        *opts = form4_activity_options FORM4_ACTIVITY_OPTIONS_INIT;
        opts->version = version;
        return FORM4_OK;
    });
}

int form4_activity_from_inputs(form4_activity** out, size_t* out_failed, int32_t* statuses, const form4_input* inputs,
                               size_t count, const form4_parse_options* parse_opts, uint32_t threads) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        if (int status = check_inputs(inputs, count, function); status != FORM4_OK) return status;
        form4::parse_options options;
        if (int status = to_parse_options(options, parse_opts, function); status != FORM4_OK) return status;
        struct one_input {
            int32_t status = FORM4_OK;
            std::vector<activity::row> rows;
        };
        const auto rows_of = [&](std::size_t i) {
            one_input out;
            try {
                auto parsed = parse_input(inputs[i], options);
                out.status = parsed.status;
                if (!parsed.doc) return out;
                activity::row_options row_opts;
                row_opts.accession_fallback = std::string(parsed.accession_fallback(inputs[i]));
                out.rows = activity::rows_of(*parsed.doc, row_opts);
            } catch (const std::exception&) {
                out.status = FORM4_E_INTERNAL;
            }
            return out;
        };
        std::vector<activity::row> all;
        std::size_t failed = 0;
        for_each_input_in_order(inputs, count, threads, rows_of, [&](std::size_t i, one_input&& input) {
            if (statuses) statuses[i] = input.status;
            if (input.status != FORM4_OK) ++failed;
            std::move(input.rows.begin(), input.rows.end(), std::back_inserter(all));
        });
        if (out_failed) *out_failed = failed;
        activity::link(all);
        auto table = table_of(all);
        table->rows = std::move(all);
        return finish(out, std::move(table));
    });
}

int form4_activity_from_paths(form4_activity** out, size_t* out_failed, const char* const* paths, size_t count,
                              const form4_parse_options* parse_opts, uint32_t threads) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        if (paths == nullptr && count != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "paths is NULL but count is %zu", count);
        form4::parse_options parse;
        if (int status = to_parse_options(parse, parse_opts, function); status != FORM4_OK) return status;
        std::vector<std::filesystem::path> list;
        for (std::size_t i = 0; i < count; ++i) {
            if (paths[i] == nullptr) return fail(FORM4_E_INVALID_ARGUMENT, function, "paths[%zu] is NULL", i);
            list.emplace_back(paths[i]);
        }
        activity::read_options options;
        options.lenient = parse.lenient;
        options.format = parse.format;
        options.threads = threads;
        auto result = activity::read(list, options);
        if (out_failed) *out_failed = result.summary.documents_failed;
        auto table = table_of(result.rows);
        table->rows = std::move(result.rows);
        return finish(out, std::move(table));
    });
}

int form4_activity_aggregate(form4_activity** out, const form4_activity* rows, const form4_activity_options* opts) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(rows);
        if (int status = check_options(opts, function); status != FORM4_OK) return status;
        activity::aggregate_options options;
        if (opts != nullptr) {
            if (opts->group_by != FORM4_ACTIVITY_BY_ISSUER && opts->group_by != FORM4_ACTIVITY_BY_OWNER)
                return fail(FORM4_E_INVALID_ARGUMENT, function, "group_by %d is not FORM4_ACTIVITY_BY_*", opts->group_by);
            if (opts->period < FORM4_ACTIVITY_PERIOD_MONTH || opts->period > FORM4_ACTIVITY_PERIOD_YEAR)
                return fail(FORM4_E_INVALID_ARGUMENT, function, "period %d is not FORM4_ACTIVITY_PERIOD_*", opts->period);
            if (opts->window_days < 0)
                return fail(FORM4_E_INVALID_ARGUMENT, function, "window_days %d is negative", opts->window_days);
            options.by = opts->group_by == FORM4_ACTIVITY_BY_OWNER ? activity::group_by::owner : activity::group_by::issuer;
            options.period = static_cast<activity::calendar_period>(opts->period);
            if (opts->window_days > 0) options.window_days = opts->window_days;
            if (opts->as_of != nullptr) {
                std::string text(opts->as_of, opts->as_of_len);
                try {
                    options.as_of = boost::gregorian::from_simple_string(text);
                } catch (const std::exception&) {
                    return fail(FORM4_E_INVALID_ARGUMENT, function, "as_of \"%s\" is not a date YYYY-MM-DD", text.c_str());
                }
            }
        }
        return finish(out, table_of(activity::aggregate(impl(rows)->rows, options)));
    });
}

int form4_activity_clusters(form4_activity** out, const form4_activity* rows, const form4_activity_options* opts) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(rows);
        if (int status = check_options(opts, function); status != FORM4_OK) return status;
        activity::cluster_options options;
        if (opts != nullptr) {
            if (opts->cluster_window_days < 1)
                return fail(FORM4_E_INVALID_ARGUMENT, function, "cluster_window_days %d is less than 1", opts->cluster_window_days);
            options.min_owners = opts->cluster_min_owners;
            options.window_days = opts->cluster_window_days;
            if (opts->cluster_min_value != nullptr) {
                std::string text(opts->cluster_min_value, opts->cluster_min_value_len);
                auto min = form4::decimal::parse(text);
                if (!min) return fail(FORM4_E_INVALID_ARGUMENT, function, "cluster_min_value \"%s\" is not a decimal", text.c_str());
                options.min_value = *min;
            }
            options.exclude_10b5_1 = opts->exclude_10b5_1 != 0;
            options.exclude_ten_percent_owners = opts->exclude_ten_percent_owners != 0;
        }
        return finish(out, table_of(activity::clusters(impl(rows)->rows, options)));
    });
}

void form4_activity_free(form4_activity* activity) { delete const_cast<activity_impl*>(impl(activity)); }

int form4_activity_column_count(size_t* out, const form4_activity* activity) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(activity);
        *out = impl(activity)->columns.size();
        return FORM4_OK;
    });
}

int form4_activity_column_name(const char** out, size_t* out_len, const form4_activity* activity, size_t column) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(activity);
        const auto& columns = impl(activity)->columns;
        if (int status = check_index(function, column, columns.size()); status != FORM4_OK) return status;
        return put_text(out, out_len, columns[column]);
    });
}

int form4_activity_row_count(size_t* out, const form4_activity* activity) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(activity);
        *out = impl(activity)->cells.size();
        return FORM4_OK;
    });
}

int form4_activity_cell(const char** out, size_t* out_len, const form4_activity* activity, size_t row, size_t column) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(activity);
        const auto& cells = impl(activity)->cells;
        if (int status = check_index(function, row, cells.size()); status != FORM4_OK) return status;
        if (int status = check_index(function, column, cells[row].size()); status != FORM4_OK) return status;
        return put_text(out, out_len, cells[row][column]);
    });
}

int form4_activity_to_json(char** out, size_t* out_len, const form4_activity* activity) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(activity);
        const std::string& json = impl(activity)->json;
        char* copy = static_cast<char*>(std::malloc(json.size() + 1));
        if (copy == nullptr) return fail(FORM4_E_NO_MEMORY, function, "out of memory");
        std::memcpy(copy, json.c_str(), json.size() + 1);
        *out = copy;
        if (out_len) *out_len = json.size();
        return FORM4_OK;
    });
}

}  // extern "C"
