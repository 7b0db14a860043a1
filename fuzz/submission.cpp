// libFuzzer target: the submission front end, the EDGAR SGML submission envelope (.txt, .nc).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    form4::fuzzing::exercise_input(bytes, form4::input_format::submission);
    return 0;
}
