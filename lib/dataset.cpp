// The SEC "Form 345 data set" rows of a document, read from the model once
// for every kind of output (dataset::row_sink): text rows for the TSV files,
// typed columns for Arrow and pandas.
#include <algorithm>
#include <stdexcept>

#include "form4/dataset.hpp"

namespace form4::dataset {
namespace {

// Fills one row by column name, so that the code reads like the SEC's
// field list and a misspelt name fails loudly instead of shifting cells.
// Absent values leave their cells absent.
class row_builder {
public:
    row_builder(row_sink& sink, table t, const options& opts)
        : sink_(sink), columns_(columns(t)), options_(opts) {
        sink_.start_row(t);
    }

    void text(std::string_view column, std::string_view value) {
        std::size_t i = index_of(column);
        if (!value.empty()) sink_.text(i, value);
    }
    void flag(std::string_view column, const std::optional<bool>& value) {
        std::size_t i = index_of(column);
        if (value) sink_.flag(i, *value);
    }
    void day(std::string_view column, const std::optional<date>& value) {
        std::size_t i = index_of(column);
        if (value && !value->is_special()) sink_.day(i, *value);
    }
    void number(std::string_view column, const std::optional<decimal>& value) {
        std::size_t i = index_of(column);
        if (value) sink_.number(i, options_.sec_round ? value->rounded(2) : *value);
    }
    void row_number(std::string_view column, std::size_t value) { sink_.row_number(index_of(column), value); }
    void footnote_ids(std::string_view column, const std::vector<std::string>& ids) {
        footnotes_at(index_of(column), ids);
    }

    // A footnoted field fills COLUMN and COLUMN_FN.
    void text(std::string_view column, const footnoted<std::string>& f) {
        text(column, f.value ? std::string_view(*f.value) : std::string_view());
        footnotes_of(column, f);
    }
    template <class E>
    void text(std::string_view column, const footnoted<coded<E>>& f) {
        text(column, f.value ? std::string_view(f.value->text) : std::string_view());
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
    // COLUMN_FN, found without building its name (a heap string per
    // footnoted field was a good part of the cost of a row). It is the
    // column after COLUMN in every SEC table, so usually the next one.
    std::size_t footnotes_index_of(std::string_view column) {
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
        return i;
    }
    template <class T>
    void footnotes_of(std::string_view column, const footnoted<T>& f) {
        footnotes_at(footnotes_index_of(column), f.footnote_ids);
    }
    // "F1, F2": the ids in one cell.
    void footnotes_at(std::size_t i, const std::vector<std::string>& ids) {
        if (ids.empty()) return;
        if (ids.size() == 1) return sink_.text(i, ids.front());
        std::string joined;
        for (const auto& id : ids) {
            if (!joined.empty()) joined += ", ";
            joined += id;
        }
        sink_.text(i, joined);
    }

    row_sink& sink_;
    std::span<const std::string_view> columns_;
    const options& options_;
    std::size_t next_ = 0;   // where index_of starts looking
};

// What every row of one document shares.
struct document_context {
    row_sink& sink;
    const document& doc;
    std::string_view accession;
    const options& opts;
    key_counters& keys;

    row_builder start(table t, std::string_view surrogate_key_column = {}) const {
        row_builder b(sink, t, opts);
        b.text("ACCESSION_NUMBER", accession);
        if (!surrogate_key_column.empty())
            b.row_number(surrogate_key_column, keys.next[static_cast<std::size_t>(t)]++);
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

void submission_row(const document_context& c) {
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

void reporting_owner_row(const document_context& c, const reporting_owner& owner, std::size_t index) {
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
}

void non_derivative_transaction_row(const document_context& c, const non_derivative_transaction& t) {
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
}

void non_derivative_holding_row(const document_context& c, const non_derivative_holding& h) {
    row_builder b = c.start(table::non_derivative_holding, "NONDERIV_HOLDING_SK");
    b.text("SECURITY_TITLE", h.security_title);
    add_holding_coding(b, h.coding);
    add_ownership(b, h.post_transaction, h.ownership);
}

void derivative_transaction_row(const document_context& c, const derivative_transaction& t) {
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
}

void derivative_holding_row(const document_context& c, const derivative_holding& h) {
    row_builder b = c.start(table::derivative_holding, "DERIV_HOLDING_SK");
    b.text("SECURITY_TITLE", h.security_title);
    b.number("CONV_EXERCISE_PRICE", h.conversion_or_exercise_price);
    add_holding_coding(b, h.coding);
    b.day("EXERCISE_DATE", h.exercise_date);
    b.day("EXPIRATION_DATE", h.expiration_date);
    add_underlying(b, h.underlying);
    add_ownership(b, h.post_transaction, h.ownership);
}

void footnote_row(const document_context& c, const footnote& f) {
    row_builder b = c.start(table::footnotes);
    b.text("FOOTNOTE_ID", f.id);
    b.text("FOOTNOTE_TXT", f.text);
}

void signature_row(const document_context& c, const signature& s) {
    row_builder b = c.start(table::owner_signature);
    b.text("OWNERSIGNATURENAME", s.name);
    b.day("OWNERSIGNATUREDATE", s.date);
}

}  // namespace

void append(row_sink& out, const document& doc, std::string_view accession_fallback, const options& opts,
            key_counters& keys) {
    document_context c{out, doc,
                       doc.filing.accession_number.empty() ? accession_fallback
                                                           : std::string_view(doc.filing.accession_number),
                       opts, keys};
    submission_row(c);
    for (std::size_t i = 0; i < doc.reporting_owners.size(); ++i) reporting_owner_row(c, doc.reporting_owners[i], i);
    for (const auto& t : doc.non_derivative_transactions) non_derivative_transaction_row(c, t);
    for (const auto& h : doc.non_derivative_holdings) non_derivative_holding_row(c, h);
    for (const auto& t : doc.derivative_transactions) derivative_transaction_row(c, t);
    for (const auto& h : doc.derivative_holdings) derivative_holding_row(c, h);
    for (const auto& f : doc.footnotes) footnote_row(c, f);
    for (const auto& s : doc.signatures) signature_row(c, s);
}

}  // namespace form4::dataset
