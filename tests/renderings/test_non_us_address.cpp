// The country and the non-US state or territory, which only the 3_X07, 4_X09 and
// 5_X09 stylesheets draw. No corpus filing has a non-US address, so real filings
// are given one here (the owner's state replaced by the flag, a territory and a
// country, as the SEC's own samples in spec/xsd/sec-samples write them), drawn
// with each of those stylesheets, and read back: from the page whole; from lynx,
// exactly where it draws city, territory and postal code a line each (3_X07), and
// where it puts them on one line (4_X09, 5_X09) with the line kept whole and a
// warning (which word is which cannot be told), never cut by guess.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <unistd.h>

#include "form4/parse.hpp"
#include "support/corpus.hpp"
#include "support/diagnostics.hpp"
#include "render_support.hpp"
#include "text/document_compare.hpp"

namespace {

namespace fs = std::filesystem;
using namespace form4::testing;

// The filing with its (first) owner moved to Toronto.
std::string moved_abroad(std::string xml) {
    xml = std::regex_replace(xml, std::regex("<rptOwnerState>[^<]*</rptOwnerState>"), "");
    xml = std::regex_replace(xml, std::regex("<rptOwnerZipCode>[^<]*</rptOwnerZipCode>"), "<rptOwnerZipCode>M5V 2T6</rptOwnerZipCode>");
    return std::regex_replace(xml, std::regex("</reportingOwnerAddress>"),
                              "<rptOwnerNonUSAddressFlag>true</rptOwnerNonUSAddressFlag>"
                              "<rptOwnerNonUSStateTerritory>Ontario</rptOwnerNonUSStateTerritory>"
                              "<rptOwnerCountry>A6</rptOwnerCountry></reportingOwnerAddress>",
                              std::regex_constants::format_first_only);
}

TEST(NonUsAddress, ReadFromEveryStylesheetThatDrawsTheCountry) {
    if (!have("xsltproc") || !have("lynx")) GTEST_SKIP() << "xsltproc or lynx missing (scripts/setup.sh)";
    fs::path work = fs::temp_directory_path() / ("form4-non-us-" + std::to_string(::getpid()));
    copy_stylesheets(work);

    // One-owner filings of each form, a few each.
    const std::pair<const char*, const char*> sheets[] = {{"3", "3_X07"}, {"4", "4_X09"}, {"5", "5_X09"}};
    int pages = 0, lynx_cut = 0;
    for (const auto& [form, sheet] : sheets) {
        int taken = 0;
        for (const auto& path : corpus_files("xml", ".xml")) {
            if (taken == 4) break;
            std::string xml = read_file(path);
            if (xml.find("<documentType>" + std::string(form)) == std::string::npos) continue;
            if (xml.find("<reportingOwner>") != xml.rfind("<reportingOwner>")) continue;
            auto parsed = form4::parse(moved_abroad(xml));
            if (!parsed.ok()) continue;
            const form4::document& filing = *parsed.doc;
            ASSERT_EQ(filing.reporting_owners.size(), 1u);
            ASSERT_EQ(filing.reporting_owners[0].address.country, "A6") << path.filename();
            ++taken;
            ++pages;
            std::string name = path.stem().string();
            fs::path xml_file = work / (name + ".xml"), page = work / (name + ".html");
            std::ofstream(xml_file) << moved_abroad(xml);
            run("xsltproc --nonet '" + (work / (std::string(sheet) + ".xsl")).string() + "' '" + xml_file.string() +
                "' > '" + page.string() + "' 2>/dev/null");

            shown drawn{true, true, true};
            drawn.aff10b5_box = form[0] != '3';
            auto html = form4::parse(read_file(page));
            ASSERT_TRUE(html.ok()) << sheet << " " << name;
            for (const auto& m : compare(filing, *html.doc, damage::none, drawn)) ADD_FAILURE() << sheet << " " << name << ": " << m;
            const auto& a = html.doc->reporting_owners.at(0).address;
            EXPECT_EQ(a.country, "A6");
            EXPECT_EQ(a.non_us_state_territory, "Ontario");
            EXPECT_EQ(a.zip_code, "M5V 2T6");
            EXPECT_EQ(a.state, "");

            // lynx: "TORONTO Ontario M5V 2T6" on one line.
            form4::parse_options as_text;
            as_text.format = form4::input_format::text;
            as_text.lenient = true;
            auto lynx = form4::parse(run(lynx_dump + " '" + page.string() + "'"),
                                     as_text);
            ASSERT_TRUE(lynx.doc) << sheet << " " << name;
            // Read exactly where lynx draws the cells a line each (3_X07), else kept whole with a warning.
            const auto& b = lynx.doc->reporting_owners.at(0).address;
            EXPECT_EQ(b.country, "A6") << sheet << " " << name;
            bool warned = form4::testing::has_code(lynx, "text.ambiguous-address");
            if (b.non_us_state_territory.empty()) {
                EXPECT_TRUE(warned) << sheet << " " << name;
                EXPECT_EQ(b.zip_code, "") << "guessed from one line";
                EXPECT_EQ(b.city, a.city + " Ontario M5V 2T6") << sheet << " " << name;
            } else {
                ++lynx_cut;
                EXPECT_EQ(b.non_us_state_territory, "Ontario");
                EXPECT_EQ(b.zip_code, "M5V 2T6");
                EXPECT_EQ(b.city, a.city);
            }
        }
        EXPECT_GT(taken, 0) << "no one-owner Form " << form << " in the corpus";
    }
    fs::remove_all(work);
    EXPECT_GE(pages, 9);
    EXPECT_GT(lynx_cut, 0) << "no page where lynx draws the city, territory and postal code a line each";
}

}  // namespace
