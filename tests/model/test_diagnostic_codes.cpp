// The registry of diagnostic codes (form4/diagnostic_codes.hpp) against what
// the sources emit, what parses of the corpus and of every regression input
// report, and docs/diagnostic-codes.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "form4/diagnostic_codes.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace {

namespace fs = std::filesystem;
using form4::testing::read_file;

const fs::path source_dir = FORM4_SOURCE_DIR;

TEST(DiagnosticCodes, SortedAndUnique) {
    for (std::size_t i = 1; i < form4::diagnostic_codes.size(); ++i)
        EXPECT_LT(form4::diagnostic_codes[i - 1].code, form4::diagnostic_codes[i].code);
    for (const auto& entry : form4::diagnostic_codes) EXPECT_FALSE(entry.meaning.empty()) << entry.code;
}

// Each code literal in the library, the grammars, the C ABI and the command
// ("xml.stray-lt", "io"), with the first place it is written.
std::map<std::string, std::string> codes_in_sources() {
    const std::regex literal(R"re("((?:xml|text|html|submission|limit|input|format)\.[a-z0-9-]+|io)")re");
    std::map<std::string, std::string> found;
    for (const char* dir : {"lib", "include", "capi/src", "examples"}) {
        for (const auto& entry : fs::recursive_directory_iterator(source_dir / dir)) {
            const auto extension = entry.path().extension();
            if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp" && extension != ".h")) continue;
            if (entry.path().filename() == "diagnostic_codes.hpp") continue;  // the registry itself
            // An include ("input.hpp") has the shape of a code: not scanned.
            static const std::regex include_line(R"re(#include "[^"\n]*")re");
            const std::string text = std::regex_replace(read_file(entry.path()), include_line, "");
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
                found.try_emplace((*it)[1], fs::relative(entry.path(), source_dir).string());
        }
    }
    return found;
}

TEST(DiagnosticCodes, EveryCodeInTheSourcesIsRegistered) {
    const auto found = codes_in_sources();
    ASSERT_GT(found.size(), 40u) << "the scan found too few codes to be looking in the right place";
    for (const auto& [code, where] : found)
        EXPECT_NE(form4::find_diagnostic_code(code), nullptr) << where << " emits \"" << code << "\", which "
                                                              << "include/form4/diagnostic_codes.hpp does not list";
}

// Every diagnostic a parse reports, strict and lenient, over the corpus and
// the fuzzers' regression inputs: registered, and as severe as registered.
TEST(DiagnosticCodes, EveryReportedCodeIsRegisteredWithItsSeverity) {
    std::vector<fs::path> inputs;
    for (const char* sub : {"xml", "text", "html", "submission"})
        for (const auto& entry : fs::recursive_directory_iterator(form4::testing::corpus_dir() / sub))
            if (entry.is_regular_file()) inputs.push_back(entry.path());
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / "tests" / "regressions"))
        if (entry.is_regular_file() && entry.path().extension() != ".md") inputs.push_back(entry.path());
    ASSERT_GT(inputs.size(), 400u);
    std::map<std::string, std::size_t> seen;
    for (const auto& path : inputs) {
        const std::string bytes = read_file(path);
        for (bool lenient : {false, true}) {
            form4::parse_options options;
            options.lenient = lenient;
            for (const auto& d : form4::parse(bytes, options).diagnostics) {
                ++seen[d.code];
                const auto* entry = form4::find_diagnostic_code(d.code);
                ASSERT_NE(entry, nullptr) << path << ": unregistered code " << d.code << ": " << d.message;
                EXPECT_TRUE(form4::agrees(*entry, d.level))
                    << path << (lenient ? " (lenient)" : " (strict)") << ": " << d.code << " reported as "
                    << form4::to_string(d.level) << ", registered as " << form4::to_string(entry->level);
            }
        }
    }
    EXPECT_GT(seen.size(), 5u);  // the corpus and regressions do report diagnostics
}

// docs/diagnostic-codes.md holds the registry's table, row for row.
std::string markdown_table() {
    std::string out = "| code | severity | meaning |\n|---|---|---|\n";
    for (const auto& entry : form4::diagnostic_codes)
        out += "| `" + std::string(entry.code) + "` | " + std::string(form4::to_string(entry.level)) + " | " +
               std::string(entry.meaning) + " |\n";
    return out;
}

TEST(DiagnosticCodes, DocsListTheRegistry) {
    const std::string docs = read_file(source_dir / "docs" / "diagnostic-codes.md");
    const std::string table = markdown_table();
    EXPECT_NE(docs.find(table), std::string::npos)
        << "docs/diagnostic-codes.md does not hold the registry's table; it should read:\n"
        << table;
}

}  // namespace
