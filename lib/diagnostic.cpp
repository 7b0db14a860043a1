#include "form4/model/diagnostic.hpp"

namespace form4 {

std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::note: return "note";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "error";
}

std::string format(const diagnostic& d) {
    std::string out;
    if (d.line != 0) {
        out += std::to_string(d.line);
        out += ':';
        out += std::to_string(d.column);
        out += ": ";
    }
    out += to_string(d.level);
    out += ": ";
    out += d.message;
    if (!d.code.empty()) {
        out += " [";
        out += d.code;
        out += ']';
    }
    return out;
}

}  // namespace form4
