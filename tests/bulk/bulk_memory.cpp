// Peak memory of the bulk API against the number of inputs, plus throughput
// and the speedup from 1 to 2 threads. Each measured run is a child process,
// so each peak RSS (getrusage) is that run's own.
//
//   form4_bulk_memory [--small N] [--large N] [--max-ratio R] [--threads T] [--no-speedup]
//
// Exit status 1 when peak RSS(large) / peak RSS(small) > R.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bulk/bulk_support.hpp"
#include "bulk/tar_writer.hpp"

namespace {

struct run_figures {
    long peak_rss_kb = 0;
    double seconds = 0;
    double cpu_seconds = 0;
    std::size_t documents = 0;
    std::size_t failed = 0;
    bool ok = false;
};

// Writes an archive of `count` documents: the corpus, repeated in order.
void make_archive(const std::filesystem::path& path, std::size_t count) {
    auto inputs = form4::testing::corpus_inputs();
    std::vector<std::string> bytes;
    for (const auto& file : inputs) bytes.push_back(form4::testing::read_file(file));
    form4::testing::tar_writer tar(path, true);
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t k = i % inputs.size();
        tar.add(std::to_string(i / inputs.size()) + "/" + inputs[k].filename().string(), bytes[k]);
    }
}

// Converts `archive` in a child process; the child reports through a pipe.
run_figures measure(const std::filesystem::path& archive, const std::filesystem::path& out, unsigned threads) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        run_figures figures;
        try {
            form4::bulk::options options;
            options.threads = threads;
            std::vector<std::filesystem::path> inputs{archive};
            auto summary = form4::bulk::write_tables(inputs, out, options);
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            figures.peak_rss_kb = usage.ru_maxrss;
            figures.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
            figures.seconds = std::chrono::duration<double>(summary.elapsed).count();
            figures.documents = summary.documents_read;
            figures.failed = summary.documents_failed;
            figures.ok = true;
        } catch (const std::exception& error) {
            std::fprintf(stderr, "run failed: %s\n", error.what());
        }
        auto written = write(fds[1], &figures, sizeof figures);
        _exit(written == static_cast<ssize_t>(sizeof figures) ? 0 : 1);
    }
    close(fds[1]);
    run_figures figures;
    auto got = read(fds[0], &figures, sizeof figures);
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (got != static_cast<ssize_t>(sizeof figures)) figures.ok = false;
    return figures;
}

// The same work without the pipeline: parse and build rows in one thread,
// from memory, no output. Throughput figures are read against this.
run_figures baseline(std::size_t count) {
    auto inputs = form4::testing::corpus_inputs();
    std::vector<std::string> bytes;
    for (const auto& file : inputs) bytes.push_back(form4::testing::read_file(file));
    auto started = std::chrono::steady_clock::now();
    run_figures figures;
    form4::dataset::key_counters keys;
    for (std::size_t i = 0; i < count; ++i) {
        auto parsed = form4::parse(bytes[i % bytes.size()]);
        ++figures.documents;
        if (!parsed.ok()) {
            ++figures.failed;
            continue;
        }
        form4::dataset::tables tables;
        form4::dataset::append(tables, *parsed.doc, "", {}, keys);
    }
    figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    figures.cpu_seconds = figures.seconds;
    figures.ok = true;
    return figures;
}

void print(const char* label, const run_figures& f) {
    std::printf("%-18s %6zu documents (%zu failed)  %5.2f s (cpu %5.2f s)  %6.0f documents/s  peak RSS %5.1f MB\n",
                label, f.documents, f.failed, f.seconds, f.cpu_seconds,
                f.seconds > 0 ? static_cast<double>(f.documents) / f.seconds : 0.0,
                static_cast<double>(f.peak_rss_kb) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t small = 1000, large = 10000;
    double max_ratio = 1.5;
    unsigned threads = 0;
    bool speedup = true;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
        if (arg == "--small") small = std::stoul(next());
        else if (arg == "--large") large = std::stoul(next());
        else if (arg == "--max-ratio") max_ratio = std::stod(next());
        else if (arg == "--threads") threads = static_cast<unsigned>(std::stoul(next()));
        else if (arg == "--no-speedup") speedup = false;
        else {
            std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
            return 2;
        }
    }

    form4::testing::temp_dir dir("bulk-memory");
    make_archive(dir.path() / "small.tar.gz", small);
    make_archive(dir.path() / "large.tar.gz", large);

    auto small_run = measure(dir.path() / "small.tar.gz", dir.path() / "out-small", threads);
    auto large_run = measure(dir.path() / "large.tar.gz", dir.path() / "out-large", threads);
    if (!small_run.ok || !large_run.ok || small_run.documents != small || large_run.documents != large) {
        std::fprintf(stderr, "a run failed or read the wrong number of documents\n");
        return 1;
    }
    print("small", small_run);
    print("large", large_run);
    double ratio = static_cast<double>(large_run.peak_rss_kb) / static_cast<double>(small_run.peak_rss_kb);
    std::printf("peak RSS ratio large/small: %.2f (limit %.2f) for %.0fx the inputs\n", ratio, max_ratio,
                static_cast<double>(large) / static_cast<double>(small));

    if (speedup) {
        print("baseline (no I/O)", baseline(large));
        auto one = measure(dir.path() / "large.tar.gz", dir.path() / "out-1", 1);
        auto two = measure(dir.path() / "large.tar.gz", dir.path() / "out-2", 2);
        print("large, 1 thread", one);
        print("large, 2 threads", two);
        if (one.ok && two.ok && two.seconds > 0)
            std::printf("speedup 1 -> 2 threads: %.2fx\n", one.seconds / two.seconds);
    }
    return ratio <= max_ratio ? 0 : 1;
}
