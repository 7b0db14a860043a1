#pragma once
// Definitions of the document-part and whole-submission rules (see document.hpp).
#include "form4/grammar/submission/document.hpp"
#include "form4/grammar/submission/lexical.hpp"

namespace form4::grammar::submission {
namespace actions {

struct set_xml_t {
    template <class Context>
    void operator()(Context& context) const {
        auto& part = x3::_val(context);
        part.xml = x3::_attr(context);
        part.has_xml = true;
    }
};
inline constexpr set_xml_t set_xml{};

struct set_text_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).text = x3::_attr(context);
    }
};
inline constexpr set_text_t set_text{};

struct mark_document_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).where = x3::_where(context).begin();
    }
};
inline constexpr mark_document_t mark_document{};

struct set_head_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).head = std::move(x3::_attr(context));
    }
};
inline constexpr set_head_t set_head{};

struct add_document_t {
    template <class Context>
    void operator()(Context& context) const {
        x3::_val(context).documents.push_back(std::move(x3::_attr(context)));
    }
};
inline constexpr add_document_t add_document{};

}  // namespace actions

using namespace lexical;

// Header rules used here are compiled in lib/submission/header.cpp: rule
// objects of the same type dispatch to those instantiations.
tag_field_type const tag_field = "tag field";
text_header_type const text_header = "<SEC-HEADER>";
tag_header_type const tag_header = "submission header";

// <XML> ... </XML>: the ownership document, as a range of the input. The
// range starts after <XML>'s line end so that XML line 1 is the next line.
x3::rule<struct xml_section_class, ast::text_range> const xml_section = "<XML>";
auto const xml_section_def = x3::omit[*blank_line] >> x3::lit("<XML>") >> x3::omit[*blank] >> line_end >>
                             x3::raw[until("</XML>")] >> x3::lit("</XML>");

x3::rule<struct text_end_class> const text_end = "</TEXT>";
auto const text_end_def = x3::lit("</TEXT>") >> *blank >> end_of_line;
x3::rule<struct document_end_class> const document_end = "</DOCUMENT>";
auto const document_end_def = *blank_line >> x3::lit("</DOCUMENT>") >> *blank >> end_of_line;
x3::rule<struct text_start_class> const text_start = "<TEXT>";
auto const text_start_def = x3::lit("<TEXT>") >> *blank >> end_of_line;

// <DOCUMENT>, its TYPE/SEQUENCE/FILENAME/DESCRIPTION fields, <TEXT> ... </TEXT>.
// Past <DOCUMENT> there is no way back: the rest is expected.
document_part_type const document_part = "<DOCUMENT>";
auto const document_start = x3::eps[actions::mark_document] >> x3::lit("<DOCUMENT>") >> *blank >> line_end;
auto const document_fields = *(blank_line | (!x3::lit("<TEXT>") >> tag_field[actions::add_field]));
auto const document_text =
    x3::raw[-xml_section[actions::set_xml] >> until("</TEXT>")][actions::set_text];
auto const document_part_def = document_start > document_fields > text_start > document_text > text_end > document_end;

// -----BEGIN PRIVACY-ENHANCED MESSAGE----- and its MIC-CLEAR preamble lines.
auto const privacy_begin = x3::lit("-----BEGIN PRIVACY-ENHANCED MESSAGE-----") >> *blank >> line_end >>
                           *(!x3::lit("<SEC-DOCUMENT>") >> !x3::lit("<SEC-HEADER>") >> skip_line);
auto const privacy_end = x3::lit("-----END PRIVACY-ENHANCED MESSAGE-----") >> *blank >> end_of_line;

auto const documents = *(blank_line | document_part[actions::add_document]);

// The .txt form: [privacy wrapper] <SEC-DOCUMENT> <SEC-HEADER>...</SEC-HEADER> documents.
auto const text_submission_start = -privacy_begin >>
                                   -((x3::lit("<SEC-DOCUMENT>") | x3::lit("<IMS-DOCUMENT>")) >> skip_line) >>
                                   &(x3::lit("<SEC-HEADER>") | x3::lit("<IMS-HEADER>"));
auto const text_submission_end = -((x3::lit("</SEC-DOCUMENT>") | x3::lit("</IMS-DOCUMENT>")) >> *blank >> end_of_line);
auto const text_submission = text_submission_start > text_header[actions::set_head] > documents >
                             text_submission_end > *blank_line > -privacy_end;

// The .nc form: <SUBMISSION> header tags, documents, </SUBMISSION>.
auto const tag_submission_start = x3::lit("<SUBMISSION>") >> *blank >> line_end;
auto const tag_submission_end = -(x3::lit("</SUBMISSION>") >> *blank >> end_of_line);
auto const tag_submission = tag_submission_start > tag_header[actions::set_head] > documents > tag_submission_end;

// A bare document list (no header at all) is accepted too; conversion notes
// that it has no filing metadata.
submission_type const edgar_submission = "submission";
auto const edgar_submission_def = *blank_line >> (tag_submission | text_submission | documents) >> *blank_line;

BOOST_SPIRIT_DEFINE(xml_section, text_end, document_end, text_start, document_part, edgar_submission)

}  // namespace form4::grammar::submission
