#pragma once
// Where each part of a parsed document was read: model field paths, named as
// lint and the JSON writer name them ("issuer.name",
// "non_derivative_transactions[0]", "non_derivative_transactions[0].shares"),
// mapped to 1-based line and column in the input. Filled only when
// parse_options::record_positions is set, so that bulk parsing pays nothing.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace form4 {

struct source_position {
    std::size_t line = 0;
    std::size_t column = 0;
    bool operator==(const source_position&) const = default;
};

class source_map {
public:
    // Keeps the first position recorded for a path.
    void record(std::string path, source_position where) { positions_.try_emplace(std::move(path), where); }

    // The position of `path`, else of its nearest recorded ancestor
    // ("a[0].b.c", then "a[0].b", "a[0]", "a"); nothing when none is recorded.
    std::optional<source_position> find(std::string_view path) const {
        for (;;) {
            if (auto hit = positions_.find(path); hit != positions_.end()) return hit->second;
            std::size_t cut = path.find_last_of(".[");
            if (cut == std::string_view::npos || cut == 0) return std::nullopt;
            path = path.substr(0, cut);
        }
    }

    bool empty() const noexcept { return positions_.empty(); }
    std::size_t size() const noexcept { return positions_.size(); }
    auto begin() const noexcept { return positions_.begin(); }
    auto end() const noexcept { return positions_.end(); }
    bool operator==(const source_map&) const = default;

private:
    std::map<std::string, source_position, std::less<>> positions_;
};

}  // namespace form4
