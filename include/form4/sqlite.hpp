#pragma once
// SQLite: tables described by tabular::schema kept in one database file, each
// unit of rows (a filing: the rows that share its ACCESSION_NUMBER) replaced
// whole.
//
//  - Re-running on the same filings changes nothing: a filing read again
//    replaces its own rows (same keys, same values) and nothing else.
//  - A filing's replacement is one savepoint inside a transaction that
//    commits every `batch_size` filings: a run that is killed keeps every
//    committed filing whole and no part of the others (SQLite's journal).
//  - Cells are the data-set writers' text (tabular.hpp) stored by type, in
//    STRICT tables (no affinity converts a value): text as TEXT (NULL when
//    empty), dates as ISO 8601 TEXT ("2024-07-01"), flags and row numbers as
//    INTEGER, exact numbers in ANY columns: INTEGER when whole, REAL when
//    they have at most 15 significant digits (printing it with %.15g gives
//    the filed value back), and their exact TEXT otherwise. Never rounded.
//
//     form4::sqlite::load(inputs, "insiders.db", options);   // the eight data-set tables
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "form4/bulk.hpp"
#include "form4/tabular.hpp"

namespace form4::sqlite {

// What SQLite refused: its message, with the statement or file it was about.
struct error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct options {
    // Filings written per transaction: fewer commits (each one a sync of the
    // write-ahead log) against more work lost when a run is killed.
    std::size_t batch_size = 500;
};

using row = std::vector<std::string>;   // cells as text, in the schema's column order

class database {
public:
    // Opens FILE (creating it), in write-ahead-log mode with foreign keys
    // on, and creates the tables and indexes it lacks. The schemas must
    // outlive the database. Throws sqlite::error.
    database(const std::filesystem::path& file, std::vector<const tabular::schema*> tables, options opts = {});
    ~database();   // commits what is pending (errors then are lost: call commit() to see them)
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    // Replaces every row whose unit column holds `unit` in every table by
    // `rows[i]` for tables[i]. A row may leave out trailing cells that are
    // row numbers (numbers_rows columns are numbered here, from 1 within the
    // unit, whatever their cells say). Throws sqlite::error, or
    // std::invalid_argument for a cell its column cannot read; either way
    // nothing of this unit is changed.
    void replace(std::string_view unit, std::span<const std::vector<row>> rows);
    // Commits the filings replaced so far.
    void commit();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// The SEC data-set tables (dataset::stored_schema) of filings, written as
// bulk conversion reads them: plug `hook()` into bulk::options::on_rows.
class dataset_loader {
public:
    explicit dataset_loader(const std::filesystem::path& file, options opts = {});
    // Called with each converted filing's rows, in input order. A filing
    // with no accession number (neither in it nor in its file name) cannot
    // be keyed: it is refused, as is one SQLite refuses.
    std::function<void(std::string_view input, const dataset::tables& rows)> hook();
    // Commits; the filings written and those refused (input, reason).
    void finish();
    std::size_t filings_written() const noexcept { return written_; }
    const std::vector<bulk::failure>& refused() const noexcept { return refused_; }

private:
    database db_;
    std::size_t written_ = 0;
    std::vector<bulk::failure> refused_;
};

struct load_summary {
    bulk::summary read;                 // what bulk conversion read and converted
    std::size_t filings_written = 0;
    std::vector<bulk::failure> refused; // converted but not written
    bool ok() const noexcept { return read.ok() && refused.empty(); }
};

// Bulk conversion of `inputs` (files, directories, archives: bulk.hpp) into
// FILE's eight data-set tables.
load_summary load(std::span<const std::filesystem::path> inputs, const std::filesystem::path& file,
                  const bulk::options& opts = {}, options sqlite_opts = {});

}  // namespace form4::sqlite
