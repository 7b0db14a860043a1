#pragma once
// Line and column of a place in the input, for diagnostics, shared by the
// front ends: 1-based; CRLF, LF and a lone CR each end one line (EDGAR's .nc
// feed files end lines with CR alone); columns count characters, not UTF-8
// continuation bytes.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
        iterator stop = where < end_ ? where : end_;
        if (line_ends_ == line_ends::unknown)
            line_ends_ = find_lone_cr() ? line_ends::some_cr_alone : line_ends::lf_only_or_crlf;
        if (line_ends_ == line_ends::some_cr_alone) {
            count_slowly(from, stop, line, column);
        } else {
            // LF ends every line (CRLF included): jump from one to the next
            // (memchr), then count the characters of the last line.
            while (auto* lf = static_cast<iterator>(std::memchr(from, '\n', static_cast<std::size_t>(stop - from)))) {
                ++line;
                column = 1;
                from = lf + 1;
            }
            column += characters(from, stop) - count_of('\r', from, stop);
        }
        counted_to_ = stop;
        counted_line_ = line;
        counted_column_ = column;
        return {line, column};
    }

private:
    // Every byte that does not continue a UTF-8 sequence starts a character.
    static std::size_t characters(iterator p, iterator stop) noexcept {
        std::size_t count = 0;
        for (; stop - p >= 8; p += 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            constexpr std::uint64_t highs = 0x8080808080808080ull;
            // Continuation bytes are 10xxxxxx: high bit set, next bit clear.
            std::uint64_t continuations = word & highs & ~(word << 1);
            count += 8 - static_cast<std::size_t>(std::popcount(continuations));
        }
        for (; p < stop; ++p) count += (static_cast<unsigned char>(*p) & 0xC0) != 0x80;
        return count;
    }

    static std::size_t count_of(char c, iterator p, iterator stop) noexcept {
        std::size_t count = 0;
        while (auto* hit = static_cast<iterator>(std::memchr(p, c, static_cast<std::size_t>(stop - p)))) {
            ++count;
            p = hit + 1;
        }
        return count;
    }

    // A CR not followed by LF (EDGAR's .nc files end lines with CR alone).
    bool find_lone_cr() const noexcept {
        for (iterator p = begin_;;) {
            auto* cr = static_cast<iterator>(std::memchr(p, '\r', static_cast<std::size_t>(end_ - p)));
            if (!cr) return false;
            if (cr + 1 == end_ || cr[1] != '\n') return true;
            p = cr + 1;
        }
    }

    // Any of CRLF, LF and a lone CR ends a line.
    void count_slowly(iterator p, iterator stop, std::size_t& line, std::size_t& column) const {
        for (; p < stop; ++p) {
            if (*p == '\n' || (*p == '\r' && (p + 1 == end_ || p[1] != '\n'))) {
                ++line;
                column = 1;
            } else if (*p != '\r' && (static_cast<unsigned char>(*p) & 0xC0) != 0x80) {
                ++column;
            }
        }
    }

    iterator begin_ = nullptr;
    iterator end_ = nullptr;
    mutable iterator counted_to_ = nullptr;
    mutable std::size_t counted_line_ = 1, counted_column_ = 1;
    enum class line_ends : unsigned char { unknown, lf_only_or_crlf, some_cr_alone };
    mutable line_ends line_ends_ = line_ends::unknown;  // some_cr_alone: lines are counted byte by byte
};

// One-off: the line and column of `where` in [begin, end).
inline std::pair<std::size_t, std::size_t> line_and_column(char const* begin, char const* end, char const* where) {
    return position_counter(begin, end)(where);
}

}  // namespace form4::grammar
