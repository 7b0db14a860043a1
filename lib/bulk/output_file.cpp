#include "output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace form4::bulk::detail {

std::string temporary_name(std::string_view final_name) {
    return "." + std::string(final_name) + ".partial-" + std::to_string(::getpid());
}

output_file::output_file(std::filesystem::path final_path)
    : final_(std::move(final_path)),
      temporary_(final_.parent_path() / temporary_name(final_.filename().string())) {
    constexpr int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    fd_ = ::open(temporary_.c_str(), flags, 0644);
    if (fd_ < 0 && errno == EEXIST) {
        // Left by an earlier run of this process id, or planted: the name
        // itself is removed (unlink never follows a symlink), then created anew.
        ::unlink(temporary_.c_str());
        fd_ = ::open(temporary_.c_str(), flags, 0644);
    }
    if (fd_ < 0) fail("cannot create", errno);
}

output_file::~output_file() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

void output_file::fail(std::string_view what, int error) const {
    throw std::runtime_error(std::string(what) + " " + temporary_.string() + " (for " + final_.filename().string() +
                             "): " + std::generic_category().message(error));
}

void output_file::write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("cannot write", errno);
        bytes.remove_prefix(static_cast<std::size_t>(n));
        written_ += static_cast<std::uint64_t>(n);
    }
}

void output_file::finish() {
    if (fd_ < 0) return;
    // fsync: a full disk that the file system reports only on flush is an
    // error here, not a short file under the final name.
    if (::fsync(fd_) != 0 && errno != EINVAL) fail("cannot flush", errno);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("cannot close", errno);
}

void output_file::commit() {
    finish();
    if (::rename(temporary_.c_str(), final_.c_str()) != 0) fail("cannot rename into place", errno);
    temporary_.clear();
}

}  // namespace form4::bulk::detail
