#pragma once
// A parse result as a pickle stream of the Python package's model (pickle_document.cpp).
#include "form4/parse.hpp"
#include "pickle_stream.hpp"

namespace form4::capi::pickle {

// Writes (document or None, diagnostics) as one tuple. shared_in_memo: the
// unpickler's memo holds the shared objects at their indexes already.
void write_result(pickle_writer& w, const form4::parse_result& parsed, bool shared_in_memo);

}  // namespace form4::capi::pickle
