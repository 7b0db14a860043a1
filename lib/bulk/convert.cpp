// Bulk conversion: one reader thread (files, directories, archive members, in
// input order), a pool of parser threads, and the calling thread writing the
// rows in input order.
//
// Every document gets a sequence number when read. Parsers take documents from
// a queue and leave their rows, keyed by sequence number, for the writer, which
// writes them strictly in sequence: the output does not depend on which thread
// finished first. A document counts as "in flight" from when it is read until
// its rows are written, and the reader waits while `max_in_flight` documents
// are: that bounds memory whatever the number of inputs, and also bounds the
// rows waiting for a slow document ahead of them.
//
// Surrogate keys: each parser numbers the rows of its document from 1; the
// writer adds the number of rows the table already has, so keys run 1, 2, 3...
// over the whole output in input order.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <stdexcept>
#include <deque>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "archive_reader.hpp"
#include "form4/bulk.hpp"

namespace form4::bulk {
namespace {

using steady = std::chrono::steady_clock;

struct work_item {
    std::size_t sequence = 0;
    std::string name;              // for the summary
    std::string accession_hint;    // from the file or member name
    std::string bytes;
    std::string read_error;        // set when the document could not be read
};

enum class outcome { converted, failed, skipped };

struct work_result {
    std::size_t sequence = 0;
    std::string name;
    outcome result = outcome::failed;
    std::string reason;
    bool warnings = false;
    std::uint64_t bytes = 0;
    dataset::tables tables;
    std::vector<diagnostic> diagnostics;   // kept only for options::on_diagnostics
};

// ---- what a document is ----------------------------------------------------

std::string_view trimmed_line_after(std::string_view text, std::string_view key) {
    auto at = text.find(key);
    if (at == std::string_view::npos) return {};
    std::string_view rest = text.substr(at + key.size());
    rest = rest.substr(0, rest.find_first_of("\r\n"));
    auto first = rest.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    auto last = rest.find_last_not_of(" \t");
    return rest.substr(first, last - first + 1);
}

// The form type of an EDGAR submission read from its header without parsing
// it ("" when the input is not a submission or does not say).
std::string_view submission_form_type(std::string_view bytes) {
    if (detect_format(bytes) != input_format::submission) return {};
    std::string_view head = bytes.substr(0, 16384);
    std::string_view type = trimmed_line_after(head, "CONFORMED SUBMISSION TYPE:");
    if (type.empty()) type = trimmed_line_after(head, "<TYPE>");   // .nc: the first <TYPE> is the submission's
    return type;
}

bool is_ownership_form(std::string_view type) {
    for (std::string_view form : {"3", "4", "5", "3/A", "4/A", "5/A"})
        if (type == form) return true;
    return false;
}

std::string first_error(const parse_result& result) {
    for (const auto& d : result.diagnostics)
        if (d.level == severity::error) return format(d);
    return "no document";
}

work_result convert_one(work_item&& item, const options& opts) {
    work_result result;
    result.sequence = item.sequence;
    result.name = std::move(item.name);
    result.bytes = item.bytes.size();
    bool keep_diagnostics = static_cast<bool>(opts.on_diagnostics);
    if (!item.read_error.empty()) {
        if (keep_diagnostics) result.diagnostics.push_back(diagnostic{severity::error, "io", item.read_error, 0, 0});
        result.reason = std::move(item.read_error);
        return result;
    }
    try {
        if (opts.skip_other_forms) {
            std::string_view type = submission_form_type(item.bytes);
            if (!type.empty() && !is_ownership_form(type)) {
                result.result = outcome::skipped;
                result.reason = "form " + std::string(type);
                return result;
            }
        }
        parse_options parse_opts;
        parse_opts.format = opts.format;
        parse_opts.lenient = opts.lenient;
        parse_opts.limits = opts.limits;
        parse_result parsed = parse(item.bytes, parse_opts);
        item.bytes = std::string();   // release the input before building rows
        result.warnings = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                                      [](const diagnostic& d) { return d.level == severity::warning; });
        if (!parsed.ok()) result.reason = first_error(parsed);
        if (keep_diagnostics) result.diagnostics = std::move(parsed.diagnostics);
        if (!parsed.ok()) return result;
        dataset::options table_opts;
        table_opts.sec_round = opts.sec_round;
        dataset::key_counters keys;   // 1-based per document; the writer shifts them
        dataset::append(result.tables, *parsed.doc, item.accession_hint, table_opts, keys);
        result.result = outcome::converted;
    } catch (const std::bad_alloc&) {
        result.tables = {};
        result.reason = "out of memory";
    } catch (const std::exception& error) {
        result.tables = {};
        result.reason = std::string("internal error: ") + error.what();
    }
    return result;
}

// The columns of each table that hold its own surrogate key.
std::array<std::vector<std::size_t>, dataset::table_count> surrogate_key_columns() {
    std::array<std::vector<std::size_t>, dataset::table_count> out;
    for (auto t : dataset::all_tables) {
        auto columns = dataset::columns(t);
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].ends_with("_SK")) out[static_cast<std::size_t>(t)].push_back(i);
    }
    return out;
}

// ---- the pipeline ----------------------------------------------------------

class pipeline {
public:
    pipeline(const options& opts, std::size_t threads)
        : opts_(opts), threads_(threads),
          limit_(opts.max_in_flight ? opts.max_in_flight : std::max<std::size_t>(64, 16 * threads)) {}

    summary run(std::span<const std::filesystem::path> inputs, const tsv_sink& sink) {
        auto started = steady::now();
        std::vector<std::thread> workers;
        std::thread reader;
        try {
            reader = std::thread([this, inputs] { read_all(inputs); });
            for (std::size_t i = 0; i < threads_; ++i) workers.emplace_back([this] { parse_all(); });
            write_all(sink, started);
        } catch (...) {
            stop();
            if (reader.joinable()) reader.join();
            for (auto& w : workers) w.join();
            throw;
        }
        reader.join();
        for (auto& w : workers) w.join();
        if (fatal_) std::rethrow_exception(fatal_);
        summary_.elapsed = steady::now() - started;
        return std::move(summary_);
    }

private:
    // ---- reader thread
    void read_all(std::span<const std::filesystem::path> inputs) {
        try {
            for (const auto& path : expand_inputs(inputs)) {
                if (stopped()) break;
                if (is_archive(path))
                    read_archive(path);
                else
                    read_file(path);
            }
        } catch (...) {
            std::lock_guard lock(mutex_);
            if (!fatal_) fatal_ = std::current_exception();
            stopping_ = true;
        }
        std::lock_guard lock(mutex_);
        reading_done_ = true;
        total_ = next_sequence_;
        can_work_.notify_all();
        can_write_.notify_all();
    }

    void read_file(const std::filesystem::path& path) {
        work_item item;
        item.name = path.string();
        item.accession_hint = accession_from_name(path.filename().string());
        std::error_code error;
        auto size = std::filesystem::file_size(path, error);
        if (error) {
            item.read_error = "cannot read: " + error.message();
        } else if (size > opts_.limits.max_input_bytes) {
            item.read_error = "input is " + std::to_string(size) + " bytes, over the limit of " +
                              std::to_string(opts_.limits.max_input_bytes);
        } else {
            std::ifstream in(path, std::ios::binary);
            item.bytes.resize(static_cast<std::size_t>(size));
            if (!in || !in.read(item.bytes.data(), static_cast<std::streamsize>(size))) {
                item.bytes.clear();
                item.read_error = "cannot read the file";
            }
        }
        submit(std::move(item));
    }

    void read_archive(const std::filesystem::path& path) {
        auto const take = [&](detail::archive_member&& m) {
            work_item item;
            item.name = path.string() + "!" + m.name;
            item.accession_hint = accession_from_name(m.name);
            item.bytes = std::move(m.bytes);
            item.read_error = std::move(m.error);
            submit(std::move(item));
        };
        std::string damage = detail::for_each_member(path, opts_.limits.max_input_bytes, take);
        if (!damage.empty()) {
            work_item item;
            item.name = path.string();
            item.read_error = "archive: " + damage;
            submit(std::move(item));
        }
    }

    // Waits for room, then queues the document with the next sequence number.
    void submit(work_item&& item) {
        std::unique_lock lock(mutex_);
        can_read_.wait(lock, [this] { return in_flight_ < limit_ || stopping_; });
        if (stopping_) return;
        ++in_flight_;
        item.sequence = next_sequence_++;
        queue_.push_back(std::move(item));
        can_work_.notify_one();
    }

    // ---- parser threads
    void parse_all() {
        for (;;) {
            work_item item;
            {
                std::unique_lock lock(mutex_);
                can_work_.wait(lock, [this] { return !queue_.empty() || reading_done_ || stopping_; });
                if (stopping_ || queue_.empty()) return;
                item = std::move(queue_.front());
                queue_.pop_front();
            }
            work_result result = convert_one(std::move(item), opts_);
            std::lock_guard lock(mutex_);
            std::size_t sequence = result.sequence;
            finished_.emplace(sequence, std::move(result));
            if (sequence == next_to_write_) can_write_.notify_one();
        }
    }

    // ---- calling thread
    void write_all(const tsv_sink& sink, steady::time_point started) {
        auto const key_columns = surrogate_key_columns();
        auto last_report = started;
        for (;;) {
            work_result result;
            {
                std::unique_lock lock(mutex_);
                can_write_.wait(lock, [this] {
                    return finished_.count(next_to_write_) != 0 || (reading_done_ && next_to_write_ == total_) ||
                           stopping_;
                });
                if (stopping_ || finished_.count(next_to_write_) == 0) break;
                auto node = finished_.extract(next_to_write_);
                result = std::move(node.mapped());
            }
            write_one(result, sink, key_columns);
            {
                std::lock_guard lock(mutex_);
                ++next_to_write_;
                // The reader waits only when the window is full: wake it then
                // alone, not once per document.
                if (in_flight_-- == limit_) can_read_.notify_one();
            }
            auto now = steady::now();
            if (opts_.on_progress && now - last_report >= opts_.progress_interval) {
                last_report = now;
                opts_.on_progress(snapshot(result.name, now - started, false));
            }
        }
        if (opts_.on_progress) opts_.on_progress(snapshot({}, steady::now() - started, true));
    }

    void write_one(work_result& result, const tsv_sink& sink,
                   const std::array<std::vector<std::size_t>, dataset::table_count>& key_columns) {
        ++summary_.documents_read;
        summary_.bytes_read += result.bytes;
        last_input_ = result.name;
        if (opts_.on_diagnostics && !result.diagnostics.empty()) opts_.on_diagnostics(result.name, result.diagnostics);
        switch (result.result) {
            case outcome::failed:
                ++summary_.documents_failed;
                summary_.failures.push_back(failure{std::move(result.name), std::move(result.reason)});
                return;
            case outcome::skipped: ++summary_.documents_skipped; return;
            case outcome::converted: break;
        }
        ++summary_.documents_converted;
        if (result.warnings) ++summary_.documents_with_warnings;
        for (auto t : dataset::all_tables) {
            auto index = static_cast<std::size_t>(t);
            auto& rows = result.tables[t];
            if (rows.empty()) continue;
            std::size_t offset = summary_.rows[index];
            for (auto& row : rows)
                for (std::size_t column : key_columns[index])
                    if (column < row.size() && !row[column].empty())
                        row[column] = std::to_string(std::stoull(row[column]) + offset);
            summary_.rows[index] += rows.size();
            sink(t, dataset::to_tsv(rows));
        }
    }

    progress snapshot(std::string last, steady::duration elapsed, bool finished) const {
        progress p;
        p.documents_done = summary_.documents_read;
        p.documents_failed = summary_.documents_failed;
        p.documents_skipped = summary_.documents_skipped;
        p.bytes_read = summary_.bytes_read;
        p.elapsed = elapsed;
        p.last_input = last.empty() ? last_input_ : std::move(last);
        p.finished = finished;
        return p;
    }

    bool stopped() {
        std::lock_guard lock(mutex_);
        return stopping_;
    }

    void stop() {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        can_read_.notify_all();
        can_work_.notify_all();
        can_write_.notify_all();
    }

    const options& opts_;
    std::size_t threads_;
    std::size_t limit_;

    std::mutex mutex_;
    std::condition_variable can_read_, can_work_, can_write_;
    std::deque<work_item> queue_;
    std::map<std::size_t, work_result> finished_;   // parsed, waiting for their turn
    std::size_t in_flight_ = 0;
    std::size_t next_sequence_ = 0;
    std::size_t next_to_write_ = 0;
    std::size_t total_ = 0;
    bool reading_done_ = false;
    bool stopping_ = false;
    std::exception_ptr fatal_;

    summary summary_;          // touched by the writer only
    std::string last_input_;
};

std::string megabytes(std::uint64_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buffer;
}

std::string seconds(steady::duration elapsed) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f s", std::chrono::duration<double>(elapsed).count());
    return buffer;
}

}  // namespace

summary convert(std::span<const std::filesystem::path> inputs, const tsv_sink& sink, const options& opts) {
    std::size_t threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
    pipeline run(opts, threads);
    return run.run(inputs, sink);
}

summary write_tables(std::span<const std::filesystem::path> inputs, const std::filesystem::path& directory,
                     const options& opts) {
    std::filesystem::create_directories(directory);
    std::array<std::ofstream, dataset::table_count> files;
    for (auto t : dataset::all_tables) {
        auto path = directory / (std::string(dataset::name(t)) + ".tsv");
        auto& file = files[static_cast<std::size_t>(t)];
        file.open(path, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error("cannot create " + path.string());
        file << dataset::tsv_header(t);
    }
    auto result = convert(
        inputs,
        [&](dataset::table t, std::string_view lines) {
            auto& file = files[static_cast<std::size_t>(t)];
            file.write(lines.data(), static_cast<std::streamsize>(lines.size()));
            if (!file) throw std::runtime_error("cannot write " + std::string(dataset::name(t)) + ".tsv");
        },
        opts);
    for (auto t : dataset::all_tables) {
        auto& file = files[static_cast<std::size_t>(t)];
        file.close();
        if (!file) throw std::runtime_error("cannot write " + std::string(dataset::name(t)) + ".tsv");
    }
    return result;
}

void write_failures(const summary& s, std::ostream& out) {
    for (const auto& f : s.failures) {
        std::string reason = f.reason;
        std::replace_if(reason.begin(), reason.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
        out << f.input << '\t' << reason << '\n';
    }
}

void write_failures(const summary& s, const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create " + file.string());
    write_failures(s, out);
    if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
}

std::string describe(const progress& p) {
    return std::to_string(p.documents_done) + " documents, " + std::to_string(p.documents_failed) + " failed, " +
           std::to_string(p.documents_skipped) + " skipped, " + megabytes(p.bytes_read) + ", " + seconds(p.elapsed);
}

std::string describe(const summary& s) {
    std::size_t rows = 0;
    for (auto n : s.rows) rows += n;
    return std::to_string(s.documents_read) + " documents, " + std::to_string(s.documents_converted) +
           " converted, " + std::to_string(s.documents_failed) + " failed, " + std::to_string(s.documents_skipped) +
           " skipped, " + std::to_string(rows) + " rows, " + megabytes(s.bytes_read) + ", " + seconds(s.elapsed);
}

}  // namespace form4::bulk
