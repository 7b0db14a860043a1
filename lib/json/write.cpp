// The model as JSON: compact (straight into one string) or pretty.
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "json/common.hpp"
#include "util/decimal_text.hpp"

namespace form4 {
namespace {

namespace json = boost::json;
using namespace json_io;
using util::decimal_text;

bool omitted(const std::string& s) { return s.empty(); }
bool omitted(const std::vector<std::string>& v) { return v.empty(); }
template <class T>
bool omitted(const std::optional<T>& o) { return !o.has_value(); }
template <class T>
bool omitted(const footnoted<T>& f) { return f.empty(); }
template <class E>
bool omitted(const coded<E>& c) { return c == coded<E>{}; }
template <class T>
bool omitted(const T&) { return false; }  // records and record arrays are always written

json::value to_value(const std::string& s) { return json::string(s); }
json::value to_value(bool b) { return b; }
json::value to_value(const decimal& d) { return json::string(decimal_text(d)); }
json::value to_value(const date& d) { return json::string(date_text(d)); }
json::value to_value(const date_time& t) { return json::string(date_time_text(t)); }

template <class E>
json::value to_value(const coded<E>& c) {
    if (make_coded<E>(c.text) == c) return json::string(c.text);
    // Only a hand-built value can hold a code its text does not say.
    json::object both;
    both["text"] = c.text;
    both["code"] = to_string(c.value);
    return both;
}

json::value to_value(const std::vector<std::string>& strings) {
    json::array out;
    for (const auto& s : strings) out.emplace_back(json::string(s));
    return out;
}

template <class T>
json::value to_value(const footnoted<T>& f);
template <class T>
json::value to_value(const std::optional<T>& o);
template <record T>
json::value to_value(const T& x);
template <record T>
json::value to_value(const std::vector<T>& records);

template <class T>
json::value to_value(const footnoted<T>& f) {
    json::object out;
    if (f.value) out["value"] = to_value(*f.value);
    if (!f.footnote_ids.empty()) out["footnotes"] = to_value(f.footnote_ids);
    return out;
}

template <class T>
json::value to_value(const std::optional<T>& o) {
    return to_value(*o);  // absent ones are omitted before we get here
}

class object_writer {
public:
    template <class T>
    void operator()(std::string_view name, const T& field) {
        if (!omitted(field)) object_.emplace(name, to_value(field));
    }
    json::object& object() { return object_; }

private:
    json::object object_;
};

template <record T>
json::value to_value(const T& x) {
    object_writer writer;
    members(writer, x);
    return std::move(writer.object());
}

template <record T>
json::value to_value(const std::vector<T>& records) {
    json::array out;
    for (const auto& r : records) out.push_back(to_value(r));
    return out;
}

// ---------------------------------------------------------------------------
// Compact output, written straight into one string: the same bytes
// json::serialize gives for the tree above (tests/writers checks this on the
// whole corpus), without building the tree, which cost hundreds of
// allocations a document.

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '\b': out += 'b'; break;
            case '\f': out += 'f'; break;
            case '\n': out += 'n'; break;
            case '\r': out += 'r'; break;
            case '\t': out += 't'; break;
            default:
                out += "u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void write_compact(std::string& out, const std::string& s) { append_json_string(out, s); }
void write_compact(std::string& out, bool b) { out += b ? "true" : "false"; }
void write_compact(std::string& out, const decimal& d) { append_json_string(out, decimal_text(d)); }
void write_compact(std::string& out, const date& d) { append_json_string(out, date_text(d)); }
void write_compact(std::string& out, const date_time& t) { append_json_string(out, date_time_text(t)); }

template <class E>
void write_compact(std::string& out, const coded<E>& c) {
    if (make_coded<E>(c.text) == c) return append_json_string(out, c.text);
    out += "{\"text\":";
    append_json_string(out, c.text);
    out += ",\"code\":";
    append_json_string(out, to_string(c.value));
    out += '}';
}

void write_compact(std::string& out, const std::vector<std::string>& strings) {
    out += '[';
    for (std::size_t i = 0; i < strings.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, strings[i]);
    }
    out += ']';
}

template <class T>
void write_compact(std::string& out, const footnoted<T>& f);
template <class T>
void write_compact(std::string& out, const std::optional<T>& o);
template <record T>
void write_compact(std::string& out, const T& x);
template <record T>
void write_compact(std::string& out, const std::vector<T>& records);

template <class T>
void write_compact(std::string& out, const footnoted<T>& f) {
    out += '{';
    if (f.value) {
        out += "\"value\":";
        write_compact(out, *f.value);
    }
    if (!f.footnote_ids.empty()) {
        if (f.value) out += ',';
        out += "\"footnotes\":";
        write_compact(out, f.footnote_ids);
    }
    out += '}';
}

template <class T>
void write_compact(std::string& out, const std::optional<T>& o) {
    write_compact(out, *o);  // absent ones are omitted before we get here
}

class compact_member_writer {
public:
    explicit compact_member_writer(std::string& out, bool first = true) : out_(out), first_(first) {}
    template <class T>
    void operator()(std::string_view name, const T& field) {
        if (omitted(field)) return;
        if (!first_) out_ += ',';
        first_ = false;
        append_json_string(out_, name);
        out_ += ':';
        write_compact(out_, field);
    }

private:
    std::string& out_;
    bool first_;
};

template <record T>
void write_compact(std::string& out, const T& x) {
    out += '{';
    compact_member_writer writer(out);
    members(writer, x);
    out += '}';
}

template <record T>
void write_compact(std::string& out, const std::vector<T>& records) {
    out += '[';
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (i) out += ',';
        write_compact(out, records[i]);
    }
    out += ']';
}

// One line for a small container of scalars (`{"value": "26.80", "footnotes": ["F1"]}`),
// so that pretty output stays readable; empty when `v` holds deeper structure.
std::optional<std::string> one_line(const json::value& v) {
    if (const auto* array = v.if_array()) {
        std::string out = "[";
        for (const auto& element : *array) {
            if (element.is_structured()) return std::nullopt;
            if (out.size() > 1) out += ", ";
            out += json::serialize(element);
        }
        return out + "]";
    }
    if (const auto* object = v.if_object()) {
        std::string out = "{";
        for (const auto& member : *object) {
            if (member.value().is_object()) return std::nullopt;
            auto value = one_line(member.value());
            if (!value) return std::nullopt;
            if (out.size() > 1) out += ", ";
            out += json::serialize(json::string(member.key()));
            out += ": ";
            out += *value;
        }
        return out + "}";
    }
    return json::serialize(v);
}

void write_pretty(const json::value& v, std::string& out, std::size_t depth) {
    constexpr std::size_t line_budget = 100;
    if (auto flat = one_line(v); flat && depth * 2 + flat->size() <= line_budget) {
        out += *flat;
        return;
    }
    auto newline = [&](std::size_t level) {
        out += '\n';
        out.append(level * 2, ' ');
    };
    // Each item on a line of its own, indented one level deeper.
    const auto items = [&](char open, char close, const auto& range, auto write_item) {
        out += open;
        bool first = true;
        for (const auto& item : range) {
            if (!first) out += ',';
            first = false;
            newline(depth + 1);
            write_item(item);
        }
        newline(depth);
        out += close;
    };
    if (const auto* object = v.if_object(); object && !object->empty()) {
        items('{', '}', *object, [&](const json::key_value_pair& member) {
            out += json::serialize(json::string(member.key()));
            out += ": ";
            write_pretty(member.value(), out, depth + 1);
        });
    } else if (const auto* array = v.if_array(); array && !array->empty()) {
        items('[', ']', *array, [&](const json::value& element) { write_pretty(element, out, depth + 1); });
    } else {
        out += json::serialize(v);  // a long string, {} or []
    }
}

}  // namespace

std::string to_json(const document& doc, const json_options& options) {
    if (!options.pretty) {
        std::string out;
        out.reserve(4096);
        out += "{\"";
        out += version_member;
        out += "\":" + std::to_string(schema_version_number);
        compact_member_writer writer(out, false);
        members(writer, doc);
        out += '}';
        return out;
    }
    json::object root;
    root[version_member] = schema_version_number;
    object_writer writer;
    members(writer, doc);
    for (auto& member : writer.object()) root.emplace(member.key(), std::move(member.value()));
    std::string out;
    write_pretty(root, out, 0);
    out += '\n';
    return out;
}

}  // namespace form4
