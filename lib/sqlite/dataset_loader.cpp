// The SEC data-set tables of filings into SQLite, as bulk conversion reads
// them (see form4/sqlite.hpp).
#include "form4/dataset_schema.hpp"
#include "form4/sqlite.hpp"

namespace form4::sqlite {
namespace {

std::vector<const tabular::schema*> stored_tables() {
    std::vector<const tabular::schema*> out;
    for (auto t : dataset::all_tables) out.push_back(&dataset::stored_schema(t));
    return out;
}

}  // namespace

dataset_loader::dataset_loader(const std::filesystem::path& file, options opts)
    : db_(file, stored_tables(), opts) {}

std::function<void(std::string_view, const dataset::tables&)> dataset_loader::hook() {
    return [this](std::string_view input, const dataset::tables& rows) {
        const auto& submission = rows[dataset::table::submission];
        std::string_view accession;
        if (!submission.empty() && !submission.front().empty()) accession = submission.front().front();
        if (accession.empty()) {
            refused_.push_back({std::string(input), "no accession number (neither in the filing nor in its file name): "
                                                    "its rows cannot be keyed"});
            return;
        }
        try {
            db_.replace(accession, rows.rows);
            ++written_;
        } catch (const std::invalid_argument& e) {
            refused_.push_back({std::string(input), e.what()});
        } catch (const error& e) {
            refused_.push_back({std::string(input), e.what()});
        }
    };
}

void dataset_loader::finish() { db_.commit(); }

load_summary load(std::span<const std::filesystem::path> inputs, const std::filesystem::path& file,
                  const bulk::options& opts, options sqlite_opts) {
    dataset_loader loader(file, sqlite_opts);
    bulk::options with_rows = opts;
    with_rows.on_rows = loader.hook();
    load_summary out;
    out.read = bulk::convert(inputs, [](dataset::table, std::string_view) {}, with_rows);
    loader.finish();
    out.filings_written = loader.filings_written();
    out.refused = loader.refused();
    return out;
}

}  // namespace form4::sqlite
