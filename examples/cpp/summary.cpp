// Example: read one filing with the C++ API and print who traded what.
//
//   form4_example_cpp FILE
//
// The C++ API is the model itself: plain structs, exact decimals, Boost
// dates. Links form4::form4 (static).
#include <cstdlib>
#include <iostream>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "form4/form4.hpp"

namespace {

template <class T>
std::string text_of(const form4::footnoted<T>& field) {
    if (!field.value) return "-";
    if constexpr (std::is_same_v<T, form4::decimal>) return field.value->to_string();
    else if constexpr (std::is_same_v<T, form4::date>) return boost::gregorian::to_iso_extended_string(*field.value);
    else return *field.value;
}

// The value of a trade, rounded to dollars for display. The model keeps
// exact decimals; to_double() is the explicit step out of exactness.
std::string trade_value(const form4::non_derivative_transaction& row) {
    if (!row.shares.value || !row.price_per_share.value) return "-";
    const double value = row.shares.value->to_double() * row.price_per_share.value->to_double();
    return std::to_string(static_cast<long long>(value + 0.5));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " FILE\n";
        return 2;
    }
    form4::parse_options options;
    options.lenient = true;  // keep what a damaged filing still says
    const form4::parse_result result = form4::parse_file(argv[1], options);
    for (const form4::diagnostic& d : result.diagnostics) std::cerr << argv[1] << ":" << form4::format(d) << "\n";
    if (!result.ok()) return 1;
    const form4::document& doc = *result.doc;

    std::cout << "form " << doc.type.text << " (" << form4::to_string(result.format) << ")\n"
              << "issuer: " << doc.issuer.name << " [" << doc.issuer.trading_symbol << "]\n";
    if (doc.period_of_report)
        std::cout << "period: " << boost::gregorian::to_iso_extended_string(*doc.period_of_report) << "\n";
    for (const form4::reporting_owner& owner : doc.reporting_owners)
        std::cout << "owner: " << owner.id.name
                  << (owner.relationship.officer_title.empty() ? "" : " (" + owner.relationship.officer_title + ")")
                  << "\n";
    for (const form4::non_derivative_transaction& row : doc.non_derivative_transactions) {
        const std::string code = row.coding ? row.coding->code.text : "?";
        std::cout << "trade: " << text_of(row.transaction_date) << " " << code << " " << text_of(row.shares)
                  << " @ " << text_of(row.price_per_share) << " = " << trade_value(row) << "  "
                  << text_of(row.security_title) << "\n";
    }
    for (const form4::derivative_transaction& row : doc.derivative_transactions)
        std::cout << "derivative: " << text_of(row.transaction_date) << " " << text_of(row.shares) << " "
                  << text_of(row.security_title) << " -> " << text_of(row.underlying.title) << "\n";
    std::cout << "holdings: " << doc.non_derivative_holdings.size() + doc.derivative_holdings.size()
              << ", footnotes: " << doc.footnotes.size() << "\n";
    return EXIT_SUCCESS;
}
