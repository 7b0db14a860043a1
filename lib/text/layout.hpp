#pragma once
// How a rendered page is cut before the grammar reads it: lines, cells (a tab
// each, or a run of two or more blanks when a converter turned tabs into
// spaces), and streams of cells copied side by side with a map back to the input.
#include <string>
#include <string_view>
#include <vector>

#include "form4/grammar/text/config.hpp"

namespace form4::text {

using grammar::text::iterator_type;
using grammar::text::stream_map;

struct span {
    iterator_type begin = nullptr;
    iterator_type end = nullptr;
    bool empty() const noexcept { return begin == end; }
    std::string_view view() const noexcept { return {begin, static_cast<std::size_t>(end - begin)}; }
};

// Lines without their line breaks (LF, CRLF or a lone CR).
std::vector<span> split_lines(iterator_type begin, iterator_type end);
bool is_blank(span text) noexcept;
span trim(span text) noexcept;

// The cells of a line, trimmed. With a tab in the line every tab ends a cell
// (so empty cells count); without, a run of two or more blanks does, and a
// line that starts with such a run starts with an empty cell.
std::vector<span> split_cells(span line, bool* by_tabs = nullptr);
// The same, appended to `cells` (one vector for many lines); true when cut by tabs.
bool split_cells_into(span line, std::vector<span>& cells);

// Cells copied into one string, each remembered with where it came from.
class stream {
public:
    // Copies `text`; with `squeeze`, every run of white space becomes one space.
    void append(span text, bool squeeze);
    void append_break(char separator) { text_ += separator; }
    // Room for about `bytes` of text (one piece per word at most).
    void reserve(std::size_t bytes) {
        text_.reserve(bytes);
        map_.pieces.reserve(bytes / 5 + 1);
    }
    // Appends text made from the input (cells joined from wrapped lines), remembered at `origin`.
    void append_copy(std::string_view text, iterator_type origin) {
        map_.pieces.push_back({text_.size(), origin});
        text_ += text;
    }
    const std::string& text() const noexcept { return text_; }
    iterator_type begin() const noexcept { return text_.data(); }
    iterator_type end() const noexcept { return text_.data() + text_.size(); }
    // The map, bound to this stream's current buffer.
    const stream_map& map() {
        map_.stream_begin = text_.data();
        return map_;
    }

private:
    std::string text_;
    stream_map map_;
};

}  // namespace form4::text
