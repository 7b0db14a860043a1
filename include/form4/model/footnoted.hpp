#pragma once
#include <optional>
#include <string>
#include <vector>

namespace form4 {

// A value the form lets a filer give, replace or explain with footnotes:
// an optional value plus the footnote ids attached to it, in document order.
template <class T>
struct footnoted {
    std::optional<T> value;
    std::vector<std::string> footnote_ids;

    bool has_value() const noexcept { return value.has_value(); }
    bool empty() const noexcept { return !value && footnote_ids.empty(); }
    bool operator==(const footnoted&) const = default;
};

}  // namespace form4
