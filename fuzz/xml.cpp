// libFuzzer target: the xml front end, ownership XML (<ownershipDocument>).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    form4::fuzzing::exercise_input(bytes, form4::input_format::xml);
    return 0;
}
