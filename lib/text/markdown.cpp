// html2text's Markdown read as tabbed text (see markdown.hpp).
#include "text/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace form4::text {
namespace {

bool is_rule(std::string_view line) {
    // "---|---|---" under a table's first row, or "---" alone.
    std::size_t dashes = std::count(line.begin(), line.end(), '-');
    return dashes >= 3 && std::all_of(line.begin(), line.end(), [](char c) { return c == '-' || c == '|' || c == ' '; });
}

bool only_stars(std::string_view cell) {
    return !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char c) { return c == '*'; });
}

// A cell's text: bold markers ("**") removed, escapes ("1\.", "\$", "\*") undone.
// A cell of only stars is a bold "*" or "**" (the form's own notes).
std::string clean_cell(std::string_view cell) {
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    if (only_stars(cell) && cell.size() >= 5) return std::string(cell.size() - 4, '*');
    std::string out;
    out.reserve(cell.size());
    for (std::size_t i = 0; i < cell.size(); ++i) {
        char c = cell[i];
        if (c == '\\' && i + 1 < cell.size() && std::ispunct(static_cast<unsigned char>(cell[i + 1]))) {
            out += cell[++i];
        } else if (c == '*' && i + 1 < cell.size() && cell[i + 1] == '*') {
            ++i;   // bold
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

bool is_form_markdown(std::string_view text) {
    std::size_t item = text.find("1\\. Name and Address of Reporting Person");
    if (item == std::string_view::npos) item = text.find("1\\. Title of");
    return item != std::string_view::npos && text.find("---|---") != std::string_view::npos;
}

stream markdown_to_tabs(std::string_view text) {
    stream out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!is_rule(line)) {
            // "## Signatures": a heading is its text.
            std::size_t start = 0;
            while (start < line.size() && line[start] == '#') ++start;
            if (start > 0 && start < line.size() && line[start] == ' ') ++start;
            else start = 0;
            bool first = true;
            for (std::size_t cell = start; cell <= line.size();) {
                std::size_t bar = cell;
                while (bar < line.size() && !(line[bar] == '|' && (bar == 0 || line[bar - 1] != '\\'))) ++bar;
                if (!first) out.append_break('\t');
                first = false;
                std::string cleaned = clean_cell(line.substr(cell, bar - cell));
                if (!cleaned.empty()) {
                    // Remembered at the cell's first word.
                    std::size_t word = cell;
                    while (word < bar && line[word] == ' ') ++word;
                    out.append_copy(cleaned, line.data() + word);
                }
                cell = bar + 1;
            }
        }
        out.append_break('\n');
        at = end + 1;
    }
    return out;
}

}  // namespace form4::text
