#pragma once
// FORM4_RULE_ACCESSOR(type, name, "text"): `type const& name()`, inline in a
// rule's declaration header. An X3 rule object is only its name: what it
// parses is the instantiation of the rule's _def header (BOOST_SPIRIT_INSTANTIATE),
// so the accessor needs no compiled library. "text" is the rule's name in
// error messages, as its definition spells it.
#define FORM4_RULE_ACCESSOR(TYPE, NAME, TEXT) \
    inline TYPE const& NAME() {               \
        static TYPE const rule = TEXT;        \
        return rule;                          \
    }
