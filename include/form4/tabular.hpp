#pragma once
// Tables described as a list of named, typed columns, and a column store that
// holds their rows: what the columnar export (Arrow, for pandas) and the
// SQLite writer take, for the SEC data-set tables or any other table.
//
// Rows arrive either as typed values, cell by cell (add_row, then set_*), or as
// the text the data-set writers make (dataset.hpp): dates DD-MON-YYYY, numbers
// exact without exponent, flags "1"/"0", "" when absent. A column's type says
// how that text is read; an absent cell is null.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "form4/model/decimal.hpp"

namespace form4::tabular {

enum class column_type : std::uint8_t {
    text,      // UTF-8 text
    integer,   // a 64-bit integer
    decimal,   // an exact decimal (form4::decimal)
    date,      // a calendar date
    flag,      // true or false
};

struct column {
    std::string name;
    column_type type = column_type::text;
    // The row's 1-based number among the rows written together, not a value
    // of its own (the data set's *_SK): across a whole batch in frames and in
    // the TSV files, within its filing in SQLite (so that it is the same on
    // every run).
    bool numbers_rows = false;
};

struct foreign_key {
    std::vector<std::string> columns;
    std::string table;
    std::vector<std::string> references;
};

struct schema {
    std::string name;
    std::vector<column> columns;
    std::vector<std::string> primary_key;
    std::vector<foreign_key> foreign_keys;
    std::vector<std::vector<std::string>> indexes;   // besides the primary key
    // The column whose value says which filing (or other unit replaced
    // whole) a row belongs to: ACCESSION_NUMBER for the data set.
    std::string unit_column;

    std::size_t index_of(std::string_view column_name) const;   // npos when absent
};

// ---- reading cell text ------------------------------------------------------

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int32_t days_from_civil(int year, unsigned month, unsigned day) noexcept;
// Days since 1970-01-01 of "DD-MON-YYYY" ("05-JAN-2024"); nullopt for anything else.
std::optional<std::int32_t> days_of_cell(std::string_view cell) noexcept;
// "YYYY-MM-DD" of days since 1970-01-01.
std::string iso_date(std::int32_t days);
std::optional<bool> flag_of_cell(std::string_view cell) noexcept;
std::optional<std::int64_t> integer_of_cell(std::string_view cell) noexcept;

// ---- the column store ---------------------------------------------------------

// Distinct strings, each numbered in order of first appearance.
class string_dictionary {
public:
    std::int32_t intern(std::string_view text);
    std::size_t size() const noexcept { return offsets_.size() - 1; }
    std::string_view at(std::size_t index) const noexcept {
        return std::string_view(data_).substr(static_cast<std::size_t>(offsets_[index]),
                                              static_cast<std::size_t>(offsets_[index + 1] - offsets_[index]));
    }
    const std::string& data() const noexcept { return data_; }
    const std::vector<std::int64_t>& offsets() const noexcept { return offsets_; }

private:
    void grow();
    std::string data_;
    std::vector<std::int64_t> offsets_{0};
    std::vector<std::int32_t> slots_;   // open addressing: index + 1, 0 when empty
    std::vector<std::uint32_t> hashes_; // of each string, by index
};

// One column's rows. Only the members of its type are used.
struct column_data {
    std::vector<std::uint8_t> valid;      // 1 or 0 per row
    std::vector<std::int32_t> codes;      // text: index into `dictionary`
    string_dictionary dictionary;         // text
    std::vector<std::int64_t> integers;   // integer; decimal: the mantissa
    std::vector<std::int8_t> scales;      // decimal
    std::vector<std::int32_t> days;       // date: since 1970-01-01
    std::vector<std::uint8_t> flags;      // flag
    int max_scale = 0;                    // decimal: the largest scale of a row
    std::int32_t last_code = -1;          // text: the last row's, tried before the dictionary
};

// The rows of one table, column by column.
class table {
public:
    explicit table(const schema* described);

    const schema& description() const noexcept { return *schema_; }
    std::size_t rows() const noexcept { return rows_; }
    const column_data& column(std::size_t index) const noexcept { return columns_[index]; }

    // One row of cell texts, one per column in the schema's order. Throws
    // std::invalid_argument when a cell cannot be read as its column's type
    // (naming the table, column and text), and then adds no row.
    void append_row(std::span<const std::string> cells);

    // A row of absent cells, which the set_* below fill in: for a writer
    // that holds typed values, with no text on the way. A value of another
    // type than its column's is a programming error (std::logic_error).
    void add_row();
    void set_text(std::size_t column, std::string_view value);   // "" stays absent
    void set_integer(std::size_t column, std::int64_t value);
    void set_decimal(std::size_t column, decimal value);           // kept as given
    void set_date(std::size_t column, std::int32_t days);
    void set_flag(std::size_t column, bool value);

private:
    column_data& typed(std::size_t column, column_type type);
    void drop_last_row() noexcept;
    [[noreturn]] void refuse(std::size_t column, std::string_view cell);   // and drops the row

    const schema* schema_;
    std::vector<column_data> columns_;
    std::size_t rows_ = 0;
};

}  // namespace form4::tabular
