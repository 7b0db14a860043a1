#pragma once
// Internal: the one way form4 reads an input file (CLI, C ABI, bulk), with the size limit checked while reading.
//
// - A regular file over the limit is refused from its size, before any byte is read.
// - Standard input ("-", where allowed), pipes, FIFOs and devices are read until
//   their end or the limit: never more than max_bytes + 1 bytes.
// - A FIFO is opened without blocking. If no writer has it open at that moment, it is
//   refused at once: waiting for one would hang a library call (and a Python
//   process) without end, and a timeout would only pick how long the hang lasts.
//   A writer that is there but slow is waited for, as for standard input.
// - A directory, or a path holding a NUL byte (which C would cut short and open
//   a different file), is refused with a message that says so.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace form4::util {

struct read_failure {
    std::string code;      // "io", or "limit.input-size"
    std::string message;   // what and why, with the path
};

// A buffer reused from one file to the next (no allocation per file, and no
// zero-filling before read() overwrites it).
class input_file_reader {
public:
    // Reads the whole input at `path` ("-" is standard input when
    // `dash_is_stdin`). On success `bytes` views the buffer until the next read.
    std::optional<read_failure> read(const std::filesystem::path& path, std::size_t max_bytes,
                                     std::string_view& bytes, bool dash_is_stdin = false);

    // After a large input, gives its memory back.
    void trim();

private:
    char* room_for(std::size_t size);

    std::unique_ptr<char[]> data_;
    std::size_t capacity_ = 0;
};

}  // namespace form4::util
