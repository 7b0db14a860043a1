#pragma once
// The whole model as JSON (schema: docs/json-schema.md), and back.
#include <optional>
#include <string>
#include <string_view>

#include "form4/model/document.hpp"

namespace form4 {

// The "form4_json_version" every output carries and from_json accepts.
inline constexpr int json_schema_version = 1;

struct json_options {
    bool pretty = false;   // indent by two spaces; small objects of scalars on one line
};

// Compact output is one line; pretty output ends with a newline.
std::string to_json(const document& doc, const json_options& options = {});

struct json_read_result {
    std::optional<document> doc;
    std::string error;     // why reading failed; empty on success
};

// Reads what to_json wrote: from_json(to_json(d)).doc == d for every document.
// Never throws: malformed or wrong-typed input gives no document and an error
// naming the place, e.g. "$.reporting_owners[0].address.city: expected a string, got a number".
json_read_result from_json(std::string_view json);

}  // namespace form4
