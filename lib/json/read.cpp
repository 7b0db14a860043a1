// JSON back into the model: every member checked, every error with its path.
#include <boost/json.hpp>

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "json/common.hpp"

namespace form4 {
namespace {

namespace json = boost::json;
using namespace json_io;

// A failure throws read_error inside this file only; from_json turns it into
// the error string.

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
