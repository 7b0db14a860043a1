// Typed tables (form4/tabular.hpp) and the SQLite writer (form4/sqlite.hpp)
// on a table that is not one of the data set's: any table described as named,
// typed columns.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "form4/dataset_schema.hpp"
#include "form4/sqlite.hpp"
#include "form4/tabular.hpp"

namespace {

using form4::tabular::column_type;

TEST(TabularCells, DatesReadAndWrittenBackForEveryDayOfFiveCenturies) {
    static const char* months[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    for (std::int32_t days = -100'000; days < 100'000; ++days) {
        std::string iso = form4::tabular::iso_date(days);   // YYYY-MM-DD
        std::string cell = iso.substr(8, 2) + "-" + months[std::stoi(iso.substr(5, 2)) - 1] + "-" + iso.substr(0, 4);
        ASSERT_EQ(form4::tabular::days_of_cell(cell), days) << cell;
    }
    EXPECT_EQ(form4::tabular::iso_date(0), "1970-01-01");
    EXPECT_EQ(form4::tabular::days_of_cell("05-JAN-2024"), 19727);
}

TEST(TabularCells, WhatIsNotACellOfItsTypeIsRefused) {
    for (const char* bad : {"5-JAN-2024", "05-JAN-24", "05-Jan-2024", "05-XYZ-2024", "32-JAN-2024", "00-JAN-2024", ""})
        EXPECT_FALSE(form4::tabular::days_of_cell(bad)) << bad;
    EXPECT_FALSE(form4::tabular::flag_of_cell("true"));
    EXPECT_FALSE(form4::tabular::integer_of_cell("1.5"));
    EXPECT_FALSE(form4::tabular::integer_of_cell(""));
}

TEST(TabularDictionary, NumbersDistinctTextsInOrderOfFirstAppearance) {
    form4::tabular::string_dictionary dictionary;
    for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 5000; ++i) ASSERT_EQ(dictionary.intern("text " + std::to_string(i)), i);
    EXPECT_EQ(dictionary.size(), 5000u);
    EXPECT_EQ(dictionary.at(4321), "text 4321");
    EXPECT_EQ(dictionary.intern(""), 5000);
}

form4::tabular::schema trades() {
    form4::tabular::schema s;
    s.name = "TRADES";
    s.unit_column = "ACCESSION_NUMBER";
    s.columns = {{"ACCESSION_NUMBER", column_type::text, false}, {"TRADE", column_type::integer, true},
                 {"DAY", column_type::date, false},              {"SHARES", column_type::decimal, false},
                 {"OPEN_MARKET", column_type::flag, false},       {"NOTE", column_type::text, false}};
    s.primary_key = {"ACCESSION_NUMBER", "TRADE"};
    s.indexes = {{"DAY"}};
    return s;
}

TEST(TabularTable, KeepsTypedColumnsAndNamesTheCellItCannotRead) {
    auto s = trades();
    form4::tabular::table t(&s);
    t.append_row(std::vector<std::string>{"A", "1", "02-MAY-2022", "26.80", "1", "first"});
    t.append_row(std::vector<std::string>{"A", "2", "", "", "0", "first"});
    EXPECT_EQ(t.rows(), 2u);
    EXPECT_EQ(t.column(3).integers[0], 2680);
    EXPECT_EQ(t.column(3).scales[0], 2);
    EXPECT_EQ(t.column(3).max_scale, 2);
    EXPECT_EQ(t.column(2).valid, (std::vector<std::uint8_t>{1, 0}));
    EXPECT_EQ(t.column(5).dictionary.size(), 1u);
    try {
        t.append_row(std::vector<std::string>{"A", "3", "", "1,000", "", ""});
        FAIL() << "read 1,000 as a decimal";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("TRADES.SHARES"), std::string::npos) << e.what();
    }
}

struct stored_row {
    std::string key, day, shares_type, note;
    std::int64_t trade;
};

std::vector<stored_row> read_back(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db,
                                 "SELECT ACCESSION_NUMBER, TRADE, coalesce(DAY, 'null'), typeof(SHARES), "
                                 "coalesce(NOTE, 'null') FROM TRADES ORDER BY 1, 2",
                                 -1, &statement, nullptr),
              SQLITE_OK);
    std::vector<stored_row> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, i))); };
        rows.push_back({text(0), text(2), text(3), text(4), sqlite3_column_int64(statement, 1)});
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

TEST(SqliteDatabase, ReplacesAUnitWholeAndKeepsItWhenTheReplacementFails) {
    auto file = std::filesystem::temp_directory_path() / ("form4_tabular_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file);
    auto s = trades();
    using rows = std::vector<form4::sqlite::row>;
    {
        form4::sqlite::database db(file, {&s});
        std::vector<rows> a{rows{{"A", "", "02-MAY-2022", "26.80", "1", "x"}, {"A", "", "", "100", "0", ""}}};
        std::vector<rows> b{rows{{"B", "", "03-MAY-2022", "12345678901234567.5", "1", "y"},
                                 {"B", "", "03-MAY-2022", "123456789.012345", "1", "y"}}};
        db.replace("A", a);
        db.replace("B", b);
        // A again, with one row: the second one goes.
        db.replace("A", std::vector<rows>{rows{{"A", "", "04-MAY-2022", "1", "1", "again"}}});
        // B again, with a cell its column cannot read: B stays as it was.
        EXPECT_THROW(db.replace("B", std::vector<rows>{rows{{"B", "", "not a date", "1", "1", "z"}}}),
                     std::invalid_argument);
        db.commit();
    }
    auto stored = read_back(file);
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored[0].key, "A");
    EXPECT_EQ(stored[0].trade, 1);
    EXPECT_EQ(stored[0].day, "2022-05-04");
    EXPECT_EQ(stored[0].note, "again");
    EXPECT_EQ(stored[1].key, "B");
    EXPECT_EQ(stored[1].day, "2022-05-03");
    EXPECT_EQ(stored[1].shares_type, "text");   // 18 digits: kept exact as text, not rounded into a REAL
    EXPECT_EQ(stored[1].note, "y");
    EXPECT_EQ(stored[2].shares_type, "real");   // 15 digits: a REAL that %.15g prints back as filed
    EXPECT_EQ(stored[0].shares_type, "integer");
    std::filesystem::remove(file);
    std::filesystem::remove(file.string() + "-wal");
    std::filesystem::remove(file.string() + "-shm");
}

TEST(DatasetSchema, TypesAndKeysOfTheEightTables) {
    using form4::dataset::table;
    const auto& trans = form4::dataset::schema(table::non_derivative_transaction);
    EXPECT_EQ(trans.columns.size(), form4::dataset::columns(table::non_derivative_transaction).size());
    EXPECT_EQ(trans.columns[trans.index_of("TRANS_DATE")].type, column_type::date);
    EXPECT_EQ(trans.columns[trans.index_of("TRANS_SHARES")].type, column_type::decimal);
    EXPECT_EQ(trans.columns[trans.index_of("EQUITY_SWAP_INVOLVED")].type, column_type::flag);
    EXPECT_TRUE(trans.columns[trans.index_of("NONDERIV_TRANS_SK")].numbers_rows);
    EXPECT_EQ(trans.primary_key, (std::vector<std::string>{"ACCESSION_NUMBER", "NONDERIV_TRANS_SK"}));
    const auto& owners = form4::dataset::stored_schema(table::reporting_owner);
    EXPECT_EQ(owners.columns.back().name, "ROW_NUMBER");
    EXPECT_EQ(owners.primary_key, (std::vector<std::string>{"ACCESSION_NUMBER", "ROW_NUMBER"}));
    EXPECT_EQ(owners.indexes, (std::vector<std::vector<std::string>>{{"RPTOWNERCIK"}}));
    EXPECT_EQ(form4::dataset::stored_schema(table::submission).indexes,
              (std::vector<std::vector<std::string>>{{"ISSUERCIK"}}));
    for (auto t : form4::dataset::all_tables) {
        const auto& s = form4::dataset::schema(t);
        for (const auto& c : s.columns)
            if (c.name.ends_with("_FN")) {
                EXPECT_EQ(c.type, column_type::text) << s.name << "." << c.name;
            }
    }
}

}  // namespace
