// The text front end: cuts a rendered form into its sections, reads each with
// the X3 rules of include/form4/grammar/text/, and turns the AST into the model.
//
// The page is read by its sections, not by its spacing:
//  - section titles ("Table I", "Explanation of Responses:", ...) divide the lines;
//  - the header (items 1-6) is read as one stream of cells by label: a page drawn
//    in side-by-side columns is read column by column, so each value follows its
//    label whatever the converter did to the rows;
//  - table rows are cut into cells (tabs; runs of spaces when a converter lost
//    the tabs) and each cell is read by its column's rule; without tabs, cells
//    are matched to columns by what they can be (table_layout.hpp);
//  - footnotes, remarks and signatures are read line by line.
// Strict: any damage is an error and no document comes back. Lenient: the
// damaged cell or item is skipped with a warning, the rest is kept.
#include "text/reader.hpp"

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
#include "text/clean.hpp"
#include "text/layout.hpp"
#include "text/table_layout.hpp"

namespace form4::text {
namespace {

namespace x3 = boost::spirit::x3;
namespace g = grammar::text;
namespace ast = grammar::text::ast;

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (grammar::text::lexical::ascii_lower(text[i]) != grammar::text::lexical::ascii_lower(prefix[i])) return false;
    return true;
}

std::size_t find_ci(std::string_view text, std::string_view needle, std::size_t from = 0) {
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

std::vector<std::string> split_on(std::string_view text, char separator) {
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

std::vector<std::string> footnote_ids(const ast::marks& marks) {
    std::vector<std::string> ids;
    for (const auto& mark : marks) ids.push_back("F" + mark);
    return ids;
}

// "⁽", or a superscript digit (U+00B9, U+00B2, U+00B3, U+2070..U+2079).
bool has_superscript_marks(std::string_view text) {
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

// Item 1 (and item 5, when the block has it) as a reporting person.
reporting_owner owner_from_block(const ast::owner_block& block);

// Where the text of a value starts: past blanks and leading markup ("<u>",
// "<b>"), but never past the value's own end.
iterator_type past_markup(iterator_type begin, iterator_type end) {
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
iterator_type past_markup(ast::place at, const std::string& value) {
    return at ? past_markup(at, at + value.size()) : nullptr;
}

std::string indexed(std::string_view table, std::size_t index) {
    return std::string(table) + "[" + std::to_string(index) + "]";
}

class reader {
public:
    reader(std::string_view text, const parse_options& options, std::string_view input, const stream_map* outer)
        : text_(text), options_(options) {
        state_.input_begin = input.data();
        state_.input_end = input.data() + input.size();
        state_.outer = outer;
        state_.lenient = options.lenient;
        state_.diagnostics = &diagnostics_;
        // U+207D "⁽" or a superscript digit anywhere: the page marks footnotes with superscripts.
        state_.ascii_marks = !has_superscript_marks(text);
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
    void read_header(const std::vector<span>& lines, std::size_t first, std::size_t last);
    void read_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative);
    bool read_row(span line, bool derivative);
    void read_pipe_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative);
    bool read_cells(std::vector<span> cells, bool positional, const table_layout& layout, bool derivative, span line);
    void read_repeated_owner_items(const std::vector<span>& lines, std::size_t first, std::size_t last);
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
    std::vector<reporting_owner> block_owners_;   // from the item 1 blocks after Table II
    pending_positions positions_;
    pending_positions header_owner_positions_;    // dropped when the blocks after Table II name someone else
};

// Positions are gathered in reading order, which is not input order (a page
// drawn in columns is read column by column): sorting them lets one pass of
// the counter give every line and column.
form4::source_map reader::positions_in_input() const {
    const auto& entries = positions_.entries;
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return entries[a].at < entries[b].at; });
    grammar::position_counter count(state_.input_begin, state_.input_end);
    std::vector<source_position> found(entries.size());
    for (std::size_t i : order) {
        iterator_type at = entries[i].at;
        if (at < state_.input_begin || at > state_.input_end) continue;
        auto [line, column] = count(at);
        found[i] = {line, column};
    }
    // In reading order again, so that the first reading of a path is the one found.
    form4::source_map map;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (found[i].line != 0) map.record(positions_.path(entries[i]), found[i]);
    return map;
}

std::optional<date> reader::to_date(const ast::date_value& value, iterator_type where) {
    unsigned year = value.year;
    if (year < 100) year += year < 50 ? 2000 : 1900;   // "2/7/00" on paper forms
    try {
        return date(static_cast<unsigned short>(year), static_cast<unsigned short>(value.month),
                    static_cast<unsigned short>(value.day));
    } catch (const std::exception&) {
        report(damage(), where, "text.invalid-date",
               "no such date: " + std::to_string(value.month) + "/" + std::to_string(value.day) + "/" +
                   std::to_string(value.year));
        return std::nullopt;
    }
}

std::optional<decimal> reader::to_decimal(const std::string& written, iterator_type where) {
    std::string digits;
    for (char c : written)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+') digits += c;
    if (digits.empty()) return std::nullopt;
    auto value = decimal::parse(digits);
    if (!value) report(damage(), where, "text.invalid-number", "not a number the model can hold: " + written);
    return value;
}

span reader::restrict_to_body(span whole) {
    std::string_view view = whole.view();
    std::size_t text_tag = find_ci(view, "<TEXT>");
    if (text_tag != std::string_view::npos) {
        std::size_t start = text_tag + 6;
        std::size_t end = find_ci(view, "</TEXT>", start);
        return {whole.begin + start, end == std::string_view::npos ? whole.end : whole.begin + end};
    }
    return whole;
}

// ---------------------------------------------------------------- header

bool has_item_number_cells(const span* first, const span* last) {
    int numbered = 0;
    for (const span* cell = first; cell != last; ++cell) {
        std::string_view v = cell->view();
        std::size_t digits = 0;
        while (digits < v.size() && std::isdigit(static_cast<unsigned char>(v[digits]))) ++digits;
        if (digits > 0 && digits < v.size() && v[digits] == '.') ++numbered;
    }
    return numbered >= 2;
}

void reader::read_header(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    // A page drawn as side-by-side columns (tabs, or runs of spaces between
    // numbered items) is read column by column, so each item's values follow
    // its label; anything else is read line by line.
    bool tabs = false, spaced_columns = false;
    bool document_order = state_.outer != nullptr;   // a page made from HTML keeps the HTML's order
    // Every line's cells, cut once: row i is cells[row_starts[i]] .. cells[row_starts[i + 1]].
    std::vector<span> cells;
    std::vector<std::size_t> row_starts;
    if (!document_order) {
        cells.reserve(4 * (last - first));
        row_starts.reserve(last - first + 1);
        for (std::size_t i = first; i < last; ++i) {
            row_starts.push_back(cells.size());
            if (split_cells_into(lines[i], cells)) tabs = true;
            if (!tabs && has_item_number_cells(cells.data() + row_starts.back(), cells.data() + cells.size()))
                spaced_columns = true;
        }
        row_starts.push_back(cells.size());
    }
    stream header_stream;
    if (first < last) header_stream.reserve(static_cast<std::size_t>(lines[last - 1].end - lines[first].begin) + 64);
    if (tabs || spaced_columns) {
        std::size_t rows = row_starts.size() - 1;
        std::size_t columns = 0;
        for (std::size_t r = 0; r < rows; ++r) columns = std::max(columns, row_starts[r + 1] - row_starts[r]);
        for (std::size_t column = 0; column < columns; ++column)
            for (std::size_t r = 0; r < rows; ++r) {
                std::size_t at = row_starts[r] + column;
                if (at < row_starts[r + 1] && !cells[at].empty()) {
                    header_stream.append(cells[at], true);
                    header_stream.append_break('\n');
                }
            }
    } else if (document_order) {
        for (std::size_t i = first; i < last; ++i) {
            cells.clear();
            split_cells_into(lines[i], cells);
            for (const auto& cell : cells)
                if (!cell.empty()) {
                    header_stream.append(cell, true);
                    header_stream.append_break('\n');
                }
        }
    } else {
        for (std::size_t i = first; i < last; ++i) {
            if (is_blank(lines[i])) continue;
            header_stream.append(trim(lines[i]), true);
            header_stream.append_break('\n');
        }
    }
    const stream_map& map = header_stream.map();
    parse(g::header(), header_stream.begin(), header_stream.end(), header_, &map, true, false);

    if (!header_.form.empty()) form_ = header_.form;
    iterator_type where = first < lines.size() ? lines[first].begin : text_.data();
    if (header_.form.empty())
        report(severity::warning, where, "text.no-heading", "no \"FORM 3/4/5\" heading; read as a Form 4");
    bool amendment = header_.original_filed.has_value();
    doc_.type = make_coded<document_type>(form_ + (amendment ? "/A" : ""));
    if (header_.period) doc_.period_of_report = to_date(*header_.period, where);
    if (header_.original_filed) doc_.date_of_original_submission = to_date(*header_.original_filed, where);
    if (header_.not_subject_to_section16) doc_.not_subject_to_section16 = *header_.not_subject_to_section16;
    if (header_.form3_holdings_reported) doc_.form3_holdings_reported = *header_.form3_holdings_reported;
    if (header_.form4_transactions_reported) doc_.form4_transactions_reported = *header_.form4_transactions_reported;

    // Item 2: "NAME [TICKER]", or (paper forms) the name and the ticker on two lines.
    std::string issuer = clean_text(header_.issuer);
    std::size_t open = issuer.rfind('[');
    std::size_t close = issuer.rfind(']');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        doc_.issuer.trading_symbol = clean_text(issuer.substr(open + 1, close - open - 1));
        doc_.issuer.name = clean_text(issuer.substr(0, open));
    } else {
        std::vector<std::string> lines_of_item;
        for (const auto& part : split_on(header_.issuer, '\n'))
            if (auto cleaned = clean_text(part); !cleaned.empty()) lines_of_item.push_back(cleaned);
        if (lines_of_item.size() == 2 && lines_of_item[1].find(' ') == std::string::npos) {
            doc_.issuer.name = lines_of_item[0];
            doc_.issuer.trading_symbol = lines_of_item[1];
        } else {
            doc_.issuer.name = issuer;
        }
    }

    if (!header_.owners.empty()) doc_.reporting_owners.push_back(owner_from_block(header_.owners.front()));
    if (options_.record_positions) mark_header(map);
    if (header_.owners.empty())
        report(damage(), where, "text.missing-item", "no item 1 (Name and Address of Reporting Person)");
}

void reader::mark_header(const stream_map& map) {
    mark({"type"}, header_.form_at, &map);
    if (doc_.period_of_report) mark({"period_of_report"}, header_.period_at, &map);
    if (doc_.date_of_original_submission) mark({"date_of_original_submission"}, header_.original_filed_at, &map);
    if (header_.issuer_at) {
        const std::string& raw = header_.issuer;
        iterator_type name = past_markup(header_.issuer_at, raw);
        mark({"issuer"}, name, &map);
        if (!doc_.issuer.name.empty()) mark({"issuer.name"}, name, &map);
        // "NAME [TICKER]", or (paper forms) the ticker alone on the item's last line.
        std::size_t open = raw.rfind('[');
        std::size_t symbol = open != std::string::npos ? open + 1 : raw.rfind(doc_.issuer.trading_symbol);
        if (!doc_.issuer.trading_symbol.empty() && symbol != std::string::npos)
            mark({"issuer.trading_symbol"}, past_markup(header_.issuer_at + symbol, header_.issuer_at + raw.size()),
                 &map);
    }
    if (!header_.owners.empty() && !doc_.reporting_owners.empty())
        mark_owner(header_owner_positions_, 0, header_.owners.front(), doc_.reporting_owners.front(), map);
}

void reader::mark_owner(pending_positions& into, std::size_t index, const ast::owner_block& block,
                        const reporting_owner& owner, const stream_map& map) {
    std::string path = indexed("reporting_owners", index);
    iterator_type name = past_markup(block.name_at, block.name);
    mark(into, {path}, name, &map);
    if (!owner.id.name.empty()) mark(into, {path, ".id.name"}, name, &map);
    if (block.captions) {
        iterator_type street = past_markup(block.street_at, block.street);
        iterator_type city = past_markup(block.city_state_zip_at, block.city_state_zip);
        mark(into, {path, ".address"}, street ? street : city, &map);
        if (!owner.address.street1.empty()) mark(into, {path, ".address.street1"}, street, &map);
        if (!owner.address.city.empty()) mark(into, {path, ".address.city"}, city, &map);
    }
    if (block.relationship_item) {
        mark(into, {path, ".relationship"}, block.relationship_at, &map);
        iterator_type text = past_markup(block.relationship_text_at, block.relationship_text);
        if (!owner.relationship.officer_title.empty())
            mark(into, {path, ".relationship.officer_title"}, text, &map);
        if (!owner.relationship.other_text.empty()) mark(into, {path, ".relationship.other_text"}, text, &map);
    }
}

// City, state and zip from "<u>CITY</u> <u>ST</u> <u>ZIP</u>", three cells, or one line.
void split_city_state_zip(const std::string& raw, address& a) {
    std::vector<std::string> groups = underlined_groups(raw);
    if (groups.size() >= 3) {
        a.city = groups[0];
        a.state = groups[1];
        a.zip_code = groups[2];
        return;
    }
    std::vector<std::string> cells;
    for (const auto& part : split_on(raw, '\n'))
        if (auto cleaned = clean_text(part); !cleaned.empty()) cells.push_back(cleaned);
    if (cells.size() >= 3) {
        a.city = cells[0];
        a.state = cells[1];
        a.zip_code = cells[2];
        return;
    }
    // One line: "CITY ST ZIP" or "City, ST  ZIP"; the zip has a digit, the state is two letters.
    std::string line;
    for (const auto& cell : cells) line += (line.empty() ? "" : " ") + cell;
    std::vector<std::string> words = split_on(line, ' ');
    std::erase_if(words, [](const std::string& w) { return w.empty(); });
    auto has_digit = [](const std::string& w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (!words.empty() && has_digit(words.back())) {
        a.zip_code = words.back();
        words.pop_back();
    }
    if (!words.empty() && words.back().size() == 2 && std::isupper(static_cast<unsigned char>(words.back()[0])) &&
        std::isupper(static_cast<unsigned char>(words.back()[1]))) {
        a.state = words.back();
        words.pop_back();
    }
    std::string city;
    for (const auto& w : words) city += (city.empty() ? "" : " ") + w;
    if (!city.empty() && city.back() == ',') city.pop_back();
    a.city = city;
}

void read_relationship(const ast::owner_block& block, relationship& r) {
    if (!block.relationship_item) return;
    r.is_director = r.is_ten_percent_owner = r.is_officer = r.is_other = false;
    std::optional<bool>* flags[] = {&r.is_director, &r.is_ten_percent_owner, &r.is_officer, &r.is_other};
    for (const auto& entry : block.relationship)
        if (entry.which >= 0 && entry.which < 4 && entry.checked) *flags[entry.which] = true;
    // The title line: "<u>title</u>" and, when both are given, "<u>title</u> <u>other</u>".
    std::vector<std::string> groups = underlined_groups(block.relationship_text);
    std::string text = clean_text(block.relationship_text);
    if (groups.size() >= 2) {
        r.officer_title = groups[0];
        r.other_text = groups[1];
    } else if (!text.empty()) {
        if (r.is_other.value_or(false) && !r.is_officer.value_or(false)) r.other_text = text;
        else r.officer_title = text;
    }
}

reporting_owner owner_from_block(const ast::owner_block& block) {
    reporting_owner owner;
    read_relationship(block, owner.relationship);
    if (block.captions) {
        owner.id.name = clean_text(block.name);
        std::vector<std::string> streets = underlined_groups(block.street);
        if (streets.empty())
            for (const auto& part : split_on(block.street, '\n'))
                if (auto cleaned = clean_text(part); !cleaned.empty()) streets.push_back(cleaned);
        if (!streets.empty()) owner.address.street1 = streets[0];
        if (streets.size() > 1) owner.address.street2 = streets[1];
        split_city_state_zip(block.city_state_zip, owner.address);
        return owner;
    }
    // Paper forms: the name, then the street lines, then "City, ST ZIP" (and a country).
    std::vector<std::string> parts;
    for (const auto& part : split_on(block.name, '\n'))
        if (auto cleaned = clean_text(part); !cleaned.empty()) parts.push_back(cleaned);
    if (parts.empty()) return owner;
    owner.id.name = parts[0];
    std::vector<std::string> rest(parts.begin() + 1, parts.end());
    if (!rest.empty() && (rest.back() == "USA" || rest.back() == "U.S.A." || rest.back() == "UNITED STATES"))
        rest.pop_back();
    if (!rest.empty() && rest.back().find(',') != std::string::npos) {
        split_city_state_zip(rest.back(), owner.address);
        rest.pop_back();
    }
    if (!rest.empty()) owner.address.street1 = rest[0];
    if (rest.size() > 1) owner.address.street2 = rest[1];
    return owner;
}

// ---------------------------------------------------------------- tables

void reader::read_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative) {
    for (std::size_t i = first; i < last; ++i)
        if (std::count(lines[i].begin, lines[i].end, '|') >= 4) return read_pipe_table(lines, first, last, derivative);
    for (std::size_t i = first; i < last; ++i) {
        if (is_blank(lines[i])) continue;
        read_row(lines[i], derivative);
    }
}

template <class Field>
bool has_content(const Field& field) {
    if constexpr (std::is_same_v<Field, ast::date_field>) return field.value || !field.notes.empty();
    else if constexpr (std::is_same_v<Field, ast::code_field>) return !field.code.empty() || !field.notes.empty();
    else if constexpr (std::is_same_v<Field, ast::letter_field>) return !field.letter.empty() || !field.notes.empty();
    else return !field.text.empty() || !field.notes.empty();
}

bool is_value(const ast::number_field& f) { return f.text.find('$') != std::string::npos; }

// The model fields (below the row) a cell of the column fills, as lint names them.
std::vector<std::string_view> fields_of(column_kind kind, const row_fields& row, bool derivative, bool transaction) {
    using k = column_kind;
    auto amount = [&](const ast::number_field& f) -> std::string_view {
        return derivative && is_value(f) ? "total_value" : "shares";
    };
    switch (kind) {
        case k::title: return {"security_title"};
        case k::owned:
            return {"post_transaction",
                    is_value(row.owned) ? "post_transaction.value_owned" : "post_transaction.shares_owned"};
        case k::ownership: return {"ownership", "ownership.direct_or_indirect"};
        case k::nature: return {"ownership.nature"};
        default: break;
    }
    if (derivative) {
        switch (kind) {
            case k::exercise_price: return {"conversion_or_exercise_price"};
            case k::exercisable: return {"exercise_date"};
            case k::expiration: return {"expiration_date"};
            case k::underlying_title: return {"underlying", "underlying.title"};
            case k::underlying_amount:
                return {is_value(row.underlying_amount) ? "underlying.value" : "underlying.shares"};
            default: break;
        }
    }
    if (!transaction) return {};
    switch (kind) {
        case k::date: return {"transaction_date"};
        case k::deemed_date: return {"deemed_execution_date"};
        case k::code: return {"coding", "coding.code"};
        case k::voluntary: return {"timeliness", "coding.form_type"};
        case k::shares: return {amount(row.shares)};
        case k::acquired_disposed: return {"acquired_disposed"};
        case k::price: return {"price_per_share"};
        // Table II's amount stands in the (A) or the (D) column, and says which it is.
        case k::acquired: return {"acquired_disposed", amount(row.acquired)};
        case k::disposed:
            if (has_content(row.acquired)) return {};
            return {"acquired_disposed", amount(row.disposed)};
        default: return {};
    }
}

void reader::mark_row(const std::string& row_path, span line,
                      const std::vector<std::pair<column_kind, span>>& cells, const row_fields& row, bool derivative,
                      bool transaction) {
    mark({row_path}, line.begin);
    for (const auto& [kind, cell] : cells)
        for (std::string_view field : fields_of(kind, row, derivative, transaction))
            mark({row_path, ".", field}, past_markup(cell.begin, cell.end), cell_map_);
}

bool reader::read_row(span line, bool derivative) {
    bool by_tabs = false;
    std::vector<span> cells = split_cells(line, &by_tabs);
    return read_cells(std::move(cells), by_tabs || state_.outer, layout_for(form_, derivative), derivative, line);
}

// Paper forms before 2003 drew the tables in ASCII: "|" between cells, a row
// wrapped over several lines (each cell continuing in its column), rows
// ended by a rule of dashes; "-" stands for nothing.
void reader::read_pipe_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative) {
    bool data = false;
    std::vector<std::string> merged;
    std::vector<iterator_type> origins;
    span record_line;
    std::vector<span> raw;   // the cells of a line, between its '|'
    std::string text;        // a cell cleaned
    auto flush = [&] {
        if (merged.empty()) return;
        stream cells_stream;
        for (std::size_t k = 0; k < merged.size(); ++k) {
            // The cell's words but "-" (which stands for nothing), one space apart.
            clean_text_into(merged[k], text);
            std::string cleaned;
            cleaned.reserve(text.size());
            for (std::size_t at = 0; at <= text.size();) {
                std::size_t space = std::min(text.find(' ', at), text.size());
                std::string_view word(text.data() + at, space - at);
                if (!word.empty() && word != "-") {
                    if (!cleaned.empty()) cleaned += ' ';
                    cleaned += word;
                }
                at = space + 1;
            }
            if (k) cells_stream.append_break('\t');
            cells_stream.append_copy(cleaned, origins[k]);
        }
        std::vector<span> cells = split_cells({cells_stream.begin(), cells_stream.end()});
        cell_map_ = &cells_stream.map();
        read_cells(std::move(cells), true, paper_layout(derivative), derivative, record_line);
        cell_map_ = nullptr;
        merged.clear();
        origins.clear();
    };
    for (std::size_t i = first; i < last; ++i) {
        std::string_view view = trim(lines[i]).view();
        if (starts_with_ci(view, "<S>")) {
            data = true;
            continue;
        }
        if (!data || view.find('|') == std::string_view::npos) continue;
        bool rule = std::all_of(view.begin(), view.end(),
                                [](char c) { return c == ' ' || c == '-' || c == '_' || c == '|'; });
        raw.clear();
        iterator_type start = lines[i].begin;
        for (iterator_type p = lines[i].begin; p != lines[i].end; ++p)
            if (*p == '|') {
                raw.push_back({start, p});
                start = p + 1;
            }
        bool empty = std::all_of(raw.begin(), raw.end(), [](const span& c) { return is_blank(c); });
        if (rule || empty) {
            flush();
            continue;
        }
        if (merged.empty()) {
            merged.assign(raw.size(), std::string());
            // A cell's place is its first word (its first line may leave it blank).
            for (const auto& c : raw) origins.push_back(is_blank(c) ? c.begin : trim(c).begin);
            record_line = lines[i];
        }
        for (std::size_t k = 0; k < raw.size() && k < merged.size(); ++k) merged[k] += raw[k].view();
    }
    flush();
}

bool reader::read_cells(std::vector<span> cells, bool positional, const table_layout& layout, bool derivative,
                        span line) {
    std::size_t filled = std::count_if(cells.begin(), cells.end(), [](const span& c) { return !c.empty(); });
    if (filled < 2 || is_caption_row(cells)) return false;

    row_fields row;
    std::vector<std::pair<column_kind, span>> read_from;   // for positions
    bool read = false;
    if (positional) {
        // One cell per column; converters drop empty cells at the end of a row.
        while (cells.size() > layout.columns.size() && cells.back().empty()) cells.pop_back();
        if (cells.size() <= layout.columns.size()) {
            read = true;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                std::size_t reported = diagnostics_.size();
                if (read_cell(layout.columns[c], cells[c], row, [&](auto const& rule, span cell, auto& attribute) {
                        return parse(rule, cell.begin, cell.end, attribute, cell_map_, true);
                    })) {
                    if (options_.record_positions && !cells[c].empty())
                        read_from.emplace_back(layout.columns[c], cells[c]);
                    continue;
                }
                read = options_.lenient;   // lenient: keep the row without the damaged cell
                // Say which column the rule was reading.
                for (std::size_t d = reported; d < diagnostics_.size(); ++d)
                    diagnostics_[d].message = layout.name + ", " + column_name(layout.columns[c]) + ": " +
                                              diagnostics_[d].message +
                                              (options_.lenient ? " (cell skipped)" : "");
            }
        } else {
            report(damage(), cells[layout.columns.size()].begin, "text.extra-cells",
                   "row has " + std::to_string(cells.size()) + " cells; " + layout.name + " has " +
                       std::to_string(layout.columns.size()) + " columns");
        }
    } else {
        std::vector<span> nonempty;
        for (const auto& c : cells)
            if (!c.empty()) nonempty.push_back(c);
        auto probe = [&](auto const& rule, span cell, auto& attribute) {
            return parse(rule, cell.begin, cell.end, attribute, nullptr, false);
        };
        auto commit = [&](auto const& rule, span cell, auto& attribute) {
            return parse(rule, cell.begin, cell.end, attribute, nullptr, true);
        };
        std::vector<int> assignment;
        if (match_collapsed(layout, nonempty, probe, assignment)) {
            read = true;
            int previous = -1;
            for (std::size_t k = 0; k < nonempty.size(); ++k) {
                if (assignment[k] < 0) {
                    // Marks alone in a cell: they belong to the field before them.
                    ast::marks marks;
                    parse(g::footnote_marks(), nonempty[k].begin, nonempty[k].end, marks, nullptr, true);
                    if (previous >= 0) append_marks(layout.columns[previous], row, marks);
                    continue;
                }
                column_kind kind = layout.columns[assignment[k]];
                if (read_cell(kind, nonempty[k], row, commit) && options_.record_positions)
                    read_from.emplace_back(kind, nonempty[k]);
                if (kind == column_kind::acquired || kind == column_kind::disposed) row.ambiguous_amount = true;
                previous = assignment[k];
            }
            if (derivative && row.ambiguous_amount)
                report(severity::note, line.begin, "text.ambiguous-column",
                       "without tabs the (A) and (D) columns cannot be told apart; read as (A)");
        } else {
            report(damage(), line.begin, "text.bad-row",
                   std::string("cannot read this line as a row of ") + layout.name);
        }
    }
    if (!read) return false;

    auto title = footnoted_value<std::string>(row.title.text.empty() ? std::nullopt
                                                                     : std::optional(clean_text(row.title.text)),
                                              row.title.notes);
    auto date_of = [&](const ast::date_field& f) {
        footnoted<date> out;
        if (f.value) out.value = to_date(*f.value, line.begin);
        out.footnote_ids = footnote_ids(f.notes);
        return out;
    };
    auto number_of = [&](const ast::number_field& f) {
        return footnoted_value<decimal>(to_decimal(f.text, line.begin), f.notes);
    };
    auto letter_of = [&](const auto& f, auto tag) {
        using Enum = decltype(tag);
        footnoted<coded<Enum>> out;
        if (!f.letter.empty()) out.value = make_coded<Enum>(f.letter);
        out.footnote_ids = footnote_ids(f.notes);
        return out;
    };
    auto text_of = [&](const ast::text_field& f) {
        return footnoted_value<std::string>(f.text.empty() ? std::nullopt : std::optional(clean_text(f.text)),
                                            f.notes);
    };
    auto post = [&](const ast::number_field& f) {
        post_transaction_amounts amounts;
        if (is_value(f)) amounts.value_owned = number_of(f);
        else amounts.shares_owned = number_of(f);
        return amounts;
    };
    auto ownership_of = [&]() {
        ownership_nature nature;
        nature.direct_or_indirect = letter_of(row.ownership, ownership_form{});
        nature.nature = text_of(row.nature);
        return nature;
    };
    auto coding_of = [&]() {
        transaction_coding coding;
        if (!row.voluntary.letter.empty()) coding.form_type = make_coded<form_type>("5");
        coding.code = make_coded<transaction_code>(row.code.code);
        coding.equity_swap_involved = row.code.equity_swap;
        coding.footnote_ids = footnote_ids(row.code.notes);
        return coding;
    };
    bool transaction = has_content(row.date) || has_content(row.code) || has_content(row.deemed) ||
                       has_content(row.acquired_disposed) || has_content(row.acquired) || has_content(row.disposed);
    // Once the row is added: where it and each of its cells were read.
    auto mark_added = [&](std::string_view table, std::size_t rows) {
        if (options_.record_positions)
            mark_row(indexed(table, rows - 1), line, read_from, row, derivative, transaction);
    };

    if (!derivative) {
        if (transaction) {
            non_derivative_transaction t;
            t.security_title = title;
            t.transaction_date = date_of(row.date);
            t.deemed_execution_date = date_of(row.deemed);
            t.coding = coding_of();
            t.timeliness.footnote_ids = footnote_ids(row.voluntary.notes);
            t.shares = number_of(row.shares);
            t.price_per_share = number_of(row.price);
            t.acquired_disposed = letter_of(row.acquired_disposed, acquired_disposed{});
            t.post_transaction = post(row.owned);
            t.ownership = ownership_of();
            doc_.non_derivative_transactions.push_back(std::move(t));
            mark_added("non_derivative_transactions", doc_.non_derivative_transactions.size());
        } else {
            non_derivative_holding h;
            h.security_title = title;
            h.post_transaction = post(row.owned);
            h.ownership = ownership_of();
            doc_.non_derivative_holdings.push_back(std::move(h));
            mark_added("non_derivative_holdings", doc_.non_derivative_holdings.size());
        }
        return true;
    }
    underlying_security underlying;
    underlying.title = text_of(row.underlying_title);
    if (is_value(row.underlying_amount)) underlying.value = number_of(row.underlying_amount);
    else underlying.shares = number_of(row.underlying_amount);
    if (transaction) {
        derivative_transaction t;
        t.security_title = title;
        t.conversion_or_exercise_price = number_of(row.exercise_price);
        t.transaction_date = date_of(row.date);
        t.deemed_execution_date = date_of(row.deemed);
        t.coding = coding_of();
        t.timeliness.footnote_ids = footnote_ids(row.voluntary.notes);
        // The amount stands in the (A) or the (D) column; "$" marks a total value.
        const ast::number_field* amount = nullptr;
        if (has_content(row.acquired)) {
            amount = &row.acquired;
            t.acquired_disposed.value = make_coded<acquired_disposed>("A");
        } else if (has_content(row.disposed)) {
            amount = &row.disposed;
            t.acquired_disposed.value = make_coded<acquired_disposed>("D");
        } else if (has_content(row.shares)) {
            // Paper forms: one amount column and an (A)/(D) column beside it.
            amount = &row.shares;
            t.acquired_disposed = letter_of(row.acquired_disposed, acquired_disposed{});
        }
        if (amount) {
            if (is_value(*amount)) t.total_value = number_of(*amount);
            else t.shares = number_of(*amount);
        }
        t.price_per_share = number_of(row.price);
        t.exercise_date = date_of(row.exercisable);
        t.expiration_date = date_of(row.expiration);
        t.underlying = underlying;
        t.post_transaction = post(row.owned);
        t.ownership = ownership_of();
        doc_.derivative_transactions.push_back(std::move(t));
        mark_added("derivative_transactions", doc_.derivative_transactions.size());
    } else {
        derivative_holding h;
        h.security_title = title;
        h.conversion_or_exercise_price = number_of(row.exercise_price);
        h.exercise_date = date_of(row.exercisable);
        h.expiration_date = date_of(row.expiration);
        h.underlying = underlying;
        h.post_transaction = post(row.owned);
        h.ownership = ownership_of();
        doc_.derivative_holdings.push_back(std::move(h));
        mark_added("derivative_holdings", doc_.derivative_holdings.size());
    }
    return true;
}

// ---------------------------------------------------------------- owners

// A joint filing repeats item 1 (and, in our rendering, item 5) for every
// reporting person after Table II: EDGAR's HTML does, and render_text's
// "Reporting Owners" block does.
void reader::read_repeated_owner_items(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    stream owners_stream;
    for (std::size_t i = first; i < last; ++i) {
        for (const auto& cell : split_cells(lines[i]))
            if (!cell.empty()) {
                owners_stream.append(cell, true);
                owners_stream.append_break('\n');
            }
    }
    ast::header repeated;
    const stream_map& map = owners_stream.map();
    parse(g::header(), owners_stream.begin(), owners_stream.end(), repeated, &map, true, false);
    for (const auto& block : repeated.owners) {
        reporting_owner owner = owner_from_block(block);
        if (options_.record_positions) mark_owner(positions_, block_owners_.size(), block, owner, map);
        // Without item 5 here, the first person's relationship is the header's.
        if (!block.relationship_item && !doc_.reporting_owners.empty() &&
            owner.id.name == doc_.reporting_owners.front().id.name &&
            std::none_of(block_owners_.begin(), block_owners_.end(),
                         [&](const reporting_owner& o) { return o.id.name == owner.id.name; }))
            owner.relationship = doc_.reporting_owners.front().relationship;
        block_owners_.push_back(std::move(owner));
    }
}

// ---------------------------------------------------------------- closing

void reader::read_explanations(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    bool paragraph_break = false;
    for (std::size_t i = first; i < last; ++i) {
        if (is_blank(lines[i])) {
            paragraph_break = true;
            continue;
        }
        ast::footnote_line entry;
        if (parse(g::footnote_line(), lines[i].begin, lines[i].end, entry, nullptr, false)) {
            doc_.footnotes.push_back(footnote{"F" + entry.number, clean_text(entry.text)});
            if (options_.record_positions) {
                std::string path = indexed("footnotes", doc_.footnotes.size() - 1);
                mark({path}, trim(lines[i]).begin);
                // The text is the rest of the line.
                mark({path, ".text"}, past_markup(lines[i].end - entry.text.size(), lines[i].end));
            }
        } else if (!doc_.footnotes.empty()) {
            // A wrapped line (or a further paragraph) of the footnote before.
            std::string more = clean_text(lines[i].view());
            doc_.footnotes.back().text += (paragraph_break ? "\n" : " ") + more;
        } else {
            report(damage(), lines[i].begin, "text.bad-footnote",
                   "expected a footnote such as \"1. text\" under Explanation of Responses");
        }
        paragraph_break = false;
    }
}

void reader::read_remarks(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    std::string remarks;
    for (std::size_t i = first; i < last; ++i) {
        std::string_view raw = lines[i].view();
        if (i == first) {
            std::size_t colon = raw.find(':');
            raw = colon == std::string_view::npos ? std::string_view{} : raw.substr(colon + 1);
        }
        std::string line = clean_text(raw);
        if (line.empty() && remarks.empty()) continue;
        if (remarks.empty() && options_.record_positions)
            mark({"remarks"}, past_markup(raw.data(), raw.data() + raw.size()));
        remarks += (remarks.empty() ? "" : "\n") + line;
    }
    while (!remarks.empty() && remarks.back() == '\n') remarks.pop_back();
    doc_.remarks = remarks;
}

// Where a signature line's name and date start: the name is the line's own
// text from its first non-blank; the date follows it after blanks.
std::pair<iterator_type, iterator_type> signature_places(span line, const ast::signature_line& entry) {
    std::size_t name = line.view().find(entry.name);
    if (entry.name.empty() || name == std::string_view::npos) return {trim(line).begin, nullptr};
    iterator_type name_at = line.begin + name;
    iterator_type date_at = name_at + entry.name.size();
    while (date_at != line.end && (*date_at == ' ' || *date_at == '\t')) ++date_at;
    return {past_markup(name_at, name_at + entry.name.size()), entry.date ? date_at : nullptr};
}

// Signature lines stand just above the "** Signature of Reporting Person" caption.
std::size_t reader::read_signatures_before(const std::vector<span>& lines, std::size_t first, std::size_t caption) {
    std::vector<signature> found;
    std::vector<std::pair<iterator_type, iterator_type>> found_at;   // the name and the date, for positions
    std::size_t start = caption;
    for (std::size_t i = caption; i > first; --i) {
        span line = lines[i - 1];
        if (is_blank(line)) continue;
        ast::signature_line entry;
        std::string_view v = trim(line).view();
        bool signed_mark = starts_with_ci(v, "/s/");
        ast::footnote_line footnote_entry;
        if (parse(g::footnote_line(), line.begin, line.end, footnote_entry, nullptr, false)) break;
        if (!parse(g::signature_line(), line.begin, line.end, entry, nullptr, false) ||
            (!entry.date && !signed_mark))
            break;
        signature s;
        s.name = clean_text(entry.name);
        if (entry.date) s.date = to_date(*entry.date, line.begin);
        found.push_back(std::move(s));
        if (options_.record_positions) found_at.push_back(signature_places(line, entry));
        start = i - 1;
    }
    std::reverse(found.begin(), found.end());
    std::reverse(found_at.begin(), found_at.end());
    for (std::size_t k = 0; k < found_at.size(); ++k)
        mark_signature(doc_.signatures.size() + k, found[k], found_at[k].first, found_at[k].second);
    doc_.signatures.insert(doc_.signatures.end(), found.begin(), found.end());
    return start;
}

// Paper forms put the caption first: "SIGNATURE OF REPORTING PERSON", the name, "DATE", the date.
void reader::read_signatures_after(const std::vector<span>& lines, std::size_t caption, std::size_t last) {
    for (std::size_t i = caption + 1; i < last; ++i) {
        if (is_blank(lines[i])) continue;
        std::string line = clean_text(lines[i].view());
        if (starts_with_ci(line, "DATE") && line.size() <= 5) continue;
        ast::date_value when;
        if (!doc_.signatures.empty() && !doc_.signatures.back().date &&
            (parse(g::month_name_date(), trim(lines[i]).begin, trim(lines[i]).end, when, nullptr, false) ||
             parse(g::date(), trim(lines[i]).begin, trim(lines[i]).end, when, nullptr, false))) {
            doc_.signatures.back().date = to_date(when, lines[i].begin);
            if (doc_.signatures.back().date && options_.record_positions)
                mark({indexed("signatures", doc_.signatures.size() - 1), ".date"}, trim(lines[i]).begin);
            continue;
        }
        ast::signature_line entry;
        if (parse(g::signature_line(), lines[i].begin, lines[i].end, entry, nullptr, false)) {
            signature s;
            s.name = clean_text(entry.name);
            if (entry.date) s.date = to_date(*entry.date, lines[i].begin);
            if (options_.record_positions) {
                auto [name_at, date_at] = signature_places(lines[i], entry);
                mark_signature(doc_.signatures.size(), s, name_at, date_at);
            }
            doc_.signatures.push_back(std::move(s));
        }
    }
}

parse_result reader::run(input_format format) {
    parse_result result;
    result.format = format;
    span whole{text_.data(), text_.data() + text_.size()};
    span body = restrict_to_body(whole);
    std::vector<span> lines = split_lines(body.begin, body.end);
    // No value is longer than its line: a line past the limit is where a value is.
    for (const auto& line : lines)
        if (static_cast<std::size_t>(line.end - line.begin) > options_.limits.max_string_bytes) {
            report(severity::error, line.begin, "limit.string-length",
                   "a line is longer than the value limit of " + std::to_string(options_.limits.max_string_bytes) +
                       " bytes");
            result.diagnostics = std::move(diagnostics_);
            return result;
        }

    // Where each section starts.
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::array<std::size_t, 8> start;
    start.fill(none);
    std::vector<std::size_t> boundaries;
    std::vector<std::size_t> repeated_items;   // item 1 again after Table II (EDGAR HTML of a joint filing)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ast::section_kind kind{};
        if (parse(g::section_title(), lines[i].begin, lines[i].end, kind, nullptr, false, false)) {
            auto index = static_cast<std::size_t>(kind);
            if (start[index] == none) start[index] = i;
            boundaries.push_back(i);
        } else if (start[static_cast<std::size_t>(ast::section_kind::table2)] != none &&
                   start[static_cast<std::size_t>(ast::section_kind::reporting_owners)] == none &&
                   find_ci(trim(lines[i]).view().substr(0, 48), "Name and Address of Reporting") !=
                       std::string_view::npos) {
            repeated_items.push_back(i);
            boundaries.push_back(i);
        }
    }
    auto at = [&](ast::section_kind k) { return start[static_cast<std::size_t>(k)]; };
    auto next_boundary = [&](std::size_t from) {
        auto it = std::upper_bound(boundaries.begin(), boundaries.end(), from);
        return it == boundaries.end() ? lines.size() : *it;
    };
    std::size_t table1 = at(ast::section_kind::table1), table2 = at(ast::section_kind::table2);
    if (table1 == none && table2 == none) {
        bool envelope = starts_with_ci(trim(whole).view(), "<SEC-") || starts_with_ci(trim(whole).view(), "-----BEGIN");
        result.diagnostics.push_back(diagnostic{
            severity::error, envelope ? "text.no-form-body" : "text.not-a-form",
            envelope ? "the submission holds no form body (only the EDGAR header): nothing to read"
                     : "no \"Table I\" or \"Table II\" section: this is not a Form 3, 4 or 5",
            lines.empty() ? std::size_t{0} : state_.position(lines.front().begin).first, std::size_t{lines.empty() ? 0u : 1u}});
        return result;
    }
    std::size_t header_end = table1 != none ? table1 : table2;
    read_header(lines, 0, header_end);
    if (table1 == none || table2 == none) {
        std::size_t missing_near = table1 == none ? table2 : table1;
        report(damage(), lines[missing_near].begin, "text.missing-section",
               std::string("no \"") + (table1 == none ? "Table I" : "Table II") + "\" section");
    }
    if (table1 != none) read_table(lines, table1 + 1, next_boundary(table1), false);
    if (table2 != none) read_table(lines, table2 + 1, next_boundary(table2), true);
    if (!repeated_items.empty()) read_repeated_owner_items(lines, repeated_items.front(), next_boundary(repeated_items.back()));
    if (std::size_t owners = at(ast::section_kind::reporting_owners); owners != none)
        read_repeated_owner_items(lines, owners + 1, next_boundary(owners));

    std::size_t caption = at(ast::section_kind::signature_caption);
    std::size_t explanation = at(ast::section_kind::explanation);
    std::size_t remarks = at(ast::section_kind::remarks);
    // Signatures end whichever of the explanations and remarks comes last.
    std::size_t closing_first = std::max(explanation == none ? 0 : explanation + 1, remarks == none ? 0 : remarks + 1);
    std::size_t signatures_start = caption;
    if (caption != none) {
        signatures_start = read_signatures_before(lines, closing_first, caption);
        read_signatures_after(lines, caption, next_boundary(caption));
    }
    auto end_of = [&](std::size_t section) {
        std::size_t end = next_boundary(section);
        return signatures_start != none && signatures_start > section ? std::min(end, signatures_start) : end;
    };
    if (explanation != none) read_explanations(lines, explanation + 1, end_of(explanation));
    if (remarks != none) read_remarks(lines, remarks, end_of(remarks));

    // The header's item 1 and 5 stand for the first person unless the blocks name someone else.
    bool header_owner_kept =
        block_owners_.empty() ||
        (!doc_.reporting_owners.empty() && block_owners_.front().id.name == doc_.reporting_owners.front().id.name);
    if (!block_owners_.empty()) {
        // The block names every person; the header's item 1 is the first of them.
        if (!doc_.reporting_owners.empty() && block_owners_.front().id.name == doc_.reporting_owners.front().id.name) {
            reporting_owner& first = block_owners_.front();
            const reporting_owner& from_header = doc_.reporting_owners.front();
            if (first.address == address{}) first.address = from_header.address;
        }
        doc_.reporting_owners = block_owners_;
    }

    // The limits hold in either mode: past them nothing is returned.
    const parse_limits& limits = options_.limits;
    std::size_t table1_rows = doc_.non_derivative_transactions.size() + doc_.non_derivative_holdings.size();
    std::size_t table2_rows = doc_.derivative_transactions.size() + doc_.derivative_holdings.size();
    bool over_limit = table1_rows > limits.max_rows || table2_rows > limits.max_rows ||
                      doc_.footnotes.size() > limits.max_footnotes;
    if (over_limit) {
        // Reported at the caption of the table that is over the limit.
        std::string_view caption = table2_rows > limits.max_rows ? "Table II" : "Table I";
        auto at = text_.find(caption);
        report(severity::error, at == std::string_view::npos ? text_.data() : text_.data() + at, "limit.rows",
               "more table rows or footnotes than parse_limits allows");
    }
    result.diagnostics = std::move(diagnostics_);
    if (over_limit || (!options_.lenient && result.has_errors())) return result;
    if (options_.record_positions) {
        // After the blocks' own positions: the header fills in only what they lack (item 5, the address).
        if (header_owner_kept) positions_.append(header_owner_positions_);
        result.positions = positions_in_input();
    }
    result.doc = std::move(doc_);
    return result;
}

}  // namespace

parse_result read_form(std::string_view text, const parse_options& options, std::string_view input,
                       const stream_map* outer, input_format format) {
    reader r(text, options, input, outer);
    return r.run(format);
}

}  // namespace form4::text
