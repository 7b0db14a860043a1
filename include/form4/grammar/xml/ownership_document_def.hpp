#pragma once
// The sections of an ownership document, one rule each, in the order of the
// EDGAR Ownership XML Technical Specification. Children are read in any
// order (filers and old schemas vary), unknown children are skipped, and each
// child is wrapped in recover[] so that lenient mode loses only what is damaged.
//
// Rules synthesize the public model types directly: semantic actions move each
// child's value into the rule's attribute (_val). No separate AST is needed
// because every value is converted as it is read (see values.hpp). Actions sit
// inside element()[...] so that a child's attribute is only built once its
// name has matched, not once per alternative tried.
#include <type_traits>
#include <vector>

#include "form4/grammar/xml/lexical.hpp"
#include "form4/grammar/xml/ownership_document.hpp"
#include "form4/grammar/xml/values.hpp"

namespace form4::grammar::xml {
namespace actions {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

// _val.*member = _attr, unwrapping an optional attribute for a plain member
// and leaving the member alone when the value is absent.
template <class Member>
struct set_member {
    Member member;
    template <class Context>
    void operator()(Context& context) const {
        auto& target = x3::_val(context).*member;
        auto& value = x3::_attr(context);
        using target_type = std::remove_reference_t<decltype(target)>;
        using value_type = std::remove_reference_t<decltype(value)>;
        if constexpr (is_optional<value_type>::value && !is_optional<target_type>::value) {
            if (value) target = std::move(*value);
        } else {
            target = std::move(value);
        }
    }
};

template <class Member>
constexpr set_member<Member> set(Member member) { return {member}; }

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_limit(iterator_type where, const char* code, const char* what,
                                                            std::size_t limit) {
    throw syntax_error{where, code, std::string(what) + std::to_string(limit)};
}

// Positions only: the path of a list's next entry, and where it starts.
[[gnu::noinline]] inline void enter_list_entry(parse_state& state, std::size_t index, iterator_type at) {
    state.path += '[' + std::to_string(index) + ']';
    state.record_position(at);
}

// The document's footnotes, within the footnote limit.
struct append_footnote {
    template <class Context>
    void operator()(Context& context) const {
        auto& notes = x3::_val(context).footnotes;
        auto& state = state_of(context);
        if (notes.size() >= state.limits.max_footnotes) [[unlikely]]
            fail_limit(state.tag_at, "limit.footnotes", "more footnotes than the limit of ", state.limits.max_footnotes);
        if (state.positions) [[unlikely]] {
            std::size_t path_size = state.path.size();  // the document's: empty
            state.path += "footnotes";
            enter_list_entry(state, notes.size(), state.tag_at);  // the children loop stopped there
            state.path.resize(path_size);
        }
        notes.push_back(std::move(x3::_attr(context)));
    }
};

// footnoted<T>: the <value> (empty text leaves a text value as it was).
template <class T, class Value>
void set_footnoted(footnoted<T>& target, Value&& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<Value>, std::string>) {
        if (!value.empty()) target.value = std::move(value);
    } else {
        target.value = std::move(value);
    }
}

struct set_footnoted_value {
    template <class Context>
    void operator()(Context& context) const {
        set_footnoted(x3::_val(context), std::move(x3::_attr(context)));
    }
};

// One more footnote reference on a value, within the footnote limit.
inline void add_footnote_id(std::vector<std::string>& ids, std::string id, iterator_type where,
                            const parse_state& state) {
    if (ids.size() >= state.limits.max_footnotes) [[unlikely]]
        fail_limit(where, "limit.footnotes", "more footnote references than the limit of ", state.limits.max_footnotes);
    ids.push_back(std::move(id));
}

// footnoted<T> or a coding: one more <footnoteId>.
struct add_footnote {
    template <class Context>
    void operator()(Context& context) const {
        if (x3::_attr(context).empty()) return;  // a reference without an id, already reported
        auto& state = state_of(context);  // its tag_at: where this <footnoteId> starts
        add_footnote_id(x3::_val(context).footnote_ids, std::move(x3::_attr(context)), state.tag_at, state);
    }
};

// Empties a value read into, for a repeated element. A footnoted value keeps
// its (empty) vector: assigning a new one cost a call per value read.
template <class T>
void clear(T& value) { value = T{}; }
template <class T>
void clear(footnoted<T>& value) {
    value.value.reset();
    value.footnote_ids.clear();
}
// The groups of footnoted values inside a row, member by member: nearly
// always still empty, which costs a test each, where building an empty group
// to assign it was a call per group (1.7% of an XML parse's samples; now
// 1,250 fewer instructions a document).
inline void clear(post_transaction_amounts& value) {
    static_assert(sizeof(post_transaction_amounts) == 2 * sizeof(footnoted<decimal>), "clear every member");
    clear(value.shares_owned);
    clear(value.value_owned);
}
inline void clear(ownership_nature& value) {
    static_assert(sizeof(ownership_nature) ==
                      sizeof(footnoted<coded<ownership_form>>) + sizeof(footnoted<std::string>),
                  "clear every member");
    clear(value.direct_or_indirect);
    clear(value.nature);
}
inline void clear(underlying_security& value) {
    static_assert(sizeof(underlying_security) == sizeof(footnoted<std::string>) + 2 * sizeof(footnoted<decimal>),
                  "clear every member");
    clear(value.title);
    clear(value.shares);
    clear(value.value);
}

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

// into(&Parent::member)[rule]: the rule parses straight into the enclosing
// rule's member (appending to a vector, engaging an optional), so that a row
// is built where it is kept rather than built aside and moved. If the rule
// throws, the half-built value is taken back out, as if never read.
template <class Member, class Subject>
struct into_directive : x3::unary_parser<Subject, into_directive<Member, Subject>> {
    using base_type = x3::unary_parser<Subject, into_directive<Member, Subject>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    constexpr into_directive(Subject const& subject, Member member) : base_type(subject), member(member) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext& rcontext,
               Attribute&) const {
        auto& target = rcontext.*member;
        using target_type = std::remove_reference_t<decltype(target)>;
        if constexpr (is_vector<target_type>::value) {
            auto& state = state_of(context);
            if (target.size() >= state.limits.max_rows) [[unlikely]]
                fail_limit(first, "limit.rows", "more rows than the limit of ", state.limits.max_rows);
            auto& entry = target.emplace_back();
            if (state.positions) [[unlikely]] enter_list_entry(state, target.size() - 1, state.list_entry_at);
            return parse_into(first, last, context, entry, [&] { target.pop_back(); });
        } else if constexpr (is_optional<target_type>::value) {
            return parse_into(first, last, context, target.emplace(), [&] { target.reset(); });
        } else {
            clear(target);  // a repeated element replaces, as it always has
            return parse_into(first, last, context, target, [&] { clear(target); });
        }
    }

    template <class Context, class Value, class Undo>
    bool parse_into(iterator_type& first, iterator_type const& last, Context const& context, Value& value,
                    Undo undo) const {
        bool parsed = false;
        try {
            parsed = this->subject.parse(first, last, context, x3::unused, value);
        } catch (...) {
            undo();
            throw;
        }
        if (!parsed) undo();
        return parsed;
    }

    Member member;
};

template <class Member>
struct into_gen {
    Member member;
    template <class Subject>
    constexpr into_directive<Member, typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject), member};
    }
};

template <class Member>
constexpr into_gen<Member> into(Member member) { return {member}; }

}  // namespace actions

using actions::into;
using actions::set;

// A container's children: each recovered on its own, unknown ones skipped.
// Children store their values themselves (actions, into[]).
template <class Children>
constexpr auto children(Children const& known) {
    using child_type = typename x3::extension::as_parser<decltype(recover[known | unknown_element])>::value_type;
    return children_parser<child_type>(recover[known | unknown_element]);
}

// ---- footnoted values ------------------------------------------------------

// footnoted<T>'s content. Nearly every one is <value>plain text</value> or
// <value/>, then perhaps <footnoteId id="F1"/>: those children are read here
// straight from the bytes, a third of all elements. Any other child
// (attributes, entities, comments, unknown elements, damage), and every child
// while positions are recorded, goes through the general children loop,
// before anything of it is consumed.
template <class ValueParser, class General>
struct footnoted_parser : x3::parser<footnoted_parser<ValueParser, General>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    constexpr footnoted_parser(General const& general) : general(general) {}

    template <class Context, class T, class Attribute>
    [[gnu::noinline]] bool parse(iterator_type& first, iterator_type const& last, Context const& context,
                                 footnoted<T>& target, Attribute& attribute) const {
        auto& state = state_of(context);
        if (state.positions) return general.parse(first, last, context, target, attribute);
        for (;;) {
            std::size_t name_size = scan::skip_gap(first, last, state);
            if (name_size == 0) {
                if (scan::skip_stray_end_tag(first, last, state)) continue;
                return true;
            }
            if (read_plain_value(first, last, name_size, state, target) ||
                read_plain_footnote_id(first, last, name_size, state, target))
                continue;
            if (!read_child_generally(first, last, name_size, context, target)) return true;
        }
    }

    template <class Context, class T>
    [[gnu::noinline]] bool read_child_generally(iterator_type& first, iterator_type const& last, std::size_t name_size,
                                                Context const& context, footnoted<T>& target) const {
        auto& state = state_of(context);
        state.tag_at = first;
        state.tag_name_size = name_size;
        x3::unused_type unused;
        return general.subject.parse(first, last, context, target, unused);
    }

    // <value>text</value> with plain ASCII text, or <value/>.
    template <class T>
    static bool read_plain_value(iterator_type& first, iterator_type last, std::size_t name_size,
                                 parse_state& state, footnoted<T>& target) {
        if (name_size != 5 || !scan::same_bytes(first + 1, "value", 5)) return false;
        iterator_type open_end = first + 6;  // a start tag's name is followed by '>' somewhere
        iterator_type text_at = open_end + 1, text_end = text_at, next = text_at;
        if (*open_end == '/') {
            if (last - open_end < 2 || open_end[1] != '>') return false;
            text_at = text_end = next = open_end + 2;
        } else if (*open_end == '>') {
            scan::text_run run = scan::scan_text_run(text_at, last);
            if (run.seen != 0 || state.latin1 || last - run.stop < 8 || !scan::same_bytes(run.stop, "</value>", 8))
                return false;
            text_end = run.stop;
            next = run.stop + 8;
        } else {
            return false;
        }
        count_element(state, first);
        std::string_view raw = scan::trimmed_value(text_at, text_end, state);
        actions::set_footnoted(target, ValueParser::from_text(raw, text_at, state));
        first = next;
        return true;
    }

    // <footnoteId id="F1"/> with an id of letters, digits, '_', '-' or '.'.
    template <class T>
    static bool read_plain_footnote_id(iterator_type& first, iterator_type last, std::size_t name_size,
                                       const parse_state& state, footnoted<T>& target) {
        if (name_size != 10 || !scan::same_bytes(first + 1, "footnoteId", 10)) return false;
        iterator_type id = first + 11;
        if (last - id < 5 || !scan::same_bytes(id, " id=\"", 5)) return false;
        id += 5;
        iterator_type id_end = id;
        while (id_end != last && is_id_char(*id_end)) ++id_end;
        if (id_end == id || last - id_end < 3 || !scan::same_bytes(id_end, "\"/>", 3)) return false;
        if (static_cast<std::size_t>(id_end - id) > state.limits.max_string_bytes) return false;   // the general path says so
        actions::add_footnote_id(target.footnote_ids, std::string(id, id_end), first, state);
        first = id_end + 3;
        return true;
    }

    static bool is_id_char(char c) noexcept {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.';
    }

    General general;  // the children loop, for what the fast paths leave
};

template <class ValueParser>
constexpr auto footnoted_content(ValueParser const& value) {
    auto const general =
        children(element("value")[value[actions::set_footnoted_value{}]] | footnote_ref[actions::add_footnote{}]);
    return footnoted_parser<ValueParser, std::remove_const_t<decltype(general)>>(general);
}

x3::rule<class footnoted_text_class, footnoted<std::string>> const footnoted_text = "footnoted text";
x3::rule<class footnoted_decimal_class, footnoted<decimal>> const footnoted_decimal = "footnoted number";
x3::rule<class footnoted_date_class, footnoted<form4::date>> const footnoted_date = "footnoted date";
x3::rule<class footnoted_acquired_disposed_class, footnoted<coded<acquired_disposed>>> const
    footnoted_acquired_disposed = "acquired (A) or disposed (D) code";
x3::rule<class footnoted_ownership_form_class, footnoted<coded<ownership_form>>> const footnoted_ownership_form =
    "direct (D) or indirect (I) ownership";
x3::rule<class footnoted_timeliness_class, footnoted<coded<timeliness>>> const footnoted_timeliness =
    "transaction timeliness";

auto const footnoted_text_def = footnoted_content(text);
auto const footnoted_decimal_def = footnoted_content(decimal_value);
auto const footnoted_date_def = footnoted_content(date_value);
auto const footnoted_acquired_disposed_def = footnoted_content(code_value<acquired_disposed>);
auto const footnoted_ownership_form_def = footnoted_content(code_value<ownership_form>);
auto const footnoted_timeliness_def = footnoted_content(code_value<timeliness>);

// ---- issuer and reporting owners -------------------------------------------

x3::rule<class issuer_class, form4::issuer> const issuer = "issuer";
auto const issuer_def = children(element("issuerCik")[text[set(&form4::issuer::cik)]] |
                                 element("issuerName")[text[set(&form4::issuer::name)]] |
                                 element("issuerTradingSymbol")[text[set(&form4::issuer::trading_symbol)]] |
                                 element("issuerForeignTradingSymbol")[text[set(&form4::issuer::foreign_trading_symbol)]]);

x3::rule<class reporting_owner_id_class, form4::reporting_owner_id> const reporting_owner_id = "reportingOwnerId";
auto const reporting_owner_id_def = children(element("rptOwnerCik")[text[set(&form4::reporting_owner_id::cik)]] |
                                             element("rptOwnerCcc")[text[set(&form4::reporting_owner_id::ccc)]] |
                                             element("rptOwnerName")[text[set(&form4::reporting_owner_id::name)]]);

x3::rule<class address_class, form4::address> const address = "reportingOwnerAddress";
auto const address_def = children(
    element("rptOwnerStreet1")[text[set(&form4::address::street1)]] |
    element("rptOwnerStreet2")[text[set(&form4::address::street2)]] |
    element("rptOwnerCity")[text[set(&form4::address::city)]] | element("rptOwnerState")[text[set(&form4::address::state)]] |
    element("rptOwnerZipCode")[text[set(&form4::address::zip_code)]] |
    element("rptOwnerStateDescription")[text[set(&form4::address::state_description)]] |
    element("rptOwnerNonUSStateTerritory")[text[set(&form4::address::non_us_state_territory)]] |
    element("rptOwnerCountry")[text[set(&form4::address::country)]] |
    element("rptOwnerNonUSAddressFlag")[bool_value[set(&form4::address::non_us_address)]] |
    element("rptOwnerGoodAddress")[bool_value[set(&form4::address::good_address)]]);

x3::rule<class relationship_class, form4::relationship> const relationship = "reportingOwnerRelationship";
auto const relationship_def = children(element("isDirector")[bool_value[set(&form4::relationship::is_director)]] |
                                       element("isOfficer")[bool_value[set(&form4::relationship::is_officer)]] |
                                       element("isTenPercentOwner")[bool_value[set(&form4::relationship::is_ten_percent_owner)]] |
                                       element("isOther")[bool_value[set(&form4::relationship::is_other)]] |
                                       element("officerTitle")[text[set(&form4::relationship::officer_title)]] |
                                       element("otherText")[text[set(&form4::relationship::other_text)]]);

x3::rule<class reporting_owner_class, form4::reporting_owner> const reporting_owner = "reportingOwner";
auto const reporting_owner_def =
    children(element("reportingOwnerId")[into(&form4::reporting_owner::id)[reporting_owner_id]] |
             element("reportingOwnerAddress")[into(&form4::reporting_owner::address)[address]] |
             element("reportingOwnerRelationship")[into(&form4::reporting_owner::relationship)[relationship]]);

// ---- parts shared by the table rows ----------------------------------------

x3::rule<class transaction_coding_class, form4::transaction_coding> const transaction_coding = "transactionCoding";
auto const transaction_coding_def =
    children(element("transactionFormType")[code_value<form_type>[set(&form4::transaction_coding::form_type)]] |
             element("transactionCode")[code_value<transaction_code>[set(&form4::transaction_coding::code)]] |
             element("equitySwapInvolved")[bool_value[set(&form4::transaction_coding::equity_swap_involved)]] |
             footnote_ref[actions::add_footnote{}]);

x3::rule<class holding_coding_class, form4::holding_coding> const holding_coding = "transactionCoding";
auto const holding_coding_def =
    children(element("transactionFormType")[code_value<form_type>[set(&form4::holding_coding::form_type)]] |
             footnote_ref[actions::add_footnote{}]);

x3::rule<class post_transaction_amounts_class, form4::post_transaction_amounts> const post_transaction_amounts =
    "postTransactionAmounts";
auto const post_transaction_amounts_def = children(
    element("sharesOwnedFollowingTransaction")[into(&form4::post_transaction_amounts::shares_owned)[footnoted_decimal]] |
    element("valueOwnedFollowingTransaction")[into(&form4::post_transaction_amounts::value_owned)[footnoted_decimal]]);

x3::rule<class ownership_nature_class, form4::ownership_nature> const ownership_nature = "ownershipNature";
auto const ownership_nature_def = children(
    element("directOrIndirectOwnership")[into(&form4::ownership_nature::direct_or_indirect)[footnoted_ownership_form]] |
    element("natureOfOwnership")[into(&form4::ownership_nature::nature)[footnoted_text]]);

x3::rule<class underlying_security_class, form4::underlying_security> const underlying_security =
    "underlyingSecurity";
auto const underlying_security_def =
    children(element("underlyingSecurityTitle")[into(&form4::underlying_security::title)[footnoted_text]] |
             element("underlyingSecurityShares")[into(&form4::underlying_security::shares)[footnoted_decimal]] |
             element("underlyingSecurityValue")[into(&form4::underlying_security::value)[footnoted_decimal]]);

// The children every row has, for row type Row.
template <class Row>
constexpr auto row_basics() {
    return element("securityTitle")[into(&Row::security_title)[footnoted_text]] |
           element("postTransactionAmounts")[into(&Row::post_transaction)[post_transaction_amounts]] |
           element("ownershipNature")[into(&Row::ownership)[ownership_nature]];
}

// The children of a transaction row, Table I or II.
template <class Row>
constexpr auto transaction_basics() {
    return element("transactionDate")[into(&Row::transaction_date)[footnoted_date]] |
           element("deemedExecutionDate")[into(&Row::deemed_execution_date)[footnoted_date]] |
           element("transactionCoding")[into(&Row::coding)[transaction_coding]] |
           element("transactionTimeliness")[into(&Row::timeliness)[footnoted_timeliness]];
}

// Derivative rows: Table II's columns 2, 6 and 7.
template <class Row>
constexpr auto derivative_basics() {
    return element("conversionOrExercisePrice")[into(&Row::conversion_or_exercise_price)[footnoted_decimal]] |
           element("exerciseDate")[into(&Row::exercise_date)[footnoted_date]] |
           element("expirationDate")[into(&Row::expiration_date)[footnoted_date]] |
           element("underlyingSecurity")[into(&Row::underlying)[underlying_security]];
}

// ---- Table I and Table II rows ---------------------------------------------

using nd_transaction_row = form4::non_derivative_transaction;
x3::rule<class non_derivative_transaction_class, nd_transaction_row> const non_derivative_transaction =
    "nonDerivativeTransaction";
auto const non_derivative_transaction_def = children(
    row_basics<nd_transaction_row>() | transaction_basics<nd_transaction_row>() |
    element("transactionAmounts")[children(
        element("transactionShares")[into(&nd_transaction_row::shares)[footnoted_decimal]] |
        element("transactionPricePerShare")[into(&nd_transaction_row::price_per_share)[footnoted_decimal]] |
        element("transactionAcquiredDisposedCode")[into(&nd_transaction_row::acquired_disposed)[footnoted_acquired_disposed]])]);

using nd_holding_row = form4::non_derivative_holding;
x3::rule<class non_derivative_holding_class, nd_holding_row> const non_derivative_holding = "nonDerivativeHolding";
auto const non_derivative_holding_def =
    children(row_basics<nd_holding_row>() | element("transactionCoding")[into(&nd_holding_row::coding)[holding_coding]]);

using d_transaction_row = form4::derivative_transaction;
x3::rule<class derivative_transaction_class, d_transaction_row> const derivative_transaction =
    "derivativeTransaction";
auto const derivative_transaction_def = children(
    row_basics<d_transaction_row>() | transaction_basics<d_transaction_row>() |
    derivative_basics<d_transaction_row>() |
    element("transactionAmounts")[children(
        element("transactionShares")[into(&d_transaction_row::shares)[footnoted_decimal]] |
        element("transactionTotalValue")[into(&d_transaction_row::total_value)[footnoted_decimal]] |
        element("transactionPricePerShare")[into(&d_transaction_row::price_per_share)[footnoted_decimal]] |
        element("transactionAcquiredDisposedCode")[into(&d_transaction_row::acquired_disposed)[footnoted_acquired_disposed]])]);

using d_holding_row = form4::derivative_holding;
x3::rule<class derivative_holding_class, d_holding_row> const derivative_holding = "derivativeHolding";
auto const derivative_holding_def =
    children(row_basics<d_holding_row>() | derivative_basics<d_holding_row>() |
             element("transactionCoding")[into(&d_holding_row::coding)[holding_coding]]);

// ---- signature and the document --------------------------------------------

x3::rule<class signature_class, form4::signature> const signature = "ownerSignature";
auto const signature_def = children(element("signatureName")[text[set(&form4::signature::name)]] |
                                    element("signatureDate")[date_value[set(&form4::signature::date)]]);

using doc = form4::document;
x3::rule<class document_content_class, doc> const document_content = "ownershipDocument content";
auto const document_content_def = children(
    element("schemaVersion")[text[set(&doc::schema_version)]] |
    element("documentType")[code_value<document_type>[set(&doc::type)]] |
    element("periodOfReport")[date_value[set(&doc::period_of_report)]] |
    element("dateOfOriginalSubmission")[date_value[set(&doc::date_of_original_submission)]] |
    element("noSecuritiesOwned")[bool_value[set(&doc::no_securities_owned)]] |
    element("notSubjectToSection16")[bool_value[set(&doc::not_subject_to_section16)]] |
    element("form3HoldingsReported")[bool_value[set(&doc::form3_holdings_reported)]] |
    element("form4TransactionsReported")[bool_value[set(&doc::form4_transactions_reported)]] |
    element("issuer")[into(&doc::issuer)[issuer]] |
    element("reportingOwner")[into(&doc::reporting_owners)[reporting_owner]] |
    element("aff10b5One")[bool_value[set(&doc::aff10b5_one)]] |
    element("nonDerivativeTable")[children(
        element("nonDerivativeTransaction")[into(&doc::non_derivative_transactions)[non_derivative_transaction]] |
        element("nonDerivativeHolding")[into(&doc::non_derivative_holdings)[non_derivative_holding]])] |
    element("derivativeTable")[children(
        element("derivativeTransaction")[into(&doc::derivative_transactions)[derivative_transaction]] |
        element("derivativeHolding")[into(&doc::derivative_holdings)[derivative_holding]])] |
    element("footnotes")[children(footnote_element[actions::append_footnote{}])] |
    element("remarks")[text[set(&doc::remarks)]] |
    element("ownerSignature")[into(&doc::signatures)[signature]]);

ownership_document_type const ownership_document = "ownershipDocument";
auto const ownership_document_def = element("ownershipDocument")[document_content];

BOOST_SPIRIT_DEFINE(footnoted_text, footnoted_decimal, footnoted_date, footnoted_acquired_disposed,
                    footnoted_ownership_form, footnoted_timeliness, issuer, reporting_owner_id, address,
                    relationship, reporting_owner, transaction_coding, holding_coding, post_transaction_amounts,
                    ownership_nature, underlying_security, non_derivative_transaction, non_derivative_holding,
                    derivative_transaction, derivative_holding, signature, document_content, ownership_document)

}  // namespace form4::grammar::xml
