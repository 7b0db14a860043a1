#pragma once
// What every front end's parse state has: the input, where diagnostics go,
// and the two ways to speak of a place in it (report it, or fail there). A
// front end that parses a stream made from its input (see stream_map.hpp)
// says how its places map back to the input.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "form4/grammar/position.hpp"
#include "form4/grammar/stream_map.hpp"
#include "form4/model/diagnostic.hpp"

namespace form4::grammar {

// A malformation found while reading, with a stable code and where it is.
struct syntax_error {
    char const* where;
    std::string code;
    std::string message;
};

struct reporting_state {
    char const* begin = nullptr;   // the caller's whole input
    char const* end = nullptr;
    const stream_map* map = nullptr;     // null: the grammar reads the input itself
    const stream_map* outer = nullptr;   // when that input was itself made from the caller's (HTML)
    bool lenient = false;
    std::vector<diagnostic>* diagnostics = nullptr;

    // 1-based line and column of `where` in the input (see position.hpp); 0, 0 outside it.
    std::pair<std::size_t, std::size_t> position(char const* where) const {
        char const* at = map ? map->to_source(where) : where;
        if (outer) at = outer->to_source(at);
        if (!begin || at < begin || at > end) return {0, 0};
        if (!counter) counter.emplace(begin, end);
        return (*counter)(at);
    }

    void report(severity level, char const* where, std::string code, std::string message) const {
        if (!diagnostics) return;
        auto [line, column] = position(where);
        // A rule retried at the next character would report the same damage again.
        if (!diagnostics->empty()) {
            const diagnostic& last = diagnostics->back();
            if (last.line == line && last.column == column && last.code == code && last.message == message) return;
        }
        diagnostics->push_back(diagnostic{level, std::move(code), std::move(message), line, column});
    }

    [[noreturn]] void fail(char const* where, std::string code, std::string message) const {
        throw syntax_error{where, std::move(code), std::move(message)};
    }

private:
    mutable std::optional<position_counter> counter;
};

}  // namespace form4::grammar
