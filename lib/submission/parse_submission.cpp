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

namespace form4::detail {
namespace {

namespace sub = form4::grammar::submission;
namespace envelope = form4::grammar::envelope;
using sub::iterator_type;

// One vocabulary for both header forms: the .nc tag names. A .txt key is
// upper-cased, its spaces become hyphens, and the few keys spelled
// differently are renamed ("CENTRAL INDEX KEY" -> "CIK").
char canonical_key_char(char c) noexcept {
    if (c == ' ') return '-';
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string_view renamed_key(std::string_view key) noexcept {
    static constexpr std::pair<std::string_view, std::string_view> renamed[] = {
        {"CONFORMED-SUBMISSION-TYPE", "TYPE"},
        {"CONFORMED-PERIOD-OF-REPORT", "PERIOD"},
        {"FILED-AS-OF-DATE", "FILING-DATE"},
        {"COMPANY-CONFORMED-NAME", "CONFORMED-NAME"},
        {"CENTRAL-INDEX-KEY", "CIK"},
        {"SEC-FILE-NUMBER", "FILE-NUMBER"},
        {"STREET-1", "STREET1"},
        {"STREET-2", "STREET2"},
        {"BUSINESS-PHONE", "PHONE"},
    };
    for (auto [from, to] : renamed)
        if (key == from) return to;
    return key;
}

std::string canonical_key(std::string_view key) {
    std::string out(key.size(), '\0');
    for (std::size_t i = 0; i < key.size(); ++i) out[i] = canonical_key_char(key[i]);
    return std::string(renamed_key(out));
}

// canonical_key(key) == wanted, without building a string: the header is
// searched field by field for every fact.
bool key_is(std::string_view key, std::string_view wanted) {
    char buffer[64];
    if (key.size() > sizeof buffer) return canonical_key(key) == wanted;
    for (std::size_t i = 0; i < key.size(); ++i) buffer[i] = canonical_key_char(key[i]);
    return renamed_key(std::string_view(buffer, key.size())) == wanted;
}

const sub::ast::field* find_field(const std::vector<sub::ast::field>& fields, std::string_view key) {
    for (const auto& f : fields)
        if (key_is(f.key, key)) return &f;
    return nullptr;
}

const sub::ast::field* find_in_block(const sub::ast::block& block, std::string_view group, std::string_view key) {
    for (const auto& g : block.groups)
        if (key_is(g.name, group))
            if (auto f = find_field(g.fields, key)) return f;
    return nullptr;
}

bool is_accession_number(std::string_view text) {
    if (text.size() != 20 || text[10] != '-' || text[13] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != 10 && i != 13 && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

std::string_view strip_zeros(std::string_view cik) {
    while (cik.size() > 1 && cik.front() == '0') cik.remove_prefix(1);
    return cik;
}

bool contains(iterator_type first, iterator_type last, std::string_view needle) {
    return std::string_view(first, static_cast<std::size_t>(last - first)).find(needle) != std::string_view::npos;
}

struct header_owner {
    std::string cik;
    std::string file_number;
};

// What the envelope says, in the form conversion needs.
struct envelope_facts {
    filing_metadata filing;
    std::vector<header_owner> owners;
    std::string issuer_cik;
};

class converter {
public:
    converter(const sub::parse_state& state, std::vector<diagnostic>& diagnostics)
        : state_(state), diagnostics_(diagnostics) {}

    envelope_facts facts(const sub::ast::header& header) const {
        envelope_facts facts;
        if (auto f = find_field(header.fields, "ACCESSION-NUMBER")) {
            if (!is_accession_number(f->value))
                problem(f->where, "submission.accession-number",
                        "\"" + f->value + "\" is not an accession number (##########-##-######)");
            facts.filing.accession_number = model_text(*f);
        } else {
            problem(nullptr, "submission.missing-accession-number", "the header has no ACCESSION NUMBER");
        }
        if (auto f = find_field(header.fields, "TYPE")) facts.filing.submission_type = model_text(*f);
        if (auto f = find_field(header.fields, "FILING-DATE")) facts.filing.filing_date = header_date(*f);
        if (auto f = find_field(header.fields, "ACCEPTANCE-DATETIME"))
            facts.filing.acceptance_datetime = header_date_time(*f);
        for (const auto& block : header.blocks) {
            std::string name = canonical_key(block.name);
            if (name == "REPORTING-OWNER") {
                header_owner owner;
                if (auto f = find_in_block(block, "OWNER-DATA", "CIK")) owner.cik = f->value;
                else if (auto g = find_in_block(block, "COMPANY-DATA", "CIK")) owner.cik = g->value;  // 1990s headers
                if (auto f = find_in_block(block, "FILING-VALUES", "FILE-NUMBER")) owner.file_number = model_text(*f);
                facts.owners.push_back(std::move(owner));
            } else if (name == "ISSUER") {
                if (auto f = find_in_block(block, "COMPANY-DATA", "CIK")) facts.issuer_cik = f->value;
            }
        }
        return facts;
    }

    // "20220506" -> 2022-05-06.
    std::optional<date> header_date(const sub::ast::field& field) const {
        const std::string& text = field.value;
        bool digits = text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) {
                          return std::isdigit(static_cast<unsigned char>(c));
                      });
        if (digits) {
            try {
                return date(static_cast<unsigned short>(std::stoi(text.substr(0, 4))),
                            static_cast<unsigned short>(std::stoi(text.substr(4, 2))),
                            static_cast<unsigned short>(std::stoi(text.substr(6, 2))));
            } catch (const std::out_of_range&) {
            }
        }
        problem(field.where, "submission.date", field.key + " \"" + text + "\" is not a date (YYYYMMDD)");
        return std::nullopt;
    }

    // YYYYMMDDhhmmss, as <ACCEPTANCE-DATETIME> gives it.
    std::optional<date_time> header_date_time(const sub::ast::field& field) const {
        const std::string& text = field.value;
        bool digits = text.size() == 14 && std::all_of(text.begin(), text.end(), [](char c) {
                          return c >= '0' && c <= '9';
                      });
        if (digits) {
            auto number = [&](std::size_t at, std::size_t count) { return std::stoi(text.substr(at, count)); };
            int hour = number(8, 2), minute = number(10, 2), second = number(12, 2);
            if (hour < 24 && minute < 60 && second < 60) {
                try {
                    date day(static_cast<unsigned short>(number(0, 4)), static_cast<unsigned short>(number(4, 2)),
                             static_cast<unsigned short>(number(6, 2)));
                    return date_time(day, boost::posix_time::time_duration(hour, minute, second));
                } catch (const std::out_of_range&) {
                }
            }
        }
        problem(field.where, "submission.date-time",
                field.key + " \"" + text + "\" is not a date and time (YYYYMMDDhhmmss)");
        return std::nullopt;
    }

    // A header value that cannot be used: an error when strict (the parse
    // fails), a warning when lenient (the value is left out).
    // What a header says about the filing itself, for a submission with no
    // document (EDGAR's record of a Form 3, 4 or 5 filed on paper): the
    // form type, the period, the issuer and each reporting person with the
    // relationship the header gives; no tables.
    document header_only_document(const sub::ast::header& header) const {
        document doc;
        if (auto f = find_field(header.fields, "TYPE")) doc.type = make_coded<document_type>(model_text(*f));
        if (auto f = find_field(header.fields, "PERIOD")) doc.period_of_report = header_date(*f);
        for (const auto& block : header.blocks) {
            std::string name = canonical_key(block.name);
            if (name == "ISSUER" || name == "SUBJECT-COMPANY") {
                if (auto f = find_in_block(block, "COMPANY-DATA", "CIK")) doc.issuer.cik = model_text(*f);
                if (auto f = find_in_block(block, "COMPANY-DATA", "CONFORMED-NAME")) doc.issuer.name = model_text(*f);
            } else if (name == "REPORTING-OWNER") {
                doc.reporting_owners.push_back(owner_from_block(block));
            }
        }
        return doc;
    }

    reporting_owner owner_from_block(const sub::ast::block& block) const {
        reporting_owner owner;
        auto text_of = [&](std::initializer_list<std::string_view> groups, std::string_view key) -> std::string {
            for (auto group : groups)
                if (auto f = find_in_block(block, group, key)) return model_text(*f);
            return {};
        };
        owner.id.cik = text_of({"OWNER-DATA", "COMPANY-DATA"}, "CIK");
        owner.id.name = text_of({"OWNER-DATA", "COMPANY-DATA"}, "CONFORMED-NAME");
        // The mailing address is the one the form asks for (item 1).
        bool has_mail = find_in_block(block, "MAIL-ADDRESS", "STREET1") || find_in_block(block, "MAIL-ADDRESS", "CITY");
        std::string_view where = has_mail ? "MAIL-ADDRESS" : "BUSINESS-ADDRESS";
        owner.address.street1 = text_of({where}, "STREET1");
        owner.address.street2 = text_of({where}, "STREET2");
        owner.address.city = text_of({where}, "CITY");
        owner.address.state = text_of({where}, "STATE");
        owner.address.zip_code = text_of({where}, "ZIP");
        // <RELATIONSHIP>DIRECTOR, one line per relationship.
        for (const auto& group : block.groups)
            for (const auto& field : group.fields) {
                if (!key_is(field.key, "RELATIONSHIP")) continue;
                std::string value = canonical_key(model_text(field));
                if (value == "DIRECTOR") owner.relationship.is_director = true;
                else if (value == "OFFICER") owner.relationship.is_officer = true;
                else if (value == "10-PERCENT-OWNER" || value == "TEN-PERCENT-OWNER") owner.relationship.is_ten_percent_owner = true;
                else if (value == "OTHER") owner.relationship.is_other = true;
            }
        return owner;
    }

    // A header value bound for the model, which holds UTF-8 only. EDGAR
    // headers are ASCII, so other bytes are damage: an error, or in lenient
    // mode read as Latin-1 with a warning.
    std::string model_text(const sub::ast::field& field) const {
        if (grammar::utf8::first_invalid(field.value) == std::string_view::npos) return field.value;
        problem(field.where, "submission.invalid-utf8", "a header value is not UTF-8; read it as Latin-1");
        return grammar::utf8::repaired_as_latin1(field.value);
    }

    void problem(iterator_type where, std::string code, std::string message) const {
        if (!state_.lenient) {
            if (where) state_.fail(where, std::move(code), std::move(message));
            throw sub::syntax_error{state_.begin, std::move(code), std::move(message)};
        }
        if (where) {
            state_.report(severity::warning, where, std::move(code), std::move(message));
        } else {
            diagnostics_.push_back(diagnostic{severity::warning, std::move(code), std::move(message), 0, 0});
        }
    }

private:
    const sub::parse_state& state_;
    std::vector<diagnostic>& diagnostics_;
};

// The file numbers in the order of the XML's reporting owners, matched by
// CIK (the header may list owners in another order); by position when the
// CIKs do not match at all.
std::vector<std::string> file_numbers_for(const document& doc, const std::vector<header_owner>& owners) {
    std::vector<std::string> numbers;
    bool matched_any = false;
    for (const auto& owner : doc.reporting_owners) {
        std::string number;
        for (const auto& h : owners)
            if (!h.cik.empty() && strip_zeros(h.cik) == strip_zeros(owner.id.cik)) {
                number = h.file_number;
                matched_any = true;
                break;
            }
        numbers.push_back(std::move(number));
    }
    if (!matched_any) {
        numbers.clear();
        for (const auto& h : owners) numbers.push_back(h.file_number);
    }
    while (!numbers.empty() && numbers.back().empty()) numbers.pop_back();
    return numbers;
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

    converter convert(state, result.diagnostics);
    envelope_facts facts;
    try {
        if (parsed.head.fields.empty() && parsed.head.blocks.empty())
            result.diagnostics.push_back(diagnostic{severity::note, "submission.no-header",
                                                    "the submission has no header: no filing metadata", 0, 0});
        else
            facts = convert.facts(parsed.head);
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
            document doc = convert.header_only_document(parsed.head);
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
