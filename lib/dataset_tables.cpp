// The SEC data-set tables by name and column, and their rows as text (TSV).
//
// Column names and order are the SEC's (FORM_345_readme.htm, FORM_345_metadata.json
// and the published files' headers). Where those disagree we follow the
// published files: DERIV_TRANS has EQUITY_SWAP_TRANS_CD_FN, NONDERIV_TRANS has
// EQUITY_SWAP_INVOLVED_FN. SUBMISSION ends with AFF10B5ONE (schema X0508's
// Rule 10b5-1 flag), which the 2024 files do not carry yet.
#include <string>

#include "form4/dataset.hpp"

namespace form4::dataset {
namespace {

constexpr std::string_view submission_columns[] = {
    "ACCESSION_NUMBER", "FILING_DATE", "PERIOD_OF_REPORT", "DATE_OF_ORIG_SUB", "NO_SECURITIES_OWNED",
    "NOT_SUBJECT_SEC16", "FORM3_HOLDINGS_REPORTED", "FORM4_TRANS_REPORTED", "DOCUMENT_TYPE", "ISSUERCIK",
    "ISSUERNAME", "ISSUERTRADINGSYMBOL", "CONTACT_NAME", "CONTACT_PHONE_NUMBER", "CONTACT_EMAIL_ADDRESS",
    "NOTIFICATION_EMAIL_ADDRESS", "REMARKS", "AFF10B5ONE"};

constexpr std::string_view reporting_owner_columns[] = {
    "ACCESSION_NUMBER", "RPTOWNERCIK",      "RPTOWNERNAME",     "RPTOWNER_RELATIONSHIP", "RPTOWNER_TITLE",
    "RPTOWNER_TXT",     "RPTOWNER_STREET1", "RPTOWNER_STREET2", "RPTOWNER_CITY",         "RPTOWNER_STATE",
    "RPTOWNER_ZIPCODE", "RPTOWNER_STATE_DESC", "FILE_NUMBER"};

constexpr std::string_view non_derivative_transaction_columns[] = {
    "ACCESSION_NUMBER", "NONDERIV_TRANS_SK", "SECURITY_TITLE", "SECURITY_TITLE_FN", "TRANS_DATE",
    "TRANS_DATE_FN", "DEEMED_EXECUTION_DATE", "DEEMED_EXECUTION_DATE_FN", "TRANS_FORM_TYPE", "TRANS_CODE",
    "EQUITY_SWAP_INVOLVED", "EQUITY_SWAP_INVOLVED_FN", "TRANS_TIMELINESS", "TRANS_TIMELINESS_FN",
    "TRANS_SHARES", "TRANS_SHARES_FN", "TRANS_PRICEPERSHARE", "TRANS_PRICEPERSHARE_FN",
    "TRANS_ACQUIRED_DISP_CD", "TRANS_ACQUIRED_DISP_CD_FN", "SHRS_OWND_FOLWNG_TRANS",
    "SHRS_OWND_FOLWNG_TRANS_FN", "VALU_OWND_FOLWNG_TRANS", "VALU_OWND_FOLWNG_TRANS_FN",
    "DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN", "NATURE_OF_OWNERSHIP",
    "NATURE_OF_OWNERSHIP_FN"};

constexpr std::string_view non_derivative_holding_columns[] = {
    "ACCESSION_NUMBER", "NONDERIV_HOLDING_SK", "SECURITY_TITLE", "SECURITY_TITLE_FN", "TRANS_FORM_TYPE",
    "TRANS_FORM_TYPE_FN", "SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", "VALU_OWND_FOLWNG_TRANS",
    "VALU_OWND_FOLWNG_TRANS_FN", "DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN",
    "NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN"};

// EXCERCISE_DATE is the SEC's spelling in this table (DERIV_HOLDING has EXERCISE_DATE).
constexpr std::string_view derivative_transaction_columns[] = {
    "ACCESSION_NUMBER", "DERIV_TRANS_SK", "SECURITY_TITLE", "SECURITY_TITLE_FN", "CONV_EXERCISE_PRICE",
    "CONV_EXERCISE_PRICE_FN", "TRANS_DATE", "TRANS_DATE_FN", "DEEMED_EXECUTION_DATE",
    "DEEMED_EXECUTION_DATE_FN", "TRANS_FORM_TYPE", "TRANS_CODE", "EQUITY_SWAP_INVOLVED",
    "EQUITY_SWAP_TRANS_CD_FN", "TRANS_TIMELINESS", "TRANS_TIMELINESS_FN", "TRANS_SHARES", "TRANS_SHARES_FN",
    "TRANS_TOTAL_VALUE", "TRANS_TOTAL_VALUE_FN", "TRANS_PRICEPERSHARE", "TRANS_PRICEPERSHARE_FN",
    "TRANS_ACQUIRED_DISP_CD", "TRANS_ACQUIRED_DISP_CD_FN", "EXCERCISE_DATE", "EXCERCISE_DATE_FN",
    "EXPIRATION_DATE", "EXPIRATION_DATE_FN", "UNDLYNG_SEC_TITLE", "UNDLYNG_SEC_TITLE_FN",
    "UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_SHARES_FN", "UNDLYNG_SEC_VALUE", "UNDLYNG_SEC_VALUE_FN",
    "SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", "VALU_OWND_FOLWNG_TRANS",
    "VALU_OWND_FOLWNG_TRANS_FN", "DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN",
    "NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN"};

constexpr std::string_view derivative_holding_columns[] = {
    "ACCESSION_NUMBER", "DERIV_HOLDING_SK", "SECURITY_TITLE", "SECURITY_TITLE_FN", "CONV_EXERCISE_PRICE",
    "CONV_EXERCISE_PRICE_FN", "TRANS_FORM_TYPE", "TRANS_FORM_TYPE_FN", "EXERCISE_DATE", "EXERCISE_DATE_FN",
    "EXPIRATION_DATE", "EXPIRATION_DATE_FN", "UNDLYNG_SEC_TITLE", "UNDLYNG_SEC_TITLE_FN",
    "UNDLYNG_SEC_SHARES", "UNDLYNG_SEC_SHARES_FN", "UNDLYNG_SEC_VALUE", "UNDLYNG_SEC_VALUE_FN",
    "SHRS_OWND_FOLWNG_TRANS", "SHRS_OWND_FOLWNG_TRANS_FN", "VALU_OWND_FOLWNG_TRANS",
    "VALU_OWND_FOLWNG_TRANS_FN", "DIRECT_INDIRECT_OWNERSHIP", "DIRECT_INDIRECT_OWNERSHIP_FN",
    "NATURE_OF_OWNERSHIP", "NATURE_OF_OWNERSHIP_FN"};

constexpr std::string_view footnote_columns[] = {"ACCESSION_NUMBER", "FOOTNOTE_ID", "FOOTNOTE_TXT"};

constexpr std::string_view owner_signature_columns[] = {"ACCESSION_NUMBER", "OWNERSIGNATURENAME",
                                                        "OWNERSIGNATUREDATE"};

// ---------------------------------------------------------------------------
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

std::span<const std::string_view> columns(table t) noexcept {
    switch (t) {
        case table::submission: return submission_columns;
        case table::reporting_owner: return reporting_owner_columns;
        case table::non_derivative_transaction: return non_derivative_transaction_columns;
        case table::non_derivative_holding: return non_derivative_holding_columns;
        case table::derivative_transaction: return derivative_transaction_columns;
        case table::derivative_holding: return derivative_holding_columns;
        case table::footnotes: return footnote_columns;
        case table::owner_signature: return owner_signature_columns;
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
