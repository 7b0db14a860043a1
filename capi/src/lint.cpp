// form4_lint: the form's rules over a parsed document, findings read by index.
#include <memory>

#include "form4/lint.hpp"
#include "shim.hpp"

using namespace form4::capi;

namespace {

// Not named form4_lint_report: the public types stay incomplete in the
// library's debug information (see shim.hpp).
struct lint_report_impl {
    std::vector<form4::lint_finding> findings;
};

const lint_report_impl* impl(const form4_lint_report* p) { return reinterpret_cast<const lint_report_impl*>(p); }
const form4::lint_finding* impl(const form4_lint_finding* p) {
    return reinterpret_cast<const form4::lint_finding*>(p);
}
form4_lint_report* handle(lint_report_impl* p) { return reinterpret_cast<form4_lint_report*>(p); }
const form4_lint_finding* handle(const form4::lint_finding* p) {
    return reinterpret_cast<const form4_lint_finding*>(p);
}

}  // namespace

int form4_lint(form4_lint_report** out, const form4_document* doc) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        *out = nullptr;
        FORM4_CAPI_REQUIRE(doc);
        form4::lint_options options;
        options.positions = impl(doc)->positions;
        auto report = std::make_unique<lint_report_impl>();
        report->findings = form4::lint(*impl(doc)->model, options);
        *out = handle(report.release());
        return FORM4_OK;
    });
}

void form4_lint_report_free(form4_lint_report* report) { delete const_cast<lint_report_impl*>(impl(report)); }

int form4_lint_report_finding_count(size_t* out, const form4_lint_report* report) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(report);
        *out = impl(report)->findings.size();
        return FORM4_OK;
    });
}

int form4_lint_report_finding(const form4_lint_finding** out, const form4_lint_report* report, size_t index) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(report);
        const auto& findings = impl(report)->findings;
        if (int status = check_index(function, index, findings.size()); status != FORM4_OK) return status;
        *out = handle(&findings[index]);
        return FORM4_OK;
    });
}

int form4_lint_finding_severity(int32_t* out, const form4_lint_finding* finding) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(finding);
        *out = severity_value(impl(finding)->level);
        return FORM4_OK;
    });
}

// int NAME(const char** out, size_t* out_len, const form4_lint_finding* finding)
#define FORM4_LINT_TEXT_GETTER(NAME, MEMBER)                                    \
    int NAME(const char** out, size_t* out_len, const form4_lint_finding* finding) { \
        return guarded(__func__, [&](const char* function) {                    \
            FORM4_CAPI_REQUIRE(out);                                            \
            FORM4_CAPI_REQUIRE(finding);                                        \
            return put_text(out, out_len, impl(finding)->MEMBER);               \
        });                                                                     \
    }

FORM4_LINT_TEXT_GETTER(form4_lint_finding_code, code)
FORM4_LINT_TEXT_GETTER(form4_lint_finding_field, field)
FORM4_LINT_TEXT_GETTER(form4_lint_finding_message, message)
FORM4_LINT_TEXT_GETTER(form4_lint_finding_reference, reference)

int form4_lint_finding_line(size_t* out, const form4_lint_finding* finding) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(finding);
        *out = impl(finding)->line;
        return FORM4_OK;
    });
}

int form4_lint_finding_column(size_t* out, const form4_lint_finding* finding) {
    return guarded(__func__, [&](const char* function) {
        FORM4_CAPI_REQUIRE(out);
        FORM4_CAPI_REQUIRE(finding);
        *out = impl(finding)->column;
        return FORM4_OK;
    });
}
