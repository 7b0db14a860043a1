// Many threads parse different inputs through the C interface at once and
// get what one thread alone gets; one result read from many threads at
// once stays the same. (Run under -fsanitize=thread to check for races.)
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "capi/capi_test_support.hpp"
#include "support/corpus.hpp"

using namespace form4::capi_testing;

namespace {

// The document as JSON, or the status and first diagnostic when none came.
std::string summary_of(const std::string& bytes) {
    int status = 0;
    result_ptr result = parse_bytes(bytes, &status);
    if (status != FORM4_OK) return std::string("status ") + form4_status_name(status);
    const form4_document* doc = nullptr;
    if (form4_result_document(&doc, result.get()) != FORM4_OK) return "no document";
    char* json = nullptr;
    if (form4_document_to_json(&json, nullptr, doc, 0) != FORM4_OK) return "no json";
    string_ptr owned(json);
    return json;
}

}  // namespace

TEST(CapiThreads, ParallelParsesOfDifferentFilesMatchSerialOnes) {
    auto files = form4::testing::corpus_files("xml", ".xml");
    ASSERT_FALSE(files.empty());
    if (files.size() > 96) files.resize(96);
    std::vector<std::string> inputs, expected;
    for (const auto& path : files) {
        inputs.push_back(form4::testing::read_file(path));
        expected.push_back(summary_of(inputs.back()));
    }

    const unsigned thread_count = std::max(4u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> mismatches{0};
    std::atomic<std::size_t> parses{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            // Each thread walks the files from its own starting point, so
            // different threads parse different files at the same moment.
            for (std::size_t round = 0; round < 3; ++round)
                for (std::size_t k = 0; k < inputs.size(); ++k) {
                    const std::size_t i = (k + t * 13) % inputs.size();
                    if (summary_of(inputs[i]) != expected[i]) ++mismatches;
                    // A failing call on this thread leaves no trace on the others.
                    if (form4_parse(nullptr, nullptr, 0, nullptr) != FORM4_E_INVALID_ARGUMENT) ++mismatches;
                    ++parses;
                }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(mismatches.load(), 0u);
    EXPECT_EQ(parses.load(), thread_count * 3 * inputs.size());
}

TEST(CapiThreads, OneResultReadFromManyThreadsAtOnce) {
    const auto path = form4::testing::corpus_dir() / "xml" / "form4" / "0000320193-22-000061.xml";
    int status = 0;
    result_ptr result = parse_path(path.string(), &status);
    ASSERT_EQ(status, FORM4_OK);
    const form4_document* doc = nullptr;
    ASSERT_EQ(form4_result_document(&doc, result.get()), FORM4_OK);
    std::atomic<std::size_t> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                const form4_row* row = nullptr;
                form4_decimal shares{};
                if (form4_document_row(&row, doc, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, 0) != FORM4_OK ||
                    form4_row_decimal(&shares, row, FORM4_FIELD_SHARES) != FORM4_OK ||
                    std::string(shares.text) != "9136")
                    ++wrong;
                form4_dataset* dataset = nullptr;
                if (i % 100 == 0) {
                    if (form4_document_to_dataset(&dataset, doc, nullptr) != FORM4_OK) ++wrong;
                    form4_dataset_free(dataset);
                }
            }
        });
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wrong.load(), 0u);
}
