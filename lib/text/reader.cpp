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

#include "text/form_reader.hpp"

namespace form4::text {
namespace reading {

// Positions are gathered in reading order, which is not input order (a page
// drawn in columns is read column by column): sorting them lets one pass of
// the counter give every line and column.
form4::source_map reader::positions_in_input() const {
    const auto& entries = positions_.entries;
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return entries[a].at < entries[b].at; });
    grammar::position_counter count(state_.begin, state_.end);
    std::vector<source_position> found(entries.size());
    for (std::size_t i : order) {
        iterator_type at = entries[i].at;
        if (at < state_.begin || at > state_.end) continue;
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

// w3m draws 4_X09's Table I title beside the country ("UNITED STATES   Table I - ..."):
// a table's title standing after a run of spaces in a line without tabs opens its table
// there too (what stands before it, beside, is left to the header, which ends above).
bool reader::table_title_beside(span line, ast::section_kind& kind) {
    std::string_view view = line.view();
    if (view.find('\t') != std::string_view::npos) return false;
    for (std::size_t at = view.find("  Table I"); at != std::string_view::npos; at = view.find("  Table I", at + 2)) {
        iterator_type title = line.begin + at + 2;
        ast::section_kind found{};
        if (parse(g::section_title(), title, line.end, found, nullptr, false, false) &&
            (found == ast::section_kind::table1 || found == ast::section_kind::table2)) {
            kind = found;
            return true;
        }
    }
    return false;
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
    std::vector<std::size_t> captions;         // the current layout draws one under each signature
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ast::section_kind kind{};
        if (parse(g::section_title(), lines[i].begin, lines[i].end, kind, nullptr, false, false) ||
            table_title_beside(lines[i], kind)) {
            // The current layout opens the explanations with the "*" and "**" notes: they stay in it.
            if (kind == ast::section_kind::trailer && !boundaries.empty() &&
                boundaries.back() == start[static_cast<std::size_t>(ast::section_kind::explanation)] &&
                opens_explanations(lines, boundaries.back() + 1, i + 1))
                continue;
            auto index = static_cast<std::size_t>(kind);
            if (start[index] == none) start[index] = i;
            if (kind == ast::section_kind::signature_caption) captions.push_back(i);
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
    bool owner_table = false;
    if (std::size_t owners = at(ast::section_kind::reporting_owners); owners != none) {
        owner_table = is_owner_table(lines, owners + 1, next_boundary(owners));
        if (owner_table) read_owner_table(lines, owners + 1, next_boundary(owners));
        else read_repeated_owner_items(lines, owners + 1, next_boundary(owners));
    }

    std::size_t caption = at(ast::section_kind::signature_caption);
    std::size_t explanation = at(ast::section_kind::explanation);
    std::size_t remarks = at(ast::section_kind::remarks);
    // Signatures end whichever of the explanations and remarks comes last before them.
    auto before_caption = [&](std::size_t section) { return section != none && section < caption ? section + 1 : 0; };
    std::size_t closing_first = std::max(before_caption(explanation), before_caption(remarks));
    std::size_t signatures_start = caption;
    if (caption != none) {
        signatures_start = read_signatures_before(lines, closing_first, caption);
        for (std::size_t k = 1; k < captions.size(); ++k) read_signatures_before(lines, captions[k - 1] + 1, captions[k]);
        read_signatures_after(lines, captions.back(), next_boundary(captions.back()));
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
            // (The table's address lines keep the street lines apart; the older layouts' item 1 joins them with ", ".)
            if (first.address == address{}) first.address = from_header.address;
            // Item 5's boxes say what the table's cells cannot (an officer without a title).
            if (owner_table) first.relationship = from_header.relationship;
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

}  // namespace reading

parse_result read_form(std::string_view text, const parse_options& options, std::string_view input,
                       const stream_map* outer, input_format format) {
    reading::reader r(text, options, input, outer);
    return r.run(format);
}

}  // namespace form4::text
