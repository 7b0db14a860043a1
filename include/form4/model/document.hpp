#pragma once
// The value-type model of an ownership document (Forms 3, 4, 5 and their
// amendments; EDGAR Ownership XML Technical Specification v5.5 and every
// earlier schema). Plain aggregates: default-constructible, copyable,
// equality-comparable. Text is as filed with surrounding white space removed;
// an empty string means the filing left the field out or empty.
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/ptime.hpp>

#include "form4/model/codes.hpp"
#include "form4/model/describe.hpp"
#include "form4/model/decimal.hpp"
#include "form4/model/footnoted.hpp"

namespace form4 {

using date = boost::gregorian::date;
// A time of day on a date, to the second, with no time zone attached.
using date_time = boost::posix_time::ptime;

struct issuer {
    std::string cik;                      // as filed (leading zeros kept)
    std::string name;
    std::string trading_symbol;
    std::string foreign_trading_symbol;   // v5.x
    bool operator==(const issuer&) const = default;
};
FORM4_DESCRIBE(issuer, (cik, name, trading_symbol, foreign_trading_symbol))

struct reporting_owner_id {
    std::string cik;
    std::string ccc;                      // only in submitted (not disseminated) documents
    std::string name;
    bool operator==(const reporting_owner_id&) const = default;
};
FORM4_DESCRIBE(reporting_owner_id, (cik, ccc, name))

struct address {
    std::string street1;
    std::string street2;
    std::string city;
    std::string state;                    // US state or SEC country code
    std::string zip_code;
    std::string state_description;
    std::string non_us_state_territory;   // v5.x
    std::string country;                  // v5.x
    std::optional<bool> non_us_address;   // rptOwnerNonUSAddressFlag
    std::optional<bool> good_address;     // rptOwnerGoodAddress
    bool operator==(const address&) const = default;
};
FORM4_DESCRIBE(address,
               (street1, street2, city, state, zip_code, state_description, non_us_state_territory, country,
                non_us_address, good_address))

struct relationship {
    std::optional<bool> is_director;
    std::optional<bool> is_officer;
    std::optional<bool> is_ten_percent_owner;
    std::optional<bool> is_other;
    std::string officer_title;
    std::string other_text;
    bool operator==(const relationship&) const = default;
};
FORM4_DESCRIBE(relationship, (is_director, is_officer, is_ten_percent_owner, is_other, officer_title, other_text))

struct reporting_owner {
    reporting_owner_id id;
    form4::address address;
    form4::relationship relationship;
    bool operator==(const reporting_owner&) const = default;
};
FORM4_DESCRIBE(reporting_owner, (id, address, relationship))

// transactionCoding of a transaction row (Table I or II).
struct transaction_coding {
    coded<form4::form_type> form_type;
    coded<transaction_code> code;
    std::optional<bool> equity_swap_involved;
    std::vector<std::string> footnote_ids;
    bool operator==(const transaction_coding&) const = default;
};
FORM4_DESCRIBE(transaction_coding, (form_type, code, equity_swap_involved, footnote_ids))

// transactionCoding of a holding row (Forms 3 and 5: the form the holding
// was or should have been reported on).
struct holding_coding {
    coded<form4::form_type> form_type;
    std::vector<std::string> footnote_ids;
    bool operator==(const holding_coding&) const = default;
};
FORM4_DESCRIBE(holding_coding, (form_type, footnote_ids))

// postTransactionAmounts: shares owned or (for some derivatives) a value.
struct post_transaction_amounts {
    footnoted<decimal> shares_owned;
    footnoted<decimal> value_owned;
    bool operator==(const post_transaction_amounts&) const = default;
};
FORM4_DESCRIBE(post_transaction_amounts, (shares_owned, value_owned))

struct ownership_nature {
    footnoted<coded<ownership_form>> direct_or_indirect;
    footnoted<std::string> nature;        // nature of indirect beneficial ownership
    bool operator==(const ownership_nature&) const = default;
};
FORM4_DESCRIBE(ownership_nature, (direct_or_indirect, nature))

struct underlying_security {
    footnoted<std::string> title;
    footnoted<decimal> shares;
    footnoted<decimal> value;
    bool operator==(const underlying_security&) const = default;
};
FORM4_DESCRIBE(underlying_security, (title, shares, value))

// Table I, a transaction row.
struct non_derivative_transaction {
    footnoted<std::string> security_title;
    footnoted<date> transaction_date;
    footnoted<date> deemed_execution_date;
    std::optional<transaction_coding> coding;
    footnoted<coded<form4::timeliness>> timeliness;
    footnoted<decimal> shares;
    footnoted<decimal> price_per_share;
    footnoted<coded<form4::acquired_disposed>> acquired_disposed;
    post_transaction_amounts post_transaction;
    ownership_nature ownership;
    bool operator==(const non_derivative_transaction&) const = default;
};
FORM4_DESCRIBE(non_derivative_transaction,
               (security_title, transaction_date, deemed_execution_date, coding, timeliness, shares,
                price_per_share, acquired_disposed, post_transaction, ownership))

// Table I, a holding row.
struct non_derivative_holding {
    footnoted<std::string> security_title;
    std::optional<holding_coding> coding;
    post_transaction_amounts post_transaction;
    ownership_nature ownership;
    bool operator==(const non_derivative_holding&) const = default;
};
FORM4_DESCRIBE(non_derivative_holding, (security_title, coding, post_transaction, ownership))

// Table II, a transaction row.
struct derivative_transaction {
    footnoted<std::string> security_title;
    footnoted<decimal> conversion_or_exercise_price;
    footnoted<date> transaction_date;
    footnoted<date> deemed_execution_date;
    std::optional<transaction_coding> coding;
    footnoted<coded<form4::timeliness>> timeliness;
    footnoted<decimal> shares;
    footnoted<decimal> total_value;
    footnoted<decimal> price_per_share;
    footnoted<coded<form4::acquired_disposed>> acquired_disposed;
    footnoted<date> exercise_date;
    footnoted<date> expiration_date;
    underlying_security underlying;
    post_transaction_amounts post_transaction;
    ownership_nature ownership;
    bool operator==(const derivative_transaction&) const = default;
};
FORM4_DESCRIBE(derivative_transaction,
               (security_title, conversion_or_exercise_price, transaction_date, deemed_execution_date, coding,
                timeliness, shares, total_value, price_per_share, acquired_disposed, exercise_date, expiration_date,
                underlying, post_transaction, ownership))

// Table II, a holding row.
struct derivative_holding {
    footnoted<std::string> security_title;
    footnoted<decimal> conversion_or_exercise_price;
    std::optional<holding_coding> coding;
    footnoted<date> exercise_date;
    footnoted<date> expiration_date;
    underlying_security underlying;
    post_transaction_amounts post_transaction;
    ownership_nature ownership;
    bool operator==(const derivative_holding&) const = default;
};
FORM4_DESCRIBE(derivative_holding,
               (security_title, conversion_or_exercise_price, coding, exercise_date, expiration_date, underlying,
                post_transaction, ownership))

struct footnote {
    std::string id;                       // "F1"
    std::string text;
    bool operator==(const footnote&) const = default;
};
FORM4_DESCRIBE(footnote, (id, text))

struct signature {
    std::string name;
    std::optional<form4::date> date;
    bool operator==(const signature&) const = default;
};
FORM4_DESCRIBE(signature, (name, date))

// What the EDGAR submission envelope adds; empty for a loose XML file.
struct filing_metadata {
    std::string accession_number;         // "0000320193-22-000061"
    std::optional<date> filing_date;      // FILED AS OF DATE
    std::string submission_type;          // CONFORMED SUBMISSION TYPE
    std::vector<std::string> file_numbers;  // per reporting owner, in owner order when known
    // <ACCEPTANCE-DATETIME>: when EDGAR accepted the filing, on EDGAR's clock
    // (US Eastern time), which is when the market could first read it.
    std::optional<date_time> acceptance_datetime;
    bool operator==(const filing_metadata&) const = default;
};
FORM4_DESCRIBE(filing_metadata, (accession_number, filing_date, submission_type, file_numbers, acceptance_datetime))

struct document {
    std::string schema_version;           // "X0306"; empty when not given
    coded<document_type> type;
    std::optional<date> period_of_report;
    std::optional<date> date_of_original_submission;
    std::optional<bool> no_securities_owned;
    std::optional<bool> not_subject_to_section16;
    std::optional<bool> form3_holdings_reported;
    std::optional<bool> form4_transactions_reported;
    std::optional<bool> aff10b5_one;
    form4::issuer issuer;
    std::vector<reporting_owner> reporting_owners;
    std::vector<non_derivative_transaction> non_derivative_transactions;
    std::vector<non_derivative_holding> non_derivative_holdings;
    std::vector<derivative_transaction> derivative_transactions;
    std::vector<derivative_holding> derivative_holdings;
    std::vector<footnote> footnotes;
    std::string remarks;
    std::vector<signature> signatures;
    filing_metadata filing;
    bool operator==(const document&) const = default;
};
FORM4_DESCRIBE(document,
               (schema_version, type, period_of_report, date_of_original_submission, no_securities_owned,
                not_subject_to_section16, form3_holdings_reported, form4_transactions_reported, aff10b5_one, issuer,
                reporting_owners, non_derivative_transactions, non_derivative_holdings, derivative_transactions,
                derivative_holdings, footnotes, remarks, signatures, filing))

}  // namespace form4
