// form4_dataset_from_inputs and form4_dataset_to_json: many inputs in one
// call give the rows form4_document_to_dataset gives one by one, in input
// order, with surrogate keys numbered on across inputs, whatever the thread
// count; a bad input fails alone.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "capi/capi_test_support.hpp"
#include "support/corpus.hpp"

using namespace form4::capi_testing;

namespace {

const std::string sample_path = (form4::testing::corpus_dir() / "xml" / "form4" / "0000320193-22-000061.xml").string();
const std::string broken_path = (form4::testing::corpus_dir() / "xml" / "form4" / "0001225259-06-000003.xml").string();

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

form4_input bytes_input(const std::string& bytes) { return form4_input{bytes.data(), bytes.size(), nullptr, nullptr, 0}; }
form4_input path_input(const std::string& path) { return form4_input{nullptr, 0, path.c_str(), nullptr, 0}; }

std::string cell(const form4_dataset* dataset, int32_t table, std::size_t row, std::size_t column) {
    const char* text = nullptr;
    std::size_t length = 0;
    EXPECT_EQ(form4_dataset_cell(&text, &length, dataset, table, row, column), FORM4_OK) << form4_last_error_message();
    return std::string(text, length);
}

std::size_t rows(const form4_dataset* dataset, int32_t table) {
    std::size_t count = 0;
    EXPECT_EQ(form4_dataset_row_count(&count, dataset, table), FORM4_OK);
    return count;
}

bool is_key_column(int32_t table, std::size_t column) {
    const char* name = nullptr;
    std::size_t length = 0;
    form4_dataset_column_name(&name, &length, table, column);
    return view(name, length).ends_with("_SK");
}

bool is_accession_column(int32_t table, std::size_t column) {
    const char* name = nullptr;
    std::size_t length = 0;
    form4_dataset_column_name(&name, &length, table, column);
    return view(name, length) == "ACCESSION_NUMBER";
}

dataset_ptr one_document(const std::string& path) {
    int status = 0;
    result_ptr result = parse_path(path, &status);
    const form4_document* doc = nullptr;
    EXPECT_EQ(form4_result_document(&doc, result.get()), FORM4_OK);
    form4_dataset* dataset = nullptr;
    EXPECT_EQ(form4_document_to_dataset(&dataset, doc, nullptr), FORM4_OK);
    return dataset_ptr(dataset);
}

}  // namespace

TEST(CapiBulk, ManyInputsGiveTheRowsOfEachInOrderWithKeysRunningOn) {
    const std::string bytes = read(sample_path);
    const std::string missing_path = "/nonexistent/form4.xml";  // outlives the inputs that point into it
    const std::vector<form4_input> inputs{path_input(sample_path), path_input(broken_path), bytes_input(bytes),
                                          path_input(missing_path)};
    for (uint32_t threads : {1u, 3u, 0u}) {
        form4_dataset* raw = nullptr;
        std::size_t failed = 99;
        std::vector<int32_t> statuses(inputs.size(), 99);
        ASSERT_EQ(form4_dataset_from_inputs(&raw, &failed, statuses.data(), inputs.data(), inputs.size(), nullptr,
                                            nullptr, threads),
                  FORM4_OK)
            << form4_last_error_message();
        dataset_ptr together(raw);
        EXPECT_EQ(failed, 2u);
        EXPECT_EQ(statuses, (std::vector<int32_t>{FORM4_OK, FORM4_E_PARSE, FORM4_OK, FORM4_E_IO}));
        dataset_ptr alone = one_document(sample_path);
        for (int32_t table = 0; table < FORM4_DATASET_TABLE_COUNT; ++table) {
            const std::size_t per_document = rows(alone.get(), table);
            ASSERT_EQ(rows(together.get(), table), 2 * per_document) << table;
            std::size_t columns = 0;
            form4_dataset_column_count(&columns, table);
            for (std::size_t copy = 0; copy < 2; ++copy)
                for (std::size_t row = 0; row < per_document; ++row)
                    for (std::size_t column = 0; column < columns; ++column) {
                        const std::string got = cell(together.get(), table, copy * per_document + row, column);
                        const std::string want = cell(alone.get(), table, row, column);
                        if (copy == 0) {
                            EXPECT_EQ(got, want) << table << ' ' << row << ' ' << column;  // keys from 1 in both
                        } else if (is_accession_column(table, column)) {
                            EXPECT_EQ(got, "");  // bytes carry no file name to fall back on
                        } else if (is_key_column(table, column)) {
                            if (!want.empty()) {
                                EXPECT_NE(got, want);  // numbered on, not from 1 again
                            }
                        } else {
                            EXPECT_EQ(got, want) << table << ' ' << row << ' ' << column;
                        }
                    }
        }
    }
}

TEST(CapiBulk, JsonHoldsEveryTableAndExactCells) {
    std::string bytes = read(sample_path);
    const std::string remarks = "<remarks>tab\there \"q\" back\\slash\x01</remarks>";
    bytes.replace(bytes.find("<remarks></remarks>"), std::string("<remarks></remarks>").size(), remarks);
    const form4_input input = bytes_input(bytes);
    form4_dataset* raw = nullptr;
    form4_parse_options lenient = FORM4_PARSE_OPTIONS_INIT;
    lenient.lenient = 1;
    ASSERT_EQ(form4_dataset_from_inputs(&raw, nullptr, nullptr, &input, 1, &lenient, nullptr, 1), FORM4_OK);
    dataset_ptr dataset(raw);
    char* json = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(form4_dataset_to_json(&json, &length, dataset.get()), FORM4_OK);
    string_ptr owned(json);
    const std::string text(json, length);
    EXPECT_EQ(text.front(), '{');
    EXPECT_EQ(text.back(), '}');
    EXPECT_NE(text.find("\"SUBMISSION\":[{\"ACCESSION_NUMBER\":\"\""), std::string::npos) << text.substr(0, 200);
    EXPECT_NE(text.find("\"OWNER_SIGNATURE\":["), std::string::npos);
    EXPECT_NE(text.find("\"TRANS_CODE\":\"S\""), std::string::npos);
    // Whatever the XML parser kept of the remark, the JSON escapes it.
    EXPECT_EQ(text.find('\t'), std::string::npos);
    EXPECT_EQ(text.find('\x01'), std::string::npos);
}

TEST(CapiBulk, NoInputsGiveEmptyTables) {
    form4_dataset* raw = nullptr;
    std::size_t failed = 99;
    ASSERT_EQ(form4_dataset_from_inputs(&raw, &failed, nullptr, nullptr, 0, nullptr, nullptr, 0), FORM4_OK);
    dataset_ptr dataset(raw);
    EXPECT_EQ(failed, 0u);
    for (int32_t table = 0; table < FORM4_DATASET_TABLE_COUNT; ++table) EXPECT_EQ(rows(dataset.get(), table), 0u);
    const char* tsv = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(form4_dataset_tsv(&tsv, &length, dataset.get(), FORM4_DATASET_SUBMISSION), FORM4_OK);
    EXPECT_EQ(view(tsv, length).find("ACCESSION_NUMBER"), 0u);  // the header line only
}

TEST(CapiBulk, MisuseGivesStatusesNotCrashes) {
    const form4_input input = path_input(sample_path);
    form4_dataset* raw = reinterpret_cast<form4_dataset*>(&raw);
    EXPECT_EQ(form4_dataset_from_inputs(nullptr, nullptr, nullptr, &input, 1, nullptr, nullptr, 1),
              FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_dataset_from_inputs(&raw, nullptr, nullptr, nullptr, 1, nullptr, nullptr, 1),
              FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(raw, nullptr);
    form4_dataset_options options = FORM4_DATASET_OPTIONS_INIT;
    options.version = 99;
    EXPECT_EQ(form4_dataset_from_inputs(&raw, nullptr, nullptr, &input, 1, nullptr, &options, 1), FORM4_E_VERSION);
    const form4_input bad_fallback{nullptr, 0, sample_path.c_str(), nullptr, 5};
    EXPECT_EQ(form4_dataset_from_inputs(&raw, nullptr, nullptr, &bad_fallback, 1, nullptr, nullptr, 1),
              FORM4_E_INVALID_ARGUMENT);
    // Neither bytes nor a path: that input fails, the call does not.
    const form4_input neither{nullptr, 3, nullptr, nullptr, 0};
    int32_t status = 0;
    std::size_t failed = 0;
    ASSERT_EQ(form4_dataset_from_inputs(&raw, &failed, &status, &neither, 1, nullptr, nullptr, 1), FORM4_OK);
    dataset_ptr owned(raw);
    EXPECT_EQ(status, FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(failed, 1u);
    char* json = nullptr;
    EXPECT_EQ(form4_dataset_to_json(&json, nullptr, nullptr), FORM4_E_INVALID_ARGUMENT);
    EXPECT_EQ(form4_dataset_to_json(nullptr, nullptr, owned.get()), FORM4_E_INVALID_ARGUMENT);
}

// More inputs than the window of documents parsed ahead (64 at least), with
// failures among them: every thread count gives the same cells and statuses
// (the inputs are claimed one at a time, the rows appended in input order).
TEST(CapiBulk, ManyMoreInputsThanTheWindowGiveTheSameDataSetOnAnyThreadCount) {
    const std::string bytes = read(sample_path);
    const std::string broken = read(broken_path);
    std::vector<form4_input> inputs;
    for (int i = 0; i < 300; ++i) inputs.push_back(bytes_input(i % 7 == 3 ? broken : bytes));
    const auto convert = [&](uint32_t threads, std::vector<int32_t>& statuses) {
        form4_dataset* raw = nullptr;
        std::size_t failed = 0;
        statuses.assign(inputs.size(), 99);
        EXPECT_EQ(form4_dataset_from_inputs(&raw, &failed, statuses.data(), inputs.data(), inputs.size(), nullptr,
                                            nullptr, threads),
                  FORM4_OK)
            << form4_last_error_message();
        EXPECT_EQ(failed, 43u);
        dataset_ptr dataset(raw);
        char* json = nullptr;
        std::size_t length = 0;
        EXPECT_EQ(form4_dataset_to_json(&json, &length, dataset.get()), FORM4_OK);
        string_ptr owned(json);
        return std::string(json, length);
    };
    std::vector<int32_t> serial_statuses;
    const std::string serial = convert(1, serial_statuses);
    EXPECT_EQ(serial_statuses[3], FORM4_E_PARSE);
    EXPECT_EQ(serial_statuses[4], FORM4_OK);
    for (uint32_t threads : {2u, 3u, 8u, 0u}) {
        std::vector<int32_t> statuses;
        EXPECT_EQ(convert(threads, statuses), serial) << threads;
        EXPECT_EQ(statuses, serial_statuses) << threads;
    }
}

// The streams of the Python package: protocol 4, one frame holding the rest,
// ended by STOP, NUL-terminated; unknown flags refused.
TEST(CapiBulk, PickleStreamsAreOneFrameOfProtocolFour) {
    const auto check_stream = [](const char* stream, std::size_t length) {
        ASSERT_GE(length, 12u);
        EXPECT_EQ(static_cast<unsigned char>(stream[0]), 0x80u);  // PROTO
        EXPECT_EQ(stream[1], '\x04');
        EXPECT_EQ(static_cast<unsigned char>(stream[2]), 0x95u);  // FRAME
        std::uint64_t frame = 0;
        for (int b = 0; b < 8; ++b) frame |= static_cast<std::uint64_t>(static_cast<unsigned char>(stream[3 + b])) << (8 * b);
        EXPECT_EQ(frame, length - 11);
        EXPECT_EQ(stream[length - 1], '.');  // STOP
        EXPECT_EQ(stream[length], '\0');
    };
    char* stream = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(form4_pickle_shared_objects(&stream, &length), FORM4_OK);
    check_stream(stream, length);
    form4_string_free(stream);

    for (const std::string& path : {sample_path, broken_path}) {
        int status = 0;
        result_ptr result = parse_path(path, &status);
        for (uint32_t flags : {0u, static_cast<uint32_t>(FORM4_PICKLE_SHARED_IN_MEMO)}) {
            ASSERT_EQ(form4_result_to_pickle(&stream, &length, result.get(), flags), FORM4_OK) << path;
            check_stream(stream, length);
            form4_string_free(stream);
        }
    }
    dataset_ptr dataset = one_document(sample_path);
    ASSERT_EQ(form4_dataset_to_pickle(&stream, &length, dataset.get()), FORM4_OK);
    check_stream(stream, length);
    form4_string_free(stream);
}
