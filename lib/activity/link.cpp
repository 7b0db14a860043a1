// Across filings: amendments supersede what they restate; one trade reported
// in several filings is grouped so that it counts once.
#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <tuple>

#include "form4/activity.hpp"

namespace form4::activity {
namespace {

bool is_amendment(const row& r) { return r.document_type.size() > 2 && r.document_type.ends_with("/A"); }

std::string folded(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

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

// What an amendment restates: same owner(s), security, date and code.
using restated_key = std::tuple<std::string, std::string, std::string, std::string, std::string, date>;

std::optional<restated_key> restated_key_of(const row& r) {
    if (!r.transaction_date) return std::nullopt;
    return restated_key{r.issuer_cik, r.owner_ciks, r.table, folded(r.security_title), r.code, *r.transaction_date};
}

// When (order) a row's filing came: acceptance, then filing date; undated last.
bool filed_earlier(const row& a, const row& b) {
    auto when = [](const row& r) {
        return std::tuple(!r.acceptance_datetime && !r.filing_date, r.filing_date.value_or(date(boost::gregorian::min_date_time)),
                          r.acceptance_datetime.value_or(date_time(boost::posix_time::min_date_time)));
    };
    return when(a) < when(b);
}

void mark_superseded(std::vector<row>& rows) {
    std::map<restated_key, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (auto key = restated_key_of(rows[i])) by_key[*key].push_back(i);
    // Amendments in filing order: a later one supersedes an earlier one's rows too.
    std::vector<std::size_t> amendments;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (is_amendment(rows[i]) && rows[i].transaction_date) amendments.push_back(i);
    std::stable_sort(amendments.begin(), amendments.end(),
                     [&](std::size_t a, std::size_t b) { return filed_earlier(rows[a], rows[b]); });
    for (std::size_t a : amendments) {
        const row& amendment = rows[a];
        for (std::size_t o : by_key[*restated_key_of(amendment)]) {
            row& original = rows[o];
            if (original.accession == amendment.accession || !filed_before(original, amendment)) continue;
            original.superseded_by = amendment.accession;
        }
    }
}

// The same trade: issuer, table, security, date, code, signed shares, price.
using trade_key = std::tuple<std::string, std::string, std::string, date, std::string, decimal, decimal, bool>;

std::optional<trade_key> trade_key_of(const row& r) {
    if (!r.transaction_date || !r.signed_shares) return std::nullopt;
    // Value comparison of decimals: normalized, so 10.50 and 10.5 are one key.
    return trade_key{r.issuer_cik, r.table, folded(r.security_title), *r.transaction_date, r.code,
                     r.signed_shares->normalized(), r.price.value_or(decimal()).normalized(), r.price.has_value()};
}

void group_duplicates(std::vector<row>& rows) {
    // One filing read twice (its XML and its submission, say): the same
    // accession's same row is grouped with its first reading.
    std::map<std::tuple<std::string, std::string, std::size_t>, std::size_t> first_reading;
    std::vector<bool> reread(rows.size(), false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].accession.empty()) continue;
        auto [it, first] = first_reading.try_emplace({rows[i].accession, rows[i].table, rows[i].row_index}, i);
        if (!first) reread[i] = true;
    }
    // The k-th row with a key in one filing pairs with the k-th in another:
    // two equal rows in one filing are two trades.
    std::map<std::pair<trade_key, std::size_t>, std::vector<std::size_t>> groups;
    std::map<std::pair<trade_key, std::string>, std::size_t> seen_in_filing;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].superseded_by.empty() || reread[i]) continue;
        auto key = trade_key_of(rows[i]);
        if (!key) continue;
        std::size_t occurrence = seen_in_filing[{*key, rows[i].accession}]++;
        groups[{*key, occurrence}].push_back(i);
    }
    // Group ids in the order of each group's first row.
    std::vector<std::vector<std::size_t>*> ordered;
    for (auto& [key, members] : groups)
        if (members.size() > 1) ordered.push_back(&members);
    std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->front() < b->front(); });
    std::size_t next_id = 1;
    for (auto* members : ordered) {
        for (std::size_t i : *members) {
            rows[i].duplicate_group = next_id;
            rows[i].counted = i == members->front();
        }
        ++next_id;
    }
    // Re-readings join their first reading's group, or make one with it.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!reread[i]) continue;
        row& first = rows[first_reading[{rows[i].accession, rows[i].table, rows[i].row_index}]];
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
