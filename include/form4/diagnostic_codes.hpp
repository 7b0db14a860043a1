#pragma once
// Every code a parse reports (form4::diagnostic::code), with how severe it is
// and what it means: the one list, as lint_rules() is for lint's codes.
// docs/diagnostic-codes.md is this list (tests/model/test_diagnostic_codes.cpp
// checks both, and that every code the sources emit is here).
#include <array>
#include <string_view>

#include "form4/model/diagnostic.hpp"

namespace form4 {

// How a code is reported.
enum class code_level {
    error,        // always an error: no document comes back
    damage,       // an error when strict; when lenient a warning, and what it touches is skipped or repaired
    warning,      // always a warning: the document comes back
    note,         // a note: something read in a way worth knowing
};

struct diagnostic_code {
    std::string_view code;
    code_level level;
    std::string_view meaning;
};

// Sorted by code.
inline constexpr auto diagnostic_codes = std::to_array<diagnostic_code>({
    {"format.unknown", code_level::error, "the input is none of the formats form4 reads"},
    {"input.invalid-utf8", code_level::damage, "the input is not UTF-8 and declares no other encoding (lenient: read as Latin-1)"},
    {"io", code_level::error, "the file could not be opened or read"},
    {"limit.depth", code_level::error, "elements nest deeper than parse_limits::max_depth"},
    {"limit.elements", code_level::error, "more elements than parse_limits::max_elements"},
    {"limit.footnotes", code_level::error, "more footnotes, or footnote references on one value, than parse_limits::max_footnotes"},
    {"limit.input-size", code_level::error, "the input is larger than parse_limits::max_input_bytes"},
    {"limit.memory", code_level::error, "out of memory while reading"},
    {"limit.rows", code_level::error, "a table has more rows than parse_limits::max_rows"},
    {"limit.string-length", code_level::error, "one value is longer than parse_limits::max_string_bytes"},
    {"submission.accession-number", code_level::damage, "the header's accession number is not ##########-##-######"},
    {"submission.base64", code_level::error, "a document of an XML submission is not valid base64"},
    {"submission.date", code_level::damage, "a header date is not YYYYMMDD"},
    {"submission.date-time", code_level::damage, "the acceptance date and time is not YYYYMMDDhhmmss"},
    {"submission.expected", code_level::error, "the envelope lacks something its grammar requires here"},
    {"submission.expected-envelope", code_level::damage, "no <SEC-DOCUMENT>, <SUBMISSION> or <DOCUMENT> where the envelope starts"},
    {"submission.header-line", code_level::damage, "a line of the header is not KEY: value"},
    {"submission.header-only", code_level::warning, "a paper filing's header without a document: the document is the header's facts"},
    {"submission.invalid-utf8", code_level::damage, "a header value is not UTF-8 (lenient: read as Latin-1)"},
    {"submission.issuer-mismatch", code_level::warning, "the header's issuer and the document's differ"},
    {"submission.missing-accession-number", code_level::damage, "the header has no accession number"},
    {"submission.no-header", code_level::note, "the submission has no header; the document is read alone"},
    {"submission.no-ownership-document", code_level::error, "the submission holds no Form 3, 4 or 5 document"},
    {"submission.trailing-content", code_level::damage, "content after the last </DOCUMENT>"},
    {"submission.unclosed-tags", code_level::damage, "over 1,000 header tags open a group or block that never closes; later ones read as fields"},
    {"submission.xml-without-tags", code_level::warning, "a document's <XML> wrapper is missing; its ownership XML is read anyway"},
    {"text.ambiguous-address", code_level::warning, "an owner's address cannot be cut into its fields: not read (a table), or kept whole as the city (a non-US address on one line)"},
    {"text.ambiguous-column", code_level::note, "a cell could belong to two columns; the nearer one was taken (Table II's (A) or (D): the direction is left unknown)"},
    {"text.ambiguous-mark", code_level::warning, "a footnote mark standing apart where empty cells were dropped may be an empty cell's; it is kept with the value before it"},
    {"text.ambiguous-split", code_level::warning, "words a converter ran together cannot be cut into cells for sure; the text is kept whole"},
    {"text.bad-footnote", code_level::damage, "a footnote line without a readable mark"},
    {"text.bad-row", code_level::damage, "a table row whose cells fit no column layout"},
    {"text.expected", code_level::damage, "a cell lacks what its column requires, or the header an owner's or the issuer's name"},
    {"text.extra-cells", code_level::damage, "a row has more cells than its table's columns"},
    {"text.invalid-date", code_level::damage, "a date cell is not a date"},
    {"text.invalid-number", code_level::damage, "a number cell is not a number the model can hold"},
    {"text.missing-item", code_level::damage, "a numbered item of the form (1. Name and Address ...) is missing"},
    {"text.missing-section", code_level::damage, "a section of the form (Table I, Table II, ...) is missing"},
    {"text.no-form-body", code_level::error, "a form's title with nothing of the form after it"},
    {"text.no-heading", code_level::warning, "no form heading (FORM 4, ...): the kind of form is taken from the content"},
    {"text.not-a-form", code_level::error, "the text is not a Form 3, 4 or 5"},
    {"text.unknown-checkbox", code_level::note, "the 10b5-1 box is not drawn in the text (a converter that shows no ticks): the answer is left unknown"},
    {"xml.bad-reference", code_level::damage, "an '&' that starts no known entity or character reference"},
    {"xml.bad-value", code_level::damage, "a value that is not of its element's type (a date, a number, a flag)"},
    {"xml.expected", code_level::error, "the document lacks something the grammar requires here"},
    {"xml.expected-root", code_level::error, "the root element is not <ownershipDocument>"},
    {"xml.illegal-character", code_level::damage, "a character XML does not allow (a control character, U+FFFE, U+FFFF), written or referred to"},
    {"xml.invalid-utf8", code_level::damage, "text is not UTF-8 and no other encoding is declared"},
    {"xml.malformed-end-tag", code_level::damage, "an end tag that is not </name>"},
    {"xml.mismatched-end-tag", code_level::damage, "an end tag that closes another element than the open one"},
    {"xml.missing-attribute", code_level::damage, "an element lacks an attribute it requires (<footnoteId id=...>)"},
    {"xml.missing-end-tag", code_level::damage, "an element is not closed before its parent's end tag"},
    {"xml.missing-required", code_level::damage, "an element the schema requires in <ownershipDocument> is missing"},
    {"xml.stray-end-tag", code_level::damage, "an end tag that closes nothing"},
    {"xml.stray-lt", code_level::damage, "a '<' in text that starts no markup"},
    {"xml.trailing-content", code_level::damage, "content after </ownershipDocument>"},
    {"xml.unexpected", code_level::error, "markup XML does not allow here"},
    {"xml.unexpected-element", code_level::damage, "an element inside a value that takes none"},
    {"xml.unexpected-end", code_level::damage, "the input ends inside an element or a tag"},
    {"xml.unknown-element", code_level::warning, "an element the schema does not have, skipped (a future schema's may hold data)"},
    {"xml.unterminated-attribute", code_level::error, "an attribute value is not closed"},
    {"xml.unterminated-cdata", code_level::error, "a CDATA section is not closed"},
    {"xml.unterminated-comment", code_level::error, "a comment is not closed"},
    {"xml.unterminated-doctype", code_level::error, "the DOCTYPE is not closed"},
    {"xml.unterminated-pi", code_level::error, "a processing instruction or the XML declaration is not closed"},
});

// The entry of `code`, or nullptr when it is not a parse's code.
constexpr const diagnostic_code* find_diagnostic_code(std::string_view code) noexcept {
    for (const auto& entry : diagnostic_codes)
        if (entry.code == code) return &entry;
    return nullptr;
}

// Whether a diagnostic of that severity agrees with the code's level.
constexpr bool agrees(const diagnostic_code& entry, severity level) noexcept {
    switch (entry.level) {
        case code_level::error: return level == severity::error;
        case code_level::damage: return level == severity::error || level == severity::warning;
        case code_level::warning: return level == severity::warning;
        case code_level::note: return level == severity::note;
    }
    return false;
}

constexpr std::string_view to_string(code_level level) noexcept {
    switch (level) {
        case code_level::error: return "error";
        case code_level::damage: return "error; warning when lenient";
        case code_level::warning: return "warning";
        case code_level::note: return "note";
    }
    return {};
}

}  // namespace form4
