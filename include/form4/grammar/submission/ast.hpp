#pragma once
// The envelope as read, before conversion: keys keep their spelling in the
// file ("CENTRAL INDEX KEY" in a .txt header, "CIK" in a .nc one); the
// conversion (lib/submission/) maps both onto one vocabulary. Document texts
// are ranges of the caller's buffer, never copies.
#include <string>
#include <vector>

#include <boost/range/iterator_range_core.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include "form4/grammar/submission/config.hpp"

namespace form4::grammar::submission::ast {

using text_range = boost::iterator_range<iterator_type>;

// "KEY:<tabs>value" or "<KEY>value".
struct field {
    std::string key;
    std::string value;
    iterator_type where = nullptr;  // the key's first character, for diagnostics
};

// "OWNER DATA:" / <OWNER-DATA> ... </OWNER-DATA>; fields a tag block holds
// outside any group land in a group with an empty name.
struct group {
    std::string name;
    std::vector<field> fields;
};

// "REPORTING-OWNER:" / <REPORTING-OWNER> ... </REPORTING-OWNER>, "ISSUER", ...
struct block {
    std::string name;
    std::vector<group> groups;
    iterator_type where = nullptr;
};

struct header {
    std::vector<field> fields;   // top-level fields in file order
    std::vector<block> blocks;   // blocks in file order
};

// <DOCUMENT> ... </DOCUMENT>: TYPE, SEQUENCE, FILENAME, DESCRIPTION and the text.
struct document_part {
    std::vector<field> fields;
    text_range text;             // between <TEXT> and </TEXT>
    text_range xml;              // between <XML> and </XML>; empty when the text has none
    bool has_xml = false;
    iterator_type where = nullptr;
};

struct submission {
    header head;
    std::vector<document_part> documents;
};

}  // namespace form4::grammar::submission::ast
