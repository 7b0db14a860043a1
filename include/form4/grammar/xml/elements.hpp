#pragma once
// XML element structure as X3 primitives: element(name)[...], footnotes, unknown elements, lenient recovery.
#include <string>
#include <string_view>

#include "form4/grammar/xml/model_fields.hpp"
#include "form4/grammar/xml/tags.hpp"
#include "form4/model/document.hpp"

namespace form4::grammar::xml {

// ---------------------------------------------------------------------------
// X3 primitives

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_unexpected_content(parse_state& state, iterator_type at,
                                                                         std::string_view name) {
    state.fail(at, "xml.unexpected", "unexpected content in <" + scan::shown(name) + ">");
}

[[gnu::noinline]] inline bool at_start_tag_slowly(iterator_type it, iterator_type last, std::string_view name) noexcept {
    return scan::at_start_tag(it, last, name);
}

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_element_limit(parse_state& state, iterator_type at) {
    if (state.element_count > state.limits.max_elements)
        state.fail(at, "limit.elements", "more elements than the limit of " + std::to_string(state.limits.max_elements));
    state.fail(at, "limit.depth", "elements nest deeper than the limit of " + std::to_string(state.limits.max_depth));
}

// One more element opens at `at`, within the element and depth limits.
FORM4_XML_HOT void count_element(parse_state& state, iterator_type at) {
    if (++state.element_count > state.limits.max_elements || state.open_elements.size() >= state.limits.max_depth)
        [[unlikely]] fail_element_limit(state, at);
}

// Character data of a leaf element, trimmed.
struct text_parser : x3::parser<text_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        if constexpr (std::is_same_v<Attribute, std::string>) {
            read_into(attribute, first, last, state_of(context));  // straight into the model's string
        } else {
            std::string text;
            read_into(text, first, last, state_of(context));
            x3::traits::move_to(text, attribute);
        }
        return true;
    }

    // The value of plain trimmed text (see scan::read_plain_value).
    static std::string from_text(std::string_view raw, iterator_type, const parse_state&) { return std::string(raw); }

    static void read_into(std::string& text, iterator_type& first, iterator_type last, parse_state& state) {
        scan::read_text_into(text, first, last, state);
        if (scan::at_any_start_tag(first, last)) [[unlikely]] skip_children(text, first, last, state);
    }

    // A leaf the schema gives no children: skip any (with a warning) and keep reading text.
    [[gnu::cold, gnu::noinline]] static void skip_children(std::string& text, iterator_type& first, iterator_type last,
                                                           parse_state& state) {
        while (scan::at_any_start_tag(first, last)) {
            if (!state.lenient) state.fail(first, "xml.unexpected-element", "unexpected element inside a value");
            state.report(severity::warning, first, "xml.unexpected-element", "skipped an element inside a value");
            scan::skip_element(first, last, state, true);
            std::string more = scan::read_text(first, last, state);
            if (!more.empty()) text += (text.empty() ? "" : " ") + more;
        }
    }
};

// <name ...> content </name>, or <name .../>. Fails (without consuming) when
// the next tag is not <name>; past the start tag every problem is an error
// with its position, or in lenient mode a warning and a repair.
template <class Subject>
struct element_directive : x3::unary_parser<Subject, element_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, element_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr element_directive(Subject const& subject, std::string_view name)
        : base_type(subject), name(name), field(model_field_of(name)) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext& rcontext,
               Attribute& attribute) const {
        auto& state = state_of(context);
        // The children loop notes the tag it stopped at; elsewhere (the root,
        // a rule run on its own) the tag is looked at here.
        bool named = state.tag_at == first ? state.tag_name_size == name.size() &&
                                                 scan::same_bytes(first + 1, name.data(), name.size())
                                           : at_start_tag_slowly(first, last, name);
        if (!named) return false;
        return parse_named(first, last, context, rcontext, attribute);
    }

    // Out of line, one per content type: shared by every element of that
    // type instead of copied into each alternative.
    template <class Context, class RContext, class Attribute>
    [[gnu::noinline]] bool parse_named(iterator_type& first, iterator_type const& last, Context const& context,
                                       RContext& rcontext, Attribute& attribute) const {
        auto& state = state_of(context);
        count_element(state, first);
        iterator_type it = first + 1 + name.size();
        bool self_closing = false;
        if (*it == '>') ++it;  // no attributes: the common case
        else self_closing = read_attributes_of(it, last, state);
        std::size_t path_size = state.path.size();
        if (state.positions) [[unlikely]] enter_field(state, first);
        state.open_elements.push_back(name);
        if (self_closing) {
            iterator_type empty = it;
            this->subject.parse(empty, empty, context, rcontext, attribute);
        } else {
            if (!this->subject.parse(it, last, context, rcontext, attribute)) [[unlikely]]
                fail_unexpected_content(state, it, name);
            scan::read_end_tag(it, last, name, state);
        }
        state.open_elements.pop_back();
        if (state.positions) [[unlikely]] state.path.resize(path_size);
        first = it;
        return true;
    }

    // Attributes of an element that takes none: read (so that damage is
    // found) and dropped. Whether the tag closed itself.
    [[gnu::noinline]] bool read_attributes_of(iterator_type& it, iterator_type last, parse_state& state) const {
        scan::start_tag tag{name, {}, false};
        scan::read_attributes(it, last, tag, state);
        return tag.self_closing;
    }

    // Extends the state's path by this element's model member and notes
    // where it starts; an entry of a list is noted by into[], which knows its index.
    void enter_field(parse_state& state, iterator_type at) const {
        if (!field || field->member.empty()) return;
        if (!state.path.empty()) state.path += '.';
        state.path += field->member;
        if (field->is_list) state.list_entry_at = at;
        else state.record_position(at);
    }

    std::string_view name;
    std::optional<model_field> field;  // the model member it is read into, for positions
};

struct element_gen {
    std::string_view name;
    template <class Subject>
    constexpr element_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject), name};
    }
};

// element("issuerCik")[text]: the element of that name with that content.
constexpr element_gen element(std::string_view name) { return {name}; }

// <name id="...">text</name> or <name id="..."/> at `first`: its id, and its
// text when `text` is given. A missing id is an error (strict) or a warning
// (lenient, and then `id` stays empty).
template <class Context>
bool read_id_element(iterator_type& first, iterator_type last, Context const& context, std::string_view name,
                     std::string& id, std::string* text) {
    if (!scan::at_start_tag(first, last, name)) return false;
    auto& state = state_of(context);
    iterator_type it = first + 1 + name.size();
    scan::start_tag tag{name, {}, false};
    scan::read_attributes(it, last, tag, state);
    if (!tag.self_closing) {
        state.open_elements.push_back(name);
        std::string content;
        x3::unused_type unused;
        text_parser{}.parse(it, last, context, unused, content);
        if (text) *text = std::move(content);
        scan::read_end_tag(it, last, name, state);
        state.open_elements.pop_back();
    }
    if (tag.id.empty()) {
        std::string what = "<" + scan::shown(name) + "> has no id attribute";
        if (!state.lenient) state.fail(first, "xml.missing-attribute", what);
        state.report(severity::warning, first, "xml.missing-attribute", what);
    }
    id = std::move(tag.id);
    first = it;
    return true;
}

// <footnoteId id="F1"/>: the id (a reference without one is dropped).
struct footnote_ref_parser : x3::parser<footnote_ref_parser> {
    using attribute_type = std::string;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        std::string id;
        if (!read_id_element(first, last, context, "footnoteId", id, nullptr)) return false;
        if (!id.empty()) x3::traits::move_to(id, attribute);
        return true;
    }
};

// <footnote id="F1">text</footnote>
struct footnote_parser : x3::parser<footnote_parser> {
    using attribute_type = form4::footnote;
    static bool const has_attribute = true;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&,
               Attribute& attribute) const {
        form4::footnote note;
        if (!read_id_element(first, last, context, "footnote", note.id, &note.text)) return false;
        x3::traits::move_to(note, attribute);
        return true;
    }
};

// Unknown elements listed one by one; past these, only counted (see
// parse_xml): a flood of them must not cost a diagnostic each.
inline constexpr std::size_t listed_unknown_elements = 100;

// Any element the grammar does not know: skipped whole, with a warning, so
// that newer schemas do not break older readers.
struct unknown_element_parser : x3::parser<unknown_element_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext&, Attribute&) const {
        return skip(first, last, state_of(context));
    }

    [[gnu::noinline]] static bool skip(iterator_type& first, iterator_type last, parse_state& state) {
        if (!scan::at_any_start_tag(first, last)) return false;
        iterator_type it = first + 1;
        std::string_view name = scan::read_name(it, last);
        iterator_type start = first;
        if (name.size() > state.limits.max_string_bytes)
            state.fail(start + 1, "limit.string-length",
                       "an element name is longer than the limit of " + std::to_string(state.limits.max_string_bytes) +
                           " bytes");
        if (!scan::skip_element(first, last, state, false))
            state.fail(start, "xml.unexpected-end", "input ends inside <" + scan::shown(name) + ">");
        // A warning: the schema has no place for what it held (a misspelled
        // element's value would otherwise vanish without a word). Not an
        // error, so that a newer schema version still parses.
        if (++state.unknown_elements <= listed_unknown_elements)
            state.report(severity::warning, start, "xml.unknown-element",
                         "skipped unknown element <" + scan::shown(name) + ">");
        return true;
    }
};

// Lenient mode, after damage inside the child that starts at `start`: the
// state as it was before the child, the warning, and where reading goes on.
[[gnu::cold, gnu::noinline]] inline iterator_type skip_damaged_child(const syntax_error& error, parse_state& state,
                                                                     iterator_type start, iterator_type last,
                                                                     std::size_t open, std::size_t path_size) {
    state.open_elements.pop_to(open);
    state.path.resize(path_size);
    iterator_type name_at = start + 1;
    std::string_view name = scan::read_name(name_at, last);
    iterator_type next = start == last ? last : scan::skip_damaged(start, last, name);
    state.report(severity::warning, error.where, error.code, error.message + "; skipped <" + scan::shown(name) + ">");
    return next;
}

// recover[p]: in lenient mode, damage inside p is reported and the element
// where it happened is skipped, so that its siblings are still read. In
// strict mode the error goes on up and ends the parse.
template <class Subject>
struct recover_directive : x3::unary_parser<Subject, recover_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, recover_directive<Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr recover_directive(Subject const& subject) : base_type(subject) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const& context, RContext& rcontext,
               Attribute& attribute) const {
        auto& state = state_of(context);
        iterator_type start = first;
        std::size_t open = state.open_elements.size();
        std::size_t path_size = state.path.size();
        try {
            return this->subject.parse(first, last, context, rcontext, attribute);
        } catch (const syntax_error& error) {
            if (!state.lenient || error.code.rfind("limit.", 0) == 0) throw;
            first = skip_damaged_child(error, state, start, last, open, path_size);
            return true;
        }
    }
};

struct recover_gen {
    template <class Subject>
    constexpr recover_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject)};
    }
};

// A container's children: the loop *(gap | stray end tag | child) written
// out, so that the space before each child and the child's start tag are
// scanned once. The start tag's name is noted in the state: element()
// alternatives that do not match are then told apart by its length.
template <class Child>
struct children_parser : x3::unary_parser<Child, children_parser<Child>> {
    using base_type = x3::unary_parser<Child, children_parser<Child>>;
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    constexpr children_parser(Child const& child) : base_type(child) {}

    template <class Context, class RContext, class Attribute>
    [[gnu::noinline]] bool parse(iterator_type& first, iterator_type const& last, Context const& context,
                                 RContext& rcontext, Attribute&) const {
        auto& state = state_of(context);
        for (;;) {
            std::size_t name_size = scan::skip_gap(first, last, state);
            if (name_size == 0) {
                if (scan::skip_stray_end_tag(first, last, state)) continue;
                return true;
            }
            state.tag_at = first;
            state.tag_name_size = name_size;
            x3::unused_type unused;
            if (!this->subject.parse(first, last, context, rcontext, unused)) return true;
        }
    }
};

inline constexpr text_parser text{};
inline constexpr footnote_ref_parser footnote_ref{};
inline constexpr footnote_parser footnote_element{};
inline constexpr unknown_element_parser unknown_element{};
inline constexpr recover_gen recover{};

}  // namespace form4::grammar::xml
