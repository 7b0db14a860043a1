// The bulk API's outputs: the eight tables written whole or not at all, the
// failures and warnings as one line each, and the one-line summaries.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "form4/bulk.hpp"
#include "output_file.hpp"

namespace form4::bulk {
namespace {

using steady = std::chrono::steady_clock;

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

summary write_tables(std::span<const std::filesystem::path> inputs, const std::filesystem::path& directory,
                     const options& opts) {
    std::filesystem::create_directories(directory);
    // A document's lines are a few hundred bytes: gathered 256 KiB at a time
    // per table before they are written, so that writing costs few system calls.
    constexpr std::size_t chunk_size = std::size_t{256} << 10;
    // Written under temporary names and renamed into place only once the run
    // has ended well: a killed or failed run leaves the previous tables (or
    // none), never eight files cut at different documents.
    std::vector<std::unique_ptr<detail::output_file>> files;
    std::array<std::string, dataset::table_count> pending;
    for (auto t : dataset::all_tables) {
        files.push_back(std::make_unique<detail::output_file>(directory / (std::string(dataset::name(t)) + ".tsv")));
        auto& gathered = pending[static_cast<std::size_t>(t)];
        gathered.reserve(chunk_size);
        gathered.append(dataset::tsv_header(t));
    }
    auto const write_out = [&](dataset::table t) {
        auto index = static_cast<std::size_t>(t);
        files[index]->write(pending[index]);
        pending[index].clear();
    };
    auto result = convert(
        inputs,
        [&](dataset::table t, std::string_view lines) {
            auto& gathered = pending[static_cast<std::size_t>(t)];
            gathered.append(lines);
            if (gathered.size() >= chunk_size) write_out(t);
        },
        opts);
    std::array<std::uint64_t, dataset::table_count> bytes{};
    for (auto t : dataset::all_tables) {
        write_out(t);
        files[static_cast<std::size_t>(t)]->finish();
        bytes[static_cast<std::size_t>(t)] = files[static_cast<std::size_t>(t)]->bytes_written();
    }
    // The renames are eight steps, and a run killed between two of them
    // leaves tables of two runs. The manifest tells: it is removed before
    // the first rename and written anew after the last.
    auto manifest = directory / manifest_name;
    std::error_code removing;
    if (!std::filesystem::remove(manifest, removing) && removing)
        throw std::filesystem::filesystem_error("cannot remove the old manifest", manifest, removing);
    for (auto& file : files) file->commit();
    std::string lines = "TABLE\tFILE\tROWS\tBYTES\n";
    for (auto t : dataset::all_tables) {
        auto index = static_cast<std::size_t>(t);
        std::string name(dataset::name(t));
        lines += name + '\t' + name + ".tsv\t" + std::to_string(result.rows[index]) + '\t' +
                 std::to_string(bytes[index]) + '\n';
    }
    detail::output_file written(manifest);
    written.write(lines);
    written.commit();
    return result;
}

// Tabs and line ends would break the TSV line, other control bytes (ESC) a
// terminal: shown as \t, \n, \x1B.
std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\\') out += "\\\\";
        else if (byte < 0x20 || byte == 0x7F) {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else out += c;
    }
    return out;
}

void write_failures(const summary& s, std::ostream& out) {
    for (const auto& f : s.failures) out << escaped(f.input) << '\t' << escaped(f.reason) << '\n';
    for (const auto& w : s.warnings) out << escaped(w.input) << '\t' << escaped(w.reason) << '\n';
}

void write_failures(const summary& s, const std::filesystem::path& file) {
    std::ostringstream text;
    write_failures(s, text);
    detail::output_file out(file);
    out.write(text.str());
    out.commit();
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
           " skipped, " + std::to_string(s.documents_with_warnings) + " with warnings, " + std::to_string(rows) + " rows, " + megabytes(s.bytes_read) + ", " + seconds(s.elapsed);
}

}  // namespace form4::bulk
