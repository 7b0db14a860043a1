// Every rendering of the corpus: each XML drawn with each of the SEC's own
// stylesheets that fits its form (scripts/render-corpus.sh runs xsltproc, then
// lynx, w3m, html2text and a browser's copy), read back by form4 and compared
// with the XML's own parse on every field the page shows (document_compare.hpp).
// The result is the table stylesheet x converter -> filings read back whole; it is
// printed, written to RENDERINGS.md in the build folder, and held to the floors below
// (what the readers achieve today: a change that loses a filing fails here).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "form4/parse.hpp"
#include "support/corpus.hpp"
#include "render_support.hpp"
#include "text/document_compare.hpp"

namespace {

namespace fs = std::filesystem;
using namespace form4::testing;

struct converter {
    std::string extension;   // of the file render-corpus.sh writes beside the page
    std::string name;        // the table's column
    form4::input_format format;
    bool ticks;              // shows a checkbox's tick (lynx and w3m draw "[X]" / "[ ]")
};

const std::vector<converter> converters = {
    {".html", "HTML", form4::input_format::html, true},
    {".browser", "browser copy", form4::input_format::text, false},
    {".lynx", "lynx -dump", form4::input_format::text, true},
    {".w3m", "w3m -dump", form4::input_format::text, true},
    {".md", "html2text", form4::input_format::text, false},
};

struct tally {
    int whole = 0, total = 0;
    int declared = 0;   // of the whole, those with rows the reader declared unsure
    std::vector<std::string> misses;   // "page: why", the first few
};

// What a page of `sheet` drawn by `c` shows of the newer fields.
shown drawn_by(const std::string& sheet, const converter& c) {
    shown s;
    s.aff10b5_box = sheet != "4_X06" && sheet != "5_X06" && sheet[0] != '3';
    s.country = sheet == "3_X07" || sheet == "4_X09" || sheet == "5_X09";
    s.ticks = c.ticks;
    return s;
}

// Why the page did not read back whole ("" when it did). `declared`: the reader said it
// could not place some marks or tell (A) from (D) in some row (compared as unknown there).
std::string miss(const form4::document& xml, const fs::path& page, const converter& c, const shown& s, bool& declared) {
    form4::parse_options options;
    options.format = c.format;
    options.record_positions = true;   // to find the rows the reader's warnings are about
    auto result = form4::parse(read_file(page), options);
    if (!result.ok()) {
        for (const auto& d : result.diagnostics)
            if (d.level == form4::severity::error) return form4::format(d);
        return "no document";
    }
    unknowns unknown = declared_unknowns(result);
    declared = !unknown.mark_rows.empty() || !unknown.direction_rows.empty();
    auto mismatches =
        compare(xml, *result.doc, c.format == form4::input_format::html ? damage::none : damage::ascii_marks, s, unknown);
    return mismatches.empty() ? std::string() : mismatches.front() + (mismatches.size() > 1 ? " (+" + std::to_string(mismatches.size() - 1) + " more)" : "");
}

// The floors: filings read back whole per stylesheet and converter, as measured
// (scripts/render-corpus.sh's sample: FORM4_EVERY 3, BROWSER_EVERY 8).
const std::map<std::pair<std::string, std::string>, int> floors = {
    {{"3_X06", "HTML"}, 25}, {{"3_X06", "browser copy"}, 4}, {{"3_X06", "lynx -dump"}, 24}, {{"3_X06", "w3m -dump"}, 25}, {{"3_X06", "html2text"}, 25},
    {{"3_X07", "HTML"}, 25}, {{"3_X07", "browser copy"}, 3}, {{"3_X07", "lynx -dump"}, 24}, {{"3_X07", "w3m -dump"}, 25}, {{"3_X07", "html2text"}, 25},
    {{"4_X06", "HTML"}, 357}, {{"4_X06", "browser copy"}, 15}, {{"4_X06", "lynx -dump"}, 120}, {{"4_X06", "w3m -dump"}, 120}, {{"4_X06", "html2text"}, 120},
    {{"4_X07", "HTML"}, 357}, {{"4_X07", "browser copy"}, 15}, {{"4_X07", "lynx -dump"}, 120}, {{"4_X07", "w3m -dump"}, 120}, {{"4_X07", "html2text"}, 120},
    {{"4_X08", "HTML"}, 357}, {{"4_X08", "browser copy"}, 15}, {{"4_X08", "lynx -dump"}, 120}, {{"4_X08", "w3m -dump"}, 120}, {{"4_X08", "html2text"}, 120},
    {{"4_X09", "HTML"}, 357}, {{"4_X09", "browser copy"}, 15}, {{"4_X09", "lynx -dump"}, 120}, {{"4_X09", "w3m -dump"}, 120}, {{"4_X09", "html2text"}, 120},
    {{"5_X06", "HTML"}, 3}, {{"5_X06", "lynx -dump"}, 3}, {{"5_X06", "w3m -dump"}, 3}, {{"5_X06", "html2text"}, 3},
    {{"5_X07", "HTML"}, 3}, {{"5_X07", "lynx -dump"}, 3}, {{"5_X07", "w3m -dump"}, 3}, {{"5_X07", "html2text"}, 3},
    {{"5_X08", "HTML"}, 3}, {{"5_X08", "browser copy"}, 1}, {{"5_X08", "lynx -dump"}, 3}, {{"5_X08", "w3m -dump"}, 3}, {{"5_X08", "html2text"}, 3},
    {{"5_X09", "HTML"}, 3}, {{"5_X09", "lynx -dump"}, 3}, {{"5_X09", "w3m -dump"}, 3}, {{"5_X09", "html2text"}, 3},
};

TEST(Renderings, EveryStylesheetAndConverterReadsBackTheXml) {
    if (!have("xsltproc") || !have("lynx") || !have("w3m")) GTEST_SKIP() << "xsltproc, lynx or w3m missing (scripts/setup.sh)";
    // FORM4_RENDERINGS_DIR: pages rendered before (by render-corpus.sh), for working on the readers.
    const char* rendered = std::getenv("FORM4_RENDERINGS_DIR");
    fs::path out = rendered ? fs::path(rendered) : fs::temp_directory_path() / ("form4-renderings-" + std::to_string(::getpid()));
    if (!rendered) {
        std::string command = std::string("\"") + FORM4_SOURCE_DIR + "/scripts/render-corpus.sh\" \"" + FORM4_SHARED_DIR +
                              "\" \"" + out.string() + "\" 3 8";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }

    // The XML of each page, by name.
    std::map<std::string, fs::path> xml_of;
    for (const char* list : {"form3.list", "form4.list", "form5.list"}) {
        std::ifstream in(out / list);
        for (std::string line; std::getline(in, line);) xml_of[fs::path(line).stem().string()] = line;
    }
    const bool all_misses = std::getenv("FORM4_RENDERINGS_ALL_MISSES") != nullptr;   // every miss, not the first 3
    std::map<std::string, std::optional<form4::document>> parsed;   // the XML's own reading, once each
    std::map<std::string, std::map<std::string, tally>> table;      // sheet -> converter -> tally
    std::set<std::string> sheets;
    // Pages read back whole where the 10b5-1 box is drawn ticked and the tick is read, and where
    // it is drawn but the converter hides the tick (then the reading must leave it unknown).
    int ticked_read = 0, tick_hidden = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        if (!entry.is_directory() || entry.path().filename() == "xsl") continue;
        std::string sheet = entry.path().filename().string();
        sheets.insert(sheet);
        std::vector<fs::path> pages;
        for (const auto& file : fs::directory_iterator(entry.path())) pages.push_back(file.path());
        std::sort(pages.begin(), pages.end());
        for (const auto& page : pages) {
            auto c = std::find_if(converters.begin(), converters.end(),
                                  [&](const converter& k) { return k.extension == page.extension().string(); });
            if (c == converters.end()) continue;
            std::string name = page.stem().string();
            auto& xml = parsed[name];
            if (!xml) {
                auto result = form4::parse_file(xml_of[name]);
                if (!result.ok()) continue;   // an XML that does not parse has nothing to compare with
                xml = std::move(*result.doc);
            }
            tally& t = table[sheet][c->name];
            ++t.total;
            bool declared = false;
            std::string why = miss(*xml, page, *c, drawn_by(sheet, *c), declared);
            if (why.empty() && declared) ++t.declared;
            shown drawn = drawn_by(sheet, *c);
            if (why.empty() && drawn.aff10b5_box && drawn.ticks && xml->aff10b5_one.value_or(false)) ++ticked_read;
            if (why.empty() && drawn.aff10b5_box && !drawn.ticks) ++tick_hidden;
            if (why.empty()) ++t.whole;
            else if (t.misses.size() < (all_misses ? 100000u : 3u)) t.misses.push_back(name + ": " + why);
        }
    }
    if (!rendered) fs::remove_all(out);

    std::string markdown = "| stylesheet |";
    for (const auto& c : converters) markdown += " " + c.name + " |";
    markdown += "\n|---|";
    for (std::size_t i = 0; i < converters.size(); ++i) markdown += "---|";
    markdown += "\n";
    std::string misses;
    for (const auto& sheet : sheets) {
        markdown += "| " + sheet + " |";
        for (const auto& c : converters) {
            const tally& t = table[sheet][c.name];
            markdown += t.total ? " " + std::to_string(t.whole) + "/" + std::to_string(t.total) + " |" : " - |";
            for (const auto& m : t.misses) misses += sheet + " " + c.name + ": " + m + "\n";
            if (t.declared)
                misses += sheet + " " + c.name + ": " + std::to_string(t.declared) +
                          " of the whole with marks or (A)/(D) the reader declared unknown\n";
            auto floor = floors.find({sheet, c.name});
            // Without chromium (scripts/setup.sh installs it) there is no browser column to hold.
            bool measured = t.total > 0 || c.extension != ".browser";
            int least = floor == floors.end() || !measured ? 0 : floor->second;
            EXPECT_GE(t.whole, least) << sheet << " / " << c.name << " lost filings";
        }
        markdown += "\n";
    }
    EXPECT_GT(ticked_read, 0) << "no page with a ticked 10b5-1 box was read back";
    EXPECT_GT(tick_hidden, 0) << "no page whose converter hides the 10b5-1 tick was read back";
    std::cout << markdown << "\nFirst misses:\n" << misses;
    std::cout << "10b5-1 box: " << ticked_read << " pages read with the box ticked; " << tick_hidden
              << " read with the tick hidden (left unknown)\n";
    std::ofstream("RENDERINGS.md") << markdown << "\nFirst misses:\n" << misses;
}

// The filings the sample above does not hold that missed once on the whole corpus (every page,
// every converter: README), drawn with 4_X09 and read back from lynx and w3m. What each holds:
// a title that says "(2)" in its text on a page whose marks are "^(2)"; an owner table whose
// "See Remarks" lynx puts under the Officer caption though it is the other text (the header's
// item 5 says which); a nature with a date in it ("dtd 4/15/2014, ...") run together with its row.
TEST(Renderings, PagesThatOnceMissedReadBackWhole) {
    if (!have("xsltproc") || !have("lynx") || !have("w3m")) GTEST_SKIP() << "xsltproc, lynx or w3m missing (scripts/setup.sh)";
    fs::path work = fs::temp_directory_path() / ("form4-once-missed-" + std::to_string(::getpid()));
    copy_stylesheets(work);
    int read_back = 0;
    for (const char* name : {"0000899243-21-019441", "0000899243-22-012864", "0001327811-25-000050"}) {
        fs::path xml_path = corpus_dir() / "xml" / "form4" / (std::string(name) + ".xml");
        auto xml = form4::parse_file(xml_path);
        ASSERT_TRUE(xml.ok()) << name;
        fs::path page = work / (std::string(name) + ".html");
        std::string render = "xsltproc --nonet '" + (work / "4_X09.xsl").string() + "' '" + xml_path.string() + "' > '" +
                             page.string() + "'";
        ASSERT_EQ(std::system(render.c_str()), 0) << render;
        for (const auto& c : converters) {
            if (c.extension != ".lynx" && c.extension != ".w3m") continue;
            fs::path text = work / (std::string(name) + c.extension);
            std::string command = (c.extension == ".lynx" ? lynx_dump : w3m_dump) + " '" + page.string() + "' > '" +
                                  text.string() + "'";
            ASSERT_EQ(std::system(command.c_str()), 0) << command;
            bool declared = false;
            EXPECT_EQ(miss(*xml.doc, text, c, drawn_by("4_X09", c), declared), "") << name << " " << c.name;
            ++read_back;
        }
    }
    EXPECT_EQ(read_back, 6);
    fs::remove_all(work);
}

}  // namespace
