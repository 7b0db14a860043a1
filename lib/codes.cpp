#include "form4/model/codes.hpp"

#include <array>
#include <utility>

namespace form4 {
namespace {

template <class Enum, std::size_t N>
Enum lookup(const std::array<std::pair<std::string_view, Enum>, N>& table, std::string_view text) noexcept {
    for (const auto& [name, value] : table)
        if (name == text) return value;
    return Enum::unknown;
}

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum value) noexcept {
    for (const auto& [name, v] : table)
        if (v == value) return name;
    return {};
}

constexpr std::array<std::pair<std::string_view, document_type>, 6> document_types{{
    {"3", document_type::form3}, {"3/A", document_type::form3_amendment},
    {"4", document_type::form4}, {"4/A", document_type::form4_amendment},
    {"5", document_type::form5}, {"5/A", document_type::form5_amendment},
}};

constexpr std::array<std::pair<std::string_view, transaction_code>, 20> transaction_codes{{
    {"A", transaction_code::A}, {"C", transaction_code::C}, {"D", transaction_code::D},
    {"E", transaction_code::E}, {"F", transaction_code::F}, {"G", transaction_code::G},
    {"H", transaction_code::H}, {"I", transaction_code::I}, {"J", transaction_code::J},
    {"K", transaction_code::K}, {"L", transaction_code::L}, {"M", transaction_code::M},
    {"O", transaction_code::O}, {"P", transaction_code::P}, {"S", transaction_code::S},
    {"U", transaction_code::U}, {"V", transaction_code::V}, {"W", transaction_code::W},
    {"X", transaction_code::X}, {"Z", transaction_code::Z},
}};

constexpr std::array<std::pair<std::string_view, acquired_disposed>, 2> acquired_disposed_codes{{
    {"A", acquired_disposed::acquired}, {"D", acquired_disposed::disposed}}};
constexpr std::array<std::pair<std::string_view, ownership_form>, 2> ownership_forms{{
    {"D", ownership_form::direct}, {"I", ownership_form::indirect}}};
constexpr std::array<std::pair<std::string_view, timeliness>, 2> timeliness_codes{{
    {"E", timeliness::early}, {"L", timeliness::late}}};
constexpr std::array<std::pair<std::string_view, form_type>, 3> form_types{{
    {"3", form_type::form3}, {"4", form_type::form4}, {"5", form_type::form5}}};

}  // namespace

document_type document_type_from(std::string_view t) noexcept { return lookup(document_types, t); }
transaction_code transaction_code_from(std::string_view t) noexcept { return lookup(transaction_codes, t); }
acquired_disposed acquired_disposed_from(std::string_view t) noexcept { return lookup(acquired_disposed_codes, t); }
ownership_form ownership_form_from(std::string_view t) noexcept { return lookup(ownership_forms, t); }
timeliness timeliness_from(std::string_view t) noexcept { return lookup(timeliness_codes, t); }
form_type form_type_from(std::string_view t) noexcept { return lookup(form_types, t); }

std::string_view to_string(document_type v) noexcept { return name_of(document_types, v); }
std::string_view to_string(transaction_code v) noexcept { return name_of(transaction_codes, v); }
std::string_view to_string(acquired_disposed v) noexcept { return name_of(acquired_disposed_codes, v); }
std::string_view to_string(ownership_form v) noexcept { return name_of(ownership_forms, v); }
std::string_view to_string(timeliness v) noexcept { return name_of(timeliness_codes, v); }
std::string_view to_string(form_type v) noexcept { return name_of(form_types, v); }

#define FORM4_DEFINE_MAKE_CODED(E)                             \
    template <>                                                \
    coded<E> make_coded<E>(std::string_view text) {            \
        return coded<E>{E##_from(text), std::string(text)};   \
    }
FORM4_DEFINE_MAKE_CODED(document_type)
FORM4_DEFINE_MAKE_CODED(transaction_code)
FORM4_DEFINE_MAKE_CODED(acquired_disposed)
FORM4_DEFINE_MAKE_CODED(ownership_form)
FORM4_DEFINE_MAKE_CODED(timeliness)
FORM4_DEFINE_MAKE_CODED(form_type)
#undef FORM4_DEFINE_MAKE_CODED

}  // namespace form4
