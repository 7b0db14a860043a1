// The 10 paired filings against the SEC's own rows (sec-datasets/*.paired.tsv),
// with the SEC's rounding. Numbers compare by value; *_SK (the SEC's own
// numbering) and the columns a loose XML file cannot tell are left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

#include "corpus/corpus_tables.hpp"
#include "form4/dataset_schema.hpp"
#include "form4/form4.hpp"

namespace form4::testing {
namespace {

const std::set<std::string, std::less<>> unknowable_columns{
    "FILING_DATE", "FILE_NUMBER", "CONTACT_NAME", "CONTACT_PHONE_NUMBER", "CONTACT_EMAIL_ADDRESS",
    "NOTIFICATION_EMAIL_ADDRESS"};

struct sec_table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// The SEC's files are tab separated with CSV-style quoting: a cell holding a
// quote is written in quotes, its quotes doubled ("" in the file is ").
sec_table read_tsv(const std::filesystem::path& path) {
    const std::string text = read_file(path);
    std::vector<std::vector<std::string>> lines(1);
    std::string cell;
    bool quoted = false, cell_started = false;
    auto end_cell = [&] {
        lines.back().push_back(std::move(cell));
        cell.clear();
        cell_started = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c != '"') cell += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
            else quoted = false;
        } else if (c == '"' && !cell_started) {
            quoted = cell_started = true;
        } else if (c == '\t') {
            end_cell();
        } else if (c == '\n') {
            end_cell();
            lines.emplace_back();
        } else if (c != '\r') {
            cell += c;
            cell_started = true;
        }
    }
    if (cell_started || !lines.back().empty()) end_cell();
    sec_table out;
    for (auto& line : lines) {
        if (line.empty() || (line.size() == 1 && line[0].empty())) continue;
        if (out.header.empty()) out.header = std::move(line);
        else out.rows.push_back(std::move(line));
    }
    return out;
}

std::vector<std::string> paired_accessions() {
    std::vector<std::string> accessions;
    std::ifstream in(corpus_dir() / "sec-datasets" / "PAIRED_ACCESSIONS.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line))
        if (!line.empty()) accessions.push_back(line.substr(0, line.find('\t')));
    return accessions;
}

TEST(SecPaired, OurRowsWithSecRoundingMatchTheSecsOwn) {
    auto accessions = paired_accessions();
    ASSERT_EQ(accessions.size(), 10U);

    // Our rows, one filing after the other, and where each filing's rows start.
    dataset::tables ours;
    dataset::key_counters keys;
    dataset::options sec_round{true};
    for (const auto& accession : accessions) {
        auto file = corpus_dir() / "xml" / "form4" / (accession + ".xml");
        parse_result parsed = parse(read_file(file));
        ASSERT_TRUE(parsed.ok()) << file;
        dataset::append(ours, *parsed.doc, accession, sec_round, keys);
    }

    std::size_t rows_compared = 0, tables_compared = 0;
    for (auto t : dataset::all_tables) {
        auto path = corpus_dir() / "sec-datasets" / ("2024q3_" + std::string(dataset::name(t)) + ".paired.tsv");
        if (!std::filesystem::exists(path)) continue;
        sec_table sec = read_tsv(path);
        ASSERT_FALSE(sec.header.empty()) << path;
        auto sec_key = std::find_if(sec.header.begin(), sec.header.end(),
                                    [](const std::string& c) { return c.ends_with("_SK"); });

        for (const auto& accession : accessions) {
            // The SEC's rows of this filing in document order (its surrogate keys grow with it).
            std::vector<std::vector<std::string>> theirs;
            for (const auto& r : sec.rows)
                if (r.at(0) == accession) theirs.push_back(r);
            if (sec_key != sec.header.end()) {
                auto k = static_cast<std::size_t>(sec_key - sec.header.begin());
                std::stable_sort(theirs.begin(), theirs.end(),
                                 [k](const auto& a, const auto& b) { return std::stoll(a.at(k)) < std::stoll(b.at(k)); });
            }
            std::vector<const dataset::row*> mine;
            for (const auto& r : ours[t])
                if (r.at(0) == accession) mine.push_back(&r);
            std::string where = accession + " " + std::string(dataset::name(t));
            ASSERT_EQ(mine.size(), theirs.size()) << where << ": row count";
            if (!theirs.empty()) ++tables_compared;

            for (std::size_t i = 0; i < theirs.size(); ++i) {
                ++rows_compared;
                for (std::size_t c = 0; c < sec.header.size(); ++c) {
                    const std::string& column = sec.header[c];
                    if (column.ends_with("_SK") || unknowable_columns.count(column)) continue;
                    auto index = column_index(t, column);
                    ASSERT_TRUE(index) << where << ": we have no column " << column;
                    std::string want = c < theirs[i].size() ? theirs[i][c] : std::string{};
                    EXPECT_TRUE(same_cell(column, want, mine[i]->at(*index)))
                        << where << " row " << i + 1 << " column " << column << ": SEC \"" << want << "\", ours \""
                        << mine[i]->at(*index) << "\"";
                }
            }
        }
    }
    // 10 SUBMISSION + 10 OWNER_SIGNATURE + 7 NONDERIV_HOLDING + 2 DERIV_TRANS filings with rows.
    EXPECT_EQ(tables_compared, 29U);
    EXPECT_EQ(rows_compared, 46U);
}

// The kinds of our columns, which follow from the model members' types, are
// the SEC's: its metadata (FORM_345_metadata.json) types dates as
// "date (DD-MON-YYYY)", numbers and surrogate keys as NUMBER, and the rest
// (flags "0"/"1" among them) as string.
TEST(SecPaired, EveryColumnHasTheTypeTheSecsMetadataGivesIt) {
    using tabular::column_type;
    const auto metadata = boost::json::parse(read_file(corpus_dir() / "sec-datasets" / "FORM_345_metadata.json"));
    std::map<std::string, std::map<std::string, std::string>> sec_types;   // table -> column -> base type
    for (const auto& t : metadata.at("tables").as_array()) {
        std::string file(t.at("url").as_string());
        auto& columns = sec_types[file.substr(0, file.find('.'))];
        for (const auto& c : t.at("tableSchema").at("columns").as_array())
            columns[std::string(c.at("name").as_string())] = std::string(c.at("datatype").at("base").as_string());
    }
    auto sec_type_of = [](column_type type) -> std::string {
        switch (type) {
            case column_type::date: return "date (DD-MON-YYYY)";
            case column_type::decimal:
            case column_type::integer: return "NUMBER";
            default: return "string";
        }
    };
    std::size_t compared = 0;
    for (auto t : dataset::all_tables) {
        const auto& schema = dataset::schema(t);
        ASSERT_TRUE(sec_types.count(schema.name)) << schema.name;
        const auto& sec_columns = sec_types[schema.name];
        for (const auto& column : schema.columns) {
            auto sec = sec_columns.find(column.name);
            if (sec == sec_columns.end()) continue;   // AFF10B5ONE (newer) and EQUITY_SWAP_TRANS_CD_FN
            EXPECT_EQ(sec_type_of(column.type), sec->second) << schema.name << "." << column.name;
            ++compared;
        }
    }
    // All 146 the metadata lists but DERIV_TRANS.EQUITY_SWAP_INVOLVED_FN, which the
    // published files (and we) call EQUITY_SWAP_TRANS_CD_FN.
    EXPECT_EQ(compared, 145u);
}

}  // namespace
}  // namespace form4::testing
