// Bulk conversion on the batch engine (util/ordered_batch.hpp): the producer
// lists the documents in input order (unpacking archives), the pool turns each
// into TSV text, and the calling thread writes the text in input order.
//
// The writer is left only what has to be serial, so that the work spreads
// over the cores:
// - A plain file is read by the thread that converts it; the producer only
//   lists it. (An archive can only be read in order, so the producer unpacks it.)
// - Workers build the TSV lines. Surrogate keys are numbered in input order
//   over the whole output, which a worker cannot know: it numbers the rows of
//   its document from 1, leaves the key cells out of its text and notes
//   where each goes; the writer puts in the number plus the rows the table
//   already has.
#include <charconv>
#include <mutex>
#include <optional>

#include "document_text.hpp"
#include "documents.hpp"
#include "form4/bulk.hpp"
#include "util/ordered_batch.hpp"

namespace form4::bulk {
namespace {

using steady = std::chrono::steady_clock;
using detail::document_source;
using detail::document_text;
using detail::key_cell;
using detail::key_columns;

enum class outcome { converted, failed, skipped };

struct work_result {
    std::string name;
    outcome result = outcome::failed;
    std::string reason;
    std::string warnings;          // the first warning, and how many more
    std::uint64_t bytes = 0;
    document_text tsv;
    std::vector<diagnostic> diagnostics;   // kept only for options::on_diagnostics
    std::optional<dataset::tables> rows;   // kept only for options::on_rows
};

// Written texts, handed back to the workers. A document's text is allocated
// by the thread that converted it and would be freed by the writer: with two
// threads, that traffic between malloc arenas cost more CPU than the text
// itself. Workers reuse written texts instead, so the memory stays with them.
// The texts kept add up to at most `capacity` bytes.
class spare_texts {
public:
    document_text take() {
        std::lock_guard lock(mutex_);
        if (texts_.empty()) return {};
        document_text text = std::move(texts_.back());
        texts_.pop_back();
        bytes_ -= bytes_of(text);
        return text;
    }

    void give_back(document_text&& text) {
        text.clear();
        std::size_t bytes = bytes_of(text);
        std::lock_guard lock(mutex_);
        if (bytes_ + bytes > capacity) return;   // freed by the caller, outside the lock
        bytes_ += bytes;
        texts_.push_back(std::move(text));
    }

private:
    static constexpr std::size_t capacity = std::size_t{4} << 20;
    static std::size_t bytes_of(const document_text& text) {
        return text.text.capacity() + text.keys.capacity() * sizeof(key_cell);
    }

    std::mutex mutex_;
    std::vector<document_text> texts_;
    std::size_t bytes_ = 0;
};

// ---- one document, on a worker -------------------------------------------------

class converter {
public:
    converter(const options& opts, const key_columns& keys, spare_texts& spares)
        : opts_(&opts), keys_(&keys), spares_(&spares) {}
    converter(const converter& other) : opts_(other.opts_), keys_(other.keys_), spares_(other.spares_) {}

    // Out of line, as is write_one, so that a profile tells the stages apart.
    [[gnu::noinline]] work_result operator()(document_source&& source) {
        const options& opts = *opts_;
        work_result result;
        std::string_view bytes = detail::document_bytes(source, buffer_, opts.limits.max_input_bytes);
        result.name = std::move(source.name);
        bool keep_diagnostics = static_cast<bool>(opts.on_diagnostics);
        if (!source.read_error.empty()) {
            if (keep_diagnostics) result.diagnostics.push_back(diagnostic{severity::error, "io", source.read_error, 0, 0});
            result.reason = std::move(source.read_error);
            return result;
        }
        result.bytes = bytes.size();
        try {
            if (opts.skip_other_forms) {
                if (std::string_view type = detail::other_form_type(bytes); !type.empty()) {
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
            source.bytes = std::string();   // release the input before building rows
            buffer_.trim();
            result.warnings = detail::warning_summary(parsed);
            if (!parsed.ok()) result.reason = detail::first_error(parsed);
            if (keep_diagnostics) result.diagnostics = std::move(parsed.diagnostics);
            if (!parsed.ok()) return result;
            dataset::options table_opts;
            table_opts.sec_round = opts.sec_round;
            dataset::key_counters counters;   // 1-based per document; the writer shifts them
            dataset::tables tables;
            std::string accession_hint = std::filesystem::path(source.file_name).stem().string();
            dataset::append(tables, *parsed.doc, accession_hint, table_opts, counters);
            result.tsv = spares_->take();
            format_rows(result.tsv, tables, *keys_);
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

private:
    const options* opts_;
    const key_columns* keys_;
    spare_texts* spares_;
    util::input_file_reader buffer_;   // the thread's own
};

// ---- the results, in input order, on the calling thread ---------------------------

void append_number(std::string& out, std::uint64_t number) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));
}

class writer {
public:
    writer(const options& opts, const tsv_sink& sink, spare_texts& spares, steady::time_point started)
        : opts_(opts), sink_(sink), spares_(spares), started_(started), last_report_(started) {}

    void operator()(work_result&& result) {
        write_one(result);
        spares_.give_back(std::move(result.tsv));
        auto now = steady::now();
        if (opts_.on_progress && now - last_report_ >= opts_.progress_interval) {
            last_report_ = now;
            opts_.on_progress(snapshot(false));
        }
    }

    summary finish() {
        if (opts_.on_progress) opts_.on_progress(snapshot(true));
        summary_.elapsed = steady::now() - started_;
        return std::move(summary_);
    }

private:
    [[gnu::noinline]] void write_one(work_result& result) {
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
        write_text(result.tsv);
    }

    void write_text(const document_text& tsv) {
        std::string_view text = tsv.text;
        for (auto t : dataset::all_tables) {
            auto index = static_cast<std::size_t>(t);
            if (tsv.rows[index] == 0) continue;
            std::size_t offset = summary_.rows[index];
            summary_.rows[index] += tsv.rows[index];
            std::size_t begin = tsv.text_start[index], end = tsv.text_start[index + 1];
            std::size_t first_key = tsv.key_start[index], last_key = tsv.key_start[index + 1];
            if (first_key == last_key) {
                sink_(t, text.substr(begin, end - begin));
                continue;
            }
            spliced_.clear();
            std::size_t at = begin;
            for (std::size_t k = first_key; k < last_key; ++k) {
                spliced_.append(text.data() + at, tsv.keys[k].at - at);
                append_number(spliced_, tsv.keys[k].number + offset);
                at = tsv.keys[k].at;
            }
            spliced_.append(text.data() + at, end - at);
            sink_(t, spliced_);
        }
    }

    progress snapshot(bool finished) const {
        return detail::progress_of(summary_, steady::now() - started_, last_input_, finished);
    }

    const options& opts_;
    const tsv_sink& sink_;
    spare_texts& spares_;
    steady::time_point started_, last_report_;
    summary summary_;
    std::string last_input_;
    std::string spliced_;   // a table's text with its keys put in, reused
};

}  // namespace

summary convert(std::span<const std::filesystem::path> inputs, const tsv_sink& sink, const options& opts) {
    const key_columns keys = detail::surrogate_key_columns();
    spare_texts spares;
    writer write(opts, sink, spares, steady::now());
    util::batch_limits limits{opts.threads, opts.max_in_flight, opts.max_bytes_in_flight};
    util::run_in_order<document_source>(
        limits,
        [&](auto& submit) { detail::list_documents(inputs, opts.limits.max_input_bytes, submit); },
        converter(opts, keys, spares), write);
    return write.finish();
}

}  // namespace form4::bulk
