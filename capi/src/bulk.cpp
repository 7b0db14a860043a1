// Many documents at once: form4_dataset_from_inputs.
//
// Callers in slow languages (Python over ctypes) pay per call, so the whole
// batch goes in at once and one data set comes out. Parsing, the expensive
// part, runs on a few threads; rows are appended on the calling thread in
// input order, so surrogate keys never depend on the thread count.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "shim.hpp"

using namespace form4::capi;

namespace {

namespace ds = form4::dataset;

// What parsing one input gave: its status and, when it parsed, the document.
struct parsed_input {
    int status = FORM4_OK;
    std::optional<form4::document> doc;
    std::string file_stem;  // for a path input
};

std::optional<std::string> read_file(const char* path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(buffer).str();
}

parsed_input parse_input(const form4_input& input, const form4::parse_options& options) {
    parsed_input out;
    form4::parse_result result;
    if (input.data != nullptr) {
        result = form4::parse(std::string_view(input.data, input.len), options);
    } else if (input.path != nullptr) {
        std::optional<std::string> bytes = read_file(input.path);
        if (!bytes) {
            out.status = FORM4_E_IO;
            return out;
        }
        out.file_stem = std::filesystem::path(input.path).stem().string();
        result = form4::parse(*bytes, options);
    } else if (input.len == 0) {
        result = form4::parse(std::string_view{}, options);  // an empty buffer, as form4_parse(NULL, 0)
    } else {
        out.status = FORM4_E_INVALID_ARGUMENT;
        return out;
    }
    if (result.doc) {
        out.doc = std::move(result.doc);
    } else {
        out.status = FORM4_E_PARSE;
    }
    return out;
}

// Parses inputs[first, last) into parsed[first, last) on up to `threads` threads.
void parse_batch(std::vector<parsed_input>& parsed, const form4_input* inputs, std::size_t first, std::size_t last,
                 const form4::parse_options& options, unsigned threads) {
    const std::size_t count = last - first;
    const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    if (workers <= 1) {
        for (std::size_t i = first; i < last; ++i) parsed[i - first] = parse_input(inputs[i], options);
        return;
    }
    // Interleaved indices: neighbouring inputs are often of similar size.
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(workers);
    for (unsigned w = 0; w < workers; ++w)
        pool.emplace_back([&, w] {
            try {
                for (std::size_t i = first + w; i < last; i += workers) parsed[i - first] = parse_input(inputs[i], options);
            } catch (...) {
                errors[w] = std::current_exception();
            }
        });
    for (auto& thread : pool) thread.join();
    for (auto& error : errors)
        if (error) std::rethrow_exception(error);
}

}  // namespace

extern "C" {

int form4_dataset_from_inputs(form4_dataset** out, size_t* out_failed, int32_t* statuses, const form4_input* inputs,
                              size_t count, const form4_parse_options* parse_opts, const form4_dataset_options* opts,
                              uint32_t threads) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        if (inputs == nullptr && count != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "inputs is NULL but count is %zu", count);
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
        for (std::size_t i = 0; i < count; ++i)
            if (inputs[i].accession_fallback == nullptr && inputs[i].accession_fallback_len != 0)
                return fail(FORM4_E_INVALID_ARGUMENT, function,
                            "inputs[%zu].accession_fallback is NULL but its length is %zu", i,
                            inputs[i].accession_fallback_len);
        if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

        auto dataset = std::make_unique<dataset_impl>();
        ds::key_counters keys;
        std::size_t failed = 0;
        // Batches bound the documents held at once, whatever the count.
        const std::size_t batch_size = std::max<std::size_t>(64, 16 * static_cast<std::size_t>(threads));
        std::vector<parsed_input> parsed;
        for (std::size_t first = 0; first < count; first += batch_size) {
            const std::size_t last = std::min(count, first + batch_size);
            parsed.assign(last - first, parsed_input{});
            parse_batch(parsed, inputs, first, last, options, threads);
            for (std::size_t i = first; i < last; ++i) {
                parsed_input& input = parsed[i - first];
                if (statuses != nullptr) statuses[i] = input.status;
                if (!input.doc) {
                    ++failed;
                    continue;
                }
                const std::string_view fallback =
                    inputs[i].accession_fallback != nullptr
                        ? std::string_view(inputs[i].accession_fallback, inputs[i].accession_fallback_len)
                        : std::string_view(input.file_stem);
                ds::append(dataset->tables, *input.doc, fallback, dataset_options, keys);
                input.doc.reset();
            }
        }
        if (out_failed != nullptr) *out_failed = failed;
        *out = handle(dataset.release());
        return FORM4_OK;
    });
}

}  // extern "C"
