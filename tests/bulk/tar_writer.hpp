#pragma once
// Test support: writes a .tar or .tar.gz archive with libarchive's writer.
#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace form4::testing {

class tar_writer {
public:
    tar_writer(const std::filesystem::path& path, bool gzip) : archive_(archive_write_new()) {
        if (gzip) archive_write_add_filter_gzip(archive_);
        archive_write_set_format_pax_restricted(archive_);
        if (archive_write_open_filename(archive_, path.c_str()) != ARCHIVE_OK)
            throw std::runtime_error("cannot create " + path.string());
    }
    tar_writer(const tar_writer&) = delete;
    tar_writer& operator=(const tar_writer&) = delete;
    ~tar_writer() { close(); }

    void add(const std::string& name, std::string_view bytes) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.c_str());
        archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_write_header(archive_, entry);
        archive_write_data(archive_, bytes.data(), bytes.size());
        archive_entry_free(entry);
    }

    void close() {
        if (!archive_) return;
        archive_write_close(archive_);
        archive_write_free(archive_);
        archive_ = nullptr;
    }

private:
    archive* archive_;
};

}  // namespace form4::testing
