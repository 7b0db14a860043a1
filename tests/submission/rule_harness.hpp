#pragma once
// Runs one rule of the submission grammar on a fragment, through its
// accessor, as parse_submission does.
#include <string>
#include <string_view>
#include <vector>

#include "form4/grammar/submission/document.hpp"
#include "form4/grammar/submission/header.hpp"

namespace form4::testing {

struct envelope_outcome {
    bool matched = false;
    bool threw = false;          // a syntax_error (strict header line) or expectation failure
    std::string expected;        // what an expectation failure wanted
    std::size_t consumed = 0;
    std::vector<diagnostic> diagnostics;
};

template <class Rule, class Attribute>
envelope_outcome run_envelope_rule(Rule const& rule, std::string_view input, Attribute& attribute,
                                   bool lenient = false) {
    namespace sub = form4::grammar::submission;
    envelope_outcome outcome;
    sub::parse_state state;
    state.begin = input.data();
    state.end = input.data() + input.size();
    state.lenient = lenient;
    state.diagnostics = &outcome.diagnostics;
    sub::iterator_type first = state.begin;
    try {
        outcome.matched = sub::x3::parse(first, state.end, sub::x3::with<sub::state_tag>(state)[rule], attribute);
    } catch (const sub::syntax_error& error) {
        outcome.threw = true;
        state.report(severity::error, error.where, error.code, error.message);
    } catch (const sub::x3::expectation_failure<sub::iterator_type>& failure) {
        outcome.threw = true;
        outcome.expected = failure.which();
        state.report(severity::error, failure.where(), "expected", failure.which());
    }
    outcome.consumed = static_cast<std::size_t>(first - state.begin);
    return outcome;
}

}  // namespace form4::testing
