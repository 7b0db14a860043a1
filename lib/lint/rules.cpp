// The catalogue of lint rules: each code once, with what it finds.
#include "form4/lint.hpp"

namespace form4 {

const std::vector<lint_rule>& lint_rules() {
    static const std::vector<lint_rule> rules{
        {"lint.relationship-none", "no relationship box checked"},
        {"lint.officer-title-missing", "officer without an officer title"},
        {"lint.other-text-missing", "other relationship without its description"},
        {"lint.duplicate-owner", "the same reporting owner CIK twice"},
        {"lint.coding-missing", "a transaction without a transaction code"},
        {"lint.code-unknown", "a transaction code not in the SEC's list"},
        {"lint.form-type-invalid", "transaction form type other than 4 or 5 on a Form 4 or 5"},
        {"lint.timeliness-invalid", "timeliness that contradicts the transaction's form type"},
        {"lint.transactions-on-form3", "transactions on a Form 3"},
        {"lint.code-direction", "acquired/disposed against what the code fixes (an exercise M acquires the "
                                "underlying, disposes of the derivative)"},
        {"lint.shares-missing", "a transaction without its amount (or with both shares and total value)"},
        {"lint.post-amount", "neither or both of shares and value owned following the transaction"},
        {"lint.underlying-amount", "neither or both of underlying shares and value"},
        {"lint.underlying-ratio", "options or units whose count differs from the underlying shares (1:1 expected)"},
        {"lint.holdings-chain", "shares owned after a row that do not follow from the row before it"},
        {"lint.value-or-footnote", "a price or date with neither a value nor a footnote"},
        {"lint.nature-with-direct", "a nature of ownership given for direct ownership"},
        {"lint.nature-missing", "indirect ownership without its nature"},
        {"lint.ownership-form-missing", "a row without D or I"},
        {"lint.exercise-after-expiration", "date exercisable after the expiration date"},
        {"lint.transaction-after-signature", "a transaction dated after the signature"},
        {"lint.period-of-report", "period of report that is not the earliest transaction date"},
        {"lint.late-filing", "filed after the second business day following the transaction"},
        {"lint.price-looks-like-total", "a price per share that is the trade's total (10,000 or more, and an ordinary "
                                        "share price when divided by the shares)"},
        {"lint.acquired-exceeds-owned", "more shares acquired than owned following the transaction"},
        {"lint.transaction-after-filing", "a transaction dated after the filing date"},
        {"lint.footnote-undefined", "a footnote referenced but not defined"},
        {"lint.footnote-unreferenced", "a footnote defined but never referenced"},
        {"lint.footnote-duplicate", "a footnote id defined twice"},
        {"lint.signature-missing", "no signature, or a signature without a name"},
        {"lint.signature-date-missing", "a signature without a date"},
    };
    return rules;
}

}  // namespace form4
