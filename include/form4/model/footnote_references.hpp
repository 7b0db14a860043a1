#pragma once
// Every footnote a document (or one of its rows) cites, found by walking the
// model's description: the ids of each footnoted<T> member, and a coding's
// own list. Lint (undefined and unreferenced footnotes) and activity (which
// footnote speaks for a row) both read them here, so a new footnoted member
// reaches both by itself.
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "form4/model/description.hpp"

namespace form4::model {

// Where a reference sits, named as lint names fields:
// "derivative_transactions[2].underlying.shares". A chain of the walk's stack
// frames; the text is built only when asked for.
class member_path {
public:
    static constexpr std::size_t no_index = static_cast<std::size_t>(-1);

    member_path() = default;
    member_path(const member_path& parent, std::string_view name, std::size_t index = no_index)
        : parent_(&parent), name_(name), index_(index) {}
    member_path(const member_path&) = delete;
    member_path& operator=(const member_path&) = delete;

    std::string str() const {
        std::string out = parent_ ? parent_->str() : std::string();
        if (name_.empty()) return out;
        if (!out.empty()) out += '.';
        out += name_;
        if (index_ != no_index) out += '[' + std::to_string(index_) + ']';
        return out;
    }

private:
    const member_path* parent_ = nullptr;
    std::string_view name_;
    std::size_t index_ = no_index;
};

// visit(id, path) for each footnote id x cites, in declaration order (a row's
// cells left to right, then the tables in the document's order).
template <described T, class Visit>
void for_each_footnote_reference(const T& x, Visit&& visit, const member_path& at = member_path()) {
    for_each_descriptor<T>([&](auto d) {
        const auto& m = x.*d.pointer;
        using M = std::remove_cvref_t<decltype(m)>;
        if constexpr (is_footnoted<M>) {
            if (m.footnote_ids.empty()) return;
            const member_path here(at, d.name);
            for (const std::string& id : m.footnote_ids) visit(id, here);
        } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
            if (std::string_view(d.name) == "footnote_ids")
                for (const std::string& id : m) visit(id, at);
        } else if constexpr (described<M>) {
            for_each_footnote_reference(m, visit, member_path(at, d.name));
        } else if constexpr (is_optional<M>) {
            if constexpr (described<typename M::value_type>)
                if (m) for_each_footnote_reference(*m, visit, member_path(at, d.name));
        } else if constexpr (is_vector<M>) {
            if constexpr (described<typename M::value_type>)
                for (std::size_t i = 0; i < m.size(); ++i)
                    for_each_footnote_reference(m[i], visit, member_path(at, d.name, i));
        }
    });
}

}  // namespace form4::model
