// Many documents at once: form4_dataset_from_inputs.
//
// Callers in slow languages (Python over ctypes) pay per call, so the whole
// batch goes in at once and one data set comes out. Parsing, the expensive
// part, runs on the batch engine's threads; rows are appended on the calling
// thread in input order, so surrogate keys never depend on the thread count.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "shim.hpp"
#include "input.hpp"

using namespace form4::capi;

namespace {

namespace ds = form4::dataset;

// One input's status and rows, converted on the thread that parsed it with
// surrogate keys numbered from 1 (the document itself is freed there too).
struct converted_input {
    int status = FORM4_OK;
    std::optional<ds::tables> rows;
};

// The surrogate key column (*_SK) of each table, or npos: the one cell of a
// row that depends on the rows before it, renumbered when rows converted on
// their own are appended.
const std::array<std::size_t, ds::table_count>& key_columns() {
    static const std::array<std::size_t, ds::table_count> found = [] {
        std::array<std::size_t, ds::table_count> columns{};
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            columns[t] = std::string_view::npos;
            const auto names = ds::columns(ds::all_tables[t]);
            for (std::size_t c = 0; c < names.size(); ++c)
                if (names[c].ends_with("_SK")) columns[t] = c;
        }
        return columns;
    }();
    return found;
}

// Appends rows converted alone, their surrogate keys renumbered on from
// `keys`: the same rows ds::append would have made in place.
void append_converted(ds::tables& out, ds::tables& rows, ds::key_counters& keys) {
    const auto& key_column = key_columns();
    for (std::size_t t = 0; t < ds::table_count; ++t) {
        for (auto& row : rows.rows[t]) {
            if (key_column[t] != std::string_view::npos && key_column[t] < row.size())
                row[key_column[t]] = std::to_string(keys.next[t]++);
            out.rows[t].push_back(std::move(row));
        }
    }
}

}  // namespace

extern "C" {

int form4_dataset_from_inputs(form4_dataset** out, size_t* out_failed, int32_t* statuses, const form4_input* inputs,
                              size_t count, const form4_parse_options* parse_opts, const form4_dataset_options* opts,
                              uint32_t threads) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        if (int status = check_inputs(inputs, count, function); status != FORM4_OK) return status;
        form4::parse_options options;
        if (int status = to_parse_options(options, parse_opts, function); status != FORM4_OK) return status;
        ds::options dataset_options;
        if (opts != nullptr) {
            if (opts->version < 1 || opts->version > FORM4_DATASET_OPTIONS_VERSION)
                return fail(FORM4_E_VERSION, function,
                            "form4_dataset_options version %u is not supported (this library knows 1 to %d)",
                            opts->version, FORM4_DATASET_OPTIONS_VERSION);
            dataset_options.sec_round = opts->sec_round != 0;
        }

        auto dataset = std::make_unique<dataset_impl>();
        ds::key_counters keys;
        std::size_t failed = 0;
        // Parsed and converted on the pool; the calling thread only moves
        // rows and renumbers keys, in input order.
        const auto convert = [&](std::size_t i) {
            converted_input out;
            auto parsed = parse_input(inputs[i], options);
            out.status = parsed.status;
            if (!parsed.doc) return out;
            ds::key_counters from_one;
            out.rows.emplace();
            ds::append(*out.rows, *parsed.doc, parsed.accession_fallback(inputs[i]), dataset_options, from_one);
            return out;
        };
        for_each_input_in_order(inputs, count, threads, convert, [&](std::size_t i, converted_input&& input) {
            if (statuses != nullptr) statuses[i] = input.status;
            if (input.rows)
                append_converted(dataset->tables, *input.rows, keys);
            else
                ++failed;
        });
        if (out_failed != nullptr) *out_failed = failed;
        *out = handle(dataset.release());
        return FORM4_OK;
    });
}

}  // extern "C"
