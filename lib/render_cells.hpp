#pragma once
// The cells of a rendered form, shared by both text layouts (render.cpp, the
// older EDGAR layout; render_current.cpp, the current stylesheets' layout).
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "form4/model/document.hpp"

namespace form4::render_cells {

// One line of text: white space (tabs and line breaks included) squeezed, so a
// value can never split a cell or a line.
inline std::string one_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

inline std::string underline(std::string_view text) { return "<u>" + one_line(text) + "</u>"; }

// Digit by digit: GCC 12 at -O3 takes `"0" + text`-style inserts for an
// overlapping memcpy (-Wrestrict), which fails Release builds with FORM4_WERROR.
inline std::string mm_dd_yyyy(const date& d) {
    const auto ymd = d.year_month_day();
    const int year = ymd.year, month = ymd.month.as_number(), day = ymd.day.as_number();
    const auto digit = [](int value, int place) { return static_cast<char>('0' + (value / place) % 10); };
    return {digit(month, 10), digit(month, 1), '/', digit(day, 10), digit(day, 1), '/',
            digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1)};
}

// "30000" -> "30,000"; the written scale is kept ("0.00" stays "0.00").
inline std::string grouped(const decimal& value) {
    std::string text = value.to_string();
    std::string sign;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        sign = text.substr(0, 1);
        text.erase(0, 1);
    }
    std::size_t point = text.find('.');
    std::string whole = text.substr(0, point);
    std::string fraction = point == std::string::npos ? "" : text.substr(point);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    return sign + out + fraction;
}

// " ⁽¹⁾ ⁽²⁾" for footnote ids "F1", "F2" (ids of another shape have no mark).
inline std::string marks(const std::vector<std::string>& ids) {
    static const char* superscripts[] = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",
                                         "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7",
                                         "\xE2\x81\xB8", "\xE2\x81\xB9"};
    std::string out;
    for (const auto& id : ids) {
        if (id.size() < 2 || id[0] != 'F') continue;
        std::string digits;
        bool numeric = true;
        for (std::size_t i = 1; i < id.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(id[i]))) numeric = false;
            else digits += superscripts[id[i] - '0'];
        }
        if (numeric) out += " \xE2\x81\xBD" + digits + "\xE2\x81\xBE";
    }
    return out;
}

inline std::string footnote_number(const std::string& id) {
    if (id.size() < 2 || id[0] != 'F') return {};
    for (std::size_t i = 1; i < id.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(id[i]))) return {};
    return id.substr(1);
}

inline std::string cell(const footnoted<std::string>& f) { return one_line(f.value.value_or("")) + marks(f.footnote_ids); }
inline std::string cell(const footnoted<date>& f) {
    return (f.value ? mm_dd_yyyy(*f.value) : std::string()) + marks(f.footnote_ids);
}
inline std::string cell(const footnoted<decimal>& f, std::string_view prefix = "") {
    return (f.value ? std::string(prefix) + grouped(*f.value) : std::string()) + marks(f.footnote_ids);
}
template <class Enum>
std::string cell(const footnoted<coded<Enum>>& f) {
    return (f.value ? one_line(f.value->text) : std::string()) + marks(f.footnote_ids);
}

// Shares owned, or "$" and the value owned.
inline std::string owned_cell(const post_transaction_amounts& p) {
    if (p.shares_owned.value || p.shares_owned.footnote_ids.size() || !p.value_owned.value) return cell(p.shares_owned);
    return cell(p.value_owned, "$");
}

inline std::string underlying_amount_cell(const underlying_security& u) {
    if (u.shares.value || !u.value.value) return cell(u.shares);
    return cell(u.value, "$");
}

inline std::string code_cell(const std::optional<transaction_coding>& coding) {
    if (!coding) return {};
    std::string out = one_line(coding->code.text);
    if (coding->equity_swap_involved.value_or(false)) out += "/K";
    return out + marks(coding->footnote_ids);
}

inline std::string voluntary_cell(const std::optional<transaction_coding>& coding,
                           const footnoted<coded<form4::timeliness>>& timeliness) {
    std::string out = coding && coding->form_type.text == "5" ? "V" : "";
    return out + marks(timeliness.footnote_ids);
}

inline std::string join_cells(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i];
    return line + "\n";
}

inline std::string form_number(const document& doc) {
    std::string text = doc.type.text;
    if (!text.empty() && (text[0] == '3' || text[0] == '5')) return text.substr(0, 1);
    return "4";
}

}  // namespace form4::render_cells
