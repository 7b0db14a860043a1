#pragma once
// The two pieces of plumbing every grammar repeats (docs/front-ends.md).
//
// FORM4_GRAMMAR_CONTEXT(State), in a grammar's config.hpp: its state_tag, the
// context_type its rules are instantiated with (what the front end builds
// with x3::with<state_tag>(state)) and state_of(context).
//
// FORM4_RULE_ACCESSOR(type, name, "text"), in a rule's declaration header:
// `type const& name()`, inline. An X3 rule object is only its name: what it
// parses is the instantiation of the rule's _def header
// (BOOST_SPIRIT_INSTANTIATE), so the accessor needs no compiled library.
// "text" is the rule's name in error messages, as its definition spells it.
#define FORM4_GRAMMAR_CONTEXT(STATE)                                      \
    struct state_tag;                                                     \
    using context_type = x3::context<state_tag, STATE, x3::unused_type>; \
    template <class Context>                                              \
    STATE& state_of(Context const& context) {                             \
        return x3::get<state_tag>(context);                               \
    }

#define FORM4_RULE_ACCESSOR(TYPE, NAME, TEXT) \
    inline TYPE const& NAME() {               \
        static TYPE const rule = TEXT;        \
        return rule;                          \
    }
