// The bulk API: inputs, archives, order and keys, failures, progress.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "bulk_support.hpp"
#include "tar_writer.hpp"

namespace bulk = form4::bulk;
namespace dataset = form4::dataset;
using form4::testing::corpus_dir;
using form4::testing::corpus_inputs;
using form4::testing::read_file;
using form4::testing::read_tables;
using form4::testing::tar_writer;
using form4::testing::temp_dir;

namespace {

bulk::options with_threads(unsigned threads) {
    bulk::options options;
    options.threads = threads;
    return options;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
        auto tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) return cells;
        start = tab + 1;
    }
}

std::size_t column_index(dataset::table t, std::string_view column) {
    auto columns = dataset::columns(t);
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
}

// The rows of `table` whose ACCESSION_NUMBER is `accession`, split into cells.
std::vector<std::vector<std::string>> rows_for(const std::string& table_text, const std::string& accession) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : lines_of(table_text)) {
        auto cells = cells_of(line);
        if (cells.at(0) == accession) rows.push_back(cells);
    }
    return rows;
}

std::size_t table_index(dataset::table t) { return static_cast<std::size_t>(t); }

}  // namespace

TEST(BulkInputs, AccessionNumbersComeFromFileAndMemberNames) {
    EXPECT_EQ(bulk::accession_from_name("0001062993-24-016587.xml"), "0001062993-24-016587");
    EXPECT_EQ(bulk::accession_from_name("feed/20240117/0000002488-24-000005.nc"), "0000002488-24-000005");
    EXPECT_EQ(bulk::accession_from_name("form4.xml"), "");
    EXPECT_EQ(bulk::accession_from_name("0001062993-24-01658.xml"), "");
    EXPECT_EQ(bulk::accession_from_name("000106299x-24-016587.xml"), "");
}

TEST(BulkInputs, ArchivesAreRecognisedByName) {
    EXPECT_TRUE(bulk::is_archive("20240117.nc.tar.gz"));
    EXPECT_TRUE(bulk::is_archive("a/B.TGZ"));
    EXPECT_TRUE(bulk::is_archive("x.tar"));
    EXPECT_FALSE(bulk::is_archive("x.xml"));
    EXPECT_FALSE(bulk::is_archive("x.gz"));
}

TEST(BulkInputs, DirectoriesExpandRecursivelySortedAndFiltered) {
    temp_dir dir("expand");
    std::filesystem::create_directories(dir.path() / "b" / "c");
    for (const char* name : {"b/c/z.xml", "b/a.nc", "a.txt", "notes.md", "b/feed.tar.gz"})
        std::ofstream(dir.path() / name) << "x";
    std::vector<std::filesystem::path> args{"first.xml", dir.path(), "last.xml"};
    auto expanded = bulk::expand_inputs(args);
    std::vector<std::filesystem::path> expected{"first.xml",
                                                dir.path() / "a.txt",
                                                dir.path() / "b/a.nc",
                                                dir.path() / "b/c/z.xml",
                                                dir.path() / "b/feed.tar.gz",
                                                "last.xml"};
    EXPECT_EQ(expanded, expected);
}

TEST(BulkInputs, PathListFromAStreamAndDashArgument) {
    std::istringstream list("  a.xml \n\n\tb.nc\r\n");
    EXPECT_EQ(bulk::read_path_list(list), (std::vector<std::filesystem::path>{"a.xml", "b.nc"}));
    std::istringstream stdin_list("x.xml\ny.xml\n");
    std::vector<std::filesystem::path> args{"first.xml", "-", "last.xml"};
    EXPECT_EQ(bulk::expand_arguments(args, stdin_list),
              (std::vector<std::filesystem::path>{"first.xml", "x.xml", "y.xml", "last.xml"}));
}

TEST(BulkInputs, PathListReadInBlocksKeepsLinesThatStraddleThem) {
    // Over 64 KiB, so that lines cross the blocks read_path_list reads in;
    // CRLF and LF, blank lines, padding, and no line end after the last.
    std::string text;
    std::vector<std::filesystem::path> expected;
    for (int i = 0; text.size() < 200'000; ++i) {
        std::string name = "dir/" + std::string(static_cast<std::size_t>(i % 37), 'x') + std::to_string(i) + ".xml";
        expected.emplace_back(name);
        text += (i % 3 == 0 ? "  " : "") + name + (i % 2 ? "\r\n" : "\n") + (i % 5 == 0 ? "\n \t\n" : "");
    }
    text += "last.xml";
    expected.emplace_back("last.xml");
    std::istringstream list(text);
    EXPECT_EQ(bulk::read_path_list(list), expected);
}

TEST(BulkInputs, ListArgumentsKeepsDirectoriesForTheConversionToExpand) {
    temp_dir dir("list");
    std::ofstream(dir.path() / "a.xml") << "x";
    std::istringstream stdin_list("x.xml\n");
    std::vector<std::filesystem::path> args{dir.path(), "-", "last.xml", "-"};
    EXPECT_EQ(bulk::list_arguments(args, stdin_list),
              (std::vector<std::filesystem::path>{dir.path(), "x.xml", "last.xml"}));
}

// The rows of `inputs` parsed one after another, appended in order to one
// set of tables with one key counter.
dataset::tables serial_rows(const std::vector<std::filesystem::path>& inputs) {
    dataset::tables rows;
    dataset::key_counters keys;
    for (const auto& file : inputs) {
        auto parsed = form4::parse(read_file(file));
        if (parsed.ok())
            dataset::append(rows, *parsed.doc, file.stem().string(), {}, keys);   // the name without extension, as Python
    }
    return rows;
}

// Rows and keys must be those of the simplest possible conversion: every
// document parsed in input order on one thread, its rows appended to one set
// of tables with one key counter, and each table written with to_tsv.
TEST(BulkTables, OutputIsThatOfOneSerialPassWhateverTheThreadsAndWindow) {
    auto inputs = corpus_inputs();
    dataset::tables rows = serial_rows(inputs);
    form4::testing::table_texts expected;
    for (auto t : dataset::all_tables) expected[table_index(t)] = dataset::to_tsv(rows[t]);
    ASSERT_GT(rows[dataset::table::non_derivative_transaction].size(), 100u);

    struct run {
        unsigned threads;
        std::size_t window;   // 0: the default
    };
    for (run r : {run{1, 0}, run{2, 0}, run{4, 0}, run{2, 1}, run{3, 2}, run{2, 100'000}}) {
        auto options = with_threads(r.threads);
        options.max_in_flight = r.window;
        options.skip_other_forms = false;
        form4::testing::table_texts got;
        auto summary = bulk::convert(
            inputs, [&](dataset::table t, std::string_view lines) { got[table_index(t)] += lines; }, options);
        EXPECT_EQ(summary.documents_read, inputs.size());
        for (auto t : dataset::all_tables) {
            EXPECT_EQ(summary.rows[table_index(t)], rows[t].size()) << dataset::name(t);
            EXPECT_EQ(got[table_index(t)], expected[table_index(t)])
                << dataset::name(t) << " with " << r.threads << " threads, window " << r.window;
        }
    }
}

// write_tables gathers each table's lines and writes them a chunk at a time:
// its files must hold every line, in order, across the chunks.
TEST(BulkTables, FilesHoldTheRowsOfOneSerialPassAcrossWriteChunks) {
    auto inputs = corpus_inputs();
    dataset::tables rows = serial_rows(inputs);
    temp_dir dir("chunks");
    auto options = with_threads(2);
    options.skip_other_forms = false;
    bulk::write_tables(inputs, dir.path(), options);
    auto files = read_tables(dir.path());
    std::string footnotes = dataset::to_tsv(rows[dataset::table::footnotes]);
    ASSERT_GT(footnotes.size(), std::size_t{3} << 18) << "several 256 KiB chunks of one table";
    for (auto t : dataset::all_tables)
        EXPECT_EQ(files[table_index(t)], dataset::tsv_header(t) + dataset::to_tsv(rows[t])) << dataset::name(t);
}

TEST(BulkTables, SpecialFilesAreReportedWithoutBlocking) {
    temp_dir dir("special");
    auto fifo = dir.path() / "0000000000-24-000001.xml";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);   // nothing will ever write to it
    std::vector<std::filesystem::path> inputs{fifo, corpus_dir() / "xml/form4/0000320193-22-000061.xml"};
    auto summary = bulk::convert(inputs, [](dataset::table, std::string_view) {}, with_threads(2));
    EXPECT_EQ(summary.documents_converted, 1u);
    ASSERT_EQ(summary.failures.size(), 1u);
    EXPECT_EQ(summary.failures[0].input, fifo.string());
    EXPECT_NE(summary.failures[0].reason.find("a FIFO with no writer"), std::string::npos) << summary.failures[0].reason;
}

TEST(BulkTables, TarballGivesTheSameTablesAsTheLooseFiles) {
    auto inputs = corpus_inputs();
    ASSERT_GT(inputs.size(), 400u);
    temp_dir dir("tarball");
    {
        tar_writer tar(dir.path() / "corpus.tar.gz", true);
        for (const auto& file : inputs) tar.add("corpus/" + file.filename().string(), read_file(file));
    }
    auto loose = bulk::write_tables(inputs, dir.path() / "loose", with_threads(2));
    std::vector<std::filesystem::path> archive{dir.path() / "corpus.tar.gz"};
    auto packed = bulk::write_tables(archive, dir.path() / "packed", with_threads(2));

    EXPECT_EQ(packed.documents_read, inputs.size());
    EXPECT_EQ(packed.documents_converted, loose.documents_converted);
    EXPECT_EQ(packed.documents_failed, loose.documents_failed);
    EXPECT_EQ(packed.rows, loose.rows);
    auto loose_tables = read_tables(dir.path() / "loose");
    auto packed_tables = read_tables(dir.path() / "packed");
    for (auto t : dataset::all_tables)
        EXPECT_EQ(packed_tables[table_index(t)], loose_tables[table_index(t)]) << dataset::name(t);
    EXPECT_GT(lines_of(loose_tables[table_index(dataset::table::submission)]).size(), 400u);
}

TEST(BulkTables, OutputIsByteIdenticalWhateverTheThreadCount) {
    auto inputs = corpus_inputs();
    temp_dir dir("threads");
    std::vector<form4::testing::table_texts> outputs;
    for (unsigned threads : {1u, 2u, 4u}) {
        auto out = dir.path() / ("t" + std::to_string(threads));
        auto options = with_threads(threads);
        options.max_in_flight = threads;   // the tightest window still works
        bulk::write_tables(inputs, out, options);
        outputs.push_back(read_tables(out));
    }
    for (auto t : dataset::all_tables) {
        EXPECT_EQ(outputs[1][table_index(t)], outputs[0][table_index(t)]) << dataset::name(t) << " 2 vs 1 thread";
        EXPECT_EQ(outputs[2][table_index(t)], outputs[0][table_index(t)]) << dataset::name(t) << " 4 vs 1 thread";
    }
}

TEST(BulkTables, EachFileHasAHeaderAndKeysRunOneToNInInputOrder) {
    auto inputs = corpus_inputs();
    temp_dir dir("keys");
    auto summary = bulk::write_tables(inputs, dir.path(), with_threads(2));
    auto tables = read_tables(dir.path());
    for (auto t : dataset::all_tables) {
        auto lines = lines_of(tables[table_index(t)]);
        ASSERT_FALSE(lines.empty()) << dataset::name(t);
        EXPECT_EQ(lines[0] + "\n", dataset::tsv_header(t));
        EXPECT_EQ(lines.size() - 1, summary.rows[table_index(t)]) << dataset::name(t);
    }
    auto t = dataset::table::non_derivative_transaction;
    auto key = column_index(t, "NONDERIV_TRANS_SK");
    auto lines = lines_of(tables[table_index(t)]);
    ASSERT_GT(lines.size(), 100u);
    for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(cells_of(lines[i]).at(key), std::to_string(i));
}

TEST(BulkTables, SubmissionsFillFilingDateAndFileNumber) {
    temp_dir dir("filing");
    std::vector<std::filesystem::path> inputs{corpus_dir() / "submission/0000320193-22-000061.txt",
                                              corpus_dir() / "xml/form4/0000320193-22-000061.xml"};
    auto summary = bulk::write_tables(inputs, dir.path(), with_threads(1));
    ASSERT_EQ(summary.documents_converted, 2u);
    auto tables = read_tables(dir.path());
    auto submissions = rows_for(tables[table_index(dataset::table::submission)], "0000320193-22-000061");
    ASSERT_EQ(submissions.size(), 2u);
    auto filing_date = column_index(dataset::table::submission, "FILING_DATE");
    EXPECT_EQ(submissions[0].at(filing_date), "06-MAY-2022");   // from the envelope
    EXPECT_EQ(submissions[1].at(filing_date), "");              // the loose XML does not say
    auto owners = rows_for(tables[table_index(dataset::table::reporting_owner)], "0000320193-22-000061");
    ASSERT_EQ(owners.size(), 2u);
    auto file_number = column_index(dataset::table::reporting_owner, "FILE_NUMBER");
    EXPECT_EQ(owners[0].at(file_number), "001-36743");
    EXPECT_EQ(owners[1].at(file_number), "");
}

// The name without its extension, as form4.tables and the C ABI take it
// (and as corpus/expected does): "form4.xml" gives "form4".
TEST(BulkTables, AccessionComesFromTheEnvelopeThenTheName) {
    temp_dir dir("accession");
    auto xml = read_file(corpus_dir() / "xml/form4/0000320193-22-000061.xml");
    auto submission = read_file(corpus_dir() / "submission/0001127602-25-004598.nc");
    std::ofstream(dir.path() / "form4.xml", std::ios::binary) << xml;
    std::ofstream(dir.path() / "renamed.nc", std::ios::binary) << submission;
    std::vector<std::filesystem::path> inputs{dir.path() / "renamed.nc", dir.path() / "form4.xml",
                                              corpus_dir() / "xml/form4/0000320193-22-000061.xml"};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", with_threads(2));
    ASSERT_EQ(summary.documents_converted, 3u);
    auto lines = lines_of(read_tables(dir.path() / "out")[table_index(dataset::table::submission)]);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(cells_of(lines[1]).at(0), "0001127602-25-004598");
    EXPECT_EQ(cells_of(lines[2]).at(0), "form4");
    EXPECT_EQ(cells_of(lines[3]).at(0), "0000320193-22-000061");
}

TEST(BulkTables, BadInputsAreReportedAndTheRunGoesOn) {
    temp_dir dir("failures");
    std::ofstream(dir.path() / "garbage.xml") << "<notAnOwnershipDocument/>";
    {
        // A truncated archive: its first member is still read.
        tar_writer tar(dir.path() / "whole.tar", false);
        tar.add("0000320193-22-000061.xml", read_file(corpus_dir() / "xml/form4/0000320193-22-000061.xml"));
        tar.add("0001127602-25-004598.nc", read_file(corpus_dir() / "submission/0001127602-25-004598.nc"));
    }
    auto whole = read_file(dir.path() / "whole.tar");
    auto second_member = whole.find("<SUBMISSION>");
    ASSERT_NE(second_member, std::string::npos);
    std::ofstream(dir.path() / "truncated.tar", std::ios::binary) << whole.substr(0, second_member + 100);
    std::vector<std::filesystem::path> inputs{
        corpus_dir() / "xml/form4/0001225259-06-000003.xml",   // not well-formed
        dir.path() / "missing.xml",
        dir.path() / "garbage.xml",
        corpus_dir() / "xml/form4/0000320193-22-000061.xml",
        dir.path() / "truncated.tar",
    };
    auto summary = bulk::write_tables(inputs, dir.path() / "out", with_threads(2));
    EXPECT_EQ(summary.documents_converted, 2u);
    ASSERT_EQ(summary.documents_failed, summary.failures.size());
    ASSERT_GE(summary.failures.size(), 4u);
    EXPECT_EQ(summary.failures[0].input, inputs[0].string());
    EXPECT_NE(summary.failures[0].reason.find("xml.malformed-end-tag"), std::string::npos);
    EXPECT_NE(summary.failures[0].reason.find("178:1"), std::string::npos);
    EXPECT_EQ(summary.failures[1].input, inputs[1].string());
    EXPECT_NE(summary.failures[1].reason.find("cannot open: No such file or directory"), std::string::npos)
        << summary.failures[1].reason;
    EXPECT_EQ(summary.failures[2].input, inputs[2].string());
    EXPECT_NE(summary.failures.back().reason.find("archive"), std::string::npos);
    EXPECT_FALSE(summary.ok());

    std::ostringstream listed;
    bulk::write_failures(summary, listed);
    auto lines = lines_of(listed.str());
    ASSERT_EQ(lines.size(), summary.failures.size());
    EXPECT_EQ(cells_of(lines[1]), (std::vector<std::string>{summary.failures[1].input, summary.failures[1].reason}));

    bulk::options lenient = with_threads(2);
    lenient.lenient = true;
    auto recovered = bulk::write_tables(inputs, dir.path() / "lenient", lenient);
    EXPECT_EQ(recovered.documents_converted, 3u);
    EXPECT_GE(recovered.documents_with_warnings, 1u);
}

TEST(BulkTables, SubmissionsOfOtherFormsAreSkippedNotFailed) {
    temp_dir dir("skip");
    std::string text = read_file(corpus_dir() / "submission/0000320193-22-000061.txt");
    auto at = text.find("CONFORMED SUBMISSION TYPE:\t4");
    text.replace(at, 28, "CONFORMED SUBMISSION TYPE:\t10-K");
    std::ofstream(dir.path() / "annual.txt", std::ios::binary) << text;
    std::vector<std::filesystem::path> inputs{dir.path() / "annual.txt"};
    auto skipped = bulk::write_tables(inputs, dir.path() / "out", with_threads(1));
    EXPECT_EQ(skipped.documents_skipped, 1u);
    EXPECT_EQ(skipped.documents_failed, 0u);
    bulk::options everything = with_threads(1);
    everything.skip_other_forms = false;
    auto parsed = bulk::write_tables(inputs, dir.path() / "out2", everything);
    EXPECT_EQ(parsed.documents_skipped, 0u);
    EXPECT_EQ(parsed.documents_converted, 1u);
}

TEST(BulkProgress, ReportsOnTheCallingThreadAndOnceFinished) {
    auto inputs = corpus_inputs();
    bulk::options options = with_threads(2);
    options.progress_interval = std::chrono::milliseconds(0);
    std::vector<bulk::progress> seen;
    auto caller = std::this_thread::get_id();
    bool other_thread = false;
    options.on_progress = [&](const bulk::progress& p) {
        if (std::this_thread::get_id() != caller) other_thread = true;
        seen.push_back(p);
    };
    std::size_t bytes_to_sink = 0;
    auto summary = bulk::convert(inputs, [&](dataset::table, std::string_view lines) { bytes_to_sink += lines.size(); },
                                 options);
    EXPECT_FALSE(other_thread);
    ASSERT_GE(seen.size(), 2u);
    EXPECT_TRUE(seen.back().finished);
    EXPECT_EQ(seen.back().documents_done, inputs.size());
    EXPECT_EQ(seen.back().documents_failed, summary.documents_failed);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].documents_done, seen[i - 1].documents_done);
    EXPECT_GT(bytes_to_sink, 0u);
    EXPECT_EQ(summary.documents_read, inputs.size());
    EXPECT_EQ(summary.documents_converted + summary.documents_failed, inputs.size());
    EXPECT_FALSE(bulk::describe(summary).empty());
}

TEST(BulkTables, OutputDirectoryThatCannotBeCreatedThrows) {
    temp_dir dir("unwritable");
    std::ofstream(dir.path() / "file") << "x";
    std::vector<std::filesystem::path> inputs{};
    EXPECT_ANY_THROW(bulk::write_tables(inputs, dir.path() / "file" / "sub", {}));
}

TEST(BulkTables, DailyFeedArchiveOfNcFilesSkipsOtherForms) {
    temp_dir dir("feed");
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / "submission"))
        if (entry.path().extension() == ".nc") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    ASSERT_EQ(names.size(), 3u);
    std::string other_form = read_file(corpus_dir() / "submission" / names[0]);
    other_form.replace(other_form.find("<TYPE>4"), 7, "<TYPE>8-K");
    {
        tar_writer tar(dir.path() / "20250213.nc.tar.gz", true);
        tar.add("0000000000-25-000001.nc", other_form);
        for (const auto& name : names) tar.add(name, read_file(corpus_dir() / "submission" / name));
    }
    std::vector<std::filesystem::path> inputs{dir.path() / "20250213.nc.tar.gz"};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", with_threads(2));
    EXPECT_EQ(summary.documents_read, 4u);
    EXPECT_EQ(summary.documents_skipped, 1u);
    EXPECT_EQ(summary.documents_converted, 3u);
    EXPECT_EQ(summary.documents_failed, 0u);
    auto lines = lines_of(read_tables(dir.path() / "out")[table_index(dataset::table::submission)]);
    ASSERT_EQ(lines.size(), 4u);
    auto filing_date = column_index(dataset::table::submission, "FILING_DATE");
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto cells = cells_of(lines[i + 1]);
        EXPECT_EQ(cells.at(0) + ".nc", names[i]);
        EXPECT_FALSE(cells.at(filing_date).empty()) << names[i];
    }
}

TEST(BulkProgress, DiagnosticsAreReportedPerDocumentInInputOrder) {
    temp_dir dir("diagnostics");
    std::vector<std::filesystem::path> inputs{
        corpus_dir() / "xml/form4/0000320193-22-000061.xml",   // clean: not reported
        dir.path() / "missing.xml",
        corpus_dir() / "xml/form4/0001225259-06-000003.xml",   // damaged: recovered with a warning
        corpus_dir() / "submission/0001225259-06-000003.txt",
    };
    bulk::options options = with_threads(4);
    options.lenient = true;
    std::vector<std::pair<std::string, std::string>> seen;   // input, first code
    options.on_diagnostics = [&](std::string_view input, const std::vector<form4::diagnostic>& found) {
        ASSERT_FALSE(found.empty());
        seen.emplace_back(std::string(input), found.front().code);
    };
    auto summary = bulk::convert(inputs, [](dataset::table, std::string_view) {}, options);
    EXPECT_EQ(summary.documents_converted, 3u);
    EXPECT_EQ(summary.documents_with_warnings, 2u);
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[0], std::make_pair(inputs[1].string(), std::string("io")));
    EXPECT_EQ(seen[1].first, inputs[2].string());
    EXPECT_EQ(seen[2].first, inputs[3].string());
    EXPECT_EQ(seen[1].second, seen[2].second);
}

TEST(BulkTables, ForcedFormatAppliesToEveryInput) {
    std::vector<std::filesystem::path> inputs{corpus_dir() / "submission/0000320193-22-000061.txt"};
    bulk::options as_xml = with_threads(1);
    as_xml.format = form4::input_format::xml;
    auto summary = bulk::convert(inputs, [](dataset::table, std::string_view) {}, as_xml);
    EXPECT_EQ(summary.documents_failed, 1u);
    as_xml.format = form4::input_format::submission;
    EXPECT_EQ(bulk::convert(inputs, [](dataset::table, std::string_view) {}, as_xml).documents_converted, 1u);
}
