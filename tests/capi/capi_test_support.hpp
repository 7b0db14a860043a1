#pragma once
// Helpers for the tests of the C interface: RAII owners for the handles the
// caller frees, and string views over (pointer, length) outputs.
#include <memory>
#include <string>
#include <string_view>

#include "form4/form4.h"

namespace form4::capi_testing {

struct result_deleter {
    void operator()(form4_result* r) const noexcept { form4_result_free(r); }
};
struct dataset_deleter {
    void operator()(form4_dataset* d) const noexcept { form4_dataset_free(d); }
};
struct string_deleter {
    void operator()(char* s) const noexcept { form4_string_free(s); }
};
using result_ptr = std::unique_ptr<form4_result, result_deleter>;
using dataset_ptr = std::unique_ptr<form4_dataset, dataset_deleter>;
using string_ptr = std::unique_ptr<char, string_deleter>;

// Parses bytes through the C interface; the status goes to *status.
inline result_ptr parse_bytes(std::string_view bytes, int* status, const form4_parse_options* opts = nullptr) {
    form4_result* raw = nullptr;
    *status = form4_parse(&raw, bytes.data(), bytes.size(), opts);
    return result_ptr(raw);
}

inline result_ptr parse_path(const std::string& path, int* status, const form4_parse_options* opts = nullptr) {
    form4_result* raw = nullptr;
    *status = form4_parse_file(&raw, path.c_str(), opts);
    return result_ptr(raw);
}

inline std::string_view view(const char* text, std::size_t length) { return {text, length}; }

// "FORM4_E_ABSENT (-3)": readable status in assertion messages.
inline std::string status_text(int status) {
    return std::string(form4_status_name(status)) + " (" + std::to_string(status) + ")";
}

}  // namespace form4::capi_testing
