#pragma once
// Test support for the bulk API: corpus inputs, temporary directories, and
// reading the eight tables back.
#include <unistd.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "form4/bulk.hpp"
#include "support/corpus.hpp"

namespace form4::testing {

// A fresh directory under the system temp dir, removed at the end of scope.
class temp_dir {
public:
    explicit temp_dir(const std::string& tag) {
        path_ = std::filesystem::temp_directory_path() /
                ("form4-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    std::filesystem::path path_;
};

// Every ownership XML and every submission of the corpus, sorted.
inline std::vector<std::filesystem::path> corpus_inputs() {
    auto files = corpus_files("xml", ".xml");
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / "submission"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

using table_texts = std::array<std::string, dataset::table_count>;

inline table_texts read_tables(const std::filesystem::path& directory) {
    table_texts out;
    for (auto t : dataset::all_tables)
        out[static_cast<std::size_t>(t)] = read_file(directory / (std::string(dataset::name(t)) + ".tsv"));
    return out;
}

}  // namespace form4::testing
