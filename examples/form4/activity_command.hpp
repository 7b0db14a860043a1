#pragma once
// `form4 activity`: its own options and its run, kept out of main.cpp.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "form4/parse.hpp"

namespace form4_command {

struct activity_call {
    std::vector<std::string> inputs;
    bool lenient = false;
    form4::input_format format = form4::input_format::automatic;
    unsigned threads = 0;
    std::map<std::string, std::string, std::less<>> settings;   // --json, --by owner, --window 90d, ...
};

// Whether `name` is one of activity's own options, and whether it takes a value.
bool is_activity_option(std::string_view name, bool& takes_value);
// The options as the command table lists them.
inline const std::vector<std::string_view> activity_options{"--json", "--by", "--period", "--window", "--as-of",
                                                            "--clusters", "--exclude-10b5-1",
                                                            "--exclude-ten-percent", "--lenient", "--format",
                                                            "--threads"};
int run_activity(const activity_call& call);

}  // namespace form4_command
