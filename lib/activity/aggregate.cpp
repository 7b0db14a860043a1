// What many filings add up to: open-market buying and selling per issuer or
// owner and period, and cluster buys.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "util/exact_decimal.hpp"
#include "form4/activity.hpp"

namespace form4::activity {
namespace {

using boost::gregorian::days;

// total += amount, exactly while it fits 18 digits; beyond that rounded to
// 4, then 2, then 0 places (a sum past 10^14 with cents still fits).
void accumulate(decimal& total, decimal amount) {
    for (int places : {-1, 4, 2, 0}) {
        decimal a = places < 0 ? total : total.rounded(places), b = places < 0 ? amount : amount.rounded(places);
        if (auto sum = exact::add(a, b)) {
            total = *sum;
            return;
        }
    }
    throw std::overflow_error("activity: a sum does not fit 18 digits");
}

decimal difference(decimal a, decimal b) {
    decimal out = a;
    accumulate(out, exact::negate(b));
    return out;
}

std::vector<std::string> split(std::string_view joined) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find(';', start);
        if (end == std::string_view::npos) end = joined.size();
        parts.emplace_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::string joined(const std::set<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += ';';
        out += p;
    }
    return out;
}

bool counts_as_open_market(const row& r) {
    return r.counted && r.open_market && r.transaction_date && r.shares &&
           (r.class_ == trade_class::purchase || r.class_ == trade_class::sale);
}

std::pair<date, date> calendar_period_of(date day, calendar_period period) {
    int year = day.year(), month = day.month();
    int first_month = period == calendar_period::month ? month
                      : period == calendar_period::quarter ? (month - 1) / 3 * 3 + 1
                                                           : 1;
    int months = period == calendar_period::month ? 1 : period == calendar_period::quarter ? 3 : 12;
    date start(static_cast<unsigned short>(year), static_cast<unsigned short>(first_month), 1);
    date end = start + boost::gregorian::months(months) - days(1);
    return {start, end};
}

struct accumulator {
    std::string name;
    std::set<std::string> buyers, sellers, accessions;
    aggregate_row out;
};

}  // namespace

std::vector<aggregate_row> aggregate(std::span<const row> rows, const aggregate_options& options) {
    std::optional<date> as_of = options.as_of;
    if (options.window_days && !as_of)
        for (const row& r : rows)
            if (counts_as_open_market(r) && (!as_of || *r.transaction_date > *as_of)) as_of = r.transaction_date;

    std::map<std::tuple<std::string, date>, accumulator> groups;
    for (const row& r : rows) {
        if (!counts_as_open_market(r)) continue;
        date start, end;
        if (options.window_days) {
            end = *as_of;
            start = end - days(*options.window_days - 1);
            if (*r.transaction_date < start || *r.transaction_date > end) continue;
        } else {
            std::tie(start, end) = calendar_period_of(*r.transaction_date, options.period);
        }
        std::vector<std::string> owner_ciks = split(r.owner_ciks), owner_names = split(r.owner_names);
        // By owner, a joint filing's trade is each of its owners'.
        std::vector<std::pair<std::string, std::string>> keys;
        if (options.by == group_by::issuer) keys.emplace_back(r.issuer_cik, r.issuer_name);
        else
            for (std::size_t i = 0; i < owner_ciks.size(); ++i)
                keys.emplace_back(owner_ciks[i], i < owner_names.size() ? owner_names[i] : std::string());
        for (const auto& [key, name] : keys) {
            accumulator& g = groups[{key, start}];
            g.out.key = key;
            if (g.out.name.empty()) g.out.name = name;
            g.out.period_start = start;
            g.out.period_end = end;
            g.accessions.insert(r.accession);
            bool bought = r.class_ == trade_class::purchase;
            // By issuer every owner of the row buys or sells; by owner, the one the row is counted for.
            if (options.by == group_by::issuer)
                for (const auto& owner : owner_ciks) (bought ? g.buyers : g.sellers).insert(owner);
            else
                (bought ? g.buyers : g.sellers).insert(key);
            ++(bought ? g.out.purchases : g.out.sales);
            accumulate(bought ? g.out.shares_bought : g.out.shares_sold, *r.shares);
            if (r.value) accumulate(bought ? g.out.value_bought : g.out.value_sold, *r.value);
        }
    }
    std::vector<aggregate_row> out;
    out.reserve(groups.size());
    for (auto& [key, g] : groups) {
        g.out.buyers = g.buyers.size();
        g.out.sellers = g.sellers.size();
        g.out.net_shares = difference(g.out.shares_bought, g.out.shares_sold);
        g.out.net_value = difference(g.out.value_bought, g.out.value_sold);
        g.out.accessions = joined(g.accessions);
        out.push_back(std::move(g.out));
    }
    return out;
}

std::vector<cluster_row> clusters(std::span<const row> rows, const cluster_options& options) {
    std::map<std::string, std::vector<const row*>> by_issuer;
    for (const row& r : rows) {
        if (!counts_as_open_market(r) || r.class_ != trade_class::purchase) continue;
        if (options.exclude_10b5_1 && r.plan_10b5_1) continue;
        if (options.exclude_ten_percent_owners && r.ten_percent_owner) continue;
        by_issuer[r.issuer_cik].push_back(&r);
    }
    std::vector<cluster_row> out;
    for (auto& [issuer, purchases] : by_issuer) {
        std::stable_sort(purchases.begin(), purchases.end(),
                         [](const row* a, const row* b) { return *a->transaction_date < *b->transaction_date; });
        std::size_t i = 0;
        while (i < purchases.size()) {
            date first = *purchases[i]->transaction_date, last_allowed = first + days(options.window_days - 1);
            std::size_t end = i;
            while (end < purchases.size() && *purchases[end]->transaction_date <= last_allowed) ++end;
            // Each owner (a joint filing's owners together) and what they bought in the window.
            std::map<std::string, decimal> bought;
            for (std::size_t k = i; k < end; ++k) accumulate(bought[purchases[k]->owner_ciks], purchases[k]->value.value_or(decimal()));
            std::set<std::string> qualifying;
            for (const auto& [owner, value] : bought)
                if (value >= options.min_value) qualifying.insert(owner);
            if (qualifying.size() < std::max<std::size_t>(options.min_owners, 1)) {
                ++i;
                continue;
            }
            cluster_row c;
            c.issuer_cik = issuer;
            c.issuer_name = purchases[i]->issuer_name;
            bool any = false;
            std::set<std::string> owners, accessions;
            for (std::size_t k = i; k < end; ++k) {
                const row& r = *purchases[k];
                if (!qualifying.count(r.owner_ciks)) continue;
                for (const auto& cik : split(r.owner_ciks)) owners.insert(cik);
                accessions.insert(r.accession);
                if (!any) c.first_date = *r.transaction_date;   // sorted by date
                any = true;
                c.last_date = *r.transaction_date;
                accumulate(c.shares, *r.shares);
                if (r.value) accumulate(c.value, *r.value);
            }
            c.owners = qualifying.size();
            c.owner_ciks = joined(owners);
            c.accessions = joined(accessions);
            out.push_back(std::move(c));
            i = end;   // clusters do not overlap
        }
    }
    return out;
}

}  // namespace form4::activity
