// form4 activity [--json] INPUT...                      one row per transaction
// form4 activity --by issuer|owner [--period month|quarter|year | --window 90d [--as-of DATE]]
// form4 activity --clusters N,W,MIN [--exclude-10b5-1] [--exclude-ten-percent]
#include "activity_command.hpp"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <stdexcept>

#include <unistd.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "form4/activity.hpp"
#include "form4/bulk.hpp"
#include "report.hpp"

namespace form4_command {
namespace {

namespace activity = form4::activity;

struct bad_option : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int number_of(std::string_view text, std::string_view what) {
    int n = 0;
    if (text.empty() || text.size() > 6) throw bad_option(std::string(what) + " needs a number");
    for (char c : text) {
        if (c < '0' || c > '9') throw bad_option(std::string(what) + " needs a number, not \"" + std::string(text) + "\"");
        n = n * 10 + (c - '0');
    }
    return n;
}

// "90d" or "90": days.
int days_of(std::string_view text, std::string_view what) {
    if (!text.empty() && text.back() == 'd') text.remove_suffix(1);
    int days = number_of(text, what);
    if (days < 1) throw bad_option(std::string(what) + " needs at least one day");
    return days;
}

// "N,W,MIN": owners, days, minimum value per owner.
activity::cluster_options clusters_of(std::string_view text) {
    auto first = text.find(','), second = first == std::string_view::npos ? first : text.find(',', first + 1);
    if (second == std::string_view::npos) throw bad_option("--clusters needs N,W,MIN (owners, days, minimum value)");
    activity::cluster_options o;
    o.min_owners = static_cast<std::size_t>(number_of(text.substr(0, first), "--clusters N"));
    o.window_days = days_of(text.substr(first + 1, second - first - 1), "--clusters W");
    auto min = form4::decimal::parse(text.substr(second + 1));
    if (!min) throw bad_option("--clusters MIN needs a decimal number");
    o.min_value = *min;
    return o;
}

const std::string* setting(const activity_call& call, std::string_view name) {
    auto it = call.settings.find(name);
    return it == call.settings.end() ? nullptr : &it->second;
}

template <class Rows>
void print(const Rows& rows, bool json) {
    if (json) activity::write_json(std::cout, std::span(rows));
    else activity::write_tsv(std::cout, std::span(rows));
}

}  // namespace

bool is_activity_option(std::string_view name, bool& takes_value) {
    takes_value = name == "--by" || name == "--period" || name == "--window" || name == "--as-of" || name == "--clusters";
    return takes_value || name == "--json" || name == "--exclude-10b5-1" || name == "--exclude-ten-percent";
}

int run_activity(const activity_call& call) {
    // Options first: a usage error before any input is read.
    std::optional<activity::aggregate_options> by;
    std::optional<activity::cluster_options> cluster;
    try {
        if (auto v = setting(call, "--by")) {
            by.emplace();
            if (*v == "issuer") by->by = activity::group_by::issuer;
            else if (*v == "owner") by->by = activity::group_by::owner;
            else throw bad_option("--by takes issuer or owner");
            if (auto p = setting(call, "--period")) {
                if (*p == "month") by->period = activity::calendar_period::month;
                else if (*p == "quarter") by->period = activity::calendar_period::quarter;
                else if (*p == "year") by->period = activity::calendar_period::year;
                else throw bad_option("--period takes month, quarter or year");
            }
            if (auto w = setting(call, "--window")) by->window_days = days_of(*w, "--window");
            if (auto d = setting(call, "--as-of")) {
                try {
                    by->as_of = boost::gregorian::from_simple_string(*d);
                } catch (const std::exception&) {
                    throw bad_option("--as-of needs a date YYYY-MM-DD");
                }
            }
        }
        if (auto c = setting(call, "--clusters")) {
            cluster = clusters_of(*c);
            cluster->exclude_10b5_1 = setting(call, "--exclude-10b5-1") != nullptr;
            cluster->exclude_ten_percent_owners = setting(call, "--exclude-ten-percent") != nullptr;
        }
        if (by && cluster) throw bad_option("--by and --clusters are two reports: give one");
        if (!cluster && (setting(call, "--exclude-10b5-1") || setting(call, "--exclude-ten-percent")))
            throw bad_option("--exclude-10b5-1 and --exclude-ten-percent go with --clusters");
        if (!by && (setting(call, "--period") || setting(call, "--window") || setting(call, "--as-of")))
            throw bad_option("--period, --window and --as-of go with --by");
    } catch (const bad_option& e) {
        std::cerr << "form4: error: " << e.what() << "\nTry 'form4 activity --help'.\n";
        return 2;
    }

    std::vector<std::filesystem::path> arguments(call.inputs.begin(), call.inputs.end());
    activity::read_options options;
    options.lenient = call.lenient;
    options.format = call.format;
    options.threads = call.threads;
    // As `form4 tables`: diagnostics as FILE:LINE:COLUMN, progress on a terminal, a summary line.
    options.on_diagnostics = [](std::string_view input, const std::vector<form4::diagnostic>& found) {
        for (const auto& d : found)
            if (d.level != form4::severity::note)
                form4::command::report(input, d);
    };
    if (isatty(STDERR_FILENO))
        options.on_progress = [](const form4::bulk::progress& p) {
            std::cerr << '\r' << form4::bulk::describe(p) << (p.finished ? "\n" : "") << std::flush;
        };
    auto inputs = form4::bulk::list_arguments(arguments, std::cin);
    auto result = activity::read(inputs, options);
    bool json = setting(call, "--json") != nullptr;
    if (by) print(activity::aggregate(result.rows, *by), json);
    else if (cluster) print(activity::clusters(result.rows, *cluster), json);
    else print(result.rows, json);
    std::cout.flush();
    const auto& s = result.summary;
    std::cerr << "form4 activity: " << s.documents_read << " documents, " << s.documents_converted << " converted, "
              << s.documents_failed << " failed, " << s.documents_skipped << " skipped, " << result.rows.size()
              << " transactions, " << std::fixed << std::setprecision(1)
              << std::chrono::duration<double>(s.elapsed).count() << " s\n";
    return result.summary.ok() && std::cout ? 0 : 1;
}

}  // namespace form4_command
