#pragma once
// Hand-built documents for the writer tests: one that sets every field of the
// model (each to a value that differs from its neighbours, so a swapped
// member shows), and small builders for the table tests.
#include <string>
#include <utility>
#include <vector>

#include "form4/model.hpp"

namespace form4::testing {

inline decimal dec(std::string_view text) { return *decimal::parse(text); }

template <class T>
footnoted<T> with_notes(T value, std::vector<std::string> ids = {}) {
    return footnoted<T>{std::move(value), std::move(ids)};
}

template <class T>
footnoted<T> notes_only(std::vector<std::string> ids) {
    return footnoted<T>{std::nullopt, std::move(ids)};
}

inline date ymd(int y, int m, int d) {
    return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

inline document every_field_document() {
    document doc;
    doc.schema_version = "X0508";
    doc.type = make_coded<document_type>("4/A");
    doc.period_of_report = ymd(2024, 5, 4);
    doc.date_of_original_submission = ymd(2024, 5, 6);
    doc.no_securities_owned = false;
    doc.not_subject_to_section16 = true;
    doc.form3_holdings_reported = false;
    doc.form4_transactions_reported = true;
    doc.aff10b5_one = true;
    doc.issuer = {"0000320193", "Apple Inc.", "AAPL", "APC.DE"};

    reporting_owner first;
    first.id = {"0001214128", "x9y8z7#a", "LEVINSON ARTHUR D"};
    first.address = {"ONE APPLE PARK WAY", "SUITE 100",        "CUPERTINO",  "CA", "95014",
                     "California",         "Bavaria",          "DE",         false, true};
    first.relationship = {true, true, false, true, "Chief Executive Officer", "Member of 13(d) group"};
    reporting_owner second;
    second.id = {"0001000002", "", "SMITH JANE"};
    second.address.city = "TORONTO";
    second.address.state = "A6";
    second.address.non_us_address = true;
    second.relationship.is_ten_percent_owner = true;
    doc.reporting_owners = {first, second};

    non_derivative_transaction sale;
    sale.security_title = with_notes<std::string>("Common Stock", {"F1"});
    sale.transaction_date = with_notes(ymd(2024, 5, 2), {"F2", "F3"});
    sale.deemed_execution_date = with_notes(ymd(2024, 5, 1));
    sale.coding = transaction_coding{make_coded<form_type>("4"), make_coded<transaction_code>("S"), false, {"F4"}};
    sale.timeliness = with_notes(make_coded<timeliness>("L"), {"F5"});
    sale.shares = with_notes(dec("1500.00"), {"F6"});
    sale.price_per_share = with_notes(dec("26.80"));
    sale.acquired_disposed = with_notes(make_coded<acquired_disposed>("D"));
    sale.post_transaction.shares_owned = with_notes(dec("100000"), {"F7"});
    sale.post_transaction.value_owned = notes_only<decimal>({"F8"});
    sale.ownership.direct_or_indirect = with_notes(make_coded<ownership_form>("I"), {"F9"});
    sale.ownership.nature = with_notes<std::string>("By Trust", {"F10"});
    non_derivative_transaction gift;  // sparse: only what a minimal row carries
    gift.security_title = with_notes<std::string>("Common Stock");
    gift.transaction_date = with_notes(ymd(2024, 5, 3));
    gift.coding = transaction_coding{make_coded<form_type>("4"), make_coded<transaction_code>("G"), std::nullopt, {}};
    gift.shares = with_notes(dec("0.00"));
    gift.price_per_share = notes_only<decimal>({"F1", "F2"});
    doc.non_derivative_transactions = {sale, gift};

    non_derivative_holding held;
    held.security_title = with_notes<std::string>("Class B Stock", {"F3"});
    held.coding = holding_coding{make_coded<form_type>("5"), {"F4", "F1"}};
    held.post_transaction.shares_owned = with_notes(dec("-12.5"));
    held.post_transaction.value_owned = with_notes(dec("0.0001"), {"F2"});
    held.ownership.direct_or_indirect = with_notes(make_coded<ownership_form>("D"));
    held.ownership.nature = notes_only<std::string>({"F5"});
    doc.non_derivative_holdings = {held};

    derivative_transaction option;
    option.security_title = with_notes<std::string>("Stock Option (right to buy)", {"F1"});
    option.conversion_or_exercise_price = with_notes(dec("12.345"), {"F2"});
    option.transaction_date = with_notes(ymd(2024, 1, 31), {"F3"});
    option.deemed_execution_date = with_notes(ymd(2024, 2, 1), {"F4"});
    option.coding = transaction_coding{make_coded<form_type>("4"), make_coded<transaction_code>("M"), true, {"F5", "F6"}};
    option.timeliness = with_notes(make_coded<timeliness>("E"));
    option.shares = with_notes(dec("2000"), {"F7"});
    option.total_value = with_notes(dec("24690.00"), {"F8"});
    option.price_per_share = with_notes(dec("0"), {"F9"});
    option.acquired_disposed = with_notes(make_coded<acquired_disposed>("A"), {"F10"});
    option.exercise_date = with_notes(ymd(2025, 1, 31), {"F1"});
    option.expiration_date = with_notes(ymd(2034, 1, 31), {"F2"});
    option.underlying.title = with_notes<std::string>("Common Stock", {"F3"});
    option.underlying.shares = with_notes(dec("2000.50"), {"F4"});
    option.underlying.value = with_notes(dec("99.999"), {"F5"});
    option.post_transaction.shares_owned = with_notes(dec("4000"), {"F6"});
    option.post_transaction.value_owned = with_notes(dec("123.455"), {"F7"});
    option.ownership.direct_or_indirect = with_notes(make_coded<ownership_form>("D"), {"F8"});
    option.ownership.nature = with_notes<std::string>("", {"F9"});
    doc.derivative_transactions = {option};

    derivative_holding warrant;
    warrant.security_title = with_notes<std::string>("Warrants", {"F10"});
    warrant.conversion_or_exercise_price = with_notes(dec("11.50"));
    warrant.coding = holding_coding{make_coded<form_type>("3"), {}};
    warrant.exercise_date = notes_only<date>({"F1"});
    warrant.expiration_date = with_notes(ymd(2029, 12, 31));
    warrant.underlying.title = with_notes<std::string>("Class A Ordinary Shares");
    warrant.underlying.shares = with_notes(dec("5000"));
    warrant.underlying.value = notes_only<decimal>({"F2"});
    warrant.post_transaction.shares_owned = with_notes(dec("5000"));
    warrant.ownership.direct_or_indirect = with_notes(make_coded<ownership_form>("I"));
    warrant.ownership.nature = with_notes<std::string>("See footnote", {"F3", "F4"});
    doc.derivative_holdings = {warrant};

    for (int i = 1; i <= 10; ++i)
        doc.footnotes.push_back({"F" + std::to_string(i), "Footnote " + std::to_string(i) + " text, \"quoted\"\tand\nwrapped"});
    doc.remarks = "Exhibit 24 - Power of Attorney\nline two";
    doc.signatures = {{"/s/ Jane Smith, attorney-in-fact", ymd(2024, 5, 6)}, {"Arthur D. Levinson", std::nullopt}};
    doc.filing = {"0000320193-24-000061", ymd(2024, 5, 7), "4/A", {"001-36743", "002-00001"},
                  date_time(ymd(2024, 5, 7), boost::posix_time::time_duration(16, 5, 9))};
    return doc;
}

}  // namespace form4::testing
