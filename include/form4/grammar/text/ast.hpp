#pragma once
// The text form's internal AST: what the grammar reads, close to the page.
// X3 speaks boost::optional; lib/text/convert.cpp turns this into form4::document.
#include <string>
#include <vector>

#include <boost/optional.hpp>

namespace form4::grammar::text::ast {

// Footnote marks as written, digits only: "(1)", "⁽¹⁾" and "¹" all give "1".
using marks = std::vector<std::string>;

// Where a header value starts in the stream the header was read from; null
// when not seen. The front end maps it back to the input (parse_result::positions).
using place = char const*;

struct date_value {
    unsigned month = 0;
    unsigned day = 0;
    unsigned year = 0;   // as written; two-digit years are widened by the converter
};

// One table cell of each kind. A cell may hold only footnote marks.
struct date_field {
    boost::optional<date_value> value;
    marks notes;
};

struct number_field {
    std::string text;    // as written, "$" and separators included; empty when absent
    marks notes;
};

struct code_field {
    std::string code;    // transaction code letter(s); empty when absent
    bool equity_swap = false;   // "/K" after the code
    marks notes;
};

struct letter_field {
    std::string letter;  // (A)/(D), (D)/(I), or "V"
    marks notes;
};

struct text_field {
    std::string text;    // raw, markup remnants included (the converter cleans)
    marks notes;
};

// A checkbox and the label it stands in front of.
struct box_entry {
    bool checked = false;
    int which = 0;       // index of the label among the item's labels
};

// Item 1 of one reporting person: the name and the address around the
// "(Last) (First) (Middle)", "(Street)" and "(City) (State) (Zip)" captions.
// Values keep the stream's cell breaks ('\n') and markup; the converter splits.
struct owner_block {
    std::string name;
    bool captions = false;                   // "(Last) (First) (Middle)" seen
    std::string street;                      // between (Last)(First)(Middle) and (Street)
    std::string city_state_zip;              // between (Street) and (City) (State) (Zip)
    bool country_line = false;               // "(City) (State) (Zip/Postal Code)": the X07/X09 layouts' country follows
    std::string country;                     // the line after it, before "(Country)"
    bool relationship_item = false;          // item 5 was seen for this person
    std::vector<box_entry> relationship;     // Director, 10% Owner, Officer, Other
    std::string relationship_text;           // officer title / other text
    place name_at = nullptr, street_at = nullptr, city_state_zip_at = nullptr;
    place relationship_at = nullptr;         // item 5's label
    place relationship_text_at = nullptr;
};

// Header items 1-6 (and the heading), as found in the header's stream.
struct header {
    std::string form;                        // "3", "4", "5" from "FORM 4"
    boost::optional<bool> not_subject_to_section16;
    boost::optional<bool> form3_holdings_reported;
    boost::optional<bool> form4_transactions_reported;
    // The 10b5-1 box (the X07 stylesheets on): a tick or an empty box read; the
    // label with no box drawn beside it (a converter that shows no ticks) leaves it unknown.
    boost::optional<bool> aff10b5_one;
    bool aff10b5_label = false;              // the 10b5-1 label was seen
    std::vector<owner_block> owners;         // one per item 1 found; item 5 fills in the last
    std::string issuer;                      // item 2 value: "NAME [TICKER]"
    boost::optional<date_value> period;      // earliest transaction (4), event (3), fiscal year end (5)
    boost::optional<date_value> original_filed;   // the amendment item's date
    bool amendment_item = false;             // the amendment item was seen
    std::vector<box_entry> filing;           // One / More than One Reporting Person
    place form_at = nullptr, issuer_at = nullptr, period_at = nullptr, original_filed_at = nullptr;
    place item_at = nullptr;                 // where the item being tried starts (scratch for the rules)
};

// A line of Explanation of Responses: "1. text", "(1) text", "⁽¹⁾ text".
struct footnote_line {
    std::string number;
    std::string text;
};

// A signature line: the name and, at the end of the line, its date.
struct signature_line {
    std::string name;
    boost::optional<date_value> date;
};

// The kinds of line that open or close a section of the page.
enum class section_kind {
    none = 0,
    table1,            // "Table I - Non-Derivative Securities ..."
    table2,            // "Table II - Derivative Securities ..."
    explanation,       // "Explanation of Responses:"
    remarks,           // "Remarks:"
    signature_caption, // "** Signature of Reporting Person   Date"
    reporting_owners,  // "Reporting Owners"
    trailer,           // "Reminder: ...", the instructions at the foot of the form
};

}  // namespace form4::grammar::text::ast
