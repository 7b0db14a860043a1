#pragma once
// Definitions of the header rules (included by lib/text/header.cpp only).
#include <string>

#include "form4/grammar/text/ast_adapted.hpp"
#include "form4/grammar/text/common.hpp"
#include "form4/grammar/text/header.hpp"
#include "form4/grammar/text/lexical.hpp"

namespace form4::grammar::text {

struct header_class : error_reporter {};
struct box_state_class : error_reporter {};
struct relationship_entry_class : error_reporter {};
struct filing_entry_class : error_reporter {};

header_type const header_rule = "form header";
box_state_type const box_state_rule = "checkbox";
relationship_entry_type const relationship_entry_rule = "relationship checkbox";
filing_entry_type const filing_entry_rule = "filing checkbox";

namespace header_rules {

using lexical::phrase;
using x3::attr;
using x3::char_;
using x3::lit;

// White space, cell breaks included.
auto const sp = x3::omit[*(lexical::blank | char_("\r\n"))];
auto const space_or_break = lexical::blank | char_("\r\n");
auto const item_number = x3::omit[+x3::digit >> -char_("aA") >> lit('.')];
auto const numbered = -(item_number >> sp);

auto const month_day_year = -(sp >> (phrase("(Month/Day/Year)") | phrase("(Month/Year)")));
auto const name_label = phrase("Name and Address of Reporting Person") >> -(sp >> -lit('^') >> lit('*'));   // lynx: "^*"
auto const issuer_label = phrase("Issuer Name and Ticker or Trading Symbol");
auto const earliest_label = phrase("Date of Earliest Transaction") >> month_day_year;
auto const event_label = phrase("Date of Event Requiring Statement") >> month_day_year;
auto const fiscal_label = phrase("Statement for Issuer's Fiscal Year Ended") >> month_day_year;
auto const month_year_label = phrase("Statement for Month/Year") >> month_day_year;   // paper forms before 2003
auto const period_label = earliest_label | event_label | fiscal_label | month_year_label;
auto const amendment_label = phrase("If Amendment, Date") >> -phrase(" of") >> phrase(" Original") >>
                             -phrase(" Filed") >> month_day_year;
auto const relationship_label =
    phrase("Relationship of Reporting Person(s) to Issuer") >> -(sp >> phrase("(Check all applicable)"));
// Form 5's stylesheets say "Reporting" where Form 4's say "Filing".
auto const filing_label = phrase("Individual or Joint/Group") >> (phrase(" Filing") | phrase(" Reporting")) >>
                          -(sp >> phrase("(Check Applicable Line)"));
auto const tax_number_label = (phrase("IRS or Social Security Number of Reporting Person") |
                               phrase("I.R.S. Identification Number of Reporting Person")) >>
                              -(sp >> phrase("(Voluntary)"));
auto const name_captions = phrase("(Last) (First) (Middle)");
auto const street_caption = phrase("(Street)");
auto const city_captions = phrase("(City) (State) (Zip") >> -phrase("/Postal Code") >> lit(')');
auto const postal_captions = phrase("(City) (State) (Zip/Postal Code)");
auto const not_subject_label = phrase("Check this box if no longer subject to Section 16");
// (w3m wraps the label after "made", beside the title: the phrase ends there.)
auto const aff10b5_label = phrase("Check this box to indicate that a transaction was made");
auto const form3_holdings_label = phrase("Form 3 Holdings Reported");
auto const form4_transactions_label = phrase("Form 4 Transactions Reported");

// The labels' first two letters (any case), as phrase() matches them: "Name",
// "Issuer", "Date", "Statement", "If Amendment", "Relationship", "Individual",
// "IRS" / "I.R.S.", "Check". Labels are tried only where this says they may
// start, which is at few places of a page.
inline bool may_start_label(char c0, char c1) noexcept {
    using lexical::ascii_lower;
    c1 = ascii_lower(c1);
    switch (ascii_lower(c0)) {
        case 'n': return c1 == 'a';
        case 'i': return c1 == 's' || c1 == 'f' || c1 == 'n' || c1 == 'r' || lexical::dot_or_space(c1);
        case 'd': return c1 == 'a';
        case 's': return c1 == 't';
        case 'r': return c1 == 'e' || c1 == 'u';   // "Relationship", "Rule 10b5-1(c)"
        case 'c': return c1 == 'h';
        default: return false;
    }
}
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Where a value may end: an item number, a label, or a caption "(Last)", "(Street)", "(City)".
inline bool may_stop_value(char const* p, char const* last) noexcept {
    if (p == last) return false;
    if (is_digit(*p)) return true;
    if (last - p < 2) return false;
    if (*p == '(') {
        char c1 = lexical::ascii_lower(p[1]);
        return c1 == 'l' || c1 == 's' || c1 == 'c';
    }
    return may_start_label(p[0], p[1]);
}

// Where an item may start: as a value may end, or at "FORM", or at a checkbox ("<input", "[", "(", "_", "X").
inline bool may_start_item(char const* p, char const* last) noexcept {
    if (p == last) return false;
    char c0 = *p;
    if (is_digit(c0) || c0 == '<' || c0 == '[' || c0 == '(' || c0 == '_' || c0 == 'X' || c0 == 'x') return true;
    if (last - p < 2) return false;
    if (lexical::ascii_lower(c0) == 'f') return lexical::ascii_lower(p[1]) == 'o';
    return may_start_label(c0, p[1]);
}

// Where a value ends: at the next label or caption.
auto const value_stop_start = lexical::lookahead_parser<may_stop_value>{};
auto const value_stop = value_stop_start >>
                        ((numbered >> (name_label | issuer_label | period_label | amendment_label |
                                       relationship_label | filing_label | tax_number_label |
                                       phrase("Foreign Trading Symbol"))) |
                         name_captions | street_caption | city_captions | not_subject_label | aff10b5_label |
                         phrase("(Country)") | phrase("Rule 10b5-1(c) Transaction Indication"));
auto const value_text = x3::rule<struct value_text_id, std::string>{"value"} = x3::raw[*(char_ - value_stop)];

auto const x_letter = lit('X') | lit('x');
auto const x_mark = lit("[X]") | lit("[x]") | lit("[*]") |   // "[*]": w3m
                    lit("(X)") | lit("(x)") | (+lit('_') >> x_letter >> +lit('_')) |
                    (x_letter >> &(space_or_break | x3::eoi));
auto const empty_mark = lit("[ ]") | lit("[]") | lit("( )") | lit("()") | +lit('_');

auto const box_state_rule_def = lexical::checkbox_input | (x_mark >> attr(true)) | (empty_mark >> attr(false));

// A checkbox starts with one of "<[(_Xx": elsewhere the rule is not tried.
inline bool may_start_box(char const* p, char const* last) noexcept {
    if (p == last) return false;
    char c = *p;
    return c == '<' || c == '[' || c == '(' || c == '_' || c == 'X' || c == 'x';
}
auto const box = lexical::lookahead_parser<may_start_box>{} >> box_state_rule;

auto const relationship_choice = x3::rule<struct relationship_choice_id, int>{"relationship"} = (phrase("Director") >> attr(0)) | (phrase("10% Owner") >> attr(1)) |
                                 (phrase("Officer") >> -(sp >> phrase("(give title below)")) >> attr(2)) |
                                 (phrase("Other") >> -(sp >> phrase("(specify below)")) >> attr(3));
auto const relationship_entry_rule_def =
    (box >> sp >> relationship_choice) | (attr(false) >> relationship_choice);

auto const filing_choice = x3::rule<struct filing_choice_id, int>{"filing line"} = (phrase("Form filed by One Reporting Person") >> attr(0)) |
                           (phrase("Form filed by More than One Reporting Person") >> attr(1));
auto const filing_entry_rule_def = (box >> sp >> filing_choice) | (attr(false) >> filing_choice);

// Reads nothing; notes in the header where the parse stands. (An action's
// _where is the input after its match, so a match's start is noted before it.)
auto here(ast::place ast::header::*at) {
    return x3::eps[([at](auto& ctx) { x3::_val(ctx).*at = x3::_where(ctx).begin(); })];
}
// Where a value read by `value_text` starts: it ends the match, and its text is the stream's own.
template <class Context>
ast::place text_start(Context const& ctx, std::string const& value) {
    return value.empty() ? nullptr : x3::_where(ctx).begin() - value.size();
}

// A date item's value: a date (underlined or not) and nothing else before the next label.
auto const any_date = x3::rule<struct any_date_id, ast::date_value>{"date"} = date() | month_name_date();
auto date_value(ast::place ast::header::*at) {
    return sp >> -lexical::underline_open >> here(at) >> -any_date >> -lexical::underline_close >>
           x3::omit[footnote_marks()];
}
auto const date_value_end = x3::rule<struct date_value_end_id>{"a date (MM/DD/YYYY)"} = &(sp >> (value_stop | x3::eoi));

template <class Parser>
auto as_bool(char const* name, Parser const& parser) {
    return x3::rule<struct as_bool_id, bool>{name} = parser;
}

auto const heading = (here(&ast::header::item_at) >> phrase("FORM") >> +lexical::blank >> char_("345") >>
                      !x3::alnum)[([](auto& ctx) {
    if (!x3::_val(ctx).form.empty()) return;
    x3::_val(ctx).form = std::string(1, x3::_attr(ctx));
    x3::_val(ctx).form_at = x3::_val(ctx).item_at;
})];

auto const not_subject = as_bool("no longer subject box", (box >> sp >> not_subject_label) | (attr(false) >> not_subject_label))[(
    [](auto& ctx) { x3::_val(ctx).not_subject_to_section16 = x3::_attr(ctx); })];
// Unlike the boxes above, no box is no answer: the 10b5-1 box came after the
// text layouts that show a box only when it is ticked.
auto const aff10b5 =
    ((box >> sp >> aff10b5_label)[([](auto& ctx) { x3::_val(ctx).aff10b5_one = x3::_attr(ctx); })] |
     aff10b5_label)[([](auto& ctx) { x3::_val(ctx).aff10b5_label = true; })];
auto const form3_holdings = as_bool("Form 3 holdings box", (box >> sp >> form3_holdings_label) | (attr(false) >> form3_holdings_label))[(
    [](auto& ctx) { x3::_val(ctx).form3_holdings_reported = x3::_attr(ctx); })];
auto const form4_transactions =
    as_bool("Form 4 transactions box", (box >> sp >> form4_transactions_label) | (attr(false) >> form4_transactions_label))[(
        [](auto& ctx) { x3::_val(ctx).form4_transactions_reported = x3::_attr(ctx); })];

// Item 1 starts a reporting person; the captions fill in the last one started.
auto const name_item = (numbered >> name_label >> sp >> value_text)[([](auto& ctx) {
    ast::owner_block owner;
    owner.name = x3::_attr(ctx);
    owner.name_at = text_start(ctx, owner.name);
    x3::_val(ctx).owners.push_back(std::move(owner));
})];
auto last_owner = [](auto& ctx) -> ast::owner_block& {
    auto& owners = x3::_val(ctx).owners;
    if (owners.empty()) owners.emplace_back();
    return owners.back();
};
auto const name_captions_item = (name_captions >> sp >> value_text)[([](auto& ctx) {
    auto& owner = last_owner(ctx);
    owner.captions = true;
    owner.street = x3::_attr(ctx);
    owner.street_at = text_start(ctx, owner.street);
})];
auto const street_caption_item = (street_caption >> sp >> value_text)[([](auto& ctx) {
    auto& owner = last_owner(ctx);
    owner.city_state_zip = x3::_attr(ctx);
    owner.city_state_zip_at = text_start(ctx, owner.city_state_zip);
})];

// The layouts that say "Zip/Postal Code" draw the country on the line after.
auto const postal_captions_item = (postal_captions >> sp >> value_text)[([](auto& ctx) {
    auto& owner = last_owner(ctx);
    owner.country_line = true;
    owner.country = x3::_attr(ctx);
})];

auto const issuer_item = (numbered >> issuer_label >> sp >> value_text)[([](auto& ctx) {
    x3::_val(ctx).issuer = x3::_attr(ctx);
    x3::_val(ctx).issuer_at = text_start(ctx, x3::_val(ctx).issuer);
})];
auto const period_item = (numbered >> period_label > date_value(&ast::header::period_at) > date_value_end)[(
    [](auto& ctx) { x3::_val(ctx).period = x3::_attr(ctx); })];
auto const amendment_item =
    (numbered >> amendment_label > date_value(&ast::header::original_filed_at) > date_value_end)[([](auto& ctx) {
    x3::_val(ctx).amendment_item = true;
    x3::_val(ctx).original_filed = x3::_attr(ctx);
})];
auto const tax_number_item = numbered >> tax_number_label >> x3::omit[value_text];

// w3m may draw "(Check all applicable)" centred below the first line of boxes.
auto const check_all_applicable = phrase("(Check all applicable)") >> sp;
auto const relationship_item = (here(&ast::header::item_at) >> numbered >> relationship_label >>
                                *(sp >> -check_all_applicable >> relationship_entry_rule) >> sp >> value_text)[([](auto& ctx) {
        auto& owner = last_owner(ctx);
        owner.relationship_item = true;
        owner.relationship_at = x3::_val(ctx).item_at;
        auto& entries = boost::fusion::at_c<0>(x3::_attr(ctx));
        owner.relationship.insert(owner.relationship.end(), entries.begin(), entries.end());
        owner.relationship_text = boost::fusion::at_c<1>(x3::_attr(ctx));
        owner.relationship_text_at = text_start(ctx, owner.relationship_text);
    })];
auto const filing_item = (numbered >> filing_label >> *(sp >> filing_entry_rule))[([](auto& ctx) {
    auto& filing = x3::_val(ctx).filing;
    filing.insert(filing.end(), x3::_attr(ctx).begin(), x3::_attr(ctx).end());
})];

// Items begin at the start of a word, so what is not an item is skipped a word at a time:
// what `omit[+(char_ - space_or_break) >> *space_or_break] | omit[char_]` reads,
// read here byte by byte (most of a header is words no item starts with).
struct skip_word_parser : x3::parser<skip_word_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    // The width of the blank or line break at `p` (as space_or_break reads it), 0 if none.
    static std::size_t break_width(char const* p, char const* last) noexcept {
        switch (*p) {
            case ' ': case '\t': case '\r': case '\n': return 1;
            case '\xC2': return last - p >= 2 && p[1] == '\xA0' ? 2 : 0;
            case '&': return last - p >= 6 && std::string_view(p, 6) == "&nbsp;" ? 6 : 0;
            default: return 0;
        }
    }

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        if (first == last) return false;
        Iterator it = first;
        if (break_width(it, last)) {
            ++it;   // not a word: one character
        } else {
            while (it != last && !break_width(it, last)) ++it;
            while (it != last)
                if (std::size_t w = break_width(it, last)) it += w;
                else break;
        }
        first = it;
        return true;
    }
};
skip_word_parser const skip_word{};

// A word where no item may start is skipped without trying them.
auto const item_start = lexical::lookahead_parser<may_start_item>{};

auto const header_rule_def =
    *((item_start >> (heading | not_subject | aff10b5 | form3_holdings | form4_transactions | name_item | name_captions_item |
                      street_caption_item | postal_captions_item | x3::omit[city_captions] | issuer_item | period_item | amendment_item |
                      tax_number_item | relationship_item | filing_item)) |
      skip_word);

}  // namespace header_rules

using header_rules::box_state_rule_def;
using header_rules::filing_entry_rule_def;
using header_rules::header_rule_def;
using header_rules::relationship_entry_rule_def;

BOOST_SPIRIT_DEFINE(header_rule, box_state_rule, relationship_entry_rule, filing_entry_rule)

}  // namespace form4::grammar::text
