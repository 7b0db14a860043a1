// Every XML filing of the corpus drawn in the current stylesheets' layout
// (render_current_text), read back, and compared on every field that layout
// shows: the 10b5-1 box and the country line included.
#include <gtest/gtest.h>

#include "document_compare.hpp"
#include "form4/parse.hpp"
#include "form4/render.hpp"
#include "support/corpus.hpp"

namespace {

using namespace form4::testing;

TEST(CurrentLayoutRoundTrip, EveryCorpusXmlFileRendersAndReadsBack) {
    std::size_t files = 0, failed = 0, ticked = 0;
    for (const auto& path : corpus_files("xml", ".xml")) {
        auto xml = form4::parse(read_file(path));
        if (!xml.ok()) continue;
        ++files;
        const form4::document& doc = *xml.doc;
        std::string text = form4::render_current_text(doc);
        form4::parse_options options;
        options.format = form4::input_format::text;
        auto back = form4::parse(text, options);
        if (!back.ok()) {
            ++failed;
            ADD_FAILURE() << path.filename() << ": does not read back: "
                          << (back.diagnostics.empty() ? "" : form4::format(back.diagnostics.front()));
            continue;
        }
        for (const auto& d : back.diagnostics)
            if (d.level != form4::severity::note) ADD_FAILURE() << path.filename() << ": " << form4::format(d);
        shown drawn;
        drawn.aff10b5_box = doc.type.text.empty() || doc.type.text[0] != '3';
        drawn.country = true;
        auto mismatches = compare(doc, *back.doc, damage::none, drawn);
        if (!mismatches.empty()) {
            ++failed;
            std::string all;
            for (std::size_t i = 0; i < mismatches.size() && i < 6; ++i) all += "\n  " + mismatches[i];
            ADD_FAILURE() << path.filename() << ":" << all;
        }
        if (doc.aff10b5_one.value_or(false) && back.doc->aff10b5_one == true) ++ticked;
    }
    EXPECT_GT(files, 380u);
    EXPECT_EQ(failed, 0u) << "of " << files << " files";
    EXPECT_GT(ticked, 0u) << "no filing with the 10b5-1 box ticked came back ticked";
}

}  // namespace
