#pragma once
// What the renderings tests share: whether a tool is installed, running a command for
// its output, a folder of the SEC's stylesheets ready for xsltproc, and the converter
// commands (as scripts/render-corpus.sh runs them: each at its widest lines).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/corpus.hpp"

namespace form4::testing {

inline const std::string lynx_dump = "lynx -dump -nolist -nonumbers -width=1024 -force_html -display_charset=utf-8";
inline const std::string w3m_dump = "w3m -dump -T text/html -cols 1024 -O UTF-8";

inline bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

inline std::string run(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        ::pclose(pipe);
    }
    return out;
}

// `work` with a copy of spec/xsl, and the stub of State_Codes.xsl (which the SEC does not
// publish) under that name, as the stylesheets include it.
inline void copy_stylesheets(const std::filesystem::path& work) {
    namespace fs = std::filesystem;
    fs::create_directories(work);
    for (const auto& xsl : fs::directory_iterator(shared_dir() / "spec" / "xsl"))
        fs::copy_file(xsl.path(), work / xsl.path().filename(), fs::copy_options::overwrite_existing);
    fs::copy_file(work / "State_Codes.stub.xsl", work / "State_Codes.xsl", fs::copy_options::overwrite_existing);
}

}  // namespace form4::testing
