// render_current_text: a document drawn as the text of a page of the SEC's
// current stylesheets (4_X09, 5_X09, 3_X07): one line per table row, a tab
// between cells, items in the page's order, the Reporting Owners table, the
// 10b5-1 box and the country line; what the HTML front end makes of such a
// page, and close to a browser's copy of it. Two things differ from the copy,
// so that nothing is lost on the way back: a box is drawn "[X]" or "[ ]" (as
// lynx draws it; a copy shows no tick), and a footnote mark is "⁽¹⁾" (a copy's
// "(1)" cannot be told from a value ending in "(1)").
#include <string>
#include <string_view>
#include <vector>

#include "form4/render.hpp"
#include "render_cells.hpp"

namespace form4 {
namespace {

using namespace render_cells;

std::string box(bool ticked) { return ticked ? "[X]" : "[ ]"; }
std::string underscored(bool ticked, bool wide) {
    if (wide) return ticked ? "__X__ " : "_____ ";
    return ticked ? "_X_ " : "___ ";
}

class current_renderer {
public:
    explicit current_renderer(const document& doc) : doc_(doc), form_(form_number(doc)) {}

    std::string run() {
        heading();
        header_items();
        table_one();
        table_two();
        owners_table();
        closing();
        return std::move(out_);
    }

private:
    void line(std::string_view text) {
        out_ += text;
        out_ += '\n';
    }
    void cells(const std::vector<std::string>& values) { out_ += join_cells(values); }
    bool form3() const { return form_ == "3"; }
    bool form5() const { return form_ == "5"; }

    void heading() {
        line("FORM " + form_);
        if (!form3()) {
            line(box(doc_.not_subject_to_section16.value_or(false)) +
                 "\tCheck this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. "
                 "See Instruction 1(b).");
            if (form5()) {
                line(box(doc_.form3_holdings_reported.value_or(false)) + "\tForm 3 Holdings Reported");
                line(box(doc_.form4_transactions_reported.value_or(false)) + "\tForm 4 Transactions Reported");
            }
            // Drawn empty for a filing without the answer, as the stylesheets draw it.
            line(box(doc_.aff10b5_one.value_or(false)) +
                 "\tCheck this box to indicate that a transaction was made pursuant to a contract, instruction or "
                 "written plan that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). "
                 "See Instruction 10.");
        }
        line("\tUNITED STATES SECURITIES AND EXCHANGE COMMISSION");
        line("Washington, D.C. 20549");
        line(form3()   ? "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES"
             : form5() ? "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES"
                       : "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES");
        line("Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the "
             "Investment Company Act of 1940\t");
        line("OMB APPROVAL");
        line(std::string("\tOMB Number:\t") + (form3() ? "3235-0104" : form5() ? "3235-0362" : "3235-0287"));
        line(std::string("\tEstimated average burden hours per response...\t") + (form5() ? "1.0" : "0.5"));
        line("(Print or Type Responses)");
    }

    void header_items() {
        reporting_owner first;
        if (!doc_.reporting_owners.empty()) first = doc_.reporting_owners.front();
        // Form 3 numbers its items otherwise: 2 the event, 3 the issuer, 4 the relationship, 5 the amendment.
        std::string issuer_item = form3() ? "3" : "2", relationship_item = form3() ? "4" : "5";
        std::string period_item = form3() ? "2" : "3", amendment_item = form3() ? "5" : "4";
        line("1. Name and Address of Reporting Person *");
        line(one_line(first.id.name));
        line(issuer_item + ". Issuer Name and Ticker or Trading Symbol");
        line(one_line(doc_.issuer.name) + " [" + one_line(doc_.issuer.trading_symbol) + "]");
        line("\t" + relationship_item + ". Relationship of Reporting Person(s) to Issuer");
        line("(Check all applicable)");
        const relationship& r = first.relationship;
        line(underscored(r.is_director.value_or(false), true) + "Director\t" +
             underscored(r.is_ten_percent_owner.value_or(false), true) + "10% Owner");
        line(underscored(r.is_officer.value_or(false), true) + "Officer (give title below)\t" +
             underscored(r.is_other.value_or(false), true) + "Other (specify below)");
        if (!r.officer_title.empty() || !r.other_text.empty()) {
            std::string titles = one_line(r.officer_title);
            if (!r.other_text.empty()) titles += (titles.empty() ? "" : " ") + one_line(r.other_text);
            line(titles);
        }
        line("(Last)\t(First)\t(Middle)");
        const address& a = first.address;
        if (!a.street1.empty()) line(one_line(a.street1));
        std::string period_label = form3()   ? ". Date of Event Requiring Statement (Month/Day/Year)"
                                   : form5() ? ". Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"
                                             : ". Date of Earliest Transaction (Month/Day/Year)";
        line(one_line(a.street2) + "\t" + period_item + period_label);
        if (doc_.period_of_report) line(mm_dd_yyyy(*doc_.period_of_report));
        line("(Street)");
        bool non_us = a.non_us_address.value_or(false);
        cells({one_line(a.city), one_line(non_us ? a.non_us_state_territory : a.state), one_line(a.zip_code)});
        line("\t" + amendment_item + ". If Amendment, Date Original Filed (Month/Day/Year)");
        if (doc_.date_of_original_submission) line(mm_dd_yyyy(*doc_.date_of_original_submission));
        bool joint = doc_.reporting_owners.size() > 1;
        line(std::string("\t6. Individual or Joint/Group ") + (form5() ? "Reporting" : "Filing") +
             " (Check Applicable Line)");
        line(underscored(!joint, false) + "Form filed by One Reporting Person");
        line(underscored(joint, false) + "Form filed by More than One Reporting Person");
        line("(City)\t(State)\t(Zip/Postal Code)");
        line(non_us ? one_line(a.country) : "UNITED STATES");
    }

    void table_one() {
        line(form3() ? "\tTable I - Non-Derivative Securities Beneficially Owned"
                     : "\tTable I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned");
        line("(Country)");
        if (form3()) {
            cells({"1.Title of Security (Instr. 4)", "2. Amount of Securities Beneficially Owned (Instr. 4)",
                   "3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)",
                   "4. Nature of Indirect Beneficial Ownership (Instr. 5)"});
            for (const auto& h : doc_.non_derivative_holdings)
                cells({cell(h.security_title), owned_cell(h.post_transaction), cell(h.ownership.direct_or_indirect),
                       cell(h.ownership.nature)});
            return;
        }
        cells({"1.Title of Security (Instr. 3)", "2. Transaction Date (Month/Day/Year)",
               "2A. Deemed Execution Date, if any (Month/Day/Year)", "3. Transaction Code (Instr. 8)",
               "4. Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)",
               form5() ? "5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)"
                       : "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)",
               "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
               "7. Nature of Indirect Beneficial Ownership (Instr. 4)"});
        if (form5()) cells({"Amount", "(A) or (D)", "Price"});
        else cells({"Code", "V", "Amount", "(A) or (D)", "Price"});
        for (const auto& t : doc_.non_derivative_transactions) {
            std::vector<std::string> row = {cell(t.security_title), cell(t.transaction_date),
                                            cell(t.deemed_execution_date), code_cell(t.coding)};
            if (!form5()) row.push_back(voluntary_cell(t.coding, t.timeliness));
            for (auto c : {cell(t.shares), cell(t.acquired_disposed), cell(t.price_per_share, "$ "),
                           owned_cell(t.post_transaction), cell(t.ownership.direct_or_indirect),
                           cell(t.ownership.nature)})
                row.push_back(c);
            cells(row);
        }
        for (const auto& h : doc_.non_derivative_holdings) {
            std::vector<std::string> row = {cell(h.security_title)};
            row.insert(row.end(), form5() ? 6 : 7, "");
            for (auto c : {owned_cell(h.post_transaction), cell(h.ownership.direct_or_indirect), cell(h.ownership.nature)})
                row.push_back(c);
            cells(row);
        }
    }

    void table_two() {
        if (form3()) {
            line("Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, options, "
                 "convertible securities)");
            cells({"1. Title of Derivative Security (Instr. 4)",
                   "2. Date Exercisable and Expiration Date (Month/Day/Year)",
                   "3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)",
                   "4. Conversion or Exercise Price of Derivative Security",
                   "5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)",
                   "6. Nature of Indirect Beneficial Ownership (Instr. 5)"});
            cells({"Date Exercisable", "Expiration Date", "Title", "Amount or Number of Shares"});
            for (const auto& h : doc_.derivative_holdings)
                cells({cell(h.security_title), cell(h.exercise_date), cell(h.expiration_date), cell(h.underlying.title),
                       underlying_amount_cell(h.underlying), cell(h.conversion_or_exercise_price, "$ "),
                       cell(h.ownership.direct_or_indirect), cell(h.ownership.nature)});
            return;
        }
        line("Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned");
        line("(e.g., puts, calls, warrants, options, convertible securities)");
        cells({"1. Title of Derivative Security (Instr. 3)", "2. Conversion or Exercise Price of Derivative Security",
               "3. Transaction Date (Month/Day/Year)", "3A. Deemed Execution Date, if any (Month/Day/Year)",
               "4. Transaction Code (Instr. 8)",
               "5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4, and 5)",
               "6. Date Exercisable and Expiration Date (Month/Day/Year)",
               "7. Title and Amount of Underlying Securities (Instr. 3 and 4)",
               "8. Price of Derivative Security (Instr. 5)",
               "9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)",
               "10. Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 4)",
               "11. Nature of Indirect Beneficial Ownership (Instr. 4)"});
        std::vector<std::string> sub = {"Code"};
        if (!form5()) sub.push_back("V");
        for (auto c : {"(A)", "(D)", "Date Exercisable", "Expiration Date", "Title", "Amount or Number of Shares"})
            sub.push_back(c);
        cells(sub);
        for (const auto& t : doc_.derivative_transactions) {
            std::string amount = t.shares.value || !t.total_value.value ? cell(t.shares) : cell(t.total_value, "$ ");
            amount += marks(t.acquired_disposed.footnote_ids);
            const auto& ad = t.acquired_disposed.value;
            std::vector<std::string> row = {cell(t.security_title), cell(t.conversion_or_exercise_price, "$ "),
                                            cell(t.transaction_date), cell(t.deemed_execution_date),
                                            code_cell(t.coding)};
            if (!form5()) row.push_back(voluntary_cell(t.coding, t.timeliness));
            for (auto c : {ad && ad->text == "A" ? amount : std::string(), ad && ad->text == "D" ? amount : std::string(),
                           cell(t.exercise_date), cell(t.expiration_date), cell(t.underlying.title),
                           underlying_amount_cell(t.underlying), cell(t.price_per_share, "$ "),
                           owned_cell(t.post_transaction), cell(t.ownership.direct_or_indirect),
                           cell(t.ownership.nature)})
                row.push_back(c);
            cells(row);
        }
        for (const auto& h : doc_.derivative_holdings) {
            std::vector<std::string> row = {cell(h.security_title), cell(h.conversion_or_exercise_price, "$ ")};
            row.insert(row.end(), form5() ? 5 : 6, "");
            for (auto c : {cell(h.exercise_date), cell(h.expiration_date), cell(h.underlying.title),
                           underlying_amount_cell(h.underlying), std::string(), owned_cell(h.post_transaction),
                           cell(h.ownership.direct_or_indirect), cell(h.ownership.nature)})
                row.push_back(c);
            cells(row);
        }
    }

    // Every person: the name and address a line each, the relationship cells beside the last line.
    void owners_table() {
        line("Reporting Owners");
        cells({"Reporting Owner Name / Address", "Relationships"});
        cells({"Director", "10% Owner", "Officer", "Other"});
        for (const auto& o : doc_.reporting_owners) {
            const address& a = o.address;
            std::vector<std::string> lines = {one_line(o.id.name), one_line(a.street1), one_line(a.street2),
                                              one_line(a.city)};
            if (a.non_us_address.value_or(false)) {
                lines.push_back(one_line(a.non_us_state_territory));
                lines.push_back(one_line(a.zip_code));
                lines.push_back(one_line(a.country));
            } else {
                lines.push_back(one_line(a.state));
                lines.push_back(one_line(a.zip_code));
                lines.push_back("UNITED STATES");
            }
            std::erase_if(lines, [](const std::string& l) { return l.empty(); });
            std::string last = lines.back();
            lines.pop_back();
            for (const auto& l : lines) line(l);
            const relationship& r = o.relationship;
            cells({last, r.is_director.value_or(false) ? "X" : "", r.is_ten_percent_owner.value_or(false) ? "X" : "",
                   one_line(r.officer_title), one_line(r.other_text)});
        }
    }

    void closing() {
        line("Signatures");
        for (const auto& s : doc_.signatures)
            cells({one_line(s.name), "", s.date ? mm_dd_yyyy(*s.date) : std::string()});
        cells({"**Signature of Reporting Person", "Date"});
        line("Explanation of Responses:");
        cells({"*", "If the form is filed by more than one reporting person, see Instruction 4(b)(v)."});
        cells({"**", "Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 "
                     "U.S.C. 1001 and 15 U.S.C. 78ff(a)."});
        for (const auto& f : doc_.footnotes) {
            std::string number = footnote_number(f.id);
            if (!number.empty()) cells({"(" + number + ")", one_line(f.text)});
        }
        if (!doc_.remarks.empty()) {
            line("Remarks:");
            std::string_view remarks = doc_.remarks;
            for (std::size_t start = 0; start <= remarks.size();) {
                std::size_t end = remarks.find('\n', start);
                if (end == std::string_view::npos) end = remarks.size();
                if (std::string text = one_line(remarks.substr(start, end - start)); !text.empty()) line(text);
                start = end + 1;
            }
        }
        line("Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, "
             "see Instruction 6 for procedure.");
        line("Potential persons who are to respond to the collection of information contained in this form are not "
             "required to respond unless the form displays a currently valid OMB number.");
    }

    const document& doc_;
    std::string form_;
    std::string out_;
};

}  // namespace

std::string render_current_text(const document& doc) { return current_renderer(doc).run(); }

}  // namespace form4
