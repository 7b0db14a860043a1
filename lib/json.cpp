// The model as JSON and back (schema: docs/json-schema.md).
//
// The writer and the reader walk the model's one description
// (form4/model/description.hpp), so the two directions cannot drift apart and
// a new model member is written and read without an edit here.
#include "form4/json.hpp"

#include <boost/json.hpp>

#include "form4/model/description.hpp"
#include "util/decimal_text.hpp"
#include "util/iso_date.hpp"

#include <concepts>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace form4 {
namespace {

namespace json = boost::json;

constexpr std::int64_t schema_version_number = json_schema_version;
constexpr std::string_view version_member = "form4_json_version";

// ---------------------------------------------------------------------------
// The member lists: the model's description (form4/model/description.hpp).
// `io(name, field)` either writes or reads the field.

template <class Io, model::described T>
void members(Io& io, T& x) {
    model::for_each_member(x, [&](std::string_view name, auto& field) { io(name, field); });
}

template <class T>
concept record = model::described<T>;

// ---------------------------------------------------------------------------
// Scalars as text.

std::string date_text(const date& d) {
    // Special values cannot come from a filing, but a hand-built document may
    // hold one; Boost's own spelling lets them round trip.
    if (d.is_not_a_date()) return "not-a-date-time";
    if (d.is_pos_infinity()) return "+infinity";
    if (d.is_neg_infinity()) return "-infinity";
    return util::iso_date(d);
}

// "YYYY-MM-DDThh:mm:ss"; special values spelled as date_text spells them.
std::string date_time_text(const date_time& t) {
    if (t.is_special()) {
        if (t.is_pos_infinity()) return "+infinity";
        if (t.is_neg_infinity()) return "-infinity";
        return "not-a-date-time";
    }
    return util::iso_date_time(t);
}

using util::decimal_text;

// Reads [-]digits[.digits] of any length decimal::parse refuses: a mantissa
// that fills std::int64_t, a scale over 18, or integer trailing zeros that only
// fit as a negative scale (what decimal_text writes for one).
std::optional<decimal> parse_wide_decimal(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    auto point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    auto all_digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (whole.empty() || !all_digits(whole) || !all_digits(fraction)) return std::nullopt;
    if (point != std::string_view::npos && fraction.empty()) return std::nullopt;
    if (fraction.size() > static_cast<std::size_t>(std::numeric_limits<std::int8_t>::max())) return std::nullopt;

    std::string digits(whole);
    digits += fraction;
    int scale = static_cast<int>(fraction.size());
    std::size_t first = digits.find_first_not_of('0');
    digits = first == std::string::npos ? "0" : digits.substr(first);
    if (scale == 0)  // integer trailing zeros beyond 18 digits become a negative scale
        while (digits.size() > 18 && digits.back() == '0') {
            digits.pop_back();
            if (--scale < std::numeric_limits<std::int8_t>::min()) return std::nullopt;
        }
    std::uint64_t magnitude = 0;
    for (char c : digits) {
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
        magnitude = magnitude * 10 + digit;
    }
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
    auto mantissa = static_cast<std::int64_t>(magnitude);
    return decimal(negative ? -mantissa : mantissa, scale);
}

std::optional<date> parse_date_text(std::string_view text) {
    if (text == "not-a-date-time") return date(boost::gregorian::not_a_date_time);
    if (text == "+infinity") return date(boost::gregorian::pos_infin);
    if (text == "-infinity") return date(boost::gregorian::neg_infin);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) {
        int n = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 0 || day < 0) return std::nullopt;
    try {
        return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                    static_cast<unsigned short>(day));
    } catch (const std::exception&) {  // out of range year, month or day of month
        return std::nullopt;
    }
}

std::optional<date_time> parse_date_time_text(std::string_view text) {
    if (text == "not-a-date-time") return date_time(boost::date_time::not_a_date_time);
    if (text == "+infinity") return date_time(boost::date_time::pos_infin);
    if (text == "-infinity") return date_time(boost::date_time::neg_infin);
    if (text.size() != 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
    auto day = parse_date_text(text.substr(0, 10));
    if (!day || day->is_special()) return std::nullopt;
    auto number = [&](std::size_t from) {
        if (text[from] < '0' || text[from] > '9' || text[from + 1] < '0' || text[from + 1] > '9') return -1;
        return (text[from] - '0') * 10 + (text[from + 1] - '0');
    };
    int hour = number(11), minute = number(14), second = number(17);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
    return date_time(*day, boost::posix_time::time_duration(hour, minute, second));
}

// ---------------------------------------------------------------------------
// Writing.

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

// ---------------------------------------------------------------------------
// Reading. A failure throws read_error inside this file only; from_json
// turns it into the error string.

struct read_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw read_error(path + ": " + message);
}

std::string_view kind_name(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return "a number";
        case json::kind::string: return "a string";
        case json::kind::array: return "an array";
        case json::kind::object: return "an object";
    }
    return "something else";
}

[[noreturn]] void wrong_type(const json::value& v, const std::string& path, std::string_view expected) {
    fail(path, "expected " + std::string(expected) + ", got " + std::string(kind_name(v)));
}

std::string_view string_at(const json::value& v, const std::string& path, std::string_view expected = "a string") {
    const auto* s = v.if_string();
    if (!s) wrong_type(v, path, expected);
    return std::string_view(s->data(), s->size());
}

void read(const json::value& v, const std::string& path, std::string& out) { out = std::string(string_at(v, path)); }

void read(const json::value& v, const std::string& path, bool& out) {
    const auto* b = v.if_bool();
    if (!b) wrong_type(v, path, "true or false");
    out = *b;
}

void read(const json::value& v, const std::string& path, decimal& out) {
    std::string_view text = string_at(v, path, "a decimal number as a string");
    if (auto d = decimal::parse(text)) {
        out = *d;
    } else if (auto wide = parse_wide_decimal(text)) {
        out = *wide;
    } else {
        fail(path, "\"" + std::string(text) + "\" is not a decimal number");
    }
}

void read(const json::value& v, const std::string& path, date& out) {
    std::string_view text = string_at(v, path, "a date \"YYYY-MM-DD\"");
    auto d = parse_date_text(text);
    if (!d) fail(path, "\"" + std::string(text) + "\" is not a date \"YYYY-MM-DD\"");
    out = *d;
}

void read(const json::value& v, const std::string& path, date_time& out) {
    std::string_view text = string_at(v, path, "a date and time \"YYYY-MM-DDThh:mm:ss\"");
    auto t = parse_date_time_text(text);
    if (!t) fail(path, "\"" + std::string(text) + "\" is not a date and time \"YYYY-MM-DDThh:mm:ss\"");
    out = *t;
}

template <class E>
E code_named(std::string_view name, const std::string& path) {
    if (name.empty()) return E{};
    E value = make_coded<E>(name).value;
    if (value == E{}) fail(path, "\"" + std::string(name) + "\" is not a known code");
    return value;
}

template <class E>
void read(const json::value& v, const std::string& path, coded<E>& out);

void read(const json::value& v, const std::string& path, std::vector<std::string>& out) {
    const auto* array = v.if_array();
    if (!array) wrong_type(v, path, "an array of strings");
    out.clear();
    for (std::size_t i = 0; i < array->size(); ++i) {
        out.emplace_back();
        read((*array)[i], path + "[" + std::to_string(i) + "]", out.back());
    }
}

template <class T>
void read(const json::value& v, const std::string& path, footnoted<T>& out);
template <class T>
void read(const json::value& v, const std::string& path, std::optional<T>& out);
template <record T>
void read(const json::value& v, const std::string& path, T& out);
template <record T>
void read(const json::value& v, const std::string& path, std::vector<T>& out);

// Hands out an object's members by name and, at the end, refuses any it did
// not hand out: a misspelt member is an error, not silently lost data.
class object_reader {
public:
    object_reader(const json::value& v, std::string path) : path_(std::move(path)) {
        object_ = v.if_object();
        if (!object_) wrong_type(v, path_, "an object");
    }

    // The member's value, or nullptr when it is missing or null.
    const json::value* take(std::string_view name) {
        taken_.emplace_back(name);
        const json::value* v = object_->if_contains(name);
        return v && !v->is_null() ? v : nullptr;
    }

    std::string path_of(std::string_view name) const { return path_ + "." + std::string(name); }

    template <class T>
    void operator()(std::string_view name, T& field) {
        if (const json::value* v = take(name)) read(*v, path_of(name), field);
    }

    void finish() const {
        for (const auto& member : *object_) {
            std::string_view key(member.key().data(), member.key().size());
            bool known = false;
            for (const auto& name : taken_) known = known || name == key;
            if (!known) fail(path_of(key), "unknown member");
        }
    }

private:
    const json::object* object_ = nullptr;
    std::string path_;
    std::vector<std::string> taken_;
};

template <class E>
void read(const json::value& v, const std::string& path, coded<E>& out) {
    if (v.is_string()) {
        out = make_coded<E>(string_at(v, path));
        return;
    }
    if (!v.is_object()) wrong_type(v, path, "a code as a string");
    object_reader members_of(v, path);
    std::string text, code;
    members_of("text", text);
    members_of("code", code);
    members_of.finish();
    out = coded<E>{code_named<E>(code, members_of.path_of("code")), std::move(text)};
}

template <class T>
void read(const json::value& v, const std::string& path, footnoted<T>& out) {
    object_reader members_of(v, path);
    out = {};
    if (const json::value* value = members_of.take("value")) {
        out.value.emplace();
        read(*value, members_of.path_of("value"), *out.value);
    }
    members_of("footnotes", out.footnote_ids);
    members_of.finish();
}

template <class T>
void read(const json::value& v, const std::string& path, std::optional<T>& out) {
    out.emplace();
    read(v, path, *out);
}

template <record T>
void read(const json::value& v, const std::string& path, T& out) {
    object_reader members_of(v, path);
    out = T{};
    members(members_of, out);
    members_of.finish();
}

template <record T>
void read(const json::value& v, const std::string& path, std::vector<T>& out) {
    const auto* array = v.if_array();
    if (!array) wrong_type(v, path, "an array");
    out.clear();
    out.reserve(array->size());
    for (std::size_t i = 0; i < array->size(); ++i) {
        out.emplace_back();
        read((*array)[i], path + "[" + std::to_string(i) + "]", out.back());
    }
}

// Line and column (1-based) of a byte offset, for syntax errors.
std::string position_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

json::value parse_json_text(std::string_view text) {
    json::stream_parser parser;
    boost::system::error_code ec;
    std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) throw read_error("JSON syntax error at " + position_of(text, consumed) + ": " + ec.message());
    return parser.release();
}

document read_document(const json::value& root) {
    object_reader members_of(root, "$");
    const json::value* version = members_of.take(version_member);
    if (!version) fail(members_of.path_of(version_member), "missing");
    const auto number = version->if_int64();
    if (!number) wrong_type(*version, members_of.path_of(version_member), "the number 1");
    if (*number != schema_version_number)
        fail(members_of.path_of(version_member),
             "version " + std::to_string(*number) + " is not supported (this reader knows version 1)");
    document doc;
    members(members_of, doc);
    members_of.finish();
    return doc;
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

json_read_result from_json(std::string_view text) {
    json_read_result result;
    try {
        result.doc = read_document(parse_json_text(text));
    } catch (const read_error& e) {
        result.error = e.what();
    } catch (const std::exception& e) {  // e.g. out of memory: still never thrown to the caller
        result.error = std::string("cannot read the JSON: ") + e.what();
    }
    return result;
}

}  // namespace form4
