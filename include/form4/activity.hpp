#pragma once
// form4::activity: what each reported trade means, and what many filings add
// up to. One row per transaction (Tables I and II; holdings are not activity),
// linked across filings (amendments, duplicate reports of one trade), and
// aggregated by issuer or reporting owner. Every figure is exact (decimal).
//
//     auto rows = form4::activity::rows_of(doc);           // one filing
//     auto all = form4::activity::read(paths, {});          // files, directories, archives
//     auto net = form4::activity::aggregate(all.rows, {});  // by issuer, per quarter
//
// The row types are described with Boost.Describe; the writers (TSV, JSON)
// walk that description, so a new field is one member and one name in the list.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include "form4/bulk.hpp"
#include "form4/model/document.hpp"
#include "form4/parse.hpp"

namespace form4::activity {

// What a transaction code means for the holder's position.
enum class trade_class {
    purchase,               // P
    sale,                   // S
    award,                  // A
    exercise,               // M, X, O
    conversion,             // C
    tax,                    // F
    gift,                   // G
    disposition_to_issuer,  // D
    expiration,             // E, H
    other,                  // the rest, and unknown codes
};
std::string_view to_string(trade_class) noexcept;
trade_class classify(transaction_code) noexcept;
// "P - Open market or private purchase of non-derivative or derivative security":
// the code and its meaning as the form's General Instruction 8 and the
// technical specification's TransCodeList (§3.6.9) word it; "" for unknown.
std::string_view code_description(transaction_code) noexcept;

// One transaction. Optional numbers are empty when the filing does not give
// what they are computed from.
struct row {
    // Keys: every figure traces back to its filing and row.
    std::string accession;                      // the filing's, else the file name's
    std::optional<date> filing_date;            // from the EDGAR envelope
    std::optional<date_time> acceptance_datetime;  // EDGAR's clock (US Eastern)
    std::string document_type;                  // "4", "4/A", "5", ...
    std::optional<date> date_of_original_submission;  // for an amendment
    std::string issuer_cik;
    std::string issuer_name;
    std::string issuer_symbol;
    std::string owner_ciks;                     // ";"-joined, in filing order
    std::string owner_names;
    std::string table;                          // "I" (non-derivative) or "II" (derivative)
    std::size_t row_index = 0;                  // 0-based within its table
    std::string security_title;
    std::optional<date> transaction_date;
    std::optional<date> deemed_execution_date;
    // What it means.
    std::string code;                           // as filed
    std::string_view code_description;          // static text (code_description())
    trade_class class_ = trade_class::other;    // written as "class"
    bool open_market = false;                   // P and S only
    std::string acquired_disposed;              // "A" or "D" as filed
    std::optional<decimal> shares;              // as filed (Table II: derivative securities)
    std::optional<decimal> price;               // per share, as filed
    std::optional<decimal> signed_shares;       // + acquired, - disposed
    std::optional<decimal> value;               // shares x price (as filed, unsigned), exact; else Table II total value
    std::optional<decimal> shares_owned_after;
    std::optional<decimal> shares_owned_before; // after - signed_shares
    std::optional<decimal> change_percent;      // signed / before x 100, 2 places half away from zero
    std::string direct_or_indirect;             // "D" or "I"
    // Who.
    std::string role;                           // "director;officer;ten_percent_owner;other", those that apply
    bool ten_percent_owner = false;
    std::string officer_title;                  // as filed
    std::string officer_title_normalized;       // "CEO;President", the known roles the title names
    // Rule 10b5-1.
    bool plan_10b5_1 = false;
    std::string plan_10b5_1_source;             // "checkbox", "footnote", "filing_footnote", "remarks" or ""
    std::string plan_10b5_1_footnote;           // the footnote id that names the rule
    std::optional<date> plan_adoption_date;     // when that footnote states one
    // Timeliness: business days filed past the second business day (0: on time);
    // empty when the filing date is unknown or the rule does not apply.
    std::optional<int> business_days_late;
    // Lint findings on this row that make its figures doubtful, ";"-joined codes.
    std::string warnings;
    // Across filings (link()).
    std::string superseded_by;                  // the amendment's accession that restates this row
    std::size_t duplicate_group = 0;            // > 0 when other filings report the same trade
    bool counted = true;                        // not superseded, and first of its duplicate group
};
BOOST_DESCRIBE_STRUCT(row, (),
    (accession, filing_date, acceptance_datetime, document_type, date_of_original_submission, issuer_cik,
     issuer_name, issuer_symbol, owner_ciks, owner_names, table, row_index, security_title, transaction_date,
     deemed_execution_date, code, code_description, class_, open_market, acquired_disposed, shares, price,
     signed_shares, value, shares_owned_after, shares_owned_before, change_percent, direct_or_indirect, role,
     ten_percent_owner, officer_title, officer_title_normalized, plan_10b5_1, plan_10b5_1_source,
     plan_10b5_1_footnote, plan_adoption_date, business_days_late, warnings, superseded_by, duplicate_group,
     counted))

struct row_options {
    // Used when the filing carries no accession number (a loose XML file).
    std::string accession_fallback;
    // Filing date for lateness; defaults to doc.filing.filing_date.
    std::optional<date> filing_date;
};

// The rows of one filing, Table I then Table II, in filing order.
std::vector<row> rows_of(const document& doc, const row_options& options = {});

// Across filings: marks rows an amendment restates (superseded_by), gives the
// same trade reported in several filings one duplicate_group, and sets
// `counted`. Rows may come in any order; they keep theirs.
void link(std::vector<row>& rows);

// ---- many inputs --------------------------------------------------------------

struct read_options {
    bool lenient = false;
    input_format format = input_format::automatic;
    unsigned threads = 0;                       // 0: one per core
    bool skip_other_forms = true;               // as bulk::options
    std::function<void(const bulk::progress&)> on_progress;
    std::function<void(std::string_view input, const std::vector<diagnostic>&)> on_diagnostics;
};

struct read_result {
    std::vector<row> rows;                      // in input order, linked
    bulk::summary summary;                      // rows[] per table is left 0
};

// Files, directories and .tar/.tar.gz archives, as `form4 tables` takes them.
read_result read(std::span<const std::filesystem::path> inputs, const read_options& options = {});

// ---- aggregates ---------------------------------------------------------------

enum class group_by { issuer, owner };
enum class calendar_period { month, quarter, year };

struct aggregate_options {
    group_by by = group_by::issuer;
    calendar_period period = calendar_period::quarter;
    // When set: one trailing window of this many days per key, ending on
    // `as_of` (default: the latest transaction date among the rows).
    std::optional<int> window_days;
    std::optional<date> as_of;
};

// Counted open-market trades (P and S) of one issuer or owner in one period.
struct aggregate_row {
    std::string key;                // issuer CIK or owner CIK
    std::string name;
    date period_start;
    date period_end;                // inclusive
    std::size_t buyers = 0;         // distinct owners with a purchase
    std::size_t sellers = 0;
    std::size_t purchases = 0;      // rows
    std::size_t sales = 0;
    decimal shares_bought;
    decimal value_bought;           // over the purchases with a price
    decimal shares_sold;            // positive
    decimal value_sold;
    decimal net_shares;             // bought - sold
    decimal net_value;
    std::string accessions;         // ";"-joined, sorted
};
BOOST_DESCRIBE_STRUCT(aggregate_row, (),
    (key, name, period_start, period_end, buyers, sellers, purchases, sales, shares_bought, value_bought,
     shares_sold, value_sold, net_shares, net_value, accessions))

std::vector<aggregate_row> aggregate(std::span<const row> rows, const aggregate_options& options = {});

struct cluster_options {
    std::size_t min_owners = 3;
    int window_days = 30;
    decimal min_value{0, 0};        // each owner's purchases in the window, at least
    bool exclude_10b5_1 = false;
    bool exclude_ten_percent_owners = false;
};

// At least min_owners distinct owners buying one issuer's stock in the open
// market within window_days of the first purchase.
struct cluster_row {
    std::string issuer_cik;
    std::string issuer_name;
    date first_date;
    date last_date;
    std::size_t owners = 0;
    std::string owner_ciks;         // ";"-joined, sorted
    decimal shares;
    decimal value;
    std::string accessions;
};
BOOST_DESCRIBE_STRUCT(cluster_row, (),
    (issuer_cik, issuer_name, first_date, last_date, owners, owner_ciks, shares, value, accessions))

std::vector<cluster_row> clusters(std::span<const row> rows, const cluster_options& options = {});

// ---- writers ------------------------------------------------------------------
// Columns are the described members' names ("class_" is written "class").
// Numbers exact as computed, dates ISO 8601, booleans true/false, absent "".

void write_tsv(std::ostream& out, std::span<const row> rows);
void write_tsv(std::ostream& out, std::span<const aggregate_row> rows);
void write_tsv(std::ostream& out, std::span<const cluster_row> rows);
// The same columns and cells one at a time, for other writers (the C ABI).
template <class T>
std::vector<std::string_view> columns();   // T: row, aggregate_row, cluster_row
std::vector<std::string> cells(const row&);
std::vector<std::string> cells(const aggregate_row&);
std::vector<std::string> cells(const cluster_row&);
// A JSON array of objects; absent values are null.
void write_json(std::ostream& out, std::span<const row> rows);
void write_json(std::ostream& out, std::span<const aggregate_row> rows);
void write_json(std::ostream& out, std::span<const cluster_row> rows);

}  // namespace form4::activity
