#include "form4/lint.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "form4/model/footnote_references.hpp"
#include "lint/plausibility.hpp"
#include "util/ascii.hpp"
#include "util/exact_decimal.hpp"

namespace form4 {
namespace {

constexpr std::string_view spec = "EDGAR Ownership XML Technical Specification v5.5";

std::string ref(std::string_view what) { return std::string(spec) + " " + std::string(what); }

std::string iso(date d) { return boost::gregorian::to_iso_extended_string(d); }

std::string row_field(std::string_view table, std::size_t index, std::string_view field) {
    return std::string(table) + "[" + std::to_string(index) + "]" + (field.empty() ? "" : ".") + std::string(field);
}


// The last shares owned seen for one security and ownership, and its row.
struct balance {
    decimal owned;
    std::size_t row;
};

class checker {
public:
    checker(const document& doc, const lint_options& options) : doc_(doc), options_(options) {}

    std::vector<lint_finding> run() {
        check_relationships();
        check_transactions();
        check_holdings();
        check_dates();
        check_footnotes();
        check_signatures();
        detail::check_plausibility(doc_, options_.filing_date ? options_.filing_date : doc_.filing.filing_date, findings_);
        if (options_.positions)
            for (auto& finding : findings_) {
                if (finding.field.empty()) continue;
                if (auto where = options_.positions->find(finding.field)) {
                    finding.line = where->line;
                    finding.column = where->column;
                }
            }
        return std::move(findings_);
    }

    // Only the rules on transaction rows, for callers that look at rows (activity).
    std::vector<lint_finding> run_transaction_rules() {
        check_transactions();
        check_dates();
        detail::check_plausibility(doc_, options_.filing_date ? options_.filing_date : doc_.filing.filing_date, findings_);
        return std::move(findings_);
    }

private:
    bool is_form3() const {
        return doc_.type.value == document_type::form3 || doc_.type.value == document_type::form3_amendment;
    }

    void add(severity level, std::string code, std::string field, std::string message, std::string reference) {
        // The position, when known, is filled in at the end (run).
        findings_.push_back({level, std::move(code), std::move(field), std::move(message), std::move(reference), 0, 0});
    }

    void check_relationships() {
        std::set<std::string> ciks;
        for (std::size_t i = 0; i < doc_.reporting_owners.size(); ++i) {
            const auto& owner = doc_.reporting_owners[i];
            const auto& r = owner.relationship;
            std::string field = row_field("reporting_owners", i, "relationship");
            if (!r.is_director.value_or(false) && !r.is_officer.value_or(false) &&
                !r.is_ten_percent_owner.value_or(false) && !r.is_other.value_or(false))
                add(severity::error, "lint.relationship-none", field,
                    "no relationship box is checked (director, officer, 10% owner or other)", ref("§3.3 cm(1)"));
            if (r.is_officer.value_or(false) && r.officer_title.empty())
                add(severity::warning, "lint.officer-title-missing", field + ".officer_title",
                    "officer is checked but no officer title is given", ref("§3.3 cm(2)"));
            if (r.is_other.value_or(false) && r.other_text.empty())
                add(severity::warning, "lint.other-text-missing", field + ".other_text",
                    "other is checked but no description is given", ref("§3.3 cm(3)"));
            if (!owner.id.cik.empty() && !ciks.insert(owner.id.cik).second)
                add(severity::error, "lint.duplicate-owner", row_field("reporting_owners", i, "id.cik"),
                    "reporting owner CIK " + owner.id.cik + " appears twice", ref("§5 (duplicate reporting owner CIK)"));
        }
    }

    // The direction a code fixes, by table; nullopt where either is possible.
    static std::optional<acquired_disposed> expected_direction(transaction_code code, bool derivative) {
        using tc = transaction_code;
        switch (code) {
            case tc::P: case tc::A: case tc::L: return acquired_disposed::acquired;
            case tc::S: case tc::D: case tc::F: case tc::U: return acquired_disposed::disposed;
            // An exercise or conversion acquires the underlying (Table I) and
            // disposes of the derivative (Table II).
            case tc::M: case tc::X: case tc::O: case tc::C:
                return derivative ? acquired_disposed::disposed : acquired_disposed::acquired;
            case tc::E: case tc::H: return derivative ? std::optional(acquired_disposed::disposed) : std::nullopt;
            default: return std::nullopt;
        }
    }

    template <class Row>
    void check_coding(const Row& row, const std::string& field, bool derivative) {
        if (!row.coding) {
            add(severity::error, "lint.coding-missing", field + ".coding", "a transaction has no transaction code",
                ref("§4.3.8.2"));
            return;
        }
        const auto& coding = *row.coding;
        if (!coding.code.known())
            add(severity::error, "lint.code-unknown", field + ".coding.code",
                "'" + coding.code.text + "' is not a transaction code", ref("§3.6.10 (TransCodeList); Form 4 General Instruction 8"));
        auto type = doc_.type.value;
        bool form4_or_5 = type == document_type::form4 || type == document_type::form4_amendment ||
                          type == document_type::form5 || type == document_type::form5_amendment;
        // The text form does not show the form type; only a given one is checked.
        if (form4_or_5 && !coding.form_type.text.empty() && coding.form_type.value != form_type::form4 &&
            coding.form_type.value != form_type::form5)
            add(severity::error, "lint.form-type-invalid", field + ".coding.form_type",
                "transaction form type '" + coding.form_type.text + "' must be 4 or 5", ref("§4.3.8.2, §4.3.8.3"));
        if ((type == document_type::form4) && coding.form_type.value == form_type::form5 &&
            row.timeliness.value && row.timeliness.value->value == timeliness::late)
            add(severity::warning, "lint.timeliness-invalid", field + ".timeliness",
                "a form 5 transaction on a Form 4 is early by definition; 'L' is not allowed", ref("§4.3.8.2"));
        if (!row.acquired_disposed.value) return;
        auto expected = expected_direction(coding.code.value, derivative);
        if (expected && row.acquired_disposed.value->value != *expected)
            add(severity::warning, "lint.code-direction", field + ".acquired_disposed",
                "code " + coding.code.text + " in Table " + (derivative ? "II" : "I") + " should be " +
                    (*expected == acquired_disposed::acquired ? "(A) acquired" : "(D) disposed") + ", but it is (" +
                    row.acquired_disposed.value->text + ")",
                "Form 4 General Instruction 8 (transaction codes); Table " + std::string(derivative ? "II column 5" : "I column 4"));
    }

    template <class Row>
    void check_post_and_nature(const Row& row, const std::string& field, bool amounts_required = true) {
        const auto& post = row.post_transaction;
        bool shares = post.shares_owned.has_value(), value = post.value_owned.has_value();
        if (amounts_required && shares == value && post.shares_owned.footnote_ids.empty() && post.value_owned.footnote_ids.empty())
            add(severity::error, "lint.post-amount", field + ".post_transaction",
                shares ? "both shares and value owned following the transaction are given"
                       : "neither shares nor value owned following the transaction is given",
                ref("§3.3 cm(7)"));
        const auto& nature = row.ownership;
        if (nature.direct_or_indirect.value) {
            auto form = nature.direct_or_indirect.value->value;
            if (form == ownership_form::direct && nature.nature.has_value())
                add(severity::warning, "lint.nature-with-direct", field + ".ownership.nature",
                    "a nature of ownership is given for direct ownership", ref("§3.3 cm(5)"));
            if (form == ownership_form::indirect && !nature.nature.has_value() && nature.nature.footnote_ids.empty())
                add(severity::error, "lint.nature-missing", field + ".ownership.nature",
                    "indirect ownership without its nature", ref("§3.3 cm(5)"));
        } else {
            add(severity::error, "lint.ownership-form-missing", field + ".ownership.direct_or_indirect",
                "ownership form (D or I) is missing", "Form 4 Table I column 6 / Table II column 10");
        }
    }

    template <class Row>
    void check_value_or_footnote(const footnoted<Row>& value, const std::string& field, std::string_view what) {
        if (value.empty())
            add(severity::error, "lint.value-or-footnote", field, std::string(what) + " has neither a value nor a footnote",
                ref("§3.3 cm(8)"));
    }

    template <class Row>
    void check_derivative_columns(const Row& row, const std::string& field) {
        check_value_or_footnote(row.conversion_or_exercise_price, field + ".conversion_or_exercise_price",
                                "the conversion or exercise price");
        check_value_or_footnote(row.exercise_date, field + ".exercise_date", "the date exercisable");
        check_value_or_footnote(row.expiration_date, field + ".expiration_date", "the expiration date");
        const auto& u = row.underlying;
        if (u.shares.has_value() == u.value.has_value() && u.shares.footnote_ids.empty() && u.value.footnote_ids.empty())
            add(severity::error, "lint.underlying-amount", field + ".underlying",
                u.shares.has_value() ? "both shares and value of the underlying security are given"
                                     : "neither shares nor value of the underlying security is given",
                ref("§3.3 cm(6)"));
        if (row.exercise_date.value && row.expiration_date.value &&
            *row.exercise_date.value > *row.expiration_date.value)
            add(severity::error, "lint.exercise-after-expiration", field + ".exercise_date",
                "exercisable " + iso(*row.exercise_date.value) + " after it expires " +
                    iso(*row.expiration_date.value),
                "Form 4 Table II column 6");
    }

    void check_transactions() {
        if (is_form3() && (!doc_.non_derivative_transactions.empty() || !doc_.derivative_transactions.empty()))
            add(severity::error, "lint.transactions-on-form3", "", "a Form 3 reports holdings, not transactions",
                ref("§4.3.8.1"));

        // Running balance per security and ownership: shares owned after each
        // row must follow from the row before it.
        std::map<std::string, balance> balances;
        for (std::size_t i = 0; i < doc_.non_derivative_transactions.size(); ++i) {
            const auto& row = doc_.non_derivative_transactions[i];
            std::string field = row_field("non_derivative_transactions", i, "");
            check_coding(row, field, false);
            check_post_and_nature(row, field);
            if (!row.shares.value && row.shares.footnote_ids.empty())
                add(severity::error, "lint.shares-missing", field + ".shares", "a transaction without its amount",
                    ref("§3.4 (NONDERIV_TRANSACT_AMOUNTS)"));
            check_value_or_footnote(row.price_per_share, field + ".price_per_share", "the price");
            check_balance(balances, row, i, field);
        }
        for (std::size_t i = 0; i < doc_.derivative_transactions.size(); ++i) {
            const auto& row = doc_.derivative_transactions[i];
            std::string field = row_field("derivative_transactions", i, "");
            check_coding(row, field, true);
            check_post_and_nature(row, field);
            check_derivative_columns(row, field);
            if (row.shares.has_value() == row.total_value.has_value())
                add(severity::error, "lint.shares-missing", field + ".shares",
                    row.shares.has_value() ? "both a number of derivatives and a total value are given"
                                           : "neither a number of derivatives nor a total value is given",
                    ref("§3.3 cm(4)"));
            check_underlying_ratio(row, field);
        }
    }

    static bool one_for_one_title(std::string_view title) {
        return util::contains_ignoring_case(title, "option") || util::contains_ignoring_case(title, "restricted stock unit") ||
               util::contains_ignoring_case(title, "RSU") || util::contains_ignoring_case(title, "stock appreciation right");
    }

    void check_underlying_ratio(const derivative_transaction& row, const std::string& field) {
        if (!row.shares.value || !row.underlying.shares.value || !row.security_title.value) return;
        if (!one_for_one_title(*row.security_title.value) || !row.shares.footnote_ids.empty() ||
            !row.underlying.shares.footnote_ids.empty())
            return;
        if (*row.shares.value != *row.underlying.shares.value)
            add(severity::note, "lint.underlying-ratio", field + ".underlying.shares",
                "an " + *row.security_title.value + " usually covers one share each, but " +
                    row.shares.value->to_string() + " of them cover " + row.underlying.shares.value->to_string(),
                "Form 4 Table II columns 5 and 7");
    }

    void check_balance(std::map<std::string, balance>& balances, const non_derivative_transaction& row, std::size_t index,
                       const std::string& field) {
        if (!row.security_title.value || !row.shares.value || !row.acquired_disposed.value ||
            !row.post_transaction.shares_owned.value || !row.ownership.direct_or_indirect.value)
            return;
        // Indirect holders are told apart by the nature and its footnotes ("See footnote 3").
        std::string key = *row.security_title.value + "\x1f" + row.ownership.direct_or_indirect.value->text + "\x1f" +
                          row.ownership.nature.value.value_or("");
        for (const auto& id : row.ownership.nature.footnote_ids) key += "\x1f" + id;
        const decimal owned = *row.post_transaction.shares_owned.value;
        auto previous = balances.find(key);
        if (previous != balances.end()) {
            const decimal before = previous->second.owned;
            const decimal amount = *row.shares.value;
            bool acquired = row.acquired_disposed.value->value == acquired_disposed::acquired;
            // before +/- amount, exactly: align scales in 128 bits.
            auto expected = acquired ? exact::add(before, amount) : exact::subtract(before, amount);
            if (expected && *expected != owned)
                add(severity::warning, "lint.holdings-chain", field + ".post_transaction.shares_owned",
                    "after row " + std::to_string(previous->second.row) + " left " + before.to_string() + ", " +
                        (acquired ? "acquiring " : "disposing of ") + amount.to_string() + " should leave " +
                        expected->to_string() + ", not " + owned.to_string(),
                    "Form 4 Table I column 5");
        }
        balances[key] = {owned, index};
    }

    void check_holdings() {
        for (std::size_t i = 0; i < doc_.non_derivative_holdings.size(); ++i)
            check_post_and_nature(doc_.non_derivative_holdings[i], row_field("non_derivative_holdings", i, ""));
        for (std::size_t i = 0; i < doc_.derivative_holdings.size(); ++i) {
            std::string field = row_field("derivative_holdings", i, "");
            // Form 3's derivative holdings have no postTransactionAmounts (ownership3Document.xsd).
            check_post_and_nature(doc_.derivative_holdings[i], field, !is_form3());
            check_derivative_columns(doc_.derivative_holdings[i], field);
        }
    }

    template <class Visit>
    void for_each_transaction_date(Visit visit) const {
        for (std::size_t i = 0; i < doc_.non_derivative_transactions.size(); ++i)
            visit(doc_.non_derivative_transactions[i], row_field("non_derivative_transactions", i, ""));
        for (std::size_t i = 0; i < doc_.derivative_transactions.size(); ++i)
            visit(doc_.derivative_transactions[i], row_field("derivative_transactions", i, ""));
    }

    void check_dates() {
        bool form4 = doc_.type.value == document_type::form4 || doc_.type.value == document_type::form4_amendment;
        std::optional<date> earliest, latest_signature;
        for (const auto& s : doc_.signatures)
            if (s.date && (!latest_signature || *s.date > *latest_signature)) latest_signature = s.date;
        std::optional<date> filing_date = options_.filing_date ? options_.filing_date : doc_.filing.filing_date;

        for_each_transaction_date([&](const auto& row, const std::string& field) {
            if (!row.transaction_date.value) return;
            date when = *row.transaction_date.value;
            bool reported_on_4 = row.coding && row.coding->form_type.value == form_type::form4;
            if (reported_on_4 && (!earliest || when < *earliest)) earliest = when;
            if (latest_signature && when > *latest_signature)
                add(severity::error, "lint.transaction-after-signature", field + ".transaction_date",
                    "transaction on " + iso(when) + " is after the signature date " + iso(*latest_signature),
                    "Form 4 General Instruction 7 (signature)");
            if (form4 && reported_on_4 && filing_date && doc_.type.value == document_type::form4) {
                date executed = row.deemed_execution_date.value ? *row.deemed_execution_date.value : when;
                date deadline = add_business_days(executed, 2);
                if (*filing_date > deadline)
                    add(severity::warning, "lint.late-filing", field + ".transaction_date",
                        "executed " + iso(executed) + ", due by " + iso(deadline) + ", filed " + iso(*filing_date),
                        "Securities Exchange Act §16(a)(2)(C): before the end of the second business day");
            }
        });
        if (form4 && earliest && doc_.period_of_report && *doc_.period_of_report != *earliest)
            add(severity::warning, "lint.period-of-report", "period_of_report",
                "period of report " + iso(*doc_.period_of_report) + " is not the earliest transaction date " +
                    iso(*earliest),
                "Form 4 item 3 (Date of Earliest Transaction)");
    }

    void check_footnotes() {
        std::map<std::string, std::string> referenced;   // id -> the first field citing it
        model::for_each_footnote_reference(doc_, [&](const std::string& id, const model::member_path& at) {
            if (auto [entry, first] = referenced.try_emplace(id); first) entry->second = at.str();
        });
        std::set<std::string> defined;
        for (std::size_t i = 0; i < doc_.footnotes.size(); ++i) {
            const auto& note = doc_.footnotes[i];
            std::string field = row_field("footnotes", i, "");
            if (!defined.insert(note.id).second)
                add(severity::error, "lint.footnote-duplicate", field, "footnote " + note.id + " is defined twice",
                    ref("§5 (duplicate footnote ID)"));
            if (!referenced.count(note.id))
                add(severity::warning, "lint.footnote-unreferenced", field,
                    "footnote " + note.id + " is never referenced", ref("§5 (footnote never referenced)"));
        }
        // Remarks may cite footnotes in prose; only structured references count here.
        for (const auto& [id, field] : referenced)
            if (!defined.count(id))
                add(severity::error, "lint.footnote-undefined", field,
                    "footnote " + id + " is referenced but not defined", ref("§3.2 (ID, IDREF)"));
    }

    void check_signatures() {
        if (doc_.signatures.empty())
            add(severity::error, "lint.signature-missing", "signatures", "the filing is not signed",
                "Form 4 General Instruction 7 (signature)");
        for (std::size_t i = 0; i < doc_.signatures.size(); ++i) {
            const auto& s = doc_.signatures[i];
            std::string field = row_field("signatures", i, "");
            if (s.name.empty())
                add(severity::error, "lint.signature-missing", field + ".name", "a signature has no name",
                    "Form 4 General Instruction 7 (signature)");
            if (!s.date)
                add(severity::error, "lint.signature-date-missing", field + ".date", "a signature has no date",
                    "Form 4 General Instruction 7 (signature)");
        }
    }

    const document& doc_;
    const lint_options& options_;
    std::vector<lint_finding> findings_;
};

}  // namespace

std::vector<lint_finding> lint(const document& doc, const lint_options& options) {
    return checker(doc, options).run();
}

std::vector<lint_finding> lint(const parse_result& result, lint_options options) {
    if (!result.doc) return {};
    if (!options.positions) options.positions = &result.positions;
    return lint(*result.doc, options);
}

std::vector<lint_finding> detail::lint_transaction_rows(const document& doc, const lint_options& options) {
    return checker(doc, options).run_transaction_rules();
}

}  // namespace form4
