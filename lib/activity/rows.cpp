// One filing -> its activity rows (Tables I and II, not holdings).
#include <algorithm>

#include "util/exact_decimal.hpp"
#include "activity/text_rules.hpp"
#include "form4/activity.hpp"
#include "form4/lint.hpp"
#include "form4/model/footnote_references.hpp"
#include "lint/plausibility.hpp"

namespace form4::activity {
namespace {

// Who filed: the same for every row of the filing.
struct owners_summary {
    std::string ciks, names, role, officer_title, officer_title_normalized;
    bool ten_percent_owner = false;
};

void append_joined(std::string& out, std::string_view part) {
    if (!out.empty()) out += ';';
    out += part;
}

owners_summary summarize_owners(const document& doc) {
    owners_summary s;
    bool director = false, officer = false, ten_percent = false, other = false;
    for (const auto& owner : doc.reporting_owners) {
        append_joined(s.ciks, owner.id.cik);
        append_joined(s.names, owner.id.name);
        const auto& r = owner.relationship;
        director |= r.is_director.value_or(false);
        officer |= r.is_officer.value_or(false);
        ten_percent |= r.is_ten_percent_owner.value_or(false);
        other |= r.is_other.value_or(false);
        if (s.officer_title.empty() && !r.officer_title.empty()) s.officer_title = r.officer_title;
    }
    if (director) append_joined(s.role, "director");
    if (officer) append_joined(s.role, "officer");
    if (ten_percent) append_joined(s.role, "ten_percent_owner");
    if (other) append_joined(s.role, "other");
    s.ten_percent_owner = ten_percent;
    s.officer_title_normalized = detail::normalize_officer_title(s.officer_title);
    return s;
}

// What the filing's footnotes and remarks say of Rule 10b5-1, in footnote
// order (filings have a few footnotes: looked up by a linear search).
struct plan_evidence {
    std::vector<std::optional<detail::plan_mention>> mentions;   // per footnote
    std::vector<bool> referenced;                                 // per footnote: some field cites it
    std::optional<detail::plan_mention> remarks;
    bool any = false;                                             // any mention at all

    std::size_t index_of(const document& doc, std::string_view id) const {
        for (std::size_t i = 0; i < doc.footnotes.size(); ++i)
            if (doc.footnotes[i].id == id) return i;
        return doc.footnotes.size();
    }
};

template <class Row, class Visit>
void for_each_footnote_id(const Row& row, Visit visit) {
    model::for_each_footnote_reference(row, [&](const std::string& id, const model::member_path&) { visit(id); });
}

plan_evidence gather_plan_evidence(const document& doc) {
    plan_evidence e;
    e.mentions.reserve(doc.footnotes.size());
    for (const auto& note : doc.footnotes) {
        e.mentions.push_back(detail::find_plan_10b5_1(note.text));
        e.any |= e.mentions.back().has_value();
    }
    if (!doc.remarks.empty()) e.remarks = detail::find_plan_10b5_1(doc.remarks);
    e.any |= e.remarks.has_value();
    if (!e.any) return e;   // nothing to attribute: which footnotes are cited does not matter
    e.referenced.assign(doc.footnotes.size(), false);
    auto mark = [&](const std::string& id) {
        std::size_t i = e.index_of(doc, id);
        if (i < e.referenced.size()) e.referenced[i] = true;
    };
    for (const auto& r : doc.non_derivative_transactions) for_each_footnote_id(r, mark);
    for (const auto& r : doc.derivative_transactions) for_each_footnote_id(r, mark);
    for (const auto& r : doc.non_derivative_holdings) for_each_footnote_id(r, mark);
    for (const auto& r : doc.derivative_holdings) for_each_footnote_id(r, mark);
    return e;
}

// The checkbox (X0508's aff10b5One), else a footnote on the row, else a
// footnote no row references, else the remarks. A footnote on another row
// says nothing about this one.
template <class Row>
void find_plan(const Row& source, const document& doc, const plan_evidence& evidence, row& out) {
    auto from_footnote = [&](std::size_t i, std::string_view where) {
        if (i >= evidence.mentions.size() || !evidence.mentions[i]) return false;
        out.plan_10b5_1 = true;
        out.plan_10b5_1_source = where;
        out.plan_10b5_1_footnote = doc.footnotes[i].id;
        out.plan_adoption_date = evidence.mentions[i]->adopted;
        return true;
    };
    bool found = false;
    if (evidence.any) {
        for_each_footnote_id(source, [&](const std::string& id) {
            found = found || from_footnote(evidence.index_of(doc, id), "footnote");
        });
        for (std::size_t i = 0; i < evidence.referenced.size() && !found; ++i)
            if (!evidence.referenced[i]) found = from_footnote(i, "filing_footnote");
    }
    if (!found && evidence.remarks) {
        out.plan_10b5_1 = true;
        out.plan_10b5_1_source = "remarks";
        out.plan_adoption_date = evidence.remarks->adopted;
        found = true;
    }
    if (doc.aff10b5_one) {
        // The box rules; a footnote found above still gives its id and adoption date.
        out.plan_10b5_1 = *doc.aff10b5_one;
        if (*doc.aff10b5_one || !found) out.plan_10b5_1_source = "checkbox";
        if (!*doc.aff10b5_one) {
            out.plan_10b5_1_footnote.clear();
            out.plan_adoption_date.reset();
        }
    }
}

// Business days filed past the second business day after execution; only
// for what a Form 4 must report within two days.
template <class Row>
std::optional<int> business_days_late(const Row& source, const document& doc, std::optional<date> filed) {
    if (doc.type.value != document_type::form4 || !filed) return std::nullopt;
    if (source.coding && !source.coding->form_type.text.empty() && source.coding->form_type.value != form_type::form4)
        return std::nullopt;
    std::optional<date> executed = source.deemed_execution_date.value ? source.deemed_execution_date.value
                                                                       : source.transaction_date.value;
    if (!executed) return std::nullopt;
    date deadline = add_business_days(*executed, 2);
    int late = 0;
    for (date day = deadline + boost::gregorian::days(1); day <= *filed; day += boost::gregorian::days(1))
        if (is_business_day(day)) ++late;
    return late;
}

std::string table_field(bool derivative, std::size_t index) {
    return std::string(derivative ? "derivative_transactions[" : "non_derivative_transactions[") +
           std::to_string(index) + "]";
}

// The lint codes of the findings on one row's fields, ";"-joined, once each.
class row_warnings {
public:
    explicit row_warnings(std::vector<lint_finding> findings) : findings_(std::move(findings)) {}
    std::string of(bool derivative, std::size_t index) const {
        std::string prefix = table_field(derivative, index);
        std::string codes;
        for (const auto& f : findings_) {
            if (f.level == severity::note || !is_plausibility_rule(f.code)) continue;
            if (f.field.compare(0, prefix.size(), prefix) != 0 || f.field.size() <= prefix.size() ||
                f.field[prefix.size()] != '.')
                continue;
            if (codes.find(f.code) == std::string::npos) append_joined(codes, f.code);
        }
        return codes;
    }

private:
    // The lint rules whose failure makes a row's figures doubtful.
    static bool is_plausibility_rule(std::string_view code) {
        static constexpr std::string_view rules[] = {
            "lint.code-direction",        "lint.holdings-chain",           "lint.shares-missing",
            "lint.code-unknown",          "lint.transaction-after-signature", "lint.price-looks-like-total",
            "lint.acquired-exceeds-owned", "lint.transaction-after-filing"};
        return std::find(std::begin(rules), std::end(rules), code) != std::end(rules);
    }
    std::vector<lint_finding> findings_;
};

template <class Row>
row make_row(const Row& source, bool derivative, std::size_t index, const document& doc, const row& filing,
             const plan_evidence& evidence, std::optional<date> filed, const row_warnings& warnings) {
    row out = filing;
    out.table = derivative ? "II" : "I";
    out.row_index = index;
    out.security_title = source.security_title.value.value_or("");
    out.transaction_date = source.transaction_date.value;
    out.deemed_execution_date = source.deemed_execution_date.value;
    transaction_code code = source.coding ? source.coding->code.value : transaction_code::unknown;
    out.code = source.coding ? source.coding->code.text : std::string();
    out.code_description = code_description(code);
    out.class_ = classify(code);
    out.open_market = code == transaction_code::P || code == transaction_code::S;
    if (source.acquired_disposed.value) out.acquired_disposed = source.acquired_disposed.value->text;
    out.shares = source.shares.value;
    out.price = source.price_per_share.value;
    if (out.shares && source.acquired_disposed.value) {
        auto direction = source.acquired_disposed.value->value;
        if (direction == acquired_disposed::acquired) out.signed_shares = *out.shares;
        else if (direction == acquired_disposed::disposed) out.signed_shares = exact::negate(*out.shares);
    }
    if (out.shares && out.price) out.value = exact::multiply(*out.shares, *out.price);
    if constexpr (std::is_same_v<Row, derivative_transaction>)
        if (!out.value && !out.shares) out.value = source.total_value.value;
    out.shares_owned_after = source.post_transaction.shares_owned.value;
    if (out.shares_owned_after && out.signed_shares)
        out.shares_owned_before = exact::subtract(*out.shares_owned_after, *out.signed_shares);
    if (out.shares_owned_before && out.signed_shares && out.shares_owned_before->mantissa() != 0)
        out.change_percent = exact::percent(*out.signed_shares, *out.shares_owned_before, 2);
    if (source.ownership.direct_or_indirect.value) out.direct_or_indirect = source.ownership.direct_or_indirect.value->text;
    find_plan(source, doc, evidence, out);
    out.business_days_late = business_days_late(source, doc, filed);
    out.warnings = warnings.of(derivative, index);
    return out;
}

}  // namespace

std::vector<row> rows_of(const document& doc, const row_options& options) {
    std::vector<row> rows;
    if (doc.non_derivative_transactions.empty() && doc.derivative_transactions.empty()) return rows;
    std::optional<date> filed = options.filing_date ? options.filing_date : doc.filing.filing_date;
    row filing;   // what every row of the filing shares
    filing.accession = doc.filing.accession_number.empty() ? options.accession_fallback : doc.filing.accession_number;
    filing.filing_date = doc.filing.filing_date;
    filing.acceptance_datetime = doc.filing.acceptance_datetime;
    filing.document_type = doc.type.text.empty() ? std::string(to_string(doc.type.value)) : doc.type.text;
    filing.date_of_original_submission = doc.date_of_original_submission;
    filing.issuer_cik = doc.issuer.cik;
    filing.issuer_name = doc.issuer.name;
    filing.issuer_symbol = doc.issuer.trading_symbol;
    owners_summary owners = summarize_owners(doc);
    filing.owner_ciks = std::move(owners.ciks);
    filing.owner_names = std::move(owners.names);
    filing.role = std::move(owners.role);
    filing.ten_percent_owner = owners.ten_percent_owner;
    filing.officer_title = std::move(owners.officer_title);
    filing.officer_title_normalized = std::move(owners.officer_title_normalized);
    plan_evidence evidence = gather_plan_evidence(doc);
    lint_options lint_opts;
    lint_opts.filing_date = filed;
    row_warnings warnings(form4::detail::lint_transaction_rows(doc, lint_opts));
    rows.reserve(doc.non_derivative_transactions.size() + doc.derivative_transactions.size());
    for (std::size_t i = 0; i < doc.non_derivative_transactions.size(); ++i)
        rows.push_back(make_row(doc.non_derivative_transactions[i], false, i, doc, filing, evidence, filed, warnings));
    for (std::size_t i = 0; i < doc.derivative_transactions.size(); ++i)
        rows.push_back(make_row(doc.derivative_transactions[i], true, i, doc, filing, evidence, filed, warnings));
    return rows;
}

}  // namespace form4::activity
