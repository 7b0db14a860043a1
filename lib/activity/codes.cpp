// Transaction codes: their meaning and the class of trade each is.
#include "form4/activity.hpp"

namespace form4::activity {

std::string_view to_string(trade_class c) noexcept {
    switch (c) {
        case trade_class::purchase: return "purchase";
        case trade_class::sale: return "sale";
        case trade_class::award: return "award";
        case trade_class::exercise: return "exercise";
        case trade_class::conversion: return "conversion";
        case trade_class::tax: return "tax";
        case trade_class::gift: return "gift";
        case trade_class::disposition_to_issuer: return "disposition_to_issuer";
        case trade_class::expiration: return "expiration";
        case trade_class::other: return "other";
    }
    return "other";
}

trade_class classify(transaction_code code) noexcept {
    using tc = transaction_code;
    switch (code) {
        case tc::P: return trade_class::purchase;
        case tc::S: return trade_class::sale;
        case tc::A: return trade_class::award;
        case tc::M: case tc::X: case tc::O: return trade_class::exercise;
        case tc::C: return trade_class::conversion;
        case tc::F: return trade_class::tax;
        case tc::G: return trade_class::gift;
        case tc::D: return trade_class::disposition_to_issuer;
        case tc::E: case tc::H: return trade_class::expiration;
        default: return trade_class::other;
    }
}

// The technical specification's TransCodeList (§3.6.9, v3 and v5.5), which
// repeats General Instruction 8 word for word; K and V, which the list leaves
// out, as General Instruction 8 words them.
std::string_view code_description(transaction_code code) noexcept {
    using tc = transaction_code;
    switch (code) {
        case tc::A: return "A - Grant, award or other acquisition pursuant to Rule 16b-3(d)";
        case tc::C: return "C - Conversion of derivative security";
        case tc::D: return "D - Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)";
        case tc::E: return "E - Expiration of short derivative position";
        case tc::F:
            return "F - Payment of exercise price or tax liability by delivering or withholding securities incident "
                   "to the receipt, exercise or vesting of a security issued in accordance with Rule 16b-3";
        case tc::G: return "G - Bona fide gift";
        case tc::H: return "H - Expiration (or cancellation) of long derivative position with value received";
        case tc::I:
            return "I - Discretionary transaction in accordance with Rule 16b-3(f) resulting in acquisition or "
                   "disposition of issuer securities";
        case tc::J: return "J - Other acquisition or disposition (describe transaction)";
        case tc::K: return "K - Transaction in equity swap or instrument with similar characteristics";
        case tc::L: return "L - Small acquisition under Rule 16a-6";
        case tc::M: return "M - Exercise or conversion of derivative security exempted pursuant to Rule 16b-3";
        case tc::O: return "O - Exercise of out-of-the-money derivative security";
        case tc::P: return "P - Open market or private purchase of non-derivative or derivative security";
        case tc::S: return "S - Open market or private sale of non-derivative or derivative security";
        case tc::U: return "U - Disposition pursuant to a tender of shares in a change of control transaction";
        case tc::V: return "V - Transaction voluntarily reported earlier than required";
        case tc::W: return "W - Acquisition or disposition by will or the laws of descent and distribution";
        case tc::X: return "X - Exercise of in-the-money or at-the-money derivative security";
        case tc::Z: return "Z - Deposit into or withdrawal from voting trust";
        case tc::unknown: return "";
    }
    return "";
}

}  // namespace form4::activity
