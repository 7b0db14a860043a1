#pragma once
// What an EDGAR envelope header says, read from its parsed fields (both
// forms: .txt "KEY: value" and .nc "<KEY>value", one vocabulary): the
// filing's metadata, each reporting owner's CIK and file number, the
// issuer's CIK, and for a paper filing's header the document it describes.
#include <string>
#include <string_view>
#include <vector>

#include "form4/grammar/submission/config.hpp"
#include "form4/grammar/submission/header.hpp"
#include "form4/model/document.hpp"

namespace form4::detail {

// One REPORTING-OWNER block: the owner's CIK and SEC file number.
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

// A damaged header value is an error when strict (grammar::submission::
// syntax_error is thrown) and a warning in `diagnostics` when lenient.
envelope_facts read_envelope_facts(const grammar::submission::ast::header& header,
                                   const grammar::submission::parse_state& state,
                                   std::vector<diagnostic>& diagnostics);
// What a header says about the filing itself, for a submission with no
// document (EDGAR's record of a Form 3, 4 or 5 filed on paper): the form
// type, the period, the issuer and each reporting person with the
// relationship the header gives; no tables.
document read_header_only_document(const grammar::submission::ast::header& header,
                                   const grammar::submission::parse_state& state,
                                   std::vector<diagnostic>& diagnostics);

// The file numbers in the order of the document's reporting owners, matched
// by CIK (the header may list owners in another order); by position when the
// CIKs do not match at all.
std::vector<std::string> file_numbers_for(const document& doc, const std::vector<header_owner>& owners);

// The first field whose key, in the one vocabulary, is `key` ("TYPE").
const grammar::submission::ast::field* find_field(const std::vector<grammar::submission::ast::field>& fields,
                                                  std::string_view key);

// A CIK without its leading zeros, for comparing.
std::string_view strip_zeros(std::string_view cik);

}  // namespace form4::detail
