#pragma once
// Iterator, parse state and context types shared by the XML grammar and the
// translation unit that instantiates it. The context type must be exactly
// what parse_xml() builds with x3::with<state_tag>(state).
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "form4/grammar/rules.hpp"
#include "form4/grammar/state.hpp"
#include "form4/model/diagnostic.hpp"
#include "form4/options.hpp"
#include "form4/source_map.hpp"

// The scanners every element passes through. GCC left them out of line in
// the grammar's large functions, and the calls cost more than their bodies.
#if defined(__GNUC__)
#define FORM4_XML_HOT [[gnu::always_inline]] inline
#else
#define FORM4_XML_HOT inline
#endif

namespace form4::grammar::xml {

namespace x3 = boost::spirit::x3;
using iterator_type = char const*;

using grammar::syntax_error;

// The names of the open elements, innermost last. Entries past size() are
// kept for reuse, so that opening an element is a store, not a vector call.
class element_stack {
public:
    void push_back(std::string_view name) {
        if (size_ == names_.size()) [[unlikely]] grow();
        names_[size_++] = name;
    }
    void pop_back() noexcept { --size_; }
    void pop_to(std::size_t depth) noexcept { size_ = depth; }
    std::string_view back() const noexcept { return names_[size_ - 1]; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const std::string_view* begin() const noexcept { return names_.data(); }
    const std::string_view* end() const noexcept { return names_.data() + size_; }
    auto rbegin() const noexcept { return std::reverse_iterator(end()); }
    auto rend() const noexcept { return std::reverse_iterator(begin()); }

private:
    [[gnu::noinline]] void grow() { names_.resize(names_.empty() ? 16 : names_.size() * 2); }

    std::vector<std::string_view> names_;
    std::size_t size_ = 0;
};

// Everything a parse carries besides the attribute: options, the open
// elements (for end-tag recovery and the depth limit), and the diagnostics.
struct parse_state : grammar::reporting_state {
    bool latin1 = false;                  // encoding="ISO-8859-1" or windows-1252
    parse_limits limits{};
    element_stack open_elements;
    std::size_t element_count = 0;
    std::size_t unknown_elements = 0;     // skipped; the first few are listed
    // The start tag the children loop stopped at, and its name's length.
    char const* tag_at = nullptr;
    std::size_t tag_name_size = 0;

    // Only with parse_options::record_positions: the model path of the
    // element being read, and where each field was read.
    form4::source_map* positions = nullptr;
    std::string path;
    char const* list_entry_at = nullptr;  // the start tag of the entry into[] appends next

    void record_position(char const* where) {
        auto [line, column] = position(where);
        positions->record(path, {line, column});
    }
};

FORM4_GRAMMAR_CONTEXT(parse_state)

}  // namespace form4::grammar::xml
