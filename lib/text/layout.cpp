#include "text/layout.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace form4::text {
namespace {

// ' ', tab, CR, or U+00A0 (two bytes); returns the width, 0 when not blank.
std::size_t blank_width(iterator_type p, iterator_type end) noexcept {
    if (p == end) return 0;
    if (*p == ' ' || *p == '\t' || *p == '\r') return 1;
    if (end - p >= 2 && p[0] == '\xC2' && p[1] == '\xA0') return 2;
    return 0;
}

// Bytes that end a word of a cell: the blanks (' ', tab, CR), LF, and 0xC2
// (the lead byte of U+00A0, a blank when A0 follows). Every other byte is text.
constexpr std::array<bool, 256> word_end_bytes = [] {
    std::array<bool, 256> table{};
    table[' '] = table['\t'] = table['\r'] = table['\n'] = table[0xC2] = true;
    return table;
}();

// Calls `take` with each line; of a run of blank lines, only the first two
// (no reader tells more blank lines apart from two).
template <class Take>
void for_each_line(iterator_type begin, iterator_type end, Take take) {
    // memchr finds the next LF and the next CR; each is searched again only once passed.
    auto next = [end](iterator_type from, char c) {
        const void* found = from == end ? nullptr : std::memchr(from, c, static_cast<std::size_t>(end - from));
        return found ? static_cast<iterator_type>(found) : end;
    };
    iterator_type lf = next(begin, '\n'), cr = next(begin, '\r');
    iterator_type start = begin;
    std::size_t blank_run = 0;
    while (start != end) {
        if (lf < start) lf = next(start, '\n');
        if (cr < start) cr = next(start, '\r');
        iterator_type line_end = std::min(lf, cr);
        span line{start, line_end};
        blank_run = is_blank(line) ? blank_run + 1 : 0;
        if (blank_run <= 2) take(line);
        if (line_end == end) break;
        start = line_end + 1;
        if (*line_end == '\r' && start != end && *start == '\n') ++start;
    }
}

}  // namespace

// Memory: the lines are counted first and the vector sized exactly, and
// blank runs are cut to two lines, so that the spans cost at most a small
// multiple of the input (16 bytes per line of at least one visible byte)
// whatever its shape; one span per input line cost 26 bytes per blank line.
std::vector<span> split_lines(iterator_type begin, iterator_type end) {
    std::size_t count = 0;
    for_each_line(begin, end, [&count](span) { ++count; });
    std::vector<span> lines;
    lines.reserve(count);
    for_each_line(begin, end, [&lines](span line) { lines.push_back(line); });
    return lines;
}

span trim(span text) noexcept {
    while (std::size_t w = blank_width(text.begin, text.end)) text.begin += w;
    while (text.end != text.begin) {
        if (text.end[-1] == ' ' || text.end[-1] == '\t' || text.end[-1] == '\r') {
            --text.end;
        } else if (text.end - text.begin >= 2 && text.end[-2] == '\xC2' && text.end[-1] == '\xA0') {
            text.end -= 2;
        } else {
            break;
        }
    }
    return text;
}

bool is_blank(span text) noexcept { return trim(text).empty(); }

bool split_cells_into(span line, std::vector<span>& cells) {
    bool tabs = std::memchr(line.begin, '\t', static_cast<std::size_t>(line.end - line.begin)) != nullptr;
    if (tabs) {
        iterator_type start = line.begin;
        while (const void* tab = std::memchr(start, '\t', static_cast<std::size_t>(line.end - start))) {
            cells.push_back(trim({start, static_cast<iterator_type>(tab)}));
            start = static_cast<iterator_type>(tab) + 1;
        }
        cells.push_back(trim({start, line.end}));
        return true;
    }
    iterator_type start = line.begin;
    iterator_type p = line.begin;
    while (p != line.end) {
        // Without tabs a blank is ' ', CR or U+00A0: other characters are passed at once.
        if (*p != ' ' && *p != '\r' && *p != '\xC2') {
            ++p;
            continue;
        }
        std::size_t w = blank_width(p, line.end);
        if (!w) {
            ++p;
            continue;
        }
        // Measure the run of blanks; two or more end the cell.
        iterator_type run = p;
        std::size_t count = 0;
        while (std::size_t rw = blank_width(run, line.end)) {
            run += rw;
            ++count;
        }
        if (count >= 2 && run != line.end) {
            cells.push_back(trim({start, p}));
            start = run;
        }
        p = run;
    }
    cells.push_back(trim({start, line.end}));
    return false;
}

std::vector<span> split_cells(span line, bool* by_tabs) {
    std::vector<span> cells;
    cells.reserve(16);   // a table row's cells, without growing
    bool tabs = split_cells_into(line, cells);
    if (by_tabs) *by_tabs = tabs;
    return cells;
}

void stream::append(span text, bool squeeze) {
    if (!squeeze) {
        map_.pieces.push_back({text_.size(), text.begin});
        text_.append(text.begin, text.end);
        return;
    }
    // Words joined by one ' ' read the same squeezed: such a run is copied (and
    // mapped) as one piece, which maps every position as a piece a word would.
    iterator_type run_begin = nullptr, run_end = nullptr;   // the run not copied yet
    auto flush = [&] {
        if (run_begin == run_end) return;
        map_.pieces.push_back({text_.size(), run_begin});
        text_.append(run_begin, run_end);
        run_begin = run_end = nullptr;
    };
    iterator_type p = text.begin;
    bool pending_space = false;
    while (p != text.end) {
        std::size_t w = blank_width(p, text.end);
        if (w || *p == '\n') {
            p += w ? w : 1;
            pending_space = true;
            continue;
        }
        iterator_type word = p;
        while (p != text.end && (!word_end_bytes[static_cast<unsigned char>(*p)] ||
                                 (*p == '\xC2' && !blank_width(p, text.end))))
            ++p;
        if (run_begin != run_end) {
            // The run ends with a word: a space goes before this one if white space came between.
            if (pending_space && word == run_end + 1 && *run_end == ' ') {
                run_end = p;
                pending_space = false;
                continue;
            }
            flush();
        }
        if (pending_space && !text_.empty() && text_.back() != '\n') text_ += ' ';
        pending_space = false;
        run_begin = word;
        run_end = p;
    }
    flush();
}

}  // namespace form4::text
