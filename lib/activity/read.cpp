// Many inputs -> activity rows, on the batch engine (util/ordered_batch.hpp)
// with bulk's document listing: files, directories and archives, each
// document parsed and turned into rows on the pool, the rows kept in input
// order, then linked across filings.
#include <algorithm>

#include "bulk/documents.hpp"
#include "form4/activity.hpp"
#include "util/ordered_batch.hpp"

namespace form4::activity {
namespace {

using steady = std::chrono::steady_clock;
using bulk::detail::document_source;

enum class outcome { converted, failed, skipped };

struct result {
    std::string name;
    outcome what = outcome::failed;
    std::string reason;
    std::uint64_t bytes = 0;
    bool warnings = false;
    std::vector<diagnostic> diagnostics;
    std::vector<row> rows;
};

class reader {
public:
    explicit reader(const read_options& options) : options_(&options) {}
    reader(const reader& other) : options_(other.options_) {}   // each thread its own buffer

    result operator()(document_source&& source) {
        result out;
        try {
            read(source, out);
        } catch (const std::bad_alloc&) {
            out = failed(std::move(out.name), "limit.memory", "out of memory");
        } catch (const std::exception& error) {
            out = failed(std::move(out.name), "internal", std::string("internal error: ") + error.what());
        }
        return out;
    }

private:
    static result failed(std::string name, std::string code, std::string reason) {
        result out;
        out.name = std::move(name);
        out.diagnostics.push_back(diagnostic{severity::error, std::move(code), reason, 0, 0});
        out.reason = std::move(reason);
        return out;
    }

    void read(document_source& source, result& out) {
        parse_options parse_opts;
        parse_opts.format = options_->format;
        parse_opts.lenient = options_->lenient;
        std::string_view bytes = bulk::detail::document_bytes(source, buffer_, parse_opts.limits.max_input_bytes);
        out.name = std::move(source.name);
        if (!source.read_error.empty()) {
            out = failed(std::move(out.name), std::move(source.read_error_code), std::move(source.read_error));
            return;
        }
        out.bytes = bytes.size();
        if (options_->skip_other_forms) {
            if (std::string_view type = bulk::detail::other_form_type(bytes); !type.empty()) {
                out.what = outcome::skipped;
                out.reason = "form " + std::string(type);
                return;
            }
        }
        parse_result parsed = parse(bytes, parse_opts);
        source.bytes = std::string();
        buffer_.trim();
        out.warnings = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                                   [](const diagnostic& d) { return d.level == severity::warning; });
        if (!parsed.ok()) out.reason = bulk::detail::first_error(parsed);
        out.diagnostics = std::move(parsed.diagnostics);
        if (!parsed.ok()) return;
        row_options row_opts;
        row_opts.accession_fallback = bulk::accession_from_name(source.file_name);
        out.rows = rows_of(*parsed.doc, row_opts);
        out.what = outcome::converted;
    }

    const read_options* options_;
    util::input_file_reader buffer_;
};

// On the calling thread, in input order.
class collector {
public:
    explicit collector(const read_options& options) : options_(options), started_(steady::now()) {}

    void operator()(result&& r) {
        auto& s = out_.summary;
        ++s.documents_read;
        s.bytes_read += r.bytes;
        if (r.warnings) ++s.documents_with_warnings;
        if (options_.on_diagnostics && !r.diagnostics.empty()) options_.on_diagnostics(r.name, r.diagnostics);
        switch (r.what) {
            case outcome::converted: ++s.documents_converted; break;
            case outcome::skipped: ++s.documents_skipped; break;
            case outcome::failed:
                ++s.documents_failed;
                s.failures.push_back({r.name, r.reason});
                break;
        }
        last_input_ = std::move(r.name);
        std::move(r.rows.begin(), r.rows.end(), std::back_inserter(out_.rows));
        if (options_.on_progress && steady::now() - last_progress_ >= std::chrono::milliseconds(250))
            report_progress(false);
    }

    read_result finish() {
        link(out_.rows);
        out_.summary.elapsed = steady::now() - started_;
        if (options_.on_progress) report_progress(true);
        return std::move(out_);
    }

private:
    void report_progress(bool finished) {
        options_.on_progress(bulk::detail::progress_of(out_.summary, steady::now() - started_, last_input_, finished));
        last_progress_ = steady::now();
    }

    const read_options& options_;
    steady::time_point started_, last_progress_{};
    std::string last_input_;
    read_result out_;
};

}  // namespace

read_result read(std::span<const std::filesystem::path> inputs, const read_options& options) {
    collector collect(options);
    util::batch_limits limits;
    limits.threads = options.threads;
    parse_limits parse;
    util::run_in_order<document_source>(
        limits, [&](auto& submit) { bulk::detail::list_documents(inputs, parse.max_input_bytes, submit); },
        reader(options), collect);
    return collect.finish();
}

}  // namespace form4::activity
