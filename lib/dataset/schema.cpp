// The data-set tables' types and keys (see dataset_schema.hpp).
#include "form4/dataset_schema.hpp"

#include <array>

#include "dataset/columns.hpp"

namespace form4::dataset {
namespace {

using tabular::column_type;

tabular::schema typed(table t) {
    tabular::schema s;
    s.name = std::string(name(t));
    s.unit_column = "ACCESSION_NUMBER";
    s.primary_key = {"ACCESSION_NUMBER"};
    auto names = columns(t);
    auto kinds = column_kinds(t);
    for (std::size_t i = 0; i < names.size(); ++i) {
        tabular::column c{std::string(names[i]), column_type::text, false};
        switch (kinds[i]) {
            case cell_kind::text: break;
            case cell_kind::flag: c.type = column_type::flag; break;
            case cell_kind::date: c.type = column_type::date; break;
            case cell_kind::decimal: c.type = column_type::decimal; break;
            case cell_kind::row_key:
                c.type = column_type::integer;
                c.numbers_rows = true;
                s.primary_key.push_back(c.name);
                break;
        }
        s.columns.push_back(std::move(c));
    }
    if (t != table::submission)
        s.foreign_keys.push_back({{"ACCESSION_NUMBER"}, std::string(name(table::submission)), {"ACCESSION_NUMBER"}});
    return s;
}

tabular::schema stored(table t) {
    tabular::schema s = typed(t);
    if (t == table::reporting_owner || t == table::footnotes || t == table::owner_signature) {
        s.columns.push_back({"ROW_NUMBER", column_type::integer, true});
        s.primary_key.push_back("ROW_NUMBER");
    }
    if (t == table::submission) s.indexes.push_back({"ISSUERCIK"});
    if (t == table::reporting_owner) s.indexes.push_back({"RPTOWNERCIK"});
    if (t == table::non_derivative_transaction || t == table::derivative_transaction)
        s.indexes.push_back({"TRANS_DATE"});
    return s;
}

template <class Make>
std::array<tabular::schema, table_count> for_every_table(Make make) {
    std::array<tabular::schema, table_count> out;
    for (auto t : all_tables) out[static_cast<std::size_t>(t)] = make(t);
    return out;
}

// Typed values into the columns of schema(t), whose kinds the row's calls
// must match (tabular::table refuses any other).
class typed_rows final : public row_sink {
public:
    explicit typed_rows(typed_tables& out) : out_(out) {}

    void start_row(table t) override {
        current_ = &out_[t];
        current_->add_row();
    }
    void text(std::size_t column, std::string_view value) override { current_->set_text(column, value); }
    void flag(std::size_t column, bool value) override { current_->set_flag(column, value); }
    void day(std::size_t column, const date& value) override {
        auto ymd = value.year_month_day();
        current_->set_date(column, tabular::days_from_civil(static_cast<int>(ymd.year), ymd.month, ymd.day));
    }
    void number(std::size_t column, const decimal& value) override {
        current_->set_decimal(column, value.normalized());
    }
    void row_number(std::size_t column, std::size_t value) override {
        current_->set_integer(column, static_cast<std::int64_t>(value));
    }

private:
    typed_tables& out_;
    tabular::table* current_ = nullptr;
};

}  // namespace

typed_tables::typed_tables() {
    tables_.reserve(table_count);
    for (auto t : all_tables) tables_.emplace_back(&schema(t));
}

void append(typed_tables& out, const document& doc, std::string_view accession_fallback, const options& opts,
            key_counters& keys) {
    typed_rows sink(out);
    append(sink, doc, accession_fallback, opts, keys);
}

const tabular::schema& schema(table t) {
    static const auto schemas = for_every_table(typed);
    return schemas[static_cast<std::size_t>(t)];
}

const tabular::schema& stored_schema(table t) {
    static const auto schemas = for_every_table(stored);
    return schemas[static_cast<std::size_t>(t)];
}

}  // namespace form4::dataset
