// The batch readers on the engine at several threads give what one thread
// gives: the eight tables byte for byte, the activity rows, the C data set.
// In the Threads suite, so that ThreadSanitizer sees the engine with its real
// work (the reused text buffers, the file reading on the workers).
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "form4/activity.hpp"
#include "form4/bulk.hpp"
#include "support/corpus.hpp"

namespace form4::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_inputs() {
    return {corpus_dir() / "xml", corpus_dir() / "submission", corpus_dir() / "text"};
}

std::string tables_at(unsigned threads, bulk::summary& summary) {
    std::string out;
    bulk::options options;
    options.threads = threads;
    options.max_in_flight = 8;   // a small window: the producer waits, and wakes
    options.lenient = true;
    auto inputs = corpus_inputs();
    summary = bulk::convert(
        inputs,
        [&](dataset::table t, std::string_view lines) {
            out += dataset::name(t);
            out += lines;
        },
        options);
    return out;
}

TEST(Threads, BulkTablesAreTheSameAtEveryThreadCount) {
    bulk::summary one, three;
    std::string expected = tables_at(1, one);
    ASSERT_GT(one.documents_converted, 400u);
    EXPECT_EQ(tables_at(3, three), expected);
    EXPECT_EQ(three.documents_converted, one.documents_converted);
    EXPECT_EQ(three.documents_failed, one.documents_failed);
}

TEST(Threads, ActivityRowsAreTheSameAtEveryThreadCount) {
    activity::read_options options;
    options.lenient = true;
    options.threads = 1;
    auto inputs = corpus_inputs();
    auto one = activity::read(inputs, options);
    ASSERT_GT(one.rows.size(), 1000u);
    options.threads = 3;
    auto three = activity::read(inputs, options);
    ASSERT_EQ(three.rows.size(), one.rows.size());
    for (std::size_t i = 0; i < one.rows.size(); ++i)
        ASSERT_EQ(activity::cells(three.rows[i]), activity::cells(one.rows[i])) << "row " << i;
}

}  // namespace
}  // namespace form4::testing
