#pragma once
// What every form4 fuzz target does with one input: parse it strict, lenient
// and lenient under tight limits, check the promises parse() makes about its
// result, and push every document that comes back through the writers and
// lint. A broken promise aborts, so libFuzzer keeps the input as a crash.
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "form4/dataset.hpp"
#include "form4/json.hpp"
#include "form4/lint.hpp"
#include "form4/parse.hpp"

namespace form4::fuzzing {

// Thrown instead of aborting when a test replays inputs (see tests/reliability).
struct broken_promise_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline bool& throw_on_broken_promise() {
    static bool enabled = false;
    return enabled;
}

[[noreturn]] inline void broken_promise(std::string_view what, std::string_view detail = {}) {
    std::string message = "form4 fuzz: " + std::string(what);
    if (!detail.empty()) message += ": " + std::string(detail.substr(0, 2000));
    if (throw_on_broken_promise()) throw broken_promise_error(message);
    std::fprintf(stderr, "%s\n", message.c_str());
    std::abort();
}

// Where `text` stops being UTF-8 (shortest forms, no surrogates), or npos.
inline std::size_t invalid_utf8_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        unsigned char lead = byte(i);
        std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3
                                         : (lead & 0xF8) == 0xF0 ? 4 : 0;
        if (length == 0 || i + length > text.size() || (length == 2 && lead < 0xC2)) return i;
        for (std::size_t k = 1; k < length; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return i;
        if (length == 3) {
            unsigned second = byte(i + 1);
            if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)) return i;
        }
        if (length == 4) {
            unsigned second = byte(i + 1);
            if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90) || lead > 0xF4) return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

// Set FORM4_FUZZ_TOLERATE_INVALID_UTF8 to keep a long run going past the
// known bug "front ends pass bytes that are not UTF-8 into the model" while
// it is open; CI never sets it.
inline bool tolerate_invalid_utf8() {
    static const bool tolerate = std::getenv("FORM4_FUZZ_TOLERATE_INVALID_UTF8") != nullptr;
    return tolerate;
}

// Small enough that fuzz inputs reach every limit check and its error path.
inline parse_limits tight_limits() {
    parse_limits limits;
    limits.max_input_bytes = 48 * 1024;
    limits.max_depth = 6;
    limits.max_elements = 300;
    limits.max_string_bytes = 200;
    limits.max_rows = 3;
    limits.max_footnotes = 2;
    return limits;
}

// from_json(to_json(doc)) == doc, compact and pretty.
inline void check_json_round_trip(const document& doc) {
    for (bool pretty : {false, true}) {
        json_options options;
        options.pretty = pretty;
        std::string json = to_json(doc, options);
        // The model's text is UTF-8 (the C ABI promises it); JSON cannot carry anything else.
        if (std::size_t at = invalid_utf8_at(json); at != std::string_view::npos) {
            if (tolerate_invalid_utf8()) return;
            std::size_t from = at < 60 ? 0 : at - 60;
            broken_promise("the document holds text that is not UTF-8; to_json wrote it as is",
                           json.substr(from, 120));
        }
        json_read_result back = from_json(json);
        if (!back.doc) broken_promise("from_json rejects what to_json wrote", back.error);
        if (!(*back.doc == doc)) broken_promise("the JSON round trip changed the document", json);
    }
}

// Writers and lint must take any document a front end produces.
inline void exercise_document(const document& doc) {
    check_json_round_trip(doc);
    for (bool sec_round : {false, true}) {
        dataset::tables tables;
        dataset::key_counters keys;
        dataset::options options;
        options.sec_round = sec_round;
        dataset::append(tables, doc, "0000000000-00-000000", options, keys);
        for (dataset::table table : dataset::all_tables) {
            for (const dataset::row& row : tables[table])
                if (row.size() != dataset::columns(table).size())
                    broken_promise("a data-set row has not one cell per column", dataset::name(table));
            (void)dataset::to_tsv(tables[table]);
        }
    }
    (void)lint(doc);
}

// The contract of parse_result, whatever the input.
inline void check_result(const parse_result& result, const parse_options& options) {
    if (options.format != input_format::automatic && result.format != options.format)
        broken_promise("the result names another format than the one asked for");
    if (!result.doc && result.diagnostics.empty()) broken_promise("a failed parse says nothing about why");
    if (!result.doc && !result.has_errors()) broken_promise("a failed parse has no error diagnostic");
    if (!options.lenient && result.doc && result.has_errors())
        broken_promise("a strict parse returned a document despite an error");
    for (const diagnostic& d : result.diagnostics)
        if (d.code.empty()) broken_promise("a diagnostic without a code", d.message);
}

inline parse_result parse_and_check(std::string_view bytes, const parse_options& options) {
    parse_result result = parse(bytes, options);
    check_result(result, options);
    if (result.doc) exercise_document(*result.doc);
    return result;
}

// Recording positions (for lint) sends the XML grammar down its general
// paths, which its fast paths must agree with: the same document and the
// same findings either way.
inline void check_positions_change_nothing(std::string_view bytes, parse_options options, const parse_result& result) {
    options.record_positions = true;
    parse_result with_positions = parse(bytes, options);
    if (!(with_positions.diagnostics == result.diagnostics)) {
        std::string detail;
        for (const auto& d : with_positions.diagnostics) detail += d.code + " " + d.message + "\n";
        detail += "without positions:\n";
        for (const auto& d : result.diagnostics) detail += d.code + " " + d.message + "\n";
        broken_promise("recording positions changed the findings", detail);
    }
    if (with_positions.doc.has_value() != result.doc.has_value() ||
        (result.doc && !(*with_positions.doc == *result.doc)))
        broken_promise("recording positions changed the document");
}

inline void exercise_input(std::string_view bytes, input_format format) {
    parse_options strict;
    strict.format = format;
    parse_result strict_result = parse_and_check(bytes, strict);
    check_positions_change_nothing(bytes, strict, strict_result);

    parse_options lenient = strict;
    lenient.lenient = true;
    parse_result lenient_result = parse_and_check(bytes, lenient);
    check_positions_change_nothing(bytes, lenient, lenient_result);
    // What strict accepts has no damage, so lenient has nothing to repair.
    if (strict_result.doc && !(lenient_result.doc && *lenient_result.doc == *strict_result.doc))
        broken_promise("lenient reads a document strict accepts differently");

    parse_options limited = lenient;
    limited.limits = tight_limits();
    parse_result limited_result = parse_and_check(bytes, limited);
    check_positions_change_nothing(bytes, limited, limited_result);
}

}  // namespace form4::fuzzing
