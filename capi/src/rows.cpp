// Table I and II rows, read field by field (FORM4_FIELD_*).
//
// One resolver maps (row kind, field) to a view of the model's value; each
// getter only checks the kind and copies out. Whether a table has a field
// is decided by the row type's members (requires-expressions), so the
// C field table cannot drift from the model.
#include <cstring>

#include "shim.hpp"

using namespace form4::capi;

namespace {

struct field_info {
    const char* name;
    std::int32_t kind;
};

// Indexed by FORM4_FIELD_*; entry 0 is not a field.
constexpr std::array<field_info, FORM4_FIELD_COUNT> fields{{
    {"", FORM4_KIND_NONE},
    {"security_title", FORM4_KIND_TEXT},
    {"conversion_or_exercise_price", FORM4_KIND_DECIMAL},
    {"transaction_date", FORM4_KIND_DATE},
    {"deemed_execution_date", FORM4_KIND_DATE},
    {"coding", FORM4_KIND_NONE},
    {"form_type", FORM4_KIND_CODE},
    {"transaction_code", FORM4_KIND_CODE},
    {"equity_swap_involved", FORM4_KIND_BOOL},
    {"timeliness", FORM4_KIND_CODE},
    {"shares", FORM4_KIND_DECIMAL},
    {"price_per_share", FORM4_KIND_DECIMAL},
    {"total_value", FORM4_KIND_DECIMAL},
    {"acquired_disposed", FORM4_KIND_CODE},
    {"exercise_date", FORM4_KIND_DATE},
    {"expiration_date", FORM4_KIND_DATE},
    {"underlying_title", FORM4_KIND_TEXT},
    {"underlying_shares", FORM4_KIND_DECIMAL},
    {"underlying_value", FORM4_KIND_DECIMAL},
    {"shares_owned_following", FORM4_KIND_DECIMAL},
    {"value_owned_following", FORM4_KIND_DECIMAL},
    {"direct_or_indirect", FORM4_KIND_CODE},
    {"nature_of_ownership", FORM4_KIND_TEXT},
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
    const std::string* text = nullptr;
    const form4::decimal* number = nullptr;
    const form4::date* date = nullptr;
    std::int32_t code = 0;
    const std::string* code_text = nullptr;
    bool flag = false;
    const std::vector<std::string>* footnotes = nullptr;  // null: none
};

template <class T>
field_view footnoted_view(const form4::footnoted<T>& value) {
    field_view view;
    view.present = value.value.has_value();
    view.footnotes = &value.footnote_ids;
    if constexpr (std::is_same_v<T, std::string>) {
        if (value.value) view.text = &*value.value;
    } else if constexpr (std::is_same_v<T, form4::decimal>) {
        if (value.value) view.number = &*value.value;
    } else if constexpr (std::is_same_v<T, form4::date>) {
        if (value.value) view.date = &*value.value;
    } else {  // coded<Enum>
        if (value.value) {
            view.code = code_value(value.value->value);
            view.code_text = &value.value->text;
        }
    }
    return view;
}

template <class Enum>
field_view coded_view(const form4::coded<Enum>& code) {
    field_view view;
    view.present = true;
    view.code = code_value(code.value);
    view.code_text = &code.text;
    return view;
}

// FORM4_E_NOT_APPLICABLE when Row has no such field; otherwise fills *view.
template <class Row>
int resolve(field_view& view, const Row& row, std::int32_t field) {
#define FORM4_FOOTNOTED(FIELD, ...)                                  \
    case FIELD:                                                      \
        if constexpr (requires { row.__VA_ARGS__; }) {               \
            view = footnoted_view(row.__VA_ARGS__);                  \
            return FORM4_OK;                                         \
        } else {                                                     \
            return FORM4_E_NOT_APPLICABLE;                           \
        }
    switch (field) {
        FORM4_FOOTNOTED(FORM4_FIELD_SECURITY_TITLE, security_title)
        FORM4_FOOTNOTED(FORM4_FIELD_CONVERSION_OR_EXERCISE_PRICE, conversion_or_exercise_price)
        FORM4_FOOTNOTED(FORM4_FIELD_TRANSACTION_DATE, transaction_date)
        FORM4_FOOTNOTED(FORM4_FIELD_DEEMED_EXECUTION_DATE, deemed_execution_date)
        FORM4_FOOTNOTED(FORM4_FIELD_TIMELINESS, timeliness)
        FORM4_FOOTNOTED(FORM4_FIELD_SHARES, shares)
        FORM4_FOOTNOTED(FORM4_FIELD_PRICE_PER_SHARE, price_per_share)
        FORM4_FOOTNOTED(FORM4_FIELD_TOTAL_VALUE, total_value)
        FORM4_FOOTNOTED(FORM4_FIELD_ACQUIRED_DISPOSED, acquired_disposed)
        FORM4_FOOTNOTED(FORM4_FIELD_EXERCISE_DATE, exercise_date)
        FORM4_FOOTNOTED(FORM4_FIELD_EXPIRATION_DATE, expiration_date)
        FORM4_FOOTNOTED(FORM4_FIELD_UNDERLYING_TITLE, underlying.title)
        FORM4_FOOTNOTED(FORM4_FIELD_UNDERLYING_SHARES, underlying.shares)
        FORM4_FOOTNOTED(FORM4_FIELD_UNDERLYING_VALUE, underlying.value)
        FORM4_FOOTNOTED(FORM4_FIELD_SHARES_OWNED_FOLLOWING, post_transaction.shares_owned)
        FORM4_FOOTNOTED(FORM4_FIELD_VALUE_OWNED_FOLLOWING, post_transaction.value_owned)
        FORM4_FOOTNOTED(FORM4_FIELD_DIRECT_OR_INDIRECT, ownership.direct_or_indirect)
        FORM4_FOOTNOTED(FORM4_FIELD_NATURE_OF_OWNERSHIP, ownership.nature)
#undef FORM4_FOOTNOTED
        // The coding is optional as a whole; its parts are present with it.
        case FORM4_FIELD_CODING:
            view.present = row.coding.has_value();
            if (row.coding) view.footnotes = &row.coding->footnote_ids;
            return FORM4_OK;
        case FORM4_FIELD_FORM_TYPE:
            if (row.coding) view = coded_view(row.coding->form_type);
            return FORM4_OK;
        case FORM4_FIELD_TRANSACTION_CODE:
            if constexpr (requires { row.coding->code; }) {
                if (row.coding) view = coded_view(row.coding->code);
                return FORM4_OK;
            } else {
                return FORM4_E_NOT_APPLICABLE;
            }
        case FORM4_FIELD_EQUITY_SWAP_INVOLVED:
            if constexpr (requires { row.coding->equity_swap_involved; }) {
                if (row.coding && row.coding->equity_swap_involved) {
                    view.present = true;
                    view.flag = *row.coding->equity_swap_involved;
                }
                return FORM4_OK;
            } else {
                return FORM4_E_NOT_APPLICABLE;
            }
        default: return FORM4_E_INVALID_ARGUMENT;
    }
}

int resolve(field_view& view, const row_impl& row, std::int32_t field) {
    switch (row.table) {
        case FORM4_TABLE_NON_DERIVATIVE_TRANSACTION:
            return resolve(view, *static_cast<const form4::non_derivative_transaction*>(row.model), field);
        case FORM4_TABLE_NON_DERIVATIVE_HOLDING:
            return resolve(view, *static_cast<const form4::non_derivative_holding*>(row.model), field);
        case FORM4_TABLE_DERIVATIVE_TRANSACTION:
            return resolve(view, *static_cast<const form4::derivative_transaction*>(row.model), field);
        case FORM4_TABLE_DERIVATIVE_HOLDING:
            return resolve(view, *static_cast<const form4::derivative_holding*>(row.model), field);
        default: return FORM4_E_INTERNAL;
    }
}

// Checks the field number, that the row's table has it and (unless
// `expected_kind` is negative) that it holds that kind of value; then
// resolves it. Records the failure otherwise.
int lookup(field_view& view, const form4_row* row, std::int32_t field, std::int32_t expected_kind,
           const char* function) {
    if (!is_field(field))
        return fail(FORM4_E_INVALID_ARGUMENT, function, "%d is not a FORM4_FIELD_* value", static_cast<int>(field));
    if (expected_kind >= 0 && fields[static_cast<std::size_t>(field)].kind != expected_kind)
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
        *out = fields[static_cast<std::size_t>(field)].kind;
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
