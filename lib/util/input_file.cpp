#include "util/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <system_error>

namespace form4::util {
namespace {

std::string shown(const std::filesystem::path& path) { return path == "-" ? "<stdin>" : path.string(); }

read_failure io_failure(const std::filesystem::path& path, std::string_view what, int error) {
    return {"io", shown(path) + ": " + std::string(what) + ": " + std::generic_category().message(error)};
}

// `size`: "1234 bytes", or for a stream, which has no size, what was read.
read_failure over_limit(const std::filesystem::path& path, const std::string& size, std::size_t max_bytes) {
    return {"limit.input-size", shown(path) + ": input is " + size + ", over the limit of " +
                                    std::to_string(max_bytes) + " bytes"};
}

struct fd_closer {
    int fd;
    bool owned;
    ~fd_closer() {
        if (owned) ::close(fd);
    }
};

}  // namespace

char* input_file_reader::room_for(std::size_t size) {
    if (size > capacity_) {
        std::unique_ptr<char[]> bigger(new char[size]);   // not value-initialised: read() fills it
        data_ = std::move(bigger);
        capacity_ = size;
    }
    return data_.get();
}

void input_file_reader::trim() {
    constexpr std::size_t keep_bytes = std::size_t{4} << 20;
    if (capacity_ > keep_bytes) {
        data_.reset();
        capacity_ = 0;
    }
}

std::optional<read_failure> input_file_reader::read(const std::filesystem::path& path, std::size_t max_bytes,
                                                    std::string_view& bytes, bool dash_is_stdin) {
    bytes = {};
    if (path.native().find('\0') != std::string::npos)
        return read_failure{"io", "the path holds a NUL byte: " + path.string().substr(0, path.native().find('\0')) +
                                      "\\0...: refused (C would open the part before it)"};
    const bool from_stdin = dash_is_stdin && path == "-";
    int fd = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return io_failure(path, "cannot open", errno);
    fd_closer close_at_end{fd, !from_stdin};
    struct stat info {};
    if (::fstat(fd, &info) != 0) return io_failure(path, "cannot read", errno);
    if (S_ISDIR(info.st_mode))
        return read_failure{"io", shown(path) + ": is a directory, not a filing (form4 tables reads directories)"};
    const bool regular = S_ISREG(info.st_mode);
    if (regular && static_cast<std::uint64_t>(info.st_size) > max_bytes)
        return over_limit(path, std::to_string(info.st_size) + " bytes", max_bytes);
    // Never more than max_bytes + 1: the one byte past the limit tells "over" from "exactly at".
    const std::size_t most = max_bytes == std::numeric_limits<std::size_t>::max() ? max_bytes : max_bytes + 1;

    if (!from_stdin && S_ISFIFO(info.st_mode)) {
        // Opened without blocking: read() gives 0 at once when no writer has
        // the FIFO open, EAGAIN when one has but sent nothing yet.
        char first = 0;
        ssize_t n;
        do n = ::read(fd, &first, 1);
        while (n < 0 && errno == EINTR);
        if (n == 0)
            return read_failure{"io", shown(path) + ": a FIFO with no writer: refused rather than waiting for one"};
        if (n < 0 && errno != EAGAIN) return io_failure(path, "cannot read", errno);
        if (n == 1) room_for(std::min<std::size_t>(most, 1 << 16))[0] = first;
        bytes = std::string_view(data_.get(), n == 1 ? 1 : 0);
    }
    if (!from_stdin) {
        // From here on, a writer or device that is there is waited for.
        int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }

    std::size_t got = bytes.size();
    std::size_t want = regular ? std::min<std::size_t>(most, static_cast<std::size_t>(info.st_size) + 1)
                               : std::min<std::size_t>(most, std::size_t{1} << 16);
    if (want > capacity_) {
        std::unique_ptr<char[]> bigger(new char[want]);
        if (got) std::memcpy(bigger.get(), data_.get(), got);
        data_ = std::move(bigger);
        capacity_ = want;
    }
    for (;;) {
        if (got == capacity_) {
            if (capacity_ >= most) break;   // max_bytes + 1 read: over the limit
            // Straight to the limit from half of it: one more doubling would
            // copy the whole buffer again for the single byte past the limit.
            std::size_t grown = capacity_ >= most / 2 ? most : std::max<std::size_t>(capacity_ * 2, 1 << 16);
            std::unique_ptr<char[]> bigger(new char[grown]);
            std::memcpy(bigger.get(), data_.get(), got);
            data_ = std::move(bigger);
            capacity_ = grown;
        }
        ssize_t n = ::read(fd, data_.get() + got, std::min(capacity_, most) - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return io_failure(path, "cannot read", errno);
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
        if (got >= most) break;
    }
    if (got > max_bytes) return over_limit(path, "longer (reading stopped there)", max_bytes);
    bytes = std::string_view(data_.get(), got);
    return std::nullopt;
}

}  // namespace form4::util
