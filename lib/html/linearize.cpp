#include "html/linearize.hpp"

#include <cctype>
#include <vector>

#include "text/clean.hpp"

namespace form4::html {
namespace {

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view prefix) {
    if (text.size() - at < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
    return true;
}

std::size_t find_ci(std::string_view text, std::size_t from, std::string_view needle) {
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i)
        if (starts_with_ci(text, i, needle)) return i;
    return std::string_view::npos;
}

class builder {
public:
    explicit builder(std::string_view html) : html_(html) {}

    // Text of a node: entities decoded, white space squeezed to single spaces.
    void text(std::size_t begin, std::size_t end) {
        std::string decoded = text::decode_entities(html_.substr(begin, end - begin));
        std::string squeezed;
        bool space = false;
        for (std::size_t i = 0; i < decoded.size(); ++i) {
            char c = decoded[i];
            bool nbsp = c == '\xC2' && i + 1 < decoded.size() && decoded[i + 1] == '\xA0';
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
                if (nbsp) ++i;
                space = true;
                continue;
            }
            if (space && !squeezed.empty()) squeezed += ' ';
            space = false;
            squeezed += c;
        }
        if (squeezed.empty()) {
            if (space) pending_space_ = true;
            return;
        }
        if ((space || pending_space_) && !out_.text.empty() && out_.text.back() != '\n' && out_.text.back() != '\t')
            out_.text += ' ';
        else if (decoded.size() && (decoded[0] == ' ' || decoded[0] == '\n') && !out_.text.empty() &&
                 out_.text.back() != '\n' && out_.text.back() != '\t')
            out_.text += ' ';
        pending_space_ = space;
        // The piece starts at its first word, not at the white space before it.
        std::size_t first = begin;
        for (;;) {
            if (first < end && std::isspace(static_cast<unsigned char>(html_[first]))) ++first;
            else if (html_.compare(first, 6, "&nbsp;") == 0 && first + 6 <= end) first += 6;
            else if (html_.compare(first, 2, "\xC2\xA0") == 0 && first + 2 <= end) first += 2;
            else break;
        }
        out_.map.pieces.push_back({out_.text.size(), html_.data() + first});
        if (superscript_ > 0) squeezed = as_superscript_mark(squeezed);
        out_.text += squeezed;
    }

    // A footnote mark drawn in <sup>, "(12)", written "⁽¹²⁾": then a "(2)" in a
    // value's own text (outside <sup>) is not taken for a mark.
    static std::string as_superscript_mark(const std::string& text) {
        if (text.size() < 3 || text.front() != '(' || text.back() != ')') return text;
        static const char* digits[] = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",
                                       "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7",
                                       "\xE2\x81\xB8", "\xE2\x81\xB9"};
        std::string mark = "\xE2\x81\xBD";
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(text[i]))) return text;
            mark += digits[text[i] - '0'];
        }
        return mark + "\xE2\x81\xBE";
    }
    void superscript(bool open) { superscript_ += open ? 1 : (superscript_ > 0 ? -1 : 0); }

    void line_break() {
        pending_space_ = false;
        if (!out_.text.empty() && out_.text.back() != '\n') out_.text += '\n';
    }
    void row_start() {
        line_break();
        cells_.push_back(0);
    }
    void row_end() {
        line_break();
        if (!cells_.empty()) cells_.pop_back();
    }
    void cell_start() {
        pending_space_ = false;
        if (cells_.empty()) return;
        if (cells_.back()++ > 0) out_.text += '\t';
    }
    void space() { pending_space_ = true; }

    // A word the page draws without text (a checkbox's tick): written into the
    // text as a word of its own, mapped back to the tag that draws it.
    void word(std::string_view written, const char* tag) {
        if (!out_.text.empty() && out_.text.back() != '\n' && out_.text.back() != '\t' && out_.text.back() != ' ')
            out_.text += ' ';
        out_.map.pieces.push_back({out_.text.size(), tag});
        out_.text += written;
        pending_space_ = true;
    }
    bool in_row() const { return !cells_.empty() && cells_.back() > 0; }

    linear_text finish() && { return std::move(out_); }

private:
    std::string_view html_;
    linear_text out_;
    std::vector<int> cells_;   // cells seen in each open row (rows nest with tables)
    bool pending_space_ = false;
    int superscript_ = 0;   // open <sup> elements
};

}  // namespace

linear_text linearize(std::string_view html) {
    builder out(html);
    std::size_t at = 0;
    std::size_t text_start = 0;
    while (at < html.size()) {
        if (html[at] != '<') {
            ++at;
            continue;
        }
        if (starts_with_ci(html, at, "<!--")) {
            if (text_start < at) out.text(text_start, at);
            std::size_t close = html.find("-->", at + 4);
            at = close == std::string_view::npos ? html.size() : close + 3;
            text_start = at;
            continue;
        }
        std::size_t name_start = at + 1;
        bool closing = name_start < html.size() && html[name_start] == '/';
        if (closing) ++name_start;
        std::size_t name_end = name_start;
        while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])))) ++name_end;
        if (name_end == name_start && !(name_start < html.size() && html[name_start] == '!')) {
            // A lone "<" in text.
            ++at;
            continue;
        }
        if (text_start < at) out.text(text_start, at);
        // The tag ends at the first '>' outside a quoted attribute value.
        std::size_t close = name_end;
        char quote = 0;
        while (close < html.size() && (quote || html[close] != '>')) {
            if (quote && html[close] == quote) quote = 0;
            else if (!quote && (html[close] == '"' || html[close] == '\'')) quote = html[close];
            ++close;
        }
        if (close >= html.size()) {
            text_start = html.size();   // an unterminated tag: the rest is not text
            break;
        }
        std::string name;
        for (std::size_t i = name_start; i < name_end; ++i)
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
        at = close + 1;
        text_start = at;
        // Content that is never shown.
        if (!closing && (name == "head" || name == "style" || name == "script" || name == "title")) {
            std::size_t end = find_ci(html, at, "</" + name);
            if (end == std::string_view::npos) break;
            std::size_t end_close = html.find('>', end);
            at = text_start = end_close == std::string_view::npos ? html.size() : end_close + 1;
            continue;
        }
        if (name == "tr") {
            if (closing) out.row_end();
            else out.row_start();
        } else if (name == "td" || name == "th") {
            if (!closing) out.cell_start();
            else out.space();
        } else if (name == "input" && !closing) {
            // The current stylesheets draw their checkboxes as disabled inputs:
            // "[X]" when it carries "checked", "[ ]" when not, as lynx shows them.
            std::string_view attributes = html.substr(name_end, close - name_end);
            if (find_ci(attributes, 0, "checkbox") != std::string_view::npos)
                out.word(find_ci(attributes, 0, "checked") != std::string_view::npos ? "[X]" : "[ ]",
                         html.data() + name_start - 1);
        } else if (name == "center" && out.in_row()) {
            out.space();   // the stylesheets center a cell's value: it stays in its cell
        } else if (name == "br" || name == "p" || name == "div" || name == "hr" || name == "table" ||
                   name == "h1" || name == "h2" || name == "h3" || name == "h4" || name == "center") {
            out.line_break();
        } else if (name == "span" || name == "font" || name == "b" || name == "i" || name == "a" || name == "u" ||
                   name == "sup") {
            // Inline: nothing between the words, but a mark in <sup> stays apart from the value.
            if (name == "sup" && !closing) out.space();
            if (name == "sup") out.superscript(!closing);
        } else {
            out.space();
        }
    }
    if (text_start < html.size()) out.text(text_start, html.size());
    return std::move(out).finish();
}

}  // namespace form4::html
