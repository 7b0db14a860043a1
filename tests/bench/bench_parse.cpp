// Throughput of each stage over the whole corpus held in memory, with
// pugixml's DOM parse of the same bytes as the reference ceiling. Figures are
// read as ratios between benchmarks of one run (scripts/bench.sh prints them).
#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <atomic>
#include <cstdlib>
#include <map>
#include <new>

#include "form4/dataset.hpp"
#include "form4/json.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

// Allocation counter: how many heap allocations a document costs.
static std::atomic<std::size_t> allocations{0};
void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

struct corpus {
    std::vector<std::string> files;
    std::size_t bytes = 0;
};

const corpus& load(const std::string& sub, const std::string& extension) {
    static std::map<std::string, corpus> cache;
    auto& c = cache[sub + extension];
    if (c.files.empty()) {
        for (const auto& path : form4::testing::corpus_files(sub, extension)) {
            c.files.push_back(form4::testing::read_file(path));
            c.bytes += c.files.back().size();
        }
    }
    return c;
}

const corpus& xml_corpus() { return load("xml", ".xml"); }

std::vector<form4::document> parsed_xml() {
    std::vector<form4::document> docs;
    form4::parse_options options;
    options.lenient = true;
    for (const auto& text : xml_corpus().files)
        if (auto r = form4::parse(text, options); r.ok()) docs.push_back(std::move(*r.doc));
    return docs;
}

void report(benchmark::State& state, std::size_t bytes, std::size_t documents, std::size_t allocs) {
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * documents));
    state.counters["allocs_per_doc"] =
        static_cast<double>(allocs) / static_cast<double>(state.iterations() * documents);
}

template <class Parse>
void parse_all(benchmark::State& state, const corpus& c, Parse parse) {
    if (c.files.empty()) {
        state.SkipWithError("no input files");
        return;
    }
    std::size_t before = allocations.load();
    for (auto _ : state)
        for (const auto& text : c.files) benchmark::DoNotOptimize(parse(text));
    report(state, c.bytes, c.files.size(), allocations.load() - before);
}

void BM_XmlToModel(benchmark::State& state) {
    parse_all(state, xml_corpus(), [](const std::string& text) {
        form4::parse_options options;
        options.format = form4::input_format::xml;
        options.lenient = true;
        return form4::parse(text, options).ok();
    });
}
BENCHMARK(BM_XmlToModel)->Unit(benchmark::kMillisecond);

// The same with every field's line and column recorded (for lint), to show what that costs.
void BM_XmlToModelWithPositions(benchmark::State& state) {
    parse_all(state, xml_corpus(), [](const std::string& text) {
        form4::parse_options options;
        options.format = form4::input_format::xml;
        options.lenient = true;
        options.record_positions = true;
        return form4::parse(text, options).ok();
    });
}
BENCHMARK(BM_XmlToModelWithPositions)->Unit(benchmark::kMillisecond);

void BM_PugixmlDom(benchmark::State& state) {
    parse_all(state, xml_corpus(), [](const std::string& text) {
        pugi::xml_document doc;
        return static_cast<bool>(doc.load_buffer(text.data(), text.size()));
    });
}
BENCHMARK(BM_PugixmlDom)->Unit(benchmark::kMillisecond);

// Copying every finished document: what owning the values costs (every
// string, vector and row allocated and filled), which any reader that builds
// this value-type model pays on top of reading the XML. Bytes are the XML's,
// so that its MB/s reads against the two above.
void BM_ModelCopy(benchmark::State& state) {
    auto docs = parsed_xml();
    std::size_t before = allocations.load();
    for (auto _ : state)
        for (const auto& d : docs) {
            form4::document copy = d;
            benchmark::DoNotOptimize(copy);
        }
    report(state, xml_corpus().bytes, docs.size(), allocations.load() - before);
}
BENCHMARK(BM_ModelCopy)->Unit(benchmark::kMillisecond);

void BM_TextToModel(benchmark::State& state) {
    parse_all(state, load("text", ".txt"), [](const std::string& text) {
        form4::parse_options options;
        options.format = form4::input_format::text;
        options.lenient = true;
        return form4::parse(text, options).ok();
    });
}
BENCHMARK(BM_TextToModel)->Unit(benchmark::kMillisecond);

void BM_SubmissionToModel(benchmark::State& state) {
    parse_all(state, load("submission", ".txt"), [](const std::string& text) {
        form4::parse_options options;
        options.format = form4::input_format::submission;
        options.lenient = true;
        return form4::parse(text, options).ok();
    });
}
BENCHMARK(BM_SubmissionToModel)->Unit(benchmark::kMillisecond);

void BM_ModelToJson(benchmark::State& state) {
    auto docs = parsed_xml();
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += form4::to_json(d).size();
    std::size_t before = allocations.load();
    for (auto _ : state)
        for (const auto& d : docs) benchmark::DoNotOptimize(form4::to_json(d));
    report(state, bytes, docs.size(), allocations.load() - before);
}
BENCHMARK(BM_ModelToJson)->Unit(benchmark::kMillisecond);

void BM_ModelToDatasetRows(benchmark::State& state) {
    auto docs = parsed_xml();
    std::size_t before = allocations.load();
    for (auto _ : state) {
        form4::dataset::tables tables;
        form4::dataset::key_counters keys;
        for (const auto& d : docs) form4::dataset::append(tables, d, "", {}, keys);
        benchmark::DoNotOptimize(tables);
    }
    report(state, 0, docs.size(), allocations.load() - before);
}
BENCHMARK(BM_ModelToDatasetRows)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
