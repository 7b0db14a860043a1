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

}  // namespace form4::detail
