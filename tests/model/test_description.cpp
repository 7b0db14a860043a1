// The model's one description (FORM4_DESCRIBE) against the model itself and
// against Python's dataclasses in capi/python/form4/model.py: a member the
// description leaves out fails to compile here, and a Python class whose
// fields differ from its struct's (name, order or type) fails at run time.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/pfr/core.hpp>

#include "form4/model/description.hpp"

namespace {

using namespace form4;

// Every member of every described struct is in its description.
template <class T>
constexpr bool described_whole() {
    return boost::pfr::tuple_size_v<T> == model::member_count<T>;
}
static_assert([]<class... T>(boost::mp11::mp_list<T...>) { return (described_whole<T>() && ...); }(model::types{}),
              "a model struct has a member its FORM4_DESCRIBE list leaves out");

template <class E>
std::string python_enum() {
    if constexpr (std::is_same_v<E, document_type>) return "DocumentType";
    else if constexpr (std::is_same_v<E, transaction_code>) return "TransactionCode";
    else if constexpr (std::is_same_v<E, acquired_disposed>) return "AcquiredDisposed";
    else if constexpr (std::is_same_v<E, ownership_form>) return "OwnershipForm";
    else if constexpr (std::is_same_v<E, timeliness>) return "Timeliness";
    else return "FormType";
}

// The annotation model.py must give a member of C++ type T.
template <class T>
std::string python_type() {
    if constexpr (std::is_same_v<T, std::string>) return "str";
    else if constexpr (std::is_same_v<T, bool>) return "bool";
    else if constexpr (std::is_same_v<T, decimal>) return "decimal.Decimal";
    else if constexpr (std::is_same_v<T, date>) return "datetime.date";
    else if constexpr (std::is_same_v<T, date_time>) return "datetime.datetime";
    else if constexpr (model::is_optional<T>) return "Optional[" + python_type<typename T::value_type>() + "]";
    else if constexpr (model::is_vector<T>) return "Tuple[" + python_type<typename T::value_type>() + ", ...]";
    else if constexpr (model::is_footnoted<T>)
        return "Footnoted[" + python_type<typename decltype(T::value)::value_type>() + "]";
    else if constexpr (model::is_coded<T>) return "Coded[" + python_enum<decltype(T::value)>() + "]";
    else return model::python_name_of<T>();
}

struct python_field {
    std::string name, type;
    bool operator==(const python_field&) const = default;
};
std::ostream& operator<<(std::ostream& out, const python_field& f) { return out << f.name << ": " << f.type; }

// The fields of each @dataclass in model.py, in order.
std::map<std::string, std::vector<python_field>> python_classes(const std::string& path) {
    std::ifstream in(path);
    std::map<std::string, std::vector<python_field>> classes;
    std::vector<python_field>* current = nullptr;
    const std::regex class_line(R"(^class (\w+)\b.*:$)");
    const std::regex field_line(R"(^    (\w+): ([^=#]+?)\s*(=.*)?$)");
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_match(line, m, class_line)) current = &classes[m[1]];
        else if (!line.empty() && line[0] != ' ') current = nullptr;
        else if (current && std::regex_match(line, m, field_line)) current->push_back({m[1], m[2]});
    }
    return classes;
}

// What model.py adds to a class beyond the model: the parse's own findings.
const std::map<std::string, std::set<std::string>> python_only{{"Document", {"diagnostics", "format"}}};

TEST(ModelDescription, PythonDataclassesHaveTheDescribedFieldsInOrder) {
    const auto classes = python_classes(std::string(FORM4_SOURCE_DIR) + "/capi/python/form4/model.py");
    ASSERT_GT(classes.size(), 20u) << "model.py was not read";
    std::size_t compared = 0;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, model::types>>([&](auto type) {
        using T = typename decltype(type)::type;
        const std::string name = model::python_name_of<T>();
        std::vector<python_field> want;
        model::for_each_descriptor<T>([&](auto d) {
            using member_type = std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>;
            want.push_back({std::string(model::external_name(d.name)), python_type<member_type>()});
        });
        auto found = classes.find(name);
        ASSERT_NE(found, classes.end()) << "model.py has no class " << name << " for form4::" << model::name_of<T>();
        std::vector<python_field> got;
        for (const auto& field : found->second)
            if (!python_only.contains(name) || !python_only.at(name).contains(field.name)) got.push_back(field);
        EXPECT_EQ(got, want) << "model.py's " << name << " against form4::" << model::name_of<T>();
        ++compared;
    });
    EXPECT_EQ(compared, boost::mp11::mp_size<model::types>::value);
}

// The names every writer uses come from the description: JSON's keys are
// the members' names, but for lists of footnote ids.
TEST(ModelDescription, ExternalNames) {
    std::vector<std::string> names;
    const transaction_coding coding;
    model::for_each_member(coding, [&](std::string_view name, const auto&) { names.emplace_back(name); });
    EXPECT_EQ(names, (std::vector<std::string>{"form_type", "code", "equity_swap_involved", "footnotes"}));
    EXPECT_EQ(model::name_of<reporting_owner_id>(), "reporting_owner_id");
    EXPECT_EQ(model::member_count<document>, 19u);
}

}  // namespace
