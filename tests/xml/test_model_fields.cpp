// The position table (grammar/xml/model_fields.hpp) against the model's
// description: every member it names is a member of a described struct, and
// the entries it marks as lists are lists there.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <type_traits>

#include "form4/grammar/xml/model_fields.hpp"
#include "form4/model/description.hpp"

namespace {

template <class T>
struct is_list : std::false_type {};
template <class T>
struct is_list<std::vector<T>> : std::bool_constant<form4::model::described<T>> {};

// Member name -> whether it is a list of rows, over every described struct
// (a name used twice must mean the same kind both times).
std::map<std::string, bool> described_members() {
    std::map<std::string, bool> members;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, form4::model::types>>([&](auto type) {
        using T = typename decltype(type)::type;
        form4::model::for_each_descriptor<T>([&](auto d) {
            using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>;
            members.emplace(d.name, is_list<member_type>::value);
        });
    });
    return members;
}

TEST(ModelFields, EveryMemberOfThePositionTableIsDescribed) {
    const auto members = described_members();
    for (const auto& entry : form4::grammar::xml::detail::model_fields_by_element) {
        if (entry.field.member.empty()) continue;  // a grouping element
        auto found = members.find(std::string(entry.field.member));
        ASSERT_NE(found, members.end()) << "<" << entry.element << "> is read into \"" << entry.field.member
                                        << "\", which no described model struct has";
        EXPECT_EQ(found->second, entry.field.is_list) << "<" << entry.element << ">";
    }
}

TEST(ModelFields, TableIsSortedForTheLookup) {
    const auto& fields = form4::grammar::xml::detail::model_fields_by_element;
    for (std::size_t i = 1; i < fields.size(); ++i) EXPECT_LT(fields[i - 1].element, fields[i].element);
    EXPECT_EQ(form4::grammar::xml::model_field_of("issuerForeignTradingSymbol")->member, "foreign_trading_symbol");
}

}  // namespace
