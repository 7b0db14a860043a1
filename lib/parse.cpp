#include "form4/parse.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "frontends.hpp"
#include "util/ascii.hpp"
#include "util/input_file.hpp"

namespace form4 {
namespace {

using util::starts_with_ignoring_case;

std::string_view skip_bom_and_space(std::string_view text) noexcept {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    return text;
}

// Whether a tag opening `needle` (lower case, from its '<') starts within
// `window`, in any case. Only the '<' are looked at: every parse through
// format detection paid for lowering a whole 4 KiB copy before.
bool has_tag_ci(std::string_view window, std::string_view needle) noexcept {
    const char* p = window.data();
    const char* end = p + window.size();
    while (static_cast<std::size_t>(end - p) >= needle.size()) {
        auto* lt = static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end - p) - needle.size() + 1));
        if (!lt) return false;
        if (starts_with_ignoring_case(std::string_view(lt, static_cast<std::size_t>(end - lt)), needle)) return true;
        p = lt + 1;
    }
    return false;
}

parse_result failure(input_format format, std::string code, std::string message) {
    parse_result result;
    result.format = format;
    result.diagnostics.push_back(diagnostic{severity::error, std::move(code), std::move(message), 0, 0});
    return result;
}

}  // namespace

std::string_view to_string(input_format f) noexcept {
    switch (f) {
        case input_format::automatic: return "automatic";
        case input_format::xml: return "xml";
        case input_format::text: return "text";
        case input_format::html: return "html";
        case input_format::submission: return "submission";
    }
    return "automatic";
}

input_format detect_format(std::string_view bytes) noexcept {
    std::string_view head = skip_bom_and_space(bytes);
    std::string_view window = head.substr(0, 4096);
    if (starts_with_ignoring_case(head, "<SEC-DOCUMENT>") || starts_with_ignoring_case(head, "<SUBMISSION>") ||
        starts_with_ignoring_case(head, "<IMS-DOCUMENT>") || starts_with_ignoring_case(head, "-----BEGIN PRIVACY") ||
        starts_with_ignoring_case(head, "<SEC-HEADER>") || starts_with_ignoring_case(head, "<DOCUMENT>"))
        return input_format::submission;
    if (has_tag_ci(window, "<edgarsubmission")) return input_format::submission;  // base64 inside
    if (has_tag_ci(window, "<ownershipdocument")) return input_format::xml;
    if (starts_with_ignoring_case(head, "<!DOCTYPE html") || starts_with_ignoring_case(head, "<html") || has_tag_ci(window, "<html"))
        return input_format::html;
    if (starts_with_ignoring_case(head, "<?xml")) return input_format::xml;
    return input_format::text;
}

bool parse_result::has_errors() const noexcept {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.level == severity::error; });
}

parse_result parse(std::string_view bytes, const parse_options& options) {
    input_format format = options.format == input_format::automatic ? detect_format(bytes) : options.format;
    if (bytes.size() > options.limits.max_input_bytes)
        return failure(format, "limit.input-size",
                       "input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                           std::to_string(options.limits.max_input_bytes));
    switch (format) {
        case input_format::xml: return detail::parse_xml(bytes, options);
        case input_format::text: return detail::parse_text(bytes, options);
        case input_format::html: return detail::parse_html(bytes, options);
        case input_format::submission: return detail::parse_submission(bytes, options);
        case input_format::automatic: break;
    }
    return failure(format, "format.unknown", "cannot tell the input format");
}

parse_result parse_file(const std::filesystem::path& path, const parse_options& options) {
    util::input_file_reader reader;
    std::string_view bytes;
    if (auto failed = reader.read(path, options.limits.max_input_bytes, bytes, /*dash_is_stdin=*/true))
        return failure(options.format, std::move(failed->code), std::move(failed->message));
    return parse(bytes, options);
}

}  // namespace form4
