// Parses ownership XML files through form4::grammar alone: this translation
// unit instantiates the X3 grammar from the installed headers, as the library
// does in lib/xml/ownership_document.cpp. For each file it prints one line:
// FILE, then "ok" or the first error, the issuer's CIK and name, the reporting
// owners, the rows of the four tables, footnotes, and the first Table I
// transaction's shares as filed (tab-separated; "-" where there is none).
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <form4/grammar/xml/ownership_document_def.hpp>

namespace form4::grammar::xml {
BOOST_SPIRIT_INSTANTIATE(ownership_document_type, iterator_type, context_type)
}  // namespace form4::grammar::xml

namespace {

std::string summary(const std::string& bytes) {
    namespace xml = form4::grammar::xml;
    std::vector<form4::diagnostic> diagnostics;
    xml::parse_state state;
    state.begin = bytes.data();
    state.end = bytes.data() + bytes.size();
    state.lenient = true;  // what lenient parsing recovers, as the library's parse does
    state.diagnostics = &diagnostics;
    // The prolog (declaration, comments) is the front end's job, not the grammar's.
    const auto root = bytes.find("<ownershipDocument");
    if (root == std::string::npos) return "no <ownershipDocument>";
    xml::iterator_type it = state.begin + root;
    form4::document doc;
    try {
        const auto parser = xml::x3::with<xml::state_tag>(state)[form4::grammar::ownership_document()];
        if (!xml::x3::parse(it, state.end, parser, doc)) return "not parsed";
    } catch (const form4::grammar::syntax_error& error) {
        return "error " + error.code;
    }
    std::string out = "ok\t" + doc.issuer.cik + '\t' + doc.issuer.name;
    for (std::size_t n : {doc.reporting_owners.size(), doc.non_derivative_transactions.size(),
                          doc.non_derivative_holdings.size(), doc.derivative_transactions.size(),
                          doc.derivative_holdings.size(), doc.footnotes.size()})
        out += '\t' + std::to_string(n);
    const auto& rows = doc.non_derivative_transactions;
    out += '\t';
    out += !rows.empty() && rows[0].shares.value ? rows[0].shares.value->to_string() : "-";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::cerr << argv[i] << ": cannot read\n";
            return 1;
        }
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::cout << argv[i] << '\t' << summary(bytes) << '\n';
    }
    return 0;
}
