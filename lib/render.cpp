// render_text: a document drawn as the text form of the user's sample
// (corpus/text/000_8ddcd668f7a6b10e.txt), which lib/text/ reads back.
#include "form4/render.hpp"

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "render_cells.hpp"

namespace form4 {
namespace {

using namespace render_cells;

constexpr std::string_view checked_box = "<input checked=\"\" type=\"checkbox\"/>";
constexpr std::string_view unchecked_box = "<input type=\"checkbox\"/>";

class renderer {
public:
    explicit renderer(const document& doc) : doc_(doc), form_(form_number(doc)) {}

    std::string run() {
        heading();
        header_items();
        table_one();
        table_two();
        owners_block();
        closing();
        return std::move(out_);
    }

private:
    void blank() { out_ += "\n"; }
    void line(std::string_view text) {
        out_ += text;
        out_ += "\n";
    }

    void heading() {
        blank();
        blank();
        line("FORM " + form_);
        blank();
        line("UNITED STATES SECURITIES AND EXCHANGE COMMISSION");
        blank();
        line("Washington, D.C. 20549");
        blank();
        line("OMB APPROVAL\t");
        line(std::string("OMB Number:\t") + (form_ == "3" ? "3235-0104" : form_ == "5" ? "3235-0362" : "3235-0287"));
        line(std::string("Estimated average burden hours per response:\t") + (form_ == "5" ? "1.0" : "0.5"));
        blank();
        line(form_ == "3" ? "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES"
             : form_ == "5" ? "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"
                            : "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP");
        blank();
        if (form_ != "3") {
            std::string box = doc_.not_subject_to_section16.value_or(false) ? std::string(checked_box) + " " : "";
            line(box + "Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may "
                       "continue. See Instruction 1(b).");
            blank();
        }
        if (form_ == "5") {
            auto box = [](const std::optional<bool>& b) {
                return std::string(b.value_or(false) ? checked_box : unchecked_box) + " ";
            };
            line(box(doc_.form3_holdings_reported) + "Form 3 Holdings Reported.");
            line(box(doc_.form4_transactions_reported) + "Form 4 Transactions Reported.");
            blank();
        }
        line("Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the "
             "Investment Company Act of 1940");
        blank();
    }

    void header_items() {
        reporting_owner first;
        if (!doc_.reporting_owners.empty()) first = doc_.reporting_owners.front();
        std::string issuer = doc_.issuer.name + " [" + doc_.issuer.trading_symbol + "]";
        line(join_cells_inline({"1. Name and Address of Reporting Person* " + underline(first.id.name),
                                "2. Issuer Name and Ticker or Trading Symbol " + underline(issuer),
                                relationship_item(first.relationship)}));
        std::string period_label = form_ == "3"   ? "3. Date of Event Requiring Statement (Month/Day/Year)"
                                   : form_ == "5" ? "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"
                                                  : "3. Date of Earliest Transaction (Month/Day/Year)";
        std::string period = doc_.period_of_report ? " " + underline(mm_dd_yyyy(*doc_.period_of_report)) : "";
        line(join_cells_inline({"", period_label + period, ""}));
        std::string original =
            doc_.date_of_original_submission ? " " + underline(mm_dd_yyyy(*doc_.date_of_original_submission)) : "";
        bool joint = doc_.reporting_owners.size() > 1;
        auto filing_box = [](bool b) { return std::string(b ? checked_box : unchecked_box) + " "; };
        line(join_cells_inline({"(Last) (First) (Middle)",
                                "4. If Amendment, Date of Original Filed (Month/Day/Year)" + original,
                                "6. Individual or Joint/Group Filing (Check Applicable Line) " + filing_box(!joint) +
                                    "Form filed by One Reporting Person " + filing_box(joint) +
                                    "Form filed by More than One Reporting Person"}));
        address_lines(first.address, "\t\t");
        blank();
    }

    // The address under item 1, each line in the first column (`rest` closes the row).
    void address_lines(const address& a, std::string_view rest = "") {
        std::string tail(rest);
        if (!a.street1.empty() || !a.street2.empty()) line(underline(a.street1) + tail);
        if (!a.street2.empty()) line(underline(a.street2) + tail);
        line("(Street)" + tail);
        if (!a.city.empty() || !a.state.empty() || !a.zip_code.empty())
            line(underline(a.city) + " " + underline(a.state) + " " + underline(a.zip_code) + tail);
        line("(City) (State) (Zip)" + tail);
    }

    static std::string relationship_item(const relationship& r) {
        auto box = [](const std::optional<bool>& b) {
            return b.value_or(false) ? std::string(checked_box) + " " : std::string();
        };
        std::string titles;
        if (!r.other_text.empty()) titles = " " + underline(r.officer_title) + " " + underline(r.other_text);
        else if (!r.officer_title.empty()) titles = " " + underline(r.officer_title);
        return "5. Relationship of Reporting Person(s) to Issuer (Check all applicable) " + box(r.is_director) +
               "Director " + box(r.is_ten_percent_owner) + "10% Owner " + box(r.is_officer) +
               "Officer (give title below) " + box(r.is_other) + "Other (specify below)" + titles;
    }

    static std::string join_cells_inline(const std::vector<std::string>& cells) {
        std::string joined = join_cells(cells);
        joined.pop_back();
        return joined;
    }

    void table_one() {
        line(form_ == "3" ? "Table I - Non-Derivative Securities Beneficially Owned"
                          : "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned");
        blank();
        if (form_ == "3") {
            line(join_cells_inline({"1. Title of Security (Instr. 4)",
                                    "2. Amount of Securities Beneficially Owned (Instr. 4)",
                                    "3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)",
                                    "4. Nature of Indirect Beneficial Ownership (Instr. 5)"}));
        } else {
            line(join_cells_inline(
                {"1. Title of Security (Instr. 3)", "2. Transaction Date (Month/Day/Year)",
                 "2A. Deemed Execution Date, if any (Month/Day/Year)", "3. Transaction Code (Instr. 8)", "",
                 "4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)", "", "",
                 "5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)",
                 "6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
                 "7. Nature of Indirect Beneficial Ownership (Instr. 4)"}));
            if (form_ == "5")
                line(join_cells_inline({"", "", "", "Code", "Amount", "(A) or (D)", "Price", "", "", ""}));
            else
                line(join_cells_inline({"", "", "", "Code", "V", "Amount", "(A) or (D)", "Price", "", "", ""}));
        }
        for (const auto& t : doc_.non_derivative_transactions) {
            std::vector<std::string> cells = {cell(t.security_title), cell(t.transaction_date),
                                              cell(t.deemed_execution_date), code_cell(t.coding)};
            if (form_ != "5") cells.push_back(voluntary_cell(t.coding, t.timeliness));
            for (auto c : {cell(t.shares), cell(t.acquired_disposed), cell(t.price_per_share),
                           owned_cell(t.post_transaction), cell(t.ownership.direct_or_indirect),
                           cell(t.ownership.nature)})
                cells.push_back(c);
            if (form_ == "3") cells = {cells[0], owned_cell(t.post_transaction),
                                       cell(t.ownership.direct_or_indirect), cell(t.ownership.nature)};
            line(join_cells_inline(cells));
        }
        for (const auto& h : doc_.non_derivative_holdings) {
            std::vector<std::string> cells = {cell(h.security_title)};
            std::size_t empties = form_ == "3" ? 0 : form_ == "5" ? 6 : 7;
            cells.insert(cells.end(), empties, "");
            cells.push_back(owned_cell(h.post_transaction));
            cells.push_back(cell(h.ownership.direct_or_indirect));
            cells.push_back(cell(h.ownership.nature));
            line(join_cells_inline(cells));
        }
        blank();
    }

    void table_two() {
        line(form_ == "3" ? "Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, "
                            "options, convertible securities)"
                          : "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., "
                            "puts, calls, warrants, options, convertible securities)");
        blank();
        if (form_ == "3") {
            line(join_cells_inline({"1. Title of Derivative Security (Instr. 4)",
                                    "2. Date Exercisable and Expiration Date (Month/Day/Year)", "",
                                    "3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)", "",
                                    "4. Conversion or Exercise Price of Derivative Security",
                                    "5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)",
                                    "6. Nature of Indirect Beneficial Ownership (Instr. 5)"}));
            line(join_cells_inline({"", "Date Exercisable", "Expiration Date", "Title",
                                    "Amount or Number of Shares", "", "", ""}));
            for (const auto& h : doc_.derivative_holdings)
                line(join_cells_inline({cell(h.security_title), cell(h.exercise_date), cell(h.expiration_date),
                                        cell(h.underlying.title), underlying_amount_cell(h.underlying),
                                        cell(h.conversion_or_exercise_price), cell(h.ownership.direct_or_indirect),
                                        cell(h.ownership.nature)}));
            blank();
            return;
        }
        bool form5 = form_ == "5";
        std::vector<std::string> captions = {
            "1. Title of Derivative Security (Instr. 3)", "2. Conversion or Exercise Price of Derivative Security",
            "3. Transaction Date (Month/Day/Year)", "3A. Deemed Execution Date, if any (Month/Day/Year)",
            "4. Transaction Code (Instr. 8)"};
        if (!form5) captions.push_back("");
        for (auto c : {"5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)", "",
                       "6. Date Exercisable and Expiration Date (Month/Day/Year)", "",
                       "7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)", "",
                       "8. Price of Derivative Security (Instr. 5)",
                       "9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) "
                       "(Instr. 4)",
                       "10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)",
                       "11. Nature of Indirect Beneficial Ownership (Instr. 4)"})
            captions.push_back(c);
        line(join_cells_inline(captions));
        std::vector<std::string> sub = {"", "", "", "", "Code"};
        if (!form5) sub.push_back("V");
        for (auto c : {"(A)", "(D)", "Date Exercisable", "Expiration Date", "Title", "Amount or Number of Shares"})
            sub.push_back(c);
        line(join_cells_inline(sub));
        for (const auto& t : doc_.derivative_transactions) {
            std::string amount;
            const auto& ad = t.acquired_disposed;
            if (t.shares.value || !t.total_value.value) amount = cell(t.shares);
            else amount = cell(t.total_value, "$");
            amount += marks(ad.footnote_ids);
            bool acquired = ad.value && ad.value->text == "A";
            bool disposed = ad.value && ad.value->text == "D";
            std::vector<std::string> cells = {cell(t.security_title), cell(t.conversion_or_exercise_price),
                                              cell(t.transaction_date), cell(t.deemed_execution_date),
                                              code_cell(t.coding)};
            if (!form5) cells.push_back(voluntary_cell(t.coding, t.timeliness));
            for (auto c : {acquired ? amount : std::string(), disposed ? amount : std::string(),
                           cell(t.exercise_date), cell(t.expiration_date), cell(t.underlying.title),
                           underlying_amount_cell(t.underlying), cell(t.price_per_share, "$"),
                           owned_cell(t.post_transaction), cell(t.ownership.direct_or_indirect),
                           cell(t.ownership.nature)})
                cells.push_back(c);
            line(join_cells_inline(cells));
        }
        for (const auto& h : doc_.derivative_holdings) {
            std::vector<std::string> cells = {cell(h.security_title), cell(h.conversion_or_exercise_price)};
            cells.insert(cells.end(), form5 ? 5 : 6, "");
            for (auto c : {cell(h.exercise_date), cell(h.expiration_date), cell(h.underlying.title),
                           underlying_amount_cell(h.underlying), std::string(), owned_cell(h.post_transaction),
                           cell(h.ownership.direct_or_indirect), cell(h.ownership.nature)})
                cells.push_back(c);
            line(join_cells_inline(cells));
        }
        blank();
    }

    // A joint filing names every reporting person, each with items 1 and 5
    // (the header shows only the first, as EDGAR's page does).
    void owners_block() {
        if (doc_.reporting_owners.size() < 2) return;
        line("Reporting Owners");
        blank();
        for (const auto& o : doc_.reporting_owners) {
            line("1. Name and Address of Reporting Person* " + underline(o.id.name));
            line("(Last) (First) (Middle)");
            address_lines(o.address);
            line(relationship_item(o.relationship));
            blank();
        }
    }

    void closing() {
        line("Explanation of Responses:");
        blank();
        for (const auto& f : doc_.footnotes) {
            std::string number = footnote_number(f.id);
            if (number.empty()) continue;
            line(number + ". " + one_line(f.text));
            blank();
        }
        if (!doc_.remarks.empty()) {
            line("Remarks:");
            std::string_view remarks = doc_.remarks;
            std::size_t start = 0;
            while (start <= remarks.size()) {
                std::size_t end = remarks.find('\n', start);
                if (end == std::string_view::npos) end = remarks.size();
                std::string text = one_line(remarks.substr(start, end - start));
                if (!text.empty()) line(text);
                start = end + 1;
            }
            blank();
        }
        for (const auto& s : doc_.signatures) {
            std::string signed_by = one_line(s.name);
            if (s.date) signed_by.append(" ").append(mm_dd_yyyy(*s.date));
            line(signed_by);
            blank();
        }
        line("** Signature of Reporting Person Date");
        blank();
        line("Reminder: Report on a separate line for each class of securities beneficially owned directly or "
             "indirectly.");
        blank();
        line("* If the form is filed by more than one reporting person, see Instruction 4 (b)(v).");
        blank();
        line("** Intentional misstatements or omissions of facts constitute Federal Criminal Violations See 18 "
             "U.S.C. 1001 and 15 U.S.C. 78ff(a).");
        blank();
        line("Note: File three copies of this Form, one of which must be manually signed. If space is "
             "insufficient, see Instruction 6 for procedure.");
        blank();
        out_ += "Persons who respond to the collection of information contained in this form are not required to "
                "respond unless the form displays a currently valid OMB Number.";
    }

    const document& doc_;
    std::string form_;
    std::string out_;
};

}  // namespace

std::string render_text(const document& doc) { return renderer(doc).run(); }

}  // namespace form4
