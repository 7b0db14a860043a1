// Tables described by tabular::schema in one SQLite file, replaced a unit
// (filing) at a time. See form4/sqlite.hpp.
#include <sqlite3.h>

#include <utility>

#include "form4/sqlite.hpp"

namespace form4::sqlite {
namespace {

std::string identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string identifier_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + identifier(name);
    return out;
}

std::string_view declared_type(tabular::column_type type) {
    switch (type) {
        case tabular::column_type::text: return "TEXT";
        case tabular::column_type::integer: return "INTEGER";
        case tabular::column_type::decimal: return "ANY";   // stored as decimal_value says
        case tabular::column_type::date: return "TEXT";
        case tabular::column_type::flag: return "INTEGER";
    }
    return "TEXT";
}

bool in(const std::vector<std::string>& names, std::string_view name) {
    for (const auto& n : names)
        if (n == name) return true;
    return false;
}

// WITHOUT ROWID: rows are stored in their primary key's order, so a filing's
// rows sit together and its key is the only index it needs. STRICT: a value
// is stored as bound, never converted by a column's affinity (NUMERIC
// affinity would keep only 15 significant digits of a longer number).
std::string create_table_sql(const tabular::schema& s) {
    std::string sql = "CREATE TABLE IF NOT EXISTS " + identifier(s.name) + " (\n";
    for (const auto& c : s.columns) {
        sql += "  " + identifier(c.name) + ' ' + std::string(declared_type(c.type));
        if (in(s.primary_key, c.name)) sql += " NOT NULL";
        sql += ",\n";
    }
    sql += "  PRIMARY KEY (" + identifier_list(s.primary_key) + ")";
    for (const auto& fk : s.foreign_keys)
        sql += ",\n  FOREIGN KEY (" + identifier_list(fk.columns) + ") REFERENCES " + identifier(fk.table) + " (" +
               identifier_list(fk.references) + ") ON DELETE CASCADE";
    return sql + "\n) WITHOUT ROWID, STRICT";
}

std::string create_index_sql(const tabular::schema& s, const std::vector<std::string>& columns) {
    std::string name = s.name;
    for (const auto& c : columns) name += "_" + c;
    return "CREATE INDEX IF NOT EXISTS " + identifier(name) + " ON " + identifier(s.name) + " (" + identifier_list(columns) + ")";
}

// An exact number as SQLite can compute with it without losing it: INTEGER
// when whole, REAL when it has at most 15 significant digits (the double
// nearest to it prints back as the same digits with %.15g), else its text.
int bind_decimal(sqlite3_stmt* statement, int at, std::string_view cell, const decimal& value) {
    if (value.scale() == 0) return sqlite3_bind_int64(statement, at, value.mantissa());
    std::uint64_t magnitude = value.mantissa() < 0 ? 0 - static_cast<std::uint64_t>(value.mantissa())
                                                   : static_cast<std::uint64_t>(value.mantissa());
    if (magnitude < 1'000'000'000'000'000) return sqlite3_bind_double(statement, at, value.to_double());
    return sqlite3_bind_text(statement, at, cell.data(), static_cast<int>(cell.size()), SQLITE_STATIC);
}

}  // namespace

struct database::impl {
    sqlite3* db = nullptr;
    std::vector<const tabular::schema*> tables;
    options opts;
    std::vector<sqlite3_stmt*> inserts, deletes;   // per table
    // A unit's savepoint, prepared once (sqlite3_exec would compile them for every filing).
    sqlite3_stmt* savepoint = nullptr;
    sqlite3_stmt* release = nullptr;
    sqlite3_stmt* rollback_to = nullptr;
    bool in_transaction = false;
    std::size_t pending = 0;   // units replaced in the open transaction

    ~impl() {
        for (auto* s : inserts) sqlite3_finalize(s);
        for (auto* s : deletes) sqlite3_finalize(s);
        for (auto* s : {savepoint, release, rollback_to}) sqlite3_finalize(s);
        sqlite3_close(db);
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw error("sqlite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
    }
    void check(int status, const std::string& what) const {
        if (status != SQLITE_OK && status != SQLITE_DONE && status != SQLITE_ROW) fail(what);
    }
    void execute(const std::string& sql) { check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), sql); }
    sqlite3_stmt* prepare(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        check(sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr), sql);
        return statement;
    }
    void run(sqlite3_stmt* statement) {
        int status = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (status != SQLITE_DONE) fail(sqlite3_sql(statement));
    }

    void insert(std::size_t t, const row& cells, std::int64_t number) {
        const tabular::schema& s = *tables[t];
        sqlite3_stmt* statement = inserts[t];
        sqlite3_clear_bindings(statement);
        for (std::size_t c = 0; c < s.columns.size(); ++c) {
            const tabular::column& column = s.columns[c];
            const int at = static_cast<int>(c + 1);
            if (column.numbers_rows) {
                sqlite3_bind_int64(statement, at, number);
                continue;
            }
            std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
            if (cell.empty()) continue;   // NULL
            auto unreadable = [&] {
                return std::invalid_argument(s.name + "." + column.name + ": cannot read \"" + std::string(cell) + "\"");
            };
            int status = SQLITE_OK;
            switch (column.type) {
                case tabular::column_type::text:
                    status = sqlite3_bind_text(statement, at, cell.data(), static_cast<int>(cell.size()), SQLITE_STATIC);
                    break;
                case tabular::column_type::decimal: {
                    auto value = decimal::parse(cell);
                    if (!value) throw unreadable();
                    status = bind_decimal(statement, at, cell, *value);
                    break;
                }
                case tabular::column_type::integer: {
                    auto value = tabular::integer_of_cell(cell);
                    if (!value) throw unreadable();
                    status = sqlite3_bind_int64(statement, at, *value);
                    break;
                }
                case tabular::column_type::date: {
                    auto days = tabular::days_of_cell(cell);
                    if (!days) throw unreadable();
                    std::string iso = tabular::iso_date(*days);
                    status = sqlite3_bind_text(statement, at, iso.data(), static_cast<int>(iso.size()), SQLITE_TRANSIENT);
                    break;
                }
                case tabular::column_type::flag: {
                    auto value = tabular::flag_of_cell(cell);
                    if (!value) throw unreadable();
                    status = sqlite3_bind_int(statement, at, *value ? 1 : 0);
                    break;
                }
            }
            check(status, "binding " + s.name + "." + column.name);
        }
        run(statement);
    }
};

database::database(const std::filesystem::path& file, std::vector<const tabular::schema*> tables, options opts)
    : impl_(std::make_unique<impl>()) {
    impl& d = *impl_;
    d.tables = std::move(tables);
    d.opts = opts;
    if (d.opts.batch_size == 0) d.opts.batch_size = 1;
    if (sqlite3_open_v2(file.c_str(), &d.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        d.fail("cannot open " + file.string());
    sqlite3_busy_timeout(d.db, 10000);
    sqlite3_extended_result_codes(d.db, 1);
    // Before the first table (a new file only): a commit writes each changed
    // page once, and a system call per page is what a load waits on.
    d.execute("PRAGMA page_size=16384");
    d.execute("PRAGMA journal_mode=WAL");
    // A commit survives the process being killed (not a power loss: that
    // would take FULL, a sync per commit).
    d.execute("PRAGMA synchronous=NORMAL");
    d.execute("PRAGMA foreign_keys=ON");
    // A batch's pages stay in memory until it commits: a smaller cache spills
    // them into the log mid-batch, and each is written again (three times the
    // writes with the default 2 MiB).
    d.execute("PRAGMA cache_size=-65536");
    // Each filing's savepoint keeps the pages it changes in a sub-journal:
    // in memory, not a temporary file written page by page.
    d.execute("PRAGMA temp_store=MEMORY");
    d.execute("BEGIN IMMEDIATE");
    for (const auto* s : d.tables) {
        d.execute(create_table_sql(*s));
        for (const auto& index : s->indexes) d.execute(create_index_sql(*s, index));
    }
    d.execute("COMMIT");
    for (const auto* s : d.tables) {
        std::string marks;
        for (std::size_t i = 0; i < s->columns.size(); ++i) marks += i ? ",?" : "?";
        d.inserts.push_back(d.prepare("INSERT INTO " + identifier(s->name) + " VALUES (" + marks + ")"));
        d.deletes.push_back(d.prepare("DELETE FROM " + identifier(s->name) + " WHERE " + identifier(s->unit_column) + " = ?"));
    }
    d.savepoint = d.prepare("SAVEPOINT unit");
    d.release = d.prepare("RELEASE unit");
    d.rollback_to = d.prepare("ROLLBACK TO unit");
}

database::~database() {
    try {
        commit();
    } catch (...) {
        // The open transaction is rolled back when the file is closed.
    }
}

void database::replace(std::string_view unit, std::span<const std::vector<row>> rows) {
    impl& d = *impl_;
    if (rows.size() != d.tables.size())
        throw std::invalid_argument("sqlite: rows for " + std::to_string(rows.size()) + " tables, not " +
                                    std::to_string(d.tables.size()));
    if (!d.in_transaction) {
        d.execute("BEGIN IMMEDIATE");
        d.in_transaction = true;
    }
    d.run(d.savepoint);
    try {
        // Children before the tables they refer to.
        for (std::size_t t = d.tables.size(); t-- > 0;) {
            sqlite3_stmt* statement = d.deletes[t];
            d.check(sqlite3_bind_text(statement, 1, unit.data(), static_cast<int>(unit.size()), SQLITE_STATIC),
                    "binding the unit");
            d.run(statement);
        }
        for (std::size_t t = 0; t < d.tables.size(); ++t)
            for (std::size_t r = 0; r < rows[t].size(); ++r) d.insert(t, rows[t][r], static_cast<std::int64_t>(r + 1));
    } catch (...) {
        sqlite3_step(d.rollback_to);
        sqlite3_reset(d.rollback_to);
        sqlite3_step(d.release);
        sqlite3_reset(d.release);
        throw;
    }
    d.run(d.release);
    if (++d.pending >= d.opts.batch_size) commit();
}

void database::commit() {
    impl& d = *impl_;
    if (!d.in_transaction) return;
    d.in_transaction = false;
    d.pending = 0;
    d.execute("COMMIT");
}

}  // namespace form4::sqlite
