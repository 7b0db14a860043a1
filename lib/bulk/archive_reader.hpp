#pragma once
// Internal: reads the regular-file members of a .tar / .tar.gz archive into
// memory one at a time (libarchive), in archive order.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

namespace form4::bulk::detail {

struct archive_member {
    std::string name;        // the member's path inside the archive
    std::string bytes;       // its contents (empty when `error` is set)
    std::string error;       // why it could not be read
};

// Calls `take` for each regular member. A member over `max_bytes` is passed
// with an error instead of its bytes. Returns "" or the reason the archive
// itself could not be read (members before the damage have been passed).
std::string for_each_member(const std::filesystem::path& archive, std::size_t max_bytes,
                            const std::function<void(archive_member&&)>& take);

}  // namespace form4::bulk::detail
