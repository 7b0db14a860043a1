#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace form4 {

enum class severity { note, warning, error };

// One finding about an input: stable code, message, and 1-based position
// (line 0 means the finding has no position, e.g. a whole-document rule).
struct diagnostic {
    severity level = severity::error;
    std::string code;        // stable, e.g. "xml.mismatched-end-tag"
    std::string message;
    std::size_t line = 0;
    std::size_t column = 0;
    bool operator==(const diagnostic&) const = default;
};

inline std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::note: return "note";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "error";
}

// "12:5: error: message [code]" (no file name).
inline std::string format(const diagnostic& d) {
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
