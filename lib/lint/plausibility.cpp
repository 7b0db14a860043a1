#include "lint/plausibility.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

namespace form4::detail {
namespace {

__extension__ typedef __int128 wide;

// value x 10^digits as an integer (digits >= value's scale), in 128 bits.
wide scaled(decimal value, int digits) {
    wide m = value.mantissa();
    for (int s = value.scale(); s < digits; ++s) m *= 10;
    return m;
}

std::string field_of(std::string_view table, std::size_t index, std::string_view field) {
    return std::string(table) + "[" + std::to_string(index) + "]." + std::string(field);
}

// The total of a trade typed into its price column: a price of 10,000 or
// more that, divided by the shares, gives an ordinary share price (0.01 to
// 5,000), and a trade worth 100 million or more taken at its word. A real
// price that high (Berkshire Hathaway's class A) comes with few shares, which
// the quotient tells apart.
bool looks_like_total(decimal shares, decimal price) {
    if (shares.mantissa() <= 0 || price.mantissa() <= 0) return false;
    const int digits = 18;   // scales are at most 18
    wide s = scaled(shares, digits), p = scaled(price, digits), unit = scaled(decimal(1, 0), digits);
    if (s < 2 * unit || p < 10'000 * unit) return false;
    // price / shares in [0.01, 5000]  <=>  shares x 0.01 <= price <= shares x 5000
    if (p * 100 < s || (p - 1) / 5'000 >= s) return false;
    // shares x price >= 1e8: compare in units (both already x 10^18, so divide one back).
    return (s / unit) * (p / unit) >= 100'000'000;
}

template <class Row>
void check_row(const Row& row, std::string_view table, std::size_t index, std::optional<date> filing_date,
               std::vector<lint_finding>& out) {
    if (row.shares.value && row.price_per_share.value && looks_like_total(*row.shares.value, *row.price_per_share.value))
        out.push_back({severity::warning, "lint.price-looks-like-total", field_of(table, index, "price_per_share"),
                       "a price of " + row.price_per_share.value->to_string() + " for " + row.shares.value->to_string() +
                           " shares looks like the trade's total, not a price per share",
                       "Form 4 Table I column 4 / Table II column 8 (price per share)", 0, 0});
    if (row.shares.value && row.acquired_disposed.value &&
        row.acquired_disposed.value->value == acquired_disposed::acquired && row.post_transaction.shares_owned.value &&
        row.post_transaction.shares_owned.footnote_ids.empty() && *row.shares.value > *row.post_transaction.shares_owned.value)
        out.push_back({severity::warning, "lint.acquired-exceeds-owned", field_of(table, index, "post_transaction.shares_owned"),
                       "acquired " + row.shares.value->to_string() + " but owns only " +
                           row.post_transaction.shares_owned.value->to_string() + " following the transaction",
                       "Form 4 Table I column 5 / Table II column 9", 0, 0});
    if (filing_date && row.transaction_date.value && *row.transaction_date.value > *filing_date)
        out.push_back({severity::warning, "lint.transaction-after-filing", field_of(table, index, "transaction_date"),
                       "transaction on " + boost::gregorian::to_iso_extended_string(*row.transaction_date.value) +
                           " is after the filing date " + boost::gregorian::to_iso_extended_string(*filing_date),
                       "Securities Exchange Act §16(a)(2)(C): a Form 4 reports transactions already executed", 0, 0});
}

}  // namespace

void check_plausibility(const document& doc, std::optional<date> filing_date, std::vector<lint_finding>& out) {
    for (std::size_t i = 0; i < doc.non_derivative_transactions.size(); ++i)
        check_row(doc.non_derivative_transactions[i], "non_derivative_transactions", i, filing_date, out);
    for (std::size_t i = 0; i < doc.derivative_transactions.size(); ++i)
        check_row(doc.derivative_transactions[i], "derivative_transactions", i, filing_date, out);
}

}  // namespace form4::detail
