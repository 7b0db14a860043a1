// detect_format: every corpus file is taken for what its folder holds, and
// the search for tags agrees with the plain definition (lower-case the first
// 4 KiB after the BOM and white space, then look for the tag) on inputs built
// around its edges.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "form4/parse.hpp"
#include "support/corpus.hpp"

namespace form4 {
namespace {

TEST(DetectFormat, EveryCorpusFileIsTakenForWhatItsFolderHolds) {
    struct folder {
        std::string name, extension;
        input_format format;
    };
    const std::vector<folder> folders = {{"xml", ".xml", input_format::xml},
                                         {"submission", ".txt", input_format::submission},
                                         {"submission", ".nc", input_format::submission},
                                         {"text", ".txt", input_format::text},
                                         {"html", ".html", input_format::html}};
    std::size_t files = 0;
    for (const auto& [name, extension, format] : folders) {
        for (const auto& file : testing::corpus_files(name, extension)) {
            std::string bytes = testing::read_file(file);
            // Two of the text forms come in their EDGAR envelope, as filed in 1998 and 2000.
            bool enveloped = bytes.starts_with("<SEC-DOCUMENT>") || bytes.starts_with("-----BEGIN PRIVACY");
            EXPECT_EQ(detect_format(bytes), enveloped ? input_format::submission : format) << file;
            ++files;
        }
    }
    EXPECT_GT(files, 400u);
}

// The definition, written plainly.
input_format reference_detect(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\n' || bytes.front() == '\r' ||
                              bytes.front() == '\t' || bytes.front() == '\f' || bytes.front() == '\v'))
        bytes.remove_prefix(1);
    std::string lowered(bytes.substr(0, 4096));
    for (char& c : lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    std::string whole_head(bytes.substr(0, 32));
    for (char& c : whole_head)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    auto starts = [&](std::string_view prefix) { return std::string_view(whole_head).substr(0, prefix.size()) == prefix; };
    auto has = [&](std::string_view tag) { return lowered.find(tag) != std::string::npos; };
    if (starts("<sec-document>") || starts("<submission>") || starts("<ims-document>") ||
        starts("-----begin privacy") || starts("<sec-header>") || starts("<document>"))
        return input_format::submission;
    if (has("<edgarsubmission")) return input_format::submission;
    if (has("<ownershipdocument")) return input_format::xml;
    if (starts("<!doctype html") || starts("<html") || has("<html")) return input_format::html;
    if (starts("<?xml")) return input_format::xml;
    return input_format::text;
}

TEST(DetectFormat, TagsAreFoundInAnyCaseUpToTheEndOfTheWindow) {
    std::vector<std::string> inputs;
    for (std::string tag : {"<ownershipDocument>", "<OWNERSHIPDOCUMENT>", "<edgarSubmission>", "<HtMl>", "<html"}) {
        for (std::size_t before : {0, 1, 100, 4096 - 19, 4096 - 18, 4096 - 17, 4096 - 5, 4096 - 4, 4096, 5000}) {
            inputs.push_back(std::string(before, 'x') + tag + "\n</x>");
            inputs.push_back("<?xml version=\"1.0\"?>" + std::string(before, '<') + tag);
            inputs.push_back("\xEF\xBB\xBF \n\t" + std::string(before, ' ') + "<" + tag);
            inputs.push_back(std::string(before, 'x') + tag.substr(0, tag.size() - 2));
        }
    }
    inputs.push_back("");
    inputs.push_back("<");
    inputs.push_back("<?xml?><ownershipDocumen");
    inputs.push_back("<!DOCTYPE HTML><p>");
    inputs.push_back("<Submission>");
    for (const auto& input : inputs)
        EXPECT_EQ(detect_format(input), reference_detect(input)) << input.substr(0, 40) << "... (" << input.size() << ")";
}

}  // namespace
}  // namespace form4
