// The C interface gives exactly what the C++ API gives, for every file of
// the XML corpus: diagnostics, every field of the model through the
// getters, the JSON text and the data-set cells. The expected values are
// read from the C++ model by member name here, not through the shim's own
// field table, so a wrong mapping in the shim shows up.
#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <cstring>
#include <filesystem>
#include <utility>
#include <set>
#include <string>
#include <vector>

#include "capi/capi_test_support.hpp"
#include "form4/dataset.hpp"
#include "form4/json.hpp"
#include "form4/parse.hpp"
#include "support/corpus.hpp"

using namespace form4::capi_testing;

namespace {

// The fixed C values of the header, written out again on purpose.
std::int32_t expected_value(form4::transaction_code v) {
    auto text = form4::to_string(v);
    return text.empty() ? 0 : text[0];
}
std::int32_t expected_value(form4::form_type v) {
    switch (v) {
        case form4::form_type::form3: return 3;
        case form4::form_type::form4: return 4;
        case form4::form_type::form5: return 5;
        default: return 0;
    }
}
std::int32_t expected_value(form4::acquired_disposed v) {
    return v == form4::acquired_disposed::acquired ? 1 : v == form4::acquired_disposed::disposed ? 2 : 0;
}
std::int32_t expected_value(form4::ownership_form v) {
    return v == form4::ownership_form::direct ? 1 : v == form4::ownership_form::indirect ? 2 : 0;
}
std::int32_t expected_value(form4::timeliness v) {
    return v == form4::timeliness::early ? 1 : v == form4::timeliness::late ? 2 : 0;
}
std::int32_t expected_value(form4::document_type v) {
    switch (v) {
        case form4::document_type::form3: return 1;
        case form4::document_type::form3_amendment: return 2;
        case form4::document_type::form4: return 3;
        case form4::document_type::form4_amendment: return 4;
        case form4::document_type::form5: return 5;
        case form4::document_type::form5_amendment: return 6;
        default: return 0;
    }
}

std::string iso(const form4::date& d) { return boost::gregorian::to_iso_extended_string(d); }

void expect_date_equal(const form4_date& got, const form4::date& expected, const char* what) {
    const auto ymd = expected.year_month_day();
    EXPECT_EQ(got.year, static_cast<int>(ymd.year)) << what;
    EXPECT_EQ(got.month, static_cast<int>(ymd.month)) << what;
    EXPECT_EQ(got.day, static_cast<int>(ymd.day)) << what;
    EXPECT_EQ(std::string(got.iso), iso(expected)) << what;
}

// --- rows ---------------------------------------------------------------

std::vector<std::string> footnotes_of(const form4_row* row, std::int32_t field) {
    std::size_t count = 0;
    EXPECT_EQ(form4_row_footnote_count(&count, row, field), FORM4_OK) << field;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) {
        const char* id = nullptr;
        std::size_t length = 0;
        EXPECT_EQ(form4_row_footnote_id(&id, &length, row, field, i), FORM4_OK);
        ids.emplace_back(id, length);
    }
    return ids;
}

void expect_field(const form4_row* row, std::int32_t field, const form4::footnoted<std::string>& expected) {
    SCOPED_TRACE("text field " + std::to_string(field));
    const char* text = nullptr;
    std::size_t length = 0;
    const int status = form4_row_text(&text, &length, row, field);
    if (expected.value) {
        ASSERT_EQ(status, FORM4_OK) << status_text(status);
        EXPECT_EQ(view(text, length), *expected.value);
    } else {
        EXPECT_EQ(status, FORM4_E_ABSENT) << status_text(status);
    }
    EXPECT_EQ(footnotes_of(row, field), expected.footnote_ids);
}

void expect_field(const form4_row* row, std::int32_t field, const form4::footnoted<form4::decimal>& expected) {
    SCOPED_TRACE("decimal field " + std::to_string(field));
    form4_decimal number{};
    const int status = form4_row_decimal(&number, row, field);
    if (expected.value) {
        ASSERT_EQ(status, FORM4_OK) << status_text(status);
        EXPECT_EQ(number.mantissa, expected.value->mantissa());
        EXPECT_EQ(number.scale, expected.value->scale());
        EXPECT_EQ(std::string(number.text, number.text_length), expected.value->to_string());
        EXPECT_EQ(std::strlen(number.text), number.text_length);
    } else {
        EXPECT_EQ(status, FORM4_E_ABSENT) << status_text(status);
    }
    EXPECT_EQ(footnotes_of(row, field), expected.footnote_ids);
}

void expect_field(const form4_row* row, std::int32_t field, const form4::footnoted<form4::date>& expected) {
    SCOPED_TRACE("date field " + std::to_string(field));
    form4_date date{};
    const int status = form4_row_date(&date, row, field);
    if (expected.value && !expected.value->is_special()) {
        ASSERT_EQ(status, FORM4_OK) << status_text(status);
        expect_date_equal(date, *expected.value, "row date");
    } else {
        EXPECT_EQ(status, FORM4_E_ABSENT) << status_text(status);
    }
    EXPECT_EQ(footnotes_of(row, field), expected.footnote_ids);
}

template <class Enum>
void expect_code(const form4_row* row, std::int32_t field, const std::optional<form4::coded<Enum>>& expected) {
    SCOPED_TRACE("code field " + std::to_string(field));
    std::int32_t value = -1;
    const char* text = nullptr;
    std::size_t length = 0;
    const int status = form4_row_code(&value, &text, &length, row, field);
    if (expected) {
        ASSERT_EQ(status, FORM4_OK) << status_text(status);
        EXPECT_EQ(value, expected_value(expected->value));
        EXPECT_EQ(view(text, length), expected->text);
    } else {
        EXPECT_EQ(status, FORM4_E_ABSENT) << status_text(status);
    }
}

template <class Enum>
void expect_field(const form4_row* row, std::int32_t field, const form4::footnoted<form4::coded<Enum>>& expected) {
    expect_code(row, field, expected.value);
    EXPECT_EQ(footnotes_of(row, field), expected.footnote_ids) << field;
}

// The coding's parts, present with the coding.
template <class Coding>
void expect_coding(const form4_row* row, const std::optional<Coding>& coding) {
    expect_code(row, FORM4_FIELD_FORM_TYPE,
                coding ? std::optional(coding->form_type) : std::nullopt);
    EXPECT_EQ(footnotes_of(row, FORM4_FIELD_CODING),
              coding ? coding->footnote_ids : std::vector<std::string>{});
    if constexpr (requires { coding->code; }) {
        expect_code(row, FORM4_FIELD_TRANSACTION_CODE, coding ? std::optional(coding->code) : std::nullopt);
        int flag = -1;
        const int status = form4_row_bool(&flag, row, FORM4_FIELD_EQUITY_SWAP_INVOLVED);
        if (coding && coding->equity_swap_involved) {
            EXPECT_EQ(status, FORM4_OK);
            EXPECT_EQ(flag, *coding->equity_swap_involved ? 1 : 0);
        } else {
            EXPECT_EQ(status, FORM4_E_ABSENT);
        }
    }
}

void expect_fields_only(std::int32_t table, const std::set<std::int32_t>& fields) {
    for (std::int32_t field = 1; field < FORM4_FIELD_COUNT; ++field) {
        int has = -1;
        ASSERT_EQ(form4_table_has_field(&has, table, field), FORM4_OK);
        EXPECT_EQ(has, fields.count(field) ? 1 : 0) << "table " << table << " field " << field;
    }
}

template <class Row>
void expect_common(const form4_row* row, const Row& model) {
    expect_field(row, FORM4_FIELD_SECURITY_TITLE, model.security_title);
    expect_coding(row, model.coding);
    expect_field(row, FORM4_FIELD_SHARES_OWNED_FOLLOWING, model.post_transaction.shares_owned);
    expect_field(row, FORM4_FIELD_VALUE_OWNED_FOLLOWING, model.post_transaction.value_owned);
    expect_field(row, FORM4_FIELD_DIRECT_OR_INDIRECT, model.ownership.direct_or_indirect);
    expect_field(row, FORM4_FIELD_NATURE_OF_OWNERSHIP, model.ownership.nature);
}

void expect_row(const form4_row* row, const form4::non_derivative_transaction& model) {
    expect_common(row, model);
    expect_field(row, FORM4_FIELD_TRANSACTION_DATE, model.transaction_date);
    expect_field(row, FORM4_FIELD_DEEMED_EXECUTION_DATE, model.deemed_execution_date);
    expect_field(row, FORM4_FIELD_TIMELINESS, model.timeliness);
    expect_field(row, FORM4_FIELD_SHARES, model.shares);
    expect_field(row, FORM4_FIELD_PRICE_PER_SHARE, model.price_per_share);
    expect_field(row, FORM4_FIELD_ACQUIRED_DISPOSED, model.acquired_disposed);
}

void expect_row(const form4_row* row, const form4::non_derivative_holding& model) { expect_common(row, model); }

template <class Row>
void expect_derivative_common(const form4_row* row, const Row& model) {
    expect_common(row, model);
    expect_field(row, FORM4_FIELD_CONVERSION_OR_EXERCISE_PRICE, model.conversion_or_exercise_price);
    expect_field(row, FORM4_FIELD_EXERCISE_DATE, model.exercise_date);
    expect_field(row, FORM4_FIELD_EXPIRATION_DATE, model.expiration_date);
    expect_field(row, FORM4_FIELD_UNDERLYING_TITLE, model.underlying.title);
    expect_field(row, FORM4_FIELD_UNDERLYING_SHARES, model.underlying.shares);
    expect_field(row, FORM4_FIELD_UNDERLYING_VALUE, model.underlying.value);
}

void expect_row(const form4_row* row, const form4::derivative_transaction& model) {
    expect_derivative_common(row, model);
    expect_field(row, FORM4_FIELD_TRANSACTION_DATE, model.transaction_date);
    expect_field(row, FORM4_FIELD_DEEMED_EXECUTION_DATE, model.deemed_execution_date);
    expect_field(row, FORM4_FIELD_TIMELINESS, model.timeliness);
    expect_field(row, FORM4_FIELD_SHARES, model.shares);
    expect_field(row, FORM4_FIELD_TOTAL_VALUE, model.total_value);
    expect_field(row, FORM4_FIELD_PRICE_PER_SHARE, model.price_per_share);
    expect_field(row, FORM4_FIELD_ACQUIRED_DISPOSED, model.acquired_disposed);
}

void expect_row(const form4_row* row, const form4::derivative_holding& model) { expect_derivative_common(row, model); }

template <class Row>
void expect_table(const form4_document* doc, std::int32_t table, const std::vector<Row>& rows) {
    std::size_t count = 0;
    ASSERT_EQ(form4_document_row_count(&count, doc, table), FORM4_OK);
    ASSERT_EQ(count, rows.size()) << "table " << table;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE("table " + std::to_string(table) + " row " + std::to_string(i));
        const form4_row* row = nullptr;
        ASSERT_EQ(form4_document_row(&row, doc, table, i), FORM4_OK);
        std::int32_t row_table = 0;
        ASSERT_EQ(form4_row_table(&row_table, row), FORM4_OK);
        EXPECT_EQ(row_table, table);
        expect_row(row, rows[i]);
    }
}

// --- document -------------------------------------------------------------

using text_getter = int (*)(const char**, std::size_t*, const form4_document*);
void expect_text(text_getter get, const form4_document* doc, const std::string& expected, const char* what) {
    const char* text = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(get(&text, &length, doc), FORM4_OK) << what;
    EXPECT_EQ(view(text, length), expected) << what;
    EXPECT_EQ(text[length], '\0') << what;
}

template <class Handle>
void expect_flag(int (*get)(int*, const Handle*), const Handle* handle, const std::optional<bool>& expected,
                 const char* what) {
    int flag = -1;
    const int status = get(&flag, handle);
    if (expected) {
        ASSERT_EQ(status, FORM4_OK) << what;
        EXPECT_EQ(flag, *expected ? 1 : 0) << what;
    } else {
        EXPECT_EQ(status, FORM4_E_ABSENT) << what;
    }
}

template <class Handle>
void expect_optional_date(int (*get)(form4_date*, const Handle*), const Handle* handle,
                          const std::optional<form4::date>& expected, const char* what) {
    form4_date date{};
    const int status = get(&date, handle);
    if (expected && !expected->is_special()) {
        ASSERT_EQ(status, FORM4_OK) << what;
        expect_date_equal(date, *expected, what);
    } else {
        EXPECT_EQ(status, FORM4_E_ABSENT) << what;
    }
}

using owner_text_getter = int (*)(const char**, std::size_t*, const form4_reporting_owner*);
void expect_owner_text(owner_text_getter get, const form4_reporting_owner* owner, const std::string& expected,
                       const char* what) {
    const char* text = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(get(&text, &length, owner), FORM4_OK) << what;
    EXPECT_EQ(view(text, length), expected) << what;
}

void expect_owner(const form4_reporting_owner* owner, const form4::reporting_owner& model) {
    expect_owner_text(form4_reporting_owner_cik, owner, model.id.cik, "cik");
    expect_owner_text(form4_reporting_owner_ccc, owner, model.id.ccc, "ccc");
    expect_owner_text(form4_reporting_owner_name, owner, model.id.name, "name");
    expect_owner_text(form4_reporting_owner_street1, owner, model.address.street1, "street1");
    expect_owner_text(form4_reporting_owner_street2, owner, model.address.street2, "street2");
    expect_owner_text(form4_reporting_owner_city, owner, model.address.city, "city");
    expect_owner_text(form4_reporting_owner_state, owner, model.address.state, "state");
    expect_owner_text(form4_reporting_owner_zip_code, owner, model.address.zip_code, "zip_code");
    expect_owner_text(form4_reporting_owner_state_description, owner, model.address.state_description,
                      "state_description");
    expect_owner_text(form4_reporting_owner_non_us_state_territory, owner, model.address.non_us_state_territory,
                      "non_us_state_territory");
    expect_owner_text(form4_reporting_owner_country, owner, model.address.country, "country");
    expect_flag(form4_reporting_owner_non_us_address, owner, model.address.non_us_address, "non_us_address");
    expect_flag(form4_reporting_owner_good_address, owner, model.address.good_address, "good_address");
    expect_flag(form4_reporting_owner_is_director, owner, model.relationship.is_director, "is_director");
    expect_flag(form4_reporting_owner_is_officer, owner, model.relationship.is_officer, "is_officer");
    expect_flag(form4_reporting_owner_is_ten_percent_owner, owner, model.relationship.is_ten_percent_owner,
                "is_ten_percent_owner");
    expect_flag(form4_reporting_owner_is_other, owner, model.relationship.is_other, "is_other");
    expect_owner_text(form4_reporting_owner_officer_title, owner, model.relationship.officer_title, "officer_title");
    expect_owner_text(form4_reporting_owner_other_text, owner, model.relationship.other_text, "other_text");
}

void expect_document(const form4_document* doc, const form4::document& model) {
    expect_text(form4_document_schema_version, doc, model.schema_version, "schema_version");
    std::int32_t type = -1;
    const char* type_text = nullptr;
    std::size_t type_length = 0;
    ASSERT_EQ(form4_document_type(&type, &type_text, &type_length, doc), FORM4_OK);
    EXPECT_EQ(type, expected_value(model.type.value));
    EXPECT_EQ(view(type_text, type_length), model.type.text);
    expect_optional_date(form4_document_period_of_report, doc, model.period_of_report, "period_of_report");
    expect_optional_date(form4_document_date_of_original_submission, doc, model.date_of_original_submission,
                         "date_of_original_submission");
    expect_flag(form4_document_no_securities_owned, doc, model.no_securities_owned, "no_securities_owned");
    expect_flag(form4_document_not_subject_to_section16, doc, model.not_subject_to_section16,
                "not_subject_to_section16");
    expect_flag(form4_document_form3_holdings_reported, doc, model.form3_holdings_reported, "form3_holdings_reported");
    expect_flag(form4_document_form4_transactions_reported, doc, model.form4_transactions_reported,
                "form4_transactions_reported");
    expect_flag(form4_document_aff10b5_one, doc, model.aff10b5_one, "aff10b5_one");
    expect_text(form4_document_issuer_cik, doc, model.issuer.cik, "issuer.cik");
    expect_text(form4_document_issuer_name, doc, model.issuer.name, "issuer.name");
    expect_text(form4_document_issuer_trading_symbol, doc, model.issuer.trading_symbol, "issuer.trading_symbol");
    expect_text(form4_document_issuer_foreign_trading_symbol, doc, model.issuer.foreign_trading_symbol,
                "issuer.foreign_trading_symbol");
    expect_text(form4_document_remarks, doc, model.remarks, "remarks");
    expect_text(form4_document_accession_number, doc, model.filing.accession_number, "accession_number");
    expect_text(form4_document_submission_type, doc, model.filing.submission_type, "submission_type");
    expect_optional_date(form4_document_filing_date, doc, model.filing.filing_date, "filing_date");
    {
        form4_datetime accepted{};
        const int status = form4_document_acceptance_datetime(&accepted, doc);
        if (const auto& expected = model.filing.acceptance_datetime) {
            ASSERT_EQ(status, FORM4_OK);
            expect_date_equal(accepted.date, expected->date(), "acceptance_datetime");
            EXPECT_EQ(accepted.hour, expected->time_of_day().hours());
            EXPECT_EQ(accepted.minute, expected->time_of_day().minutes());
            EXPECT_EQ(accepted.second, expected->time_of_day().seconds());
            EXPECT_EQ(std::string(accepted.iso), boost::posix_time::to_iso_extended_string(*expected));
        } else {
            EXPECT_EQ(status, FORM4_E_ABSENT);
        }
    }
    std::size_t count = 0;
    ASSERT_EQ(form4_document_file_number_count(&count, doc), FORM4_OK);
    ASSERT_EQ(count, model.filing.file_numbers.size());
    for (std::size_t i = 0; i < count; ++i) {
        const char* text = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_document_file_number(&text, &length, doc, i), FORM4_OK);
        EXPECT_EQ(view(text, length), model.filing.file_numbers[i]);
    }

    ASSERT_EQ(form4_document_reporting_owner_count(&count, doc), FORM4_OK);
    ASSERT_EQ(count, model.reporting_owners.size());
    for (std::size_t i = 0; i < count; ++i) {
        SCOPED_TRACE("reporting owner " + std::to_string(i));
        const form4_reporting_owner* owner = nullptr;
        ASSERT_EQ(form4_document_reporting_owner(&owner, doc, i), FORM4_OK);
        expect_owner(owner, model.reporting_owners[i]);
    }
    ASSERT_EQ(form4_document_footnote_count(&count, doc), FORM4_OK);
    ASSERT_EQ(count, model.footnotes.size());
    for (std::size_t i = 0; i < count; ++i) {
        const form4_footnote* note = nullptr;
        ASSERT_EQ(form4_document_footnote(&note, doc, i), FORM4_OK);
        const char* text = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_footnote_id(&text, &length, note), FORM4_OK);
        EXPECT_EQ(view(text, length), model.footnotes[i].id);
        ASSERT_EQ(form4_footnote_text(&text, &length, note), FORM4_OK);
        EXPECT_EQ(view(text, length), model.footnotes[i].text);
    }
    ASSERT_EQ(form4_document_signature_count(&count, doc), FORM4_OK);
    ASSERT_EQ(count, model.signatures.size());
    for (std::size_t i = 0; i < count; ++i) {
        const form4_signature* signature = nullptr;
        ASSERT_EQ(form4_document_signature(&signature, doc, i), FORM4_OK);
        const char* text = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_signature_name(&text, &length, signature), FORM4_OK);
        EXPECT_EQ(view(text, length), model.signatures[i].name);
        expect_optional_date(form4_signature_date, signature, model.signatures[i].date, "signature date");
    }
    expect_table(doc, FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, model.non_derivative_transactions);
    expect_table(doc, FORM4_TABLE_NON_DERIVATIVE_HOLDING, model.non_derivative_holdings);
    expect_table(doc, FORM4_TABLE_DERIVATIVE_TRANSACTION, model.derivative_transactions);
    expect_table(doc, FORM4_TABLE_DERIVATIVE_HOLDING, model.derivative_holdings);
}

void expect_diagnostics(const form4_result* result, const std::vector<form4::diagnostic>& expected) {
    std::size_t count = 0;
    ASSERT_EQ(form4_result_diagnostic_count(&count, result), FORM4_OK);
    ASSERT_EQ(count, expected.size());
    for (std::size_t i = 0; i < count; ++i) {
        const form4_diagnostic* d = nullptr;
        ASSERT_EQ(form4_result_diagnostic(&d, result, i), FORM4_OK);
        std::int32_t severity = -1;
        ASSERT_EQ(form4_diagnostic_severity(&severity, d), FORM4_OK);
        EXPECT_EQ(severity, static_cast<std::int32_t>(expected[i].level));  // note 0, warning 1, error 2
        const char* text = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_diagnostic_code(&text, &length, d), FORM4_OK);
        EXPECT_EQ(view(text, length), expected[i].code);
        ASSERT_EQ(form4_diagnostic_message(&text, &length, d), FORM4_OK);
        EXPECT_EQ(view(text, length), expected[i].message);
        std::size_t position = 0;
        ASSERT_EQ(form4_diagnostic_line(&position, d), FORM4_OK);
        EXPECT_EQ(position, expected[i].line);
        ASSERT_EQ(form4_diagnostic_column(&position, d), FORM4_OK);
        EXPECT_EQ(position, expected[i].column);
    }
}

void expect_whole_document_outputs(const form4_document* doc, const form4::document& model,
                                   const std::string& accession_fallback) {
    for (std::uint32_t flags : {0u, static_cast<std::uint32_t>(FORM4_JSON_PRETTY)}) {
        char* raw = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_document_to_json(&raw, &length, doc, flags), FORM4_OK);
        string_ptr json(raw);
        form4::json_options options;
        options.pretty = flags == FORM4_JSON_PRETTY;
        EXPECT_EQ(std::string(json.get(), length), form4::to_json(model, options)) << "json flags " << flags;
    }

    form4_dataset* raw = nullptr;
    ASSERT_EQ(form4_document_to_dataset(&raw, doc, nullptr), FORM4_OK);
    dataset_ptr dataset(raw);
    form4::dataset::tables tables;
    form4::dataset::key_counters keys;
    form4::dataset::append(tables, model, accession_fallback, {}, keys);
    for (std::int32_t t = 0; t < FORM4_DATASET_TABLE_COUNT; ++t) {
        const auto table = form4::dataset::all_tables[static_cast<std::size_t>(t)];
        const char* text = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_dataset_table_name(&text, &length, t), FORM4_OK);
        EXPECT_EQ(view(text, length), form4::dataset::name(table));
        std::size_t columns = 0;
        ASSERT_EQ(form4_dataset_column_count(&columns, t), FORM4_OK);
        ASSERT_EQ(columns, form4::dataset::columns(table).size());
        for (std::size_t c = 0; c < columns; ++c) {
            ASSERT_EQ(form4_dataset_column_name(&text, &length, t, c), FORM4_OK);
            EXPECT_EQ(view(text, length), form4::dataset::columns(table)[c]);
        }
        std::size_t rows = 0;
        ASSERT_EQ(form4_dataset_row_count(&rows, dataset.get(), t), FORM4_OK);
        ASSERT_EQ(rows, tables[table].size()) << form4::dataset::name(table);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < columns; ++c) {
                ASSERT_EQ(form4_dataset_cell(&text, &length, dataset.get(), t, r, c), FORM4_OK);
                EXPECT_EQ(view(text, length), tables[table][r][c])
                    << form4::dataset::name(table) << " row " << r << " " << form4::dataset::columns(table)[c];
            }
        ASSERT_EQ(form4_dataset_tsv(&text, &length, dataset.get(), t), FORM4_OK);
        std::string header = form4::dataset::tsv_header(table);
        if (header.empty() || header.back() != '\n') header += '\n';
        EXPECT_EQ(view(text, length), header + form4::dataset::to_tsv(tables[table]));
    }
}

}  // namespace

TEST(CapiAgreesWithCpp, TablesHaveTheFieldsTheHeaderLists) {
    const std::set<std::int32_t> common{FORM4_FIELD_SECURITY_TITLE,        FORM4_FIELD_CODING,
                                        FORM4_FIELD_FORM_TYPE,             FORM4_FIELD_SHARES_OWNED_FOLLOWING,
                                        FORM4_FIELD_VALUE_OWNED_FOLLOWING, FORM4_FIELD_DIRECT_OR_INDIRECT,
                                        FORM4_FIELD_NATURE_OF_OWNERSHIP};
    std::set<std::int32_t> transaction = common;
    transaction.insert({FORM4_FIELD_TRANSACTION_DATE, FORM4_FIELD_DEEMED_EXECUTION_DATE, FORM4_FIELD_TRANSACTION_CODE,
                        FORM4_FIELD_EQUITY_SWAP_INVOLVED, FORM4_FIELD_TIMELINESS, FORM4_FIELD_SHARES,
                        FORM4_FIELD_PRICE_PER_SHARE, FORM4_FIELD_ACQUIRED_DISPOSED});
    const std::set<std::int32_t> derivative{FORM4_FIELD_CONVERSION_OR_EXERCISE_PRICE, FORM4_FIELD_EXERCISE_DATE,
                                            FORM4_FIELD_EXPIRATION_DATE,              FORM4_FIELD_UNDERLYING_TITLE,
                                            FORM4_FIELD_UNDERLYING_SHARES,            FORM4_FIELD_UNDERLYING_VALUE};
    std::set<std::int32_t> derivative_transaction = transaction;
    derivative_transaction.insert(derivative.begin(), derivative.end());
    derivative_transaction.insert(FORM4_FIELD_TOTAL_VALUE);
    std::set<std::int32_t> derivative_holding = common;
    derivative_holding.insert(derivative.begin(), derivative.end());

    expect_fields_only(FORM4_TABLE_NON_DERIVATIVE_TRANSACTION, transaction);
    expect_fields_only(FORM4_TABLE_NON_DERIVATIVE_HOLDING, common);
    expect_fields_only(FORM4_TABLE_DERIVATIVE_TRANSACTION, derivative_transaction);
    expect_fields_only(FORM4_TABLE_DERIVATIVE_HOLDING, derivative_holding);

    for (std::int32_t field = 1; field < FORM4_FIELD_COUNT; ++field) {
        const char* name = nullptr;
        std::size_t length = 0;
        ASSERT_EQ(form4_field_name(&name, &length, field), FORM4_OK);
        EXPECT_GT(length, 0u) << field;
    }
}

namespace {

std::int32_t expected_format(form4::input_format format) {
    switch (format) {
        case form4::input_format::xml: return FORM4_FORMAT_XML;
        case form4::input_format::text: return FORM4_FORMAT_TEXT;
        case form4::input_format::html: return FORM4_FORMAT_HTML;
        case form4::input_format::submission: return FORM4_FORMAT_SUBMISSION;
        default: return FORM4_FORMAT_AUTO;
    }
}

// Parses one file both ways and compares everything; true when a document
// came out.
bool expect_agreement(const std::filesystem::path& path) {
    SCOPED_TRACE(path.filename().string());
    const form4::parse_result cpp = form4::parse_file(path);
    int status = 0;
    result_ptr result = parse_path(path.string(), &status);
    EXPECT_NE(result, nullptr);
    if (!result) return false;
    EXPECT_EQ(status, cpp.ok() ? FORM4_OK : FORM4_E_PARSE) << status_text(status);
    std::int32_t format = -1;
    EXPECT_EQ(form4_result_format(&format, result.get()), FORM4_OK);
    EXPECT_EQ(format, expected_format(cpp.format));
    expect_diagnostics(result.get(), cpp.diagnostics);
    const form4_document* doc = nullptr;
    if (!cpp.ok()) {
        EXPECT_EQ(form4_result_document(&doc, result.get()), FORM4_E_NO_DOCUMENT);
        return false;
    }
    EXPECT_EQ(form4_result_document(&doc, result.get()), FORM4_OK);
    if (!doc) return false;
    expect_document(doc, *cpp.doc);
    expect_whole_document_outputs(doc, *cpp.doc, path.stem().string());
    return true;
}

}  // namespace

TEST(CapiAgreesWithCpp, EveryFieldOfEveryCorpusXmlFile) {
    const auto files = form4::testing::corpus_files("xml", ".xml");
    ASSERT_GT(files.size(), 300u) << "corpus not found under " << form4::testing::corpus_dir();
    std::size_t documents = 0;
    for (const auto& path : files) {
        if (expect_agreement(path)) ++documents;
        if (::testing::Test::HasFailure()) break;  // one file's report is enough to read
    }
    EXPECT_GT(documents, 300u);
}

// Submissions (.txt, .nc with CR line ends), rendered text and HTML: the
// same agreement, including what the envelope adds (accession number,
// filing date, file numbers) and inputs no front end reads yet.
TEST(CapiAgreesWithCpp, EveryOtherInputFormOfTheCorpus) {
    std::vector<std::filesystem::path> files;
    for (const auto& [folder, extension] : {std::pair{"submission", ".txt"}, std::pair{"submission", ".nc"},
                                            std::pair{"text", ".txt"}, std::pair{"html", ".html"}})
        for (auto& path : form4::testing::corpus_files(folder, extension)) files.push_back(std::move(path));
    ASSERT_GT(files.size(), 30u);
    for (const auto& path : files) {
        expect_agreement(path);
        if (::testing::Test::HasFailure()) break;
    }
}

TEST(CapiAgreesWithCpp, ParseFromMemoryEqualsParseFromFile) {
    const auto path = form4::testing::corpus_dir() / "xml" / "form4" / "0000320193-22-000061.xml";
    const std::string bytes = form4::testing::read_file(path);
    int status = 0;
    result_ptr from_memory = parse_bytes(bytes, &status);
    ASSERT_EQ(status, FORM4_OK);
    result_ptr from_file = parse_path(path.string(), &status);
    ASSERT_EQ(status, FORM4_OK);
    const form4_document* a = nullptr;
    const form4_document* b = nullptr;
    ASSERT_EQ(form4_result_document(&a, from_memory.get()), FORM4_OK);
    ASSERT_EQ(form4_result_document(&b, from_file.get()), FORM4_OK);
    char* json_a = nullptr;
    char* json_b = nullptr;
    ASSERT_EQ(form4_document_to_json(&json_a, nullptr, a, 0), FORM4_OK);
    ASSERT_EQ(form4_document_to_json(&json_b, nullptr, b, 0), FORM4_OK);
    string_ptr owned_a(json_a), owned_b(json_b);
    EXPECT_STREQ(json_a, json_b);

    // Only the file knows its name: the data set's accession fallback.
    form4_dataset* raw = nullptr;
    const char* cell = nullptr;
    ASSERT_EQ(form4_document_to_dataset(&raw, b, nullptr), FORM4_OK);
    dataset_ptr with_name(raw);
    ASSERT_EQ(form4_dataset_cell(&cell, nullptr, with_name.get(), FORM4_DATASET_SUBMISSION, 0, 0), FORM4_OK);
    EXPECT_STREQ(cell, "0000320193-22-000061");
    form4_dataset_options opts = FORM4_DATASET_OPTIONS_INIT;
    opts.accession_fallback = "given";
    opts.accession_fallback_len = 5;
    ASSERT_EQ(form4_document_to_dataset(&raw, a, &opts), FORM4_OK);
    dataset_ptr given(raw);
    ASSERT_EQ(form4_dataset_cell(&cell, nullptr, given.get(), FORM4_DATASET_SUBMISSION, 0, 0), FORM4_OK);
    EXPECT_STREQ(cell, "given");
}
