#pragma once
// What the JSON writer and reader share (lib/json/write.cpp, read.cpp): the
// walk over the model's description, the version member, and the scalars as
// text. The schema is docs/json-schema.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "form4/json.hpp"
#include "form4/model/description.hpp"

namespace form4::json_io {

inline constexpr std::int64_t schema_version_number = json_schema_version;
inline constexpr std::string_view version_member = "form4_json_version";

// The member lists: the model's description (form4/model/description.hpp).
// `io(name, field)` either writes or reads the field.

template <class Io, model::described T>
void members(Io& io, T& x) {
    model::for_each_member(x, [&](std::string_view name, auto& field) { io(name, field); });
}

template <class T>
concept record = model::described<T>;

// Scalars as text: what they are written as, and read back from.
std::string date_text(const date& d);
std::string date_time_text(const date_time& t);
std::optional<decimal> parse_wide_decimal(std::string_view text);
std::optional<date> parse_date_text(std::string_view text);
std::optional<date_time> parse_date_time_text(std::string_view text);

}  // namespace form4::json_io
