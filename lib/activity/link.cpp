// Across filings: amendments supersede what they restate; one trade reported
// in several filings is grouped so that it counts once.
#include <algorithm>
#include <map>
#include <span>
#include <tuple>

#include "form4/activity.hpp"

namespace form4::activity {
namespace {

bool is_amendment(const row& r) { return r.document_type.size() > 2 && r.document_type.ends_with("/A"); }

// Whether `original` was filed before `amendment` (so the amendment can restate it).
bool filed_before(const row& original, const row& amendment) {
    if (original.acceptance_datetime && amendment.acceptance_datetime)
        return *original.acceptance_datetime < *amendment.acceptance_datetime;
    if (original.filing_date && amendment.filing_date) {
        if (*original.filing_date != *amendment.filing_date) return *original.filing_date < *amendment.filing_date;
        return !is_amendment(original);
    }
    // Without dates only an original (not another amendment) can be told to come first.
    return !is_amendment(original);
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive (ASCII) three-way comparison of two security titles, without copies.
int compare_folded(std::string_view a, std::string_view b) {
    std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        char x = ascii_lower(a[i]), y = ascii_lower(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

template <class T>
int compare3(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

// What an amendment restates: same issuer, owner(s), table, security, date and code.
int compare_restated(const row& a, const row& b) {
    if (int c = a.issuer_cik.compare(b.issuer_cik)) return c;
    if (int c = a.owner_ciks.compare(b.owner_ciks)) return c;
    if (int c = a.table.compare(b.table)) return c;
    if (int c = compare3(*a.transaction_date, *b.transaction_date)) return c;
    if (int c = a.code.compare(b.code)) return c;
    return compare_folded(a.security_title, b.security_title);
}

// The same trade: issuer, table, security, date, code, signed shares and price (by value).
int compare_trade(const row& a, const row& b) {
    if (int c = a.issuer_cik.compare(b.issuer_cik)) return c;
    if (int c = a.table.compare(b.table)) return c;
    if (int c = compare3(*a.transaction_date, *b.transaction_date)) return c;
    if (int c = a.code.compare(b.code)) return c;
    if (int c = compare3(*a.signed_shares, *b.signed_shares)) return c;
    if (int c = compare3(a.price.has_value(), b.price.has_value())) return c;
    if (a.price)
        if (int c = compare3(*a.price, *b.price)) return c;
    return compare_folded(a.security_title, b.security_title);
}

// When (order) a row's filing came: acceptance, then filing date; undated last.
bool filed_earlier(const row& a, const row& b) {
    auto when = [](const row& r) {
        return std::tuple(!r.acceptance_datetime && !r.filing_date, r.filing_date.value_or(date(boost::gregorian::min_date_time)),
                          r.acceptance_datetime.value_or(date_time(boost::posix_time::min_date_time)));
    };
    return when(a) < when(b);
}

// Row indices sorted by `compare`, in input order among equals; [begin, end) runs of equals go to `run`.
template <class Compare, class Run>
void for_each_run(std::vector<std::size_t> indices, const std::vector<row>& rows, Compare compare, Run run) {
    std::stable_sort(indices.begin(), indices.end(),
                     [&](std::size_t a, std::size_t b) { return compare(rows[a], rows[b]) < 0; });
    for (std::size_t begin = 0; begin < indices.size();) {
        std::size_t end = begin + 1;
        while (end < indices.size() && compare(rows[indices[begin]], rows[indices[end]]) == 0) ++end;
        run(std::span<const std::size_t>(indices.data() + begin, end - begin));
        begin = end;
    }
}

void mark_superseded(std::vector<row>& rows) {
    std::vector<std::size_t> dated;
    bool any_amendment = false;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].transaction_date) {
            dated.push_back(i);
            any_amendment |= is_amendment(rows[i]);
        }
    if (!any_amendment) return;
    for_each_run(std::move(dated), rows, compare_restated, [&](std::span<const std::size_t> same) {
        // Amendments in filing order: a later one supersedes an earlier one's rows too.
        std::vector<std::size_t> amendments;
        for (std::size_t i : same)
            if (is_amendment(rows[i])) amendments.push_back(i);
        std::stable_sort(amendments.begin(), amendments.end(),
                         [&](std::size_t a, std::size_t b) { return filed_earlier(rows[a], rows[b]); });
        for (std::size_t a : amendments)
            for (std::size_t o : same) {
                row& original = rows[o];
                if (original.accession == rows[a].accession || !filed_before(original, rows[a])) continue;
                original.superseded_by = rows[a].accession;
            }
    });
}

int compare_reading(const row& a, const row& b) {
    if (int c = a.accession.compare(b.accession)) return c;
    if (int c = a.table.compare(b.table)) return c;
    return compare3(a.row_index, b.row_index);
}

void group_duplicates(std::vector<row>& rows) {
    // One filing read twice (its XML and its submission, say): the same
    // accession's same row is a re-reading of the first.
    std::vector<std::size_t> first_reading(rows.size());
    std::vector<bool> reread(rows.size(), false);
    std::vector<std::size_t> with_accession;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        first_reading[i] = i;
        if (!rows[i].accession.empty()) with_accession.push_back(i);
    }
    for_each_run(std::move(with_accession), rows, compare_reading, [&](std::span<const std::size_t> same) {
        for (std::size_t k = 1; k < same.size(); ++k) {
            reread[same[k]] = true;
            first_reading[same[k]] = same[0];
        }
    });
    // The same trade in several filings. The k-th row with a key in one filing
    // pairs with the k-th in another: two equal rows in one filing are two trades.
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].superseded_by.empty() && !reread[i] && rows[i].transaction_date && rows[i].signed_shares)
            candidates.push_back(i);
    std::vector<std::vector<std::size_t>> groups;
    for_each_run(std::move(candidates), rows, compare_trade, [&](std::span<const std::size_t> same) {
        if (same.size() < 2) return;
        std::map<std::string_view, std::size_t> seen_in_filing;   // accession -> rows so far
        std::vector<std::vector<std::size_t>> by_occurrence;
        for (std::size_t i : same) {
            std::size_t k = seen_in_filing[rows[i].accession]++;
            if (k >= by_occurrence.size()) by_occurrence.resize(k + 1);
            by_occurrence[k].push_back(i);
        }
        for (auto& members : by_occurrence)
            if (members.size() > 1) groups.push_back(std::move(members));
    });
    // Group ids in the order of each group's first row (members are in input order).
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
    std::size_t next_id = 1;
    for (const auto& members : groups) {
        for (std::size_t i : members) {
            rows[i].duplicate_group = next_id;
            rows[i].counted = i == members.front();
        }
        ++next_id;
    }
    // Re-readings join their first reading's group, or make one with it.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!reread[i]) continue;
        row& first = rows[first_reading[i]];
        if (first.duplicate_group == 0) first.duplicate_group = next_id++;
        rows[i].duplicate_group = first.duplicate_group;
        rows[i].counted = false;
        if (rows[i].superseded_by.empty()) rows[i].superseded_by = first.superseded_by;
    }
}

}  // namespace

void link(std::vector<row>& rows) {
    for (auto& r : rows) {
        r.superseded_by.clear();
        r.duplicate_group = 0;
        r.counted = true;
    }
    mark_superseded(rows);
    group_duplicates(rows);
    for (auto& r : rows)
        if (!r.superseded_by.empty()) r.counted = false;
}

}  // namespace form4::activity
