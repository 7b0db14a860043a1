#pragma once
// The whole model as JSON (schema: docs/json-schema.md), and back.
#include <optional>
#include <string>
#include <string_view>

#include "form4/model/document.hpp"

namespace form4 {

struct json_options {
    bool pretty = false;   // indent by two spaces, one member a line
};

std::string to_json(const document& doc, const json_options& options = {});

struct json_read_result {
    std::optional<document> doc;
    std::string error;     // why reading failed; empty on success
};

// Reads what to_json wrote: from_json(to_json(d)).doc == d for every document.
json_read_result from_json(std::string_view json);

}  // namespace form4
