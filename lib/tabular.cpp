// Typed tables: reading cell text, and the column store.
#include "form4/tabular.hpp"

#include <charconv>
#include <functional>
#include <stdexcept>

namespace form4::tabular {

std::size_t schema::index_of(std::string_view column_name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == column_name) return i;
    return std::string_view::npos;
}

namespace {

// Days since 1970-01-01 back to a proleptic Gregorian date (H. Hinnant's).
void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d) noexcept {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

bool digits(std::string_view text, unsigned& value) noexcept {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

[[noreturn]] void unreadable(const schema& s, std::size_t column, std::string_view cell) {
    throw std::invalid_argument("form4::tabular: " + s.name + "." + s.columns[column].name + ": cannot read \"" +
                                std::string(cell) + "\"");
}

}  // namespace

// H. Hinnant's days_from_civil (civil_from_days above is its inverse).
std::int32_t days_from_civil(int y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

std::optional<std::int32_t> days_of_cell(std::string_view cell) noexcept {
    static constexpr std::string_view months = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    if (cell.size() != 11 || cell[2] != '-' || cell[6] != '-') return std::nullopt;
    unsigned day = 0, year = 0;
    if (!digits(cell.substr(0, 2), day) || !digits(cell.substr(7, 4), year)) return std::nullopt;
    std::size_t month = months.find(cell.substr(3, 3));
    if (month == std::string_view::npos || month % 3 != 0 || day < 1 || day > 31) return std::nullopt;
    return days_from_civil(static_cast<int>(year), static_cast<unsigned>(month / 3 + 1), day);
}

std::string iso_date(std::int32_t days) {
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char text[16];
    char* out = text;
    auto put = [&](unsigned value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
        out += width;
    };
    put(static_cast<unsigned>(y), 4);
    *out++ = '-';
    put(m, 2);
    *out++ = '-';
    put(d, 2);
    return std::string(text, out);
}

std::optional<bool> flag_of_cell(std::string_view cell) noexcept {
    if (cell == "1") return true;
    if (cell == "0") return false;
    return std::nullopt;
}

std::optional<std::int64_t> integer_of_cell(std::string_view cell) noexcept {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size() || cell.empty()) return std::nullopt;
    return value;
}

// ---- string_dictionary -------------------------------------------------------

std::int32_t string_dictionary::intern(std::string_view text) {
    if ((size() + 1) * 2 > slots_.size()) grow();
    const auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(text));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        std::int32_t slot = slots_[i];
        if (slot == 0) {
            auto index = static_cast<std::int32_t>(size());
            data_.append(text);
            offsets_.push_back(static_cast<std::int64_t>(data_.size()));
            hashes_.push_back(hash);
            slots_[i] = index + 1;
            return index;
        }
        auto index = static_cast<std::size_t>(slot - 1);
        if (hashes_[index] == hash && at(index) == text) return static_cast<std::int32_t>(index);
    }
}

void string_dictionary::grow() {
    std::size_t capacity = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(capacity, 0);
    const std::size_t mask = capacity - 1;
    for (std::size_t index = 0; index < size(); ++index) {
        std::size_t i = hashes_[index] & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = static_cast<std::int32_t>(index + 1);
    }
}

// ---- table --------------------------------------------------------------------

table::table(const schema* described) : schema_(described), columns_(described->columns.size()) {}

void table::append_row(std::span<const std::string> cells) {
    const auto& columns = schema_->columns;
    if (cells.size() != columns.size())
        throw std::invalid_argument("form4::tabular: " + schema_->name + ": a row of " + std::to_string(cells.size()) +
                                    " cells for " + std::to_string(columns.size()) + " columns");
    add_row();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        std::string_view cell = cells[c];
        if (cell.empty()) continue;
        switch (columns[c].type) {
            case column_type::text: set_text(c, cell); break;
            case column_type::integer: {
                auto value = integer_of_cell(cell);
                if (!value) refuse(c, cell);
                set_integer(c, *value);
                break;
            }
            case column_type::decimal: {
                auto value = decimal::parse(cell);
                if (!value) refuse(c, cell);
                set_decimal(c, *value);
                break;
            }
            case column_type::date: {
                auto value = days_of_cell(cell);
                if (!value) refuse(c, cell);
                set_date(c, *value);
                break;
            }
            case column_type::flag: {
                auto value = flag_of_cell(cell);
                if (!value) refuse(c, cell);
                set_flag(c, *value);
                break;
            }
        }
    }
}

void table::add_row() {
    const auto& columns = schema_->columns;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        column_data& out = columns_[c];
        out.valid.push_back(0);
        switch (columns[c].type) {
            case column_type::text: out.codes.push_back(-1); break;
            case column_type::integer: out.integers.push_back(0); break;
            case column_type::decimal:
                out.integers.push_back(0);
                out.scales.push_back(0);
                break;
            case column_type::date: out.days.push_back(0); break;
            case column_type::flag: out.flags.push_back(0); break;
        }
    }
    ++rows_;
}

// Each column holds rows_ values in the vectors of its type and none in the others.
void table::drop_last_row() noexcept {
    auto drop = [this](auto& values) {
        if (values.size() == rows_) values.pop_back();
    };
    for (auto& out : columns_) {
        drop(out.valid);
        drop(out.codes);
        drop(out.integers);
        drop(out.scales);
        drop(out.days);
        drop(out.flags);
    }
    --rows_;
}

void table::refuse(std::size_t column, std::string_view cell) {
    drop_last_row();
    unreadable(*schema_, column, cell);
}

column_data& table::typed(std::size_t column, column_type type) {
    if (column >= columns_.size() || schema_->columns[column].type != type || rows_ == 0)
        throw std::logic_error("form4::tabular: " + schema_->name + ": a value of another type for column " +
                               (column < columns_.size() ? schema_->columns[column].name : std::to_string(column)));
    column_data& out = columns_[column];
    out.valid.back() = 1;
    return out;
}

void table::set_text(std::size_t column, std::string_view value) {
    column_data& out = typed(column, column_type::text);
    out.valid.back() = value.empty() ? 0 : 1;
    if (value.empty()) {
        out.codes.back() = -1;
        return;
    }
    // Rows in a row often repeat a text (a filing's accession number, its
    // security title, codes): one comparison instead of hashing it again.
    if (out.last_code < 0 || out.dictionary.at(static_cast<std::size_t>(out.last_code)) != value)
        out.last_code = out.dictionary.intern(value);
    out.codes.back() = out.last_code;
}

void table::set_integer(std::size_t column, std::int64_t value) {
    typed(column, column_type::integer).integers.back() = value;
}

void table::set_decimal(std::size_t column, decimal value) {
    column_data& out = typed(column, column_type::decimal);
    out.integers.back() = value.mantissa();
    out.scales.back() = static_cast<std::int8_t>(value.scale());
    if (value.scale() > out.max_scale) out.max_scale = value.scale();
}

void table::set_date(std::size_t column, std::int32_t days) { typed(column, column_type::date).days.back() = days; }

void table::set_flag(std::size_t column, bool value) {
    typed(column, column_type::flag).flags.back() = value ? 1 : 0;
}

}  // namespace form4::tabular
