#pragma once
// Internal: expanding one input at a time, so that bulk conversion can start
// on the first document before it has looked at the last input.
#include <filesystem>
#include <vector>

namespace form4::bulk::detail {

// Appends what expand_inputs gives for `path` alone: the filing files under a
// directory, sorted, or else the path itself.
void expand_input(const std::filesystem::path& path, std::vector<std::filesystem::path>& out);

}  // namespace form4::bulk::detail
