#pragma once
// The model member each schema element is read into, for source positions
// (parse_options::record_positions). An element's name says its member
// wherever it appears, so one table serves the whole schema.
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace form4::grammar::xml {

struct model_field {
    std::string_view member;  // empty: a grouping that adds nothing to the path (<value>, <nonDerivativeTable>)
    bool is_list = false;     // each element is one more entry: "reporting_owners[1]"
};

namespace detail {

struct named_field {
    std::string_view element;
    model_field field;
};

// Sorted by element name.
inline constexpr std::array<named_field, 76> model_fields_by_element{{
    {"aff10b5One", {"aff10b5_one"}},
    {"conversionOrExercisePrice", {"conversion_or_exercise_price"}},
    {"dateOfOriginalSubmission", {"date_of_original_submission"}},
    {"deemedExecutionDate", {"deemed_execution_date"}},
    {"derivativeHolding", {"derivative_holdings", true}},
    {"derivativeTable", {""}},
    {"derivativeTransaction", {"derivative_transactions", true}},
    {"directOrIndirectOwnership", {"direct_or_indirect"}},
    {"documentType", {"type"}},
    {"equitySwapInvolved", {"equity_swap_involved"}},
    {"exerciseDate", {"exercise_date"}},
    {"expirationDate", {"expiration_date"}},
    {"footnotes", {""}},
    {"form3HoldingsReported", {"form3_holdings_reported"}},
    {"form4TransactionsReported", {"form4_transactions_reported"}},
    {"isDirector", {"is_director"}},
    {"isOfficer", {"is_officer"}},
    {"isOther", {"is_other"}},
    {"isTenPercentOwner", {"is_ten_percent_owner"}},
    {"issuer", {"issuer"}},
    {"issuerCik", {"cik"}},
    {"issuerForeignTradingSymbol", {"foreign_trading_symbol"}},
    {"issuerName", {"name"}},
    {"issuerTradingSymbol", {"trading_symbol"}},
    {"natureOfOwnership", {"nature"}},
    {"noSecuritiesOwned", {"no_securities_owned"}},
    {"nonDerivativeHolding", {"non_derivative_holdings", true}},
    {"nonDerivativeTable", {""}},
    {"nonDerivativeTransaction", {"non_derivative_transactions", true}},
    {"notSubjectToSection16", {"not_subject_to_section16"}},
    {"officerTitle", {"officer_title"}},
    {"otherText", {"other_text"}},
    {"ownerSignature", {"signatures", true}},
    {"ownershipDocument", {""}},
    {"ownershipNature", {"ownership"}},
    {"periodOfReport", {"period_of_report"}},
    {"postTransactionAmounts", {"post_transaction"}},
    {"remarks", {"remarks"}},
    {"reportingOwner", {"reporting_owners", true}},
    {"reportingOwnerAddress", {"address"}},
    {"reportingOwnerId", {"id"}},
    {"reportingOwnerRelationship", {"relationship"}},
    {"rptOwnerCcc", {"ccc"}},
    {"rptOwnerCik", {"cik"}},
    {"rptOwnerCity", {"city"}},
    {"rptOwnerCountry", {"country"}},
    {"rptOwnerGoodAddress", {"good_address"}},
    {"rptOwnerName", {"name"}},
    {"rptOwnerNonUSAddressFlag", {"non_us_address"}},
    {"rptOwnerNonUSStateTerritory", {"non_us_state_territory"}},
    {"rptOwnerState", {"state"}},
    {"rptOwnerStateDescription", {"state_description"}},
    {"rptOwnerStreet1", {"street1"}},
    {"rptOwnerStreet2", {"street2"}},
    {"rptOwnerZipCode", {"zip_code"}},
    {"schemaVersion", {"schema_version"}},
    {"securityTitle", {"security_title"}},
    {"sharesOwnedFollowingTransaction", {"shares_owned"}},
    {"signatureDate", {"date"}},
    {"signatureName", {"name"}},
    {"transactionAcquiredDisposedCode", {"acquired_disposed"}},
    {"transactionAmounts", {""}},
    {"transactionCode", {"code"}},
    {"transactionCoding", {"coding"}},
    {"transactionDate", {"transaction_date"}},
    {"transactionFormType", {"form_type"}},
    {"transactionPricePerShare", {"price_per_share"}},
    {"transactionShares", {"shares"}},
    {"transactionTimeliness", {"timeliness"}},
    {"transactionTotalValue", {"total_value"}},
    {"underlyingSecurity", {"underlying"}},
    {"underlyingSecurityShares", {"shares"}},
    {"underlyingSecurityTitle", {"title"}},
    {"underlyingSecurityValue", {"value"}},
    {"value", {""}},
    {"valueOwnedFollowingTransaction", {"value_owned"}},
}};

}  // namespace detail

// The member <element> is read into; nothing for an element the model has
// no member for (unknown elements, <footnoteId>).
constexpr std::optional<model_field> model_field_of(std::string_view element) {
    const auto& fields = detail::model_fields_by_element;
    auto at = std::lower_bound(fields.begin(), fields.end(), element,
                               [](const detail::named_field& f, std::string_view name) { return f.element < name; });
    if (at != fields.end() && at->element == element) return at->field;
    return std::nullopt;
}

}  // namespace form4::grammar::xml
