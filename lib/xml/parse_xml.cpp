// The XML front end: prolog (BOM, declaration, comments, DOCTYPE), the
// ownershipDocument element through the X3 grammar, and the epilogue.
#include "form4/grammar/xml/lexical.hpp"
#include "form4/grammar/xml/ownership_document.hpp"
#include "frontends.hpp"
#include "util/ascii.hpp"
#include "xml/required_elements.hpp"

namespace form4::detail {
namespace {

using namespace form4::grammar::xml;

// Reads <?xml version="1.0" encoding="..."?> if present; notes a Latin-1 encoding.
void read_declaration(iterator_type& it, iterator_type last, parse_state& state) {
    if (!scan::starts_with(it, last, "<?xml") || (it + 5 != last && !scan::is_space(it[5]))) return;
    iterator_type close = scan::find(it, last, "?>");
    if (close == last) state.fail(it, "xml.unterminated-pi", "XML declaration is not closed (missing ?>)");
    std::string_view declaration(it, static_cast<std::size_t>(close - it));
    auto at = declaration.find("encoding");
    if (at != std::string_view::npos) {
        auto quote = declaration.find_first_of("\"'", at);
        if (quote != std::string_view::npos) {
            auto end = declaration.find(declaration[quote], quote + 1);
            std::string encoding = util::ascii_lowercase(declaration.substr(quote + 1, end - quote - 1));
            state.latin1 = encoding == "iso-8859-1" || encoding == "latin1" || encoding == "latin-1" ||
                           encoding == "windows-1252" || encoding == "cp1252" || encoding == "us-ascii";
        }
    }
    it = close + 2;
}

void skip_misc(iterator_type& it, iterator_type last, parse_state& state) {
    for (;;) {
        scan::skip_space(it, last);
        if (it == last || !scan::skip_markup_declaration(it, last, state)) return;
    }
}

}  // namespace

parse_result parse_xml(std::string_view bytes, const parse_options& options) {
    parse_result result;
    result.format = input_format::xml;
    parse_state state;
    state.begin = bytes.data();
    state.end = bytes.data() + bytes.size();
    state.lenient = options.lenient;
    state.limits = options.limits;
    state.diagnostics = &result.diagnostics;
    if (options.record_positions) state.positions = &result.positions;

    iterator_type it = state.begin, last = state.end;
    form4::document doc;
    try {
        if (scan::starts_with(it, last, "\xEF\xBB\xBF")) it += 3;
        read_declaration(it, last, state);
        scan::check_xml_characters(state.begin, last, state);
        skip_misc(it, last, state);
        iterator_type root_at = it;
        auto const parser = x3::with<state_tag>(state)[grammar::ownership_document()];
        if (!x3::parse(it, last, parser, doc)) {
            iterator_type name_at = root_at + 1;
            std::string found = "text";
            if (it == last) {
                found = "the end of the input";
            } else if (*it == '<') {
                found.assign(1, '<');
                found.append(scan::shown(scan::read_name(name_at, last)));
                found.push_back('>');
            }
            state.fail(root_at, "xml.expected-root", "expected <ownershipDocument> but found " + found);
        }
        check_required_elements(doc, root_at, state);
        if (state.unknown_elements > listed_unknown_elements)
            state.report(severity::warning, root_at, "xml.unknown-element",
                         std::to_string(state.unknown_elements) + " unknown elements were skipped in all; the first " +
                             std::to_string(listed_unknown_elements) + " are listed");
        skip_misc(it, last, state);
        if (it != last) {
            if (!options.lenient)
                state.fail(it, "xml.trailing-content", "unexpected content after </ownershipDocument>");
            state.report(severity::warning, it, "xml.trailing-content",
                         "ignored content after </ownershipDocument>");
        }
    } catch (const syntax_error& error) {
        state.report(severity::error, error.where, error.code, error.message);
        return result;
    } catch (const x3::expectation_failure<iterator_type>& failure) {
        state.report(severity::error, failure.where(), "xml.expected", "expected " + failure.which());
        return result;
    } catch (const std::bad_alloc&) {
        state.report(severity::error, it, "limit.memory", "out of memory");
        return result;
    }
    result.doc = std::move(doc);
    return result;
}

}  // namespace form4::detail
