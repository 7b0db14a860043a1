#pragma once
// Helpers of the corpus tests: the corpus XML files as test parameters,
// table lookup by the SEC's name, and cell comparison (numbers by value).
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "form4/dataset.hpp"
#include "form4/model/decimal.hpp"
#include "support/corpus.hpp"

namespace form4::testing {

// Every ownership XML file of the corpus (xml/form4 and xml/form3-5).
inline const std::vector<std::filesystem::path>& corpus_xml_files() {
    static const std::vector<std::filesystem::path> files = [] {
        std::vector<std::filesystem::path> all;
        if (std::filesystem::exists(corpus_dir() / "xml")) all = corpus_files("xml", ".xml");
        return all;
    }();
    return files;
}

// A gtest-safe name for a test parameter: letters, digits and '_' only.
inline std::string test_name_of(const std::filesystem::path& file) {
    std::string name = file.parent_path().filename().string() + "_" + file.stem().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

struct corpus_file_name {
    std::string operator()(const ::testing::TestParamInfo<std::filesystem::path>& info) const {
        return test_name_of(info.param);
    }
};

inline std::optional<dataset::table> table_named(std::string_view name) {
    for (auto t : dataset::all_tables)
        if (dataset::name(t) == name) return t;
    return std::nullopt;
}

inline std::optional<std::size_t> column_index(dataset::table t, std::string_view column) {
    auto columns = dataset::columns(t);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == column) return i;
    return std::nullopt;
}

// The NUMBER columns of the data set: compared by value ("26.80" == "26.8").
inline bool is_number_column(std::string_view column) {
    static const std::set<std::string_view> numbers{
        "TRANS_SHARES",       "TRANS_PRICEPERSHARE", "TRANS_TOTAL_VALUE",  "SHRS_OWND_FOLWNG_TRANS",
        "VALU_OWND_FOLWNG_TRANS", "CONV_EXERCISE_PRICE", "UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_VALUE"};
    return numbers.count(column) != 0;
}

inline bool same_cell(std::string_view column, std::string_view expected, std::string_view actual) {
    if (expected == actual) return true;
    if (!is_number_column(column)) return false;
    auto a = decimal::parse(expected), b = decimal::parse(actual);
    return a && b && *a == *b;
}

}  // namespace form4::testing
