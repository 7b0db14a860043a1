// Bulk conversion: a reader thread listing the documents in input order (and
// unpacking archives), parser threads turning each document into TSV text,
// and the calling thread, itself one of the parsers, writing the text in
// input order.
//
// Every document gets a sequence number when listed. Parsers take documents
// from a queue and leave their text, by sequence number, for the writer, which
// writes it strictly in sequence: the output does not depend on which thread
// finished first. A document counts as "in flight" from when it is listed
// until its rows are written, and the reader waits while `max_in_flight` are:
// that bounds memory whatever the number of inputs, and also bounds the rows
// waiting for a slow document ahead of them.
//
// The writer is left only what has to be serial, so that the work spreads
// over the cores:
// - A plain file is read by the parser that parses it; the reader only lists
//   it. (An archive can only be read in order, so the reader unpacks it.)
// - Parsers build the TSV lines. Surrogate keys are numbered in input order
//   over the whole output, which a parser cannot know: it numbers the rows of
//   its document from 1, leaves the key cells out of its text and notes
//   where each goes; the writer puts in the number plus the rows the table
//   already has.
// - The calling thread parses when nothing is ready to write, so N parsing
//   threads keep N cores busy, and one core runs without a thread switch per
//   document. The reader, once the window is full, waits until half of it has
//   been written, not for each document.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "archive_reader.hpp"
#include "form4/bulk.hpp"
#include "inputs.hpp"
#include "document_text.hpp"
#include "util/input_file.hpp"

namespace form4::bulk {
namespace {

using steady = std::chrono::steady_clock;
using detail::document_text;
using detail::format_rows;
using detail::key_cell;
using detail::key_columns;
using detail::surrogate_key_columns;

constexpr std::uint64_t default_bytes_in_flight = std::uint64_t{1} << 30;

struct work_item {
    std::size_t sequence = 0;
    std::string name;              // for the summary; for a plain file, also its path
    std::string accession_hint;    // the file or member name without extension
    bool read_by_parser = false;   // a plain file, not read yet
    std::string bytes;             // an archive member's bytes
    std::string read_error;        // set when the document could not be read
    std::uint64_t weight = 0;      // its bytes, counted against the in-flight byte budget
};

enum class outcome { converted, failed, skipped };

struct work_result {
    std::size_t sequence = 0;
    std::string name;
    outcome result = outcome::failed;
    std::string reason;
    std::string warnings;          // the first warning, and how many more
    std::uint64_t bytes = 0;
    std::uint64_t weight = 0;      // the work_item's, given back when written
    document_text tsv;
    std::vector<diagnostic> diagnostics;   // kept only for options::on_diagnostics
    std::optional<dataset::tables> rows;   // kept only for options::on_rows
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

// "3" ... "5/A": a type the model's code table knows.
bool is_ownership_form(std::string_view type) {
    return make_coded<document_type>(type).value != document_type::unknown;
}

// "" or the first warning, with how many more there are.
std::string warning_summary(const parse_result& result) {
    std::string first;
    std::size_t count = 0;
    for (const auto& d : result.diagnostics)
        if (d.level == severity::warning && count++ == 0) first = format(d);
    if (count > 1) first += " (and " + std::to_string(count - 1) + " more warnings)";
    return first;
}

std::string first_error(const parse_result& result) {
    for (const auto& d : result.diagnostics)
        if (d.level == severity::error) return format(d);
    return "no document";
}

// ---- one document ----------------------------------------------------------

// Out of line (as are read, format_rows and write_one) so that a profile
// tells the pipeline's stages apart.
// `spare`: a written document's text, whose memory the rows reuse.
[[gnu::noinline]] work_result convert_one(work_item&& item, const options& opts, const key_columns& keys,
                                          util::input_file_reader& buffer, document_text&& spare) {
    std::string_view bytes = item.bytes;
    if (item.read_by_parser && item.read_error.empty())
        if (auto failed = buffer.read(item.name, opts.limits.max_input_bytes, bytes))
            item.read_error = std::move(failed->message);
    work_result result;
    result.tsv = std::move(spare);
    result.tsv.clear();
    result.sequence = item.sequence;
    result.weight = item.weight;
    result.name = std::move(item.name);
    bool keep_diagnostics = static_cast<bool>(opts.on_diagnostics);
    if (!item.read_error.empty()) {
        if (keep_diagnostics) result.diagnostics.push_back(diagnostic{severity::error, "io", item.read_error, 0, 0});
        result.reason = std::move(item.read_error);
        return result;
    }
    result.bytes = bytes.size();
    try {
        if (opts.skip_other_forms) {
            std::string_view type = submission_form_type(bytes);
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
        parse_result parsed = parse(bytes, parse_opts);
        item.bytes = std::string();   // release the input before building rows
        buffer.trim();
        result.warnings = warning_summary(parsed);
        if (!parsed.ok()) result.reason = first_error(parsed);
        if (keep_diagnostics) result.diagnostics = std::move(parsed.diagnostics);
        if (!parsed.ok()) return result;
        dataset::options table_opts;
        table_opts.sec_round = opts.sec_round;
        dataset::key_counters counters;   // 1-based per document; the writer shifts them
        dataset::tables tables;
        dataset::append(tables, *parsed.doc, item.accession_hint, table_opts, counters);
        format_rows(result.tsv, tables, keys);
        if (opts.on_rows) result.rows = std::move(tables);
        result.result = outcome::converted;
    } catch (const std::bad_alloc&) {
        result.tsv = {};
        result.reason = "out of memory";
        // Said on stderr as every other failure is, not only in the summary.
        if (keep_diagnostics) result.diagnostics.push_back(diagnostic{severity::error, "limit.memory", result.reason, 0, 0});
    } catch (const std::exception& error) {
        result.tsv = {};
        result.reason = std::string("internal error: ") + error.what();
        if (keep_diagnostics) result.diagnostics.push_back(diagnostic{severity::error, "internal", result.reason, 0, 0});
    }

    return result;
}

void append_number(std::string& out, std::uint64_t number) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));
}

// ---- the pipeline ----------------------------------------------------------

class pipeline {
public:
    pipeline(const options& opts, std::size_t threads)
        : opts_(opts), threads_(threads),
          limit_(opts.max_in_flight ? opts.max_in_flight : std::max<std::size_t>(64, 16 * threads)),
          resume_at_(limit_ / 2),
          byte_budget_(opts.max_bytes_in_flight ? opts.max_bytes_in_flight : default_bytes_in_flight),
          keys_(surrogate_key_columns()),
          finished_(std::min<std::size_t>(limit_, 256)) {}

    summary run(std::span<const std::filesystem::path> inputs, const tsv_sink& sink) {
        auto started = steady::now();
        std::vector<std::thread> workers;
        std::thread reader;
        try {
            reader = std::thread([this, inputs] { read_all(inputs); });
            // The calling thread is the last of the `threads_` parsers.
            for (std::size_t i = 1; i < threads_; ++i) workers.emplace_back([this] { parse_all(); });
            serve(sink, started);
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
            // One input at a time, as expand_inputs would give them: the first
            // document is parsed while the rest of a long list is looked at.
            std::vector<std::filesystem::path> expanded;
            for (const auto& input : inputs) {
                expanded.clear();
                detail::expand_input(input, expanded);
                bool going_on = true;
                for (const auto& path : expanded) {
                    going_on = is_archive(path) ? read_archive(path) : list_file(path);
                    if (!going_on) break;
                }
                if (!going_on) break;
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
        can_serve_.notify_all();
    }

    // A plain file: its parser reads it. False once the run is stopping.
    bool list_file(const std::filesystem::path& path) {
        work_item item;
        item.name = path.string();
        item.accession_hint = path.stem().string();   // as the C ABI and Python do
        item.read_by_parser = true;
        std::error_code error;
        auto size = std::filesystem::file_size(path, error);
        item.weight = error ? 0 : size;   // unreadable: its parser says why
        return submit(std::move(item));
    }

    bool read_archive(const std::filesystem::path& path) {
        auto const take = [&](detail::archive_member&& m) {
            work_item item;
            item.name = path.string() + "!" + m.name;
            item.accession_hint = std::filesystem::path(m.name).stem().string();
            item.bytes = std::move(m.bytes);
            item.weight = item.bytes.size();
            item.read_error = std::move(m.error);
            submit(std::move(item));
        };
        std::string damage = detail::for_each_member(path, opts_.limits.max_input_bytes, take);
        if (!damage.empty()) {
            work_item item;
            item.name = path.string();
            item.read_error = "archive: " + damage;
            return submit(std::move(item));
        }
        return !stopped();
    }

    // Waits for room, then queues the document with the next sequence number.
    // False (and the document dropped) once the run is stopping.
    bool submit(work_item&& item) {
        std::unique_lock lock(mutex_);
        if (in_flight_ >= limit_ || !fits(item.weight)) {
            // Woken when half the window has been written (a batch per
            // wake-up), or when the document fits in the byte budget.
            reader_waiting_ = true;
            waiting_weight_ = item.weight;
            can_read_.wait(lock, [this] { return may_read_on() || stopping_; });
            reader_waiting_ = false;
        }
        if (stopping_) return false;
        ++in_flight_;
        bytes_in_flight_ += item.weight;
        item.sequence = next_sequence_++;
        queue_.push_back(std::move(item));
        // A waiting worker takes it; if every waiting worker has a document
        // already, the calling thread does.
        if (queue_.size() <= idle_workers_)
            can_work_.notify_one();
        else if (serve_waiting_)
            can_serve_.notify_one();
        return true;
    }

    // ---- parser threads (all but the calling thread)
    void parse_all() {
        util::input_file_reader buffer;
        std::unique_lock lock(mutex_);
        for (;;) {
            ++idle_workers_;
            can_work_.wait(lock, [this] { return !queue_.empty() || reading_done_ || stopping_; });
            --idle_workers_;
            if (stopping_ || queue_.empty()) return;
            work_item item = std::move(queue_.front());
            queue_.pop_front();
            document_text spare = take_spare_text();
            lock.unlock();
            work_result result = convert_one(std::move(item), opts_, keys_, buffer, std::move(spare));
            lock.lock();
            std::size_t sequence = result.sequence;
            slot(sequence) = std::move(result);
            if (sequence == next_to_write_ && serve_waiting_) can_serve_.notify_one();
        }
    }

    // ---- calling thread: writes what is ready, in order, else parses
    void serve(const tsv_sink& sink, steady::time_point started) {
        util::input_file_reader buffer;
        std::vector<work_result> batch;
        std::string spliced;   // a table's text with its keys put in, reused
        auto last_report = started;
        std::unique_lock lock(mutex_);
        for (;;) {
            if (stopping_) break;
            if (ready()) {
                // Every result ready in sequence, written outside the lock.
                // They stay in flight until written: that is what bounds memory.
                while (ready()) {
                    auto& next = slot(next_to_write_);
                    batch.push_back(std::move(*next));
                    next.reset();
                    ++next_to_write_;
                }
                lock.unlock();
                written_texts_.clear();   // the last batch's texts not kept: freed outside the lock
                for (auto& result : batch) {
                    write_one(result, sink, spliced);
                    auto now = steady::now();
                    if (opts_.on_progress && now - last_report >= opts_.progress_interval) {
                        last_report = now;
                        opts_.on_progress(snapshot(now - started, false));
                    }
                }
                std::size_t written = batch.size();
                std::uint64_t written_weight = 0;
                for (auto& result : batch) written_weight += result.weight;
                for (auto& result : batch) keep_spare_text(result.tsv);
                batch.clear();
                lock.lock();
                hand_back_written_texts();
                in_flight_ -= written;
                bytes_in_flight_ -= written_weight;
                if (reader_waiting_ && may_read_on()) can_read_.notify_one();
                continue;
            }
            if (!queue_.empty()) {
                work_item item = std::move(queue_.front());
                queue_.pop_front();
                document_text spare = take_spare_text();
                lock.unlock();
                work_result result = convert_one(std::move(item), opts_, keys_, buffer, std::move(spare));
                lock.lock();
                slot(result.sequence) = std::move(result);
                continue;
            }
            if (reading_done_ && next_to_write_ == total_) break;
            serve_waiting_ = true;
            can_serve_.wait(lock, [this] {
                return ready() || !queue_.empty() || (reading_done_ && next_to_write_ == total_) || stopping_;
            });
            serve_waiting_ = false;
        }
        lock.unlock();
        if (opts_.on_progress) opts_.on_progress(snapshot(steady::now() - started, true));
    }

    [[gnu::noinline]] void write_one(work_result& result, const tsv_sink& sink, std::string& spliced) {
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
        if (!result.warnings.empty()) {
            ++summary_.documents_with_warnings;
            summary_.warnings.push_back(failure{result.name, std::move(result.warnings)});
        }
        if (opts_.on_rows && result.rows) opts_.on_rows(result.name, *result.rows);
        const document_text& tsv = result.tsv;
        std::string_view text = tsv.text;
        for (auto t : dataset::all_tables) {
            auto index = static_cast<std::size_t>(t);
            if (tsv.rows[index] == 0) continue;
            std::size_t offset = summary_.rows[index];
            summary_.rows[index] += tsv.rows[index];
            std::size_t begin = tsv.text_start[index], end = tsv.text_start[index + 1];
            std::size_t first_key = tsv.key_start[index], last_key = tsv.key_start[index + 1];
            if (first_key == last_key) {
                sink(t, text.substr(begin, end - begin));
                continue;
            }
            spliced.clear();
            std::size_t at = begin;
            for (std::size_t k = first_key; k < last_key; ++k) {
                spliced.append(text.data() + at, tsv.keys[k].at - at);
                append_number(spliced, tsv.keys[k].number + offset);
                at = tsv.keys[k].at;
            }
            spliced.append(text.data() + at, end - at);
            sink(t, spliced);
        }
    }

    // ---- written texts, handed back to the parsers
    // A document's text is allocated by the thread that parsed it and would
    // be freed by the writer: with two threads, that traffic between malloc
    // arenas cost more CPU than the text itself. Parsers reuse written texts
    // instead, so the memory stays with them. The texts kept add up to at
    // most spare_text_bytes.
    static constexpr std::size_t spare_text_bytes = std::size_t{4} << 20;

    static std::size_t bytes_of(const document_text& text) {
        return text.text.capacity() + text.keys.capacity() * sizeof(key_cell);
    }

    // Outside the lock: a written text, emptied, set aside for the parsers.
    void keep_spare_text(document_text& text) {
        text.clear();
        written_texts_.push_back(std::move(text));
    }

    // Under the lock: the texts set aside become the parsers' to take.
    void hand_back_written_texts() {
        for (auto& text : written_texts_) {
            std::size_t bytes = bytes_of(text);
            if (spare_bytes_ + bytes > spare_text_bytes) continue;   // freed with written_texts_
            spare_bytes_ += bytes;
            spare_texts_.push_back(std::move(text));
        }
    }

    // Under the lock.
    document_text take_spare_text() {
        if (spare_texts_.empty()) return {};
        document_text text = std::move(spare_texts_.back());
        spare_texts_.pop_back();
        spare_bytes_ -= bytes_of(text);
        return text;
    }

    // ---- results by sequence number: a ring over the window
    // Sequences in flight lie in [next_to_write_, next_to_write_ + limit_);
    // the ring starts small and doubles when a sequence falls outside it, so
    // a large max_in_flight costs nothing until it is used.
    std::optional<work_result>& slot(std::size_t sequence) {
        std::size_t size = finished_.size();
        if (sequence - next_to_write_ >= size) {
            std::size_t bigger = size;
            while (sequence - next_to_write_ >= bigger) bigger *= 2;
            std::vector<std::optional<work_result>> grown(bigger);
            for (std::size_t s = next_to_write_; s < next_to_write_ + size; ++s)
                if (finished_[s % size]) grown[s % bigger] = std::move(finished_[s % size]);
            finished_ = std::move(grown);
            size = bigger;
        }
        return finished_[sequence % size];
    }

    bool ready() const { return finished_[next_to_write_ % finished_.size()].has_value(); }

    progress snapshot(steady::duration elapsed, bool finished) const {
        progress p;
        p.documents_done = summary_.documents_read;
        p.documents_failed = summary_.documents_failed;
        p.documents_skipped = summary_.documents_skipped;
        p.bytes_read = summary_.bytes_read;
        p.elapsed = elapsed;
        p.last_input = last_input_;
        p.finished = finished;
        return p;
    }

    // Under the lock. A document alone in flight always fits: one larger than
    // the budget (but within the input limit) waits for the others to be
    // written and then goes through, the same on every run.
    bool fits(std::uint64_t weight) const {
        return in_flight_ == 0 || bytes_in_flight_ + weight <= byte_budget_;
    }
    bool may_read_on() const { return in_flight_ <= resume_at_ && fits(waiting_weight_); }

    bool stopped() {
        std::lock_guard lock(mutex_);
        return stopping_;
    }

    void stop() {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        can_read_.notify_all();
        can_work_.notify_all();
        can_serve_.notify_all();
    }

    const options& opts_;
    std::size_t threads_;
    std::size_t limit_;
    std::size_t resume_at_;   // the reader, once the window is full, waits until this few are in flight
    std::uint64_t byte_budget_;
    std::uint64_t bytes_in_flight_ = 0;   // the weights of the documents in flight
    std::uint64_t waiting_weight_ = 0;    // of the document the reader waits to submit
    const key_columns keys_;

    std::mutex mutex_;
    std::condition_variable can_read_, can_work_, can_serve_;
    std::deque<work_item> queue_;
    std::vector<std::optional<work_result>> finished_;   // parsed, waiting for their turn; see slot()
    std::vector<document_text> spare_texts_;             // written, for the parsers to reuse
    std::size_t spare_bytes_ = 0;
    std::vector<document_text> written_texts_;           // the writer's, until it takes the lock
    std::size_t in_flight_ = 0;
    std::size_t next_sequence_ = 0;
    std::size_t next_to_write_ = 0;
    std::size_t total_ = 0;
    std::size_t idle_workers_ = 0;
    bool reader_waiting_ = false;
    bool serve_waiting_ = false;
    bool reading_done_ = false;
    bool stopping_ = false;
    std::exception_ptr fatal_;

    summary summary_;          // touched by the calling thread only
    std::string last_input_;
};

}  // namespace

summary convert(std::span<const std::filesystem::path> inputs, const tsv_sink& sink, const options& opts) {
    std::size_t threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
    pipeline run(opts, threads);
    return run.run(inputs, sink);
}

}  // namespace form4::bulk
