#pragma once
// Internal: lint's plausibility rules on transaction rows (figures that
// cannot all be right), shared by lint() and the activity rows.
#include <optional>
#include <vector>

#include "form4/lint.hpp"

namespace form4::detail {

// Appends findings (without positions) for:
//   lint.price-looks-like-total   a price that is the trade's total typed in the price column
//   lint.acquired-exceeds-owned   more acquired than owned following the transaction
//   lint.transaction-after-filing a transaction dated after the filing date
void check_plausibility(const document& doc, std::optional<date> filing_date, std::vector<lint_finding>& out);

// lint() restricted to the rules on transaction rows (amounts, codes,
// directions, holdings chain, dates, plausibility), without positions: what
// the activity rows' warnings need, at a third of lint()'s cost.
std::vector<lint_finding> lint_transaction_rows(const document& doc, const lint_options& options);

}  // namespace form4::detail
