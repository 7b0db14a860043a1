#pragma once
// Helpers for the reliability tests: hostile inputs built to a size, the
// time a parse takes, and the growth check that compares sizes N and 4N.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "form4/parse.hpp"
#include "peak_memory.hpp"
#include "support/diagnostics.hpp"

namespace form4::testing {

// The smallest ownership document the XML front end accepts in strict
// mode, with three places to put something big: inside a footnoted value
// (transactionShares), inside <footnotes>, and inside the document's own
// element list (after <issuer>).
struct xml_skeleton {
    std::string shares_content = "<value>100</value>";
    std::string footnotes;
    std::string extra_elements;
    std::string remarks = "none";
    std::string root_attributes;

    std::string str() const {
        std::string out;
        out.reserve(shares_content.size() + footnotes.size() + extra_elements.size() + remarks.size() +
                    root_attributes.size() + 2048);
        out += "<?xml version=\"1.0\"?>\n<ownershipDocument";
        out += root_attributes;
        out += ">\n<schemaVersion>X0508</schemaVersion>\n<documentType>4</documentType>\n"
               "<periodOfReport>2024-07-01</periodOfReport>\n"
               "<issuer><issuerCik>0000320193</issuerCik><issuerName>Apple Inc.</issuerName>"
               "<issuerTradingSymbol>AAPL</issuerTradingSymbol></issuer>\n";
        out += extra_elements;
        out += "<reportingOwner><reportingOwnerId><rptOwnerCik>0001214156</rptOwnerCik>"
               "<rptOwnerName>COOK TIMOTHY D</rptOwnerName></reportingOwnerId>"
               "<reportingOwnerRelationship><isOfficer>1</isOfficer><officerTitle>CEO</officerTitle>"
               "</reportingOwnerRelationship></reportingOwner>\n"
               "<nonDerivativeTable><nonDerivativeTransaction>"
               "<securityTitle><value>Common Stock</value></securityTitle>"
               "<transactionDate><value>2024-07-01</value></transactionDate>"
               "<transactionCoding><transactionFormType>4</transactionFormType>"
               "<transactionCode>S</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>"
               "<transactionAmounts><transactionShares>";
        out += shares_content;
        out += "</transactionShares><transactionPricePerShare><value>214.1</value></transactionPricePerShare>"
               "<transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>"
               "</transactionAmounts>"
               "<postTransactionAmounts><sharesOwnedFollowingTransaction><value>3280180</value>"
               "</sharesOwnedFollowingTransaction></postTransactionAmounts>"
               "<ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>"
               "</ownershipNature></nonDerivativeTransaction></nonDerivativeTable>\n<footnotes>";
        out += footnotes;
        out += "</footnotes>\n<remarks>";
        out += remarks;
        out += "</remarks>\n<ownerSignature><signatureName>/s/ Tim Cook</signatureName>"
               "<signatureDate>2024-07-03</signatureDate></ownerSignature>\n</ownershipDocument>\n";
        return out;
    }
};

inline std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

inline parse_options options_for(input_format format, bool lenient = false) {
    parse_options options;
    options.format = format;
    options.lenient = lenient;
    return options;
}

// The first error diagnostic, or nullptr.
inline const diagnostic* first_error(const parse_result& result) {
    for (const diagnostic& d : result.diagnostics)
        if (d.level == severity::error) return &d;
    return nullptr;
}

// Asserts that the parse failed with an error of exactly `code` that says where.
inline void expect_limit_error(const parse_result& result, std::string_view code) {
    EXPECT_FALSE(result.ok()) << "expected " << code << ", but a document came back";
    const diagnostic* error = first_error(result);
    ASSERT_NE(error, nullptr) << "expected " << code << ", but there is no error";
    EXPECT_EQ(error->code, code) << error->message;
    EXPECT_GT(error->line, 0u) << code << " has no position: " << error->message;
    EXPECT_GT(error->column, 0u) << code << " has no position: " << error->message;
}

// ---- running damage in a child process ------------------------------------------

// Lets code in a child process say what it is doing, so that a hang or a
// crash can be reported with the input that caused it.
class step_reporter {
public:
    explicit step_reporter(int fd) : fd_(fd) {}
    void doing(std::string_view what) const {
        std::string line(what.substr(0, 500));
        std::replace(line.begin(), line.end(), '\n', ' ');
        line += '\n';
        for (std::size_t done = 0; done < line.size();) {
            ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
            if (n <= 0) return;
            done += static_cast<std::size_t>(n);
        }
    }

private:
    int fd_;
};

// Runs `body` in a child process, so that a crash or a hang in a front end
// fails the calling test with the step it was on, instead of ending or
// stalling the whole test program. The body may use EXPECT_*/ASSERT_*: their
// messages print from the child, and any failure there fails the test here.
inline void run_isolated(const std::string& what, double deadline_seconds,
                         const std::function<void(const step_reporter&)>& body) {
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t child = ::fork();
    ASSERT_GE(child, 0) << "fork failed";
    if (child == 0) {
        ::close(pipe_fds[0]);
        body(step_reporter(pipe_fds[1]));
        std::fflush(stdout);
        std::fflush(stderr);
        ::_exit(::testing::Test::HasFailure() ? 1 : 0);
    }
    ::close(pipe_fds[1]);
    std::string last_step = "(starting)", pending;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(deadline_seconds);
    bool timed_out = false;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd poll_fd{pipe_fds[0], POLLIN, 0};
        if (::poll(&poll_fd, 1, static_cast<int>(std::min<long long>(left.count(), 1000))) <= 0) continue;
        char buffer[4096];
        ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n <= 0) break;  // the child is done
        pending.append(buffer, static_cast<std::size_t>(n));
        for (std::size_t end; (end = pending.find('\n')) != std::string::npos; pending.erase(0, end + 1))
            last_step = pending.substr(0, end);
    }
    ::close(pipe_fds[0]);
    if (timed_out) ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (timed_out)
        ADD_FAILURE() << what << ": no answer within " << deadline_seconds << " s (a hang) while parsing "
                      << last_step;
    else if (WIFSIGNALED(status))
        ADD_FAILURE() << what << ": crashed with signal " << WTERMSIG(status) << " while parsing " << last_step;
    else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        ADD_FAILURE() << what << ": failed in the child process (its messages are above); last step: " << last_step;
}

// The best of `repetitions` timed parses (the least disturbed by other load).
inline double seconds_to_parse(std::string_view bytes, const parse_options& options, int repetitions,
                               parse_result& result) {
    double best = 1e30;
    for (int i = 0; i < repetitions; ++i) {
        auto start = std::chrono::steady_clock::now();
        result = parse(bytes, options);
        std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        best = std::min(best, took.count());
    }
    return best;
}

// A parse of size 4N may take at most this many times as long as size N:
// 4 for linear time, 16 for quadratic. The margin absorbs noise, never a
// change of complexity class.
inline constexpr double max_growth_for_4x_input = 8.0;

// Builds the input at sizes n and 4n, checks both results with `check`
// (given the result and the size), and asserts that the time grew linearly.
template <class Make, class Check>
void expect_linear_time(const char* what, Make make, std::size_t n, const parse_options& options, Check check,
                        int repetitions = 3) {
    std::string small = make(n);
    std::string large = make(4 * n);
    parse_result small_result, large_result;
    // Under AddressSanitizer the inputs are parsed and checked once each, not timed: the
    // plain build measures the growth, and repeated timing there cost minutes of CI.
    if (sanitizer_allowance != 0) {
        check(parse(small, options), n);
        check(parse(large, options), 4 * n);
        return;
    }
    // One untimed parse of the large input first, so that neither size pays
    // for growing the heap and faulting in its pages.
    large_result = parse(large, options);
    // A superlinear parse grows too much on every try; a busy machine only
    // on some, so the best of three tries counts.
    double small_seconds = 0, large_seconds = 0, ratio = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        small_seconds = seconds_to_parse(small, options, repetitions, small_result);
        large_seconds = seconds_to_parse(large, options, repetitions, large_result);
        // Below a few milliseconds the clock, the caches and scheduling dominate.
        ratio = large_seconds / std::max(small_seconds, 5e-3);
        if (ratio < max_growth_for_4x_input) break;
    }
    {
        SCOPED_TRACE(std::string(what) + ", size N");
        check(small_result, n);
    }
    {
        SCOPED_TRACE(std::string(what) + ", size 4N");
        check(large_result, 4 * n);
    }
    EXPECT_LT(ratio, max_growth_for_4x_input)
        << what << ": " << small.size() << " bytes took " << small_seconds << " s, " << large.size()
        << " bytes took " << large_seconds << " s";
}

}  // namespace form4::testing
