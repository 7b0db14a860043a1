// The SEC data-set tables by name, and their rows as text (TSV).
#include <string>

#include "form4/dataset.hpp"

namespace form4::dataset {
namespace {

// Cell formats: dates DD-MON-YYYY, flags 1/0, numbers exact without trailing zeros.

std::string date_cell(const date& d) {
    static constexpr std::string_view months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    auto ymd = d.year_month_day();
    std::string out;
    int day = static_cast<int>(ymd.day);
    if (day < 10) out += '0';
    out += std::to_string(day);
    out += '-';
    out += months[static_cast<int>(ymd.month) - 1];
    out += '-';
    out += std::to_string(static_cast<int>(ymd.year));
    return out;
}

// The rows as the SEC's files hold them: one text cell per column.
class text_rows final : public row_sink {
public:
    explicit text_rows(tables& out) : out_(out) {}

    void start_row(table t) override { current_ = &out_[t].emplace_back(columns(t).size()); }
    void text(std::size_t column, std::string_view value) override { cell(column).assign(value); }
    void flag(std::size_t column, bool value) override { cell(column).assign(1, value ? '1' : '0'); }
    void day(std::size_t column, const date& value) override { cell(column) = date_cell(value); }
    void number(std::size_t column, const decimal& value) override { cell(column) = value.to_canonical_string(); }
    void row_number(std::size_t column, std::size_t value) override { cell(column) = std::to_string(value); }

private:
    std::string& cell(std::size_t column) { return (*current_)[column]; }
    tables& out_;
    row* current_ = nullptr;   // the last row started
};

}  // namespace

std::string_view name(table t) noexcept {
    switch (t) {
        case table::submission: return "SUBMISSION";
        case table::reporting_owner: return "REPORTINGOWNER";
        case table::non_derivative_transaction: return "NONDERIV_TRANS";
        case table::non_derivative_holding: return "NONDERIV_HOLDING";
        case table::derivative_transaction: return "DERIV_TRANS";
        case table::derivative_holding: return "DERIV_HOLDING";
        case table::footnotes: return "FOOTNOTES";
        case table::owner_signature: return "OWNER_SIGNATURE";
    }
    return {};
}

void append(tables& out, const document& doc, std::string_view accession_fallback, const options& opts,
            key_counters& keys) {
    text_rows sink(out);
    append(sink, doc, accession_fallback, opts, keys);
}

// Copied whole, then fixed in place: most cells have no tab or line break,
// and a per-character append cost as much as building the rows.
void append_tsv_cell(std::string& out, std::string_view cell) {
    std::size_t start = out.size();
    out.append(cell);
    // Bounds in locals (a char store could otherwise change out's size, for
    // all the compiler knows) and every byte stored: the loop vectorises.
    char* c = out.data() + start;
    char* const end = out.data() + out.size();
    for (; c != end; ++c) *c = (*c == '\t' || *c == '\n' || *c == '\r') ? ' ' : *c;
}

std::string to_tsv(const std::vector<row>& rows) {
    std::string out;
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i != 0) out += '\t';
            append_tsv_cell(out, r[i]);
        }
        out += '\n';
    }
    return out;
}

std::string tsv_header(table t) {
    std::string out;
    for (auto column : columns(t)) {
        if (!out.empty()) out += '\t';
        out += column;
    }
    out += '\n';
    return out;
}

}  // namespace form4::dataset
