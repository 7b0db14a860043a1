// One form4_input read and parsed: what every batch call of the C interface does per input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "form4/form4.h"
#include "form4/parse.hpp"
#include "util/ordered_batch.hpp"

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

// What an input weighs against the batch engine's byte budget: its bytes, or its file's size.
std::uint64_t input_weight(const form4_input& input) noexcept;

// work(i) -> result on up to `threads` threads (0: one per core), each thread
// with its own copy of `work`; consume(i, result) on the calling thread in
// input order. On the one batch engine (util/ordered_batch.hpp): at most
// 16 inputs per thread (64 at least) and 1 GiB of them are in flight at once.
template <class Work, class Consume>
void for_each_input_in_order(const form4_input* inputs, std::size_t count, unsigned threads, const Work& work,
                             Consume&& consume) {
    util::batch_limits limits;
    limits.threads = count <= 1 ? 1 : threads;
    std::size_t consumed = 0;
    util::run_in_order<std::size_t>(
        limits,
        [&](auto& submit) {
            for (std::size_t i = 0; i < count; ++i)
                if (!submit(std::size_t{i}, input_weight(inputs[i]))) return;
        },
        work, [&](auto&& result) { consume(consumed++, std::move(result)); });
}

}  // namespace form4::capi
