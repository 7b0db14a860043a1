// One form4_input read and parsed: what every batch call of the C interface does per input.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "form4/form4.h"
#include "form4/parse.hpp"

namespace form4::capi {

struct parsed_input_document {
    int status = FORM4_OK;               // FORM4_E_IO, _PARSE or _INVALID_ARGUMENT when no document
    std::optional<form4::document> doc;
    std::string file_stem;               // for a path input: its name without extension

    // ACCESSION_NUMBER for a document that has none: the caller's fallback,
    // else the file's stem (else "").
    std::string_view accession_fallback(const form4_input& input) const noexcept {
        return input.accession_fallback != nullptr
                   ? std::string_view(input.accession_fallback, input.accession_fallback_len)
                   : std::string_view(file_stem);
    }
};

// Bytes (data), else the file at path through the one input reader (the
// input limit checked while reading), else an empty buffer when len is 0,
// as form4_parse(NULL, 0); anything else is FORM4_E_INVALID_ARGUMENT.
parsed_input_document parse_input(const form4_input& input, const form4::parse_options& options);

}  // namespace form4::capi
