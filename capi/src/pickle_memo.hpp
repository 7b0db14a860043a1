#pragma once
// What a pickled value is (a memo entry, a shared object, or None) and the
// table that finds a value already written to the stream by its content.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace form4::capi::pickle {

// What a field holds: a memo entry of this stream, a shared object, or None.
struct ref {
    enum : std::uint8_t { memo, shared, none } where = none;
    std::uint32_t index = 0;
};

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

}  // namespace form4::capi::pickle
