// What an EDGAR envelope header says (see header_facts.hpp).
#include "submission/header_facts.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "form4/grammar/utf8.hpp"

namespace form4::detail {
namespace {

namespace sub = form4::grammar::submission;
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

    // A header value that cannot be used: an error when strict (the parse
    // fails), a warning when lenient (the value is left out).
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

}  // namespace

const sub::ast::field* find_field(const std::vector<sub::ast::field>& fields, std::string_view key) {
    for (const auto& f : fields)
        if (key_is(f.key, key)) return &f;
    return nullptr;
}

std::string_view strip_zeros(std::string_view cik) {
    while (cik.size() > 1 && cik.front() == '0') cik.remove_prefix(1);
    return cik;
}

envelope_facts read_envelope_facts(const sub::ast::header& header, const sub::parse_state& state,
                                   std::vector<diagnostic>& diagnostics) {
    return converter(state, diagnostics).facts(header);
}

document read_header_only_document(const sub::ast::header& header, const sub::parse_state& state,
                                   std::vector<diagnostic>& diagnostics) {
    return converter(state, diagnostics).header_only_document(header);
}

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

}  // namespace form4::detail
