// `tables` output is whole or clearly not: written under temporary names and
// renamed into place at the end of a run, never through a symlink, every I/O
// error with its reason; archives whose checksum fails, link members and
// odd member names are said, not passed over.
#include <archive.h>
#include <archive_entry.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "bulk/bulk_support.hpp"
#include "bulk/tar_writer.hpp"
#include "form4/bulk.hpp"
#include "reliability_support.hpp"

namespace form4::testing {
namespace {

namespace fs = std::filesystem;

void write_text(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::vector<fs::path> three_documents(const fs::path& dir) {
    std::vector<fs::path> inputs;
    for (int i = 0; i < 3; ++i) {
        inputs.push_back(dir / ("000000000" + std::to_string(i) + "-24-000001.xml"));
        write_text(inputs.back(), xml_skeleton{}.str());
    }
    return inputs;
}

TEST(TablesOutput, ASymlinkAtAnOutputNameIsReplacedNotFollowed) {
    temp_dir dir("symlink");
    auto outside = dir.path() / "outside.txt";
    write_text(outside, "precious\n");
    fs::create_directories(dir.path() / "out");
    fs::create_symlink(outside, dir.path() / "out" / "SUBMISSION.tsv");
    auto summary = bulk::write_tables(three_documents(dir.path()), dir.path() / "out", {});
    EXPECT_TRUE(summary.ok());
    EXPECT_EQ(read_file(outside), "precious\n");
    EXPECT_FALSE(fs::is_symlink(dir.path() / "out" / "SUBMISSION.tsv"));
    EXPECT_NE(read_file(dir.path() / "out" / "SUBMISSION.tsv").find("ACCESSION_NUMBER"), std::string::npos);
}

// A symlink planted at the temporary name is removed, not written through.
TEST(TablesOutput, ASymlinkAtATemporaryNameIsNotFollowed) {
    temp_dir dir("planted");
    auto outside = dir.path() / "outside.txt";
    write_text(outside, "precious\n");
    fs::create_directories(dir.path() / "out");
    fs::create_symlink(outside, dir.path() / "out" / (".FOOTNOTES.tsv.partial-" + std::to_string(::getpid())));
    EXPECT_TRUE(bulk::write_tables(three_documents(dir.path()), dir.path() / "out", {}).ok());
    EXPECT_EQ(read_file(outside), "precious\n");
}

// Killed in the middle (SIGKILL, as the OOM killer or a timeout would): the
// tables of the previous run stay as they were, whole, and the new ones
// exist only under their temporary names.
TEST(TablesOutput, AKilledRunLeavesThePreviousTablesWhole) {
    temp_dir dir("killed");
    auto inputs = three_documents(dir.path());
    auto out = dir.path() / "out";
    ASSERT_TRUE(bulk::write_tables(inputs, out, {}).ok());
    auto before = read_tables(out);
    std::vector<fs::path> many;
    for (int i = 0; i < 200; ++i) many.push_back(inputs[static_cast<std::size_t>(i % 3)]);
    run_isolated("killed run", 60, [&](const step_reporter&) {
        pid_t self = ::getpid();
        if (::fork() == 0) {
            bulk::options options;
            options.threads = 1;
            options.progress_interval = std::chrono::milliseconds(0);
            options.on_progress = [](const bulk::progress& p) {
                if (p.documents_done >= 50) ::raise(SIGKILL);
            };
            bulk::write_tables(many, out, options);
            ::_exit(0);
        }
        int status = 0;
        ::wait(&status);
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
        (void)self;
    });
    EXPECT_EQ(read_tables(out), before);
    std::size_t partial = 0;
    for (const auto& entry : fs::directory_iterator(out))
        partial += entry.path().filename().string().find(".partial-") != std::string::npos;
    EXPECT_EQ(partial, dataset::table_count);
}

std::string manifest_line(dataset::table t, std::size_t rows, std::uintmax_t bytes) {
    std::string name(dataset::name(t));
    return name + '\t' + name + ".tsv\t" + std::to_string(rows) + '\t' + std::to_string(bytes) + '\n';
}

// The manifest, written last, lists each table with the rows the run wrote
// and the bytes of its file.
TEST(TablesOutput, TheManifestListsEachTablesRowsAndBytes) {
    temp_dir dir("manifest");
    auto out = dir.path() / "out";
    auto summary = bulk::write_tables(three_documents(dir.path()), out, {});
    ASSERT_TRUE(summary.ok());
    std::string expected = "TABLE\tFILE\tROWS\tBYTES\n";
    for (auto t : dataset::all_tables)
        expected += manifest_line(t, summary.rows[static_cast<std::size_t>(t)],
                                  fs::file_size(out / (std::string(dataset::name(t)) + ".tsv")));
    EXPECT_EQ(read_file(out / std::string(bulk::manifest_name)), expected);
    EXPECT_EQ(summary.rows[static_cast<std::size_t>(dataset::table::submission)], 3u);
}

// A run stopped between two of its eight renames (here: a directory sits at
// one table's name, so its rename fails) leaves tables of two runs side by
// side, and no manifest to vouch for them.
TEST(TablesOutput, TablesOfTwoRunsAreLeftWithoutAManifest) {
    temp_dir dir("mixed");
    auto inputs = three_documents(dir.path());
    auto out = dir.path() / "out";
    ASSERT_TRUE(bulk::write_tables(inputs, out, {}).ok());
    ASSERT_TRUE(fs::exists(out / std::string(bulk::manifest_name)));
    auto last = dataset::all_tables.back();
    auto blocked = out / (std::string(dataset::name(last)) + ".tsv");
    fs::remove(blocked);
    fs::create_directories(blocked / "in-the-way");
    std::vector<fs::path> more(inputs.begin(), inputs.begin() + 1);
    EXPECT_THROW(bulk::write_tables(more, out, {}), std::exception);
    EXPECT_FALSE(fs::exists(out / std::string(bulk::manifest_name)));
    // The first table was renamed into place: it holds the second run's one document.
    auto first = read_file(out / (std::string(dataset::name(dataset::all_tables.front())) + ".tsv"));
    EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 2);
}

// A full disk (here: the file size limit, which fails write() with EFBIG):
// the error names the file and the reason, and no table is left cut short
// under its final name.
TEST(TablesOutput, AFailedWriteSaysWhyAndLeavesNoCutTable) {
    temp_dir dir("full");
    auto inputs = three_documents(dir.path());
    std::vector<fs::path> many;
    for (int i = 0; i < 3000; ++i) many.push_back(inputs[static_cast<std::size_t>(i % 3)]);
    auto out = dir.path() / "out";
    run_isolated("write past the file size limit", 120, [&](const step_reporter&) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{256 * 1024, 256 * 1024};
        ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limit), 0);
        try {
            bulk::write_tables(many, out, {});
            ADD_FAILURE() << "no error";
        } catch (const std::exception& error) {
            std::string what = error.what();
            EXPECT_NE(what.find("File too large"), std::string::npos) << what;
            EXPECT_NE(what.find(".tsv"), std::string::npos) << what;
        }
    });
    for (auto t : dataset::all_tables) EXPECT_FALSE(fs::exists(out / (std::string(dataset::name(t)) + ".tsv")));
}

// gzip -t rejects the archive (its CRC is wrong): the run says so.
TEST(TablesOutput, AnArchiveWithABadGzipChecksumIsAFailure) {
    temp_dir dir("crc");
    auto archive = dir.path() / "feed.tar.gz";
    {
        tar_writer tar(archive, true);
        tar.add("0000000001-24-000001.xml", xml_skeleton{}.str());
    }
    std::string bytes = read_file(archive);
    ASSERT_GT(bytes.size(), 8u);
    bytes[bytes.size() - 8] = static_cast<char>(bytes[bytes.size() - 8] ^ 0x55);   // the CRC-32 in the trailer
    write_text(archive, bytes);
    std::vector<fs::path> inputs{archive};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", {});
    EXPECT_FALSE(summary.ok());
    ASSERT_EQ(summary.failures.size(), 1u);
    EXPECT_NE(summary.failures[0].reason.find("gzip"), std::string::npos) << summary.failures[0].reason;
}

TEST(TablesOutput, AnIntactArchiveConvertsWithoutFailure) {
    temp_dir dir("intact");
    auto archive = dir.path() / "feed.tar.gz";
    {
        tar_writer tar(archive, true);
        tar.add("0000000001-24-000001.xml", xml_skeleton{}.str());
    }
    std::vector<fs::path> inputs{archive};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", {});
    EXPECT_TRUE(summary.ok()) << bulk::describe(summary);
    EXPECT_EQ(summary.documents_converted, 1u);
}

// Link and device members hold no filing of their own; each is reported.
TEST(TablesOutput, LinkAndDeviceMembersAreReportedNotSkippedInSilence) {
    temp_dir dir("links");
    auto path = dir.path() / "links.tar";
    {
        archive* a = archive_write_new();
        archive_write_set_format_pax_restricted(a);
        ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
        auto add = [&](const char* name, unsigned type, const char* symlink, const char* hardlink) {
            archive_entry* e = archive_entry_new();
            archive_entry_set_pathname(e, name);
            archive_entry_set_filetype(e, type);
            archive_entry_set_perm(e, 0644);
            archive_entry_set_size(e, 0);
            if (symlink) archive_entry_set_symlink(e, symlink);
            if (hardlink) archive_entry_set_hardlink(e, hardlink);
            archive_write_header(a, e);
            archive_entry_free(e);
        };
        add("soft.xml", AE_IFLNK, "/etc/passwd", nullptr);
        add("hard.xml", AE_IFREG, nullptr, "soft.xml");
        add("device.xml", AE_IFCHR, nullptr, nullptr);
        archive_write_close(a);
        archive_write_free(a);
    }
    std::vector<fs::path> inputs{path};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", {});
    ASSERT_EQ(summary.failures.size(), 3u) << bulk::describe(summary);
    EXPECT_NE(summary.failures[0].reason.find("symbolic link"), std::string::npos) << summary.failures[0].reason;
    EXPECT_NE(summary.failures[1].reason.find("hard link"), std::string::npos) << summary.failures[1].reason;
    EXPECT_NE(summary.failures[2].reason.find("device"), std::string::npos) << summary.failures[2].reason;
}

// A member name with a line end or ESC stays on its one line of --errors.
TEST(TablesOutput, FailureNamesAreEscapedOntoOneLine) {
    temp_dir dir("names");
    auto archive = dir.path() / "odd.tar";
    {
        tar_writer tar(archive, false);
        tar.add("bad\nname\x1b[31m.xml", "not a filing");
    }
    std::vector<fs::path> inputs{archive};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", {});
    ASSERT_EQ(summary.failures.size(), 1u);
    std::ostringstream listed;
    bulk::write_failures(summary, listed);
    std::string text = listed.str();
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
    EXPECT_NE(text.find("bad\\nname\\x1B[31m.xml"), std::string::npos) << text;
}

// Warnings reach the user of `tables`: counted, and listed with the errors.
TEST(TablesOutput, WarningsAreCountedAndListedWithTheErrors) {
    temp_dir dir("warnings");
    xml_skeleton doc;
    doc.extra_elements = "<transactionShare>472</transactionShare>";
    auto input = dir.path() / "0000000001-24-000001.xml";
    write_text(input, doc.str());
    std::vector<fs::path> inputs{input};
    auto summary = bulk::write_tables(inputs, dir.path() / "out", {});
    EXPECT_TRUE(summary.ok());
    EXPECT_EQ(summary.documents_with_warnings, 1u);
    ASSERT_EQ(summary.warnings.size(), 1u);
    EXPECT_NE(summary.warnings[0].reason.find("warning: skipped unknown element <transactionShare>"), std::string::npos)
        << summary.warnings[0].reason;
    EXPECT_NE(bulk::describe(summary).find("1 with warnings"), std::string::npos) << bulk::describe(summary);
    auto listed = dir.path() / "errors.tsv";
    bulk::write_failures(summary, listed);
    EXPECT_NE(read_file(listed).find("transactionShare"), std::string::npos);
}

// A loose file without an accession number: its name without the extension
// fills ACCESSION_NUMBER, as form4.tables (Python, the C ABI) does.
TEST(TablesOutput, ALooseFileNameFillsTheAccessionNumberAsPythonDoes) {
    temp_dir dir("accession");
    auto input = dir.path() / "crlf.xml";
    write_text(input, xml_skeleton{}.str());
    std::vector<fs::path> inputs{input};
    ASSERT_TRUE(bulk::write_tables(inputs, dir.path() / "out", {}).ok());
    std::string submission = read_file(dir.path() / "out" / "SUBMISSION.tsv");
    auto second_line = submission.substr(submission.find('\n') + 1);
    EXPECT_EQ(second_line.substr(0, 5), "crlf\t") << submission;
}

}  // namespace
}  // namespace form4::testing
