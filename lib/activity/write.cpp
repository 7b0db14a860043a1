// TSV and JSON writers for the activity types, walking their Boost.Describe
// description: one cell per described member, in order.
#include <ostream>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>

#include "form4/activity.hpp"
#include "form4/dataset.hpp"

namespace form4::activity {
namespace {

namespace json = boost::json;

// A member's column name: "class_" (a C++ keyword with '_') is "class".
std::string_view column_name(std::string_view member) {
    if (!member.empty() && member.back() == '_') member.remove_suffix(1);
    return member;
}

// ---- one value as text (TSV) or JSON -----------------------------------------

std::string text_of(const std::string& v) { return v; }
std::string text_of(std::string_view v) { return std::string(v); }
std::string text_of(bool v) { return v ? "true" : "false"; }
std::string text_of(std::size_t v) { return std::to_string(v); }
std::string text_of(int v) { return std::to_string(v); }
std::string text_of(const decimal& v) { return v.to_string(); }
std::string text_of(const date& v) { return boost::gregorian::to_iso_extended_string(v); }
std::string text_of(const date_time& v) { return boost::posix_time::to_iso_extended_string(v); }
std::string text_of(trade_class v) { return std::string(to_string(v)); }
template <class T>
std::string text_of(const std::optional<T>& v) {
    return v ? text_of(*v) : std::string();
}

json::value json_of(const std::string& v) { return json::string(v); }
json::value json_of(std::string_view v) { return json::string(v); }
json::value json_of(bool v) { return v; }
json::value json_of(std::size_t v) { return static_cast<std::uint64_t>(v); }
json::value json_of(int v) { return v; }
json::value json_of(const decimal& v) { return json::string(v.to_string()); }   // exact, as in form4 parse
json::value json_of(const date& v) { return json::string(text_of(v)); }
json::value json_of(const date_time& v) { return json::string(text_of(v)); }
json::value json_of(trade_class v) { return json::string(to_string(v)); }
template <class T>
json::value json_of(const std::optional<T>& v) {
    return v ? json_of(*v) : json::value(nullptr);
}

// ---- walking the description -------------------------------------------------

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

template <class T>
std::vector<std::string_view> column_names() {
    std::vector<std::string_view> names;
    boost::mp11::mp_for_each<members_of<T>>([&](auto member) { names.push_back(column_name(member.name)); });
    return names;
}

template <class T>
std::vector<std::string> cells_of(const T& row) {
    std::vector<std::string> out;
    boost::mp11::mp_for_each<members_of<T>>([&](auto member) { out.push_back(text_of(row.*member.pointer)); });
    return out;
}

template <class T>
void write_tsv_rows(std::ostream& out, std::span<const T> rows) {
    std::string line;
    bool first = true;
    for (auto name : column_names<T>()) {
        if (!first) line += '\t';
        first = false;
        line += name;
    }
    line += '\n';
    out << line;
    for (const T& row : rows) {
        line.clear();
        first = true;
        boost::mp11::mp_for_each<members_of<T>>([&](auto member) {
            if (!first) line += '\t';
            first = false;
            dataset::append_tsv_cell(line, text_of(row.*member.pointer));
        });
        line += '\n';
        out << line;
    }
}

template <class T>
void write_json_rows(std::ostream& out, std::span<const T> rows) {
    out << '[';
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json::object object;
        boost::mp11::mp_for_each<members_of<T>>(
            [&](auto member) { object[column_name(member.name)] = json_of(rows[i].*member.pointer); });
        out << (i == 0 ? "\n" : ",\n") << json::serialize(object);
    }
    out << (rows.empty() ? "]\n" : "\n]\n");
}

}  // namespace

template <class T>
std::vector<std::string_view> columns() {
    return column_names<T>();
}
template std::vector<std::string_view> columns<row>();
template std::vector<std::string_view> columns<aggregate_row>();
template std::vector<std::string_view> columns<cluster_row>();
std::vector<std::string> cells(const row& r) { return cells_of(r); }
std::vector<std::string> cells(const aggregate_row& r) { return cells_of(r); }
std::vector<std::string> cells(const cluster_row& r) { return cells_of(r); }

void write_tsv(std::ostream& out, std::span<const row> rows) { write_tsv_rows(out, rows); }
void write_tsv(std::ostream& out, std::span<const aggregate_row> rows) { write_tsv_rows(out, rows); }
void write_tsv(std::ostream& out, std::span<const cluster_row> rows) { write_tsv_rows(out, rows); }
void write_json(std::ostream& out, std::span<const row> rows) { write_json_rows(out, rows); }
void write_json(std::ostream& out, std::span<const aggregate_row> rows) { write_json_rows(out, rows); }
void write_json(std::ostream& out, std::span<const cluster_row> rows) { write_json_rows(out, rows); }

}  // namespace form4::activity
