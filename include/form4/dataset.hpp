#pragma once
// The SEC "Form 345 data set" tables: the rows one document yields, with the
// SEC's column names and formats (dates DD-MON-YYYY, booleans 1/0).
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "form4/model/document.hpp"

namespace form4::dataset {

enum class table {
    submission,
    reporting_owner,
    non_derivative_transaction,
    non_derivative_holding,
    derivative_transaction,
    derivative_holding,
    footnotes,
    owner_signature,
};
inline constexpr std::size_t table_count = 8;
inline constexpr std::array<table, table_count> all_tables{
    table::submission,        table::reporting_owner,        table::non_derivative_transaction,
    table::non_derivative_holding, table::derivative_transaction, table::derivative_holding,
    table::footnotes,         table::owner_signature};

// "SUBMISSION", "REPORTINGOWNER", ... as the SEC names its files.
std::string_view name(table) noexcept;
// The SEC's columns in the SEC's order, surrogate keys (*_SK) included.
// SUBMISSION ends with AFF10B5ONE (the X0508 Rule 10b5-1 flag), which the
// SEC's 2024 files do not have yet; CONTACT_* are in the SEC's metadata but
// not in a filing, so they stay empty.
std::span<const std::string_view> columns(table) noexcept;

struct options {
    // Round numbers to 2 places as the SEC's own files do (NUMBER(16,2));
    // by default numbers are exact, without exponent or trailing zeros.
    bool sec_round = false;
};

using row = std::vector<std::string>;   // one cell per column, "" when absent

struct tables {
    std::array<std::vector<row>, table_count> rows;
    std::vector<row>& operator[](table t) { return rows[static_cast<std::size_t>(t)]; }
    const std::vector<row>& operator[](table t) const { return rows[static_cast<std::size_t>(t)]; }
};

// Where `append` puts a document's rows, cell by cell: text rows (`tables`
// below) or typed columns (dataset_schema.hpp), both from the same reading of
// the model. start_row begins a row of table t with every cell absent; each
// other call fills one cell, named by its index in columns(t), with a value
// of that column's kind (dataset::schema(t) gives the kinds).
class row_sink {
public:
    virtual void start_row(table t) = 0;
    virtual void text(std::size_t column, std::string_view value) = 0;   // never ""
    virtual void flag(std::size_t column, bool value) = 0;
    virtual void day(std::size_t column, const date& value) = 0;          // never a special date
    virtual void number(std::size_t column, const decimal& value) = 0;    // rounded already (sec_round)
    virtual void row_number(std::size_t column, std::size_t value) = 0;   // *_SK

protected:
    ~row_sink() = default;
};

// Appends the rows of one document. ACCESSION_NUMBER is
// doc.filing.accession_number, or `accession_fallback` when that is empty.
// Surrogate keys are numbered from `next_key` on (per table, 1-based when
// the caller starts at 1) so that many documents can share one set of tables.
struct key_counters { std::array<std::size_t, table_count> next{1, 1, 1, 1, 1, 1, 1, 1}; };
void append(tables& out, const document& doc, std::string_view accession_fallback,
            const options& opts, key_counters& keys);
void append(row_sink& out, const document& doc, std::string_view accession_fallback,
            const options& opts, key_counters& keys);

// One table as TSV lines (no header), tab separated, "\n" ended; tabs and line
// breaks inside a cell become spaces.
std::string to_tsv(const std::vector<row>& rows);
std::string tsv_header(table);
// Appends one cell as to_tsv writes it, for writers that build their lines
// cell by cell (bulk conversion leaves the surrogate keys out to fill them in
// later).
void append_tsv_cell(std::string& out, std::string_view cell);

}  // namespace form4::dataset
