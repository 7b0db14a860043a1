// Many documents at once: form4_dataset_from_inputs.
//
// Callers in slow languages (Python over ctypes) pay per call, so the whole
// batch goes in at once and one data set comes out. Parsing, the expensive
// part, runs on a few threads; rows are appended on the calling thread in
// input order, so surrogate keys never depend on the thread count.
#include <algorithm>
#include <array>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "shim.hpp"
#include "input.hpp"

using namespace form4::capi;

namespace {

namespace ds = form4::dataset;

// One input parsed and, with more than one thread, its rows: converted on
// the thread that parsed it, surrogate keys numbered from 1 (the document
// itself is then freed there too).
struct parsed_input : parsed_input_document {
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

parsed_input read_input(const form4_input& input, const form4::parse_options& options) {
    parsed_input out;
    static_cast<parsed_input_document&>(out) = parse_input(input, options);
    return out;
}

// Parses every input on `threads` threads (the calling thread among them),
// runs `prepare` on each where it was parsed, and hands the results to
// `consume` on the calling thread, in input order. With one thread there is
// no `prepare`: each input is parsed and consumed in turn.
//
// Work is claimed one input at a time from a shared counter, so a thread
// slowed down by the rest of the machine takes fewer inputs instead of
// holding everyone up, and the calling thread appends rows while the others
// keep parsing. (Batches parsed in parallel and then appended serially, as
// before, left the workers idle during each append and every batch waited
// for its slowest thread: two threads were slower than one.) At most
// `window` inputs are parsed ahead of the one being consumed, which bounds
// the documents held at once.
template <class Prepare, class Consume>
void parse_in_order(const form4_input* inputs, std::size_t count, const form4::parse_options& options,
                    unsigned threads, std::size_t window, Prepare prepare, Consume consume) {
    if (threads <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) {
            parsed_input input = read_input(inputs[i], options);
            consume(i, input);
        }
        return;
    }
    struct slot {
        parsed_input input;
        bool ready = false;
    };
    std::vector<slot> slots(window);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0;      // the next input to claim
    std::size_t consumed = 0;  // inputs consumed so far
    bool stop = false;
    std::exception_ptr error;

    // Claims and parses one input; false when there is none to claim now.
    const auto parse_one = [&](std::unique_lock<std::mutex>& lock) {
        if (next >= count || next >= consumed + window) return false;
        const std::size_t i = next++;
        lock.unlock();
        parsed_input input;
        try {
            input = read_input(inputs[i], options);
            prepare(i, input);
        } catch (...) {
            lock.lock();
            if (!error) error = std::current_exception();
            stop = true;
            changed.notify_all();
            return true;
        }
        lock.lock();
        slot& s = slots[i % window];
        s.input = std::move(input);
        s.ready = true;
        changed.notify_all();
        return true;
    };
    const auto work = [&] {
        std::unique_lock<std::mutex> lock(mutex);
        while (!stop && next < count) {
            if (!parse_one(lock)) changed.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    const auto finish = [&] {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stop = true;
        }
        changed.notify_all();
        for (auto& thread : pool) thread.join();
    };
    try {
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        std::unique_lock<std::mutex> lock(mutex);
        while (consumed < count) {
            if (error) break;
            slot& s = slots[consumed % window];
            if (s.ready) {
                parsed_input input = std::move(s.input);
                s.input = parsed_input{};
                s.ready = false;
                lock.unlock();
                consume(consumed, input);  // the document is freed here, outside the lock
                input = parsed_input{};
                lock.lock();
                ++consumed;
                changed.notify_all();  // the window moved on
            } else if (!parse_one(lock)) {
                // Nothing to claim: another thread is parsing this input.
                changed.wait(lock, [&] { return s.ready || error != nullptr; });
            }
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
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
        if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());

        auto dataset = std::make_unique<dataset_impl>();
        ds::key_counters keys;
        std::size_t failed = 0;
        // The window bounds the documents held at once, whatever the count.
        const std::size_t window = std::max<std::size_t>(64, 16 * static_cast<std::size_t>(threads));
        // On the parsing thread: the document's rows, so that the calling
        // thread only moves rows and renumbers keys (converting was a third
        // of the work left to it).
        const auto convert = [&](std::size_t i, parsed_input& input) {
            if (!input.doc) return;
            ds::key_counters from_one;
            input.rows.emplace();
            ds::append(*input.rows, *input.doc, input.accession_fallback(inputs[i]), dataset_options, from_one);
            input.doc.reset();
        };
        parse_in_order(inputs, count, options, threads, window, convert, [&](std::size_t i, parsed_input& input) {
            if (statuses != nullptr) statuses[i] = input.status;
            if (input.rows) {
                append_converted(dataset->tables, *input.rows, keys);
            } else if (input.doc) {
                ds::append(dataset->tables, *input.doc, input.accession_fallback(inputs[i]), dataset_options, keys);
            } else {
                ++failed;
            }
        });
        if (out_failed != nullptr) *out_failed = failed;
        *out = handle(dataset.release());
        return FORM4_OK;
    });
}

}  // extern "C"
