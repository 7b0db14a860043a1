#pragma once
// Bulk conversion: many inputs -- ownership XML files, EDGAR submissions
// (.txt, .nc), directories of them, and .tar/.tar.gz/.tgz archives such as
// EDGAR's daily feed YYYYMMDD.nc.tar.gz -- into the eight SEC data-set tables.
//
// Inputs are read and parsed on a pool of threads, but rows come out in input order
// and surrogate keys (*_SK) are numbered in that order, so the same inputs
// give the same bytes whatever the thread count. At most `max_in_flight`
// documents and `max_bytes_in_flight` bytes are held at once, whatever the number of inputs. A bad input is
// recorded in the summary and the run goes on.
//
// A command line on top of it:
//     auto inputs = form4::bulk::list_arguments(argv_paths, std::cin);   // "-" = paths on stdin
//     form4::bulk::options options;
//     options.on_progress = [](const form4::bulk::progress& p) { std::cerr << '\r' << describe(p); };
//     options.on_diagnostics = [](std::string_view input, const std::vector<form4::diagnostic>& found) {
//         for (const auto& d : found) std::cerr << input << ':' << form4::format(d) << '\n';
//     };
//     auto summary = form4::bulk::write_tables(inputs, out_dir, options);
//     form4::bulk::write_failures(summary, "failures.tsv");
//     std::cerr << describe(summary) << '\n';
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "form4/dataset.hpp"
#include "form4/parse.hpp"

namespace form4::bulk {

struct progress {
    std::size_t documents_done = 0;     // converted, failed or skipped, in input order
    std::size_t documents_failed = 0;
    std::size_t documents_skipped = 0;
    std::uint64_t bytes_read = 0;
    std::chrono::steady_clock::duration elapsed{};
    std::string last_input;             // the last document finished
    bool finished = false;              // the last call of a run
};

struct options {
    // Parse leniently: keep what damage does not touch (see parse_options).
    bool lenient = false;
    // The input format; automatic picks it per document by content.
    input_format format = input_format::automatic;
    // Round numbers to 2 places as the SEC's own files do.
    bool sec_round = false;
    // Parsing threads, the calling thread included (it parses when no rows
    // are ready to write), beside one that lists the inputs and unpacks
    // archives; 0 means one per core, 1 everything on the calling thread.
    unsigned threads = 0;
    // Documents taken on (listed, or unpacked from an archive) but not yet
    // written, at most; 0 means 16 per thread (64 at least), enough that
    // threads seldom wait on one another.
    std::size_t max_in_flight = 0;
    // Input bytes taken on but not yet written, at most; 0 means 1 GiB.
    // This is what bounds memory: about this budget, plus for each thread
    // a parse (a small multiple of its document's size; see README, Memory).
    // A document larger than the budget (it is within limits.max_input_bytes)
    // waits until nothing else is in flight and then goes alone: it is
    // converted, the same on every run.
    std::uint64_t max_bytes_in_flight = 0;
    // EDGAR submissions of other forms (a daily feed holds every form filed
    // that day) are counted as skipped instead of failed.
    bool skip_other_forms = true;
    parse_limits limits{};
    // Called on the calling thread, at most every `progress_interval`, and
    // once more at the end with finished = true.
    std::function<void(const progress&)> on_progress;
    std::chrono::milliseconds progress_interval{250};
    // When set: called on the calling thread, in input order, with the
    // diagnostics of every document that has any (a document that could not
    // be read gets one with code "io"). Skipped documents are not reported.
    std::function<void(std::string_view input, const std::vector<diagnostic>& diagnostics)> on_diagnostics;
    // When set: called on the calling thread, in input order, with the rows of
    // every converted document (surrogate keys numbered from 1 within it, cells
    // exact: tabs and line breaks kept), before its TSV lines go to the sink.
    std::function<void(std::string_view input, const dataset::tables& rows)> on_rows;
};

struct failure {
    std::string input;    // "dir/file.xml", or "feed.nc.tar.gz!0001-23-000001.nc" for an archive member
    std::string reason;   // the first error, "line:column: error: message [code]", or an I/O error
};

struct summary {
    std::size_t documents_read = 0;       // files and archive members read
    std::size_t documents_converted = 0;  // gave rows
    std::size_t documents_failed = 0;
    std::size_t documents_skipped = 0;    // submissions of other forms
    std::size_t documents_with_warnings = 0;
    std::uint64_t bytes_read = 0;
    std::array<std::size_t, dataset::table_count> rows{};   // per table, in dataset::all_tables order
    std::vector<failure> failures;        // in input order
    std::vector<failure> warnings;        // converted documents with warnings: the first, "(and N more warnings)"
    std::chrono::steady_clock::duration elapsed{};
    bool ok() const noexcept { return documents_failed == 0; }
};

// ---- inputs ------------------------------------------------------------------

// .tar, .tar.gz, .tgz (by name; case-insensitive).
bool is_archive(const std::filesystem::path& path);
// The accession number a file or member name carries ("0001062993-24-016587.xml",
// "0001062993-24-016587.nc"), or "" when it carries none.
std::string accession_from_name(std::string_view name);
// Directories are replaced by the files under them (recursively, sorted by
// path, only .xml .txt .nc .htm .html and archives); other paths are kept as
// given, in the given order. A path that does not exist is kept too (it will
// be reported as a failure).
std::vector<std::filesystem::path> expand_inputs(std::span<const std::filesystem::path> paths);
// One path per line; blank lines and surrounding white space are ignored.
std::vector<std::filesystem::path> read_path_list(std::istream& in);
// Command-line arguments with "-" replaced by the path list read from
// `stdin_list`; directories are kept (convert and write_tables expand them as
// they come to them, so the first document is read without waiting for a
// walk over every input).
std::vector<std::filesystem::path> list_arguments(std::span<const std::filesystem::path> arguments,
                                                  std::istream& stdin_list);
// list_arguments, then expand_inputs.
std::vector<std::filesystem::path> expand_arguments(std::span<const std::filesystem::path> arguments,
                                                    std::istream& stdin_list);

// ---- conversion --------------------------------------------------------------

// Receives the rows of one table as TSV lines (no header), in input order.
using tsv_sink = std::function<void(dataset::table, std::string_view tsv_lines)>;

// Converts every input (files, directories, archives; see expand_inputs) and
// hands the rows to `sink`. Throws only for what ends the whole run
// (std::bad_alloc, an exception from `sink` or `on_progress`).
summary convert(std::span<const std::filesystem::path> inputs, const tsv_sink& sink, const options& opts = {});

// Writes DIRECTORY/<TABLE>.tsv for the eight tables (header row, then rows),
// creating the directory, then DIRECTORY/MANIFEST.tsv (TABLE, FILE, ROWS,
// BYTES: one line per table). The tables are written under temporary names
// and renamed into place when the run has ended well; the manifest is
// removed before the first rename and written after the last, so tables
// that match a manifest are one run's, whole. Throws
// std::filesystem::filesystem_error or std::runtime_error when an output
// file cannot be created, written or renamed (the reason's errno text in it).
inline constexpr std::string_view manifest_name = "MANIFEST.tsv";
summary write_tables(std::span<const std::filesystem::path> inputs, const std::filesystem::path& directory,
                     const options& opts = {});

// The failures, then the warnings, as "input<TAB>reason" lines (each
// reason says "error:" or "warning:"), both escaped for one line.
void write_failures(const summary& s, std::ostream& out);
void write_failures(const summary& s, const std::filesystem::path& file);

// Text safe on one line of a TSV file or a terminal: tab, line ends,
// backslash and other control bytes written as \t \n \r \\ \xHH.
std::string escaped(std::string_view text);

// One line each: "1234 documents, 12 failed, 3 skipped, 5.1 MB, 2.3 s".
std::string describe(const progress& p);
std::string describe(const summary& s);

}  // namespace form4::bulk
