// Filings into an SQLite database: form4_sqlite_write (form4::sqlite::load).
#include <algorithm>

#include "form4/sqlite.hpp"
#include "shim.hpp"

using namespace form4::capi;

extern "C" {

int form4_sqlite_write(form4_sqlite_summary* summary, const char* database_path, const char* const* paths,
                       size_t count, const form4_parse_options* parse_opts, int32_t sec_round, uint32_t threads) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(database_path);
        if (paths == nullptr && count != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "paths is NULL but count is %zu", count);
        std::vector<std::filesystem::path> inputs;
        for (std::size_t i = 0; i < count; ++i) {
            if (paths[i] == nullptr) return fail(FORM4_E_INVALID_ARGUMENT, function, "paths[%zu] is NULL", i);
            inputs.emplace_back(paths[i]);
        }
        form4::parse_options parsing;
        if (int status = to_parse_options(parsing, parse_opts, function); status != FORM4_OK) return status;
        form4::bulk::options options;
        options.format = parsing.format;
        options.lenient = parsing.lenient;
        options.limits = parsing.limits;
        options.sec_round = sec_round != 0;
        options.threads = threads;
        form4::sqlite::load_summary loaded;
        try {
            loaded = form4::sqlite::load(inputs, database_path, options);
        } catch (const form4::sqlite::error& e) {
            return fail(FORM4_E_IO, function, "%s", e.what());
        } catch (const std::filesystem::filesystem_error& e) {
            return fail(FORM4_E_IO, function, "%s", e.what());
        }
        if (summary != nullptr)
            *summary = form4_sqlite_summary{loaded.read.documents_read, loaded.read.documents_failed,
                                            loaded.read.documents_skipped, loaded.filings_written,
                                            loaded.refused.size()};
        if (!loaded.read.failures.empty())
            return fail(FORM4_E_PARSE, function, "%zu inputs failed, the first %s: %s", loaded.read.failures.size(),
                        loaded.read.failures.front().input.c_str(), loaded.read.failures.front().reason.c_str());
        if (!loaded.refused.empty())
            return fail(FORM4_E_PARSE, function, "%zu filings not written, the first %s: %s", loaded.refused.size(),
                        loaded.refused.front().input.c_str(), loaded.refused.front().reason.c_str());
        return FORM4_OK;
    });
}

}  // extern "C"
