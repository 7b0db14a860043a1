// Getters of the document, its reporting owners, footnotes and signatures.
// Each getter is one line of a table below; the macros keep the argument
// checks and the exception guard identical everywhere.
#include <cstring>

#include "shim.hpp"
#include "util/iso_date.hpp"

using namespace form4::capi;

namespace {

template <class Handle>
const auto& model_of(const Handle* p) { return *impl(p); }
const form4::document& model_of(const form4_document* p) { return *impl(p)->model; }

int put_optional(form4_date* out, const std::optional<form4::date>& date, const char* function,
                 const char* what) noexcept {
    if (!date || !put_date(out, *date)) return absent(function, what);
    return FORM4_OK;
}

int put_optional_date_time(form4_datetime* out, const std::optional<form4::date_time>& moment,
                           const char* function, const char* what) noexcept {
    if (!moment || moment->is_special() || !put_date(&out->date, moment->date())) return absent(function, what);
    const auto clock = moment->time_of_day();
    out->hour = static_cast<std::int32_t>(clock.hours());
    out->minute = static_cast<std::int32_t>(clock.minutes());
    out->second = static_cast<std::int32_t>(clock.seconds());
    std::memcpy(out->iso, out->date.iso, form4::util::iso_date_size);
    form4::util::put_iso_clock(out->iso + form4::util::iso_date_size, static_cast<unsigned>(out->hour),
                               static_cast<unsigned>(out->minute), static_cast<unsigned>(out->second));
    out->iso[form4::util::iso_date_time_size] = '\0';
    return FORM4_OK;
}

int put_optional(int* out, const std::optional<bool>& flag, const char* function, const char* what) noexcept {
    if (!flag) return absent(function, what);
    *out = *flag ? 1 : 0;
    return FORM4_OK;
}

template <class Item, class Handle>
int put_item(const Handle** out, const std::vector<Item>& items, std::size_t index, const char* function) noexcept {
    if (int status = check_index(function, index, items.size()); status != FORM4_OK) return status;
    *out = handle(&items[index]);
    return FORM4_OK;
}

}  // namespace

// A text getter: int NAME(const char** out, size_t* out_len, const TYPE* p).
#define FORM4_TEXT_GETTER(NAME, TYPE, MEMBER)                                       \
    int NAME(const char** out, size_t* out_len, const TYPE* p) {                    \
        return guarded(__func__, [&](const char* function) {                        \
            FORM4_CAPI_REQUIRE(out);                                                \
            FORM4_CAPI_REQUIRE(p);                                                  \
            return put_text(out, out_len, model_of(p).MEMBER);                      \
        });                                                                         \
    }

// An optional flag or date: int NAME(OUT* out, const TYPE* p), OUT int or form4_date.
#define FORM4_OPTIONAL_GETTER(NAME, OUT, TYPE, MEMBER)                              \
    int NAME(OUT* out, const TYPE* p) {                                             \
        return guarded(__func__, [&](const char* function) {                        \
            FORM4_CAPI_REQUIRE(out);                                                \
            FORM4_CAPI_REQUIRE(p);                                                  \
            return put_optional(out, model_of(p).MEMBER, function, #MEMBER);        \
        });                                                                         \
    }
#define FORM4_BOOL_GETTER(NAME, TYPE, MEMBER) FORM4_OPTIONAL_GETTER(NAME, int, TYPE, MEMBER)
#define FORM4_DATE_GETTER(NAME, TYPE, MEMBER) FORM4_OPTIONAL_GETTER(NAME, form4_date, TYPE, MEMBER)

// A list: NAME_count(size_t* out, doc) and NAME(const HANDLE** out, doc, index).
#define FORM4_LIST_GETTERS(NAME, HANDLE, MEMBER)                                    \
    int NAME##_count(size_t* out, const form4_document* p) {                        \
        return guarded(__func__, [&](const char* function) {                        \
            FORM4_CAPI_REQUIRE(out);                                                \
            FORM4_CAPI_REQUIRE(p);                                                  \
            *out = model_of(p).MEMBER.size();                                       \
            return FORM4_OK;                                                        \
        });                                                                         \
    }                                                                               \
    int NAME(const HANDLE** out, const form4_document* p, size_t index) {           \
        return guarded(__func__, [&](const char* function) {                        \
            FORM4_CAPI_REQUIRE(out);                                                \
            FORM4_CAPI_REQUIRE(p);                                                  \
            return put_item(out, model_of(p).MEMBER, index, function);              \
        });                                                                         \
    }

extern "C" {

FORM4_TEXT_GETTER(form4_document_schema_version, form4_document, schema_version)
FORM4_DATE_GETTER(form4_document_period_of_report, form4_document, period_of_report)
FORM4_DATE_GETTER(form4_document_date_of_original_submission, form4_document, date_of_original_submission)
FORM4_BOOL_GETTER(form4_document_no_securities_owned, form4_document, no_securities_owned)
FORM4_BOOL_GETTER(form4_document_not_subject_to_section16, form4_document, not_subject_to_section16)
FORM4_BOOL_GETTER(form4_document_form3_holdings_reported, form4_document, form3_holdings_reported)
FORM4_BOOL_GETTER(form4_document_form4_transactions_reported, form4_document, form4_transactions_reported)
FORM4_BOOL_GETTER(form4_document_aff10b5_one, form4_document, aff10b5_one)
FORM4_TEXT_GETTER(form4_document_issuer_cik, form4_document, issuer.cik)
FORM4_TEXT_GETTER(form4_document_issuer_name, form4_document, issuer.name)
FORM4_TEXT_GETTER(form4_document_issuer_trading_symbol, form4_document, issuer.trading_symbol)
FORM4_TEXT_GETTER(form4_document_issuer_foreign_trading_symbol, form4_document, issuer.foreign_trading_symbol)
FORM4_TEXT_GETTER(form4_document_remarks, form4_document, remarks)
FORM4_TEXT_GETTER(form4_document_accession_number, form4_document, filing.accession_number)
FORM4_DATE_GETTER(form4_document_filing_date, form4_document, filing.filing_date)
int form4_document_acceptance_datetime(form4_datetime* out, const form4_document* p) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(p);
        return put_optional_date_time(out, model_of(p).filing.acceptance_datetime, function, "acceptance_datetime");
    });
}
FORM4_TEXT_GETTER(form4_document_submission_type, form4_document, filing.submission_type)

int form4_document_type(int32_t* out_value, const char** out_text, size_t* out_len, const form4_document* p) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(p);
        const auto& type = model_of(p).type;
        if (out_value) *out_value = code_value(type.value);
        if (out_text) put_text(out_text, out_len, type.text);
        else if (out_len) *out_len = type.text.size();
        return FORM4_OK;
    });
}

int form4_document_file_number_count(size_t* out, const form4_document* p) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(p);
        *out = model_of(p).filing.file_numbers.size();
        return FORM4_OK;
    });
}

int form4_document_file_number(const char** out, size_t* out_len, const form4_document* p, size_t index) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(p);
        const auto& numbers = model_of(p).filing.file_numbers;
        if (int status = check_index(function, index, numbers.size()); status != FORM4_OK) return status;
        return put_text(out, out_len, numbers[index]);
    });
}

FORM4_LIST_GETTERS(form4_document_reporting_owner, form4_reporting_owner, reporting_owners)
FORM4_LIST_GETTERS(form4_document_footnote, form4_footnote, footnotes)
FORM4_LIST_GETTERS(form4_document_signature, form4_signature, signatures)

FORM4_TEXT_GETTER(form4_reporting_owner_cik, form4_reporting_owner, id.cik)
FORM4_TEXT_GETTER(form4_reporting_owner_ccc, form4_reporting_owner, id.ccc)
FORM4_TEXT_GETTER(form4_reporting_owner_name, form4_reporting_owner, id.name)
FORM4_TEXT_GETTER(form4_reporting_owner_street1, form4_reporting_owner, address.street1)
FORM4_TEXT_GETTER(form4_reporting_owner_street2, form4_reporting_owner, address.street2)
FORM4_TEXT_GETTER(form4_reporting_owner_city, form4_reporting_owner, address.city)
FORM4_TEXT_GETTER(form4_reporting_owner_state, form4_reporting_owner, address.state)
FORM4_TEXT_GETTER(form4_reporting_owner_zip_code, form4_reporting_owner, address.zip_code)
FORM4_TEXT_GETTER(form4_reporting_owner_state_description, form4_reporting_owner, address.state_description)
FORM4_TEXT_GETTER(form4_reporting_owner_non_us_state_territory, form4_reporting_owner, address.non_us_state_territory)
FORM4_TEXT_GETTER(form4_reporting_owner_country, form4_reporting_owner, address.country)
FORM4_BOOL_GETTER(form4_reporting_owner_non_us_address, form4_reporting_owner, address.non_us_address)
FORM4_BOOL_GETTER(form4_reporting_owner_good_address, form4_reporting_owner, address.good_address)
FORM4_BOOL_GETTER(form4_reporting_owner_is_director, form4_reporting_owner, relationship.is_director)
FORM4_BOOL_GETTER(form4_reporting_owner_is_officer, form4_reporting_owner, relationship.is_officer)
FORM4_BOOL_GETTER(form4_reporting_owner_is_ten_percent_owner, form4_reporting_owner, relationship.is_ten_percent_owner)
FORM4_BOOL_GETTER(form4_reporting_owner_is_other, form4_reporting_owner, relationship.is_other)
FORM4_TEXT_GETTER(form4_reporting_owner_officer_title, form4_reporting_owner, relationship.officer_title)
FORM4_TEXT_GETTER(form4_reporting_owner_other_text, form4_reporting_owner, relationship.other_text)

FORM4_TEXT_GETTER(form4_footnote_id, form4_footnote, id)
FORM4_TEXT_GETTER(form4_footnote_text, form4_footnote, text)
FORM4_TEXT_GETTER(form4_signature_name, form4_signature, name)
FORM4_DATE_GETTER(form4_signature_date, form4_signature, date)

}  // extern "C"
