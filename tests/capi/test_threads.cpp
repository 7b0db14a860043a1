// Many threads parse different inputs through the C interface at once and
// get what one thread alone gets; one result read from many threads at
// once stays the same. (Run under -fsanitize=thread to check for races.)
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "capi/capi_test_support.hpp"
#include "support/corpus.hpp"

using namespace form4::capi_testing;

namespace {

// The row count of the four tables, "error" when no document came: from
// the C interface here, and from corpus/expected/ below.
std::string row_counts(const form4_document* doc) {
    std::string out;
    for (int32_t table : {FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, FORM4_TABLE_NON_DERIVATIVE_HOLDING,
                          FORM4_TABLE_DERIVATIVE_TRANSACTION, FORM4_TABLE_DERIVATIVE_HOLDING}) {
        size_t count = 0;
        if (form4_document_row_count(&count, doc, table) != FORM4_OK) return "no count";
        out += std::to_string(count) + " ";
    }
    return out;
}

// The same counts from corpus/expected/<stem>.json, an extraction made
// without form4: the expected values do not come from the code under test.
std::string independent_row_counts(const std::filesystem::path& file) {
    auto path = form4::testing::corpus_dir() / "expected" / (file.stem().string() + ".json");
    boost::json::value expected = boost::json::parse(form4::testing::read_file(path));
    if (expected.as_object().contains("error")) return "error";
    std::string out;
    for (const char* table : {"NONDERIV_TRANS", "NONDERIV_HOLDING", "DERIV_TRANS", "DERIV_HOLDING"})
        out += std::to_string(expected.at("tables").at(table).as_array().size()) + " ";
    return out;
}

// The row counts and the document as JSON, or "error" when none came.
std::string summary_of(const std::string& bytes) {
    int status = 0;
    result_ptr result = parse_bytes(bytes, &status);
    if (status != FORM4_OK) return "error";
    const form4_document* doc = nullptr;
    if (form4_result_document(&doc, result.get()) != FORM4_OK) return "no document";
    char* json = nullptr;
    if (form4_document_to_json(&json, nullptr, doc, 0) != FORM4_OK) return "no json";
    string_ptr owned(json);
    return row_counts(doc) + json;
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
        // One thread agrees with the independent extraction first; then all
        // threads must agree with the one.
        std::string independent = independent_row_counts(path);
        EXPECT_EQ(expected.back().substr(0, independent.size()), independent) << path.filename().string();
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
