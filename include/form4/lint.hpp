#pragma once
// form4::lint: the Form 4 rules no schema checks, as diagnostics with stable
// codes. Each finding names the field it is about and cites the instruction
// or specification rule it rests on.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "form4/model/diagnostic.hpp"
#include "form4/model/document.hpp"
#include "form4/parse.hpp"
#include "form4/source_map.hpp"

namespace form4 {

struct lint_finding {
    severity level = severity::warning;
    std::string code;        // stable: "lint.<rule>", e.g. "lint.code-direction"
    std::string field;       // e.g. "non_derivative_transactions[0].acquired_disposed"
    std::string message;
    std::string reference;   // the instruction or rule it rests on
    // Where the field (or the nearest part of the document holding it) was
    // read, 1-based; 0 when unknown (no positions given, or not found).
    std::size_t line = 0, column = 0;
    bool operator==(const lint_finding&) const = default;
};

struct lint_options {
    // Filing date for the two-business-day deadline; defaults to doc.filing.filing_date.
    std::optional<date> filing_date;
    // Where each field was read (parse_options::record_positions), for the findings' line and column.
    const source_map* positions = nullptr;
};

std::vector<lint_finding> lint(const document& doc, const lint_options& options = {});
// Lints the parsed document (none when it did not parse) with the result's
// positions, and its filing date unless `options` gives one.
std::vector<lint_finding> lint(const parse_result& result, lint_options options = {});

// Every rule's code with a one-line description, for documentation and `form4 lint --rules`.
struct lint_rule {
    std::string_view code;
    std::string_view description;
};
const std::vector<lint_rule>& lint_rules();

// U.S. federal holidays as the SEC observes them (weekend holidays move to
// the nearest weekday), for counting business days.
bool is_federal_holiday(date day);
bool is_business_day(date day);
// The n-th business day after `day` (n >= 1).
date add_business_days(date day, int n);

}  // namespace form4
