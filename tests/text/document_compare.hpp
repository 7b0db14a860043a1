#pragma once
// Field-by-field comparison of two documents on what the text form shows, and
// the damage converters do to text. Shared by the round-trip and HTML tests.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "form4/model.hpp"
#include "form4/parse.hpp"
#include "text/clean.hpp"
#include "text/rendering_unknowns.hpp"

namespace form4::testing {

using form4::document;

// What a converter may have done to the rendered text.
enum class damage { none, spaces_for_tabs, markup_dropped, ascii_marks, superscript_marks };

inline std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

inline std::string apply(damage d, std::string text) {
    switch (d) {
        case damage::none: return text;
        case damage::spaces_for_tabs: return replace_all(text, "\t", "   ");
        case damage::markup_dropped:
            text = replace_all(text, "<input checked=\"\" type=\"checkbox\"/>", "X");
            text = replace_all(text, "<input type=\"checkbox\"/> ", "");
            text = replace_all(text, "<u>", "");
            return replace_all(text, "</u>", "");
        case damage::ascii_marks:
        case damage::superscript_marks: {
            // " ⁽¹²⁾" -> " (12)", or "¹²" glued to the value (",²" for a second mark).
            std::string out;
            const std::string open = "\xE2\x81\xBD", close = "\xE2\x81\xBE";
            std::size_t at = 0;
            bool previous_was_mark = false;
            while (at < text.size()) {
                if (text.compare(at, 1 + open.size(), " " + open) == 0) {
                    std::size_t end = text.find(close, at);
                    std::string digits = text.substr(at + 1 + open.size(), end - at - 1 - open.size());
                    if (d == damage::ascii_marks) {
                        std::string ascii;
                        for (std::size_t i = 0; i < digits.size();) {
                            static const char* sup[] = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",
                                                        "\xC2\xB3",     "\xE2\x81\xB4", "\xE2\x81\xB5",
                                                        "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8",
                                                        "\xE2\x81\xB9"};
                            for (int k = 0; k < 10; ++k)
                                if (digits.compare(i, std::strlen(sup[k]), sup[k]) == 0) {
                                    ascii += static_cast<char>('0' + k);
                                    i += std::strlen(sup[k]);
                                    break;
                                }
                        }
                        out += " (" + ascii + ")";
                    } else {
                        out += (previous_was_mark ? "," : "") + digits;
                    }
                    previous_was_mark = true;
                    at = end + close.size();
                    continue;
                }
                previous_was_mark = false;
                out += text[at++];
            }
            return out;
        }
    }
    return text;
}

inline std::string squeezed(std::string_view text) { return form4::text::clean_text(text); }

// Collects "field: xml value != text value" lines.
class comparison {
public:
    comparison(damage d, bool form4, shown s = {}) : damage_(d), form4_(form4), shown_(s) {}
    bool form4() const { return form4_; }
    const shown& drawn() const { return shown_; }

    template <class T>
    void same(const std::string& field, const T& from_xml, const T& from_text) {
        if (!(from_xml == from_text)) {
            std::ostringstream line;
            line << field << ": " << show(from_xml) << " != " << show(from_text);
            mismatches_.push_back(line.str());
        }
    }
    void same_text(const std::string& field, const std::string& a, const std::string& b) {
        same(field, squeezed(a), squeezed(b));
    }
    template <class T>
    void same_footnoted(const std::string& field, const form4::footnoted<T>& a, const form4::footnoted<T>& b) {
        same(field + ".value", a.value, b.value);
        if (marks_placed()) same(field + ".footnotes", a.footnote_ids, b.footnote_ids);
    }
    void same_footnoted_text(const std::string& field, const form4::footnoted<std::string>& a,
                             const form4::footnoted<std::string>& b) {
        std::optional<std::string> av, bv;
        if (a.value && !squeezed(*a.value).empty()) av = squeezed(*a.value);
        // Written as "(2)", a mark cannot be told from a value that ends in "(2)".
        if (damage_ == damage::ascii_marks && av && ends_in_mark(*av)) return;
        if (b.value && !squeezed(*b.value).empty()) bv = squeezed(*b.value);
        same(field + ".value", av, bv);
        if (marks_placed()) same(field + ".footnotes", a.footnote_ids, b.footnote_ids);
    }
    template <class E>
    void same_code(const std::string& field, const form4::footnoted<form4::coded<E>>& a,
                   const form4::footnoted<form4::coded<E>>& b) {
        auto text = [](const auto& f) { return f.value ? f.value->text : std::string(); };
        same(field + ".value", text(a), text(b));
        if (marks_placed()) same(field + ".footnotes", a.footnote_ids, b.footnote_ids);
    }

    static bool ends_in_mark(const std::string& text) {
        if (text.empty() || text.back() != ')') return false;
        std::size_t open = text.rfind('(');
        if (open == std::string::npos || open + 2 > text.size() - 1) return false;
        return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(open) + 1, text.end() - 1,
                           [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
    }

    // Without tabs, a cell holding only marks joins the cell before it.
    bool exact_marks() const { return damage_ != damage::spaces_for_tabs; }
    // Each mark compared in its field: not where the reader said a row's marks may stand
    // elsewhere (then the row's marks are compared together, see compare_row_marks).
    bool marks_placed() const { return exact_marks() && !row_marks_unknown_; }
    void row_marks_unknown(bool unknown) { row_marks_unknown_ = unknown; }
    damage kind() const { return damage_; }
    const std::vector<std::string>& mismatches() const { return mismatches_; }

private:
    static std::string show(const std::string& s) { return "\"" + s + "\""; }
    static std::string show(bool b) { return b ? "true" : "false"; }
    static std::string show(std::size_t n) { return std::to_string(n); }
    static std::string show(const form4::decimal& d) { return d.to_string(); }
    static std::string show(const form4::date& d) { return boost::gregorian::to_iso_extended_string(d); }
    static std::string show(const std::vector<std::string>& v) {
        std::string out = "[";
        for (const auto& s : v) out += (out.size() > 1 ? "," : "") + s;
        return out + "]";
    }
    template <class T>
    static std::string show(const std::optional<T>& o) {
        return o ? show(*o) : "(none)";
    }
    damage damage_;
    bool form4_;
    shown shown_;
    bool row_marks_unknown_ = false;
    std::vector<std::string> mismatches_;
};

inline void compare_owners(comparison& c, const document& x, const document& t) {
    c.same("owners.size", x.reporting_owners.size(), t.reporting_owners.size());
    for (std::size_t i = 0; i < std::min(x.reporting_owners.size(), t.reporting_owners.size()); ++i) {
        const auto& a = x.reporting_owners[i];
        const auto& b = t.reporting_owners[i];
        std::string p = "owner[" + std::to_string(i) + "].";
        c.same_text(p + "name", a.id.name, b.id.name);
        c.same_text(p + "street1", a.address.street1, b.address.street1);
        c.same_text(p + "street2", a.address.street2, b.address.street2);
        // Without <u> the city, state and zip of item 1 run together; they split
        // back only in the usual shape ("CITY ST 12345").
        bool city_line_split = c.kind() != damage::markup_dropped || x.reporting_owners.size() > 1 ||
                               (a.address.state.size() == 2 && !a.address.zip_code.empty() &&
                                squeezed(a.address.city).back() != ',' &&
                                !a.address.city.empty() && squeezed(a.address.zip_code).find(' ') == std::string::npos);
        // A non-US address (drawn only where the country is) shows its state or territory in the state's place.
        bool non_us = c.drawn().country && a.address.non_us_address.value_or(false);
        if (city_line_split) {
            c.same_text(p + "city", a.address.city, b.address.city);
            if (non_us) c.same_text(p + "non_us_state_territory", a.address.non_us_state_territory, b.address.non_us_state_territory);
            else c.same_text(p + "state", a.address.state, b.address.state);
            c.same_text(p + "zip", a.address.zip_code, b.address.zip_code);
        }
        // The country line says "UNITED STATES" for any address not flagged non-US: then no
        // country is read; where no country line is drawn, none may be read either.
        c.same(p + "non_us_address", non_us, b.address.non_us_address.value_or(false));
        c.same_text(p + "country", non_us ? a.address.country : std::string(), b.address.country);
        if (!non_us) c.same_text(p + "non_us_state_territory", std::string(), b.address.non_us_state_territory);
        const auto& r = a.relationship;
        const auto& s = b.relationship;
        c.same(p + "director", r.is_director.value_or(false), s.is_director.value_or(false));
        c.same(p + "ten_percent", r.is_ten_percent_owner.value_or(false), s.is_ten_percent_owner.value_or(false));
        c.same(p + "officer", r.is_officer.value_or(false), s.is_officer.value_or(false));
        c.same(p + "other", r.is_other.value_or(false), s.is_other.value_or(false));
        bool titles_split = c.kind() != damage::markup_dropped || r.officer_title.empty() || r.other_text.empty() ||
                            x.reporting_owners.size() > 1;
        if (titles_split) {
            c.same_text(p + "officer_title", r.officer_title, s.officer_title);
            c.same_text(p + "other_text", r.other_text, s.other_text);
        }
    }
}

inline void compare_coding(comparison& c, const std::string& p, const std::optional<form4::transaction_coding>& a,
                    const std::optional<form4::transaction_coding>& b) {
    form4::transaction_coding none;
    const auto& x = a ? *a : none;
    const auto& y = b ? *b : none;
    c.same(p + "code", x.code.text, y.code.text);
    c.same(p + "equity_swap", x.equity_swap_involved.value_or(false), y.equity_swap_involved.value_or(false));
    if (c.form4()) c.same(p + "voluntary", x.form_type.text == "5", y.form_type.text == "5");
    if (c.marks_placed()) c.same(p + "code.footnotes", x.footnote_ids, y.footnote_ids);
}

inline void compare_post(comparison& c, const std::string& p, const form4::post_transaction_amounts& a,
                  const form4::post_transaction_amounts& b) {
    c.same_footnoted(p + "shares_owned", a.shares_owned, b.shares_owned);
    c.same_footnoted(p + "value_owned", a.value_owned, b.value_owned);
}

inline void compare_ownership(comparison& c, const std::string& p, const form4::ownership_nature& a,
                       const form4::ownership_nature& b) {
    c.same_code(p + "direct_or_indirect", a.direct_or_indirect, b.direct_or_indirect);
    c.same_footnoted_text(p + "nature", a.nature, b.nature);
}

inline void compare_underlying(comparison& c, const std::string& p, const form4::underlying_security& a,
                        const form4::underlying_security& b) {
    c.same_footnoted_text(p + "underlying.title", a.title, b.title);
    c.same_footnoted(p + "underlying.shares", a.shares, b.shares);
    c.same_footnoted(p + "underlying.value", a.value, b.value);
}

// Without tabs a lone date in columns 6 could be either; then only the dates shown are compared.
template <class Row>
void compare_exercise_dates(comparison& c, const std::string& p, const Row& a, const Row& b) {
    if (c.exact_marks() || (a.exercise_date.value && a.expiration_date.value)) {
        c.same_footnoted(p + "exercise_date", a.exercise_date, b.exercise_date);
        c.same_footnoted(p + "expiration_date", a.expiration_date, b.expiration_date);
        return;
    }
    auto shown = [](const Row& r) { return r.exercise_date.value ? r.exercise_date.value : r.expiration_date.value; };
    c.same(p + "exercise_or_expiration_date", shown(a), shown(b));
}

inline std::vector<std::string> compare(const document& x, const document& t, damage d, shown s = {},
                                        const unknowns& unknown = {}) {
    comparison c(d, !x.type.text.empty() && x.type.text[0] == '4', s);
    // The 10b5-1 box is drawn ticked for 1 or true, empty for 0, false or no answer (an
    // older filing under a newer stylesheet). Not drawn, or drawn without its tick, it is
    // unknown: the reading must say so (no value), never guess.
    std::optional<bool> box;
    if (s.aff10b5_box && s.ticks) box = x.aff10b5_one.value_or(false);
    c.same("aff10b5_one", box, t.aff10b5_one);
    // A row whose marks the reader placed unsure: its marks are compared together, after its fields.
    auto open_row = [&](const std::string& path) { c.row_marks_unknown(unknown.mark_rows.count(path) > 0); };
    auto close_row = [&](const std::string& p, const auto& a, const auto& b) {
        if (!c.marks_placed() && c.exact_marks()) c.same(p + "marks", row_marks(a), row_marks(b));
        c.row_marks_unknown(false);
    };
    bool amendment = x.type.text.size() > 2 && x.type.text.substr(1) == "/A";
    c.same("type", amendment && !x.date_of_original_submission ? x.type.text.substr(0, 1) : x.type.text, t.type.text);
    c.same("period_of_report", x.period_of_report, t.period_of_report);
    c.same("date_of_original_submission", x.date_of_original_submission, t.date_of_original_submission);
    bool form3 = !x.type.text.empty() && x.type.text[0] == '3';
    if (!form3)
        c.same("not_subject_to_section16", x.not_subject_to_section16.value_or(false),
               t.not_subject_to_section16.value_or(false));
    c.same_text("issuer.name", x.issuer.name, t.issuer.name);
    c.same_text("issuer.trading_symbol", x.issuer.trading_symbol, t.issuer.trading_symbol);
    compare_owners(c, x, t);

    c.same("non_derivative_transactions.size", x.non_derivative_transactions.size(),
           t.non_derivative_transactions.size());
    for (std::size_t i = 0; i < std::min(x.non_derivative_transactions.size(), t.non_derivative_transactions.size());
         ++i) {
        const auto& a = x.non_derivative_transactions[i];
        const auto& b = t.non_derivative_transactions[i];
        std::string p = "table1.transaction[" + std::to_string(i) + "].";
        open_row("non_derivative_transactions[" + std::to_string(i) + "]");
        c.same_footnoted_text(p + "title", a.security_title, b.security_title);
        c.same_footnoted(p + "date", a.transaction_date, b.transaction_date);
        c.same_footnoted(p + "deemed", a.deemed_execution_date, b.deemed_execution_date);
        compare_coding(c, p, a.coding, b.coding);
        if (c.marks_placed()) c.same(p + "timeliness.footnotes", a.timeliness.footnote_ids, b.timeliness.footnote_ids);
        c.same_footnoted(p + "shares", a.shares, b.shares);
        c.same_footnoted(p + "price", a.price_per_share, b.price_per_share);
        c.same_code(p + "acquired_disposed", a.acquired_disposed, b.acquired_disposed);
        compare_post(c, p, a.post_transaction, b.post_transaction);
        compare_ownership(c, p, a.ownership, b.ownership);
        close_row(p, a, b);
    }
    c.same("non_derivative_holdings.size", x.non_derivative_holdings.size(), t.non_derivative_holdings.size());
    for (std::size_t i = 0; i < std::min(x.non_derivative_holdings.size(), t.non_derivative_holdings.size()); ++i) {
        const auto& a = x.non_derivative_holdings[i];
        const auto& b = t.non_derivative_holdings[i];
        std::string p = "table1.holding[" + std::to_string(i) + "].";
        open_row("non_derivative_holdings[" + std::to_string(i) + "]");
        c.same_footnoted_text(p + "title", a.security_title, b.security_title);
        compare_post(c, p, a.post_transaction, b.post_transaction);
        compare_ownership(c, p, a.ownership, b.ownership);
        close_row(p, a, b);
    }
    c.same("derivative_transactions.size", x.derivative_transactions.size(), t.derivative_transactions.size());
    for (std::size_t i = 0; i < std::min(x.derivative_transactions.size(), t.derivative_transactions.size()); ++i) {
        const auto& a = x.derivative_transactions[i];
        const auto& b = t.derivative_transactions[i];
        std::string p = "table2.transaction[" + std::to_string(i) + "].";
        open_row("derivative_transactions[" + std::to_string(i) + "]");
        c.same_footnoted_text(p + "title", a.security_title, b.security_title);
        c.same_footnoted(p + "exercise_price", a.conversion_or_exercise_price, b.conversion_or_exercise_price);
        c.same_footnoted(p + "date", a.transaction_date, b.transaction_date);
        c.same_footnoted(p + "deemed", a.deemed_execution_date, b.deemed_execution_date);
        compare_coding(c, p, a.coding, b.coding);
        if (c.marks_placed()) c.same(p + "timeliness.footnotes", a.timeliness.footnote_ids, b.timeliness.footnote_ids);
        // The amount is drawn in the (A) or (D) column by its code; with no code it is not drawn.
        std::string ad = a.acquired_disposed.value ? a.acquired_disposed.value->text : "";
        if (ad == "A" || ad == "D") {
            // Where the reader says the (A) and (D) columns could not be told apart, it must leave it unknown.
            bool direction_unknown = unknown.direction_rows.count("derivative_transactions[" + std::to_string(i) + "]") > 0;
            if (d != damage::spaces_for_tabs)
                c.same(p + "acquired_disposed", direction_unknown ? std::string() : ad,
                       b.acquired_disposed.value ? b.acquired_disposed.value->text : std::string());
            c.same(p + "shares", a.shares.value, b.shares.value);
            c.same(p + "total_value", a.total_value.value, b.total_value.value);
            if (c.marks_placed()) {
                // Shares' and code's marks share the cell.
                auto all = [](const form4::derivative_transaction& r) {
                    auto ids = r.shares.value || !r.total_value.value ? r.shares.footnote_ids : r.total_value.footnote_ids;
                    ids.insert(ids.end(), r.acquired_disposed.footnote_ids.begin(), r.acquired_disposed.footnote_ids.end());
                    return ids;
                };
                c.same(p + "amount.footnotes", all(a), all(b));
            }
        }
        c.same_footnoted(p + "price", a.price_per_share, b.price_per_share);
        compare_exercise_dates(c, p, a, b);
        compare_underlying(c, p, a.underlying, b.underlying);
        compare_post(c, p, a.post_transaction, b.post_transaction);
        compare_ownership(c, p, a.ownership, b.ownership);
        close_row(p, a, b);
    }
    c.same("derivative_holdings.size", x.derivative_holdings.size(), t.derivative_holdings.size());
    for (std::size_t i = 0; i < std::min(x.derivative_holdings.size(), t.derivative_holdings.size()); ++i) {
        const auto& a = x.derivative_holdings[i];
        const auto& b = t.derivative_holdings[i];
        std::string p = "table2.holding[" + std::to_string(i) + "].";
        open_row("derivative_holdings[" + std::to_string(i) + "]");
        c.same_footnoted_text(p + "title", a.security_title, b.security_title);
        c.same_footnoted(p + "exercise_price", a.conversion_or_exercise_price, b.conversion_or_exercise_price);
        compare_exercise_dates(c, p, a, b);
        compare_underlying(c, p, a.underlying, b.underlying);
        compare_post(c, p, a.post_transaction, b.post_transaction);
        compare_ownership(c, p, a.ownership, b.ownership);
        close_row(p, a, b);
    }
    c.same("footnotes.size", x.footnotes.size(), t.footnotes.size());
    for (std::size_t i = 0; i < std::min(x.footnotes.size(), t.footnotes.size()); ++i) {
        c.same("footnote[" + std::to_string(i) + "].id", x.footnotes[i].id, t.footnotes[i].id);
        c.same_text("footnote[" + std::to_string(i) + "].text", x.footnotes[i].text, t.footnotes[i].text);
    }
    c.same_text("remarks", x.remarks, t.remarks);
    c.same("signatures.size", x.signatures.size(), t.signatures.size());
    for (std::size_t i = 0; i < std::min(x.signatures.size(), t.signatures.size()); ++i) {
        c.same_text("signature[" + std::to_string(i) + "].name", x.signatures[i].name, t.signatures[i].name);
        c.same("signature[" + std::to_string(i) + "].date", x.signatures[i].date, t.signatures[i].date);
    }
    return c.mismatches();
}

}  // namespace form4::testing
