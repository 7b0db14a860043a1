#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <random>

#include "form4/json.hpp"
#include "writers/sample_document.hpp"

namespace form4 {
namespace {

namespace json = boost::json;
using testing::dec;
using testing::every_field_document;
using testing::ymd;

json::object written(const document& doc) { return json::parse(to_json(doc)).as_object(); }

document round_trip(const document& doc, bool pretty) {
    auto result = from_json(to_json(doc, {pretty}));
    EXPECT_EQ(result.error, "");
    EXPECT_TRUE(result.doc.has_value());
    return result.doc.value_or(document{});
}

TEST(JsonRoundTrip, DocumentWithEveryFieldSetComesBackEqual) {
    const document doc = every_field_document();
    EXPECT_EQ(round_trip(doc, false), doc);
    EXPECT_EQ(round_trip(doc, true), doc);
}

TEST(JsonRoundTrip, EmptyDocumentComesBackEqual) { EXPECT_EQ(round_trip(document{}, false), document{}); }

TEST(JsonRoundTrip, KeepsTheFiledScaleOfDecimals) {
    document doc = every_field_document();
    auto back = round_trip(doc, false);
    ASSERT_TRUE(back.non_derivative_transactions[0].price_per_share.value);
    EXPECT_TRUE(back.non_derivative_transactions[0].price_per_share.value->identical(dec("26.80")));
    EXPECT_TRUE(back.non_derivative_transactions[1].shares.value->identical(dec("0.00")));
}

TEST(JsonRoundTrip, EveryChangedFieldMakesADifferentDocument) {
    // Guards the equality the round trip tests rely on: a reader that dropped
    // a member would otherwise still compare equal when the member is empty.
    document doc = every_field_document();
    document changed = doc;
    changed.derivative_holdings[0].ownership.nature.footnote_ids.push_back("F5");
    EXPECT_NE(changed, doc);
    auto json_text = to_json(changed);
    EXPECT_NE(json_text, to_json(doc));
}

TEST(JsonRoundTrip, DecimalsOutsideWhatDecimalParseAccepts) {
    document doc;
    non_derivative_holding h;
    h.post_transaction.shares_owned.value = decimal(9'223'372'036'854'775'807, 0);   // 19 digits
    h.post_transaction.value_owned.value = decimal(-5, 30);                            // scale over 18
    doc.non_derivative_holdings.push_back(h);
    non_derivative_holding negative_scale;
    negative_scale.post_transaction.shares_owned.value = decimal(123'456'789'012'345'678, -5);
    doc.non_derivative_holdings.push_back(negative_scale);
    EXPECT_EQ(round_trip(doc, false), doc);
}

TEST(JsonRoundTrip, SpecialDatesOfHandBuiltDocuments) {
    document doc;
    doc.period_of_report = date(boost::gregorian::not_a_date_time);
    doc.date_of_original_submission = date(boost::gregorian::pos_infin);
    doc.signatures.push_back({"x", date(boost::gregorian::neg_infin)});
    auto back = round_trip(doc, false);
    ASSERT_TRUE(back.period_of_report && back.date_of_original_submission && back.signatures.at(0).date);
    EXPECT_TRUE(back.period_of_report->is_not_a_date());
    EXPECT_TRUE(back.date_of_original_submission->is_pos_infinity());
    EXPECT_TRUE(back.signatures[0].date->is_neg_infinity());
}

TEST(JsonRoundTrip, CodeWhoseTextDoesNotSayItsValue) {
    document doc;
    doc.type = coded<document_type>{document_type::form4, ""};
    doc.non_derivative_transactions.emplace_back();
    doc.non_derivative_transactions[0].acquired_disposed.value = coded<acquired_disposed>{acquired_disposed::unknown, "A"};
    auto object = written(doc);
    EXPECT_EQ(json::serialize(object.at("type")), R"({"text":"","code":"4"})");
    EXPECT_EQ(round_trip(doc, false), doc);
}

TEST(JsonSchema, TopLevelVersionAndMemberNames) {
    auto object = written(every_field_document());
    EXPECT_EQ(object.begin()->key(), "form4_json_version");
    EXPECT_EQ(object.at("form4_json_version").as_int64(), 1);
    EXPECT_EQ(object.at("schema_version").as_string(), "X0508");
    EXPECT_EQ(object.at("type").as_string(), "4/A");
    EXPECT_EQ(object.at("period_of_report").as_string(), "2024-05-04");
    EXPECT_EQ(object.at("not_subject_to_section16").as_bool(), true);
    EXPECT_EQ(object.at("no_securities_owned").as_bool(), false);
    EXPECT_EQ(object.at("issuer").at("trading_symbol").as_string(), "AAPL");
    EXPECT_EQ(object.at("reporting_owners").at(0).at("relationship").at("officer_title").as_string(),
              "Chief Executive Officer");
    EXPECT_EQ(object.at("filing").at("file_numbers").at(1).as_string(), "002-00001");
}

TEST(JsonSchema, FootnotedValuesDecimalsAndCodes) {
    auto object = written(every_field_document());
    const auto& sale = object.at("non_derivative_transactions").at(0);
    EXPECT_EQ(json::serialize(sale.at("price_per_share")), R"({"value":"26.80"})");
    EXPECT_EQ(json::serialize(sale.at("shares")), R"({"value":"1500.00","footnotes":["F6"]})");
    EXPECT_EQ(json::serialize(sale.at("transaction_date")), R"({"value":"2024-05-02","footnotes":["F2","F3"]})");
    EXPECT_EQ(json::serialize(sale.at("post_transaction").at("value_owned")), R"({"footnotes":["F8"]})");
    EXPECT_EQ(json::serialize(sale.at("timeliness")), R"({"value":"L","footnotes":["F5"]})");
    EXPECT_EQ(json::serialize(sale.at("coding")),
              R"({"form_type":"4","code":"S","equity_swap_involved":false,"footnotes":["F4"]})");
    const auto& option = object.at("derivative_transactions").at(0);
    EXPECT_EQ(json::serialize(option.at("ownership").at("nature")), R"({"value":"","footnotes":["F9"]})");
}

TEST(JsonSchema, AbsentPartsAreOmitted) {
    auto object = written(every_field_document());
    const auto& gift = object.at("non_derivative_transactions").at(1).as_object();
    EXPECT_FALSE(gift.contains("deemed_execution_date"));   // empty footnoted
    EXPECT_FALSE(gift.contains("timeliness"));
    EXPECT_FALSE(gift.at("coding").as_object().contains("equity_swap_involved"));  // absent bool
    EXPECT_FALSE(gift.at("coding").as_object().contains("footnotes"));             // no ids
    EXPECT_EQ(json::serialize(gift.at("post_transaction")), "{}");
    const auto& second_owner = object.at("reporting_owners").at(1).at("id").as_object();
    EXPECT_FALSE(second_owner.contains("ccc"));   // empty text
    auto empty = written(document{});
    EXPECT_EQ(empty.at("reporting_owners").as_array().size(), 0U);  // record arrays always there
    EXPECT_FALSE(empty.contains("type"));
}

TEST(JsonSchema, PrettyAndCompactHoldTheSameValue) {
    auto doc = every_field_document();
    std::string pretty = to_json(doc, {true});
    std::string compact = to_json(doc);
    EXPECT_NE(pretty.find("\n  \"schema_version\": \"X0508\",\n"), std::string::npos) << pretty.substr(0, 200);
    EXPECT_EQ(compact.find('\n'), std::string::npos);
    EXPECT_EQ(json::parse(pretty), json::parse(compact));
}

TEST(JsonSchema, CompactTextIsBoostJsonsSerialization) {
    auto doc = every_field_document();
    // Every character class the escaper treats differently.
    doc.remarks = std::string("quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul ") + '\0' +
                  " unit \x1f del \x7f utf8 \xC3\xA9 \xE2\x82\xAC";
    doc.issuer.name = "\x01";
    document mismatched;  // a code whose text does not say it: written as an object
    mismatched.type = coded<document_type>{document_type::form4, ""};
    for (const auto& d : {doc, mismatched, document{}})
        EXPECT_EQ(to_json(d), json::serialize(json::parse(to_json(d, {true}))));
}

TEST(JsonSchema, NullCountsAsAbsentWhenReading) {
    auto result = from_json(R"({"form4_json_version":1,"remarks":null,"period_of_report":null,
        "non_derivative_transactions":[{"shares":null,"coding":null}]})");
    ASSERT_EQ(result.error, "");
    EXPECT_FALSE(result.doc->period_of_report);
    EXPECT_FALSE(result.doc->non_derivative_transactions.at(0).coding);
    EXPECT_TRUE(result.doc->non_derivative_transactions.at(0).shares.empty());
}

// from_json errors: they say where.
struct bad_input {
    const char* json;
    const char* expected_in_error;
};

void PrintTo(const bad_input& input, std::ostream* out) { *out << input.json; }

class JsonErrors : public ::testing::TestWithParam<bad_input> {};

TEST_P(JsonErrors, SaysWhere) {
    json_read_result result;
    EXPECT_NO_THROW(result = from_json(GetParam().json));
    EXPECT_FALSE(result.doc.has_value());
    EXPECT_NE(result.error.find(GetParam().expected_in_error), std::string::npos) << "error: " << result.error;
}

INSTANTIATE_TEST_SUITE_P(
    MalformedOrWrongTyped, JsonErrors,
    ::testing::Values(
        bad_input{"", "JSON syntax error at line 1, column 1"},
        bad_input{"{\"form4_json_version\": 1,\n  \"remarks\": \"x\",,", "JSON syntax error at line 2, column 18"},
        bad_input{"{\"form4_json_version\": 1} trailing", "JSON syntax error"},
        bad_input{"[1, 2]", "$: expected an object, got an array"},
        bad_input{"{}", "$.form4_json_version: missing"},
        bad_input{R"({"form4_json_version": "1"})", "$.form4_json_version: expected the number 1, got a string"},
        bad_input{R"({"form4_json_version": 2})", "$.form4_json_version: version 2 is not supported"},
        bad_input{R"({"form4_json_version": 1, "isuer": {}})", "$.isuer: unknown member"},
        bad_input{R"({"form4_json_version": 1, "remarks": 7})", "$.remarks: expected a string, got a number"},
        bad_input{R"({"form4_json_version": 1, "aff10b5_one": "true"})",
                  "$.aff10b5_one: expected true or false, got a string"},
        bad_input{R"({"form4_json_version": 1, "period_of_report": "2024-02-30"})",
                  "$.period_of_report: \"2024-02-30\" is not a date"},
        bad_input{R"({"form4_json_version": 1, "period_of_report": "04-MAY-2024"})", "$.period_of_report"},
        bad_input{R"({"form4_json_version": 1, "reporting_owners": {}})",
                  "$.reporting_owners: expected an array, got an object"},
        bad_input{R"({"form4_json_version": 1, "reporting_owners": [{"address": {"city": ["x"]}}]})",
                  "$.reporting_owners[0].address.city: expected a string, got an array"},
        bad_input{R"({"form4_json_version": 1, "non_derivative_transactions": [{}, {"shares": {"value": 12}}]})",
                  "$.non_derivative_transactions[1].shares.value: expected a decimal number as a string, got a number"},
        bad_input{R"({"form4_json_version": 1, "derivative_holdings": [{"underlying": {"value": {"value": "1,000"}}}]})",
                  "$.derivative_holdings[0].underlying.value.value: \"1,000\" is not a decimal number"},
        bad_input{R"({"form4_json_version": 1, "derivative_holdings": [{"underlying": {"shares": {"value": "1e5"}}}]})",
                  "$.derivative_holdings[0].underlying.shares.value: \"1e5\" is not a decimal number"},
        bad_input{R"({"form4_json_version": 1, "non_derivative_holdings": [{"security_title": "Common"}]})",
                  "$.non_derivative_holdings[0].security_title: expected an object, got a string"},
        bad_input{R"({"form4_json_version": 1, "non_derivative_holdings": [{"coding": {"footnotes": ["F1", 2]}}]})",
                  "$.non_derivative_holdings[0].coding.footnotes[1]: expected a string, got a number"},
        bad_input{R"({"form4_json_version": 1, "non_derivative_transactions": [{"shares": {"valeu": "1"}}]})",
                  "$.non_derivative_transactions[0].shares.valeu: unknown member"},
        bad_input{R"({"form4_json_version": 1, "type": 4})", "$.type: expected a code as a string, got a number"},
        bad_input{R"({"form4_json_version": 1, "type": {"text": "", "code": "Q"}})",
                  "$.type.code: \"Q\" is not a known code"},
        bad_input{R"({"form4_json_version": 1, "signatures": [{"name": "x", "date": true}]})",
                  "$.signatures[0].date: expected a date \"YYYY-MM-DD\", got a boolean"}));

TEST(JsonErrorsNeverThrow, OnMangledOutput) {
    // Flip, drop and duplicate bytes of a real output: every result is either
    // a document or an error string, never an exception.
    const std::string good = to_json(every_field_document());
    std::mt19937 random(20240504);
    int rejected = 0;
    for (int round = 0; round < 500; ++round) {
        std::string text = good;
        std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
        for (int edit = 0; edit < 3; ++edit) {
            std::size_t i = at(random);
            switch (random() % 3) {
                case 0: text[i] = static_cast<char>(random() % 128); break;
                case 1: text.erase(i, 1); break;
                default: text.insert(i, 1, text[i]); break;
            }
        }
        json_read_result result;
        ASSERT_NO_THROW(result = from_json(text));
        EXPECT_NE(result.doc.has_value(), !result.error.empty());
        rejected += result.doc ? 0 : 1;
    }
    EXPECT_GT(rejected, 250);  // the edits really did break most inputs
}

}  // namespace
}  // namespace form4
