// The C entry points of the pickle streams, for the Python package:
// form4_result_to_pickle, form4_dataset_to_pickle and form4_pickle_shared_objects.
// The pieces: pickle_stream.hpp (the writer), pickle_shared (the objects every
// stream refers to), pickle_memo.hpp, pickle_document.cpp (a parse result).
//
// Why pickle: Python's C unpickler builds objects without running any
// Python code. A frozen dataclass is NEWOBJ (object.__new__) then BUILD
// (its __dict__ filled from a dict): what the package's Python builder did
// by hand, without an interpreted call per object and without JSON first.
//
// Why persistent ids: the stream names no globals (no import lookup per
// class per stream) and can point at objects built once per process: the
// classes, field names, enum members and the commonest codes.
//
// Why a memo of values: a document repeats small immutable values (a code,
// a footnoted "0", an ownership nature of "D"). Each distinct one is built
// once per stream and referenced after that (hash-consing on its content).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pickle_document.hpp"
#include "pickle_shared.hpp"
#include "pickle_stream.hpp"
#include "shim.hpp"

using namespace form4::capi;
using namespace form4::capi::pickle;

namespace {

int put_stream(char** out, size_t* out_len, const std::string& stream, const char* function) {
    char* copy = static_cast<char*>(std::malloc(stream.size() + 1));
    if (copy == nullptr) return fail(FORM4_E_NO_MEMORY, function, "out of memory");
    std::memcpy(copy, stream.data(), stream.size());
    copy[stream.size()] = '\0';
    *out = copy;
    if (out_len) *out_len = stream.size();
    return FORM4_OK;
}

int hand_over(char** out, size_t* out_len, pickle_writer& w) {
    std::size_t size = 0;
    *out = w.release(&size);
    if (out_len) *out_len = size;
    return FORM4_OK;
}

}  // namespace

extern "C" {

int form4_pickle_shared_objects(char** out, size_t* out_len) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        return put_stream(out, out_len, shared().stream, function);
    });
}

int form4_result_to_pickle(char** out, size_t* out_len, const form4_result* result, uint32_t flags) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(result);
        if ((flags & ~static_cast<uint32_t>(FORM4_PICKLE_SHARED_IN_MEMO)) != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "unknown flags 0x%x", static_cast<unsigned>(flags));
        const form4::parse_result& parsed = impl(result)->parsed;
        pickle_writer w;
        write_result(w, parsed, (flags & FORM4_PICKLE_SHARED_IN_MEMO) != 0);
        return hand_over(out, out_len, w);
    });
}

int form4_dataset_to_pickle(char** out, size_t* out_len, const form4_dataset* dataset) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(dataset);
        namespace ds = form4::dataset;
        const auto& rows = impl(dataset)->tables.rows;
        pickle_writer w;
        std::uint32_t next_memo = 0;
        // Cells repeat (an accession number on every row of its filing, codes,
        // dates, titles): each distinct text becomes one Python string.
        std::unordered_map<std::string_view, std::uint32_t> texts;
        // Half the cells are empty. Each row is dict(template), the table's
        // columns all "" (a copy at C speed, already of the right size, keys
        // in column order), then only its non-empty cells are set.
        w.text("builtins");
        w.text("dict");
        w.opcode(op::stack_global);
        // Memoizes the object on the stack and takes it off: its memo index.
        const auto keep = [&] {
            w.put(next_memo);
            w.opcode(op::pop);
            return next_memo++;
        };
        const std::uint32_t dict_type = keep();
        w.opcode(op::empty_dict);
        w.opcode(op::mark);
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            w.text(ds::name(ds::all_tables[t]));
            const auto columns = ds::columns(ds::all_tables[t]);
            std::vector<std::uint32_t> column_memo;
            w.opcode(op::empty_dict);
            w.opcode(op::mark);
            for (std::string_view column : columns) {
                w.text(column);
                w.put(next_memo);
                column_memo.push_back(next_memo++);
                w.text("");
            }
            w.opcode(op::setitems);
            const std::uint32_t template_row = keep();
            w.opcode(op::empty_list);
            if (!rows[t].empty()) {
                w.opcode(op::mark);
                for (const auto& row : rows[t]) {
                    w.get(dict_type);
                    w.get(template_row);
                    w.opcode(op::tuple1);
                    w.opcode(op::reduce);
                    w.opcode(op::mark);
                    for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) {
                        const std::string_view cell = row[c];
                        if (cell.empty()) continue;
                        w.get(column_memo[c]);
                        const auto [found, added] = texts.try_emplace(cell, next_memo);
                        if (!added) {
                            w.get(found->second);
                            continue;
                        }
                        w.text(cell);
                        w.put(next_memo++);
                    }
                    w.opcode(op::setitems);
                }
                w.opcode(op::appends);
            }
        }
        w.opcode(op::setitems);
        return hand_over(out, out_len, w);
    });
}

}  // extern "C"

