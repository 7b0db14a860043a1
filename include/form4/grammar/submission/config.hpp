#pragma once
// Iterator, parse state and context types shared by the submission (EDGAR SGML
// envelope) grammar and the translation units that instantiate it. The context
// type must be exactly what parse_submission() builds with
// x3::with<state_tag>(state).
#include <cstddef>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "form4/grammar/rules.hpp"
#include "form4/grammar/state.hpp"
#include "form4/model/diagnostic.hpp"
#include "form4/options.hpp"

namespace form4::grammar::submission {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

using grammar::syntax_error;

// Past this many opening lines whose closing tag was not found, no more are
// tried: each try reads up to a few hundred lines ahead, and a header of
// nothing but "<A>" lines took 60 microseconds a line. A real header has a
// handful (an empty "<ORGANIZATION-NAME>" looks like one).
inline constexpr int max_unclosed_header_tags = 1000;

// Everything a parse carries besides the attribute.
struct parse_state : grammar::reporting_state {
    std::size_t max_string_bytes = parse_limits{}.max_string_bytes;  // one header value
    // Where a tag group or a tag block was tried and failed (no closing tag):
    // not tried there again from each enclosing attempt, which made a header
    // of many "<A>" lines take cubic time.
    std::unordered_set<char const*> failed_tag_groups, failed_tag_blocks;
    // Opening lines ("<X>" alone) still to be tried as a group or block
    // after their closing tag was not found (see tried_once in lexical.hpp).
    int unclosed_tags_left = max_unclosed_header_tags;
    bool unclosed_tags_reported = false;
};

FORM4_GRAMMAR_CONTEXT(parse_state)

}  // namespace form4::grammar::submission
