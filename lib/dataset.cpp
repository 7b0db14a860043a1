// The SEC "Form 345 data set" rows of a document.
//
// Column names and order are the SEC's (FORM_345_readme.htm, FORM_345_metadata.json
// and the published files' headers). Where those disagree we follow the
// published files: DERIV_TRANS has EQUITY_SWAP_TRANS_CD_FN, NONDERIV_TRANS has
// EQUITY_SWAP_INVOLVED_FN. SUBMISSION ends with AFF10B5ONE (schema X0508's
// Rule 10b5-1 flag), which the 2024 files do not carry yet.
#include "form4/dataset.hpp"

#include <algorithm>
#include <stdexcept>

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
// Cell formats.

std::string date_cell(const std::optional<date>& d) {
    if (!d || d->is_special()) return {};
    static constexpr std::string_view months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    auto ymd = d->year_month_day();
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

std::string bool_cell(const std::optional<bool>& b) {
    if (!b) return {};
    return *b ? "1" : "0";
}

std::string footnotes_cell(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out;
}

// Fills one row by column name, so that the code reads like the SEC's
// field list and a misspelt name fails loudly instead of shifting cells.
class row_builder {
public:
    row_builder(table t, const options& opts) : columns_(columns(t)), options_(opts), row_(columns_.size()) {}

    void text(std::string_view column, std::string value) { cell(column) = std::move(value); }
    void flag(std::string_view column, const std::optional<bool>& value) { cell(column) = bool_cell(value); }
    void day(std::string_view column, const std::optional<date>& value) { cell(column) = date_cell(value); }
    void number(std::string_view column, const std::optional<decimal>& value) {
        if (!value) return;
        cell(column) = options_.sec_round ? value->rounded(2).to_canonical_string() : value->to_canonical_string();
    }
    void footnote_ids(std::string_view column, const std::vector<std::string>& ids) {
        cell(column) = footnotes_cell(ids);
    }

    // A footnoted field fills COLUMN and COLUMN_FN.
    void text(std::string_view column, const footnoted<std::string>& f) {
        if (f.value) text(column, *f.value);
        footnotes_of(column, f);
    }
    template <class E>
    void text(std::string_view column, const footnoted<coded<E>>& f) {
        if (f.value) text(column, f.value->text);
        footnotes_of(column, f);
    }
    void day(std::string_view column, const footnoted<date>& f) {
        day(column, f.value);
        footnotes_of(column, f);
    }
    void number(std::string_view column, const footnoted<decimal>& f) {
        number(column, f.value);
        footnotes_of(column, f);
    }

    row take() { return std::move(row_); }

private:
    // Rows are filled mostly in column order: the search starts after the
    // column found last, and usually ends at its first comparison.
    std::size_t index_of(std::string_view column) {
        std::size_t size = columns_.size();
        for (std::size_t tried = 0, i = next_; tried < size; ++tried, i = (i + 1 == size ? 0 : i + 1))
            if (columns_[i] == column) {
                next_ = i + 1 == size ? 0 : i + 1;
                return i;
            }
        throw std::logic_error("form4::dataset: no column " + std::string(column));
    }
    std::string& cell(std::string_view column) { return row_[index_of(column)]; }
    // COLUMN_FN, found without building its name (a heap string per
    // footnoted field was a good part of the cost of a row). It is the
    // column after COLUMN in every SEC table, so usually the next one.
    std::string& footnotes_cell_of(std::string_view column) {
        constexpr std::string_view suffix = "_FN";
        auto is_its_footnotes = [&](std::string_view c) {
            return c.size() == column.size() + suffix.size() && c.starts_with(column) && c.ends_with(suffix);
        };
        std::size_t size = columns_.size();
        std::size_t i = next_;
        if (!is_its_footnotes(columns_[i])) {
            auto it = std::find_if(columns_.begin(), columns_.end(), is_its_footnotes);
            if (it == columns_.end())
                throw std::logic_error("form4::dataset: no column " + std::string(column) + std::string(suffix));
            i = static_cast<std::size_t>(it - columns_.begin());
        }
        next_ = i + 1 == size ? 0 : i + 1;
        return row_[i];
    }
    template <class T>
    void footnotes_of(std::string_view column, const footnoted<T>& f) {
        footnotes_cell_of(column) = footnotes_cell(f.footnote_ids);
    }

    std::span<const std::string_view> columns_;
    const options& options_;
    row row_;
    std::size_t next_ = 0;   // where index_of starts looking
};

// What every row of one document shares.
struct document_context {
    const document& doc;
    std::string accession;
    const options& opts;
    key_counters& keys;

    row_builder start(table t, std::string_view surrogate_key_column = {}) const {
        row_builder b(t, opts);
        b.text("ACCESSION_NUMBER", accession);
        if (!surrogate_key_column.empty())
            b.text(surrogate_key_column, std::to_string(keys.next[static_cast<std::size_t>(t)]++));
        return b;
    }
};

void add_ownership(row_builder& b, const post_transaction_amounts& post, const ownership_nature& ownership) {
    b.number("SHRS_OWND_FOLWNG_TRANS", post.shares_owned);
    b.number("VALU_OWND_FOLWNG_TRANS", post.value_owned);
    b.text("DIRECT_INDIRECT_OWNERSHIP", ownership.direct_or_indirect);
    b.text("NATURE_OF_OWNERSHIP", ownership.nature);
}

void add_transaction_coding(row_builder& b, const std::optional<transaction_coding>& coding,
                            std::string_view swap_footnotes_column) {
    if (!coding) return;
    b.text("TRANS_FORM_TYPE", coding->form_type.text);
    b.text("TRANS_CODE", coding->code.text);
    b.flag("EQUITY_SWAP_INVOLVED", coding->equity_swap_involved);
    b.footnote_ids(swap_footnotes_column, coding->footnote_ids);
}

void add_holding_coding(row_builder& b, const std::optional<holding_coding>& coding) {
    if (!coding) return;
    b.text("TRANS_FORM_TYPE", coding->form_type.text);
    b.footnote_ids("TRANS_FORM_TYPE_FN", coding->footnote_ids);
}

void add_underlying(row_builder& b, const underlying_security& underlying) {
    b.text("UNDLYNG_SEC_TITLE", underlying.title);
    b.number("UNDLYNG_SEC_SHARES", underlying.shares);
    b.number("UNDLYNG_SEC_VALUE", underlying.value);
}

row submission_row(const document_context& c) {
    const document& doc = c.doc;
    row_builder b = c.start(table::submission);
    b.day("FILING_DATE", doc.filing.filing_date);
    b.day("PERIOD_OF_REPORT", doc.period_of_report);
    b.day("DATE_OF_ORIG_SUB", doc.date_of_original_submission);
    b.flag("NO_SECURITIES_OWNED", doc.no_securities_owned);
    b.flag("NOT_SUBJECT_SEC16", doc.not_subject_to_section16);
    b.flag("FORM3_HOLDINGS_REPORTED", doc.form3_holdings_reported);
    b.flag("FORM4_TRANS_REPORTED", doc.form4_transactions_reported);
    b.text("DOCUMENT_TYPE", doc.type.text);
    b.text("ISSUERCIK", doc.issuer.cik);
    b.text("ISSUERNAME", doc.issuer.name);
    b.text("ISSUERTRADINGSYMBOL", doc.issuer.trading_symbol);
    // CONTACT_* come from EDGAR's records, not from the filing: always empty.
    b.text("REMARKS", doc.remarks);
    b.flag("AFF10B5ONE", doc.aff10b5_one);
    return b.take();
}

std::string relationship_cell(const relationship& r) {
    std::string out;
    auto add = [&](const std::optional<bool>& flag, std::string_view name) {
        if (!flag.value_or(false)) return;
        if (!out.empty()) out += ',';
        out += name;
    };
    add(r.is_director, "DIRECTOR");
    add(r.is_officer, "OFFICER");
    add(r.is_ten_percent_owner, "TENPERCENTOWNER");
    add(r.is_other, "OTHER");
    return out;
}

row reporting_owner_row(const document_context& c, const reporting_owner& owner, std::size_t index) {
    row_builder b = c.start(table::reporting_owner);
    b.text("RPTOWNERCIK", owner.id.cik);
    b.text("RPTOWNERNAME", owner.id.name);
    b.text("RPTOWNER_RELATIONSHIP", relationship_cell(owner.relationship));
    b.text("RPTOWNER_TITLE", owner.relationship.officer_title);
    b.text("RPTOWNER_TXT", owner.relationship.other_text);
    b.text("RPTOWNER_STREET1", owner.address.street1);
    b.text("RPTOWNER_STREET2", owner.address.street2);
    b.text("RPTOWNER_CITY", owner.address.city);
    b.text("RPTOWNER_STATE", owner.address.state);
    b.text("RPTOWNER_ZIPCODE", owner.address.zip_code);
    b.text("RPTOWNER_STATE_DESC", owner.address.state_description);
    // The envelope lists file numbers in owner order.
    const auto& numbers = c.doc.filing.file_numbers;
    if (index < numbers.size()) b.text("FILE_NUMBER", numbers[index]);
    return b.take();
}

row non_derivative_transaction_row(const document_context& c, const non_derivative_transaction& t) {
    row_builder b = c.start(table::non_derivative_transaction, "NONDERIV_TRANS_SK");
    b.text("SECURITY_TITLE", t.security_title);
    b.day("TRANS_DATE", t.transaction_date);
    b.day("DEEMED_EXECUTION_DATE", t.deemed_execution_date);
    add_transaction_coding(b, t.coding, "EQUITY_SWAP_INVOLVED_FN");
    b.text("TRANS_TIMELINESS", t.timeliness);
    b.number("TRANS_SHARES", t.shares);
    b.number("TRANS_PRICEPERSHARE", t.price_per_share);
    b.text("TRANS_ACQUIRED_DISP_CD", t.acquired_disposed);
    add_ownership(b, t.post_transaction, t.ownership);
    return b.take();
}

row non_derivative_holding_row(const document_context& c, const non_derivative_holding& h) {
    row_builder b = c.start(table::non_derivative_holding, "NONDERIV_HOLDING_SK");
    b.text("SECURITY_TITLE", h.security_title);
    add_holding_coding(b, h.coding);
    add_ownership(b, h.post_transaction, h.ownership);
    return b.take();
}

row derivative_transaction_row(const document_context& c, const derivative_transaction& t) {
    row_builder b = c.start(table::derivative_transaction, "DERIV_TRANS_SK");
    b.text("SECURITY_TITLE", t.security_title);
    b.number("CONV_EXERCISE_PRICE", t.conversion_or_exercise_price);
    b.day("TRANS_DATE", t.transaction_date);
    b.day("DEEMED_EXECUTION_DATE", t.deemed_execution_date);
    add_transaction_coding(b, t.coding, "EQUITY_SWAP_TRANS_CD_FN");
    b.text("TRANS_TIMELINESS", t.timeliness);
    b.number("TRANS_SHARES", t.shares);
    b.number("TRANS_TOTAL_VALUE", t.total_value);
    b.number("TRANS_PRICEPERSHARE", t.price_per_share);
    b.text("TRANS_ACQUIRED_DISP_CD", t.acquired_disposed);
    b.day("EXCERCISE_DATE", t.exercise_date);
    b.day("EXPIRATION_DATE", t.expiration_date);
    add_underlying(b, t.underlying);
    add_ownership(b, t.post_transaction, t.ownership);
    return b.take();
}

row derivative_holding_row(const document_context& c, const derivative_holding& h) {
    row_builder b = c.start(table::derivative_holding, "DERIV_HOLDING_SK");
    b.text("SECURITY_TITLE", h.security_title);
    b.number("CONV_EXERCISE_PRICE", h.conversion_or_exercise_price);
    add_holding_coding(b, h.coding);
    b.day("EXERCISE_DATE", h.exercise_date);
    b.day("EXPIRATION_DATE", h.expiration_date);
    add_underlying(b, h.underlying);
    add_ownership(b, h.post_transaction, h.ownership);
    return b.take();
}

row footnote_row(const document_context& c, const footnote& f) {
    row_builder b = c.start(table::footnotes);
    b.text("FOOTNOTE_ID", f.id);
    b.text("FOOTNOTE_TXT", f.text);
    return b.take();
}

row signature_row(const document_context& c, const signature& s) {
    row_builder b = c.start(table::owner_signature);
    b.text("OWNERSIGNATURENAME", s.name);
    b.day("OWNERSIGNATUREDATE", s.date);
    return b.take();
}

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
    document_context c{doc,
                       doc.filing.accession_number.empty() ? std::string(accession_fallback)
                                                           : doc.filing.accession_number,
                       opts, keys};
    out[table::submission].push_back(submission_row(c));
    for (std::size_t i = 0; i < doc.reporting_owners.size(); ++i)
        out[table::reporting_owner].push_back(reporting_owner_row(c, doc.reporting_owners[i], i));
    for (const auto& t : doc.non_derivative_transactions)
        out[table::non_derivative_transaction].push_back(non_derivative_transaction_row(c, t));
    for (const auto& h : doc.non_derivative_holdings)
        out[table::non_derivative_holding].push_back(non_derivative_holding_row(c, h));
    for (const auto& t : doc.derivative_transactions)
        out[table::derivative_transaction].push_back(derivative_transaction_row(c, t));
    for (const auto& h : doc.derivative_holdings)
        out[table::derivative_holding].push_back(derivative_holding_row(c, h));
    for (const auto& f : doc.footnotes) out[table::footnotes].push_back(footnote_row(c, f));
    for (const auto& s : doc.signatures) out[table::owner_signature].push_back(signature_row(c, s));
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
