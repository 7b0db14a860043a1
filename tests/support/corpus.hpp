#pragma once
// Where the shared corpus is, and small helpers to read it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace form4::testing {

inline std::filesystem::path shared_dir() { return FORM4_SHARED_DIR; }
inline std::filesystem::path corpus_dir() { return shared_dir() / "corpus"; }

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

// Files under corpus/<sub> (recursively) ending in `extension`, sorted.
inline std::vector<std::filesystem::path> corpus_files(const std::string& sub, const std::string& extension) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_dir() / sub))
        if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace form4::testing
