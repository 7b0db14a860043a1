#pragma once
// How the form4 command reports a finding on stderr:
// "input:line:column: severity: message [code]", one line each.
#include <iostream>
#include <string>
#include <string_view>

#include "form4/bulk.hpp"
#include "form4/parse.hpp"

namespace form4::command {

inline void report(std::string_view input, const form4::diagnostic& d) {
    // Names from an archive can hold a line end or ESC: escaped.
    std::string line = form4::bulk::escaped(form4::format(d));
    // A failure to read names the input itself ("PATH: cannot open: ..."): not twice.
    bool names_input = d.line == 0 && d.message.size() > input.size() && d.message.starts_with(input) &&
                       d.message.compare(input.size(), 2, ": ") == 0;
    if (names_input)
        std::cerr << line << '\n';
    else
        std::cerr << form4::bulk::escaped(input) << ':' << (d.line != 0 ? "" : " ") << line << '\n';
}

}  // namespace form4::command
