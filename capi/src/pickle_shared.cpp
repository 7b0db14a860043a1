// The shared objects' list (see pickle_shared.hpp), pickled once per process.
#include "pickle_shared.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

#include "pickle_stream.hpp"

namespace form4::capi::pickle {
namespace {

// (module, name) of each class, in class index order.
std::vector<std::pair<std::string, std::string>> class_names() {
    std::vector<std::pair<std::string, std::string>> names;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, model::types>>([&](auto type) {
        names.emplace_back("form4.model", model::python_name_of<typename decltype(type)::type>());
    });
    for (const char* name : {"Footnoted", "Coded", "Diagnostic"}) names.emplace_back("form4.model", name);
    names.emplace_back("decimal", "Decimal");
    names.emplace_back("datetime", "date");
    names.emplace_back("datetime", "datetime");
    if (names.size() != class_count) throw std::logic_error("pickle: the class names and enum cls disagree");
    return names;
}

}  // namespace

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

// The list is written with each entry memoized at its own index, so that
// later entries refer to earlier ones (a Coded to its class and member).
const shared_objects& shared() {
    static const shared_objects built = [] {
        shared_objects s;
        pickle_writer w;
        std::uint32_t next = 0;
        const auto entry = [&] { w.put(next); return next++; };
        w.opcode(op::mark);
        for (const auto& [module, name] : class_names()) {
            w.text(module);
            w.text(name);
            w.opcode(op::stack_global);
            entry();
        }
        for (std::size_t k = 0; k < keys.size(); ++k) {
            w.text(keys[k]);
            entry();
        }
        // An object of the model with two fields: each a key and what writes its value.
        const auto object = [&](std::uint32_t class_index, std::uint32_t key1, auto value1, std::uint32_t key2,
                                auto value2) {
            w.get(shared_objects::of_class(class_index));
            w.opcode(op::empty_tuple);
            w.opcode(op::newobj);
            w.opcode(op::empty_dict);
            w.opcode(op::mark);
            w.get(shared_objects::of_key(key1));
            value1();
            w.get(shared_objects::of_key(key2));
            value2();
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
        // One object per code of each kind: its first entry's index in `first`.
        const auto per_code = [&](std::array<std::uint32_t, coded_kinds>& first, auto write) {
            for (std::size_t k = 0; k < coded_kinds; ++k) {
                first[k] = next;
                for (std::size_t i = 0; i < kind_sizes[k]; ++i) {
                    write(k, static_cast<std::uint32_t>(i));
                    entry();
                }
            }
        };
        per_code(s.coded, [&](std::size_t k, std::uint32_t i) {
            object(class_of(cls::Coded), key("value"), [&] { w.get(s.member[k] + i); }, key("text"),
                   [&] { w.text(code_text(static_cast<kind>(k), i)); });
        });
        const auto no_footnotes = [&] { w.opcode(op::empty_tuple); };
        per_code(s.footnoted_coded, [&](std::size_t k, std::uint32_t i) {
            object(class_of(cls::Footnoted), key("value"), [&] { w.get(s.coded[k] + i); }, key("footnotes"),
                   no_footnotes);
        });
        object(class_of(cls::Footnoted), key("value"), [&] { w.opcode(op::none); }, key("footnotes"), no_footnotes);
        s.empty_footnoted = entry();
        const auto ownership = static_cast<std::size_t>(kind::ownership_form);
        s.ownership_nature = next;
        for (std::uint32_t i = 0; i < kind_sizes[ownership]; ++i) {
            object(class_of<form4::ownership_nature>(), key("direct_or_indirect"),
                   [&] { w.get(s.footnoted_coded[ownership] + i); }, key("nature"), [&] { w.get(s.empty_footnoted); });
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
}  // namespace form4::capi::pickle
