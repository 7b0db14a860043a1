#pragma once
// What every front end's parse state has: the input, where diagnostics go,
// and the two ways to speak of a place in it (report it, or fail there).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "form4/grammar/position.hpp"
#include "form4/model/diagnostic.hpp"

namespace form4::grammar {

// A malformation found while reading, with a stable code and where it is.
struct syntax_error {
    char const* where;
    std::string code;
    std::string message;
};

struct reporting_state {
    char const* begin = nullptr;
    char const* end = nullptr;
    bool lenient = false;
    std::vector<diagnostic>* diagnostics = nullptr;

    // 1-based line and column of `where` (see position.hpp).
    std::pair<std::size_t, std::size_t> position(char const* where) const {
        if (!counter) counter.emplace(begin, end);
        return (*counter)(where);
    }

    void report(severity level, char const* where, std::string code, std::string message) const {
        if (!diagnostics) return;
        auto [line, column] = position(where);
        diagnostics->push_back(diagnostic{level, std::move(code), std::move(message), line, column});
    }

    [[noreturn]] void fail(char const* where, std::string code, std::string message) const {
        throw syntax_error{where, std::move(code), std::move(message)};
    }

private:
    mutable std::optional<position_counter> counter;
};

}  // namespace form4::grammar
