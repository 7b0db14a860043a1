// libFuzzer target: the text front end, the rendered text form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    form4::fuzzing::exercise_input(bytes, form4::input_format::text);
    return 0;
}
