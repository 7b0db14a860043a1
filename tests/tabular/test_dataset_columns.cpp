// The data set's typed columns, filled straight from the model
// (dataset::typed_tables), hold on the whole corpus exactly what its text rows
// (the TSV cells) read back into typed columns hold: one reading of the model,
// two outputs that agree cell for cell.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "form4/dataset_schema.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace {

namespace ds = form4::dataset;
using form4::tabular::column_type;

std::vector<std::filesystem::path> every_corpus_input() {
    std::vector<std::filesystem::path> files;
    for (auto [sub, extension] : {std::pair{"xml", ".xml"}, {"submission", ".txt"}, {"submission", ".nc"},
                                  {"text", ".txt"}, {"html", ".html"}})
        for (auto& file : form4::testing::corpus_files(sub, extension)) files.push_back(std::move(file));
    return files;
}

// Row r of column c of both tables, compared as values; "" when equal.
std::string difference(const form4::tabular::table& from_text, const form4::tabular::table& typed, std::size_t c,
                       std::size_t r) {
    const auto& a = from_text.column(c);
    const auto& b = typed.column(c);
    if (a.valid[r] != b.valid[r]) return "present in one only";
    if (!a.valid[r]) return {};
    switch (from_text.description().columns[c].type) {
        case column_type::text: {
            auto x = a.dictionary.at(static_cast<std::size_t>(a.codes[r]));
            auto y = b.dictionary.at(static_cast<std::size_t>(b.codes[r]));
            return x == y ? "" : std::string(x) + " | " + std::string(y);
        }
        case column_type::integer:
            return a.integers[r] == b.integers[r] ? "" : std::to_string(a.integers[r]) + " | " + std::to_string(b.integers[r]);
        case column_type::decimal:   // the same mantissa and scale, not only the same value
            return a.integers[r] == b.integers[r] && a.scales[r] == b.scales[r] ? "" : "another decimal";
        case column_type::date:
            return a.days[r] == b.days[r] ? "" : std::to_string(a.days[r]) + " | " + std::to_string(b.days[r]);
        case column_type::flag: return a.flags[r] == b.flags[r] ? "" : "another flag";
    }
    return "unknown type";
}

void expect_the_same_columns(const ds::options& options) {
    const auto files = every_corpus_input();
    ASSERT_GT(files.size(), 380u) << form4::testing::corpus_dir();
    ds::typed_tables from_text, typed;
    ds::key_counters text_keys, typed_keys;
    std::size_t documents = 0;
    for (const auto& file : files) {
        form4::parse_options lenient;
        lenient.lenient = true;
        auto parsed = form4::parse(form4::testing::read_file(file), lenient);
        if (!parsed.doc) continue;
        ++documents;
        ds::tables rows;
        ds::append(rows, *parsed.doc, file.stem().string(), options, text_keys);
        for (auto t : ds::all_tables)
            for (const auto& row : rows[t]) from_text[t].append_row(row);
        ds::append(typed, *parsed.doc, file.stem().string(), options, typed_keys);
    }
    EXPECT_GT(documents, 380u);
    std::size_t cells = 0;
    for (auto t : ds::all_tables) {
        const auto& a = from_text[t];
        const auto& b = typed[t];
        ASSERT_EQ(a.rows(), b.rows()) << ds::name(t);
        for (std::size_t c = 0; c < a.description().columns.size(); ++c) {
            EXPECT_EQ(a.column(c).max_scale, b.column(c).max_scale);
            int shown = 0;
            for (std::size_t r = 0; r < a.rows(); ++r, ++cells) {
                auto why = difference(a, b, c, r);
                if (!why.empty() && ++shown <= 5)
                    ADD_FAILURE() << ds::name(t) << "." << a.description().columns[c].name << " row " << r << ": "
                                  << why;
            }
        }
    }
    EXPECT_GT(cells, 100'000u);
}

TEST(DatasetColumns, FromTheModelEqualTheTextRowsReadBackOnTheCorpus) { expect_the_same_columns({}); }

TEST(DatasetColumns, TheSameWithNumbersRoundedAsTheSecDoes) {
    ds::options rounded;
    rounded.sec_round = true;
    expect_the_same_columns(rounded);
}

TEST(DatasetColumns, AValueOfAnotherTypeIsRefusedAndABadTextRowLeavesNoRow) {
    ds::typed_tables tables;
    auto& trans = tables[ds::table::non_derivative_transaction];
    const auto& s = trans.description();
    trans.add_row();
    EXPECT_THROW(trans.set_date(s.index_of("TRANS_SHARES"), 1), std::logic_error);
    EXPECT_THROW(trans.set_text(s.index_of("TRANS_DATE"), "x"), std::logic_error);
    trans.set_date(s.index_of("TRANS_DATE"), 19727);
    EXPECT_EQ(trans.column(s.index_of("TRANS_DATE")).days.back(), 19727);

    std::vector<std::string> row(s.columns.size());
    row[s.index_of("TRANS_SHARES")] = "1,000";
    EXPECT_THROW(trans.append_row(row), std::invalid_argument);
    EXPECT_EQ(trans.rows(), 1u);
    for (std::size_t c = 0; c < s.columns.size(); ++c) EXPECT_EQ(trans.column(c).valid.size(), 1u);
}

}  // namespace
