#pragma once
// Iterator, parse state and context types shared by the text-form grammar and
// the translation units that instantiate it. The context type must be exactly
// what the text front end builds with x3::with<state_tag>(state).
//
// The grammar never reads the caller's buffer in one piece: the front end cuts
// it into sections and cells first (lib/text/layout.hpp), and some rules read a
// "stream" made of cells copied side by side (the header's columns, a table row
// with its cells joined by tabs). A stream keeps, for every cell, where the cell
// came from, so a diagnostic points at the line and column of the input.
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "form4/grammar/rules.hpp"
#include "form4/grammar/state.hpp"

#include "form4/model/diagnostic.hpp"

namespace form4::grammar::text {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

using grammar::stream_map;
using grammar::stream_piece;

// Everything a parse carries besides the attribute: the shared reporting state
// (the input, the stream's map back to it, diagnostics) and how the page marks footnotes.
struct parse_state : grammar::reporting_state {
    // "(1)" is a footnote mark unless the page writes its marks as superscripts
    // (then "(1)" is text, as in a title "Class B Common Stock (2)").
    bool ascii_marks = true;
    // lynx and w3m write a superscript mark as "^(1)": on such a page "(1)" alone is text.
    bool caret_marks = false;
};

FORM4_GRAMMAR_CONTEXT(parse_state)

// Mixed into a rule's ID: an expectation failure inside the rule becomes a
// diagnostic naming what was expected, and the rule fails (never prints).
struct error_reporter {
    template <class Iterator, class Exception, class Context>
    x3::error_handler_result on_error(Iterator&, Iterator const& last, Exception const& failure,
                                      Context const& context) {
        report_expected(failure.where(), last, failure.which(), context);
        return x3::error_handler_result::fail;
    }

    // The diagnostic for `which` expected at `where` (also said by parsers
    // that fail without throwing, as an expectation failure would).
    template <class Iterator, class Context>
    static void report_expected(Iterator where, Iterator const& last, std::string const& which,
                                Context const& context) {
        parse_state& state = state_of(context);
        if (!state.diagnostics) return;   // a probe: nothing is said, so nothing is built
        std::string found;
        for (Iterator p = where; p != last && found.size() < 24; ++p) {
            if (*p == '\n' || *p == '\r') break;
            found += *p == '\t' ? ' ' : *p;
        }
        // Lenient parses keep going around the damage, so it is a warning there.
        state.report(state.lenient ? severity::warning : severity::error, where, "text.expected",
                     "expected " + which + (found.empty() ? std::string(" here") : " at \"" + found + "\""));
    }
};

}  // namespace form4::grammar::text
