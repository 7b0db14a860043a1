// Which documents a list of inputs names: files, directories, path lists.
#include <algorithm>
#include <cctype>
#include <istream>

#include "form4/bulk.hpp"
#include "inputs.hpp"
#include "util/ascii.hpp"

namespace form4::bulk {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// What a directory walk picks up: the forms form4 reads, and archives of them.
bool is_filing_file(const std::filesystem::path& path) {
    std::string name = util::ascii_lowercase(path.filename().string());
    for (std::string_view extension : {".xml", ".txt", ".nc", ".htm", ".html"})
        if (ends_with(name, extension)) return true;
    return is_archive(path);
}

}  // namespace

bool is_archive(const std::filesystem::path& path) {
    std::string name = util::ascii_lowercase(path.filename().string());
    return ends_with(name, ".tar") || ends_with(name, ".tar.gz") || ends_with(name, ".tgz");
}

std::string accession_from_name(std::string_view name) {
    auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string_view stem = name.substr(0, name.find('.'));
    if (stem.size() != 20 || stem[10] != '-' || stem[13] != '-') return {};
    for (std::size_t i = 0; i < stem.size(); ++i)
        if (i != 10 && i != 13 && !std::isdigit(static_cast<unsigned char>(stem[i]))) return {};
    return std::string(stem);
}

void detail::expand_input(const std::filesystem::path& path, std::vector<std::filesystem::path>& out) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
        out.push_back(path);
        return;
    }
    std::vector<std::filesystem::path> found;
    auto walk = std::filesystem::recursive_directory_iterator(
        path, std::filesystem::directory_options::skip_permission_denied, error);
    for (auto it = walk; !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
        if (it->is_regular_file(error) && is_filing_file(it->path())) found.push_back(it->path());
    if (error) found.push_back(path);   // reported as a failure when read
    // Sorted so that the order, hence the output, is the same on every file system.
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
}

std::vector<std::filesystem::path> expand_inputs(std::span<const std::filesystem::path> paths) {
    std::vector<std::filesystem::path> out;
    for (const auto& path : paths) detail::expand_input(path, out);
    return out;
}

std::vector<std::filesystem::path> read_path_list(std::istream& in) {
    // Read in blocks, not with getline: on std::cin (synchronised with stdio)
    // getline takes a character at a time, and a list can hold a million paths.
    std::vector<std::filesystem::path> out;
    auto const take = [&out](std::string_view line) {
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) return;
        auto last = line.find_last_not_of(" \t\r");
        out.emplace_back(line.substr(first, last - first + 1));
    };
    std::string pending;   // a line split across blocks
    char block[1 << 16];
    for (;;) {
        in.read(block, sizeof block);
        auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        std::string_view text(block, got);
        for (;;) {
            auto end = text.find('\n');
            if (end == std::string_view::npos) break;
            if (pending.empty()) {
                take(text.substr(0, end));
            } else {
                pending.append(text.substr(0, end));
                take(pending);
                pending.clear();
            }
            text.remove_prefix(end + 1);
        }
        pending.append(text);
    }
    take(pending);
    return out;
}

std::vector<std::filesystem::path> list_arguments(std::span<const std::filesystem::path> arguments,
                                                  std::istream& stdin_list) {
    std::vector<std::filesystem::path> listed;
    bool read_stdin = false;
    for (const auto& argument : arguments) {
        if (argument == "-") {
            if (read_stdin) continue;   // stdin can be read once
            read_stdin = true;
            auto more = read_path_list(stdin_list);
            listed.insert(listed.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        } else {
            listed.push_back(argument);
        }
    }
    return listed;
}

std::vector<std::filesystem::path> expand_arguments(std::span<const std::filesystem::path> arguments,
                                                    std::istream& stdin_list) {
    return expand_inputs(list_arguments(arguments, stdin_list));
}

}  // namespace form4::bulk
