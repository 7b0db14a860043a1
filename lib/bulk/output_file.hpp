#pragma once
// Internal: a file written under a temporary name in its directory and renamed into place only on commit(),
// never through a symlink, every error with its errno text.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace form4::bulk::detail {

class output_file {
public:
    // Creates DIR/.NAME.partial-PID exclusively (O_EXCL | O_NOFOLLOW): an
    // existing file or symlink there is removed first, never followed.
    explicit output_file(std::filesystem::path final_path);
    output_file(const output_file&) = delete;
    output_file& operator=(const output_file&) = delete;
    // Removes the temporary file unless committed.
    ~output_file();

    void write(std::string_view bytes);
    // Flushes to disk and closes: every error of the content is known after it.
    void finish();
    // finish(), then renames over the final name (a symlink there is
    // replaced, its target untouched).
    void commit();

    const std::filesystem::path& path() const noexcept { return final_; }
    std::uint64_t bytes_written() const noexcept { return written_; }

private:
    [[noreturn]] void fail(std::string_view what, int error) const;

    std::filesystem::path final_;
    std::filesystem::path temporary_;
    int fd_ = -1;
    std::uint64_t written_ = 0;
};

// What a run's temporary names look like, for the README and tests.
std::string temporary_name(std::string_view final_name);

}  // namespace form4::bulk::detail
