// Officer titles as filed -> the known roles they name.
#include <array>
#include <cctype>
#include <vector>

#include "activity/text_rules.hpp"

namespace form4::activity::detail {
namespace {

// Words of the title, lowered; '&' is a word of its own.
std::vector<std::string> words_of(std::string_view title) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c))) word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else flush();
    }
    flush();
    return words;
}

struct role_pattern {
    std::string_view role;
    std::vector<std::vector<std::string_view>> phrases;   // any of these word sequences
};

// Fixed order of the output. "Vice President" is matched (and consumed)
// before "President", so an EVP is not called President.
const std::vector<role_pattern>& patterns() {
    static const std::vector<role_pattern> list{
        {"Vice President", {{"vice", "president"}, {"vice", "pres"}, {"vp"}, {"svp"}, {"evp"}}},
        {"CEO", {{"chief", "executive", "officer"}, {"ceo"}, {"principal", "executive", "officer"}}},
        {"CFO", {{"chief", "financial", "officer"}, {"cfo"}, {"principal", "financial", "officer"}}},
        {"COO", {{"chief", "operating", "officer"}, {"coo"}}},
        {"CTO", {{"chief", "technology", "officer"}, {"chief", "technical", "officer"}, {"cto"}}},
        {"CAO", {{"chief", "accounting", "officer"}, {"principal", "accounting", "officer"}, {"cao"}}},
        {"General Counsel",
         {{"general", "counsel"}, {"gen", "counsel"}, {"gc"}, {"chief", "legal", "officer"}, {"clo"}}},
        {"President", {{"president"}, {"pres"}}},
        {"Chair", {{"chairman"}, {"chairwoman"}, {"chair"}, {"chairmn"}, {"chairperson"}}},
        {"Secretary", {{"secretary"}, {"corp", "secretary"}}},
        {"Treasurer", {{"treasurer"}}},
    };
    return list;
}

}  // namespace

std::string normalize_officer_title(std::string_view title) {
    std::vector<std::string> words = words_of(title);
    std::vector<bool> used(words.size(), false);
    std::string out;
    for (const auto& pattern : patterns()) {
        bool found = false;
        for (const auto& phrase : pattern.phrases)
            for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
                bool match = true;
                for (std::size_t k = 0; k < phrase.size() && match; ++k) match = !used[i + k] && words[i + k] == phrase[k];
                if (!match) continue;
                for (std::size_t k = 0; k < phrase.size(); ++k) used[i + k] = true;
                found = true;
            }
        if (found) {
            if (!out.empty()) out += ';';
            out += pattern.role;
        }
    }
    return out;
}

}  // namespace form4::activity::detail
