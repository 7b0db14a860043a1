// Many documents' data-set tables as Arrow columns:
// form4_dataset_columns_from_inputs and the form4_columns handle.
//
// Inputs are parsed in chunks of consecutive inputs, each chunk on whichever
// thread claims it, and each document's rows go straight from the model into
// typed column chunks (dataset::typed_tables) with their own text
// dictionaries, no text rows on the way; then every column of every table is joined across the
// chunks, again on all threads, one column per task. What stays on the
// calling thread alone is handing out the finished arrays.
#include <algorithm>

#include "arrow.hpp"
#include "form4/dataset_schema.hpp"
#include "input.hpp"
#include "shim.hpp"
#include "util/parallel_for.hpp"

using namespace form4::capi;

namespace {

namespace ds = form4::dataset;

struct columns_impl {
    struct one_table {
        const form4::tabular::schema* described = nullptr;
        std::size_t rows = 0;
        std::optional<arrow::array_data> array;   // empty once exported
    };
    std::vector<one_table> tables;
};

columns_impl* impl(form4_columns* p) { return reinterpret_cast<columns_impl*>(p); }
const columns_impl* impl(const form4_columns* p) { return reinterpret_cast<const columns_impl*>(p); }
form4_columns* handle(columns_impl* p) { return reinterpret_cast<form4_columns*>(p); }


int input_status(const form4_input& input, const form4::parse_options& options, ds::typed_tables& rows,
                 const ds::options& table_options, ds::key_counters& keys) {
    auto parsed = parse_input(input, options);
    if (!parsed.doc) return parsed.status;
    ds::append(rows, *parsed.doc, parsed.accession_fallback(input), table_options, keys);
    return FORM4_OK;
}

}  // namespace

extern "C" {

int form4_columns_options_init(form4_columns_options* opts, unsigned int version) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(opts);
        if (version < 1 || version > FORM4_COLUMNS_OPTIONS_VERSION)
            return fail(FORM4_E_VERSION, function, "form4_columns_options version %u is not supported (1 to %d)",
                        version, FORM4_COLUMNS_OPTIONS_VERSION);
        *opts = form4_columns_options FORM4_COLUMNS_OPTIONS_INIT;
        opts->version = version;
        return FORM4_OK;
    });
}

int form4_dataset_columns_from_inputs(form4_columns** out, size_t* out_failed, int32_t* statuses,
                                      const form4_input* inputs, size_t count, const form4_parse_options* parse_opts,
                                      const form4_columns_options* opts, uint32_t threads) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        if (int status = check_inputs(inputs, count, function); status != FORM4_OK) return status;
        form4::parse_options options;
        if (int status = to_parse_options(options, parse_opts, function); status != FORM4_OK) return status;
        ds::options table_options;
        arrow::options arrow_options;
        if (opts != nullptr) {
            if (opts->version < 1 || opts->version > FORM4_COLUMNS_OPTIONS_VERSION)
                return fail(FORM4_E_VERSION, function, "form4_columns_options version %u is not supported (1 to %d)",
                            opts->version, FORM4_COLUMNS_OPTIONS_VERSION);
            table_options.sec_round = opts->sec_round != 0;
            arrow_options.exact_numbers = opts->exact_numbers != 0;
        }
        threads = form4::util::thread_count(threads);

        // Chunks small enough that the threads share the work evenly, large
        // enough that each text dictionary repeats (the join's cost is per
        // distinct text of a chunk).
        const std::size_t chunk_size = std::clamp<std::size_t>(count / (8 * std::size_t{threads}), 16, 512);
        const std::size_t chunk_count = (count + chunk_size - 1) / chunk_size;
        std::vector<ds::typed_tables> chunks(chunk_count);
        std::vector<std::int32_t> status_of(count, FORM4_OK);
        form4::util::parallel_for(chunk_count, threads, [&](std::size_t k) {
            ds::key_counters keys;   // row numbers are counted again when the chunks are joined
            for (std::size_t i = k * chunk_size; i < std::min(count, (k + 1) * chunk_size); ++i)
                status_of[i] = input_status(inputs[i], options, chunks[k], table_options, keys);
        });

        auto result = std::make_unique<columns_impl>();
        std::vector<std::pair<std::size_t, std::size_t>> tasks;   // (table, column)
        std::vector<std::vector<arrow::array_data>> arrays(ds::table_count);
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            const auto& described = ds::schema(ds::all_tables[t]);
            arrays[t].resize(described.columns.size());
            for (std::size_t c = 0; c < described.columns.size(); ++c) tasks.emplace_back(t, c);
        }
        std::vector<std::vector<const form4::tabular::table*>> parts(ds::table_count);
        for (std::size_t t = 0; t < ds::table_count; ++t)
            for (const auto& k : chunks) parts[t].push_back(&k[ds::all_tables[t]]);
        form4::util::parallel_for(tasks.size(), threads, [&](std::size_t i) {
            auto [t, c] = tasks[i];
            arrays[t][c] = arrow::column(ds::schema(ds::all_tables[t]), parts[t], c, arrow_options);
        });
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            const auto& described = ds::schema(ds::all_tables[t]);
            std::size_t rows = 0;
            for (const auto* part : parts[t]) rows += part->rows();
            result->tables.push_back({&described, rows,
                                      arrow::table(described, std::move(arrays[t]), static_cast<std::int64_t>(rows))});
        }
        std::size_t failed = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (statuses != nullptr) statuses[i] = status_of[i];
            failed += status_of[i] != FORM4_OK;
        }
        if (out_failed != nullptr) *out_failed = failed;
        *out = handle(result.release());
        return FORM4_OK;
    });
}

void form4_columns_free(form4_columns* columns) { delete impl(columns); }

int form4_columns_table_count(size_t* out, const form4_columns* columns) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(columns);
        *out = impl(columns)->tables.size();
        return FORM4_OK;
    });
}

int form4_columns_table_name(const char** out, size_t* out_len, const form4_columns* columns, size_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(columns);
        const auto& tables = impl(columns)->tables;
        if (int status = check_index(function, table, tables.size()); status != FORM4_OK) return status;
        return put_text(out, out_len, tables[table].described->name);
    });
}

int form4_columns_row_count(size_t* out, const form4_columns* columns, size_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(columns);
        const auto& tables = impl(columns)->tables;
        if (int status = check_index(function, table, tables.size()); status != FORM4_OK) return status;
        *out = tables[table].rows;
        return FORM4_OK;
    });
}

int form4_columns_export(struct ArrowSchema* out_schema, struct ArrowArray* out_array, form4_columns* columns,
                         size_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out_schema);
        FORM4_CAPI_REQUIRE(out_array);
        FORM4_CAPI_REQUIRE(columns);
        auto& tables = impl(columns)->tables;
        if (int status = check_index(function, table, tables.size()); status != FORM4_OK) return status;
        auto& one = tables[table];
        if (!one.array)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "table %zu (%s) was exported already", table,
                        one.described->name.c_str());
        arrow::export_to(std::move(*one.array), out_schema, out_array);
        one.array.reset();
        return FORM4_OK;
    });
}

}  // extern "C"
