// Cutting a row whose cells a converter ran together (see run_together.hpp).
#include "text/run_together.hpp"

#include <cctype>
#include <string_view>

namespace form4::text {
namespace {

enum class word_kind { text, letter, date, amount, dollar, mark };

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Where a value's own characters end and its glued marks ("J^(1)", "676,789(2)") begin.
std::size_t value_end(std::string_view w) {
    for (std::size_t i = 1; i < w.size(); ++i)
        if (w[i] == '^' || (w[i] == '(' && i + 1 < w.size() && digit(w[i + 1]))) return i;
    return w.size();
}

// "(1)", lynx's "^(1)", or superscripts ("⁽¹⁾", "¹²": lead bytes 0xE2 0x81 or 0xC2 0xB9/B2/B3).
bool is_mark(std::string_view w) {
    if (w.size() >= 2 && ((w[0] == '\xE2' && w[1] == '\x81') ||
                          (w[0] == '\xC2' && (w[1] == '\xB9' || w[1] == '\xB2' || w[1] == '\xB3'))))
        return true;
    // One or more: "^(3)^(4)" is two marks glued.
    do {
        if (!w.empty() && w.front() == '^') w.remove_prefix(1);
        std::size_t close = w.find(')');
        if (w.size() < 3 || w.front() != '(' || close == std::string_view::npos || close < 2) return false;
        for (std::size_t i = 1; i < close; ++i)
            if (!digit(w[i])) return false;
        w.remove_prefix(close + 1);
    } while (!w.empty());
    return true;
}

word_kind kind_of(std::string_view w) {
    if (is_mark(w)) return word_kind::mark;
    if (w == "$") return word_kind::dollar;
    std::string_view v = w.substr(0, value_end(w));
    if (v.size() == 1 && std::isupper(static_cast<unsigned char>(v[0]))) return word_kind::letter;
    if (v.size() >= 2 && v[0] == '$' && digit(v[1])) return word_kind::amount;
    int slashes = 0;
    bool digits_only = !v.empty(), any_digit = false;
    for (char c : v) {
        if (c == '/') ++slashes;
        else if (digit(c)) any_digit = true;
        else if (c != ',' && c != '.' && c != '-' && c != '+') digits_only = false;
    }
    if (digits_only && any_digit && slashes == 2) return word_kind::date;
    if (digits_only && any_digit && slashes == 0) return word_kind::amount;
    return word_kind::text;
}

}  // namespace

run_together_cells cut_run_together(span line) {
    struct word {
        span at;
        word_kind kind;
    };
    std::vector<word> words;
    for (iterator_type p = line.begin; p != line.end;) {
        // Line breaks too: a row lynx drew over several lines (Form 3's centred cells) is read whole.
        auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        while (p != line.end && blank(*p)) ++p;
        iterator_type start = p;
        while (p != line.end && !blank(*p)) ++p;
        if (p != start) words.push_back({{start, p}, kind_of({start, static_cast<std::size_t>(p - start)})});
    }
    run_together_cells out;
    auto is_text = [&](std::size_t i) { return i < words.size() && words[i].kind == word_kind::text; };
    std::size_t i = 0;
    // The title: every word before the first date, amount or "$", and before the text
    // that follows its marks (a mark ends its cell: Table II's underlying title may follow).
    // A "$0.0001" with text after it is the title's ("par value $0.0001 per share").
    while (i < words.size()) {
        word_kind k = words[i].kind;
        if (k == word_kind::mark && i > 0 && is_text(i + 1)) {
            ++i;
            break;
        }
        bool in_text = k == word_kind::text || k == word_kind::letter || k == word_kind::mark;
        if (!in_text && i > 0 && (k == word_kind::amount || k == word_kind::dollar) && words[i].at.begin[0] == '$' &&
            is_text(i + 1)) {
            out.ambiguous_letter = true;
            in_text = true;
        }
        if (!in_text) break;
        ++i;
    }
    if (i > 0) out.cells.push_back({words.front().at.begin, words[i - 1].at.end});
    bool after_text = false;
    while (i < words.size()) {
        const word& w = words[i];
        if (w.kind == word_kind::mark && !out.cells.empty()) {
            out.cells.back().end = w.at.end;   // the mark belongs to the value before it
            ++i;
            continue;
        }
        if (w.kind == word_kind::dollar && i + 1 < words.size() && words[i + 1].kind == word_kind::amount) {
            out.cells.push_back({w.at.begin, words[i + 1].at.end});
            after_text = false;
            i += 2;
            continue;
        }
        // A letter, a number or a date between words of text is part of the text ("Fund 2010 LP",
        // "Family Trust dtd 4/15/2014, ...").
        bool value_in_text = w.kind == word_kind::letter || w.kind == word_kind::amount || w.kind == word_kind::date;
        if (w.kind == word_kind::text || (value_in_text && after_text && is_text(i + 1))) {
            if (w.kind != word_kind::text) out.ambiguous_letter = true;
            if (after_text) out.cells.back().end = w.at.end;
            else out.cells.push_back(w.at);
            after_text = true;
            ++i;
            continue;
        }
        out.cells.push_back(w.at);
        after_text = false;
        ++i;
    }
    return out;
}

bool ends_in_spaced_mark(span cell) {
    std::string_view v(cell.begin, static_cast<std::size_t>(cell.end - cell.begin));
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
    std::size_t space = v.find_last_of(" \t\n\r");
    return space != std::string_view::npos && is_mark(v.substr(space + 1));
}

}  // namespace form4::text
