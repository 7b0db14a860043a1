// The current layout's "Reporting Owners" table (every reporting person, after Table II), read into the model.
#include "text/form_reader.hpp"

namespace form4::text::reading {

// The current layout's "Reporting Owners" table: for each person the name and
// address cell (a line each: name, street lines, city, state, zip, country) and,
// beside its last line, the relationship cells: Director "X", 10% Owner "X",
// the officer's title, the other text.
bool is_owner_table(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    // (w3m draws the "Relationships" caption above the first.)
    for (std::size_t i = first; i < last; ++i)
        if (!is_blank(lines[i]) && !starts_with_ci(trim(lines[i]).view(), "Relationships"))
            return starts_with_ci(trim(lines[i]).view(), "Reporting Owner Name");
    return false;
}

namespace {

// The address lines below the name: "STREET", ["STREET 2"], then "CITY", "ST", "ZIP",
// "UNITED STATES" (4_X09's layout) or "CITY, ST ZIP" (the older ones). False when
// the lines do not say which is which (a value left empty takes its line away).
bool read_owner_table_address(const std::vector<std::string>& rest, address& a) {
    if (rest.empty()) return true;
    if (rest.back() == "UNITED STATES") {
        if (rest.size() != 5 && rest.size() != 6) return false;
        a.zip_code = rest[rest.size() - 2];
        a.state = rest[rest.size() - 3];
        a.city = rest[rest.size() - 4];
        a.street1 = rest[0];
        if (rest.size() == 6) a.street2 = rest[1];
        return true;
    }
    // A non-US address (4_X09, 5_X09, 3_X07): city, state or territory, postal code, country; a
    // value left empty takes its line away, so only the full six lines say which is which.
    if (rest.back().find(',') == std::string::npos && rest.size() == 6) {
        a.street1 = rest[0];
        a.street2 = rest[1];
        a.city = rest[2];
        a.non_us_state_territory = rest[3];
        a.zip_code = rest[4];
        a.country = rest[5];
        a.non_us_address = true;
        return true;
    }
    if (rest.back().find(',') == std::string::npos || rest.size() < 2 || rest.size() > 3) return false;
    split_city_state_zip(rest.back(), a);
    a.street1 = rest[0];
    if (rest.size() == 3) a.street2 = rest[1];
    return true;
}

// Whether an address line is the last of its cell: the country, or "CITY, ST ZIP".
bool ends_owner_address(const std::string& line) {
    if (line == "UNITED STATES") return true;
    std::size_t comma = line.rfind(", ");
    return comma != std::string::npos && line.size() > comma + 5 && line[comma + 4] == ' ' &&
           std::isupper(static_cast<unsigned char>(line[comma + 2]));
}

// Where lynx put a relationship cell: its person, and its distance from the end of the
// address's last line (the same for a column in every row, though not under its caption).
struct cell_place {
    std::size_t owner;
    std::ptrdiff_t offset;
};

// lynx runs a person's title or other text on from the address as it does the X marks, so
// the caption nearest to it may be the other column's. The header's item 5 shows the first
// person's boxes: where it says which of the two that person's text is, a text at the same
// place in any row is that one, and a text at the one other place the other.
void place_texts_by_header(const relationship& header, const std::vector<cell_place>& texts,
                           std::size_t first_owner, std::vector<reporting_owner>& owners) {
    bool officer = header.is_officer.value_or(false), other = header.is_other.value_or(false);
    if (texts.empty() || texts.front().owner != first_owner || officer == other) return;
    std::ptrdiff_t first_place = texts.front().offset;
    std::optional<std::ptrdiff_t> other_place;
    for (const auto& t : texts) {
        if (t.offset == first_place) continue;
        if (other_place && *other_place != t.offset) return;   // more than two places: not two columns
        other_place = t.offset;
    }
    for (const auto& t : texts) {
        relationship& r = owners[t.owner].relationship;
        if (!r.officer_title.empty() && !r.other_text.empty()) continue;
        bool as_officer = (t.offset == first_place) == officer;
        std::string text = r.officer_title.empty() ? std::move(r.other_text) : std::move(r.officer_title);
        r.officer_title.clear();
        r.other_text.clear();
        r.is_officer.reset();
        r.is_other.reset();
        (as_officer ? r.officer_title : r.other_text) = std::move(text);
        (as_officer ? r.is_officer : r.is_other) = true;
    }
}

}  // namespace

void reader::read_owner_table(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    std::vector<std::string> cell_lines;   // the name and address cell so far
    // Without tabs (lynx, w3m) the relationship cells are placed under their captions:
    // the middle of each caption, by its column in the line.
    std::vector<std::ptrdiff_t> caption_middles;
    // w3m lays the table out: a blank line after the captions and between people, and the
    // relationship cells beside the middle line of each person's cell (not its last).
    bool blocks = false;
    std::array<std::string, 5> beside;   // the relationship cells of the person being read
    // lynx runs the cells on from the address's last line: an "X" stands as far from that
    // line's end as its column's "X" stands in every row, but not under its caption.
    std::vector<cell_place> x_marks;
    std::vector<cell_place> row_x_marks;   // of the line being read
    std::vector<cell_place> text_cells;    // the title or other text, placed the same way
    std::optional<cell_place> row_text_cell;
    std::size_t table_start = block_owners_.size();
    auto finish = [&](iterator_type where) {
        for (auto mark : row_x_marks) x_marks.push_back({block_owners_.size(), mark.offset});
        row_x_marks.clear();
        if (row_text_cell) text_cells.push_back({block_owners_.size(), row_text_cell->offset});
        row_text_cell.reset();
        reporting_owner owner;
        owner.id.name = cell_lines.front();
        relationship& r = owner.relationship;
        r.is_director = beside[1] == "X";
        r.is_ten_percent_owner = beside[2] == "X";
        // An empty title or other text may stand for a box ticked without words: not shown, so unknown.
        r.officer_title = beside[3];
        if (!r.officer_title.empty()) r.is_officer = true;
        r.other_text = beside[4];
        if (!r.other_text.empty()) r.is_other = true;
        // From the end: the country, then (a US address) zip, state, city; the street lines before them.
        std::vector<std::string> rest(cell_lines.begin() + 1, cell_lines.end());
        if (!read_owner_table_address(rest, owner.address))
            report(severity::warning, where, "text.ambiguous-address",
                   "the address of " + owner.id.name + " cannot be cut into its fields from this table: not read");
        block_owners_.push_back(std::move(owner));
        cell_lines.clear();
        beside = {};
    };
    for (std::size_t i = first; i < last; ++i) {
        if (is_blank(lines[i])) {
            if (blocks && !cell_lines.empty()) finish(lines[i].begin);
            continue;
        }
        bool by_tabs = false;
        std::vector<span> cells = split_cells(lines[i], &by_tabs);
        if (!by_tabs)
            while (cells.size() > 1 && cells.front().empty()) cells.erase(cells.begin());
        std::string lead = clean_text(cells.front().view());
        if (starts_with_ci(lead, "Reporting Owner Name") || starts_with_ci(lead, "Relationships")) continue;
        if (starts_with_ci(lead, "Director")) {
            // "Director  10% Owner  Officer  Other": where each caption stands.
            caption_middles.clear();
            std::string_view row = lines[i].view();
            std::size_t from = 0;
            for (std::string_view caption : {"Director", "10% Owner", "Officer", "Other"}) {
                std::size_t at = row.find(caption, from);
                if (at == std::string_view::npos) break;
                caption_middles.push_back(static_cast<std::ptrdiff_t>(at + caption.size() / 2));
                from = at + caption.size();
            }
            blocks = !by_tabs && i + 1 < last && is_blank(lines[i + 1]);
            continue;
        }
        cell_lines.push_back(lead);
        if (!blocks) beside = {}, row_x_marks.clear(), row_text_cell.reset();   // only the cell's last line has them
        for (std::size_t k = 1; k < cells.size(); ++k) {
            if (!by_tabs && !blocks) {
                cell_place place{0, cells[k].begin - cells.front().end};
                if (clean_text(cells[k].view()) == "X") row_x_marks.push_back(place);
                else if (!cells[k].empty()) row_text_cell = place;
            }
            std::size_t column = k;
            if (!by_tabs && caption_middles.size() == 4) {
                std::ptrdiff_t middle = (cells[k].begin - lines[i].begin) + (cells[k].end - cells[k].begin) / 2;
                column = 1;
                for (std::size_t c = 1; c < 4; ++c)
                    if (std::abs(caption_middles[c] - middle) < std::abs(caption_middles[column - 1] - middle)) column = c + 1;
            }
            if (column < beside.size()) beside[column] = clean_text(cells[k].view());
        }
        if (blocks) continue;   // the person ends at the blank line after
        if (cells.size() < 2 && (by_tabs || !ends_owner_address(lead))) continue;
        // The cell's last line: the relationship cells stand beside it.
        finish(lines[i].begin);
    }
    if (blocks && !cell_lines.empty()) finish(lines[last - 1].begin);
    if (!doc_.reporting_owners.empty())
        place_texts_by_header(doc_.reporting_owners.front().relationship, text_cells, table_start, block_owners_);
    if (x_marks.empty()) return;
    // Two places: the nearer is Director's, the farther 10% Owner's (the only columns an X
    // stands in). One place: the header's item 5 (the first person's boxes) says which, when
    // that person has the X and one of the two boxes alone. Else the captions decide (above).
    std::vector<std::ptrdiff_t> places;
    for (const auto& m : x_marks) places.push_back(m.offset);
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
    std::optional<std::ptrdiff_t> director, ten_percent;
    if (places.size() == 2) {
        director = places[0];
        ten_percent = places[1];
    } else if (places.size() == 1 && !doc_.reporting_owners.empty() && x_marks.front().owner == table_start) {
        const relationship& header = doc_.reporting_owners.front().relationship;
        bool d = header.is_director.value_or(false), t = header.is_ten_percent_owner.value_or(false);
        if (d && !t) director = places[0];
        if (t && !d) ten_percent = places[0];
    }
    if (!director && !ten_percent) return;
    for (std::size_t o = table_start; o < block_owners_.size(); ++o) {
        auto has = [&](const std::optional<std::ptrdiff_t>& place) {
            return place && std::any_of(x_marks.begin(), x_marks.end(),
                                        [&](const cell_place& m) { return m.owner == o && m.offset == *place; });
        };
        relationship& r = block_owners_[o].relationship;
        r.is_director = has(director);
        r.is_ten_percent_owner = has(ten_percent);
    }
}

}  // namespace form4::text::reading
