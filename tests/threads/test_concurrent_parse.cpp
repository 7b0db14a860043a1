// The whole corpus parsed from several threads at once gives exactly what a
// single-threaded parse gives. Run under ThreadSanitizer by
// scripts/ci-sanitize.sh (FORM4_SANITIZE=thread): any shared mutable state in
// a front end, the writers or lint shows up as a data race there, and as a
// wrong result here.
#include <cstddef>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "form4/json.hpp"
#include "form4/lint.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace {

namespace fs = std::filesystem;
using namespace form4;

struct corpus_input {
    std::string name;
    std::string bytes;
};

// What one parse of one input gives, in a form that compares in one step.
struct outcome {
    parse_result result;
    std::string json;                    // to_json of the document, "" without one
    std::vector<lint_finding> findings;  // lint of the document
    bool operator==(const outcome& other) const {
        return result.doc == other.result.doc && result.diagnostics == other.result.diagnostics &&
               result.format == other.result.format && json == other.json && findings == other.findings;
    }
};

std::vector<corpus_input> whole_corpus() {
    std::vector<corpus_input> inputs;
    for (const char* sub : {"xml", "submission", "text", "html"})
        for (const auto& entry : fs::recursive_directory_iterator(form4::testing::corpus_dir() / sub))
            if (entry.is_regular_file())
                inputs.push_back({entry.path().filename().string(), form4::testing::read_file(entry.path())});
    return inputs;
}

outcome parse_once(const corpus_input& input, bool lenient) {
    parse_options options;  // format detection is part of what runs concurrently
    options.lenient = lenient;
    outcome out{parse(input.bytes, options), {}, {}};
    if (out.result.doc) {
        out.json = to_json(*out.result.doc);
        out.findings = lint(*out.result.doc);
    }
    return out;
}

constexpr unsigned thread_count = 4;
constexpr int rounds_per_thread = 2;

TEST(Threads, ConcurrentParsesOfTheWholeCorpusMatchASingleThreadedParse) {
    const std::vector<corpus_input> inputs = whole_corpus();
    ASSERT_GT(inputs.size(), 400u);

    std::vector<outcome> expected;
    for (const corpus_input& input : inputs)
        for (bool lenient : {false, true}) expected.push_back(parse_once(input, lenient));

    // Each thread starts at a different place in the corpus, so that
    // different inputs (and formats) are in flight at the same moment.
    std::vector<std::vector<std::string>> mismatches(thread_count);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < rounds_per_thread; ++round) {
                for (std::size_t k = 0; k < inputs.size(); ++k) {
                    std::size_t i = (k + t * inputs.size() / thread_count) % inputs.size();
                    for (bool lenient : {false, true}) {
                        if (!(parse_once(inputs[i], lenient) == expected[2 * i + (lenient ? 1 : 0)]))
                            mismatches[t].push_back(inputs[i].name + (lenient ? " (lenient)" : " (strict)"));
                    }
                }
            }
        });
    }
    for (std::thread& thread : threads) thread.join();

    for (unsigned t = 0; t < thread_count; ++t)
        for (const std::string& name : mismatches[t])
            ADD_FAILURE() << "thread " << t << ": " << name << " parsed differently than on one thread";
}

}  // namespace
