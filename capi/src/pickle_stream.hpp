#pragma once
// The pickle protocol 4 stream writer: opcodes and operands into one malloc'd buffer.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "util/utf8.hpp"

namespace form4::capi::pickle {

// Protocol 4 opcodes (Lib/pickletools.py describes each).
namespace op {
constexpr char proto = '\x80', frame = '\x95', stop = '.', mark = '(', pop = '0';
constexpr char none = 'N', newtrue = '\x88', newfalse = '\x89';
constexpr char binint1 = 'K', binint2 = 'M', binint = 'J', long1 = '\x8a';
constexpr char short_binunicode = '\x8c', binunicode = 'X', binunicode8 = '\x8d', short_binbytes = 'C';
constexpr char empty_tuple = ')', tuple1 = '\x85', tuple2 = '\x86', tuple = 't';
constexpr char empty_dict = '}', setitems = 'u', empty_list = ']', appends = 'e', list = 'l';
constexpr char newobj = '\x81', build = 'b', reduce = 'R', stack_global = '\x93', binpersid = 'Q';
constexpr char binput = 'q', long_binput = 'r', binget = 'h', long_binget = 'j';
}  // namespace op

// The stream, in a malloc'd buffer that becomes the caller's string as it
// is (form4_string_free is free()). Opcodes and operands are stored with
// one capacity check each: a document is thousands of tiny writes.
// Small and called a few thousand times a document: inlined even into the
// large writer functions, where GCC's size limits would otherwise keep calls.
#if defined(__GNUC__)
#define FORM4_HOT_INLINE __attribute__((always_inline)) inline
#else
#define FORM4_HOT_INLINE inline
#endif

class pickle_writer {
public:
    pickle_writer() {
        grow(8192);
        char* p = room(11);
        p[0] = op::proto;
        p[1] = '\x04';
        // One frame for everything: an Unpickler reading a file then reads
        // the stream in one call instead of one per opcode. Length below.
        p[2] = op::frame;
        size_ += 11;
    }
    pickle_writer(const pickle_writer&) = delete;
    pickle_writer& operator=(const pickle_writer&) = delete;
    ~pickle_writer() { std::free(data_); }

    FORM4_HOT_INLINE void opcode(char c) {
        *room(1) = c;
        ++size_;
    }

    FORM4_HOT_INLINE void integer(std::int64_t value) {
        if (value >= 0 && value < 0x100) return with_operand(op::binint1, static_cast<std::uint64_t>(value), 1);
        if (value >= 0 && value < 0x10000) return with_operand(op::binint2, static_cast<std::uint64_t>(value), 2);
        if (value >= INT32_MIN && value <= INT32_MAX) return with_operand(op::binint, static_cast<std::uint64_t>(value), 4);
        opcode(op::long1);
        with_operand('\x08', static_cast<std::uint64_t>(value), 8);
    }
    void unsigned_integer(std::uint64_t value) {
        if (value <= static_cast<std::uint64_t>(INT64_MAX)) return integer(static_cast<std::int64_t>(value));
        opcode(op::long1);  // nine bytes: a zero byte keeps it positive
        with_operand('\x09', value, 8);
        opcode('\0');
    }

    void boolean(bool value) { opcode(value ? op::newtrue : op::newfalse); }
    void optional_boolean(const std::optional<bool>& value) { opcode(value ? (*value ? op::newtrue : op::newfalse) : op::none); }

    // Text as Python's bytes.decode("utf-8", "replace") would read it: the
    // unpickler refuses invalid UTF-8, and stray bytes must not fail a whole filing.
    void text(std::string_view value) {
        if (util::first_invalid(value) == std::string_view::npos) return raw_text(value);
        raw_text(util::replaced_like_python(value));
    }

    void short_bytes(const char* data, std::size_t size) {  // size < 256
        with_operand(op::short_binbytes, size, 1);
        std::memcpy(room(size), data, size);
        size_ += size;
    }

    FORM4_HOT_INLINE void put(std::uint32_t memo) {
        if (memo < 0x100) with_operand(op::binput, memo, 1);
        else with_operand(op::long_binput, memo, 4);
    }
    FORM4_HOT_INLINE void get(std::uint32_t memo) {
        if (memo < 0x100) with_operand(op::binget, memo, 1);
        else with_operand(op::long_binget, memo, 4);
    }
    FORM4_HOT_INLINE void persistent(std::uint32_t index) {
        integer(index);
        opcode(op::binpersid);
    }

    // Ends the stream, fills in the frame length and hands the buffer over
    // (NUL-terminated, as every string of the library).
    char* release(std::size_t* size) {
        opcode(op::stop);
        const std::uint64_t frame = size_ - 11;
        for (int b = 0; b < 8; ++b) data_[3 + b] = static_cast<char>((frame >> (8 * b)) & 0xFF);
        *room(1) = '\0';
        *size = size_;
        char* out = data_;
        data_ = nullptr;
        size_ = capacity_ = 0;
        return out;
    }

private:
    FORM4_HOT_INLINE char* room(std::size_t n) {
        if (capacity_ - size_ < n) grow(size_ + n);
        return data_ + size_;
    }
    void grow(std::size_t at_least) {
        std::size_t capacity = capacity_ == 0 ? 8192 : capacity_ * 2;
        while (capacity < at_least) capacity *= 2;
        char* data = static_cast<char*>(std::realloc(data_, capacity));
        if (data == nullptr) throw std::bad_alloc();
        data_ = data;
        capacity_ = capacity;
    }
    FORM4_HOT_INLINE void with_operand(char code, std::uint64_t value, int bytes) {
        char* p = room(1 + static_cast<std::size_t>(bytes));
        p[0] = code;
        for (int b = 0; b < bytes; ++b) p[1 + b] = static_cast<char>((value >> (8 * b)) & 0xFF);
        size_ += 1 + static_cast<std::size_t>(bytes);
    }
    void raw_text(std::string_view value) {
        if (value.size() < 0x100) with_operand(op::short_binunicode, value.size(), 1);
        else if (value.size() <= 0xFFFFFFFFu) with_operand(op::binunicode, value.size(), 4);
        else with_operand(op::binunicode8, value.size(), 8);
        if (value.empty()) return;  // an empty view's data() may be null, which memcpy must not get
        std::memcpy(room(value.size()), value.data(), value.size());
        size_ += value.size();
    }

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

}  // namespace form4::capi::pickle
