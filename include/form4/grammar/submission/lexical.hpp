#pragma once
// Line-level pieces shared by the header and document rules, and the
// semantic actions that build the AST. An EDGAR envelope is line oriented:
// every rule ends at a line end, and CRLF, LF and a lone CR all end a line.
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "form4/grammar/submission/ast.hpp"
#include "form4/grammar/submission/config.hpp"

namespace form4::grammar::submission {
namespace lexical {

inline auto const blank = x3::char_(" \t");
inline auto const line_end = x3::lit("\r\n") | x3::lit('\n') | x3::lit('\r');
inline auto const end_of_line = line_end | x3::eoi;
inline auto const blank_line = x3::omit[*blank >> line_end];

// A run of characters read in one pass as a view of the input (X3's
// *char_ into a string pushes back char by char): one that `First` accepts,
// then any that `Rest` accepts; fails when shorter than `min`.
template <class First, class Rest>
struct run_parser : x3::parser<run_parser<First, Rest>> {
    using attribute_type = std::string_view;
    static bool const has_attribute = true;

    constexpr explicit run_parser(std::size_t min) : min(min) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const&, RContext&,
               Attribute& attribute) const {
        iterator_type it = first;
        if (it != last && First{}(*it)) {
            ++it;
            while (it != last && Rest{}(*it)) ++it;
        }
        if (static_cast<std::size_t>(it - first) < min) return false;
        attribute = std::string_view(first, static_cast<std::size_t>(it - first));
        first = it;
        return true;
    }

    std::size_t min;
};

struct not_line_end {
    constexpr bool operator()(char c) const noexcept { return c != '\r' && c != '\n'; }
};
struct ascii_alnum {
    constexpr bool operator()(char c) const noexcept {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
};
struct header_key_char {  // a text-form key runs to the colon
    constexpr bool operator()(char c) const noexcept {
        return c != ':' && c != '\r' && c != '\n' && c != '\t' && c != '<';
    }
};
struct tag_name_char {
    constexpr bool operator()(char c) const noexcept { return ascii_alnum{}(c) || c == '_' || c == '.' || c == '-'; }
};

// The rest of the line, line end not included (possibly nothing).
inline constexpr run_parser<not_line_end, not_line_end> rest_of_line{0};
// The rest of the line, at least one character of it.
inline constexpr run_parser<not_line_end, not_line_end> line_text{1};
// "STREET 1", "SEC FILE NUMBER", "REPORTING-OWNER": a letter or digit, then up to the colon.
inline constexpr run_parser<ascii_alnum, header_key_char> header_key{1};
// <FILER>, <STREET1>, <FILE-NUMBER>
inline constexpr run_parser<ascii_alnum, tag_name_char> tag_name_run{1};

// A whole line; never matches nothing (at the end of the input), so that a
// repeat of it always ends.
inline auto const skip_line = x3::omit[!x3::eoi >> rest_of_line >> end_of_line];

// Everything up to the first `marker`, which is left unread, or to the end:
// *(char_ - lit(marker)) with memchr and one compare per candidate instead
// of a compare at every byte of a document body.
struct until_parser : x3::parser<until_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    constexpr explicit until_parser(std::string_view marker) : marker(marker) {}

    template <class Context, class RContext, class Attribute>
    bool parse(iterator_type& first, iterator_type const& last, Context const&, RContext&, Attribute&) const {
        for (iterator_type it = first; it < last;) {
            auto* hit = static_cast<iterator_type>(std::memchr(it, marker[0], static_cast<std::size_t>(last - it)));
            if (!hit) break;
            if (static_cast<std::size_t>(last - hit) >= marker.size() &&
                std::memcmp(hit, marker.data(), marker.size()) == 0) {
                first = hit;
                return true;
            }
            it = hit + 1;
        }
        first = last;
        return true;
    }

    std::string_view marker;
};
constexpr until_parser until(std::string_view marker) { return until_parser(marker); }

}  // namespace lexical

namespace actions {

inline std::string trimmed(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// field.key = _attr (trimmed) and where the key starts.
struct set_key_t {
    template <class Context>
    void operator()(Context& context) const {
        // X3 (1.81) gives _where as [end of the match, end of input]; the key
        // attribute is the matched text itself, so its length leads back.
        auto& field = x3::_val(context);
        auto const& raw_key = x3::_attr(context);
        field.where = x3::_where(context).begin() - raw_key.size();
        field.key = trimmed(raw_key);
    }
};
inline constexpr set_key_t set_key{};

// A header value over parse_limits::max_string_bytes ends the parse, in
// lenient mode too: limits protect the caller, they are not damage to skip.
template <class Context>
void check_value_length(Context& context, std::size_t length) {
    auto& state = state_of(context);
    if (length <= state.max_string_bytes) return;
    auto const& raw = x3::_attr(context);
    state.fail(x3::_where(context).begin() - raw.size(), "limit.string-length",
               "a header value of " + std::to_string(length) + " bytes is over the limit of " +
                   std::to_string(state.max_string_bytes));
}

struct set_value_t {
    template <class Context>
    void operator()(Context& context) const {
        check_value_length(context, x3::_attr(context).size());
        x3::_val(context).value = trimmed(x3::_attr(context));
    }
};
inline constexpr set_value_t set_value{};

// A wrapped line continues the value before it, separated by one space.
struct append_continuation_t {
    template <class Context>
    void operator()(Context& context) const {
        auto& value = x3::_val(context).value;
        std::string more = trimmed(x3::_attr(context));
        if (more.empty()) return;
        check_value_length(context, value.size() + 1 + more.size());
        if (!value.empty()) value += ' ';
        value += more;
    }
};
inline constexpr append_continuation_t append_continuation{};

struct set_name_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).name = trimmed(x3::_attr(context));
    }
};
inline constexpr set_name_t set_name{};

// The block's position: the opening line, for diagnostics about the block.
// Attached to eps, whose match is empty, so _where starts where the block does.
struct mark_block_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).where = x3::_where(context).begin();
    }
};
inline constexpr mark_block_t mark_block{};

// A closing tag matches only the name it closes; otherwise the whole
// group or block fails and the opening line is read as a plain field.
struct check_close_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_pass(context) = x3::_attr(context) == x3::_val(context).name;
    }
};
inline constexpr check_close_t check_close{};

struct add_field_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).fields.push_back(std::move(x3::_attr(context)));
    }
};
inline constexpr add_field_t add_field{};

struct add_group_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).groups.push_back(std::move(x3::_attr(context)));
    }
};
inline constexpr add_group_t add_group{};

// A field directly inside a tag block goes to the block's unnamed group.
struct add_loose_field_t {
    template <class Context>
    void operator()(Context& context) const {
        auto& groups = x3::_val(context).groups;
        if (groups.empty() || !groups.back().name.empty()) groups.emplace_back();
        groups.back().fields.push_back(std::move(x3::_attr(context)));
    }
};
inline constexpr add_loose_field_t add_loose_field{};

struct add_block_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).blocks.push_back(std::move(x3::_attr(context)));
    }
};
inline constexpr add_block_t add_block{};

// A header line that is neither a field nor a block: an error when strict,
// skipped with a warning when lenient.
struct unknown_line_t {
    template <class Context>
    void operator()(Context& context) const {
        auto& state = state_of(context);
        auto where = x3::_attr(context).begin();   // the raw[] range of the line
        std::string line(where, x3::_attr(context).end());
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        if (line.size() > 60) line = line.substr(0, 60) + "...";
        if (!state.lenient)
            state.fail(where, "submission.header-line", "not a header line: \"" + line + "\"");
        state.report(severity::warning, where, "submission.header-line", "skipped a header line: \"" + line + "\"");
    }
};
inline constexpr unknown_line_t unknown_line{};

}  // namespace actions

// "<NAME>" alone on its line (blanks after it allowed), as a tag group or
// block opens; true for every line that might (the names are not checked).
inline bool is_opening_line(char const* first, char const* last) {
    if (first == last || *first != '<') return false;
    char const* name = ++first;
    while (first != last && *first != '>' && *first != '<' && *first != '\n' && *first != '\r') ++first;
    if (first == name || first == last || *first != '>') return false;
    for (++first; first != last && (*first == ' ' || *first == '\t'); ++first) {}
    return first != last && (*first == '\n' || *first == '\r');
}

// tried_once(&parse_state::failed_...)[p]: p is not tried again where it
// failed before (p must depend on the input alone, as the tag rules do).
// Each opening line that fails uses up one of max_unclosed_header_tags; once
// they are gone, no group or block is tried (the lines read as fields), which
// is an error when strict and a warning when lenient.
template <class Subject>
struct tried_once_directive : x3::unary_parser<Subject, tried_once_directive<Subject>> {
    using base_type = x3::unary_parser<Subject, tried_once_directive<Subject>>;
    using failures_member = std::unordered_set<char const*> parse_state::*;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr tried_once_directive(Subject const& subject, failures_member failures)
        : base_type(subject), failures(failures) {}

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute& attribute) const {
        auto& state = state_of(context);
        auto& failed = state.*failures;
        // Any other line fails on its first line: nothing to remember or count.
        if (!is_opening_line(first, last)) return this->subject.parse(first, last, context, rcontext, attribute);
        if (failed.count(first)) return false;
        if (state.unclosed_tags_left <= 0) {   // nested tries can take it below 0
            std::string message = "more than " + std::to_string(max_unclosed_header_tags) +
                                  " tags open a group or block that never closes: no more are looked for, "
                                  "and the lines from here on read as fields";
            if (!state.lenient) state.fail(first, "submission.unclosed-tags", message);
            if (!state.unclosed_tags_reported) state.report(severity::warning, first, "submission.unclosed-tags", message);
            state.unclosed_tags_reported = true;
            return false;
        }
        if (this->subject.parse(first, last, context, rcontext, attribute)) return true;
        failed.insert(first);
        --state.unclosed_tags_left;
        return false;
    }

    failures_member failures;
};

struct tried_once_gen {
    std::unordered_set<char const*> parse_state::* failures;
    template <class Subject>
    constexpr tried_once_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {x3::as_parser(subject), failures};
    }
};

constexpr tried_once_gen tried_once(std::unordered_set<char const*> parse_state::* failures) { return {failures}; }

}  // namespace form4::grammar::submission
