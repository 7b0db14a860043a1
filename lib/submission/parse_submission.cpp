// The submission front end: the EDGAR SGML envelope (.txt with <SEC-HEADER>,
// .nc feed files with <SUBMISSION>) through the X3 grammar, then its ownership
// document (<XML> ... </XML>) through the XML front end. The envelope fills
// document::filing; everything else comes from the ownership XML.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "form4/grammar/submission/document.hpp"
#include "form4/grammar/submission/header.hpp"
#include "frontends.hpp"
#include "submission/header_facts.hpp"

namespace form4::detail {
namespace {

namespace sub = form4::grammar::submission;
namespace envelope = form4::grammar::envelope;
using sub::iterator_type;

bool contains(iterator_type first, iterator_type last, std::string_view needle) {
    return std::string_view(first, static_cast<std::size_t>(last - first)).find(needle) != std::string_view::npos;
}

// The first document whose <XML> (or, leniently, whose text) holds an
// ownershipDocument.
std::optional<sub::ast::text_range> ownership_xml(const std::vector<sub::ast::document_part>& parts,
                                                  const sub::parse_state& state) {
    for (const auto& part : parts)
        if (part.has_xml && contains(part.xml.begin(), part.xml.end(), "<ownershipDocument")) return part.xml;
    if (state.lenient)
        for (const auto& part : parts)
            if (!part.has_xml && contains(part.text.begin(), part.text.end(), "<ownershipDocument")) {
                state.report(severity::warning, part.where, "submission.xml-without-tags",
                             "read an ownership document that is not enclosed in <XML> ... </XML>");
                return part.text;
            }
    return std::nullopt;
}

// The text of the first <DOCUMENT> of type 3, 4 or 5 (or an amendment): how
// Forms 3, 4 and 5 were filed before ownership XML.
std::optional<sub::ast::text_range> form_text(const std::vector<sub::ast::document_part>& parts) {
    for (const auto& part : parts) {
        auto type = find_field(part.fields, "TYPE");
        if (type && !part.has_xml && document_type_from(type->value) != document_type::unknown && part.text.size() > 0)
            return part.text;
    }
    return std::nullopt;
}

std::string describe_documents(const std::vector<sub::ast::document_part>& parts) {
    if (parts.empty()) return "the submission has no <DOCUMENT>";
    std::string types;
    for (const auto& part : parts) {
        auto type = find_field(part.fields, "TYPE");
        if (!types.empty()) types += ", ";
        types += type ? type->value : std::string("?");
    }
    return "no <DOCUMENT> holds an ownership XML document (<XML><ownershipDocument>); document types: " + types;
}

// Lenient recovery when the envelope grammar gave up: the header alone, when
// it can be read, and the first <XML> ... </XML> found by search.
void recover(std::string_view bytes, sub::parse_state& state, sub::ast::submission& out) {
    auto const try_header = [&](std::string_view opener, auto const& rule) {
        auto at = bytes.find(opener);
        if (at == std::string_view::npos) return false;
        iterator_type it = bytes.data() + at;
        if (opener == "<SUBMISSION>") {
            it += opener.size();
            while (it != state.end && (*it == '\r' || *it == '\n')) ++it;
        }
        sub::ast::header header;
        try {
            if (!sub::x3::parse(it, state.end, sub::x3::with<sub::state_tag>(state)[rule], header)) return false;
        } catch (const sub::syntax_error&) {
            return false;
        } catch (const sub::x3::expectation_failure<iterator_type>&) {
            return false;
        }
        out.head = std::move(header);
        return true;
    };
    out = {};
    if (!try_header("<SEC-HEADER>", envelope::text_header())) try_header("<SUBMISSION>", envelope::tag_header());
    auto open = bytes.find("<XML>");
    if (open == std::string_view::npos) return;
    auto start = bytes.find_first_of("\r\n", open);
    if (start == std::string_view::npos) return;
    start += bytes.compare(start, 2, "\r\n") == 0 ? 2 : 1;
    auto close = bytes.find("</XML>", start);
    if (close == std::string_view::npos) close = bytes.size();
    sub::ast::document_part part;
    part.where = bytes.data() + open;
    part.xml = part.text = sub::ast::text_range(bytes.data() + start, bytes.data() + close);
    part.has_xml = true;
    out.documents.push_back(std::move(part));
}

}  // namespace

parse_result parse_submission(std::string_view bytes, const parse_options& options) {
    if (is_edgar_xml_submission(bytes)) return parse_edgar_submission(bytes, options);
    parse_result result;
    result.format = input_format::submission;
    sub::parse_state state;
    state.begin = bytes.data();
    state.end = bytes.data() + bytes.size();
    state.lenient = options.lenient;
    state.max_string_bytes = options.limits.max_string_bytes;
    state.diagnostics = &result.diagnostics;

    auto const envelope_error = [&](iterator_type where, std::string code, std::string message) {
        // Strict: the error ends the parse. Lenient: it becomes a warning and
        // whatever the header and the <XML> section still give is kept.
        state.report(options.lenient ? severity::warning : severity::error, where, std::move(code),
                     std::move(message));
    };

    sub::ast::submission parsed;
    bool envelope_ok = false;
    try {
        iterator_type it = state.begin;
        bool matched = sub::x3::parse(it, state.end, sub::x3::with<sub::state_tag>(state)[envelope::submission()],
                                      parsed);
        if (!matched || it == state.begin)
            envelope_error(it, "submission.expected-envelope", "expected <SEC-DOCUMENT>, <SUBMISSION> or <DOCUMENT>");
        else if (it != state.end)
            envelope_error(it, "submission.trailing-content", "unexpected content after the last </DOCUMENT>");
        else
            envelope_ok = true;
    } catch (const sub::syntax_error& error) {
        if (error.code.starts_with("limit.")) {
            state.report(severity::error, error.where, error.code, error.message);
            return result;
        }
        envelope_error(error.where, error.code, error.message);
    } catch (const sub::x3::expectation_failure<iterator_type>& failure) {
        envelope_error(failure.where(), "submission.expected", "expected " + failure.which());
    }
    if (!envelope_ok) {
        if (!options.lenient) return result;
        recover(bytes, state, parsed);
    }

    envelope_facts facts;
    try {
        if (parsed.head.fields.empty() && parsed.head.blocks.empty())
            result.diagnostics.push_back(diagnostic{severity::note, "submission.no-header",
                                                    "the submission has no header: no filing metadata", 0, 0});
        else
            facts = read_envelope_facts(parsed.head, state, result.diagnostics);
    } catch (const sub::syntax_error& error) {
        state.report(severity::error, error.where, error.code, error.message);
        return result;
    }

    // The ownership XML, or else (filings before mid-2003) the form as text.
    auto xml = ownership_xml(parsed.documents, state);
    auto body = xml ? xml : form_text(parsed.documents);
    auto header_type = find_field(parsed.head.fields, "TYPE");
    bool ownership_form = header_type && document_type_from(header_type->value) != document_type::unknown;
    if (!body && parsed.documents.empty() && ownership_form) {
        try {
            document doc = read_header_only_document(parsed.head, state, result.diagnostics);
            doc.filing = std::move(facts.filing);
            doc.filing.file_numbers = file_numbers_for(doc, facts.owners);
            result.diagnostics.push_back(diagnostic{
                severity::warning, "submission.header-only",
                "the submission has a header and no document (a filing made on paper): the document holds "
                "what the header says, without tables",
                0, 0});
            result.doc = std::move(doc);
        } catch (const sub::syntax_error& error) {
            state.report(severity::error, error.where, error.code, error.message);
        }
        return result;
    }
    if (!body) {
        result.diagnostics.push_back(
            diagnostic{severity::error, "submission.no-ownership-document", describe_documents(parsed.documents),
                       0, 0});
        return result;
    }
    std::string_view inner_bytes(body->begin(), static_cast<std::size_t>(body->size()));
    parse_options inner_options = options;
    inner_options.format = xml ? input_format::xml : input_format::text;
    parse_result inner = xml ? parse_xml(inner_bytes, inner_options) : parse_text(inner_bytes, inner_options);

    // The inner front end counts lines from the start of what it is given;
    // its diagnostics move to the submission's lines.
    auto [first_line, first_column] = state.position(body->begin());
    auto to_submission = [&, first_line = first_line, first_column = first_column](std::size_t& line,
                                                                                   std::size_t& column) {
        if (line == 0) return;
        if (line == 1) column += first_column - 1;
        line += first_line - 1;
    };
    for (auto& d : inner.diagnostics) {
        to_submission(d.line, d.column);
        result.diagnostics.push_back(std::move(d));
    }
    if (!inner.doc) return result;
    // The positions move the same way (parse_options::record_positions).
    for (auto [path, where] : inner.positions) {
        to_submission(where.line, where.column);
        result.positions.record(path, where);
    }

    document doc = std::move(*inner.doc);
    facts.filing.file_numbers = file_numbers_for(doc, facts.owners);
    if (!facts.issuer_cik.empty() && !doc.issuer.cik.empty() &&
        strip_zeros(facts.issuer_cik) != strip_zeros(doc.issuer.cik))
        result.diagnostics.push_back(diagnostic{severity::warning, "submission.issuer-mismatch",
                                                "the header's ISSUER CIK " + facts.issuer_cik +
                                                    " differs from the document's issuerCik " + doc.issuer.cik,
                                                0, 0});
    doc.filing = std::move(facts.filing);
    result.doc = std::move(doc);
    return result;
}

}  // namespace form4::detail
