// Typed tables as Arrow C data interface arrays (see arrow.hpp).
#include "arrow.hpp"

#include <limits>
#include <numeric>
#include <utility>

namespace form4::capi::arrow {
namespace {

__extension__ typedef __int128 int128;

template <class T>
buffer owned(std::vector<T>&& values) {
    auto kept = std::make_shared<std::vector<T>>(std::move(values));
    if (kept->empty()) kept->reserve(1);   // a valid pointer even for no rows
    return buffer{kept, kept->data()};
}

std::int64_t total_rows(std::span<const tabular::table* const> chunks) {
    std::int64_t rows = 0;
    for (const auto* chunk : chunks) rows += static_cast<std::int64_t>(chunk->rows());
    return rows;
}

// Bit i set when row i is valid; no buffer at all when every row is.
buffer validity(std::span<const tabular::table* const> chunks, std::size_t column, std::int64_t rows,
                std::int64_t& null_count) {
    std::vector<std::uint8_t> bits(static_cast<std::size_t>(rows + 7) / 8, 0);
    std::size_t i = 0;
    null_count = 0;
    for (const auto* chunk : chunks)
        for (std::uint8_t valid : chunk->column(column).valid) {
            if (valid) bits[i >> 3] = static_cast<std::uint8_t>(bits[i >> 3] | (1u << (i & 7)));
            else ++null_count;
            ++i;
        }
    return null_count == 0 ? buffer{} : owned(std::move(bits));
}

std::vector<std::uint8_t> packed(std::span<const tabular::table* const> chunks, std::size_t column, std::int64_t rows) {
    std::vector<std::uint8_t> bits(static_cast<std::size_t>(rows + 7) / 8, 0);
    std::size_t i = 0;
    for (const auto* chunk : chunks)
        for (std::uint8_t flag : chunk->column(column).flags) {
            if (flag) bits[i >> 3] = static_cast<std::uint8_t>(bits[i >> 3] | (1u << (i & 7)));
            ++i;
        }
    return bits;
}

template <class T, class Member>
std::vector<T> joined(std::span<const tabular::table* const> chunks, std::size_t column, Member member) {
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(total_rows(chunks)));
    for (const auto* chunk : chunks) {
        const auto& values = chunk->column(column).*member;
        out.insert(out.end(), values.begin(), values.end());
    }
    return out;
}

// Indices into one dictionary made of every chunk's.
void dictionary_encoded(array_data& out, std::span<const tabular::table* const> chunks, std::size_t column) {
    tabular::string_dictionary merged;
    std::vector<std::int32_t> codes;
    codes.reserve(static_cast<std::size_t>(out.length));
    std::vector<std::int32_t> to_merged;
    for (const auto* chunk : chunks) {
        const tabular::column_data& data = chunk->column(column);
        to_merged.resize(data.dictionary.size());
        for (std::size_t k = 0; k < to_merged.size(); ++k) to_merged[k] = merged.intern(data.dictionary.at(k));
        // A null's index is -1: Arrow leaves it undefined, and a consumer
        // that indexes without the bitmap (numpy, pandas' Categorical) reads
        // -1 as its own null marker.
        for (std::int32_t code : data.codes) codes.push_back(code < 0 ? -1 : to_merged[static_cast<std::size_t>(code)]);
    }
    out.format = "i";
    out.buffers.push_back(owned(std::move(codes)));
    auto values = std::make_unique<array_data>();
    values->format = "U";
    values->flags = 0;
    values->length = static_cast<std::int64_t>(merged.size());
    values->buffers = {buffer{}, owned(std::vector<std::int64_t>(merged.offsets())),
                       owned(std::vector<char>(merged.data().begin(), merged.data().end()))};
    out.dictionary = std::move(values);
}

void decimals(array_data& out, std::span<const tabular::table* const> chunks, std::size_t column, const options& opts) {
    if (!opts.exact_numbers) {
        // A null is NaN (a value Arrow leaves undefined): numpy reads the
        // buffer as it is.
        std::vector<double> values;
        values.reserve(static_cast<std::size_t>(out.length));
        for (const auto* chunk : chunks) {
            const tabular::column_data& data = chunk->column(column);
            for (std::size_t r = 0; r < data.integers.size(); ++r)
                values.push_back(data.valid[r] ? decimal(data.integers[r], data.scales[r]).to_double()
                                               : std::numeric_limits<double>::quiet_NaN());
        }
        out.format = "g";
        out.buffers.push_back(owned(std::move(values)));
        return;
    }
    // One scale for the column: the largest. 18 digits at scale up to 18
    // stay within 38 digits.
    int scale = 0;
    for (const auto* chunk : chunks) scale = std::max(scale, chunk->column(column).max_scale);
    std::vector<std::uint64_t> words;   // little-endian 128-bit values: low word, high word
    words.reserve(2 * static_cast<std::size_t>(out.length));
    for (const auto* chunk : chunks) {
        const tabular::column_data& data = chunk->column(column);
        for (std::size_t r = 0; r < data.integers.size(); ++r) {
            int128 value = data.integers[r];
            for (int s = data.scales[r]; s < scale; ++s) value *= 10;
            words.push_back(static_cast<std::uint64_t>(value));
            words.push_back(static_cast<std::uint64_t>(value >> 64));
        }
    }
    out.format = "d:38," + std::to_string(scale);
    out.buffers.push_back(owned(std::move(words)));
}

// ---- export ------------------------------------------------------------------

struct schema_node {
    std::string format, name;
    std::vector<ArrowSchema> children;
    std::vector<ArrowSchema*> child_pointers;
    ArrowSchema dictionary{};
    // Children and the dictionary not moved out by the consumer go with it.
    ~schema_node() {
        for (auto& child : children)
            if (child.release) child.release(&child);
        if (dictionary.release) dictionary.release(&dictionary);
    }
};

void release_schema(ArrowSchema* schema) {
    if (schema == nullptr || schema->release == nullptr) return;
    delete static_cast<schema_node*>(schema->private_data);
    schema->release = nullptr;
}

void fill_schema(ArrowSchema* out, const array_data& data) {
    auto node = std::make_unique<schema_node>();
    node->format = data.format;
    node->name = data.name;
    node->children.resize(data.children.size());
    for (std::size_t i = 0; i < data.children.size(); ++i) {
        fill_schema(&node->children[i], data.children[i]);
        node->child_pointers.push_back(&node->children[i]);
    }
    if (data.dictionary) fill_schema(&node->dictionary, *data.dictionary);
    *out = ArrowSchema{node->format.c_str(), node->name.c_str(), nullptr, data.flags,
                       static_cast<std::int64_t>(node->children.size()),
                       node->child_pointers.empty() ? nullptr : node->child_pointers.data(),
                       data.dictionary ? &node->dictionary : nullptr, release_schema, nullptr};
    out->private_data = node.release();
}

struct array_node {
    std::vector<buffer> buffers;
    std::vector<const void*> buffer_pointers;
    std::vector<ArrowArray> children;
    std::vector<ArrowArray*> child_pointers;
    ArrowArray dictionary{};
    ~array_node() {
        for (auto& child : children)
            if (child.release) child.release(&child);
        if (dictionary.release) dictionary.release(&dictionary);
    }
};

void release_array(ArrowArray* array) {
    if (array == nullptr || array->release == nullptr) return;
    delete static_cast<array_node*>(array->private_data);
    array->release = nullptr;
}

void fill_array(ArrowArray* out, array_data&& data) {
    auto node = std::make_unique<array_node>();
    node->buffers = std::move(data.buffers);
    for (const auto& b : node->buffers) node->buffer_pointers.push_back(b.data);
    node->children.resize(data.children.size());
    for (std::size_t i = 0; i < data.children.size(); ++i) {
        fill_array(&node->children[i], std::move(data.children[i]));
        node->child_pointers.push_back(&node->children[i]);
    }
    if (data.dictionary) fill_array(&node->dictionary, std::move(*data.dictionary));
    *out = ArrowArray{data.length, data.null_count, 0,
                      static_cast<std::int64_t>(node->buffer_pointers.size()),
                      static_cast<std::int64_t>(node->children.size()),
                      node->buffer_pointers.empty() ? nullptr : node->buffer_pointers.data(),
                      node->child_pointers.empty() ? nullptr : node->child_pointers.data(),
                      data.dictionary ? &node->dictionary : nullptr, release_array, nullptr};
    out->private_data = node.release();
}

}  // namespace

array_data column(const tabular::schema& described, std::span<const tabular::table* const> chunks, std::size_t column,
                  const options& opts) {
    const tabular::column& c = described.columns[column];
    array_data out;
    out.name = c.name;
    out.length = total_rows(chunks);
    if (c.numbers_rows) {   // 1-based across every chunk
        std::vector<std::int64_t> numbers(static_cast<std::size_t>(out.length));
        std::iota(numbers.begin(), numbers.end(), std::int64_t{1});
        out.format = "l";
        out.buffers = {buffer{}, owned(std::move(numbers))};
        return out;
    }
    out.buffers.push_back(validity(chunks, column, out.length, out.null_count));
    switch (c.type) {
        case tabular::column_type::text: dictionary_encoded(out, chunks, column); break;
        case tabular::column_type::integer:
            out.format = "l";
            out.buffers.push_back(owned(joined<std::int64_t>(chunks, column, &tabular::column_data::integers)));
            break;
        case tabular::column_type::decimal: decimals(out, chunks, column, opts); break;
        case tabular::column_type::date:
            out.format = "tdD";
            out.buffers.push_back(owned(joined<std::int32_t>(chunks, column, &tabular::column_data::days)));
            break;
        case tabular::column_type::flag:
            out.format = "b";
            out.buffers.push_back(owned(packed(chunks, column, out.length)));
            break;
    }
    return out;
}

array_data table(const tabular::schema& described, std::vector<array_data> columns, std::int64_t rows) {
    array_data out;
    out.format = "+s";
    out.name = described.name;
    out.flags = 0;
    out.length = rows;
    out.buffers = {buffer{}};
    out.children = std::move(columns);
    return out;
}

void export_to(array_data&& data, ArrowSchema* schema, ArrowArray* array) {
    ArrowSchema made_schema{};
    fill_schema(&made_schema, data);
    try {
        ArrowArray made_array{};
        fill_array(&made_array, std::move(data));
        *array = made_array;
    } catch (...) {
        made_schema.release(&made_schema);
        throw;
    }
    *schema = made_schema;
}

}  // namespace form4::capi::arrow
