// libFuzzer target: the html front end, EDGAR's HTML rendering of Forms 3/4/5.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    form4::fuzzing::exercise_input(bytes, form4::input_format::html);
    return 0;
}
