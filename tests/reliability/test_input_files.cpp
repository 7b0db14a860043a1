// Reading an input: the size limit holds while reading (devices, standard
// input, FIFOs), a FIFO without a writer is refused instead of hanging, and
// directories and paths with a NUL byte are refused by name.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "form4/parse.hpp"
#include "peak_memory.hpp"
#include "reliability_support.hpp"

namespace form4::testing {
namespace {

class scratch_dir {
public:
    scratch_dir() {
        path_ = std::filesystem::temp_directory_path() / ("form4-inputs-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path_);
    }
    ~scratch_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

parse_options one_mebibyte() {
    parse_options options;
    options.limits.max_input_bytes = std::size_t{1} << 20;
    return options;
}

const diagnostic& only_error(const parse_result& result) {
    static const diagnostic none{severity::error, "(none)", "(no diagnostic)", 0, 0};
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.diagnostics.size(), 1u);
    return result.diagnostics.empty() ? none : result.diagnostics.front();
}

// /dev/zero never ends: reading stops one byte past the limit, and the
// memory spent is about the limit, not what an unbounded read would take.
TEST(InputFiles, AnEndlessDeviceStopsAtTheLimitWithBoundedMemory) {
    auto peak = measure_peak_growth([] {}, [] {
        auto result = parse_file("/dev/zero", one_mebibyte());
        EXPECT_EQ(only_error(result).code, "limit.input-size") << only_error(result).message;
    });
    ASSERT_TRUE(peak.measured);
    EXPECT_LT(peak.growth(), (std::uint64_t{16} << 20) + sanitizer_allowance) << "grew " << peak.growth() << " bytes";
}

TEST(InputFiles, EndlessStandardInputStopsAtTheLimitWithBoundedMemory) {
    auto peak = measure_peak_growth(
        [] {
            int zero = ::open("/dev/zero", O_RDONLY);
            ASSERT_GE(zero, 0);
            ::dup2(zero, STDIN_FILENO);
            ::close(zero);
        },
        [] {
            auto result = parse_file("-", one_mebibyte());
            EXPECT_EQ(only_error(result).code, "limit.input-size") << only_error(result).message;
            EXPECT_NE(only_error(result).message.find("<stdin>"), std::string::npos);
        });
    ASSERT_TRUE(peak.measured);
    EXPECT_LT(peak.growth(), (std::uint64_t{16} << 20) + sanitizer_allowance) << "grew " << peak.growth() << " bytes";
}

TEST(InputFiles, ARegularFileOverTheLimitIsRefusedBeforeReading) {
    scratch_dir dir;
    auto big = dir.path() / "big.xml";
    { std::ofstream create(big); }
    std::filesystem::resize_file(big, (std::size_t{1} << 20) + 1);
    auto result = parse_file(big, one_mebibyte());
    EXPECT_EQ(only_error(result).code, "limit.input-size");
    EXPECT_NE(only_error(result).message.find("1048577 bytes"), std::string::npos) << only_error(result).message;
}

TEST(InputFiles, AFileExactlyAtTheLimitIsRead) {
    scratch_dir dir;
    auto path = dir.path() / "doc.xml";
    std::string text = xml_skeleton{}.str();
    std::ofstream(path, std::ios::binary) << text;
    auto options = one_mebibyte();
    options.limits.max_input_bytes = text.size();
    EXPECT_TRUE(parse_file(path, options).ok());
    options.limits.max_input_bytes = text.size() - 1;
    EXPECT_EQ(only_error(parse_file(path, options)).code, "limit.input-size");
}

// Waiting for a writer would hang the caller (the C ABI and Python too)
// without end: refused at once, in a child with a deadline so that a hang
// fails this test instead of stopping the suite.
TEST(InputFiles, AFifoWithoutAWriterIsRefusedAtOnce) {
    scratch_dir dir;
    auto fifo = dir.path() / "no-writer.xml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    run_isolated("FIFO without a writer", 20, [&](const step_reporter& step) {
        step.doing(fifo.string());
        auto result = parse_file(fifo);
        EXPECT_EQ(only_error(result).code, "io");
        EXPECT_NE(only_error(result).message.find("FIFO with no writer"), std::string::npos)
            << only_error(result).message;
    });
}

TEST(InputFiles, AFifoWithAWriterIsReadToItsEnd) {
    scratch_dir dir;
    auto fifo = dir.path() / "writer.xml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string text = xml_skeleton{}.str();
    run_isolated("FIFO with a writer", 20, [&](const step_reporter& step) {
        step.doing(fifo.string());
        // O_RDWR keeps a writer on the FIFO while the reader opens it. The
        // thread waits until the reader is surely there (closing the last
        // writer before any reader opens would discard what was written),
        // then writes in pieces and closes: the reader reads to that end.
        int keep = ::open(fifo.c_str(), O_RDWR);
        ASSERT_GE(keep, 0);
        std::thread writer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            for (std::size_t at = 0; at < text.size(); at += 100) {
                std::size_t n = std::min<std::size_t>(100, text.size() - at);
                ASSERT_EQ(::write(keep, text.data() + at, n), static_cast<ssize_t>(n));
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            ::close(keep);
        });
        auto result = parse_file(fifo);
        writer.join();
        EXPECT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics.front().message);
    });
}

TEST(InputFiles, ADirectoryIsRefusedAsADirectory) {
    scratch_dir dir;
    auto result = parse_file(dir.path());
    EXPECT_EQ(only_error(result).code, "io");
    EXPECT_NE(only_error(result).message.find("is a directory"), std::string::npos) << only_error(result).message;
}

TEST(InputFiles, APathWithANulByteIsRefused) {
    scratch_dir dir;
    auto real = dir.path() / "x.xml";
    std::ofstream(real, std::ios::binary) << xml_skeleton{}.str();
    std::string with_nul = real.string() + std::string("\0junk", 5);
    auto result = parse_file(std::filesystem::path(with_nul));
    EXPECT_EQ(only_error(result).code, "io");
    EXPECT_NE(only_error(result).message.find("NUL"), std::string::npos) << only_error(result).message;
}

TEST(InputFiles, AMissingFileSaysWhy) {
    auto result = parse_file("/nonexistent/form4/x.xml");
    EXPECT_EQ(only_error(result).code, "io");
    EXPECT_NE(only_error(result).message.find("No such file or directory"), std::string::npos)
        << only_error(result).message;
}

}  // namespace
}  // namespace form4::testing
