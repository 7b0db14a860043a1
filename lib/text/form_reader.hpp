#pragma once
// The text front end's reader, shared by its pieces: reader.cpp (sections, the
// run), read_header.cpp (items 1-6, owners), read_owner_table.cpp (the current
// layout's Reporting Owners table), read_table.cpp (rows into cells),
// add_row.cpp (cells into the model), read_closing.cpp (footnotes, remarks, signatures).
#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "form4/grammar/text/ast.hpp"
#include "form4/grammar/text/closing.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/header.hpp"
#include "form4/grammar/text/lexical.hpp"
#include "form4/parse.hpp"
#include "text/clean.hpp"
#include "text/layout.hpp"
#include "text/table_layout.hpp"

namespace form4::text::reading {

namespace x3 = boost::spirit::x3;
namespace g = grammar::text;
namespace ast = grammar::text::ast;

inline bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (grammar::text::lexical::ascii_lower(text[i]) != grammar::text::lexical::ascii_lower(prefix[i])) return false;
    return true;
}

inline std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from = 0) {
    if (needle.empty()) return from;
    char first = grammar::text::lexical::ascii_lower(needle[0]);
    if (!grammar::text::lexical::ascii_alnum(first)) {
        // A needle such as "<TEXT>" starts with a character that has no case: memchr finds the candidates.
        for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
            i = text.find(first, i);
            if (i == std::string_view::npos || i + needle.size() > text.size()) break;
            if (starts_with_ci(text.substr(i), needle)) return i;
        }
        return std::string_view::npos;
    }
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i)
        if (grammar::text::lexical::ascii_lower(text[i]) == first && starts_with_ci(text.substr(i), needle)) return i;
    return std::string_view::npos;
}

inline std::vector<std::string> split_on(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            parts.emplace_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

inline std::vector<std::string> footnote_ids(const ast::marks& marks) {
    std::vector<std::string> ids;
    for (const auto& mark : marks) ids.push_back("F" + mark);
    return ids;
}

// "⁽", or a superscript digit (U+00B9, U+00B2, U+00B3, U+2070..U+2079).
inline bool has_superscript_marks(std::string_view text) {
    // Every such mark starts with the byte 0xC2 or 0xE2: find() (memchr) skips to them.
    for (std::size_t i = text.find('\xC2'); i != std::string_view::npos && i + 1 < text.size();
         i = text.find('\xC2', i + 1)) {
        auto next = static_cast<unsigned char>(text[i + 1]);
        if (next == 0xB9 || next == 0xB2 || next == 0xB3) return true;
    }
    for (std::size_t i = text.find('\xE2'); i != std::string_view::npos && i + 2 < text.size();
         i = text.find('\xE2', i + 1)) {
        auto next = static_cast<unsigned char>(text[i + 1]), third = static_cast<unsigned char>(text[i + 2]);
        if (next == 0x81 && ((third >= 0xB0 && third <= 0xB9) || third == 0xBD)) return true;
    }
    return false;
}

// "^(1)": lynx's and w3m's way of writing a superscript mark.
inline bool has_caret_marks(std::string_view text) {
    for (std::size_t i = text.find("^("); i != std::string_view::npos && i + 2 < text.size(); i = text.find("^(", i + 2))
        if (text[i + 2] >= '0' && text[i + 2] <= '9') return true;
    return false;
}

// How the header's cells are put in reading order: column by column (a page drawn
// in side-by-side columns), in the page's own order (HTML), or line by line.
enum class header_order { columns, document, lines };

// City, state and zip from "<u>CITY</u> <u>ST</u> <u>ZIP</u>", three cells, or one line.
void split_city_state_zip(const std::string& raw, address& a);
bool is_owner_table(const std::vector<span>& lines, std::size_t first, std::size_t last);
// Item 1 (and item 5, when the block has it) as a reporting person.
// False in *address_whole when the address could not be cut into its fields (kept whole).
reporting_owner owner_from_block(const ast::owner_block& block, bool* address_whole = nullptr);


// Where the text of a value starts: past blanks and leading markup ("<u>",
// "<b>"), but never past the value's own end.
inline iterator_type past_markup(iterator_type begin, iterator_type end) {
    iterator_type p = begin;
    for (;;) {
        while (p != end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
        if (end - p < 3 || *p != '<' || !(std::isalpha(static_cast<unsigned char>(p[1])) || p[1] == '/')) break;
        iterator_type close = std::find(p, end, '>');
        if (close == end) break;
        p = close + 1;
    }
    return p == end ? begin : p;
}
inline iterator_type past_markup(ast::place at, const std::string& value) {
    return at ? past_markup(at, at + value.size()) : nullptr;
}

inline std::string indexed(std::string_view table, std::size_t index) {
    return std::string(table) + "[" + std::to_string(index) + "]";
}

template <class Field>
bool has_content(const Field& field) {
    if constexpr (std::is_same_v<Field, ast::date_field>) return field.value || !field.notes.empty();
    else if constexpr (std::is_same_v<Field, ast::code_field>) return !field.code.empty() || !field.notes.empty();
    else if constexpr (std::is_same_v<Field, ast::letter_field>) return !field.letter.empty() || !field.notes.empty();
    else return !field.text.empty() || !field.notes.empty();
}

inline bool is_value(const ast::number_field& f) { return f.text.find('$') != std::string::npos; }

class reader {
public:
    reader(std::string_view text, const parse_options& options, std::string_view input, const stream_map* outer)
        : text_(text), options_(options) {
        state_.begin = input.data();
        state_.end = input.data() + input.size();
        state_.outer = outer;
        state_.lenient = options.lenient;
        state_.diagnostics = &diagnostics_;
        // U+207D "⁽" or a superscript digit anywhere: the page marks footnotes with superscripts.
        state_.ascii_marks = !has_superscript_marks(text);
        state_.caret_marks = has_caret_marks(text);
    }

    parse_result run(input_format format);

private:
    // Runs `rule` over [first, last) (a stream when `map` is given, else the text itself).
    template <class Rule, class Attribute>
    bool parse(Rule const& rule, iterator_type first, iterator_type last, Attribute& attribute,
               const stream_map* map, bool report, bool whole = true) {
        g::parse_state state = state_;
        state.map = map;
        state.diagnostics = report ? &diagnostics_ : nullptr;
        iterator_type it = first;
        bool ok = x3::parse(it, last, x3::with<g::state_tag>(state)[rule], attribute);
        return ok && (!whole || it == last);
    }

    severity damage() const { return options_.lenient ? severity::warning : severity::error; }
    void report(severity level, iterator_type where, std::string code, std::string message) {
        g::parse_state state = state_;
        state.map = nullptr;
        state.report(level, where, std::move(code), std::move(message));
    }

    std::optional<date> to_date(const ast::date_value& value, iterator_type where);
    std::optional<decimal> to_decimal(const std::string& written, iterator_type where);
    template <class T>
    footnoted<T> footnoted_value(std::optional<T> value, const ast::marks& marks) {
        return footnoted<T>{std::move(value), footnote_ids(marks)};
    }

    span restrict_to_body(span whole);
    bool table_title_beside(span line, ast::section_kind& kind);
    void read_header(const std::vector<span>& lines, std::size_t first, std::size_t last);
    void read_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative);
    bool read_row(span line, bool derivative);
    std::size_t wrapped_row_end(const std::vector<span>& lines, std::size_t at, std::size_t last) const;
    bool read_wrapped_row(const std::vector<span>& lines, std::size_t from, std::size_t to, bool derivative);
    std::size_t centred_row_end(const std::vector<span>& lines, std::size_t at, std::size_t last, bool derivative) const;
    bool breaks_at_a_block(span row, span block, span rest) const;
    void read_broken_row(const std::vector<span>& lines, std::size_t at, bool derivative);
    void read_pipe_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative);
    void report_ambiguous_marks(const table_layout& layout, const std::vector<span>& cells,
                                const std::vector<int>& assignment, span line);
    bool read_cells(std::vector<span> cells, bool positional, const table_layout& layout, bool derivative, span line);
    // The row read from the cells, added to the document as a transaction or a holding.
    void add_row(const row_fields& row, bool derivative, span line,
                 const std::vector<std::pair<column_kind, span>>& read_from);
    void read_owner_table(const std::vector<span>& lines, std::size_t first, std::size_t last);
    void read_repeated_owner_items(const std::vector<span>& lines, std::size_t first, std::size_t last);
    bool opens_explanations(const std::vector<span>& lines, std::size_t first, std::size_t last);
    bool leads_next_footnote(const std::vector<span>& lines, std::size_t at, std::size_t last);
    void read_explanations(const std::vector<span>& lines, std::size_t first, std::size_t last);
    void read_remarks(const std::vector<span>& lines, std::size_t first, std::size_t last);
    std::size_t read_signatures_before(const std::vector<span>& lines, std::size_t first, std::size_t caption);
    void read_signatures_after(const std::vector<span>& lines, std::size_t caption, std::size_t last);

    // parse_options::record_positions: each model field path (as lint names
    // fields: "non_derivative_transactions[0].shares") with where it was read.
    // The paths stand one after another in one string: a string each cost
    // more than the rest of the recording.
    struct pending_positions {
        struct entry {
            std::size_t offset, size;   // of the path in `paths`
            iterator_type at;           // in the input
        };
        std::string paths;
        std::vector<entry> entries;

        std::string_view path(const entry& e) const { return std::string_view(paths).substr(e.offset, e.size); }
        void add(std::initializer_list<std::string_view> parts, iterator_type at) {
            std::size_t offset = paths.size();
            for (std::string_view part : parts) paths += part;
            entries.push_back({offset, paths.size() - offset, at});
        }
        void append(const pending_positions& more) {
            for (const auto& e : more.entries) add({more.path(e)}, e.at);
        }
    };
    // The path is the concatenation of `path`; `where` is in the text, or in
    // the stream `map` maps back to it.
    void mark(pending_positions& into, std::initializer_list<std::string_view> path, iterator_type where,
              const stream_map* map = nullptr) {
        if (!where) return;
        iterator_type at = map ? map->to_source(where) : where;
        if (state_.outer) at = state_.outer->to_source(at);
        into.add(path, at);
    }
    void mark(std::initializer_list<std::string_view> path, iterator_type where, const stream_map* map = nullptr) {
        mark(positions_, path, where, map);
    }
    void mark_header(const stream_map& map);
    void mark_signature(std::size_t index, const signature& s, iterator_type name_at, iterator_type date_at) {
        std::string path = indexed("signatures", index);
        mark({path}, name_at);
        if (!s.name.empty()) mark({path, ".name"}, name_at);
        if (s.date) mark({path, ".date"}, date_at);
    }
    void mark_owner(pending_positions& into, std::size_t index, const ast::owner_block& block,
                    const reporting_owner& owner, const stream_map& map);
    void mark_row(const std::string& row_path, span line, const std::vector<std::pair<column_kind, span>>& cells,
                  const row_fields& row, bool derivative, bool transaction);
    form4::source_map positions_in_input() const;

    std::string_view text_;
    const parse_options& options_;
    g::parse_state state_;
    std::vector<diagnostic> diagnostics_;
    document doc_;
    std::string form_ = "4";
    ast::header header_;
    const stream_map* cell_map_ = nullptr;        // when the cells being read were put together
    span merged_line_;                            // the row's text when put together (read_wrapped_row)
    std::vector<reporting_owner> block_owners_;   // from the item 1 blocks after Table II
    pending_positions positions_;
    pending_positions header_owner_positions_;    // dropped when the blocks after Table II name someone else
};

}  // namespace form4::text::reading
