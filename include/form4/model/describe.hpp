#pragma once
// FORM4_DESCRIBE(type, (member, ...)): a model struct's one description, written
// right under the struct. Every writer and reader walks it (see description.hpp):
// JSON, the Python pickle, and the checks against Python's model.py.
#include <string_view>

#include <boost/describe/class.hpp>

#define FORM4_DESCRIBE(TYPE, MEMBERS)                                                  \
    BOOST_DESCRIBE_STRUCT(TYPE, (), MEMBERS)                                           \
    constexpr std::string_view model_name_of(const TYPE*) noexcept { return #TYPE; }
