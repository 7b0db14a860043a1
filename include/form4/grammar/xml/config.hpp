#pragma once
// Iterator, parse state and context types shared by the XML grammar and the
// translation unit that instantiates it. The context type must be exactly
// what parse_xml() builds with x3::with<state_tag>(state).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "form4/model/diagnostic.hpp"
#include "form4/parse.hpp"

namespace form4::grammar::xml {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

// A malformation found while reading; carries a stable code and where it is.
struct syntax_error {
    iterator_type where;
    std::string code;
    std::string message;
};

// Everything a parse carries besides the attribute: options, the open
// elements (for end-tag recovery and the depth limit), and the diagnostics.
struct parse_state {
    iterator_type begin = nullptr;
    iterator_type end = nullptr;
    bool lenient = false;
    bool latin1 = false;                  // encoding="ISO-8859-1" or windows-1252
    parse_limits limits{};
    std::vector<diagnostic>* diagnostics = nullptr;
    std::vector<std::string_view> open_elements;
    std::size_t element_count = 0;

    // 1-based line and column of `where`; CRLF, LF and a lone CR each end a line.
    // Positions are asked for in input order, so counting resumes from the
    // last one: many diagnostics cost one pass over the input, not one each.
    std::pair<std::size_t, std::size_t> position(iterator_type where) const {
        std::size_t line = 1, column = 1;
        iterator_type from = begin;
        if (counted_to && counted_to <= where) {
            from = counted_to;
            line = counted_line;
            column = counted_column;
        }
        for (iterator_type p = from; p < where && p < end; ++p) {
            if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) {
                ++line;
                column = 1;
            } else if (*p != '\r' && (static_cast<unsigned char>(*p) & 0xC0) != 0x80) {
                ++column;  // count characters, not UTF-8 continuation bytes
            }
        }
        counted_to = where < end ? where : end;
        counted_line = line;
        counted_column = column;
        return {line, column};
    }
    mutable iterator_type counted_to = nullptr;
    mutable std::size_t counted_line = 1, counted_column = 1;

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

}  // namespace form4::grammar::xml
