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

#include "form4/grammar/position.hpp"

#include "form4/model/diagnostic.hpp"

namespace form4::grammar::text {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

// A run of characters of a stream and where its first character is in the input.
struct stream_piece {
    std::size_t stream_offset = 0;
    iterator_type source = nullptr;
};

// Maps positions of a parsed stream back to the input.
struct stream_map {
    iterator_type stream_begin = nullptr;
    std::vector<stream_piece> pieces;   // sorted by stream_offset

    iterator_type to_source(iterator_type where) const {
        if (pieces.empty() || !stream_begin) return where;
        std::size_t offset = static_cast<std::size_t>(where - stream_begin);
        auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                   [](std::size_t o, const stream_piece& p) { return o < p.stream_offset; });
        if (it == pieces.begin()) return pieces.front().source;
        --it;
        return it->source + (offset - it->stream_offset);
    }
};

// Everything a parse carries besides the attribute.
struct parse_state {
    iterator_type input_begin = nullptr;   // the caller's whole buffer
    iterator_type input_end = nullptr;
    const stream_map* map = nullptr;       // null: the parser reads the input itself
    const stream_map* outer = nullptr;     // when the text was itself made from the input (HTML)
    bool lenient = false;
    // "(1)" is a footnote mark unless the page writes its marks as superscripts
    // (then "(1)" is text, as in a title "Class B Common Stock (2)").
    bool ascii_marks = true;
    // lynx and w3m write a superscript mark as "^(1)": on such a page "(1)" alone is text.
    bool caret_marks = false;
    std::vector<diagnostic>* diagnostics = nullptr;

    // 1-based line and column in the input (see grammar/position.hpp).
    std::pair<std::size_t, std::size_t> position(iterator_type where) const {
        iterator_type at = map ? map->to_source(where) : where;
        if (outer) at = outer->to_source(at);
        if (!input_begin || at < input_begin || at > input_end) return {0, 0};
        return line_and_column(input_begin, input_end, at);
    }

    void report(severity level, iterator_type where, std::string code, std::string message) const {
        if (!diagnostics) return;
        auto [line, column] = position(where);
        // A rule retried at the next character would report the same damage again.
        if (!diagnostics->empty() && diagnostics->back().line == line && diagnostics->back().column == column &&
            diagnostics->back().code == code)
            return;
        diagnostics->push_back(diagnostic{level, std::move(code), std::move(message), line, column});
    }
};

struct state_tag;
using context_type = x3::context<state_tag, parse_state, x3::unused_type>;

template <class Context>
parse_state& state_of(Context const& context) {
    return x3::get<state_tag>(context);
}

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
