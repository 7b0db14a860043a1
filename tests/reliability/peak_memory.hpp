#pragma once
// Peak memory of a piece of work, measured by the test itself: the work runs
// in a child process, which reports its peak resident size (getrusage's
// ru_maxrss) before and after it. Never a time.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <functional>

#include <gtest/gtest.h>

namespace form4::testing {

// Sanitizer runtimes keep freed memory in quarantine (256 MiB by default) and
// add shadow memory and redzones: a fixed allowance on top of every bound, so
// that the same test runs there. Measured under ASan: 4 Mi short text lines
// grow 513 MiB where the plain build, which holds the real bound, allows 112
// (a regression of the kind these tests catch costs gigabytes, not this).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr std::uint64_t sanitizer_allowance = std::uint64_t{640} << 20;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr std::uint64_t sanitizer_allowance = std::uint64_t{640} << 20;
#else
inline constexpr std::uint64_t sanitizer_allowance = 0;
#endif
#else
inline constexpr std::uint64_t sanitizer_allowance = 0;
#endif

inline std::uint64_t peak_rss_bytes() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;   // Linux: KiB
}

struct peak_growth {
    bool measured = false;
    std::uint64_t before = 0;   // the child's peak after `prepare`
    std::uint64_t after = 0;    // and after `work`
    std::uint64_t growth() const { return after > before ? after - before : 0; }
};

// Runs `prepare` and then `work` in a child process; the child's peak
// resident size after each. `work` may use EXPECT_*: a failure there fails the test.
inline peak_growth measure_peak_growth(const std::function<void()>& prepare, const std::function<void()>& work) {
    int fds[2];
    peak_growth result;
    if (::pipe(fds) != 0) {
        ADD_FAILURE() << "pipe failed";
        return result;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        prepare();
        std::uint64_t figures[2];
        figures[0] = peak_rss_bytes();
        work();
        figures[1] = peak_rss_bytes();
        if (::write(fds[1], figures, sizeof figures) != static_cast<ssize_t>(sizeof figures)) ::_exit(3);
        std::fflush(stdout);
        std::fflush(stderr);
        ::_exit(::testing::Test::HasFailure() ? 1 : 0);
    }
    ::close(fds[1]);
    std::uint64_t figures[2] = {0, 0};
    ssize_t got = ::read(fds[0], figures, sizeof figures);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (got != static_cast<ssize_t>(sizeof figures) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ADD_FAILURE() << "the measured child failed (status " << status << ")";
        return result;
    }
    result.measured = true;
    result.before = figures[0];
    result.after = figures[1];
    return result;
}

}  // namespace form4::testing
