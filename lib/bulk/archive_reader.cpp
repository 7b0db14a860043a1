#include "archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <system_error>

namespace form4::bulk::detail {
namespace {

struct archive_closer {
    void operator()(archive* a) const { archive_read_free(a); }
};

std::string error_of(archive* a) {
    const char* text = archive_error_string(a);
    return text ? text : "unknown archive error";
}

// The archive's bytes come through zlib's gzread rather than libarchive's
// own gzip filter, which never checks the CRC and length in the gzip
// trailer (libarchive leaves it as a TODO): a damaged .tar.gz converted
// with changed numbers and exit status 0. gzread checks every gzip member's
// trailer, and passes a plain .tar through as it is.
struct gzip_source {
    gzFile file = nullptr;
    char buffer[1 << 16];
    std::string error;   // set once gzread fails

    static la_ssize_t read(archive* a, void* self, const void** out) {
        auto* source = static_cast<gzip_source*>(self);
        int got = gzread(source->file, source->buffer, sizeof source->buffer);
        if (got < 0) {
            int code = 0;
            const char* text = gzerror(source->file, &code);
            source->error = code == Z_ERRNO ? std::generic_category().message(errno) : (text ? text : "gzip error");
            archive_set_error(a, EIO, "gzip: %s: the archive is damaged", source->error.c_str());
            return -1;
        }
        *out = source->buffer;
        return got;
    }

    // After the tar's end: the rest of the stream, so that the last gzip
    // trailer is read and checked too. "" or what is wrong.
    std::string check_to_end() {
        while (error.empty()) {
            int got = gzread(file, buffer, sizeof buffer);
            if (got == 0) break;
            if (got < 0) {
                int code = 0;
                const char* text = gzerror(file, &code);
                error = text ? text : "gzip error";
            }
        }
        return error;
    }

    ~gzip_source() {
        if (file) gzclose(file);
    }
};

std::string kind_of(const archive_entry* entry) {
    switch (archive_entry_filetype(const_cast<archive_entry*>(entry))) {
        case AE_IFLNK: return "a symbolic link";
        case AE_IFCHR: return "a character device";
        case AE_IFBLK: return "a block device";
        case AE_IFIFO: return "a FIFO";
        case AE_IFSOCK: return "a socket";
        default: return "not a regular file";
    }
}

}  // namespace

std::string for_each_member(const std::filesystem::path& path, std::size_t max_bytes,
                            const std::function<void(archive_member&&)>& take) {
    auto source = std::make_unique<gzip_source>();
    source->file = gzopen(path.c_str(), "rb");
    if (!source->file) return "cannot open: " + std::generic_category().message(errno ? errno : ENOMEM);
    gzbuffer(source->file, 1 << 16);
    std::unique_ptr<archive, archive_closer> reader(archive_read_new());
    if (!reader) return "cannot allocate an archive reader";
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());
    if (archive_read_open(reader.get(), source.get(), nullptr, &gzip_source::read, nullptr) != ARCHIVE_OK)
        return error_of(reader.get());

    for (;;) {
        archive_entry* entry = nullptr;
        int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) {
            std::string damage = source->check_to_end();
            if (!damage.empty())
                return "gzip: " + damage + ": the archive is damaged; rows read from its members may be wrong";
            return {};
        }
        if (status < ARCHIVE_WARN) return error_of(reader.get());
        const char* name = archive_entry_pathname(entry);
        if (archive_entry_filetype(entry) == AE_IFDIR) continue;   // holds no data of its own

        archive_member member;
        member.name = name ? name : "";
        // Not read, but said: a link or device member is never lost without a word.
        if (const char* target = archive_entry_hardlink(entry)) {
            member.error = "a hard link to " + std::string(target) + ", not a file: not read again";
            take(std::move(member));
            continue;
        }
        if (archive_entry_filetype(entry) != AE_IFREG) {
            member.error = kind_of(entry) + ", not a file: not read";
            if (const char* target = archive_entry_symlink(entry)) member.error += " (it points to " + std::string(target) + ")";
            take(std::move(member));
            continue;
        }
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
