// The SEC "Form 345 data set" tables, each column once: its name, in the
// SEC's order, and the model member it is read from. The column names, their
// kinds (the typed schema) and every kind of row output (dataset::row_sink:
// text rows for the TSV files, typed columns for Arrow, pandas and SQLite)
// come from these lists.
//
// Names and order are the SEC's (FORM_345_readme.htm, FORM_345_metadata.json
// and the published files' headers). Where those disagree we follow the
// published files: DERIV_TRANS has EQUITY_SWAP_TRANS_CD_FN, NONDERIV_TRANS has
// EQUITY_SWAP_INVOLVED_FN, and DERIV_TRANS spells EXCERCISE_DATE (DERIV_HOLDING
// has EXERCISE_DATE). SUBMISSION ends with AFF10B5ONE (schema X0508's Rule
// 10b5-1 flag), which the 2024 files do not carry yet.
#include "dataset/columns.hpp"

namespace form4::dataset {
namespace {

using namespace columns_detail;

using nd_transaction = non_derivative_transaction;
using nd_holding = non_derivative_holding;
using d_transaction = derivative_transaction;
using d_holding = derivative_holding;

// DIRECTOR,OFFICER,... : the boxes checked, in the form's order.
void relationship_cell(const row_context& c, std::size_t i, const reporting_owner& owner) {
    const relationship& r = owner.relationship;
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
    put(c, i, out);
}

// The envelope lists file numbers in owner order.
void file_number_cell(const row_context& c, std::size_t i, const reporting_owner&) {
    const auto& numbers = c.doc.filing.file_numbers;
    if (c.index < numbers.size()) put(c, i, numbers[c.index]);
}

constexpr auto submission_columns = std::array{
    accession_number<document>(),
    cell<&document::filing, &filing_metadata::filing_date>("FILING_DATE"),
    cell<&document::period_of_report>("PERIOD_OF_REPORT"),
    cell<&document::date_of_original_submission>("DATE_OF_ORIG_SUB"),
    cell<&document::no_securities_owned>("NO_SECURITIES_OWNED"),
    cell<&document::not_subject_to_section16>("NOT_SUBJECT_SEC16"),
    cell<&document::form3_holdings_reported>("FORM3_HOLDINGS_REPORTED"),
    cell<&document::form4_transactions_reported>("FORM4_TRANS_REPORTED"),
    cell<&document::type>("DOCUMENT_TYPE"),
    cell<&document::issuer, &issuer::cik>("ISSUERCIK"),
    cell<&document::issuer, &issuer::name>("ISSUERNAME"),
    cell<&document::issuer, &issuer::trading_symbol>("ISSUERTRADINGSYMBOL"),
    // From EDGAR's records of the filer, not from the filing.
    always_empty<document>("CONTACT_NAME"),
    always_empty<document>("CONTACT_PHONE_NUMBER"),
    always_empty<document>("CONTACT_EMAIL_ADDRESS"),
    always_empty<document>("NOTIFICATION_EMAIL_ADDRESS"),
    cell<&document::remarks>("REMARKS"),
    cell<&document::aff10b5_one>("AFF10B5ONE"),
};

constexpr auto reporting_owner_columns = std::array{
    accession_number<reporting_owner>(),
    cell<&reporting_owner::id, &reporting_owner_id::cik>("RPTOWNERCIK"),
    cell<&reporting_owner::id, &reporting_owner_id::name>("RPTOWNERNAME"),
    column<reporting_owner>{"RPTOWNER_RELATIONSHIP", cell_kind::text, relationship_cell},
    cell<&reporting_owner::relationship, &relationship::officer_title>("RPTOWNER_TITLE"),
    cell<&reporting_owner::relationship, &relationship::other_text>("RPTOWNER_TXT"),
    cell<&reporting_owner::address, &address::street1>("RPTOWNER_STREET1"),
    cell<&reporting_owner::address, &address::street2>("RPTOWNER_STREET2"),
    cell<&reporting_owner::address, &address::city>("RPTOWNER_CITY"),
    cell<&reporting_owner::address, &address::state>("RPTOWNER_STATE"),
    cell<&reporting_owner::address, &address::zip_code>("RPTOWNER_ZIPCODE"),
    cell<&reporting_owner::address, &address::state_description>("RPTOWNER_STATE_DESC"),
    column<reporting_owner>{"FILE_NUMBER", cell_kind::text, file_number_cell},
};

// The columns every Table I and II row starts with.
template <class Row>
constexpr auto security_columns(std::string_view row_key_name) {
    return std::array{
        accession_number<Row>(),
        row_key<Row>(row_key_name),
        cell<&Row::security_title>("SECURITY_TITLE"),
        footnotes<&Row::security_title>("SECURITY_TITLE_FN"),
    };
}

// transactionCoding of a transaction row, but for its footnotes, whose
// column is named differently in each table.
template <class Row>
constexpr auto transaction_coding_columns = std::array{
    cell<&Row::coding, &transaction_coding::form_type>("TRANS_FORM_TYPE"),
    cell<&Row::coding, &transaction_coding::code>("TRANS_CODE"),
    cell<&Row::coding, &transaction_coding::equity_swap_involved>("EQUITY_SWAP_INVOLVED"),
};

template <class Row>
constexpr auto holding_coding_columns = std::array{
    cell<&Row::coding, &holding_coding::form_type>("TRANS_FORM_TYPE"),
    cell<&Row::coding, &holding_coding::footnote_ids>("TRANS_FORM_TYPE_FN"),
};

template <class Row>
constexpr auto underlying_columns = std::array{
    cell<&Row::underlying, &underlying_security::title>("UNDLYNG_SEC_TITLE"),
    footnotes<&Row::underlying, &underlying_security::title>("UNDLYNG_SEC_TITLE_FN"),
    cell<&Row::underlying, &underlying_security::shares>("UNDLYNG_SEC_SHARES"),
    footnotes<&Row::underlying, &underlying_security::shares>("UNDLYNG_SEC_SHARES_FN"),
    cell<&Row::underlying, &underlying_security::value>("UNDLYNG_SEC_VALUE"),
    footnotes<&Row::underlying, &underlying_security::value>("UNDLYNG_SEC_VALUE_FN"),
};

// The columns every Table I and II row ends with.
template <class Row>
constexpr auto ownership_columns = std::array{
    cell<&Row::post_transaction, &post_transaction_amounts::shares_owned>("SHRS_OWND_FOLWNG_TRANS"),
    footnotes<&Row::post_transaction, &post_transaction_amounts::shares_owned>("SHRS_OWND_FOLWNG_TRANS_FN"),
    cell<&Row::post_transaction, &post_transaction_amounts::value_owned>("VALU_OWND_FOLWNG_TRANS"),
    footnotes<&Row::post_transaction, &post_transaction_amounts::value_owned>("VALU_OWND_FOLWNG_TRANS_FN"),
    cell<&Row::ownership, &ownership_nature::direct_or_indirect>("DIRECT_INDIRECT_OWNERSHIP"),
    footnotes<&Row::ownership, &ownership_nature::direct_or_indirect>("DIRECT_INDIRECT_OWNERSHIP_FN"),
    cell<&Row::ownership, &ownership_nature::nature>("NATURE_OF_OWNERSHIP"),
    footnotes<&Row::ownership, &ownership_nature::nature>("NATURE_OF_OWNERSHIP_FN"),
};

constexpr auto non_derivative_transaction_columns = join(
    security_columns<nd_transaction>("NONDERIV_TRANS_SK"),
    std::array{
        cell<&nd_transaction::transaction_date>("TRANS_DATE"),
        footnotes<&nd_transaction::transaction_date>("TRANS_DATE_FN"),
        cell<&nd_transaction::deemed_execution_date>("DEEMED_EXECUTION_DATE"),
        footnotes<&nd_transaction::deemed_execution_date>("DEEMED_EXECUTION_DATE_FN"),
    },
    transaction_coding_columns<nd_transaction>,
    std::array{
        cell<&nd_transaction::coding, &transaction_coding::footnote_ids>("EQUITY_SWAP_INVOLVED_FN"),
        cell<&nd_transaction::timeliness>("TRANS_TIMELINESS"),
        footnotes<&nd_transaction::timeliness>("TRANS_TIMELINESS_FN"),
        cell<&nd_transaction::shares>("TRANS_SHARES"),
        footnotes<&nd_transaction::shares>("TRANS_SHARES_FN"),
        cell<&nd_transaction::price_per_share>("TRANS_PRICEPERSHARE"),
        footnotes<&nd_transaction::price_per_share>("TRANS_PRICEPERSHARE_FN"),
        cell<&nd_transaction::acquired_disposed>("TRANS_ACQUIRED_DISP_CD"),
        footnotes<&nd_transaction::acquired_disposed>("TRANS_ACQUIRED_DISP_CD_FN"),
    },
    ownership_columns<nd_transaction>);

constexpr auto non_derivative_holding_columns =
    join(security_columns<nd_holding>("NONDERIV_HOLDING_SK"), holding_coding_columns<nd_holding>,
         ownership_columns<nd_holding>);

constexpr auto derivative_transaction_columns = join(
    security_columns<d_transaction>("DERIV_TRANS_SK"),
    std::array{
        cell<&d_transaction::conversion_or_exercise_price>("CONV_EXERCISE_PRICE"),
        footnotes<&d_transaction::conversion_or_exercise_price>("CONV_EXERCISE_PRICE_FN"),
        cell<&d_transaction::transaction_date>("TRANS_DATE"),
        footnotes<&d_transaction::transaction_date>("TRANS_DATE_FN"),
        cell<&d_transaction::deemed_execution_date>("DEEMED_EXECUTION_DATE"),
        footnotes<&d_transaction::deemed_execution_date>("DEEMED_EXECUTION_DATE_FN"),
    },
    transaction_coding_columns<d_transaction>,
    std::array{
        cell<&d_transaction::coding, &transaction_coding::footnote_ids>("EQUITY_SWAP_TRANS_CD_FN"),
        cell<&d_transaction::timeliness>("TRANS_TIMELINESS"),
        footnotes<&d_transaction::timeliness>("TRANS_TIMELINESS_FN"),
        cell<&d_transaction::shares>("TRANS_SHARES"),
        footnotes<&d_transaction::shares>("TRANS_SHARES_FN"),
        cell<&d_transaction::total_value>("TRANS_TOTAL_VALUE"),
        footnotes<&d_transaction::total_value>("TRANS_TOTAL_VALUE_FN"),
        cell<&d_transaction::price_per_share>("TRANS_PRICEPERSHARE"),
        footnotes<&d_transaction::price_per_share>("TRANS_PRICEPERSHARE_FN"),
        cell<&d_transaction::acquired_disposed>("TRANS_ACQUIRED_DISP_CD"),
        footnotes<&d_transaction::acquired_disposed>("TRANS_ACQUIRED_DISP_CD_FN"),
        cell<&d_transaction::exercise_date>("EXCERCISE_DATE"),
        footnotes<&d_transaction::exercise_date>("EXCERCISE_DATE_FN"),
        cell<&d_transaction::expiration_date>("EXPIRATION_DATE"),
        footnotes<&d_transaction::expiration_date>("EXPIRATION_DATE_FN"),
    },
    underlying_columns<d_transaction>, ownership_columns<d_transaction>);

constexpr auto derivative_holding_columns = join(
    security_columns<d_holding>("DERIV_HOLDING_SK"),
    std::array{
        cell<&d_holding::conversion_or_exercise_price>("CONV_EXERCISE_PRICE"),
        footnotes<&d_holding::conversion_or_exercise_price>("CONV_EXERCISE_PRICE_FN"),
    },
    holding_coding_columns<d_holding>,
    std::array{
        cell<&d_holding::exercise_date>("EXERCISE_DATE"),
        footnotes<&d_holding::exercise_date>("EXERCISE_DATE_FN"),
        cell<&d_holding::expiration_date>("EXPIRATION_DATE"),
        footnotes<&d_holding::expiration_date>("EXPIRATION_DATE_FN"),
    },
    underlying_columns<d_holding>, ownership_columns<d_holding>);

constexpr auto footnote_columns = std::array{
    accession_number<footnote>(),
    cell<&footnote::id>("FOOTNOTE_ID"),
    cell<&footnote::text>("FOOTNOTE_TXT"),
};

constexpr auto owner_signature_columns = std::array{
    accession_number<signature>(),
    cell<&signature::name>("OWNERSIGNATURENAME"),
    cell<&signature::date>("OWNERSIGNATUREDATE"),
};

// Calls f(column_lists<the columns of table t>{}).
template <class F>
decltype(auto) with_column_lists(table t, F&& f) {
    switch (t) {
        case table::submission: return f(column_lists<submission_columns>{});
        case table::reporting_owner: return f(column_lists<reporting_owner_columns>{});
        case table::non_derivative_transaction: return f(column_lists<non_derivative_transaction_columns>{});
        case table::non_derivative_holding: return f(column_lists<non_derivative_holding_columns>{});
        case table::derivative_transaction: return f(column_lists<derivative_transaction_columns>{});
        case table::derivative_holding: return f(column_lists<derivative_holding_columns>{});
        case table::footnotes: return f(column_lists<footnote_columns>{});
        case table::owner_signature: return f(column_lists<owner_signature_columns>{});
    }
    return f(column_lists<footnote_columns>{});   // not reached: every table is above
}

template <class Row, std::size_t N>
void add_row(row_context c, table t, const std::array<column<Row>, N>& columns, const Row& row) {
    c.current = t;
    c.sink.start_row(t);
    for (std::size_t i = 0; i < N; ++i)
        if (columns[i].fill) columns[i].fill(c, i, row);
}

template <class Row, std::size_t N>
void add_rows(row_context c, table t, const std::array<column<Row>, N>& columns, const std::vector<Row>& rows) {
    for (c.index = 0; c.index < rows.size(); ++c.index) add_row(c, t, columns, rows[c.index]);
}

}  // namespace

std::span<const std::string_view> columns(table t) noexcept {
    return with_column_lists(t, [](auto lists) -> std::span<const std::string_view> { return decltype(lists)::names; });
}

std::span<const cell_kind> column_kinds(table t) noexcept {
    return with_column_lists(t, [](auto lists) -> std::span<const cell_kind> { return decltype(lists)::kinds; });
}

void append(row_sink& out, const document& doc, std::string_view accession_fallback, const options& opts,
            key_counters& keys) {
    std::string_view accession =
        doc.filing.accession_number.empty() ? accession_fallback : std::string_view(doc.filing.accession_number);
    row_context c{out, doc, accession, opts, keys, table::submission, 0};
    add_row(c, table::submission, submission_columns, doc);
    add_rows(c, table::reporting_owner, reporting_owner_columns, doc.reporting_owners);
    add_rows(c, table::non_derivative_transaction, non_derivative_transaction_columns,
             doc.non_derivative_transactions);
    add_rows(c, table::non_derivative_holding, non_derivative_holding_columns, doc.non_derivative_holdings);
    add_rows(c, table::derivative_transaction, derivative_transaction_columns, doc.derivative_transactions);
    add_rows(c, table::derivative_holding, derivative_holding_columns, doc.derivative_holdings);
    add_rows(c, table::footnotes, footnote_columns, doc.footnotes);
    add_rows(c, table::owner_signature, owner_signature_columns, doc.signatures);
}

}  // namespace form4::dataset
