// Table I and Table II rows: lines cut into cells (tabs, spaces, ASCII pipes) and each cell read by its column.
#include "text/form_reader.hpp"
#include "text/run_together.hpp"

namespace form4::text::reading {

void reader::read_table(const std::vector<span>& lines, std::size_t first, std::size_t last, bool derivative) {
    for (std::size_t i = first; i < last; ++i)
        if (std::count(lines[i].begin, lines[i].end, '|') >= 4) return read_pipe_table(lines, first, last, derivative);
    // A line without a digit before the last caption line is a caption's too (w3m wraps a
    // long caption's words onto lines of their own: "Issuer's Fiscal Year (I)").
    std::size_t captions_end = first;
    for (std::size_t i = first; i < last; ++i)
        if (!is_blank(lines[i]) && is_caption_row(split_cells(lines[i]))) captions_end = i + 1;
    auto has_digit = [](span s) { return std::any_of(s.begin, s.end, [](char c) { return c >= '0' && c <= '9'; }); };
    for (std::size_t i = first; i < last; ++i) {
        if (i < captions_end && !has_digit(lines[i])) continue;
        if (is_blank(lines[i])) continue;
        if (i + 2 < last && breaks_at_a_block(lines[i], lines[i + 1], lines[i + 2])) {
            read_broken_row(lines, i, derivative);
            i += 2;
            continue;
        }
        if (std::size_t end = wrapped_row_end(lines, i, last); end != i && read_wrapped_row(lines, i, end, derivative)) {
            i = end;
            continue;
        }
        if (std::size_t end = centred_row_end(lines, i, last, derivative); end != i) {
            read_row({lines[i].begin, lines[end].end}, derivative);
            i = end;
            continue;
        }
        read_row(lines[i], derivative);
    }
}

namespace {

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

}  // namespace

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

// Without the empty cells a converter dropped, a footnote mark standing apart after a
// value may have been that value's or an empty cell's after it. The mark is kept with the
// value, and the row says so (text.ambiguous-mark), where an empty cell that could hold a
// mark alone was skipped: for a holding only the columns a holding has, and never the
// (A)/(D) column beside the amount (its marks stand with the amount).
void reader::report_ambiguous_marks(const table_layout& layout, const std::vector<span>& cells,
                                    const std::vector<int>& assignment, span line) {
    bool transaction = false;
    for (int j : assignment)
        if (j >= 0) transaction |= transaction_only(layout.columns[static_cast<std::size_t>(j)]);
    auto may_hold_a_mark = [&](column_kind kind) {
        if (kind == column_kind::acquired || kind == column_kind::disposed) return false;
        return transaction || !transaction_only(kind);
    };
    std::string unsure;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (assignment[k] < 0) continue;
        std::size_t next = k + 1;
        bool spaced = ends_in_spaced_mark(cells[k]);
        for (; next < cells.size() && assignment[next] < 0; ++next) spaced = true;   // marks alone
        if (!spaced) continue;
        auto from = static_cast<std::size_t>(assignment[k]) + 1;
        std::size_t to = next < cells.size() ? static_cast<std::size_t>(assignment[next]) : layout.columns.size();
        for (std::size_t j = from; j < to; ++j)
            if (may_hold_a_mark(layout.columns[j])) {
                unsure += std::string(unsure.empty() ? "" : "; ") + "after " + column_name(layout.columns[assignment[k]]) +
                          " (or " + column_name(layout.columns[j]) + ", left empty)";
                break;
            }
    }
    if (!unsure.empty())
        report(severity::warning, line.begin, "text.ambiguous-mark",
               "a footnote mark stands apart where empty cells were dropped; it is kept with the value before it, "
               "but may be an empty cell's: " + unsure);
}

bool reader::read_cells(std::vector<span> cells, bool positional, const table_layout& layout, bool derivative,
                        span line) {
    std::size_t filled = std::count_if(cells.begin(), cells.end(), [](const span& c) { return !c.empty(); });
    // The cells may have been run together with single spaces (lynx: "49,322 D" in one
    // cell, or a whole row with no empty cell to leave a gap): cut by what each word is.
    run_together_cells words;
    if (!positional) words = cut_run_together(merged_line_.empty() ? line : merged_line_);
    if (filled == 1 && !positional) filled = words.cells.size();
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
            return parse(rule, cell.begin, cell.end, attribute, cell_map_, true);
        };
        std::vector<int> assignment;
        // The words' reading (above) is taken when it fits the columns.
        bool matched = false;
        bool lines_joined = std::find(line.begin, line.end, '\n') != line.end;   // centred_row_end's rows
        auto take_words = [&] {
            matched = true;
            nonempty = std::move(words.cells);
            if (words.ambiguous_letter)
                report(severity::warning, line.begin, "text.ambiguous-split",
                       "a one-letter word or a number between words of text was kept in the text, not read as a "
                       "cell of its own");
        };
        bool words_first = words.cells.size() > nonempty.size() || lines_joined;
        if (words_first && match_collapsed(layout, words.cells, probe, assignment)) take_words();
        if (!matched) matched = match_collapsed(layout, nonempty, probe, assignment);
        // As many cells either way, but a run of spaces missing inside one ("78,667 A" in w3m).
        if (!matched && !words_first && match_collapsed(layout, words.cells, probe, assignment)) take_words();
        if (matched) {
            read = true;
            report_ambiguous_marks(layout, nonempty, assignment, line);
            int previous = -1;
            for (std::size_t k = 0; k < nonempty.size(); ++k) {
                if (assignment[k] < 0) {
                    // Marks alone in a cell: they belong to the field before them.
                    ast::marks marks;
                    parse(g::footnote_marks(), nonempty[k].begin, nonempty[k].end, marks, cell_map_, true);
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
                       "without tabs the (A) and (D) columns cannot be told apart: the amount is read, whether it was "
                       "acquired or disposed of is left unknown");
        } else {
            report(damage(), line.begin, "text.bad-row",
                   std::string("cannot read this line as a row of ") + layout.name);
        }
    }
    if (!read) return false;
    add_row(row, derivative, line, read_from);
    return true;
}

}  // namespace form4::text::reading
