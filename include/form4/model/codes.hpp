#pragma once
// The form's codes. Each is an enum with the SEC letter where there is one,
// wrapped in `coded<>` together with the text as filed, so that a code the SEC
// adds later (or a typo) survives as `unknown` with its text intact.
#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace form4 {

enum class document_type { unknown, form3, form3_amendment, form4, form4_amendment, form5, form5_amendment };

// Transaction codes of the Form 4 instructions (General Instruction 8).
enum class transaction_code {
    unknown,
    A,  // grant, award or other acquisition from the issuer (Rule 16b-3(d))
    C,  // conversion of derivative security
    D,  // disposition to the issuer (Rule 16b-3(e))
    E,  // expiration of short derivative position
    F,  // payment of exercise price or tax liability by delivering or withholding securities
    G,  // bona fide gift
    H,  // expiration (or cancellation) of long derivative position with value received
    I,  // discretionary transaction (Rule 16b-3(f))
    J,  // other acquisition or disposition (described in a footnote)
    K,  // transaction in equity swap or instrument with similar characteristics
    L,  // small acquisition under Rule 16a-6
    M,  // exercise or conversion of derivative security exempted under Rule 16b-3
    O,  // exercise of out-of-the-money derivative security
    P,  // open market or private purchase
    S,  // open market or private sale
    U,  // disposition pursuant to a tender of shares in a change of control transaction
    V,  // transaction voluntarily reported earlier than required
    W,  // acquisition or disposition by will or the laws of descent and distribution
    X,  // exercise of in-the-money or at-the-money derivative security
    Z,  // deposit into or withdrawal from voting trust
};

enum class acquired_disposed { unknown, acquired, disposed };          // A, D
enum class ownership_form { unknown, direct, indirect };               // D, I
enum class timeliness { unknown, early, late };                        // E, L
enum class form_type { unknown, form3, form4, form5 };                 // 3, 4, 5

template <class Enum>
struct coded {
    Enum value{};       // Enum::unknown when the text is not a known code
    std::string text;   // as filed, trimmed

    bool known() const noexcept { return value != Enum{}; }
    bool operator==(const coded&) const = default;
};

// Text -> code (exact, after trimming). Unknown text gives Enum::unknown.
document_type document_type_from(std::string_view text) noexcept;
transaction_code transaction_code_from(std::string_view text) noexcept;
acquired_disposed acquired_disposed_from(std::string_view text) noexcept;
ownership_form ownership_form_from(std::string_view text) noexcept;
timeliness timeliness_from(std::string_view text) noexcept;
form_type form_type_from(std::string_view text) noexcept;

// Code -> the SEC's text ("4/A", "M", "D", ...); "" for unknown.
std::string_view to_string(document_type) noexcept;
std::string_view to_string(transaction_code) noexcept;
std::string_view to_string(acquired_disposed) noexcept;
std::string_view to_string(ownership_form) noexcept;
std::string_view to_string(timeliness) noexcept;
std::string_view to_string(form_type) noexcept;

template <class Enum>
coded<Enum> make_coded(std::string_view text);

// ---- definitions (inline: the header-only grammars convert codes as they read)

namespace code_tables {

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

inline constexpr std::array<std::pair<std::string_view, document_type>, 6> document_types{{
    {"3", document_type::form3}, {"3/A", document_type::form3_amendment},
    {"4", document_type::form4}, {"4/A", document_type::form4_amendment},
    {"5", document_type::form5}, {"5/A", document_type::form5_amendment},
}};

inline constexpr std::array<std::pair<std::string_view, transaction_code>, 20> transaction_codes{{
    {"A", transaction_code::A}, {"C", transaction_code::C}, {"D", transaction_code::D},
    {"E", transaction_code::E}, {"F", transaction_code::F}, {"G", transaction_code::G},
    {"H", transaction_code::H}, {"I", transaction_code::I}, {"J", transaction_code::J},
    {"K", transaction_code::K}, {"L", transaction_code::L}, {"M", transaction_code::M},
    {"O", transaction_code::O}, {"P", transaction_code::P}, {"S", transaction_code::S},
    {"U", transaction_code::U}, {"V", transaction_code::V}, {"W", transaction_code::W},
    {"X", transaction_code::X}, {"Z", transaction_code::Z},
}};

inline constexpr std::array<std::pair<std::string_view, acquired_disposed>, 2> acquired_disposed_codes{{
    {"A", acquired_disposed::acquired}, {"D", acquired_disposed::disposed}}};
inline constexpr std::array<std::pair<std::string_view, ownership_form>, 2> ownership_forms{{
    {"D", ownership_form::direct}, {"I", ownership_form::indirect}}};
inline constexpr std::array<std::pair<std::string_view, timeliness>, 2> timeliness_codes{{
    {"E", timeliness::early}, {"L", timeliness::late}}};
inline constexpr std::array<std::pair<std::string_view, form_type>, 3> form_types{{
    {"3", form_type::form3}, {"4", form_type::form4}, {"5", form_type::form5}}};

}  // namespace code_tables

// E_from(text), to_string(E) and make_coded<E>(text) of a code E over its table.
#define FORM4_DEFINE_CODE(E, TABLE)                              \
    inline E E##_from(std::string_view text) noexcept {          \
        return code_tables::lookup(code_tables::TABLE, text);    \
    }                                                            \
    inline std::string_view to_string(E value) noexcept {        \
        return code_tables::name_of(code_tables::TABLE, value);  \
    }                                                            \
    template <>                                                  \
    inline coded<E> make_coded<E>(std::string_view text) {       \
        return coded<E>{E##_from(text), std::string(text)};      \
    }
FORM4_DEFINE_CODE(document_type, document_types)
FORM4_DEFINE_CODE(transaction_code, transaction_codes)
FORM4_DEFINE_CODE(acquired_disposed, acquired_disposed_codes)
FORM4_DEFINE_CODE(ownership_form, ownership_forms)
FORM4_DEFINE_CODE(timeliness, timeliness_codes)
FORM4_DEFINE_CODE(form_type, form_types)
#undef FORM4_DEFINE_CODE

}  // namespace form4
