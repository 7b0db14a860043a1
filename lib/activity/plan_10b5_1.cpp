// Rule 10b5-1 in footnotes: the mention, its negation, and the adoption date.
#include <array>
#include <cctype>
#include <exception>

#include "activity/text_rules.hpp"

namespace form4::activity::detail {
namespace {

// ASCII only: filers write the rule and the months in ASCII; no locale call per byte.
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Skips what filers put between the rule's parts: space, '-', '.', '_', '(',
// a non-breaking space, an en or em dash (UTF-8); at most two of them.
std::size_t skip_separators(std::string_view text, std::size_t at) {
    for (int n = 0; n < 2 && at < text.size(); ++n) {
        char c = text[at];
        if (c == ' ' || c == '-' || c == '.' || c == '_' || c == '(') ++at;
        else if (text.substr(at, 2) == "\xc2\xa0") at += 2;
        else if (text.substr(at, 3) == "\xe2\x80\x93" || text.substr(at, 3) == "\xe2\x80\x94" ||
                 text.substr(at, 3) == "\xe2\x80\x90" || text.substr(at, 3) == "\xe2\x80\x91")
            at += 3;
        else break;
    }
    return at;
}

// The end of "10b5-1" written at `at`, or npos.
std::size_t rule_end(std::string_view text, std::size_t at) {
    if (at > 0 && (is_digit(text[at - 1]) || is_alpha(text[at - 1]))) return std::string_view::npos;
    if (text.substr(at, 2) != "10") return std::string_view::npos;
    std::size_t i = skip_separators(text, at + 2);
    if (i >= text.size() || lower(text[i]) != 'b') return std::string_view::npos;
    i = skip_separators(text, i + 1);
    if (i >= text.size() || text[i] != '5') return std::string_view::npos;
    std::size_t before_one = i + 1;
    i = skip_separators(text, before_one);
    if (i >= text.size() || text[i] != '1') return std::string_view::npos;
    // "10b51" counts only with nothing after it; "10b5 12" is another number.
    if (i + 1 < text.size() && is_digit(text[i + 1])) return std::string_view::npos;
    return i + 1;
}

bool contains_word_ci(std::string_view text, std::string_view word) {
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < word.size() && match; ++k) match = lower(text[i + k]) == word[k];
        if (!match) continue;
        bool start_ok = i == 0 || !is_alpha(text[i - 1]);
        bool end_ok = i + word.size() == text.size() || !is_alpha(text[i + word.size()]);
        if (start_ok && end_ok) return true;
    }
    return false;
}

// "not pursuant to a Rule 10b5-1 plan": a negation earlier in the same sentence.
bool negated(std::string_view text, std::size_t mention) {
    std::size_t sentence = text.rfind('.', mention == 0 ? 0 : mention - 1);
    // A '.' inside "Sept." or "U.S." also ends the look-back: it only makes it shorter.
    std::size_t from = sentence == std::string_view::npos ? 0 : sentence + 1;
    std::string_view before = text.substr(from, mention - from);
    return contains_word_ci(before, "not") || contains_word_ci(before, "nor") || contains_word_ci(before, "never");
}

constexpr std::array<std::string_view, 12> month_names{"january", "february", "march",     "april",
                                                       "may",     "june",     "july",      "august",
                                                       "september", "october", "november", "december"};

std::optional<date> make_date(int year, int month, int day) {
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    try {
        return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                    static_cast<unsigned short>(day));
    } catch (const std::exception&) {
        return std::nullopt;   // 31 September
    }
}

// Reads digits at `i` (at most `max` of them); -1 when there are none.
int read_number(std::string_view text, std::size_t& i, int max) {
    int value = 0, n = 0;
    while (i < text.size() && is_digit(text[i]) && n < max) {
        value = value * 10 + (text[i++] - '0');
        ++n;
    }
    if (i < text.size() && is_digit(text[i])) return -1;
    return n == 0 ? -1 : value;
}

// "September 14, 2021" / "Sept. 14 2021" starting at `i` (a month's first letter).
std::optional<date> written_date_at(std::string_view text, std::size_t i) {
    std::size_t word_end = i;
    while (word_end < text.size() && is_alpha(text[word_end])) ++word_end;
    std::string word;
    for (std::size_t k = i; k < word_end; ++k) word += lower(text[k]);
    if (word.size() < 3) return std::nullopt;
    int month = 0;
    for (std::size_t m = 0; m < month_names.size(); ++m)
        if (month_names[m] == word || (word.size() <= 4 && month_names[m].substr(0, word.size()) == word))
            month = static_cast<int>(m) + 1;
    if (month == 0) return std::nullopt;
    std::size_t at = word_end;
    if (at < text.size() && text[at] == '.') ++at;
    while (at < text.size() && text[at] == ' ') ++at;
    int day = read_number(text, at, 2);
    if (day < 0) return std::nullopt;
    if (at + 1 < text.size() && (text.substr(at, 2) == "st" || text.substr(at, 2) == "nd" ||
                                 text.substr(at, 2) == "rd" || text.substr(at, 2) == "th"))
        at += 2;
    if (at < text.size() && text[at] == ',') ++at;
    while (at < text.size() && text[at] == ' ') ++at;
    int year = read_number(text, at, 4);
    if (year < 1000) return std::nullopt;
    return make_date(year, month, day);
}

// "9/14/2021", "9/14/21", "2021-09-14" starting at `i` (a digit).
std::optional<date> numeric_date_at(std::string_view text, std::size_t i) {
    std::size_t at = i;
    int first = read_number(text, at, 4);
    if (first < 0 || at >= text.size()) return std::nullopt;
    char separator = text[at];
    if (separator != '/' && separator != '-') return std::nullopt;
    ++at;
    int second = read_number(text, at, 2);
    if (second < 0 || at >= text.size() || text[at] != separator) return std::nullopt;
    ++at;
    std::size_t third_start = at;
    int third = read_number(text, at, 4);
    if (third < 0) return std::nullopt;
    if (first >= 1000) return make_date(first, second, third);           // 2021-09-14
    if (separator != '/') return std::nullopt;
    if (at - third_start == 2) third += 2000;                              // 9/14/21
    else if (at - third_start != 4) return std::nullopt;
    return make_date(third, first, second);
}

}  // namespace

std::optional<date> first_date_in(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool word_start = i == 0 || !(is_alpha(text[i - 1]) || is_digit(text[i - 1]));
        if (!word_start) continue;
        std::optional<date> found;
        if (is_alpha(text[i])) found = written_date_at(text, i);
        else if (is_digit(text[i])) found = numeric_date_at(text, i);
        if (found) return found;
    }
    return std::nullopt;
}

std::optional<plan_mention> find_plan_10b5_1(std::string_view text) {
    bool mentioned = false;
    for (std::size_t i = text.find("10"); i != std::string_view::npos; i = text.find("10", i + 1)) {
        if (rule_end(text, i) == std::string_view::npos) continue;
        if (negated(text, i)) continue;
        mentioned = true;
        break;
    }
    if (!mentioned) return std::nullopt;
    plan_mention mention;
    // "adopted on December 14, 2023", "established on February 2, 2015",
    // "entered into on 3/1/2023", "dated ...": the first date within a short
    // stretch after one of these words.
    static constexpr std::array<std::string_view, 5> adoption_words{"adopted", "established", "entered into",
                                                                    "dated", "adoption"};
    std::string lowered;
    lowered.reserve(text.size());
    for (char c : text) lowered += lower(c);
    std::size_t best = std::string_view::npos;
    for (auto word : adoption_words)
        for (std::size_t at = lowered.find(word); at != std::string::npos; at = lowered.find(word, at + 1)) {
            // A date within 60 characters of the word (enough for "adopted by the reporting person on ...").
            if (auto when = first_date_in(text.substr(at + word.size(), 60))) {
                if (at < best) {
                    best = at;
                    mention.adopted = when;
                }
            }
        }
    return mention;
}

}  // namespace form4::activity::detail
