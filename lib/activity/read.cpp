// Many inputs -> activity rows: bulk's input expansion (files, directories,
// archives) and archive reader, documents parsed on a few threads a batch at
// a time, rows kept in input order, then linked across filings.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>
#include <thread>

#include "bulk/archive_reader.hpp"
#include "util/input_file.hpp"
#include "form4/activity.hpp"

namespace form4::activity {
namespace {

using steady = std::chrono::steady_clock;

struct job {
    std::string name;            // a path, or "archive!member"
    std::string accession_hint;  // from the file or member name
    bool is_file = false;        // read by the parser; else `bytes` holds it
    std::string bytes;
    std::string read_error;
};

enum class outcome { converted, failed, skipped };

struct result {
    outcome what = outcome::failed;
    std::string reason;
    std::uint64_t bytes = 0;
    bool warnings = false;
    std::vector<diagnostic> diagnostics;
    std::vector<row> rows;
};

std::string first_error(const parse_result& parsed) {
    for (const auto& d : parsed.diagnostics)
        if (d.level == severity::error) return format(d);
    return "no document";
}

result process(job& item, const read_options& options) {
    result out;
    if (!item.read_error.empty()) {
        out.reason = item.read_error;
        out.diagnostics.push_back(diagnostic{severity::error, "io", item.read_error, 0, 0});
        return out;
    }
    parse_options parse_opts;
    parse_opts.format = options.format;
    parse_opts.lenient = options.lenient;
    parse_result parsed;
    if (item.is_file) {
        // The one file reader: the input limit checked while reading, FIFOs
        // without a writer and directories refused; its buffer is the thread's.
        thread_local util::input_file_reader file_reader;
        std::string_view bytes;
        if (auto failure = file_reader.read(item.name, parse_opts.limits.max_input_bytes, bytes)) {
            out.reason = failure->message;
            out.diagnostics.push_back(diagnostic{severity::error, failure->code, std::move(failure->message), 0, 0});
            return out;
        }
        out.bytes = bytes.size();
        parsed = parse(bytes, parse_opts);
        file_reader.trim();
    } else {
        out.bytes = item.bytes.size();
        parsed = parse(item.bytes, parse_opts);
        item.bytes = std::string();
    }
    bool other_form = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), [](const diagnostic& d) {
        return d.code == "submission.no-ownership-document";
    });
    if (!parsed.ok() && other_form && options.skip_other_forms) {
        out.what = outcome::skipped;
        out.reason = "not an ownership form";
        return out;
    }
    out.warnings = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                               [](const diagnostic& d) { return d.level == severity::warning; });
    if (!parsed.ok()) out.reason = first_error(parsed);
    out.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.ok()) return out;
    row_options row_opts;
    row_opts.accession_fallback = item.accession_hint;
    out.rows = rows_of(*parsed.doc, row_opts);
    out.what = outcome::converted;
    return out;
}

class reader {
public:
    explicit reader(const read_options& options)
        : options_(options),
          threads_(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency())),
          started_(steady::now()) {}

    void add(job&& item) {
        batch_.push_back(std::move(item));
        if (batch_.size() >= batch_size) flush();
    }

    read_result finish() {
        flush();
        // One move per row into the result, its size known.
        out_.rows.reserve(row_count_);
        for (auto& rows : documents_) std::move(rows.begin(), rows.end(), std::back_inserter(out_.rows));
        documents_ = {};
        link(out_.rows);
        out_.summary.elapsed = steady::now() - started_;
        if (options_.on_progress) report_progress(true);
        return std::move(out_);
    }

private:
    static constexpr std::size_t batch_size = 64;

    void flush() {
        if (batch_.empty()) return;
        std::vector<result> results(batch_.size());
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i = next++; i < batch_.size(); i = next++) {
                try {
                    results[i] = process(batch_[i], options_);
                } catch (const std::exception& error) {
                    results[i] = result{};
                    results[i].reason = std::string("internal error: ") + error.what();
                }
            }
        };
        std::vector<std::thread> helpers;
        for (unsigned t = 1; t < threads_ && t < batch_.size(); ++t) helpers.emplace_back(work);
        work();
        for (auto& helper : helpers) helper.join();
        for (std::size_t i = 0; i < batch_.size(); ++i) take(batch_[i].name, std::move(results[i]));
        batch_.clear();
        if (options_.on_progress && steady::now() - last_progress_ >= std::chrono::milliseconds(250)) report_progress(false);
    }

    void take(const std::string& name, result&& r) {
        auto& s = out_.summary;
        ++s.documents_read;
        s.bytes_read += r.bytes;
        if (r.warnings) ++s.documents_with_warnings;
        if (options_.on_diagnostics && !r.diagnostics.empty()) options_.on_diagnostics(name, r.diagnostics);
        switch (r.what) {
            case outcome::converted: ++s.documents_converted; break;
            case outcome::skipped: ++s.documents_skipped; break;
            case outcome::failed:
                ++s.documents_failed;
                s.failures.push_back({name, r.reason});
                break;
        }
        last_input_ = name;
        row_count_ += r.rows.size();
        documents_.push_back(std::move(r.rows));
    }

    void report_progress(bool finished) {
        const auto& s = out_.summary;
        bulk::progress p;
        p.documents_done = s.documents_read;
        p.documents_failed = s.documents_failed;
        p.documents_skipped = s.documents_skipped;
        p.bytes_read = s.bytes_read;
        p.elapsed = steady::now() - started_;
        p.last_input = last_input_;
        p.finished = finished;
        options_.on_progress(p);
        last_progress_ = steady::now();
    }

    const read_options& options_;
    unsigned threads_;
    steady::time_point started_, last_progress_{};
    std::vector<job> batch_;
    std::string last_input_;
    std::vector<std::vector<row>> documents_;   // each document's rows, in input order
    std::size_t row_count_ = 0;
    read_result out_;
};

}  // namespace

read_result read(std::span<const std::filesystem::path> inputs, const read_options& options) {
    reader r(options);
    parse_limits limits;
    for (const auto& path : bulk::expand_inputs(inputs)) {
        if (!bulk::is_archive(path)) {
            job item;
            item.name = path.string();
            item.accession_hint = bulk::accession_from_name(path.filename().string());
            item.is_file = true;
            r.add(std::move(item));
            continue;
        }
        std::string damage = bulk::detail::for_each_member(path, limits.max_input_bytes, [&](bulk::detail::archive_member&& m) {
            job item;
            item.name = path.string() + "!" + m.name;
            item.accession_hint = bulk::accession_from_name(std::filesystem::path(m.name).filename().string());
            item.bytes = std::move(m.bytes);
            item.read_error = std::move(m.error);
            r.add(std::move(item));
        });
        if (!damage.empty()) {
            job item;
            item.name = path.string();
            item.read_error = damage;
            r.add(std::move(item));
        }
    }
    return r.finish();
}

}  // namespace form4::activity
