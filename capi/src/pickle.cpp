// Results as pickle streams, for the Python package: form4_result_to_pickle,
// form4_dataset_to_pickle and form4_pickle_shared_objects.
//
// Why pickle: Python's C unpickler builds objects without running any
// Python code. A frozen dataclass is NEWOBJ (object.__new__) then BUILD
// (its __dict__ filled from a dict): what the package's Python builder did
// by hand, without an interpreted call per object and without JSON first.
//
// Why persistent ids: the stream names no globals (no import lookup per
// class per stream) and can point at objects built once per process: the
// classes, field names, enum members and the commonest codes.
//
// Why a memo of values: a document repeats small immutable values (a code,
// a footnoted "0", an ownership nature of "D"). Each distinct one is built
// once per stream and referenced after that (hash-consing on its content).
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "shim.hpp"

using namespace form4::capi;

namespace {

// Protocol 4 opcodes (Lib/pickletools.py describes each).
namespace op {
constexpr char proto = '\x80', frame = '\x95', stop = '.', mark = '(', pop = '0';
constexpr char none = 'N', newtrue = '\x88', newfalse = '\x89';
constexpr char binint1 = 'K', binint2 = 'M', binint = 'J', long1 = '\x8a';
constexpr char short_binunicode = '\x8c', binunicode = 'X', binunicode8 = '\x8d', short_binbytes = 'C';
constexpr char empty_tuple = ')', tuple1 = '\x85', tuple2 = '\x86', tuple = 't';
constexpr char empty_dict = '}', setitems = 'u', empty_list = ']', appends = 'e', list = 'l';
constexpr char newobj = '\x81', build = 'b', reduce = 'R', stack_global = '\x93', binpersid = 'Q';
constexpr char binput = 'q', long_binput = 'r', binget = 'h', long_binget = 'j';
}  // namespace op

// Python's bytes.decode("utf-8", "replace") would replace each maximal
// invalid subpart with one U+FFFD; the unpickler instead refuses invalid
// UTF-8, so the writer replaces exactly as that decode would (the JSON
// path decoded that way, and stray bytes must not fail a whole filing).
// Without `replaced`: only whether the text is valid.
bool valid_utf8(std::string_view text, std::string* replaced) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0, run = 0;
    bool valid = true;
    while (i < n) {
        if (i + 8 <= n) {  // ASCII eight bytes at a time: nearly all text
            std::uint64_t word;
            std::memcpy(&word, p + i, sizeof word);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t need = 0;
        unsigned char low = 0x80, high = 0xBF;  // range of the second byte
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c == 0xE0) need = 2, low = 0xA0;
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
        else if (c == 0xED) need = 2, high = 0x9F;
        else if (c == 0xF0) need = 3, low = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) need = 3;
        else if (c == 0xF4) need = 3, high = 0x8F;
        std::size_t j = i + 1;
        bool ok = need > 0;
        for (std::size_t k = 0; ok && k < need; ++k, ++j) {
            if (j >= n) {
                ok = false;
                break;
            }
            const unsigned char b = p[j];
            if (k == 0 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            i = j;
            continue;
        }
        if (replaced == nullptr) return false;
        valid = false;
        replaced->append(text.data() + run, i - run);
        replaced->append("\xEF\xBF\xBD");
        i = run = j;  // [i, j) is the maximal invalid subpart
    }
    if (!valid && replaced != nullptr) replaced->append(text.data() + run, n - run);
    return valid;
}

// The stream, in a malloc'd buffer that becomes the caller's string as it
// is (form4_string_free is free()). Opcodes and operands are stored with
// one capacity check each: a document is thousands of tiny writes.
// Small and called a few thousand times a document: inlined even into the
// large writer functions, where GCC's size limits would otherwise keep calls.
#if defined(__GNUC__)
#define FORM4_HOT_INLINE __attribute__((always_inline)) inline
#else
#define FORM4_HOT_INLINE inline
#endif

class pickle_writer {
public:
    pickle_writer() {
        grow(8192);
        char* p = room(11);
        p[0] = op::proto;
        p[1] = '\x04';
        // One frame for everything: an Unpickler reading a file then reads
        // the stream in one call instead of one per opcode. Length below.
        p[2] = op::frame;
        size_ += 11;
    }
    pickle_writer(const pickle_writer&) = delete;
    pickle_writer& operator=(const pickle_writer&) = delete;
    ~pickle_writer() { std::free(data_); }

    FORM4_HOT_INLINE void opcode(char c) {
        *room(1) = c;
        ++size_;
    }

    FORM4_HOT_INLINE void integer(std::int64_t value) {
        if (value >= 0 && value < 0x100) return with_operand(op::binint1, static_cast<std::uint64_t>(value), 1);
        if (value >= 0 && value < 0x10000) return with_operand(op::binint2, static_cast<std::uint64_t>(value), 2);
        if (value >= INT32_MIN && value <= INT32_MAX) return with_operand(op::binint, static_cast<std::uint64_t>(value), 4);
        opcode(op::long1);
        with_operand('\x08', static_cast<std::uint64_t>(value), 8);
    }
    void unsigned_integer(std::uint64_t value) {
        if (value <= static_cast<std::uint64_t>(INT64_MAX)) return integer(static_cast<std::int64_t>(value));
        opcode(op::long1);  // nine bytes: a zero byte keeps it positive
        with_operand('\x09', value, 8);
        opcode('\0');
    }

    void boolean(bool value) { opcode(value ? op::newtrue : op::newfalse); }
    void optional_boolean(const std::optional<bool>& value) { opcode(value ? (*value ? op::newtrue : op::newfalse) : op::none); }

    void text(std::string_view value) {
        if (valid_utf8(value, nullptr)) return raw_text(value);
        std::string replaced;
        valid_utf8(value, &replaced);
        raw_text(replaced);
    }

    void short_bytes(const char* data, std::size_t size) {  // size < 256
        with_operand(op::short_binbytes, size, 1);
        std::memcpy(room(size), data, size);
        size_ += size;
    }

    FORM4_HOT_INLINE void put(std::uint32_t memo) {
        if (memo < 0x100) with_operand(op::binput, memo, 1);
        else with_operand(op::long_binput, memo, 4);
    }
    FORM4_HOT_INLINE void get(std::uint32_t memo) {
        if (memo < 0x100) with_operand(op::binget, memo, 1);
        else with_operand(op::long_binget, memo, 4);
    }
    FORM4_HOT_INLINE void persistent(std::uint32_t index) {
        integer(index);
        opcode(op::binpersid);
    }

    // Ends the stream, fills in the frame length and hands the buffer over
    // (NUL-terminated, as every string of the library).
    char* release(std::size_t* size) {
        opcode(op::stop);
        const std::uint64_t frame = size_ - 11;
        for (int b = 0; b < 8; ++b) data_[3 + b] = static_cast<char>((frame >> (8 * b)) & 0xFF);
        *room(1) = '\0';
        *size = size_;
        char* out = data_;
        data_ = nullptr;
        size_ = capacity_ = 0;
        return out;
    }

private:
    FORM4_HOT_INLINE char* room(std::size_t n) {
        if (capacity_ - size_ < n) grow(size_ + n);
        return data_ + size_;
    }
    void grow(std::size_t at_least) {
        std::size_t capacity = capacity_ == 0 ? 8192 : capacity_ * 2;
        while (capacity < at_least) capacity *= 2;
        char* data = static_cast<char*>(std::realloc(data_, capacity));
        if (data == nullptr) throw std::bad_alloc();
        data_ = data;
        capacity_ = capacity;
    }
    FORM4_HOT_INLINE void with_operand(char code, std::uint64_t value, int bytes) {
        char* p = room(1 + static_cast<std::size_t>(bytes));
        p[0] = code;
        for (int b = 0; b < bytes; ++b) p[1 + b] = static_cast<char>((value >> (8 * b)) & 0xFF);
        size_ += 1 + static_cast<std::size_t>(bytes);
    }
    void raw_text(std::string_view value) {
        if (value.size() < 0x100) with_operand(op::short_binunicode, value.size(), 1);
        else if (value.size() <= 0xFFFFFFFFu) with_operand(op::binunicode, value.size(), 4);
        else with_operand(op::binunicode8, value.size(), 8);
        if (value.empty()) return;  // an empty view's data() may be null, which memcpy must not get
        std::memcpy(room(value.size()), value.data(), value.size());
        size_ += value.size();
    }

    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// ---------------------------------------------------------------------------
// The shared objects: what the persistent ids index. The Python names here
// are those of capi/python/form4/model.py (the package's tests compare every
// corpus document built from this stream with the JSON path).

#define FORM4_PICKLE_CLASSES(X)                                                                              \
    X(Document, "form4.model") X(Issuer, "form4.model") X(ReportingOwner, "form4.model")                    \
    X(ReportingOwnerId, "form4.model") X(Address, "form4.model") X(Relationship, "form4.model")             \
    X(NonDerivativeTransaction, "form4.model") X(NonDerivativeHolding, "form4.model")                       \
    X(DerivativeTransaction, "form4.model") X(DerivativeHolding, "form4.model")                             \
    X(TransactionCoding, "form4.model") X(HoldingCoding, "form4.model") X(PostTransactionAmounts, "form4.model") \
    X(OwnershipNature, "form4.model") X(UnderlyingSecurity, "form4.model") X(Footnoted, "form4.model")      \
    X(Coded, "form4.model") X(Footnote, "form4.model") X(Signature, "form4.model")                          \
    X(FilingMetadata, "form4.model") X(Diagnostic, "form4.model") X(Decimal, "decimal") X(date, "datetime")   \
    X(datetime, "datetime")

enum class cls : std::uint32_t {
#define FORM4_X(name, module) name,
    FORM4_PICKLE_CLASSES(FORM4_X)
#undef FORM4_X
        count
};
constexpr std::array<std::pair<std::string_view, std::string_view>, static_cast<std::size_t>(cls::count)> class_names{{
#define FORM4_X(name, module) {module, #name},
    FORM4_PICKLE_CLASSES(FORM4_X)
#undef FORM4_X
}};

#define FORM4_PICKLE_KEYS(X)                                                                                 \
    X(value) X(text) X(footnotes) X(cik) X(name) X(trading_symbol) X(foreign_trading_symbol) X(ccc)         \
    X(street1) X(street2) X(city) X(state) X(zip_code) X(state_description) X(non_us_state_territory)       \
    X(country) X(non_us_address) X(good_address) X(is_director) X(is_officer) X(is_ten_percent_owner)      \
    X(is_other) X(officer_title) X(other_text) X(id) X(address) X(relationship) X(form_type) X(code)        \
    X(equity_swap_involved) X(shares_owned) X(value_owned) X(direct_or_indirect) X(nature) X(title)         \
    X(shares) X(security_title) X(transaction_date) X(deemed_execution_date) X(coding) X(timeliness)        \
    X(price_per_share) X(acquired_disposed) X(post_transaction) X(ownership) X(conversion_or_exercise_price) \
    X(total_value) X(exercise_date) X(expiration_date) X(underlying) X(date) X(accession_number)            \
    X(filing_date) X(acceptance_datetime) X(submission_type) X(file_numbers) X(schema_version) X(type) X(period_of_report)         \
    X(date_of_original_submission) X(no_securities_owned) X(not_subject_to_section16)                       \
    X(form3_holdings_reported) X(form4_transactions_reported) X(aff10b5_one) X(issuer) X(reporting_owners)  \
    X(non_derivative_transactions) X(non_derivative_holdings) X(derivative_transactions)                    \
    X(derivative_holdings) X(remarks) X(signatures) X(filing) X(diagnostics) X(format) X(severity)          \
    X(message) X(line) X(column)

enum class key : std::uint32_t {
#define FORM4_X(name) name,
    FORM4_PICKLE_KEYS(FORM4_X)
#undef FORM4_X
        count
};
constexpr std::array<std::string_view, static_cast<std::size_t>(key::count)> key_names{{
#define FORM4_X(name) #name,
    FORM4_PICKLE_KEYS(FORM4_X)
#undef FORM4_X
}};

// Enumerations: the Python class and, per C++ enumerator (by its index),
// the C value, which the Python enum shares.
enum class kind : std::uint32_t {
    document_type,
    transaction_code,
    acquired_disposed,
    ownership_form,
    timeliness,
    form_type,
    severity,
    format,
    count
};
constexpr std::size_t kind_count = static_cast<std::size_t>(kind::count);
constexpr std::array<std::string_view, kind_count> kind_classes{
    "DocumentType", "TransactionCode", "AcquiredDisposed", "OwnershipForm", "Timeliness", "FormType", "Severity", "Format"};
constexpr std::array<std::size_t, kind_count> kind_sizes{7, 21, 3, 3, 3, 4, 3, 5};
constexpr std::size_t coded_kinds = 6;  // the first six are codes of the filing (form4.Coded)

std::int32_t c_value(kind k, std::size_t index) {
    switch (k) {
        case kind::document_type: return code_value(static_cast<form4::document_type>(index));
        case kind::transaction_code: return code_value(static_cast<form4::transaction_code>(index));
        case kind::acquired_disposed: return code_value(static_cast<form4::acquired_disposed>(index));
        case kind::ownership_form: return code_value(static_cast<form4::ownership_form>(index));
        case kind::timeliness: return code_value(static_cast<form4::timeliness>(index));
        case kind::form_type: return code_value(static_cast<form4::form_type>(index));
        case kind::severity: return severity_value(static_cast<form4::severity>(index));
        case kind::format: return format_value(static_cast<form4::input_format>(index));
        case kind::count: break;
    }
    return 0;
}

std::string_view code_text(kind k, std::size_t index) {
    switch (k) {
        case kind::document_type: return form4::to_string(static_cast<form4::document_type>(index));
        case kind::transaction_code: return form4::to_string(static_cast<form4::transaction_code>(index));
        case kind::acquired_disposed: return form4::to_string(static_cast<form4::acquired_disposed>(index));
        case kind::ownership_form: return form4::to_string(static_cast<form4::ownership_form>(index));
        case kind::timeliness: return form4::to_string(static_cast<form4::timeliness>(index));
        case kind::form_type: return form4::to_string(static_cast<form4::form_type>(index));
        default: return {};
    }
}

template <class E>
constexpr kind kind_of() {
    if constexpr (std::is_same_v<E, form4::document_type>) return kind::document_type;
    else if constexpr (std::is_same_v<E, form4::transaction_code>) return kind::transaction_code;
    else if constexpr (std::is_same_v<E, form4::acquired_disposed>) return kind::acquired_disposed;
    else if constexpr (std::is_same_v<E, form4::ownership_form>) return kind::ownership_form;
    else if constexpr (std::is_same_v<E, form4::timeliness>) return kind::timeliness;
    else return kind::form_type;
}

struct shared_objects {
    std::array<std::uint32_t, kind_count> member{};         // index of enumerator 0 of each kind
    std::array<std::uint32_t, coded_kinds> coded{};         // Coded(member, its text as the code tables spell it)
    std::array<std::uint32_t, coded_kinds> footnoted_coded{};  // Footnoted(that Coded), no footnotes
    std::uint32_t empty_footnoted = 0;                       // Footnoted()
    std::uint32_t ownership_nature = 0;                      // OwnershipNature(Footnoted(Coded(form)), Footnoted())
    std::uint32_t count = 0;                                 // entries of the list
    std::string stream;                                      // the list, pickled

    static constexpr std::uint32_t of(cls c) { return static_cast<std::uint32_t>(c); }
    static constexpr std::uint32_t of(key k) { return static_cast<std::uint32_t>(cls::count) + static_cast<std::uint32_t>(k); }
};

// The list is written with each entry memoized at its own index, so that
// later entries refer to earlier ones (a Coded to its class and member).
const shared_objects& shared() {
    static const shared_objects built = [] {
        shared_objects s;
        pickle_writer w;
        std::uint32_t next = 0;
        const auto entry = [&] { w.put(next); return next++; };
        w.opcode(op::mark);
        for (const auto& [module, name] : class_names) {
            w.text(module);
            w.text(name);
            w.opcode(op::stack_global);
            entry();
        }
        for (std::string_view name : key_names) {
            w.text(name);
            entry();
        }
        const auto begin_object = [&](cls c) {
            w.get(shared_objects::of(c));
            w.opcode(op::empty_tuple);
            w.opcode(op::newobj);
            w.opcode(op::empty_dict);
            w.opcode(op::mark);
        };
        const auto end_object = [&] {
            w.opcode(op::setitems);
            w.opcode(op::build);
        };
        const std::uint32_t enum_classes = next;
        for (std::size_t k = 0; k < kind_count; ++k) {  // the enum classes (not themselves in the list's index plan)
            w.text("form4.model");
            w.text(kind_classes[k]);
            w.opcode(op::stack_global);
            entry();
        }
        for (std::size_t k = 0; k < kind_count; ++k) {
            s.member[k] = next;
            for (std::size_t i = 0; i < kind_sizes[k]; ++i) {
                w.get(enum_classes + static_cast<std::uint32_t>(k));
                w.integer(c_value(static_cast<kind>(k), i));
                w.opcode(op::tuple1);
                w.opcode(op::reduce);
                entry();
            }
        }
        for (std::size_t k = 0; k < coded_kinds; ++k) {
            s.coded[k] = next;
            for (std::size_t i = 0; i < kind_sizes[k]; ++i) {
                begin_object(cls::Coded);
                w.get(shared_objects::of(key::value));
                w.get(s.member[k] + static_cast<std::uint32_t>(i));
                w.get(shared_objects::of(key::text));
                w.text(code_text(static_cast<kind>(k), i));
                end_object();
                entry();
            }
        }
        for (std::size_t k = 0; k < coded_kinds; ++k) {
            s.footnoted_coded[k] = next;
            for (std::size_t i = 0; i < kind_sizes[k]; ++i) {
                begin_object(cls::Footnoted);
                w.get(shared_objects::of(key::value));
                w.get(s.coded[k] + static_cast<std::uint32_t>(i));
                w.get(shared_objects::of(key::footnotes));
                w.opcode(op::empty_tuple);
                end_object();
                entry();
            }
        }
        begin_object(cls::Footnoted);
        w.get(shared_objects::of(key::value));
        w.opcode(op::none);
        w.get(shared_objects::of(key::footnotes));
        w.opcode(op::empty_tuple);
        end_object();
        s.empty_footnoted = entry();
        const auto ownership = static_cast<std::size_t>(kind::ownership_form);
        s.ownership_nature = next;
        for (std::size_t i = 0; i < kind_sizes[ownership]; ++i) {
            begin_object(cls::OwnershipNature);
            w.get(shared_objects::of(key::direct_or_indirect));
            w.get(s.footnoted_coded[ownership] + static_cast<std::uint32_t>(i));
            w.get(shared_objects::of(key::nature));
            w.get(s.empty_footnoted);
            end_object();
            entry();
        }
        w.opcode(op::list);
        s.count = next;
        std::size_t size = 0;
        char* stream = w.release(&size);
        s.stream.assign(stream, size);
        std::free(stream);
        return s;
    }();
    return built;
}

// ---------------------------------------------------------------------------
// A document.

// What a field holds: a memo entry of this stream, a shared object, or None.
struct ref {
    enum : std::uint8_t { memo, shared, none } where = none;
    std::uint32_t index = 0;
};

std::string decimal_text(const form4::decimal& d) {
    // As the JSON writer spells it (lib/json.cpp): a negative scale, which
    // decimal::parse never makes, means trailing zeros.
    std::string text = d.to_string();
    if (d.scale() < 0 && d.mantissa() != 0) text.append(static_cast<std::size_t>(-d.scale()), '0');
    return text;
}

// The values of a stream by their keys: open addressing over keys kept in
// one string, so that remembering a value allocates nothing most of the
// time (a std::unordered_map<std::string, ...> allocated a node and often
// a string per value and was a fifth of the writer's time).
class value_table {
public:
    value_table() : slots_(128) { keys_.reserve(2048); }

    // The value of `key`, or nullptr; an insert() of the same key that
    // follows reuses the hash computed here.
    const ref* find(std::string_view key) {
        const std::uint64_t h = last_hash_ = hash(key);
        for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            const slot& s = slots_[i];
            if (s.length == empty) return nullptr;
            if (s.hash == h && s.length == key.size() && std::memcmp(keys_.data() + s.offset, key.data(), key.size()) == 0)
                return &s.value;
        }
    }

    void insert(std::string_view key, const ref& value) {  // after a find() of the key that found nothing
        if (2 * (used_ + 1) > slots_.size()) grow();
        place({last_hash_, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), value});
        keys_.append(key);
        ++used_;
    }

private:
    static constexpr std::uint32_t empty = UINT32_MAX;
    struct slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t length = empty;
        ref value;
    };

    // Eight bytes at a time (keys are a few dozen bytes), then mixed.
    static std::uint64_t hash(std::string_view key) {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
        std::size_t i = 0;
        for (; i + 8 <= key.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, key.data() + i, sizeof word);
            h = (h ^ word) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, key.data() + i, key.size() - i);
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
        return h ^ (h >> 29);
    }
    void place(const slot& entry) {
        std::size_t i = entry.hash & (slots_.size() - 1);
        while (slots_[i].length != empty) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = entry;
    }
    void grow() {
        std::vector<slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const slot& s : old)
            if (s.length != empty) place(s);
    }

    std::vector<slot> slots_;
    std::string keys_;
    std::size_t used_ = 0;
    std::uint64_t last_hash_ = 0;
};

class document_writer {
public:
    // shared_in_memo: the unpickler's memo holds the shared objects at their
    // indexes already, so they are memo gets from the start.
    document_writer(pickle_writer& w, bool shared_in_memo)
        : w_(w), s_(shared()), shared_in_memo_(shared_in_memo), next_memo_(shared_in_memo ? s_.count : 0) {
        if (!shared_in_memo) shared_memo_.assign(s_.count, unused);
    }

    void document(const form4::document& d, const form4::parse_result& parsed, std::uint32_t diagnostics_memo) {
        begin(cls::Document);
        field(key::schema_version);
        w_.text(d.schema_version);
        field(key::type);
        emit(coded(d.type));
        field(key::period_of_report);
        optional_date(d.period_of_report);
        field(key::date_of_original_submission);
        optional_date(d.date_of_original_submission);
        field(key::no_securities_owned);
        w_.optional_boolean(d.no_securities_owned);
        field(key::not_subject_to_section16);
        w_.optional_boolean(d.not_subject_to_section16);
        field(key::form3_holdings_reported);
        w_.optional_boolean(d.form3_holdings_reported);
        field(key::form4_transactions_reported);
        w_.optional_boolean(d.form4_transactions_reported);
        field(key::aff10b5_one);
        w_.optional_boolean(d.aff10b5_one);
        field(key::issuer);
        begin(cls::Issuer);
        text_field(key::cik, d.issuer.cik);
        text_field(key::name, d.issuer.name);
        text_field(key::trading_symbol, d.issuer.trading_symbol);
        text_field(key::foreign_trading_symbol, d.issuer.foreign_trading_symbol);
        end();
        field(key::reporting_owners);
        tuple_of(d.reporting_owners, [&](const form4::reporting_owner& o) { reporting_owner(o); });
        field(key::non_derivative_transactions);
        tuple_of(d.non_derivative_transactions, [&](const auto& r) { non_derivative_transaction(r); });
        field(key::non_derivative_holdings);
        tuple_of(d.non_derivative_holdings, [&](const auto& r) { non_derivative_holding(r); });
        field(key::derivative_transactions);
        tuple_of(d.derivative_transactions, [&](const auto& r) { derivative_transaction(r); });
        field(key::derivative_holdings);
        tuple_of(d.derivative_holdings, [&](const auto& r) { derivative_holding(r); });
        field(key::footnotes);
        tuple_of(d.footnotes, [&](const form4::footnote& f) {
            begin(cls::Footnote);
            text_field(key::id, f.id);
            text_field(key::text, f.text);
            end();
        });
        text_field(key::remarks, d.remarks);
        field(key::signatures);
        tuple_of(d.signatures, [&](const form4::signature& s) {
            begin(cls::Signature);
            text_field(key::name, s.name);
            field(key::date);
            optional_date(s.date);
            end();
        });
        field(key::filing);
        begin(cls::FilingMetadata);
        text_field(key::accession_number, d.filing.accession_number);
        field(key::filing_date);
        optional_date(d.filing.filing_date);
        field(key::acceptance_datetime);
        optional_date_time(d.filing.acceptance_datetime);
        text_field(key::submission_type, d.filing.submission_type);
        field(key::file_numbers);
        texts(d.filing.file_numbers);
        end();
        field(key::diagnostics);
        w_.get(diagnostics_memo);
        field(key::format);
        shared_ref(member(kind::format, format_index(parsed.format)));
        end();
    }

    // Defines the tuple of diagnostics in the memo and returns its index.
    std::uint32_t diagnostics(const std::vector<form4::diagnostic>& diagnostics) {
        tuple_of(diagnostics, [&](const form4::diagnostic& d) {
            begin(cls::Diagnostic);
            field(key::severity);
            shared_ref(member(kind::severity, static_cast<std::size_t>(d.level)));
            text_field(key::code, d.code);
            text_field(key::message, d.message);
            field(key::line);
            w_.unsigned_integer(d.line);
            field(key::column);
            w_.unsigned_integer(d.column);
            end();
        });
        w_.put(next_memo_);
        w_.opcode(op::pop);
        return next_memo_++;
    }

private:
    static std::size_t format_index(form4::input_format f) { return static_cast<std::size_t>(f); }

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

    void begin(cls c) {
        shared_ref(shared_objects::of(c));
        w_.opcode(op::empty_tuple);
        w_.opcode(op::newobj);
        w_.opcode(op::empty_dict);
        w_.opcode(op::mark);
    }
    void end() {
        w_.opcode(op::setitems);
        w_.opcode(op::build);
    }
    FORM4_HOT_INLINE void field(key k) { shared_ref(shared_objects::of(k)); }
    void text_field(key k, std::string_view value) {
        field(k);
        w_.text(value);
    }

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
    void texts(const std::vector<std::string>& items) {
        tuple_of(items, [&](const std::string& s) { w_.text(s); });
    }

    void date_value(const form4::date& d) {
        if (d.is_special()) return w_.opcode(op::none);  // as the getters: absent
        const auto ymd = d.year_month_day();
        const unsigned year = ymd.year;
        // datetime.date's own pickled state: year (big-endian), month, day.
        const char state[4] = {static_cast<char>(year >> 8), static_cast<char>(year & 0xFF),
                               static_cast<char>(ymd.month.as_number()), static_cast<char>(ymd.day.as_number())};
        shared_ref(shared_objects::of(cls::date));
        w_.short_bytes(state, sizeof state);
        w_.opcode(op::tuple1);
        w_.opcode(op::reduce);
    }
    void optional_date(const std::optional<form4::date>& d) {
        if (d) date_value(*d);
        else w_.opcode(op::none);
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
        shared_ref(shared_objects::of(cls::datetime));
        w_.short_bytes(state, sizeof state);
        w_.opcode(op::tuple1);
        w_.opcode(op::reduce);
    }

    // Hash-consing: the key says what the value is made of; a value seen
    // before in this stream is its memo entry.
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
    // popped, so that a definition leaves the stack as it was and may come
    // anywhere, even between a key and its value. Remembered under key_.
    ref define() {
        w_.put(next_memo_);
        w_.opcode(op::pop);
        const ref r{ref::memo, next_memo_++};
        seen_.insert(key_, r);
        return r;
    }
    template <class E>
    ref coded(const form4::coded<E>& c) {
        constexpr kind k = kind_of<E>();
        const auto index = static_cast<std::size_t>(c.value);
        if (c.text == code_text(k, index))
            return {ref::shared, s_.coded[static_cast<std::size_t>(k)] + static_cast<std::uint32_t>(index)};
        key_.assign(1, 'c');
        key_ += static_cast<char>(k);
        key_ += static_cast<char>(index);
        key_piece(c.text);
        if (const ref* r = seen()) return *r;
        begin(cls::Coded);
        field(key::value);
        shared_ref(member(k, index));
        text_field(key::text, c.text);
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
        begin(cls::Footnoted);
        field(key::value);
        if (has_value) write();
        else w_.opcode(op::none);
        field(key::footnotes);
        texts(ids);
        end();
        return define();
    }

    ref footnoted_text(const form4::footnoted<std::string>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        const std::string_view value = f.value ? std::string_view(*f.value) : std::string_view();
        return footnoted('s', f.value.has_value(), value, f.footnote_ids, [&] { w_.text(value); });
    }
    ref footnoted_decimal(const form4::footnoted<form4::decimal>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        const std::string text = f.value ? decimal_text(*f.value) : std::string();
        return footnoted('n', f.value.has_value(), text, f.footnote_ids, [&] {
            shared_ref(shared_objects::of(cls::Decimal));
            w_.text(text);
            w_.opcode(op::tuple1);
            w_.opcode(op::reduce);
        });
    }
    ref footnoted_date(const form4::footnoted<form4::date>& f) {
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
    ref footnoted_code(const form4::footnoted<form4::coded<E>>& f) {
        if (f.empty()) return {ref::shared, s_.empty_footnoted};
        constexpr kind k = kind_of<E>();
        if (f.value && f.footnote_ids.empty()) {
            const auto index = static_cast<std::size_t>(f.value->value);
            if (f.value->text == code_text(k, index))
                return {ref::shared, s_.footnoted_coded[static_cast<std::size_t>(k)] + static_cast<std::uint32_t>(index)};
        }
        const ref value = f.value ? coded(*f.value) : ref{};
        std::string value_key;
        value_key += static_cast<char>(value.where);
        value_key.append(reinterpret_cast<const char*>(&value.index), sizeof value.index);
        return footnoted(static_cast<char>('A' + static_cast<char>(k)), f.value.has_value(), value_key,
                         f.footnote_ids, [&] { emit(value); });
    }

    ref transaction_coding(const std::optional<form4::transaction_coding>& coding) {
        if (!coding) return {};
        const ref form_type = coded(coding->form_type);
        const ref code = coded(coding->code);
        key_.assign(1, 'T');
        key_ref(form_type);
        key_ref(code);
        key_ += coding->equity_swap_involved ? (*coding->equity_swap_involved ? '1' : '0') : '-';
        for (const auto& id : coding->footnote_ids) key_piece(id);
        if (const ref* r = seen()) return *r;
        begin(cls::TransactionCoding);
        field(key::form_type);
        emit(form_type);
        field(key::code);
        emit(code);
        field(key::equity_swap_involved);
        w_.optional_boolean(coding->equity_swap_involved);
        field(key::footnotes);
        texts(coding->footnote_ids);
        end();
        return define();
    }
    ref holding_coding(const std::optional<form4::holding_coding>& coding) {
        if (!coding) return {};
        const ref form_type = coded(coding->form_type);
        key_.assign(1, 'H');
        key_ref(form_type);
        for (const auto& id : coding->footnote_ids) key_piece(id);
        if (const ref* r = seen()) return *r;
        begin(cls::HoldingCoding);
        field(key::form_type);
        emit(form_type);
        field(key::footnotes);
        texts(coding->footnote_ids);
        end();
        return define();
    }

    // An object of two or three deduplicated parts.
    ref composite(char tag, cls c, std::initializer_list<std::pair<key, ref>> parts) {
        key_.assign(1, tag);
        for (const auto& part : parts) key_ref(part.second);
        if (const ref* r = seen()) return *r;
        begin(c);
        for (const auto& [k, r] : parts) {
            field(k);
            emit(r);
        }
        end();
        return define();
    }
    ref post_transaction(const form4::post_transaction_amounts& p) {
        const ref shares = footnoted_decimal(p.shares_owned);
        const ref value = footnoted_decimal(p.value_owned);
        return composite('P', cls::PostTransactionAmounts, {{key::shares_owned, shares}, {key::value_owned, value}});
    }
    ref ownership(const form4::ownership_nature& o) {
        const ref form = footnoted_code(o.direct_or_indirect);
        const ref nature = footnoted_text(o.nature);
        const auto forms = static_cast<std::size_t>(kind::ownership_form);
        if (form.where == ref::shared && nature.where == ref::shared && nature.index == s_.empty_footnoted &&
            form.index >= s_.footnoted_coded[forms] && form.index < s_.footnoted_coded[forms] + kind_sizes[forms])
            return {ref::shared, s_.ownership_nature + (form.index - s_.footnoted_coded[forms])};
        return composite('O', cls::OwnershipNature, {{key::direct_or_indirect, form}, {key::nature, nature}});
    }
    ref underlying(const form4::underlying_security& u) {
        const ref title = footnoted_text(u.title);
        const ref shares = footnoted_decimal(u.shares);
        const ref value = footnoted_decimal(u.value);
        return composite('U', cls::UnderlyingSecurity,
                         {{key::title, title}, {key::shares, shares}, {key::value, value}});
    }

    // Rows: their parts are defined first (each definition leaves the stack
    // as it was), then the row is built on the stack.
    void row(cls c, std::initializer_list<std::pair<key, ref>> fields) {
        begin(c);
        for (const auto& [k, r] : fields) {
            field(k);
            emit(r);
        }
        end();
    }
    void non_derivative_transaction(const form4::non_derivative_transaction& r) {
        row(cls::NonDerivativeTransaction,
            {{key::security_title, footnoted_text(r.security_title)},
             {key::transaction_date, footnoted_date(r.transaction_date)},
             {key::deemed_execution_date, footnoted_date(r.deemed_execution_date)},
             {key::coding, transaction_coding(r.coding)},
             {key::timeliness, footnoted_code(r.timeliness)},
             {key::shares, footnoted_decimal(r.shares)},
             {key::price_per_share, footnoted_decimal(r.price_per_share)},
             {key::acquired_disposed, footnoted_code(r.acquired_disposed)},
             {key::post_transaction, post_transaction(r.post_transaction)},
             {key::ownership, ownership(r.ownership)}});
    }
    void non_derivative_holding(const form4::non_derivative_holding& r) {
        row(cls::NonDerivativeHolding,
            {{key::security_title, footnoted_text(r.security_title)},
             {key::coding, holding_coding(r.coding)},
             {key::post_transaction, post_transaction(r.post_transaction)},
             {key::ownership, ownership(r.ownership)}});
    }
    void derivative_transaction(const form4::derivative_transaction& r) {
        row(cls::DerivativeTransaction,
            {{key::security_title, footnoted_text(r.security_title)},
             {key::conversion_or_exercise_price, footnoted_decimal(r.conversion_or_exercise_price)},
             {key::transaction_date, footnoted_date(r.transaction_date)},
             {key::deemed_execution_date, footnoted_date(r.deemed_execution_date)},
             {key::coding, transaction_coding(r.coding)},
             {key::timeliness, footnoted_code(r.timeliness)},
             {key::shares, footnoted_decimal(r.shares)},
             {key::total_value, footnoted_decimal(r.total_value)},
             {key::price_per_share, footnoted_decimal(r.price_per_share)},
             {key::acquired_disposed, footnoted_code(r.acquired_disposed)},
             {key::exercise_date, footnoted_date(r.exercise_date)},
             {key::expiration_date, footnoted_date(r.expiration_date)},
             {key::underlying, underlying(r.underlying)},
             {key::post_transaction, post_transaction(r.post_transaction)},
             {key::ownership, ownership(r.ownership)}});
    }
    void derivative_holding(const form4::derivative_holding& r) {
        row(cls::DerivativeHolding,
            {{key::security_title, footnoted_text(r.security_title)},
             {key::conversion_or_exercise_price, footnoted_decimal(r.conversion_or_exercise_price)},
             {key::coding, holding_coding(r.coding)},
             {key::exercise_date, footnoted_date(r.exercise_date)},
             {key::expiration_date, footnoted_date(r.expiration_date)},
             {key::underlying, underlying(r.underlying)},
             {key::post_transaction, post_transaction(r.post_transaction)},
             {key::ownership, ownership(r.ownership)}});
    }

    void reporting_owner(const form4::reporting_owner& o) {
        begin(cls::ReportingOwner);
        field(key::id);
        begin(cls::ReportingOwnerId);
        text_field(key::cik, o.id.cik);
        text_field(key::ccc, o.id.ccc);
        text_field(key::name, o.id.name);
        end();
        field(key::address);
        begin(cls::Address);
        text_field(key::street1, o.address.street1);
        text_field(key::street2, o.address.street2);
        text_field(key::city, o.address.city);
        text_field(key::state, o.address.state);
        text_field(key::zip_code, o.address.zip_code);
        text_field(key::state_description, o.address.state_description);
        text_field(key::non_us_state_territory, o.address.non_us_state_territory);
        text_field(key::country, o.address.country);
        field(key::non_us_address);
        w_.optional_boolean(o.address.non_us_address);
        field(key::good_address);
        w_.optional_boolean(o.address.good_address);
        end();
        field(key::relationship);
        begin(cls::Relationship);
        field(key::is_director);
        w_.optional_boolean(o.relationship.is_director);
        field(key::is_officer);
        w_.optional_boolean(o.relationship.is_officer);
        field(key::is_ten_percent_owner);
        w_.optional_boolean(o.relationship.is_ten_percent_owner);
        field(key::is_other);
        w_.optional_boolean(o.relationship.is_other);
        text_field(key::officer_title, o.relationship.officer_title);
        text_field(key::other_text, o.relationship.other_text);
        end();
        end();
    }

    static constexpr std::uint32_t unused = UINT32_MAX;

    pickle_writer& w_;
    const shared_objects& s_;
    const bool shared_in_memo_;               // shared object i is memo entry i from the start
    std::vector<std::uint32_t> shared_memo_;  // otherwise: shared object -> its memo entry in this stream, once used
    value_table seen_;
    std::string key_;
    std::uint32_t next_memo_ = 0;
};

int put_stream(char** out, size_t* out_len, const std::string& stream, const char* function) {
    char* copy = static_cast<char*>(std::malloc(stream.size() + 1));
    if (copy == nullptr) return fail(FORM4_E_NO_MEMORY, function, "out of memory");
    std::memcpy(copy, stream.data(), stream.size());
    copy[stream.size()] = '\0';
    *out = copy;
    if (out_len) *out_len = stream.size();
    return FORM4_OK;
}

int hand_over(char** out, size_t* out_len, pickle_writer& w) {
    std::size_t size = 0;
    *out = w.release(&size);
    if (out_len) *out_len = size;
    return FORM4_OK;
}

}  // namespace

extern "C" {

int form4_pickle_shared_objects(char** out, size_t* out_len) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        return put_stream(out, out_len, shared().stream, function);
    });
}

int form4_result_to_pickle(char** out, size_t* out_len, const form4_result* result, uint32_t flags) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(result);
        if ((flags & ~static_cast<uint32_t>(FORM4_PICKLE_SHARED_IN_MEMO)) != 0)
            return fail(FORM4_E_INVALID_ARGUMENT, function, "unknown flags 0x%x", static_cast<unsigned>(flags));
        const form4::parse_result& parsed = impl(result)->parsed;
        pickle_writer w;
        document_writer writer(w, (flags & FORM4_PICKLE_SHARED_IN_MEMO) != 0);
        const std::uint32_t diagnostics = writer.diagnostics(parsed.diagnostics);
        if (parsed.doc) writer.document(*parsed.doc, parsed, diagnostics);
        else w.opcode(op::none);
        w.get(diagnostics);
        w.opcode(op::tuple2);
        return hand_over(out, out_len, w);
    });
}

int form4_dataset_to_pickle(char** out, size_t* out_len, const form4_dataset* dataset) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(dataset);
        namespace ds = form4::dataset;
        const auto& rows = impl(dataset)->tables.rows;
        pickle_writer w;
        std::uint32_t next_memo = 0;
        // Cells repeat (an accession number on every row of its filing, codes,
        // dates, titles): each distinct text becomes one Python string.
        std::unordered_map<std::string_view, std::uint32_t> texts;
        // Half the cells are empty. Each row is dict(template), the table's
        // columns all "" (a copy at C speed, already of the right size, keys
        // in column order), then only its non-empty cells are set.
        w.text("builtins");
        w.text("dict");
        w.opcode(op::stack_global);
        const std::uint32_t dict_type = next_memo;
        w.put(next_memo++);
        w.opcode(op::pop);
        w.opcode(op::empty_dict);
        w.opcode(op::mark);
        for (std::size_t t = 0; t < ds::table_count; ++t) {
            w.text(ds::name(ds::all_tables[t]));
            const auto columns = ds::columns(ds::all_tables[t]);
            std::vector<std::uint32_t> column_memo;
            w.opcode(op::empty_dict);
            w.opcode(op::mark);
            for (std::string_view column : columns) {
                w.text(column);
                w.put(next_memo);
                column_memo.push_back(next_memo++);
                w.text("");
            }
            w.opcode(op::setitems);
            const std::uint32_t template_row = next_memo;
            w.put(next_memo++);
            w.opcode(op::pop);
            w.opcode(op::empty_list);
            if (!rows[t].empty()) {
                w.opcode(op::mark);
                for (const auto& row : rows[t]) {
                    w.get(dict_type);
                    w.get(template_row);
                    w.opcode(op::tuple1);
                    w.opcode(op::reduce);
                    w.opcode(op::mark);
                    for (std::size_t c = 0; c < columns.size() && c < row.size(); ++c) {
                        const std::string_view cell = row[c];
                        if (cell.empty()) continue;
                        w.get(column_memo[c]);
                        const auto [found, added] = texts.try_emplace(cell, next_memo);
                        if (!added) {
                            w.get(found->second);
                            continue;
                        }
                        w.text(cell);
                        w.put(next_memo++);
                    }
                    w.opcode(op::setitems);
                }
                w.opcode(op::appends);
            }
        }
        w.opcode(op::setitems);
        return hand_over(out, out_len, w);
    });
}

}  // extern "C"
