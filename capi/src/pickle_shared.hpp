#pragma once
// The objects every pickle stream refers to by index (persistent ids): the
// model's classes, field names, enum members and the commonest codes.
// Classes and field names come from the model's description, so a new
// model member has its field name here without an edit.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>

#include "form4/model/description.hpp"
#include "shim.hpp"

namespace form4::capi::pickle {

// Classes: the described model structs (form4.model, named in CamelCase),
// in model::types order, then these.
inline constexpr std::uint32_t model_class_count = boost::mp11::mp_size<model::types>::value;
enum class cls : std::uint32_t {
    Footnoted = model_class_count, Coded, Diagnostic, Decimal, date, datetime, end
};
inline constexpr std::size_t class_count = static_cast<std::size_t>(cls::end);

template <model::described T>
constexpr std::uint32_t class_of() {
    return static_cast<std::uint32_t>(boost::mp11::mp_find<model::types, std::remove_const_t<T>>::value);
}
constexpr std::uint32_t class_of(cls c) { return static_cast<std::uint32_t>(c); }

// Field names: those outside the described structs, then every described
// member's external name, each once.
class key_table {
public:
    static constexpr std::size_t capacity = 256;
    constexpr void add(std::string_view name) {
        if (index(name) == missing) names_[size_++] = name;
    }
    constexpr std::uint32_t index(std::string_view name) const {
        for (std::size_t i = 0; i < size_; ++i)
            if (names_[i] == name) return static_cast<std::uint32_t>(i);
        return missing;
    }
    constexpr std::size_t size() const { return size_; }
    constexpr std::string_view operator[](std::size_t i) const { return names_[i]; }
    static constexpr std::uint32_t missing = UINT32_MAX;

private:
    std::array<std::string_view, capacity> names_{};
    std::size_t size_ = 0;
};

constexpr key_table make_keys() {
    key_table keys;
    for (std::string_view name : {"value", "text", "footnotes", "diagnostics", "format", "severity", "code", "message",
                                  "line", "column"})
        keys.add(name);
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, model::types>>([&](auto type) {
        using T = typename decltype(type)::type;
        model::for_each_descriptor<T>([&](auto d) { keys.add(model::external_name(d.name)); });
    });
    return keys;
}
inline constexpr key_table keys = make_keys();
static_assert(keys.size() < key_table::capacity, "more field names than key_table holds");

// The index of a field name, checked at compile time where it is a constant.
consteval std::uint32_t key(std::string_view name) {
    const std::uint32_t k = keys.index(name);
    if (k == key_table::missing) throw "not a field name of the model";
    return k;
}

// Enumerations: the Python class and, per C++ enumerator (by its index),
// the C value, which the Python enum shares.
enum class kind : std::uint32_t {
    document_type,
    transaction_code,
    acquired_disposed,
    ownership_form,
    timeliness,
    form_type,
    severity,
    format,
    count
};
inline constexpr std::size_t kind_count = static_cast<std::size_t>(kind::count);
inline constexpr std::array<std::string_view, kind_count> kind_classes{
    "DocumentType", "TransactionCode", "AcquiredDisposed", "OwnershipForm", "Timeliness", "FormType", "Severity", "Format"};
inline constexpr std::array<std::size_t, kind_count> kind_sizes{7, 21, 3, 3, 3, 4, 3, 5};
inline constexpr std::size_t coded_kinds = 6;  // the first six are codes of the filing (form4.Coded)

std::int32_t c_value(kind k, std::size_t index);
std::string_view code_text(kind k, std::size_t index);

template <class E>
constexpr kind kind_of() {
    if constexpr (std::is_same_v<E, form4::document_type>) return kind::document_type;
    else if constexpr (std::is_same_v<E, form4::transaction_code>) return kind::transaction_code;
    else if constexpr (std::is_same_v<E, form4::acquired_disposed>) return kind::acquired_disposed;
    else if constexpr (std::is_same_v<E, form4::ownership_form>) return kind::ownership_form;
    else if constexpr (std::is_same_v<E, form4::timeliness>) return kind::timeliness;
    else return kind::form_type;
}

struct shared_objects {
    std::array<std::uint32_t, kind_count> member{};         // index of enumerator 0 of each kind
    std::array<std::uint32_t, coded_kinds> coded{};         // Coded(member, its text as the code tables spell it)
    std::array<std::uint32_t, coded_kinds> footnoted_coded{};  // Footnoted(that Coded), no footnotes
    std::uint32_t empty_footnoted = 0;                       // Footnoted()
    std::uint32_t ownership_nature = 0;                      // OwnershipNature(Footnoted(Coded(form)), Footnoted())
    std::uint32_t count = 0;                                 // entries of the list
    std::string stream;                                      // the list, pickled

    // Entries of the list: the classes, then the field names, then the rest.
    static constexpr std::uint32_t of_class(std::uint32_t c) { return c; }
    static constexpr std::uint32_t of_key(std::uint32_t k) { return static_cast<std::uint32_t>(class_count) + k; }
};

// Built once per process.
const shared_objects& shared();

}  // namespace form4::capi::pickle
