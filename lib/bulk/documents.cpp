// The documents a list of inputs holds, and what every batch reader does with one (see documents.hpp).
#include "documents.hpp"

#include <vector>

#include "archive_reader.hpp"
#include "inputs.hpp"

namespace form4::bulk::detail {
namespace {

bool list_file(const std::filesystem::path& path, const submit_document& submit) {
    document_source source;
    source.name = path.string();
    source.file_name = path.filename().string();
    source.read_by_worker = true;
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    return submit(std::move(source), error ? 0 : size);   // unreadable: its reader says why
}

bool list_archive(const std::filesystem::path& path, std::uint64_t max_input_bytes, const submit_document& submit) {
    bool going_on = true;
    std::string damage = for_each_member(path, max_input_bytes, [&](archive_member&& member) {
        if (!going_on) return;
        document_source source;
        source.name = path.string() + "!" + member.name;
        source.file_name = std::move(member.name);
        source.bytes = std::move(member.bytes);
        source.read_error = std::move(member.error);
        if (!source.read_error.empty()) source.read_error_code = "io";
        std::uint64_t weight = source.bytes.size();
        going_on = submit(std::move(source), weight);
    });
    if (!damage.empty() && going_on) {
        document_source source;
        source.name = path.string();
        source.read_error = "archive: " + damage;
        source.read_error_code = "io";
        going_on = submit(std::move(source), 0);
    }
    return going_on;
}

std::string_view trimmed_line_after(std::string_view text, std::string_view key) {
    auto at = text.find(key);
    if (at == std::string_view::npos) return {};
    std::string_view rest = text.substr(at + key.size());
    rest = rest.substr(0, rest.find_first_of("\r\n"));
    auto first = rest.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    auto last = rest.find_last_not_of(" \t");
    return rest.substr(first, last - first + 1);
}

}  // namespace

void list_documents(std::span<const std::filesystem::path> inputs, std::uint64_t max_input_bytes,
                    const submit_document& submit) {
    std::vector<std::filesystem::path> expanded;
    for (const auto& input : inputs) {
        expanded.clear();
        expand_input(input, expanded);
        for (const auto& path : expanded) {
            bool going_on = is_archive(path) ? list_archive(path, max_input_bytes, submit) : list_file(path, submit);
            if (!going_on) return;
        }
    }
}

std::string_view document_bytes(document_source& source, util::input_file_reader& buffer,
                                std::uint64_t max_input_bytes) {
    if (!source.read_by_worker || !source.read_error.empty()) return source.bytes;
    std::string_view bytes;
    if (auto failed = buffer.read(source.name, max_input_bytes, bytes)) {
        source.read_error = std::move(failed->message);
        source.read_error_code = std::move(failed->code);
        return {};
    }
    return bytes;
}

std::string_view other_form_type(std::string_view bytes) {
    if (detect_format(bytes) != input_format::submission) return {};
    std::string_view head = bytes.substr(0, 16384);
    std::string_view type = trimmed_line_after(head, "CONFORMED SUBMISSION TYPE:");
    if (type.empty()) type = trimmed_line_after(head, "<TYPE>");   // .nc: the first <TYPE> is the submission's
    if (type.empty() || make_coded<document_type>(type).value != document_type::unknown) return {};
    return type;
}

progress progress_of(const summary& so_far, std::chrono::steady_clock::duration elapsed, std::string last_input,
                     bool finished) {
    progress p;
    p.documents_done = so_far.documents_read;
    p.documents_failed = so_far.documents_failed;
    p.documents_skipped = so_far.documents_skipped;
    p.bytes_read = so_far.bytes_read;
    p.elapsed = elapsed;
    p.last_input = std::move(last_input);
    p.finished = finished;
    return p;
}

std::string first_error(const parse_result& result) {
    for (const auto& d : result.diagnostics)
        if (d.level == severity::error) return format(d);
    return "no document";
}

std::string warning_summary(const parse_result& result) {
    std::string first;
    std::size_t count = 0;
    for (const auto& d : result.diagnostics)
        if (d.level == severity::warning && count++ == 0) first = format(d);
    if (count > 1) first += " (and " + std::to_string(count - 1) + " more warnings)";
    return first;
}

}  // namespace form4::bulk::detail
