// The closing of a rendered form: footnotes (Explanation of Responses), remarks and signatures.
#include "text/form_reader.hpp"

namespace form4::text::reading {

// Whether [first, last) holds only blank lines and the form's own "*" / "**" notes.
bool reader::opens_explanations(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
        ast::section_kind kind{};
        if (!is_blank(lines[i]) &&
            !(starts_with_ci(trim(lines[i]).view(), "*") &&
              parse(g::section_title(), lines[i].begin, lines[i].end, kind, nullptr, false, false) &&
              kind == ast::section_kind::trailer))
            return false;
    }
    return true;
}

// Whether the line at `at` starts the text of a footnote whose mark stands lower, beside
// the middle of its lines (w3m): the lines down to the marked one, with no blank line
// between, start where the marked line's text starts.
bool reader::leads_next_footnote(const std::vector<span>& lines, std::size_t at, std::size_t last) {
    auto indent = [](span line) { return static_cast<std::size_t>(trim(line).begin - line.begin); };
    for (std::size_t k = at + 1; k < last && !is_blank(lines[k]); ++k) {
        ast::footnote_line entry;
        if (!parse(g::footnote_line(), lines[k].begin, lines[k].end, entry, nullptr, false)) continue;
        std::size_t text_column = static_cast<std::size_t>(lines[k].end - lines[k].begin) - entry.text.size();
        for (std::size_t j = at; j < k; ++j)
            if (indent(lines[j]) != text_column) return false;
        return indent(lines[at]) > 0;
    }
    return false;
}

void reader::read_explanations(const std::vector<span>& lines, std::size_t first, std::size_t last) {
    bool paragraph_break = false;
    // Marks written "(1)" (or as superscripts): then a wrapped line that starts "2022. ..."
    // (lynx breaks lines at its width) goes on with the footnote before it.
    std::optional<bool> numbered_style;
    std::string leading;   // lines above a footnote's mark (w3m)
    auto numbered = [](span line) {
        std::string_view t = trim(line).view();
        return !t.empty() && t[0] >= '0' && t[0] <= '9';
    };
    for (std::size_t i = first; i < last; ++i) {
        if (is_blank(lines[i])) {
            paragraph_break = true;
            continue;
        }
        // The form's own notes ("* If the form is filed by more than one...") before the first footnote.
        if (doc_.footnotes.empty() && opens_explanations(lines, i, i + 1)) continue;
        // Form 3's stylesheets print the noSecuritiesOwned flag here (the model has no field for it).
        if (doc_.footnotes.empty() && clean_text(lines[i].view()) == "No securities are beneficially owned") continue;
        ast::footnote_line entry;
        bool is_footnote = parse(g::footnote_line(), lines[i].begin, lines[i].end, entry, nullptr, false);
        if (is_footnote && numbered_style && !*numbered_style && numbered(lines[i])) is_footnote = false;
        if (!is_footnote && paragraph_break && leads_next_footnote(lines, i, last)) {
            // w3m centres a footnote's mark beside its lines: those above it are its own.
            leading += (leading.empty() ? "" : " ") + clean_text(lines[i].view());
            continue;
        }
        if (is_footnote) {
            if (!numbered_style) numbered_style = numbered(lines[i]);
            std::string text = clean_text(entry.text);
            if (!leading.empty()) text = leading + " " + text;
            leading.clear();
            doc_.footnotes.push_back(footnote{"F" + entry.number, text});
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

namespace {

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

}  // namespace

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

}  // namespace form4::text::reading
