// Table I and II rows, read field by field (FORM4_FIELD_*).
//
// Each field number names a member of the rows by its path in the model's
// description ("underlying.title"); one walk over the description finds it
// in a row, and the member's type says the kind of value it holds. Whether a
// table has a field is whether its row type has that member, so the C field
// table cannot drift from the model.
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>

#include "form4/model/description.hpp"
#include "shim.hpp"

using namespace form4::capi;

namespace {

struct field_info {
    const char* name;       // the C name (form4_field_name)
    std::string_view path;  // the member in a row, C++ member names joined by '.'
};

// Indexed by FORM4_FIELD_*; entry 0 is not a field.
constexpr std::array<field_info, FORM4_FIELD_COUNT> fields{{
    {"", ""},
    {"security_title", "security_title"},
    {"conversion_or_exercise_price", "conversion_or_exercise_price"},
    {"transaction_date", "transaction_date"},
    {"deemed_execution_date", "deemed_execution_date"},
    {"coding", "coding"},
    {"form_type", "coding.form_type"},
    {"transaction_code", "coding.code"},
    {"equity_swap_involved", "coding.equity_swap_involved"},
    {"timeliness", "timeliness"},
    {"shares", "shares"},
    {"price_per_share", "price_per_share"},
    {"total_value", "total_value"},
    {"acquired_disposed", "acquired_disposed"},
    {"exercise_date", "exercise_date"},
    {"expiration_date", "expiration_date"},
    {"underlying_title", "underlying.title"},
    {"underlying_shares", "underlying.shares"},
    {"underlying_value", "underlying.value"},
    {"shares_owned_following", "post_transaction.shares_owned"},
    {"value_owned_following", "post_transaction.value_owned"},
    {"direct_or_indirect", "ownership.direct_or_indirect"},
    {"nature_of_ownership", "ownership.nature"},
}};

bool is_field(std::int32_t field) noexcept { return field > 0 && field < FORM4_FIELD_COUNT; }
bool is_table(std::int32_t table) noexcept {
    return table >= FORM4_TABLE_NON_DERIVATIVE_TRANSACTION && table <= FORM4_TABLE_DERIVATIVE_HOLDING;
}

const char* table_name(std::int32_t table) noexcept {
    switch (table) {
        case FORM4_TABLE_NON_DERIVATIVE_TRANSACTION: return "non-derivative transaction";
        case FORM4_TABLE_NON_DERIVATIVE_HOLDING: return "non-derivative holding";
        case FORM4_TABLE_DERIVATIVE_TRANSACTION: return "derivative transaction";
        case FORM4_TABLE_DERIVATIVE_HOLDING: return "derivative holding";
        default: return "unknown";
    }
}

// What one field of one row holds. Only the members of the field's kind
// are set; `present` says whether the filing gave a value.
struct field_view {
    bool present = false;
    std::int32_t kind = FORM4_KIND_NONE;
    const std::string* text = nullptr;
    const form4::decimal* number = nullptr;
    const form4::date* date = nullptr;
    std::int32_t code = 0;
    const std::string* code_text = nullptr;
    bool flag = false;
    const std::vector<std::string>* footnotes = nullptr;  // null: none
};

template <class Enum>
void view_code(field_view& view, const form4::coded<Enum>& code) {
    view.code = code_value(code.value);
    view.code_text = &code.text;
}

// The view of a leaf member; `given`: whatever holds it is in the row (a
// coding's code is absent with the coding).
template <class T>
void view_of(field_view& view, const form4::footnoted<T>& value, bool) {
    if constexpr (std::is_same_v<T, std::string>) view.kind = FORM4_KIND_TEXT;
    else if constexpr (std::is_same_v<T, form4::decimal>) view.kind = FORM4_KIND_DECIMAL;
    else if constexpr (std::is_same_v<T, form4::date>) view.kind = FORM4_KIND_DATE;
    else view.kind = FORM4_KIND_CODE;  // coded<Enum>
    view.present = value.value.has_value();
    view.footnotes = &value.footnote_ids;
    if (!value.value) return;
    if constexpr (std::is_same_v<T, std::string>) view.text = &*value.value;
    else if constexpr (std::is_same_v<T, form4::decimal>) view.number = &*value.value;
    else if constexpr (std::is_same_v<T, form4::date>) view.date = &*value.value;
    else view_code(view, *value.value);
}
template <class Enum>
void view_of(field_view& view, const form4::coded<Enum>& code, bool given) {
    view.kind = FORM4_KIND_CODE;
    view.present = given;
    if (given) view_code(view, code);
}
void view_of(field_view& view, const std::optional<bool>& flag, bool given) {
    view.kind = FORM4_KIND_BOOL;
    view.present = given && flag.has_value();
    view.flag = view.present && *flag;
}
// A coding as a whole: footnotes only.
template <form4::model::described T>
void view_of(field_view& view, const std::optional<T>& group, bool) {
    view.present = group.has_value();
    if (group) view.footnotes = &group->footnote_ids;
}

// Finds the member at `path` in `x` and views it; false when T has no such member.
template <form4::model::described T>
bool view_path(field_view& view, const T& x, std::string_view path, bool given) {
    const auto dot = path.find('.');
    const std::string_view head = path.substr(0, dot);
    bool found = false;
    form4::model::for_each_descriptor<T>([&](auto d) {
        if (found || head != d.name) return;
        const auto& member = x.*d.pointer;
        using member_type = std::remove_cvref_t<decltype(member)>;
        if (dot == std::string_view::npos) {
            if constexpr (requires { view_of(view, member, given); }) {
                view_of(view, member, given);
                found = true;
            }
        } else if constexpr (form4::model::described<member_type>) {
            found = view_path(view, member, path.substr(dot + 1), given);
        } else if constexpr (form4::model::is_optional<member_type>) {
            if constexpr (form4::model::described<typename member_type::value_type>) {
                const typename member_type::value_type absent{};  // what an absent group would hold: nothing
                found = view_path(view, member ? *member : absent, path.substr(dot + 1), given && member.has_value());
            }
        }
    });
    return found;
}

// FORM4_E_NOT_APPLICABLE when the row's table has no such field; otherwise fills *view.
int resolve(field_view& view, const row_impl& row, std::int32_t field) {
    const std::string_view path = fields[static_cast<std::size_t>(field)].path;
    const auto in = [&](const auto* model) {
        return view_path(view, *model, path, true) ? FORM4_OK : FORM4_E_NOT_APPLICABLE;
    };
    switch (row.table) {
        case FORM4_TABLE_NON_DERIVATIVE_TRANSACTION:
            return in(static_cast<const form4::non_derivative_transaction*>(row.model));
        case FORM4_TABLE_NON_DERIVATIVE_HOLDING:
            return in(static_cast<const form4::non_derivative_holding*>(row.model));
        case FORM4_TABLE_DERIVATIVE_TRANSACTION:
            return in(static_cast<const form4::derivative_transaction*>(row.model));
        case FORM4_TABLE_DERIVATIVE_HOLDING:
            return in(static_cast<const form4::derivative_holding*>(row.model));
        default: return FORM4_E_INTERNAL;
    }
}

// The kind of value each field holds, from the first table whose rows have it.
std::int32_t kind_of(std::int32_t field) {
    static const auto kinds = [] {
        std::array<std::int32_t, FORM4_FIELD_COUNT> out{};
        const form4::non_derivative_transaction ndt;
        const form4::non_derivative_holding ndh;
        const form4::derivative_transaction dt;
        const form4::derivative_holding dh;
        const void* models[] = {&ndt, &ndh, &dt, &dh};
        for (std::int32_t f = 1; f < FORM4_FIELD_COUNT; ++f)
            for (std::int32_t table = FORM4_TABLE_NON_DERIVATIVE_TRANSACTION; table <= FORM4_TABLE_DERIVATIVE_HOLDING;
                 ++table) {
                field_view view;
                if (resolve(view, row_impl{table, models[table - 1]}, f) == FORM4_OK) {
                    out[static_cast<std::size_t>(f)] = view.kind;
                    break;
                }
            }
        return out;
    }();
    return kinds[static_cast<std::size_t>(field)];
}

// Checks the field number, that the row's table has it and (unless
// `expected_kind` is negative) that it holds that kind of value; then
// resolves it. Records the failure otherwise.
int lookup(field_view& view, const form4_row* row, std::int32_t field, std::int32_t expected_kind,
           const char* function) {
    if (!is_field(field))
        return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_FIELD_* value", static_cast<int>(field));
    if (expected_kind >= 0 && kind_of(field) != expected_kind)
        return fail(FORM4_E_WRONG_TYPE, function, "field %s holds another kind of value",
                    fields[static_cast<std::size_t>(field)].name);
    switch (resolve(view, *impl(row), field)) {
        case FORM4_OK: return FORM4_OK;
        case FORM4_E_NOT_APPLICABLE:
            return fail(FORM4_E_NOT_APPLICABLE, function, "a %s row has no field %s", table_name(impl(row)->table),
                        fields[static_cast<std::size_t>(field)].name);
        default:
            return fail(FORM4_E_INTERNAL, function, "row handle of unknown table %d",
                        static_cast<int>(impl(row)->table));
    }
}

int absent_field(std::int32_t field, const char* function) {
    return fail(FORM4_E_ABSENT, function, "field %s is absent", fields[static_cast<std::size_t>(field)].name);
}

}  // namespace

extern "C" {

int form4_field_kind(int32_t* out, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        if (!is_field(field))
            return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_FIELD_* value", static_cast<int>(field));
        *out = kind_of(field);
        return FORM4_OK;
    });
}

int form4_field_name(const char** out, size_t* out_len, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        if (!is_field(field))
            return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_FIELD_* value", static_cast<int>(field));
        const char* name = fields[static_cast<std::size_t>(field)].name;
        *out = name;
        if (out_len) *out_len = std::strlen(name);
        return FORM4_OK;
    });
}

int form4_table_has_field(int* out, int32_t table, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        if (!is_table(table))
            return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_TABLE_* value", static_cast<int>(table));
        if (!is_field(field))
            return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_FIELD_* value", static_cast<int>(field));
        // Ask an empty row of that table: the resolver is the one truth.
        const form4::non_derivative_transaction ndt;
        const form4::non_derivative_holding ndh;
        const form4::derivative_transaction dt;
        const form4::derivative_holding dh;
        const void* models[] = {&ndt, &ndh, &dt, &dh};
        field_view view;
        const int status = resolve(view, row_impl{table, models[table - 1]}, field);
        *out = status == FORM4_OK ? 1 : 0;
        return FORM4_OK;
    });
}

int form4_document_row_count(size_t* out, const form4_document* doc, int32_t table) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(doc);
        if (!is_table(table))
            return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_TABLE_* value", static_cast<int>(table));
        *out = impl(doc)->rows[static_cast<std::size_t>(table - 1)].size();
        return FORM4_OK;
    });
}

int form4_document_row(const form4_row** out, const form4_document* doc, int32_t table, size_t index) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(doc);
        if (!is_table(table))
            return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_TABLE_* value", static_cast<int>(table));
        const auto& rows = impl(doc)->rows[static_cast<std::size_t>(table - 1)];
        if (int status = check_index(function, index, rows.size()); status != FORM4_OK) return status;
        *out = handle(&rows[index]);
        return FORM4_OK;
    });
}

int form4_row_table(int32_t* out, const form4_row* row) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        *out = impl(row)->table;
        return FORM4_OK;
    });
}

int form4_row_text(const char** out, size_t* out_len, const form4_row* row, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, FORM4_KIND_TEXT, function); status != FORM4_OK) return status;
        if (!view.present) return absent_field(field, function);
        return put_text(out, out_len, *view.text);
    });
}

int form4_row_decimal(form4_decimal* out, const form4_row* row, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, FORM4_KIND_DECIMAL, function); status != FORM4_OK) return status;
        if (!view.present) return absent_field(field, function);
        put_decimal(out, *view.number);
        return FORM4_OK;
    });
}

int form4_row_date(form4_date* out, const form4_row* row, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, FORM4_KIND_DATE, function); status != FORM4_OK) return status;
        if (!view.present || !put_date(out, *view.date)) return absent_field(field, function);
        return FORM4_OK;
    });
}

int form4_row_code(int32_t* out_value, const char** out_text, size_t* out_len, const form4_row* row, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, FORM4_KIND_CODE, function); status != FORM4_OK) return status;
        if (!view.present) return absent_field(field, function);
        if (out_value) *out_value = view.code;
        if (out_text) put_text(out_text, out_len, *view.code_text);
        else if (out_len) *out_len = view.code_text->size();
        return FORM4_OK;
    });
}

int form4_row_bool(int* out, const form4_row* row, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, FORM4_KIND_BOOL, function); status != FORM4_OK) return status;
        if (!view.present) return absent_field(field, function);
        *out = view.flag ? 1 : 0;
        return FORM4_OK;
    });
}

int form4_row_footnote_count(size_t* out, const form4_row* row, int32_t field) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, -1, function); status != FORM4_OK) return status;
        *out = view.footnotes ? view.footnotes->size() : 0;
        return FORM4_OK;
    });
}

int form4_row_footnote_id(const char** out, size_t* out_len, const form4_row* row, int32_t field, size_t index) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(row);
        field_view view;
        if (int status = lookup(view, row, field, -1, function); status != FORM4_OK) return status;
        const std::size_t count = view.footnotes ? view.footnotes->size() : 0;
        if (int status = check_index(function, index, count); status != FORM4_OK) return status;
        return put_text(out, out_len, (*view.footnotes)[index]);
    });
}

}  // extern "C"
