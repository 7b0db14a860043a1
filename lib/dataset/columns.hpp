#pragma once
// A data-set table described once, column by column: its SEC name, the kind
// of cell, and where in the model the value comes from (a member path such as
// &derivative_transaction::underlying, &underlying_security::title). The
// column names, the typed schema and the rows are all read from these lists
// (sec_tables.cpp); the cell's kind follows from the member's type.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "form4/dataset.hpp"

namespace form4::dataset {

enum class cell_kind { text, flag, date, decimal, row_key };

// The kind of each of columns(t), in order.
std::span<const cell_kind> column_kinds(table) noexcept;

namespace columns_detail {

// What a row's cells read besides the row itself.
struct row_context {
    row_sink& sink;
    const document& doc;
    std::string_view accession;
    const options& opts;
    key_counters& keys;    // the next *_SK of each table
    table current;         // the table of the row being filled
    std::size_t index;     // the row's place in its list in the document
};

template <class Row>
struct column {
    std::string_view name;
    cell_kind kind = cell_kind::text;
    void (*fill)(const row_context&, std::size_t column, const Row&) = nullptr;   // nullptr: always empty
};

// --- Cells from values: absent values (and empty text) leave the cell absent.

inline void put(const row_context& c, std::size_t i, std::string_view text) {
    if (!text.empty()) c.sink.text(i, text);
}
template <class Enum>
void put(const row_context& c, std::size_t i, const coded<Enum>& code) {
    put(c, i, code.text);
}
inline void put(const row_context& c, std::size_t i, bool flag) { c.sink.flag(i, flag); }
inline void put(const row_context& c, std::size_t i, const date& day) {
    if (!day.is_special()) c.sink.day(i, day);
}
inline void put(const row_context& c, std::size_t i, const decimal& number) {
    c.sink.number(i, c.opts.sec_round ? number.rounded(2) : number);
}
// Footnote ids, "F1, F2" in one cell.
inline void put(const row_context& c, std::size_t i, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    if (ids.size() == 1) return put(c, i, ids.front());
    std::string joined;
    for (const auto& id : ids) {
        if (!joined.empty()) joined += ", ";
        joined += id;
    }
    put(c, i, joined);
}
template <class T>
void put(const row_context& c, std::size_t i, const std::optional<T>& value) {
    if (value) put(c, i, *value);
}
template <class T>
void put(const row_context& c, std::size_t i, const footnoted<T>& value) {
    put(c, i, value.value);
}

// --- The kind of a member's cells; a type with none here does not compile.

template <class T>
struct kind_of;
template <>
struct kind_of<std::string> : std::integral_constant<cell_kind, cell_kind::text> {};
template <class Enum>
struct kind_of<coded<Enum>> : std::integral_constant<cell_kind, cell_kind::text> {};
template <>
struct kind_of<std::vector<std::string>> : std::integral_constant<cell_kind, cell_kind::text> {};
template <>
struct kind_of<bool> : std::integral_constant<cell_kind, cell_kind::flag> {};
template <>
struct kind_of<date> : std::integral_constant<cell_kind, cell_kind::date> {};
template <>
struct kind_of<decimal> : std::integral_constant<cell_kind, cell_kind::decimal> {};
template <class T>
struct kind_of<std::optional<T>> : kind_of<T> {};
template <class T>
struct kind_of<footnoted<T>> : kind_of<T> {};

// --- Member paths: each step a member pointer; an empty optional on the way
// (a row without transactionCoding) ends the walk with nothing.

template <class Member>
struct member_pointer;
template <class Object, class Value>
struct member_pointer<Value Object::*> {
    using object = Object;
};

template <class T>
const T* present(const T& value) { return &value; }
template <class T>
const T* present(const std::optional<T>& value) { return value ? &*value : nullptr; }

template <auto Member, auto... Rest, class Object>
auto find(const Object* object) {
    if constexpr (sizeof...(Rest) == 0) {
        using value = std::remove_cvref_t<decltype(object->*Member)>;
        return object ? &(object->*Member) : static_cast<const value*>(nullptr);
    } else {
        using next = decltype(present(object->*Member));
        return find<Rest...>(object ? present(object->*Member) : next{});
    }
}

template <auto First, auto... Rest>
using path_row = typename member_pointer<decltype(First)>::object;
template <auto First, auto... Rest>
using path_value = std::remove_cvref_t<decltype(*find<First, Rest...>(std::declval<const path_row<First>*>()))>;

// --- Columns.

// The value at the member path.
template <auto First, auto... Rest>
constexpr column<path_row<First>> cell(std::string_view name) {
    using row = path_row<First>;
    return {name, kind_of<path_value<First, Rest...>>::value, [](const row_context& c, std::size_t i, const row& r) {
                if (const auto* value = find<First, Rest...>(&r)) put(c, i, *value);
            }};
}

// The footnote ids of the footnoted value at the member path (the SEC's *_FN).
template <auto First, auto... Rest>
constexpr column<path_row<First>> footnotes(std::string_view name) {
    using row = path_row<First>;
    return {name, cell_kind::text, [](const row_context& c, std::size_t i, const row& r) {
                if (const auto* value = find<First, Rest...>(&r)) put(c, i, value->footnote_ids);
            }};
}

template <class Row>
constexpr column<Row> accession_number() {
    return {"ACCESSION_NUMBER", cell_kind::text,
            [](const row_context& c, std::size_t i, const Row&) { put(c, i, c.accession); }};
}

// NONDERIV_TRANS_SK and the like: the row's number across a run.
template <class Row>
constexpr column<Row> row_key(std::string_view name) {
    return {name, cell_kind::row_key,
            [](const row_context& c, std::size_t i, const Row&) {
                c.sink.row_number(i, c.keys.next[static_cast<std::size_t>(c.current)]++);
            }};
}

// A column the SEC has and a filing cannot fill.
template <class Row>
constexpr column<Row> always_empty(std::string_view name) {
    return {name, cell_kind::text, nullptr};
}

// Tables that share runs of columns are written as their parts, joined.
template <class Row, std::size_t... N>
constexpr auto join(const std::array<column<Row>, N>&... parts) {
    std::array<column<Row>, (N + ...)> out{};
    std::size_t at = 0;
    ((std::copy(parts.begin(), parts.end(), out.begin() + at), at += N), ...);
    return out;
}

// A table's column names and kinds, as arrays of their own.
template <const auto& Columns>
struct column_lists {
    static constexpr auto names = [] {
        std::array<std::string_view, Columns.size()> out{};
        for (std::size_t i = 0; i < Columns.size(); ++i) out[i] = Columns[i].name;
        return out;
    }();
    static constexpr auto kinds = [] {
        std::array<cell_kind, Columns.size()> out{};
        for (std::size_t i = 0; i < Columns.size(); ++i) out[i] = Columns[i].kind;
        return out;
    }();
};

}  // namespace columns_detail
}  // namespace form4::dataset
