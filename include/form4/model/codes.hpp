#pragma once
// The form's codes. Each is an enum with the SEC letter where there is one,
// wrapped in `coded<>` together with the text as filed, so that a code the SEC
// adds later (or a typo) survives as `unknown` with its text intact.
#include <string>
#include <string_view>

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

#define FORM4_DECLARE_MAKE_CODED(E) \
    template <> coded<E> make_coded<E>(std::string_view text);
FORM4_DECLARE_MAKE_CODED(document_type)
FORM4_DECLARE_MAKE_CODED(transaction_code)
FORM4_DECLARE_MAKE_CODED(acquired_disposed)
FORM4_DECLARE_MAKE_CODED(ownership_form)
FORM4_DECLARE_MAKE_CODED(timeliness)
FORM4_DECLARE_MAKE_CODED(form_type)
#undef FORM4_DECLARE_MAKE_CODED

}  // namespace form4
