// The EDGARLink Online XML submission a filer sends to the SEC
// (<edgarSubmission>, spec/xsd/edgarSubmission.xsd.xml; the SEC's samples are
// spec/xsd/sec-samples/filing*.xml). Each document travels base64-encoded in
// <edgarDocument><documentMimeBlock>; the ownership document among them is
// decoded and read by the XML front end.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "frontends.hpp"

namespace form4::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// The content of the first <name>...</name> in `scope` (attributes allowed),
// as a view of the input; nothing when there is none.
std::optional<std::string_view> element_content(std::string_view scope, std::string_view name) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on "<" + string.
    std::string open(1, '<');
    open += name;
    for (std::size_t at = scope.find(open); at != std::string_view::npos; at = scope.find(open, at + 1)) {
        std::size_t after_name = at + open.size();
        if (after_name >= scope.size()) return std::nullopt;
        char next = scope[after_name];
        if (next != '>' && next != '/' && !is_space(next)) continue;  // a longer name
        std::size_t content = scope.find('>', after_name);
        if (content == std::string_view::npos) return std::nullopt;
        if (scope[content - 1] == '/') return std::string_view{};  // <name/>
        ++content;
        std::string end_tag("</");
        end_tag += name;
        std::size_t close = scope.find(end_tag, content);
        if (close == std::string_view::npos) return std::nullopt;
        return scope.substr(content, close - content);
    }
    return std::nullopt;
}

struct base64_table {
    std::array<signed char, 256> value{};
    constexpr base64_table() {
        for (auto& v : value) v = -1;
        constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (std::size_t i = 0; i < alphabet.size(); ++i)
            value[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    }
};
constexpr base64_table base64{};

// Decodes base64 with white space anywhere (MIME wraps its lines). On a
// character that is not base64, or '=' padding not at the end: nothing, and
// `bad` says where.
std::optional<std::string> decode_base64(std::string_view text, std::size_t& bad) {
    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t bits = 0;
    int count = 0;
    std::size_t padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (is_space(c)) continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        int v = base64.value[static_cast<unsigned char>(c)];
        if (v < 0 || padding != 0) {
            bad = i;
            return std::nullopt;
        }
        bits = (bits << 6) | static_cast<std::uint32_t>(v);
        if (++count == 4) {
            out += static_cast<char>(bits >> 16);
            out += static_cast<char>((bits >> 8) & 0xFF);
            out += static_cast<char>(bits & 0xFF);
            bits = 0;
            count = 0;
        }
    }
    if (count == 1 || padding > 2) {  // six bits cannot make a byte
        bad = text.size();
        return std::nullopt;
    }
    if (count == 2) out += static_cast<char>(bits >> 4);
    if (count == 3) {
        out += static_cast<char>(bits >> 10);
        out += static_cast<char>((bits >> 2) & 0xFF);
    }
    return out;
}

// "3" ... "5/A": a type the model's code table knows.
bool is_ownership_type(std::string_view type) {
    return make_coded<document_type>(type).value != document_type::unknown;
}

}  // namespace

bool is_edgar_xml_submission(std::string_view bytes) noexcept {
    std::string_view head = bytes.substr(0, 4096);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    head = trimmed(head);
    return (head.starts_with("<?xml") || head.starts_with("<!--") || head.starts_with("<edgarSubmission")) &&
           head.find("<edgarSubmission") != std::string_view::npos;
}

parse_result parse_edgar_submission(std::string_view bytes, const parse_options& options) {
    parse_result result;
    result.format = input_format::submission;
    // An error at byte `at` of the submission (its line and column).
    auto fail = [&](std::size_t at, std::string code, std::string message) {
        auto [line, column] = grammar::line_and_column(bytes.data(), bytes.data() + bytes.size(), bytes.data() + at);
        result.diagnostics.push_back(diagnostic{severity::error, std::move(code), std::move(message), line, column});
        return result;
    };

    std::string_view submission_type = trimmed(element_content(bytes, "submissionType").value_or(""));
    std::size_t documents = 0;
    for (std::size_t at = bytes.find("<edgarDocument>"); at != std::string_view::npos;
         at = bytes.find("<edgarDocument>", at + 1)) {
        ++documents;
        std::size_t end = bytes.find("</edgarDocument>", at);
        std::string_view part = bytes.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        std::string_view type = trimmed(element_content(part, "documentType").value_or(""));
        if (!is_ownership_type(type)) continue;
        std::string_view name = trimmed(element_content(part, "documentName").value_or(""));
        auto block = element_content(part, "documentMimeBlock");
        if (!block)
            return fail(at, "submission.expected",
                        "<edgarDocument> of type " + std::string(type) + " has no <documentMimeBlock>");
        std::size_t block_at = static_cast<std::size_t>(block->data() - bytes.data());
        std::size_t bad = 0;
        auto decoded = decode_base64(*block, bad);
        if (!decoded)
            return fail(block_at + bad, "submission.base64",
                        "<documentMimeBlock> of " + std::string(name) + " is not base64");
        parse_options inner = options;
        inner.format = input_format::xml;
        parse_result document = parse(*decoded, inner);
        // Findings point at the <documentMimeBlock> in the file at hand; the
        // message says where in the decoded document (base64 has no lines of its own).
        auto [block_line, block_column] =
            grammar::line_and_column(bytes.data(), bytes.data() + bytes.size(), block->data());
        std::string where = "in " + std::string(name.empty() ? "the ownership document" : name) + " (decoded from base64)";
        for (auto& d : document.diagnostics) {
            if (d.line != 0)
                d.message = where + ", line " + std::to_string(d.line) + ", column " + std::to_string(d.column) +
                            ": " + d.message;
            else
                d.message = where + ": " + d.message;
            d.line = block_line;
            d.column = block_column;
            result.diagnostics.push_back(std::move(d));
        }
        if (document.doc) {
            result.doc = std::move(document.doc);
            result.doc->filing.submission_type = std::string(submission_type);
            for (auto [path, at] : document.positions) result.positions.record(path, {block_line, block_column});
        }
        return result;
    }
    std::size_t root = bytes.find("<edgarSubmission");
    return fail(root == std::string_view::npos ? 0 : root, "submission.no-ownership-document",
                documents ? "no <edgarDocument> of <edgarSubmission> is of type 3, 4 or 5 (or an amendment)"
                          : "<edgarSubmission> holds no <edgarDocument>");
}

}  // namespace form4::detail
