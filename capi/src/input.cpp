// One form4_input read and parsed (see input.hpp).
#include "input.hpp"

#include <filesystem>

#include "util/input_file.hpp"

namespace form4::capi {

parsed_input_document parse_input(const form4_input& input, const form4::parse_options& options) {
    parsed_input_document out;
    form4::parse_result result;
    if (input.data != nullptr) {
        result = form4::parse(std::string_view(input.data, input.len), options);
    } else if (input.path != nullptr) {
        form4::util::input_file_reader reader;
        std::string_view bytes;
        if (auto failed = reader.read(input.path, options.limits.max_input_bytes, bytes)) {
            out.status = failed->code == "io" ? FORM4_E_IO : FORM4_E_PARSE;
            return out;
        }
        out.file_stem = std::filesystem::path(input.path).stem().string();
        result = form4::parse(bytes, options);
    } else if (input.len == 0) {
        result = form4::parse(std::string_view{}, options);
    } else {
        out.status = FORM4_E_INVALID_ARGUMENT;
        return out;
    }
    if (result.doc)
        out.doc = std::move(result.doc);
    else
        out.status = FORM4_E_PARSE;
    return out;
}

std::uint64_t input_weight(const form4_input& input) noexcept {
    if (input.data != nullptr || input.path == nullptr) return input.len;
    std::error_code error;
    auto size = std::filesystem::file_size(input.path, error);
    return error ? 0 : size;
}

}  // namespace form4::capi
