#include "archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace form4::bulk::detail {
namespace {

struct archive_closer {
    void operator()(archive* a) const { archive_read_free(a); }
};

std::string error_of(archive* a) {
    const char* text = archive_error_string(a);
    return text ? text : "unknown archive error";
}

}  // namespace

std::string for_each_member(const std::filesystem::path& path, std::size_t max_bytes,
                            const std::function<void(archive_member&&)>& take) {
    std::unique_ptr<archive, archive_closer> reader(archive_read_new());
    if (!reader) return "cannot allocate an archive reader";
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());
    if (archive_read_open_filename(reader.get(), path.c_str(), std::size_t{1} << 16) != ARCHIVE_OK)
        return error_of(reader.get());

    for (;;) {
        archive_entry* entry = nullptr;
        int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) return {};
        if (status < ARCHIVE_WARN) return error_of(reader.get());
        if (archive_entry_filetype(entry) != AE_IFREG) continue;

        archive_member member;
        const char* name = archive_entry_pathname(entry);
        member.name = name ? name : "";
        auto size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
        if (size > 0 && static_cast<std::uint64_t>(size) > max_bytes) {
            member.error = "member is " + std::to_string(size) + " bytes, over the limit of " +
                           std::to_string(max_bytes);
            archive_read_data_skip(reader.get());
            take(std::move(member));
            continue;
        }
        member.bytes.reserve(static_cast<std::size_t>(size));
        char buffer[1 << 16];
        for (;;) {
            la_ssize_t got = archive_read_data(reader.get(), buffer, sizeof buffer);
            if (got == 0) break;
            if (got < 0) {
                member.bytes.clear();
                member.error = error_of(reader.get());
                take(std::move(member));
                return "archive damaged at member " + std::string(name ? name : "?");
            }
            if (member.bytes.size() + static_cast<std::size_t>(got) > max_bytes) {
                member.bytes.clear();
                member.error = "member is over the limit of " + std::to_string(max_bytes) + " bytes";
                archive_read_data_skip(reader.get());
                break;
            }
            member.bytes.append(buffer, static_cast<std::size_t>(got));
        }
        take(std::move(member));
    }
}

}  // namespace form4::bulk::detail
