#pragma once
// Runs one X3 rule of the XML grammar on a fragment, as parse_xml does.
#include <string>
#include <string_view>
#include <vector>

#include "form4/grammar/xml/ownership_document_def.hpp"

namespace form4::testing {

struct rule_outcome {
    bool matched = false;
    bool threw = false;
    std::size_t consumed = 0;
    std::vector<diagnostic> diagnostics;
};

template <class Parser, class Attribute>
rule_outcome run_rule(Parser const& parser, std::string_view input, Attribute& attribute, bool lenient = false) {
    namespace xml = form4::grammar::xml;
    while (!input.empty() && xml::scan::is_space(input.front())) input.remove_prefix(1);
    rule_outcome outcome;
    xml::parse_state state;
    state.begin = input.data();
    state.end = input.data() + input.size();
    state.lenient = lenient;
    state.diagnostics = &outcome.diagnostics;
    xml::iterator_type first = state.begin;
    try {
        outcome.matched = xml::x3::parse(first, state.end, xml::x3::with<xml::state_tag>(state)[parser], attribute);
    } catch (const xml::syntax_error& error) {
        outcome.threw = true;
        state.report(severity::error, error.where, error.code, error.message);
    }
    outcome.consumed = static_cast<std::size_t>(first - state.begin);
    return outcome;
}

}  // namespace form4::testing
