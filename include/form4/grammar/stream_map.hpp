#pragma once
// Where the characters of a parsed "stream" came from. A front end that does not
// parse its input in one piece (the text form: cells copied side by side; HTML
// turned into text) keeps, for every piece it copied, where the piece starts in
// the input, so that a diagnostic points at the input's own line and column.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace form4::grammar {

// A run of characters of a stream and where its first character is in the input.
struct stream_piece {
    std::size_t stream_offset = 0;
    char const* source = nullptr;
};

// Maps positions of a parsed stream back to the input.
struct stream_map {
    char const* stream_begin = nullptr;
    std::vector<stream_piece> pieces;   // sorted by stream_offset

    char const* to_source(char const* where) const {
        if (pieces.empty() || !stream_begin) return where;
        std::size_t offset = static_cast<std::size_t>(where - stream_begin);
        auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                   [](std::size_t o, const stream_piece& p) { return o < p.stream_offset; });
        if (it == pieces.begin()) return pieces.front().source;
        --it;
        return it->source + (offset - it->stream_offset);
    }
};

}  // namespace form4::grammar
