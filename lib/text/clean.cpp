#include "text/clean.hpp"

#include "form4/grammar/utf8.hpp"

#include <array>
#include <cctype>
#include <cstdint>

namespace form4::text {
namespace {

bool is_tag_start(std::string_view text, std::size_t i) {
    if (text[i] != '<' || i + 1 >= text.size()) return false;
    char next = text[i + 1];
    return std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!';
}

}  // namespace

std::string decode_entities(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out += raw[i];
            continue;
        }
        std::size_t semicolon = raw.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 10) {
            out += raw[i];
            continue;
        }
        std::string_view name = raw.substr(i + 1, semicolon - i - 1);
        std::string replacement;
        if (name == "amp") replacement = "&";
        else if (name == "lt") replacement = "<";
        else if (name == "gt") replacement = ">";
        else if (name == "quot") replacement = "\"";
        else if (name == "apos") replacement = "'";
        else if (name == "nbsp") replacement = "\xC2\xA0";
        else if (name.size() > 1 && name[0] == '#') {
            std::uint32_t code = 0;
            bool hex = name[1] == 'x' || name[1] == 'X';
            bool valid = name.size() > (hex ? 2u : 1u);
            for (std::size_t k = hex ? 2 : 1; k < name.size() && valid; ++k) {
                char c = name[k];
                int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                            : hex && std::isxdigit(static_cast<unsigned char>(c))
                                ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                : -1;
                if (digit < 0 || code > 0x10FFFF) valid = false;
                else code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
            }
            if (valid && grammar::utf8::is_scalar_value(code)) grammar::utf8::append(replacement, code);
        }
        if (replacement.empty()) {
            out += raw[i];
            continue;
        }
        out += replacement;
        i = semicolon;
    }
    return out;
}

namespace {

// Bytes squeeze_plain() must look at: white space, 0xC2 (the lead byte of
// U+00A0), and what only the full cleaning handles ('<', '&', '\\').
constexpr std::array<bool, 256> plain_special_bytes = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v', '<', '&', '\\'}) table[c] = true;
    table[0xC2] = true;
    return table;
}();

// Appends `text` with white space squeezed and trimmed. With `plain_only`,
// false (with `out` unfinished) at the first '<', '&' or '\\', which need the
// full cleaning; most values are plain text, and this pass is all they need.
bool squeeze(std::string_view text, std::string& out, bool plain_only) {
    bool pending_space = false;
    std::size_t i = 0;
    while (i < text.size()) {
        // A run of ordinary bytes is copied at once.
        std::size_t run = i;
        while (run < text.size() && !plain_special_bytes[static_cast<unsigned char>(text[run])]) ++run;
        if (run == i) {
            char c = text[i];
            bool markup = c == '<' || c == '&' || c == '\\';
            if (markup && plain_only) return false;
            bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
            if (!markup && (c != '\xC2' || nbsp)) {   // white space
                i += nbsp ? 2 : 1;
                pending_space = !out.empty();
                continue;
            }
            run = i + 1;   // markup left by the full cleaning, or 0xC2 starting another character: text
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(text.data() + i, run - i);
        i = run;
    }
    return true;
}

}  // namespace

std::string clean_text(std::string_view raw) {
    std::string out;
    clean_text_into(raw, out);
    return out;
}

void clean_text_into(std::string_view raw, std::string& out) {
    out.clear();
    out.reserve(raw.size());
    if (squeeze(raw, out, true)) return;
    out.clear();
    // Drop tags first (their attributes may hold anything), then decode.
    std::string untagged;
    untagged.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (is_tag_start(raw, i)) {
            std::size_t close = raw.find('>', i);
            if (close != std::string_view::npos) {
                untagged += ' ';
                i = close;
                continue;
            }
        }
        // Markdown escapes: "\$" -> "$", "\_" -> "_", "\*" -> "*".
        if (raw[i] == '\\' && i + 1 < raw.size() && std::ispunct(static_cast<unsigned char>(raw[i + 1]))) continue;
        untagged += raw[i];
    }
    if (untagged.find('&') == std::string::npos) {
        squeeze(untagged, out, false);
    } else {
        squeeze(decode_entities(untagged), out, false);
    }
}

std::vector<std::string> underlined_groups(std::string_view raw) {
    std::vector<std::string> groups;
    // Both needles start with '<': find() (memchr) goes from one to the next.
    auto lower_find = [&](std::string_view needle, std::size_t from) {
        for (std::size_t i = raw.find('<', from); i != std::string_view::npos && i + needle.size() <= raw.size();
             i = raw.find('<', i + 1)) {
            bool match = true;
            for (std::size_t k = 1; k < needle.size() && match; ++k)
                match = std::tolower(static_cast<unsigned char>(raw[i + k])) == needle[k];
            if (match) return i;
        }
        return std::string_view::npos;
    };
    std::size_t at = 0;
    while ((at = lower_find("<u>", at)) != std::string_view::npos) {
        std::size_t close = lower_find("</u>", at + 3);
        if (close == std::string_view::npos) break;
        groups.push_back(clean_text(raw.substr(at + 3, close - at - 3)));
        at = close + 4;
    }
    return groups;
}

}  // namespace form4::text
