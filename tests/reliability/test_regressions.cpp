// Every input a fuzz target ever crashed on (tests/regressions/<target>/),
// replayed through the same checks the fuzz target makes: strict, lenient
// and tight-limit parses, the parse_result contract, the JSON round trip,
// the data-set writer and lint. Inputs of the C ABI target go through
// form4::parse with format detection, which is what form4_parse calls.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../../fuzz/fuzz_support.hpp"
#include "reliability/reliability_support.hpp"
#include "support/corpus.hpp"

namespace {

namespace fs = std::filesystem;
using form4::input_format;

struct regression_input {
    fs::path path;
    input_format format;
};

input_format format_of_target(const std::string& target) {
    if (target == "xml") return input_format::xml;
    if (target == "text") return input_format::text;
    if (target == "html") return input_format::html;
    if (target == "submission") return input_format::submission;
    return input_format::automatic;  // capi: form4_parse detects the format
}

std::vector<regression_input> regression_inputs() {
    std::vector<regression_input> inputs;
    fs::path root = fs::path(FORM4_SOURCE_DIR) / "tests" / "regressions";
    for (const auto& target : fs::directory_iterator(root)) {
        if (!target.is_directory()) continue;
        for (const auto& file : fs::directory_iterator(target.path()))
            if (file.is_regular_file() && file.path().filename() != "README.md")
                inputs.push_back({file.path(), format_of_target(target.path().filename().string())});
    }
    std::sort(inputs.begin(), inputs.end(),
              [](const regression_input& a, const regression_input& b) { return a.path < b.path; });
    return inputs;
}

// gtest names a failing input by this rather than by its bytes.
void PrintTo(const regression_input& input, std::ostream* out) { *out << input.path.string(); }

class FuzzRegression : public ::testing::TestWithParam<regression_input> {};

// Each input in a child process with a deadline: a crash or a hang fails
// its own test and lets the others run.
constexpr double seconds_per_input = 60;

TEST_P(FuzzRegression, KeepsEveryPromise) {
    const regression_input& input = GetParam();
    std::string bytes = form4::testing::read_file(input.path);
    form4::testing::run_isolated(input.path.string(), seconds_per_input,
                                 [&](const form4::testing::step_reporter& steps) {
        steps.doing(input.path.string());
        form4::fuzzing::throw_on_broken_promise() = true;
        try {
            form4::fuzzing::exercise_input(bytes, input.format);
        } catch (const form4::fuzzing::broken_promise_error& error) {
            ADD_FAILURE() << input.path.string() << ": " << error.what();
        }
    });
}

std::string test_name(const ::testing::TestParamInfo<regression_input>& info) {
    std::string name = info.param.path.parent_path().filename().string() + "_" + info.param.path.stem().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Inputs, FuzzRegression, ::testing::ValuesIn(regression_inputs()), test_name);

}  // namespace
