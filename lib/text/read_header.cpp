// The header of a rendered form (items 1-6) and the reporting owners repeated after Table II, read into the model.
#include "text/form_reader.hpp"
#include "text/spaced_columns.hpp"

namespace form4::text::reading {

namespace {

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

}  // namespace

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
    // Columns, document order, or line by line (see header_order).
    auto fill = [&](header_order order, stream& into) {
        if (first < last) into.reserve(static_cast<std::size_t>(lines[last - 1].end - lines[first].begin) + 64);
        auto add = [&into](span cell) {
            into.append(cell, true);
            into.append_break('\n');
        };
        if (order == header_order::columns && spaced_columns && !tabs) {
            for (const auto& cell : cells_by_position(lines, first, last)) add(cell);
        } else if (order == header_order::columns) {
            std::size_t rows = row_starts.size() - 1;
            std::size_t columns = 0;
            for (std::size_t r = 0; r < rows; ++r) columns = std::max(columns, row_starts[r + 1] - row_starts[r]);
            for (std::size_t column = 0; column < columns; ++column)
                for (std::size_t r = 0; r < rows; ++r) {
                    std::size_t at = row_starts[r] + column;
                    if (at < row_starts[r + 1] && !cells[at].empty()) add(cells[at]);
                }
        } else if (order == header_order::document) {
            std::vector<span> line_cells;
            for (std::size_t i = first; i < last; ++i) {
                line_cells.clear();
                split_cells_into(lines[i], line_cells);
                for (const auto& cell : line_cells)
                    if (!cell.empty()) add(cell);
            }
        } else {
            for (std::size_t i = first; i < last; ++i)
                if (!is_blank(lines[i])) add(trim(lines[i]));
        }
    };
    header_order order = (tabs || spaced_columns) ? header_order::columns
                         : document_order         ? header_order::document
                                                  : header_order::lines;
    stream by_columns, in_document_order;
    stream* header_stream = order == header_order::columns ? &by_columns : &in_document_order;
    fill(order, *header_stream);
    std::size_t reported = diagnostics_.size();
    parse(g::header(), header_stream->begin(), header_stream->end(), header_, &header_stream->map(), true, false);
    // Damage is an error when strict and a warning when lenient: which order is
    // kept must not depend on the mode, or lenient would read what strict
    // accepts differently.
    auto failed = [&] {
        return std::any_of(diagnostics_.begin() + static_cast<std::ptrdiff_t>(reported), diagnostics_.end(),
                           [](const diagnostic& d) { return d.level == severity::error || d.code == "text.expected"; });
    };
    // Read without error but without a period or a person: the columns were not the page's.
    auto incomplete = [&] { return failed() || !header_.period || header_.owners.empty(); };
    if (order == header_order::columns && incomplete()) {
        // A browser's copy of the current layout has tabs but draws each item under
        // the one before: read in the page's own order, and keep that if it reads.
        std::vector<diagnostic> column_diagnostics(diagnostics_.begin() + static_cast<std::ptrdiff_t>(reported),
                                                   diagnostics_.end());
        ast::header column_header = std::move(header_);
        diagnostics_.resize(reported);
        header_ = ast::header{};
        fill(header_order::document, in_document_order);
        parse(g::header(), in_document_order.begin(), in_document_order.end(), header_, &in_document_order.map(),
              true, false);
        if (incomplete()) {
            diagnostics_.resize(reported);
            diagnostics_.insert(diagnostics_.end(), column_diagnostics.begin(), column_diagnostics.end());
            header_ = std::move(column_header);
        } else {
            header_stream = &in_document_order;
        }
    }
    const stream_map& map = header_stream->map();

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
    if (header_.aff10b5_one) doc_.aff10b5_one = *header_.aff10b5_one;
    else if (header_.aff10b5_label)
        report(severity::note, where, "text.unknown-checkbox",
               "the 10b5-1 box is not drawn in this text (a converter that shows no ticks): left unknown");

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

    if (!header_.owners.empty()) {
        bool address_whole = true;
        doc_.reporting_owners.push_back(owner_from_block(header_.owners.front(), &address_whole));
        if (!address_whole)
            report(severity::warning, where, "text.ambiguous-address",
                   "the non-US address of " + doc_.reporting_owners.back().id.name +
                       " is on one line: its city, state or territory and postal code cannot be told apart; kept whole as the city");
    }
    if (options_.record_positions) mark_header(map);
    // What the schema requires of the header, never left empty in silence (a
    // mangled page whose item labels were lost reads otherwise "cleanly").
    if (header_.owners.empty())
        report(damage(), where, "text.missing-item", "no item 1 (Name and Address of Reporting Person)");
    else if (doc_.reporting_owners.front().id.name.empty())
        report(damage(), where, "text.expected", "item 1 (Name and Address of Reporting Person) has no name");
    if (doc_.issuer.name.empty())
        report(damage(), where, "text.expected", "item 2 (Issuer Name and Ticker or Trading Symbol) has no issuer name");
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
    // "CITY, ST ZIP" as the stylesheets print it: after the last comma a two-character
    // state code (Canada's are "A1".."B0") and the zip, which may hold a space ("V5Y 0A1").
    if (std::size_t comma = line.rfind(", "); comma != std::string::npos) {
        std::string after = line.substr(comma + 2);
        std::size_t space = after.find(' ');
        auto code_char = [](char c) { return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)); };
        if (space == 2 && code_char(after[0]) && code_char(after[1]) && space + 1 < after.size()) {
            a.city = line.substr(0, comma);
            a.state = after.substr(0, 2);
            a.zip_code = clean_text(after.substr(3));
            return;
        }
    }
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

namespace {

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

// The X07/X09 layouts' country line: "UNITED STATES" for every address not
// flagged non-US (whatever the filing's country, so nothing is read from it);
// else the country (its code, or its name with the SEC's State_Codes.xsl), and
// the state cell holds the non-US state or territory. False when the city line
// of a non-US address is not in three cells: a territory or a postal code may be
// missing or hold spaces, so the line is kept whole as the city.
bool read_country(const ast::owner_block& block, address& a) {
    if (!block.country_line) return true;
    std::string country = clean_text(block.country);
    if (country.empty() || country == "UNITED STATES") return true;
    a.non_us_address = true;
    a.country = country;
    std::size_t parts = underlined_groups(block.city_state_zip).size();
    if (parts < 3) {
        parts = 0;
        for (const auto& part : split_on(block.city_state_zip, '\n'))
            if (!clean_text(part).empty()) ++parts;
    }
    if (parts != 3) {
        a.city = clean_text(block.city_state_zip);
        a.state.clear();
        a.zip_code.clear();
        return false;
    }
    a.non_us_state_territory = std::move(a.state);
    a.state.clear();
    return true;
}

}  // namespace

reporting_owner owner_from_block(const ast::owner_block& block, bool* address_whole) {
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
        if (!read_country(block, owner.address) && address_whole) *address_whole = false;
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


}  // namespace form4::text::reading
