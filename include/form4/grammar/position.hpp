#pragma once
// Line and column of a place in the input, for diagnostics, shared by the
// front ends: 1-based; CRLF, LF and a lone CR each end one line (EDGAR's .nc
// feed files end lines with CR alone); columns count characters, not UTF-8
// continuation bytes.
#include <cstddef>
#include <utility>

namespace form4::grammar {

class position_counter {
public:
    using iterator = char const*;

    position_counter() = default;
    position_counter(iterator begin, iterator end) : begin_(begin), end_(end) {}

    // Diagnostics come mostly in input order, so counting resumes from the
    // last place asked for: many of them cost one pass, not one pass each.
    std::pair<std::size_t, std::size_t> operator()(iterator where) const {
        std::size_t line = 1, column = 1;
        iterator from = begin_;
        if (counted_to_ && counted_to_ <= where) {
            from = counted_to_;
            line = counted_line_;
            column = counted_column_;
        }
        for (iterator p = from; p < where && p < end_; ++p) {
            if (*p == '\n' || (*p == '\r' && (p + 1 == end_ || p[1] != '\n'))) {
                ++line;
                column = 1;
            } else if (*p != '\r' && (static_cast<unsigned char>(*p) & 0xC0) != 0x80) {
                ++column;
            }
        }
        counted_to_ = where < end_ ? where : end_;
        counted_line_ = line;
        counted_column_ = column;
        return {line, column};
    }

private:
    iterator begin_ = nullptr;
    iterator end_ = nullptr;
    mutable iterator counted_to_ = nullptr;
    mutable std::size_t counted_line_ = 1, counted_column_ = 1;
};

// One-off: the line and column of `where` in [begin, end).
inline std::pair<std::size_t, std::size_t> line_and_column(char const* begin, char const* end, char const* where) {
    return position_counter(begin, end)(where);
}

}  // namespace form4::grammar
