// A parse result as a pickle stream: a walk over the model's description.
//
// Each described struct is a frozen dataclass: NEWOBJ, then BUILD from a dict
// of its members in declaration order. Small immutable values (codes,
// footnoted values, the groups in pickled_groups) are hash-consed: each
// distinct one is defined once per stream and referred to after that. A
// definition leaves the stack as it was, so it may come anywhere, even
// between a key and its value.
#include "pickle_document.hpp"

#include <array>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "pickle_memo.hpp"
#include "pickle_shared.hpp"
#include "util/decimal_text.hpp"

namespace form4::capi::pickle {
namespace {

using model::is_coded;
using model::is_footnoted;

// The structs written as hash-consed values: they repeat within a filing.
// Every other described struct is written in place.
template <class T>
inline constexpr bool is_group =
    std::is_same_v<T, form4::transaction_coding> || std::is_same_v<T, form4::holding_coding> ||
    std::is_same_v<T, form4::post_transaction_amounts> || std::is_same_v<T, form4::ownership_nature> ||
    std::is_same_v<T, form4::underlying_security>;

template <class T>
struct is_group_or_optional_group : std::bool_constant<is_group<T>> {};
template <class T>
struct is_group_or_optional_group<std::optional<T>> : std::bool_constant<is_group<T>> {};

// A member whose value is a ref (defined apart, then referred to).
template <class T>
inline constexpr bool is_value = is_footnoted<T> || is_coded<T> || is_group_or_optional_group<T>::value;

class document_writer {
public:
    // shared_in_memo: the unpickler's memo holds the shared objects at their
    // indexes already, so they are memo gets from the start.
    document_writer(pickle_writer& w, bool shared_in_memo)
        : w_(w), s_(shared()), shared_in_memo_(shared_in_memo), next_memo_(shared_in_memo ? s_.count : 0) {
        if (!shared_in_memo) shared_memo_.assign(s_.count, unused);
    }

    void document(const form4::document& d, const form4::parse_result& parsed, std::uint32_t diagnostics_memo) {
        begin(class_of<form4::document>());
        members(d);
        field(key("diagnostics"));
        w_.get(diagnostics_memo);
        field(key("format"));
        shared_ref(member(kind::format, static_cast<std::size_t>(parsed.format)));
        end();
    }

    // Defines the tuple of diagnostics in the memo and returns its index.
    std::uint32_t diagnostics(const std::vector<form4::diagnostic>& diagnostics) {
        tuple_of(diagnostics, [&](const form4::diagnostic& d) {
            begin(class_of(cls::Diagnostic));
            field(key("severity"));
            shared_ref(member(kind::severity, static_cast<std::size_t>(d.level)));
            field(key("code"));
            w_.text(d.code);
            field(key("message"));
            w_.text(d.message);
            field(key("line"));
            w_.unsigned_integer(d.line);
            field(key("column"));
            w_.unsigned_integer(d.column);
            end();
        });
        w_.put(next_memo_);
        w_.opcode(op::pop);
        return next_memo_++;
    }

private:
    static constexpr std::uint32_t unused = UINT32_MAX;

    std::uint32_t member(kind k, std::size_t index) const {
        return s_.member[static_cast<std::size_t>(k)] + static_cast<std::uint32_t>(index);
    }

    // A shared object: a persistent id on first use in the stream, memoized,
    // then a memo get (an array index in the unpickler, where a persistent
    // id is a call).
    FORM4_HOT_INLINE void shared_ref(std::uint32_t index) {
        if (shared_in_memo_) return w_.get(index);
        std::uint32_t& memo = shared_memo_[index];
        if (memo != unused) return w_.get(memo);
        w_.persistent(index);
        w_.put(next_memo_);
        memo = next_memo_++;
    }

    void begin(std::uint32_t class_index) {
        shared_ref(shared_objects::of_class(class_index));
        w_.opcode(op::empty_tuple);
        w_.opcode(op::newobj);
        w_.opcode(op::empty_dict);
        w_.opcode(op::mark);
    }
    void end() {
        w_.opcode(op::setitems);
        w_.opcode(op::build);
    }
    FORM4_HOT_INLINE void field(std::uint32_t k) { shared_ref(shared_objects::of_key(k)); }

    void emit(const ref& r) {
        switch (r.where) {
            case ref::memo: w_.get(r.index); break;
            case ref::shared: shared_ref(r.index); break;
            case ref::none: w_.opcode(op::none); break;
        }
    }

    template <class Range, class Write>
    void tuple_of(const Range& items, Write write) {
        if (items.empty()) return w_.opcode(op::empty_tuple);
        w_.opcode(op::mark);
        for (const auto& item : items) write(item);
        w_.opcode(op::tuple);
    }

    // ---- the walk ------------------------------------------------------------

    template <model::described T>
    void record(const T& x) {
        begin(class_of<T>());
        members(x);
        end();
    }

    template <model::described T>
    void members(const T& x) {
        model::for_each_descriptor<T>([&](auto d) {
            constexpr std::uint32_t k = key(model::external_name(decltype(d)::name));
            member_field(k, x.*d.pointer);
        });
    }

    template <class T>
    void member_field(std::uint32_t k, const T& value) {
        if constexpr (is_value<T>) {
            const ref r = value_of(value);  // defined before its key is written
            field(k);
            emit(r);
        } else {
            field(k);
            plain(value);
        }
    }

    // Values written where they stand.
    void plain(const std::string& s) { w_.text(s); }
    void plain(const std::optional<bool>& b) { w_.optional_boolean(b); }
    void plain(const std::optional<form4::date>& d) {
        if (d) date_value(*d);
        else w_.opcode(op::none);
    }
    void plain(const std::optional<form4::date_time>& t) { optional_date_time(t); }
    void plain(const std::vector<std::string>& items) {
        tuple_of(items, [&](const std::string& s) { w_.text(s); });
    }
    template <model::described T>
    void plain(const std::vector<T>& items) {
        tuple_of(items, [&](const T& x) { record(x); });
    }
    template <model::described T>
    void plain(const T& x) {
        record(x);
    }

    void date_value(const form4::date& d) {
        if (d.is_special()) return w_.opcode(op::none);  // as the getters: absent
        const auto ymd = d.year_month_day();
        const unsigned year = ymd.year;
        // datetime.date's own pickled state: year (big-endian), month, day.
        const char state[4] = {static_cast<char>(year >> 8), static_cast<char>(year & 0xFF),
                               static_cast<char>(ymd.month.as_number()), static_cast<char>(ymd.day.as_number())};
        shared_ref(shared_objects::of_class(class_of(cls::date)));
        w_.short_bytes(state, sizeof state);
        w_.opcode(op::tuple1);
        w_.opcode(op::reduce);
    }
    void optional_date_time(const std::optional<form4::date_time>& t) {
        if (!t || t->is_special()) return w_.opcode(op::none);
        const auto ymd = t->date().year_month_day();
        const unsigned year = ymd.year;
        const auto clock = t->time_of_day();
        // datetime.datetime's own pickled state (naive): year (big-endian),
        // month, day, hour, minute, second, microseconds (three bytes, zero).
        const char state[10] = {static_cast<char>(year >> 8), static_cast<char>(year & 0xFF),
                                static_cast<char>(ymd.month.as_number()), static_cast<char>(ymd.day.as_number()),
                                static_cast<char>(clock.hours()), static_cast<char>(clock.minutes()),
                                static_cast<char>(clock.seconds()), 0, 0, 0};
        shared_ref(shared_objects::of_class(class_of(cls::datetime)));
        w_.short_bytes(state, sizeof state);
        w_.opcode(op::tuple1);
        w_.opcode(op::reduce);
    }

    // ---- hash-consed values --------------------------------------------------
    // The key says what the value is made of; a value seen before in this
    // stream is its memo entry.

    void key_piece(std::string_view piece) {
        const auto size = static_cast<std::uint32_t>(piece.size());
        key_.append(reinterpret_cast<const char*>(&size), sizeof size);
        key_.append(piece);
    }
    void key_ref(const ref& r) {
        key_ += static_cast<char>(r.where);
        key_.append(reinterpret_cast<const char*>(&r.index), sizeof r.index);
    }
    const ref* seen() { return seen_.find(key_); }
    // Ends the definition of a value just built on the stack: memoized and
    // popped. Remembered under key_.
    ref define() {
        w_.put(next_memo_);
        w_.opcode(op::pop);
        const ref r{ref::memo, next_memo_++};
        seen_.insert(key_, r);
        return r;
    }

    template <class E>
    ref value_of(const form4::coded<E>& c) {
        constexpr kind k = kind_of<E>();
        const auto index = static_cast<std::size_t>(c.value);
        if (c.text == code_text(k, index))
            return {ref::shared, s_.coded[static_cast<std::size_t>(k)] + static_cast<std::uint32_t>(index)};
        key_.assign(1, 'c');
        key_ += static_cast<char>(k);
        key_ += static_cast<char>(index);
        key_piece(c.text);
        if (const ref* r = seen()) return *r;
        begin(class_of(cls::Coded));
        field(key("value"));
        shared_ref(member(k, index));
        field(key("text"));
        w_.text(c.text);
        end();
        return define();
    }

    // A footnoted value: `tag` and `value_key` identify the value, `write`
    // writes it (the key is built before anything is written).
    template <class Write>
    ref footnoted(char tag, bool has_value, std::string_view value_key, const std::vector<std::string>& ids,
                  Write write) {
        key_.assign(1, tag);
        key_ += has_value ? '1' : '0';
        key_piece(value_key);
        for (const auto& id : ids) key_piece(id);
        if (const ref* r = seen()) return *r;
        begin(class_of(cls::Footnoted));
        field(key("value"));
        if (has_value) write();
        else w_.opcode(op::none);
        field(key("footnotes"));
        plain(ids);
        end();
        return define();
    }

    ref value_of(const form4::footnoted<std::string>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        const std::string_view value = f.value ? std::string_view(*f.value) : std::string_view();
        return footnoted('s', f.value.has_value(), value, f.footnote_ids, [&] { w_.text(value); });
    }
    ref value_of(const form4::footnoted<form4::decimal>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        const std::string text = f.value ? util::decimal_text(*f.value) : std::string();
        return footnoted('n', f.value.has_value(), text, f.footnote_ids, [&] {
            shared_ref(shared_objects::of_class(class_of(cls::Decimal)));
            w_.text(text);
            w_.opcode(op::tuple1);
            w_.opcode(op::reduce);
        });
    }
    ref value_of(const form4::footnoted<form4::date>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        char state[16] = {};
        std::size_t size = 0;
        if (f.value && !f.value->is_special()) {
            const auto ymd = f.value->year_month_day();
            const unsigned year = ymd.year;
            state[0] = static_cast<char>(year >> 8);
            state[1] = static_cast<char>(year & 0xFF);
            state[2] = static_cast<char>(ymd.month.as_number());
            state[3] = static_cast<char>(ymd.day.as_number());
            size = 4;
        }
        // A special date is written as None: key it as an absent value.
        return footnoted('d', size != 0, std::string_view(state, size), f.footnote_ids,
                         [&] { date_value(*f.value); });
    }
    template <class E>
    ref value_of(const form4::footnoted<form4::coded<E>>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        constexpr kind k = kind_of<E>();
        if (f.value && f.footnote_ids.empty()) {
            const auto index = static_cast<std::size_t>(f.value->value);
            if (f.value->text == code_text(k, index))
                return {ref::shared, s_.footnoted_coded[static_cast<std::size_t>(k)] + static_cast<std::uint32_t>(index)};
        }
        const ref value = f.value ? value_of(*f.value) : ref{};
        std::string value_key;
        value_key += static_cast<char>(value.where);
        value_key.append(reinterpret_cast<const char*>(&value.index), sizeof value.index);
        return footnoted(static_cast<char>('A' + static_cast<char>(k)), f.value.has_value(), value_key,
                         f.footnote_ids, [&] { emit(value); });
    }

    template <class T>
    ref value_of(const std::optional<T>& group) {
        return group ? value_of(*group) : ref{};
    }

    // A group: its deduplicated parts are defined first (building one uses
    // key_), then the group's key is made of them and of its plain members.
    template <model::described T>
        requires is_group<T>
    ref value_of(const T& x) {
        std::array<ref, model::member_count<T>> parts{};
        std::size_t i = 0;
        model::for_each_member(x, [&](std::string_view, const auto& m) {
            if constexpr (is_value<std::remove_cvref_t<decltype(m)>>) parts[i] = value_of(m);
            ++i;
        });
        if constexpr (std::is_same_v<T, form4::ownership_nature>)
            if (const auto common = common_ownership(parts)) return *common;
        key_.assign(1, static_cast<char>(0x80 | class_of<T>()));
        i = 0;
        model::for_each_member(x, [&](std::string_view, const auto& m) { key_part(m, parts[i++]); });
        if (const ref* r = seen()) return *r;
        begin(class_of<T>());
        i = 0;
        model::for_each_descriptor<T>([&](auto d) {
            field(key(model::external_name(decltype(d)::name)));
            if constexpr (is_value<std::remove_cvref_t<decltype(x.*d.pointer)>>) emit(parts[i]);
            else plain(x.*d.pointer);
            ++i;
        });
        end();
        return define();
    }

    template <class T>
    void key_part(const T& member, const ref& part) {
        if constexpr (is_value<T>) {
            key_ref(part);
        } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
            key_ += member ? (*member ? '1' : '0') : '-';
        } else {
            static_assert(std::is_same_v<T, std::vector<std::string>>, "a group member of a kind the key cannot hold");
            const auto count = static_cast<std::uint32_t>(member.size());
            key_.append(reinterpret_cast<const char*>(&count), sizeof count);
            for (const auto& id : member) key_piece(id);
        }
    }

    // The commonest ownership natures (a plain D or I) are shared objects.
    std::optional<ref> common_ownership(const std::array<ref, 2>& parts) const {
        const ref form = parts[0], nature = parts[1];
        const auto forms = static_cast<std::size_t>(kind::ownership_form);
        if (form.where == ref::shared && nature.where == ref::shared && nature.index == s_.empty_footnoted &&
            form.index >= s_.footnoted_coded[forms] && form.index < s_.footnoted_coded[forms] + kind_sizes[forms])
            return ref{ref::shared, s_.ownership_nature + (form.index - s_.footnoted_coded[forms])};
        return std::nullopt;
    }

    pickle_writer& w_;
    const shared_objects& s_;
    const bool shared_in_memo_;               // shared object i is memo entry i from the start
    std::vector<std::uint32_t> shared_memo_;  // otherwise: shared object -> its memo entry in this stream, once used
    value_table seen_;
    std::string key_;
    std::uint32_t next_memo_ = 0;
};

}  // namespace

void write_result(pickle_writer& w, const form4::parse_result& parsed, bool shared_in_memo) {
    document_writer writer(w, shared_in_memo);
    const std::uint32_t diagnostics = writer.diagnostics(parsed.diagnostics);
    if (parsed.doc) writer.document(*parsed.doc, parsed, diagnostics);
    else w.opcode(op::none);
    w.get(diagnostics);
    w.opcode(op::tuple2);
}

}  // namespace form4::capi::pickle
