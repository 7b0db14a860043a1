#pragma once
// Internal: the documents a list of inputs holds, listed in order for the
// batch engine (util/ordered_batch.hpp), and what every batch reader does
// with one: read it, recognise other forms, summarise its diagnostics.
// Bulk conversion and activity reading share these.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "form4/bulk.hpp"
#include "form4/parse.hpp"
#include "util/input_file.hpp"

namespace form4::bulk::detail {

struct document_source {
    std::string name;             // "dir/file.xml", or "feed.tar.gz!0001-23-000001.nc"
    std::string file_name;        // the file's or the member's own path, for an accession fallback
    bool read_by_worker = false;  // a plain file, read by the thread that works on it
    std::string bytes;            // an archive member's bytes
    std::string read_error;       // set when it could not be read
    std::string read_error_code;  // "io" or "limit.input-size"
};

// Called for each document in input order with the bytes it weighs against
// the in-flight budget (a plain file's size: it is not read yet); false stops the listing.
using submit_document = std::function<bool(document_source&&, std::uint64_t weight)>;

// Walks directories (expand_inputs' rules) one input at a time and unpacks
// archives member by member, so the first document is worked on before the
// last input is looked at. A damaged archive is one more document, with its
// read_error set.
void list_documents(std::span<const std::filesystem::path> inputs, std::uint64_t max_input_bytes,
                    const submit_document& submit);

// The document's bytes: an archive member's own, or a plain file read into
// `buffer` (the limit checked while reading). Empty with read_error set when
// it cannot be read.
std::string_view document_bytes(document_source& source, util::input_file_reader& buffer,
                                std::uint64_t max_input_bytes);

// The form type of an EDGAR submission that is not an ownership form (read
// from its header, without parsing it), else "".
std::string_view other_form_type(std::string_view bytes);

// Where a run stands, for options::on_progress.
progress progress_of(const summary& so_far, std::chrono::steady_clock::duration elapsed, std::string last_input,
                     bool finished);

// The first error, "line:column: error: message [code]", or "no document".
std::string first_error(const parse_result& result);
// "" or the first warning, with how many more there are.
std::string warning_summary(const parse_result& result);

}  // namespace form4::bulk::detail
