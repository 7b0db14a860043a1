// What every ownership schema (X0101 to X0508) requires at least once: a
// document without one of these is not a filing, however well-formed, and
// must not come out as a row of empty cells.
#include "xml/required_elements.hpp"

#include <string>

namespace form4::detail {

void check_required_elements(const document& doc, grammar::xml::iterator_type root_at,
                             grammar::xml::parse_state& state) {
    struct requirement {
        bool present;
        const char* element;
    };
    const requirement required[] = {
        {!doc.type.text.empty(), "<documentType>"},
        {doc.period_of_report.has_value(), "<periodOfReport>"},
        {!doc.issuer.cik.empty(), "<issuer> with <issuerCik>"},
        {!doc.reporting_owners.empty(), "<reportingOwner>"},
        {!doc.signatures.empty(), "<ownerSignature>"},
    };
    for (const auto& r : required) {
        if (r.present) continue;
        std::string message = std::string("the schema requires ") + r.element + " in <ownershipDocument>";
        if (!state.lenient) state.fail(root_at, "xml.missing-required", message + ", and there is none");
        state.report(severity::warning, root_at, "xml.missing-required", message + ": it is missing");
    }
}

}  // namespace form4::detail
