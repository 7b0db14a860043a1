#pragma once
// Iterator, parse state and context types shared by the submission (EDGAR SGML
// envelope) grammar and the translation units that instantiate it. The context
// type must be exactly what parse_submission() builds with
// x3::with<state_tag>(state).
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <optional>

#include <boost/spirit/home/x3.hpp>

#include "form4/grammar/position.hpp"

#include "form4/model/diagnostic.hpp"

namespace form4::grammar::submission {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

// A malformation found while reading, with a stable code and where it is.
struct syntax_error {
    iterator_type where;
    std::string code;
    std::string message;
};


// Everything a parse carries besides the attribute.
struct parse_state {
    iterator_type begin = nullptr;
    iterator_type end = nullptr;
    bool lenient = false;
    std::size_t max_string_bytes = std::size_t{1} << 20;   // one header value (parse_limits)
    std::vector<diagnostic>* diagnostics = nullptr;

    // 1-based line and column of `where` (see grammar/position.hpp).
    std::pair<std::size_t, std::size_t> position(iterator_type where) const {
        if (!counter) counter.emplace(begin, end);
        return (*counter)(where);
    }
    mutable std::optional<position_counter> counter;

    void report(severity level, iterator_type where, std::string code, std::string message) const {
        if (!diagnostics) return;
        auto [line, column] = position(where);
        diagnostics->push_back(diagnostic{level, std::move(code), std::move(message), line, column});
    }

    [[noreturn]] void fail(iterator_type where, std::string code, std::string message) const {
        throw syntax_error{where, std::move(code), std::move(message)};
    }
};

struct state_tag;
using context_type = x3::context<state_tag, parse_state, x3::unused_type>;

template <class Context>
parse_state& state_of(Context const& context) {
    return x3::get<state_tag>(context);
}

}  // namespace form4::grammar::submission
