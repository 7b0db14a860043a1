// Which documents a list of inputs names: files, directories, path lists.
#include <algorithm>
#include <cctype>
#include <istream>

#include "form4/bulk.hpp"

namespace form4::bulk {
namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// What a directory walk picks up: the forms form4 reads, and archives of them.
bool is_filing_file(const std::filesystem::path& path) {
    std::string name = lowercase(path.filename().string());
    for (std::string_view extension : {".xml", ".txt", ".nc", ".htm", ".html"})
        if (ends_with(name, extension)) return true;
    return is_archive(path);
}

}  // namespace

bool is_archive(const std::filesystem::path& path) {
    std::string name = lowercase(path.filename().string());
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

std::vector<std::filesystem::path> expand_inputs(std::span<const std::filesystem::path> paths) {
    std::vector<std::filesystem::path> out;
    for (const auto& path : paths) {
        std::error_code error;
        if (!std::filesystem::is_directory(path, error)) {
            out.push_back(path);
            continue;
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
    return out;
}

std::vector<std::filesystem::path> read_path_list(std::istream& in) {
    std::vector<std::filesystem::path> out;
    std::string line;
    while (std::getline(in, line)) {
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        auto last = line.find_last_not_of(" \t\r");
        out.emplace_back(line.substr(first, last - first + 1));
    }
    return out;
}

std::vector<std::filesystem::path> expand_arguments(std::span<const std::filesystem::path> arguments,
                                                    std::istream& stdin_list) {
    std::vector<std::filesystem::path> listed;
    bool read_stdin = false;
    for (const auto& argument : arguments) {
        if (argument == "-") {
            if (read_stdin) continue;   // stdin can be read once
            read_stdin = true;
            auto more = read_path_list(stdin_list);
            listed.insert(listed.end(), more.begin(), more.end());
        } else {
            listed.push_back(argument);
        }
    }
    return expand_inputs(listed);
}

}  // namespace form4::bulk
