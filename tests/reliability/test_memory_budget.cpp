// The memory budget: the peak memory of one parse is a small multiple of the
// input's size plus a constant whatever the input's shape, and a bulk run
// holds at most its byte budget in flight. Each bound is the peak resident
// size measured by the test (getrusage, in a child process), never a time.
#include <filesystem>
#include <iostream>
#include <string>

#include <gtest/gtest.h>

#include "bulk/tar_writer.hpp"
#include "form4/bulk.hpp"
#include "peak_memory.hpp"
#include "reliability_support.hpp"
#include "support/corpus.hpp"

namespace form4::testing {
namespace {

constexpr std::uint64_t mib = std::uint64_t{1} << 20;

// The reference text sample with `blank` bytes of empty lines inserted before
// "Explanation of Responses:" (each blank line cost 26 bytes: 6.8 GB for 250 MB).
std::string text_with_blank_lines(std::size_t blank) {
    std::string input = read_file(corpus_dir() / "text" / "000_8ddcd668f7a6b10e.txt");
    std::size_t at = input.find("Explanation of Responses");
    if (at == std::string::npos) return {};
    input.insert(at, std::string(blank, '\n'));
    return input;
}

TEST(MemoryBudget, BlankLinesInATextFormCostNoMoreThanTheirBytes) {
    constexpr std::size_t blank = 32 * mib;
    std::string input;
    parse_result result;
    auto peak = measure_peak_growth([&] { input = text_with_blank_lines(blank); },
                                    [&] {
                                        ASSERT_FALSE(input.empty());
                                        result = parse(input, options_for(input_format::text));
                                        EXPECT_TRUE(result.ok());
                                    });
    ASSERT_TRUE(peak.measured);
    // 32 Mi blank lines at 26 bytes each would be 832 MiB.
    EXPECT_LT(peak.growth(), 2 * blank + 32 * mib + sanitizer_allowance) << "grew " << peak.growth() << " bytes";
}

TEST(MemoryBudget, ShortLinesInATextFormCostASmallMultipleOfTheirBytes) {
    // Under the sanitizers their allowance swamps the bound, and 4 Mi lines took
    // 80 s: an eighth of them there runs the same code.
    constexpr std::size_t lines = sanitizer_allowance != 0 ? mib / 2 : 4 * mib;
    std::string input;
    auto peak = measure_peak_growth(
        [&] {
            input = text_with_blank_lines(0);
            std::size_t at = input.find("Explanation of Responses");
            input.insert(at, repeat("x\n", lines));
        },
        [&] { (void)parse(input, options_for(input_format::text)); });
    ASSERT_TRUE(peak.measured);
    // "x\n": 16 bytes of span per 2 bytes of input, and nothing else per line.
    EXPECT_LT(peak.growth(), 10 * 2 * lines + 32 * mib + sanitizer_allowance) << "grew " << peak.growth() << " bytes";
}

// Many unknown elements (each was a diagnostic of ~150 bytes for 4 bytes of input).
TEST(MemoryBudget, UnknownElementsCostNoMoreThanTheirBytes) {
    xml_skeleton doc;
    doc.extra_elements = repeat("<u/>", 900'000);
    std::string input;
    auto peak = measure_peak_growth([&] { input = doc.str(); },
                                    [&] { EXPECT_TRUE(parse(input, options_for(input_format::xml)).ok()); });
    ASSERT_TRUE(peak.measured);
    EXPECT_LT(peak.growth(), 4 * input.size() + 16 * mib + sanitizer_allowance) << "grew " << peak.growth() << " bytes";
}

// Eight members of 12 MiB each in one .tar.gz (a few hundred KB packed), with
// a byte budget of two members: at most the budget is held, not all eight.
TEST(MemoryBudget, BulkRunsHoldAtMostTheirByteBudgetInFlight) {
    auto dir = std::filesystem::temp_directory_path() / ("form4-budget-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto archive = dir / "blank.tar.gz";
    constexpr std::size_t member = 12 * mib;
    {
        std::string text = text_with_blank_lines(member);
        ASSERT_FALSE(text.empty());
        tar_writer tar(archive, true);
        for (int i = 0; i < 8; ++i) tar.add("blank" + std::to_string(i) + ".txt", text);
    }
    for (std::uint64_t budget : {2 * member}) {
        bulk::summary summary;
        auto peak = measure_peak_growth([] {}, [&] {
            bulk::options options;
            options.threads = 2;
            options.max_bytes_in_flight = budget;
            std::vector<std::filesystem::path> inputs{archive};
            summary = bulk::write_tables(inputs, dir / "out", options);
            EXPECT_EQ(summary.documents_converted, 8u) << bulk::describe(summary);
            EXPECT_TRUE(summary.ok());
        });
        ASSERT_TRUE(peak.measured);
        std::cout << "peak growth with a budget of " << budget << " bytes: " << peak.growth() << " bytes\n";
        // The budget (the members being parsed among them), the member being
        // unpacked, and a little for each parse (these pages' blank lines cost
        // next to nothing now). Measured: 42 MB; 92 MB with no byte budget.
        EXPECT_LT(peak.growth(), budget + member + 20 * mib + sanitizer_allowance)
            << "grew " << peak.growth() << " bytes";
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

// A member larger than the whole budget is not failed: it waits until
// nothing else is in flight and goes alone, on every run the same.
TEST(MemoryBudget, ADocumentLargerThanTheBudgetGoesAloneAndIsConverted) {
    auto inputs = std::vector<std::filesystem::path>{corpus_dir() / "xml" / "form3-5" / "0000899243-23-004992.xml"};
    auto dir = std::filesystem::temp_directory_path() / ("form4-alone-" + std::to_string(::getpid()));
    for (int run = 0; run < 2; ++run) {
        bulk::options options;
        options.threads = 2;
        options.max_bytes_in_flight = 1;   // every document is larger
        std::vector<std::filesystem::path> many(6, inputs.front());
        auto summary = bulk::write_tables(many, dir, options);
        EXPECT_EQ(summary.documents_converted, 6u) << bulk::describe(summary);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace form4::testing
