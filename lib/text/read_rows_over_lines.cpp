// Table rows a converter drew over several lines: lynx's Form 3 rows with their centred
// cells on lines of their own, and w3m's rows whose long cells wrap above and below them.
#include "text/form_reader.hpp"
#include "text/run_together.hpp"

namespace form4::text::reading {

// lynx draws Form 3's Table I with the centred ownership cell ("I") on a line of its
// own after the row, and the nature on the line after that: the row's last line, or
// `at` when the row is on one line. Only without tabs, and only where the next line is
// a lone D or I; the nature is taken only when it holds no number or date (not a row).
std::size_t reader::centred_row_end(const std::vector<span>& lines, std::size_t at, std::size_t last,
                                    bool derivative) const {
    if (form_ != "3" || derivative || state_.outer) return at;
    auto tabbed = [](span s) { return std::find(s.begin, s.end, '\t') != s.end; };
    auto next = [&](std::size_t from) {
        std::size_t k = from + 1;
        while (k < last && is_blank(lines[k])) ++k;
        return k;
    };
    if (tabbed(lines[at])) return at;
    std::size_t ownership = next(at);
    if (ownership >= last || tabbed(lines[ownership])) return at;
    std::string_view letter = trim(lines[ownership]).view();
    if (letter.empty() || (letter[0] != 'D' && letter[0] != 'I')) return at;
    letter.remove_prefix(1);
    if (!letter.empty() && letter[0] != ' ' && letter[0] != '^' && letter[0] != '(') return at;
    std::size_t nature = next(ownership);
    if (nature >= last || tabbed(lines[nature])) return ownership;
    // Words of text: no date, and a word (not a number or a mark) last ("By Levchin 2012 Trust ^(1)").
    std::string_view text = trim(lines[nature]).view();
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t space = std::min(text.find(' ', at), text.size());
        if (space > at) words.push_back(text.substr(at, space - at));
        at = space + 1;
    }
    auto is_mark = [](std::string_view w) { return !w.empty() && (w[0] == '^' || (w[0] == '(' && w.size() > 1 && std::isdigit(static_cast<unsigned char>(w[1])))); };
    while (!words.empty() && is_mark(words.back())) words.pop_back();
    if (words.empty()) return ownership;
    for (auto w : words)
        if (std::count(w.begin(), w.end(), '/') == 2) return ownership;
    bool last_is_word = std::any_of(words.back().begin(), words.back().end(),
                                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    return last_is_word ? nature : ownership;
}

// A browser's copy breaks a row where a cell holds a block (<center>): the row
// ends in a tab, the block's value stands alone on the next line, and the rest
// of the row follows on the line after, starting with a tab.
bool reader::breaks_at_a_block(span row, span block, span rest) const {
    auto has_tab = [](span s) { return std::find(s.begin, s.end, '\t') != s.end; };
    return !state_.outer && row.begin != row.end && row.end[-1] == '\t' && !is_blank(block) && !has_tab(block) &&
           rest.begin != rest.end && rest.begin[0] == '\t';
}

void reader::read_broken_row(const std::vector<span>& lines, std::size_t at, bool derivative) {
    stream joined;
    for (std::size_t k = at; k < at + 3; ++k) joined.append_copy(k == at + 1 ? trim(lines[k]).view() : lines[k].view(),
                                                                 k == at + 1 ? trim(lines[k]).begin : lines[k].begin);
    std::vector<span> cells = split_cells({joined.begin(), joined.end()});
    cell_map_ = &joined.map();
    read_cells(std::move(cells), true, layout_for(form_, derivative), derivative, lines[at]);
    cell_map_ = nullptr;
}

// w3m lays a table out: a blank line between rows, and a cell too long for its column
// wrapped over lines of its own, above and below the row's line (cells are centred). The
// row's last line when `at` starts such a row: lines without tabs, one with four cells or
// more (the row's) and the others words of text in two cells at most; else `at`.
std::size_t reader::wrapped_row_end(const std::vector<span>& lines, std::size_t at, std::size_t last) const {
    if (state_.outer || (at > 0 && !is_blank(lines[at - 1]))) return at;
    std::size_t end = at;
    while (end + 1 < last && !is_blank(lines[end + 1])) ++end;
    if (end == at) return at;
    std::size_t wide = 0;
    for (std::size_t k = at; k <= end; ++k) {
        bool tabs = false;
        auto cells = split_cells(lines[k], &tabs);
        std::size_t filled = std::count_if(cells.begin(), cells.end(), [](const span& c) { return !c.empty(); });
        if (tabs) return at;
        if (filled >= 4) ++wide;
        // A piece is words of text (and marks): a line with a value of its own is a row (lynx).
        else if (filled > 2 || cut_run_together(lines[k]).cells.size() != 1) return at;
    }
    return wide == 1 ? end : at;
}

// Each piece of the other lines joins the cell of the row's line it stands over or under;
// false (nothing read) when a piece stands under no cell.
bool reader::read_wrapped_row(const std::vector<span>& lines, std::size_t from, std::size_t to, bool derivative) {
    auto filled_cells = [](span line) {
        std::vector<span> cells = split_cells(line);
        std::erase_if(cells, [](const span& c) { return c.empty(); });
        return cells;
    };
    std::size_t row = from;
    for (std::size_t k = from; k <= to; ++k)
        if (filled_cells(lines[k]).size() >= 4) row = k;
    std::vector<span> cells = filled_cells(lines[row]);
    std::vector<std::string> above(cells.size()), below(cells.size());
    for (std::size_t k = from; k <= to; ++k) {
        if (k == row) continue;
        for (const span& piece : filled_cells(lines[k])) {
            std::ptrdiff_t x0 = piece.begin - lines[k].begin, x1 = piece.end - lines[k].begin;
            std::size_t best = cells.size();
            std::ptrdiff_t best_overlap = 0;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                std::ptrdiff_t c0 = cells[c].begin - lines[row].begin, c1 = cells[c].end - lines[row].begin;
                // (w3m centres a piece in its column: a short one may stand a little left of the row's text.)
                std::ptrdiff_t overlap = std::min(x1, c1 + 4) - std::max(x0, c0 - 4);
                if (overlap > best_overlap) best_overlap = overlap, best = c;
            }
            if (best == cells.size()) return false;
            std::string& into = k < row ? above[best] : below[best];
            if (!into.empty() && into.back() != '^') into += ' ';
            into += piece.view();
        }
    }
    stream joined;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        std::string text = above[c];
        if (!text.empty() && text.back() != '^') text += ' ';
        text += cells[c].view();
        if (!below[c].empty()) text += (text.back() == '^' ? "" : " ") + below[c];
        if (c) joined.append_copy("   ", cells[c].begin);
        joined.append_copy(text, cells[c].begin);
    }
    std::vector<span> joined_cells = split_cells({joined.begin(), joined.end()});
    cell_map_ = &joined.map();
    merged_line_ = {joined.begin(), joined.end()};
    read_cells(std::move(joined_cells), false, layout_for(form_, derivative), derivative, lines[row]);
    merged_line_ = {};
    cell_map_ = nullptr;
    return true;
}

}  // namespace form4::text::reading
