// form4: the command-line face of the library.
//
//   form4 parse  [--lenient] [--format F] [--compact] FILE|-
//   form4 render [--lenient] [--format F] [--layout edgar|current] FILE|-
//   form4 tables --out DIR|--sqlite FILE [--sec-round] [--lenient] [--format F] [--threads N] [--errors FILE] INPUT...
//   form4 lint   [--lenient] [--format F] FILE...
//
// The command line is read in one place (read_command_line) into an
// `invocation`; each subcommand is one function of it, listed in `commands`.
// A new subcommand is one more function and one more line in that list.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <unistd.h>

#include "form4/bulk.hpp"
#include "form4/dataset.hpp"
#include "form4/form4.hpp"
#include "form4/json.hpp"
#include "form4/lint.hpp"
#include "form4/render.hpp"
#include "form4/sqlite.hpp"
#include "activity_command.hpp"
#include "report.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int exit_ok = 0;
constexpr int exit_input_failed = 1;
constexpr int exit_usage = 2;

struct invocation {
    std::string command;
    bool help = false;
    bool lenient = false;
    bool compact = false;
    bool sec_round = false;
    form4::input_format format = form4::input_format::automatic;
    std::string out_dir;
    std::string errors_file;
    std::string sqlite_file;
    std::string layout = "edgar";   // render: the older EDGAR layout, or the current stylesheets'
    unsigned threads = 0;
    std::vector<std::string> inputs;
    std::map<std::string, std::string, std::less<>> settings;  // options of commands in their own files
    std::vector<std::string> options_given;  // as typed, to refuse those a command does not take
};

struct usage_error {
    std::string message;
};

// ---------------------------------------------------------------------------
// Reporting.

using form4::command::report;

// Parses one input and reports what the parser found.
form4::parse_result read_parsed(const std::string& input, const invocation& call, bool record_positions = false) {
    form4::parse_options options;
    options.format = call.format;
    options.lenient = call.lenient;
    options.record_positions = record_positions;
    form4::parse_result result = form4::parse_file(input, options);
    std::string_view shown = input == "-" ? std::string_view("<stdin>") : std::string_view(input);
    for (const auto& d : result.diagnostics) report(shown, d);
    if (!result.doc && result.diagnostics.empty())
        report(shown, form4::diagnostic{form4::severity::error, "input", "no document could be read", 0, 0});
    return result;
}

// The document alone; empty when it failed.
std::optional<form4::document> read_input(const std::string& input, const invocation& call) {
    return std::move(read_parsed(input, call).doc);
}

// ---------------------------------------------------------------------------
// Subcommands.

int run_parse(const invocation& call) {
    auto doc = read_input(call.inputs.front(), call);
    if (!doc) return exit_input_failed;
    std::string text = form4::to_json(*doc, {!call.compact});
    std::cout << text;
    if (text.empty() || text.back() != '\n') std::cout << '\n';
    return std::cout.flush() ? exit_ok : exit_input_failed;
}

// Files, directories (recursively), .tar/.tar.gz archives, and "-" for a list
// of paths on standard input; converted on every core, rows in input order.
int run_tables(const invocation& call) {
    std::vector<fs::path> arguments(call.inputs.begin(), call.inputs.end());
    // Directories are expanded by write_tables as it comes to them.
    auto inputs = form4::bulk::list_arguments(arguments, std::cin);
    form4::bulk::options options;
    options.lenient = call.lenient;
    options.format = call.format;
    options.sec_round = call.sec_round;
    options.threads = call.threads;
    options.on_diagnostics = [](std::string_view input, const std::vector<form4::diagnostic>& found) {
        for (const auto& d : found)
            if (d.level != form4::severity::note) report(input, d);
    };
    // --sqlite: the same rows, each filing replaced whole in FILE.
    std::optional<form4::sqlite::dataset_loader> database;
    if (!call.sqlite_file.empty()) {
        database.emplace(call.sqlite_file);
        options.on_rows = database->hook();
    }
    if (isatty(STDERR_FILENO))
        options.on_progress = [](const form4::bulk::progress& p) {
            std::cerr << '\r' << form4::bulk::describe(p) << (p.finished ? "\n" : "") << std::flush;
        };
    auto summary = call.out_dir.empty()
                       ? form4::bulk::convert(inputs, [](form4::dataset::table, std::string_view) {}, options)
                       : form4::bulk::write_tables(inputs, call.out_dir, options);
    if (database) {
        database->finish();
        for (const auto& refused : database->refused()) {
            std::cerr << refused.input << ": not written to " << call.sqlite_file << ": " << refused.reason << '\n';
            summary.failures.push_back(refused);
        }
        std::cerr << "form4 tables: " << database->filings_written() << " filings in " << call.sqlite_file << '\n';
    }
    if (!call.errors_file.empty()) form4::bulk::write_failures(summary, fs::path(call.errors_file));
    std::cerr << "form4 tables: " << form4::bulk::describe(summary) << '\n';
    return summary.ok() && (!database || database->refused().empty()) ? exit_ok : exit_input_failed;
}

int run_render(const invocation& call) {
    auto doc = read_input(call.inputs.front(), call);
    if (!doc) return exit_input_failed;
    std::cout << (call.layout == "current" ? form4::render_current_text(*doc) : form4::render_text(*doc));
    return std::cout.flush() ? exit_ok : exit_input_failed;
}

// "file:line:column: severity: message [code] (field; reference)" where the
// field's place in the input is known, else "file: severity: message [code]
// at field (reference)"; exit 1 when any finding is an error or an input
// cannot be read.
int run_lint(const invocation& call) {
    bool failed = false;
    for (const auto& input : call.inputs) {
        form4::parse_result parsed = read_parsed(input, call, true);
        if (!parsed.doc) {
            failed = true;
            continue;
        }
        for (const auto& f : form4::lint(parsed)) {
            if (f.line != 0) {
                std::cout << input << ':' << f.line << ':' << f.column << ": " << form4::to_string(f.level) << ": "
                          << f.message << " [" << f.code << "] (" << f.field << "; " << f.reference << ")\n";
            } else {
                std::cout << input << ": " << form4::to_string(f.level) << ": " << f.message << " [" << f.code << "]";
                if (!f.field.empty()) std::cout << " at " << f.field;
                std::cout << " (" << f.reference << ")\n";
            }
            failed |= f.level == form4::severity::error;
        }
    }
    return failed ? exit_input_failed : exit_ok;
}

// ---------------------------------------------------------------------------
// The command table and the command line.

struct command {
    std::string_view name;
    int (*run)(const invocation&);
    std::string_view usage;
    std::string_view summary;
    std::vector<std::string_view> options;  // the options it takes
    std::size_t min_inputs;
    std::size_t max_inputs;
};

const std::vector<command>& commands() {
    static const std::vector<command> list{
        {"parse", run_parse, "form4 parse [--lenient] [--format xml|text|html|submission] [--compact] FILE|-",
         "Print the filing as JSON (docs/json-schema.md); pretty unless --compact.",
         {"--lenient", "--format", "--compact"}, 1, 1},
        {"tables", run_tables,
         "form4 tables --out DIR|--sqlite FILE [--sec-round] [--lenient] [--format F] [--threads N] [--errors FILE]\n"
         "             INPUT...",
         "Write the SEC Form 345 data-set tables DIR/<TABLE>.tsv for all inputs, in input order. An input is a\n"
         "      file, a directory (read recursively), a .tar/.tar.gz archive, or - for a list of paths on stdin.\n"
         "      --sqlite FILE: the same tables in an SQLite database, each filing replaced whole.",
         {"--out", "--sqlite", "--sec-round", "--lenient", "--format", "--threads", "--errors"}, 1, static_cast<std::size_t>(-1)},
        {"render", run_render, "form4 render [--lenient] [--format F] [--layout edgar|current] FILE|-",
         "Print the filing drawn as the form's text: the layout of EDGAR's older rendering (edgar, the default),\n"
         "      or of the SEC's current stylesheets (current: tabs between cells, the 10b5-1 box, the country).",
         {"--lenient", "--format", "--layout"}, 1, 1},
        {"lint", run_lint, "form4 lint [--lenient] [--format F] FILE...",
         "Check each filing against the form's rules (see form4::lint_rules); exit 1 on any error.",
         {"--lenient", "--format"}, 1, static_cast<std::size_t>(-1)},
        {"activity", [](const invocation& c) { return form4_command::run_activity({c.inputs, c.lenient, c.format, c.threads, c.settings}); },
         "form4 activity [--json] [--by issuer|owner [--period P | --window 90d [--as-of DATE]]] [--clusters N,W,MIN] INPUT...",
         "One row per transaction with what it means (class, signed shares, exact value, 10b5-1, lateness), or\n"
         "      with --by the open-market net per issuer or owner and period, or with --clusters the cluster buys.",
         form4_command::activity_options, 1, static_cast<std::size_t>(-1)},
    };
    return list;
}

const command* find_command(std::string_view name) {
    for (const auto& c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

void print_help(std::ostream& out, const command* only = nullptr) {
    if (only) {
        out << "usage: " << only->usage << "\n\n" << only->summary << '\n';
    } else {
        out << "usage: form4 COMMAND [OPTIONS] FILE...\n\nCommands:\n";
        for (const auto& c : commands()) out << "  " << c.usage << "\n      " << c.summary << '\n';
    }
    out << "\nOptions:\n"
           "  --lenient      keep what malformed input still holds, and warn about the rest\n"
           "  --format F     read the input as F (xml, text, html, submission) instead of guessing\n"
           "  --compact      one-line JSON\n"
           "  --out DIR      the folder for the .tsv tables (created if missing)\n"
           "  --sec-round    round numbers to 2 places as the SEC's own files do\n"
           "  --threads N    parsing threads for tables (default: one per core)\n"
           "  --sqlite FILE  the SQLite database for the tables (created if missing; filings read again replace theirs)\n"
           "  --errors FILE  write the inputs that failed, and why, to FILE (tables)\n"
           "  --layout L     render: edgar (EDGAR's older layout, the default) or current (the current stylesheets')\n"
           "  -h, --help     this help\n"
           "\nDiagnostics go to standard error as FILE:LINE:COLUMN: SEVERITY: MESSAGE [CODE].\n"
           "Exit status: 0 success, 1 an input could not be read, 2 usage error.\n";
}

std::optional<form4::input_format> format_named(std::string_view name) {
    using form4::input_format;
    for (auto f : {input_format::xml, input_format::text, input_format::html, input_format::submission})
        if (form4::to_string(f) == name) return f;
    return std::nullopt;
}

std::variant<invocation, usage_error> read_command_line(int argc, char** argv) {
    invocation call;
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        if (options_ended || arg == "-" || !arg.starts_with("-")) {
            if (call.command.empty() && !options_ended) call.command = arg;
            else call.inputs.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            if (call.command.empty()) return usage_error{"a command comes before \"--\""};
            continue;
        }
        // --name=value or --name value
        std::string_view name = arg.substr(0, arg.find('='));
        std::optional<std::string_view> inline_value;
        if (name.size() < arg.size()) inline_value = arg.substr(name.size() + 1);
        auto value = [&]() -> std::optional<std::string_view> {
            if (inline_value) return inline_value;
            if (i + 1 < args.size()) return args[++i];
            return std::nullopt;
        };
        bool command_takes_value = false;
        bool command_option = form4_command::is_activity_option(name, command_takes_value);
        bool takes_value = name == "--format" || name == "--out" || name == "--threads" || name == "--errors" ||
                           name == "--sqlite" || name == "--layout" || command_takes_value;
        if (inline_value && !takes_value) return usage_error{std::string(name) + " takes no value"};
        call.options_given.emplace_back(name);
        if (name == "-h" || name == "--help") {
            call.help = true;
        } else if (name == "--lenient") {
            call.lenient = true;
        } else if (name == "--compact") {
            call.compact = true;
        } else if (name == "--sec-round") {
            call.sec_round = true;
        } else if (name == "--format") {
            auto v = value();
            if (!v) return usage_error{"--format needs a value: xml, text, html or submission"};
            auto f = format_named(*v);
            if (!f) return usage_error{"unknown format \"" + std::string(*v) + "\": use xml, text, html or submission"};
            call.format = *f;
        } else if (name == "--threads") {
            auto v = value();
            unsigned threads = 0;
            if (!v || v->empty() || v->size() > 4 || !std::all_of(v->begin(), v->end(), ::isdigit))
                return usage_error{"--threads needs a number"};
            for (char c : *v) threads = threads * 10 + static_cast<unsigned>(c - '0');
            call.threads = threads;
        } else if (name == "--errors") {
            auto v = value();
            if (!v || v->empty()) return usage_error{"--errors needs a file name"};
            call.errors_file = *v;
        } else if (name == "--sqlite") {
            auto v = value();
            if (!v || v->empty()) return usage_error{"--sqlite needs a file name"};
            call.sqlite_file = *v;
        } else if (name == "--layout") {
            auto v = value();
            if (!v || (*v != "edgar" && *v != "current")) return usage_error{"--layout needs a value: edgar or current"};
            call.layout = *v;
        } else if (name == "--out") {
            auto v = value();
            if (!v || v->empty()) return usage_error{"--out needs a directory"};
            call.out_dir = *v;
        } else if (command_option) {
            auto v = command_takes_value ? value() : std::optional<std::string_view>("");
            if (!v) return usage_error{std::string(name) + " needs a value"};
            call.settings[std::string(name)] = *v;
        } else {
            return usage_error{"unknown option " + std::string(name)};
        }
    }
    return call;
}

// What the chosen command cannot run with.
std::optional<usage_error> check_against(const command& c, const invocation& call) {
    for (const auto& given : call.options_given) {
        if (given == "-h" || given == "--help") continue;
        if (std::find(c.options.begin(), c.options.end(), given) == c.options.end())
            return usage_error{"form4 " + std::string(c.name) + " does not take " + given};
    }
    if (call.inputs.size() < c.min_inputs) return usage_error{"no input file given"};
    if (call.inputs.size() > c.max_inputs)
        return usage_error{"form4 " + std::string(c.name) + " reads one file (or - for standard input)"};
    if (c.name == "tables" && call.out_dir.empty() && call.sqlite_file.empty())
        return usage_error{"form4 tables needs --out DIR or --sqlite FILE"};
    return std::nullopt;
}

int usage_failure(const usage_error& e, const command* c = nullptr) {
    std::cerr << "form4: error: " << e.message << "\n";
    if (c) std::cerr << "usage: " << c->usage << "\n";
    std::cerr << "Try 'form4 --help'.\n";
    return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        auto parsed = read_command_line(argc, argv);
        if (auto* e = std::get_if<usage_error>(&parsed)) return usage_failure(*e);
        const invocation& call = std::get<invocation>(parsed);

        if (call.command.empty()) {
            if (call.help) {
                print_help(std::cout);
                return exit_ok;
            }
            return usage_failure({"no command given"});
        }
        const command* chosen = find_command(call.command);
        if (!chosen) return usage_failure({"unknown command \"" + call.command + "\""});
        if (call.help) {
            print_help(std::cout, chosen);
            return exit_ok;
        }
        if (auto e = check_against(*chosen, call)) return usage_failure(*e, chosen);
        return chosen->run(call);
    } catch (const std::exception& e) {
        std::cerr << "form4: error: " << e.what() << "\n";
        return exit_input_failed;
    }
}
