#pragma once
// Where each part of a parsed document was read: model field paths, named as
// lint and the JSON writer name them ("issuer.name",
// "non_derivative_transactions[0]", "non_derivative_transactions[0].shares"),
// mapped to 1-based line and column in the input. Filled only when
// parse_options::record_positions is set, so that bulk parsing pays nothing.
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace form4 {

struct source_position {
    std::size_t line = 0;
    std::size_t column = 0;
    bool operator==(const source_position&) const = default;
};

// Kept flat (every path in one string) because a parse records a few hundred
// of them: a map of strings cost more than the parse itself.
class source_map {
    struct entry {
        std::size_t offset;
        std::size_t size;
        source_position at;
        bool operator==(const entry&) const = default;
    };

public:
    // For a path recorded twice, the first position is the one found.
    void record(std::string_view path, source_position where) {
        entries_.push_back({paths_.size(), path.size(), where});
        paths_.append(path);
    }

    // The position of `path`, else of its nearest recorded ancestor
    // ("a[0].b.c", then "a[0].b", "a[0]", "a"); nothing when none is recorded.
    std::optional<source_position> find(std::string_view path) const {
        for (;;) {
            for (const auto& e : entries_)
                if (path_of(e) == path) return e.at;
            std::size_t cut = path.find_last_of(".[");
            if (cut == std::string_view::npos || cut == 0) return std::nullopt;
            path = path.substr(0, cut);
        }
    }

    bool empty() const noexcept { return entries_.empty(); }
    std::size_t size() const noexcept { return entries_.size(); }
    bool operator==(const source_map&) const = default;

    // Every record, in the order made, as (path, position).
    class const_iterator {
    public:
        using value_type = std::pair<std::string_view, source_position>;
        using difference_type = std::ptrdiff_t;
        using iterator_category = std::forward_iterator_tag;
        using pointer = void;
        using reference = value_type;

        const_iterator() = default;
        value_type operator*() const { return {map_->path_of(map_->entries_[index_]), map_->entries_[index_].at}; }
        const_iterator& operator++() {
            ++index_;
            return *this;
        }
        const_iterator operator++(int) {
            auto before = *this;
            ++index_;
            return before;
        }
        bool operator==(const const_iterator& other) const { return index_ == other.index_; }

    private:
        friend class source_map;
        const_iterator(const source_map* map, std::size_t index) : map_(map), index_(index) {}
        const source_map* map_ = nullptr;
        std::size_t index_ = 0;
    };
    const_iterator begin() const noexcept { return {this, 0}; }
    const_iterator end() const noexcept { return {this, entries_.size()}; }

private:
    std::string_view path_of(const entry& e) const { return std::string_view(paths_).substr(e.offset, e.size); }

    std::string paths_;
    std::vector<entry> entries_;
};

}  // namespace form4
