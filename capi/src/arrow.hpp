#pragma once
// Internal to libform4_c: typed tables (form4/tabular.hpp) as arrays of the
// Apache Arrow C data interface, for any table described by a schema.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "form4/form4.h"
#include "form4/tabular.hpp"

namespace form4::capi::arrow {

struct options {
    bool exact_numbers = false;   // decimal128 instead of float64
};

// One buffer, kept alive by whatever owns its bytes; data NULL for an absent
// buffer (a validity bitmap with no nulls).
struct buffer {
    std::shared_ptr<const void> keep;
    const void* data = nullptr;
};

// An array and its type, before export.
struct array_data {
    std::string format;
    std::string name;
    std::int64_t flags = ARROW_FLAG_NULLABLE;
    std::int64_t length = 0;
    std::int64_t null_count = 0;
    std::vector<buffer> buffers;
    std::vector<array_data> children;
    std::unique_ptr<array_data> dictionary;
};

// Column `column` of a table whose rows are split over `chunks` (each of the
// same schema), joined in order: text dictionaries merged, row numbers
// counted across the chunks.
array_data column(const tabular::schema& described, std::span<const tabular::table* const> chunks,
                  std::size_t column, const options& opts);
// The table as a struct array of its columns.
array_data table(const tabular::schema& described, std::vector<array_data> columns, std::int64_t rows);

// Hands `data` over to the two structures, each with its own release
// callback (children and dictionaries releasable on their own, as the
// specification lets a consumer move them out).
void export_to(array_data&& data, ArrowSchema* schema, ArrowArray* array);

}  // namespace form4::capi::arrow
