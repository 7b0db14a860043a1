#pragma once
// The walks over the model's description (FORM4_DESCRIBE under each struct in
// document.hpp): the list of model structs, each member's name outside C++,
// and for_each_member. The JSON reader and writer, the Python pickle writer
// and the tests against capi/python/form4/model.py all go through these, so
// a new member of a described struct reaches all of them by itself.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include "form4/model/document.hpp"

namespace form4::model {

// Every described struct. A new struct is added here once (a new member of
// an existing struct needs nothing here).
using types = boost::mp11::mp_list<document, issuer, reporting_owner, reporting_owner_id, address, relationship,
                                   non_derivative_transaction, non_derivative_holding, derivative_transaction,
                                   derivative_holding, transaction_coding, holding_coding, post_transaction_amounts,
                                   ownership_nature, underlying_security, footnote, signature, filing_metadata>;

template <class T>
concept described = boost::describe::has_describe_members<std::remove_const_t<T>>::value;

template <class T>
using members_of = boost::describe::describe_members<std::remove_const_t<T>, boost::describe::mod_public>;

template <class T>
inline constexpr std::size_t member_count = boost::mp11::mp_size<members_of<T>>::value;

// What a member is, for the walks that treat kinds of members alike.
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;
template <class T>
inline constexpr bool is_footnoted = false;
template <class T>
inline constexpr bool is_footnoted<footnoted<T>> = true;
template <class T>
inline constexpr bool is_coded = false;
template <class E>
inline constexpr bool is_coded<coded<E>> = true;

// A member's name in JSON, in Python and in the pickle: the C++ name, except
// that every list of footnote ids is called "footnotes" (as footnoted<T>'s is).
constexpr std::string_view external_name(std::string_view member) noexcept {
    return member == "footnote_ids" ? std::string_view("footnotes") : member;
}

// f(name, member) for each member of x, in declaration order; `name` is the
// external name, a constant expression in f when taken from the descriptor.
template <described T, class F>
constexpr void for_each_member(T& x, F&& f) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto d) { f(external_name(d.name), x.*d.pointer); });
}

// f(descriptor) for each member of T: d.name, d.pointer, at compile time.
template <described T, class F>
constexpr void for_each_descriptor(F&& f) {
    boost::mp11::mp_for_each<members_of<T>>(f);
}

// The struct's name in C++: "reporting_owner_id".
template <described T>
constexpr std::string_view name_of() noexcept {
    return model_name_of(static_cast<const std::remove_const_t<T>*>(nullptr));
}

// Its name in Python (capi/python/form4/model.py): "ReportingOwnerId".
template <described T>
std::string python_name_of() {
    std::string out;
    bool upper = true;
    for (char c : name_of<T>()) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

}  // namespace form4::model
