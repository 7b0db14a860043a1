// Activity rows for the whole corpus against `form4 tables` (bulk::convert)
// on the same inputs, in the same run: documents per second of each and their
// ratio (goal: activity at >= 80% of tables). Runs are interleaved so that
// both see the same machine state; the best of N is reported.
//
//   form4_bench_activity [--runs N] [--threads T] [--repeat R] [--only tables|activity] [DIR...]
//   (default: the corpus). --only runs one side, for `perf stat -e instructions` on a busy machine.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "form4/activity.hpp"
#include "form4/bulk.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

// CPU time of the whole process (all threads): on a shared machine the
// wall clock measures the neighbours as much as the code.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
    int runs = 5, repeat = 4;
    unsigned threads = 1;
    std::string only;
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (arg == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (arg == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
        else if (arg == "--only" && i + 1 < argc) only = argv[++i];
        else inputs.emplace_back(arg);
    }
    if (inputs.empty()) {
        std::filesystem::path corpus = std::filesystem::path(FORM4_SHARED_DIR) / "corpus";
        for (const char* sub : {"xml", "submission", "html", "text"}) inputs.push_back(corpus / sub);
    }
    // The corpus is small (~430 documents): each run reads it `repeat` times.
    std::vector<std::filesystem::path> expanded = form4::bulk::expand_inputs(inputs), all;
    for (int r = 0; r < repeat; ++r) all.insert(all.end(), expanded.begin(), expanded.end());

    double best_tables = 1e30, best_activity = 1e30, cpu_tables = 1e30, cpu_activity = 1e30;
    std::size_t documents = 0, transactions = 0;
    for (int run = 0; run < runs; ++run) {
        form4::bulk::options table_options;
        table_options.threads = threads;
        std::size_t bytes = 0;
        auto start = clock_type::now();
        double cpu = cpu_seconds();
        if (only != "activity") {
            auto summary = form4::bulk::convert(
                all, [&](form4::dataset::table, std::string_view lines) { bytes += lines.size(); }, table_options);
            best_tables = std::min(best_tables, seconds_since(start));
            cpu_tables = std::min(cpu_tables, cpu_seconds() - cpu);
            documents = summary.documents_read;
        }
        if (only == "tables") continue;

        form4::activity::read_options activity_options;
        activity_options.threads = threads;
        start = clock_type::now();
        cpu = cpu_seconds();
        auto result = form4::activity::read(all, activity_options);
        best_activity = std::min(best_activity, seconds_since(start));
        cpu_activity = std::min(cpu_activity, cpu_seconds() - cpu);
        transactions = result.rows.size();
        if (only.empty() && result.summary.documents_read != documents) {
            std::fprintf(stderr, "the two read different inputs: %zu vs %zu\n", result.summary.documents_read, documents);
            return 1;
        }
    }
    if (!only.empty()) return 0;
    double tables_rate = static_cast<double>(documents) / best_tables;
    double activity_rate = static_cast<double>(documents) / best_activity;
    std::printf("%zu documents (%d passes over the inputs), %zu transactions, %u thread(s), best of %d\n", documents,
                repeat, transactions, threads, runs);
    std::printf("tables   (bulk::convert)  %10.0f documents/s\n", tables_rate);
    std::printf("activity (activity::read) %10.0f documents/s\n", activity_rate);
    std::printf("activity / tables = %.2f by the wall clock (goal >= 0.80)\n", activity_rate / tables_rate);
    std::printf("activity / tables = %.2f by CPU time (tables %.3f s, activity %.3f s)\n", cpu_tables / cpu_activity,
                cpu_tables, cpu_activity);
    return 0;
}
