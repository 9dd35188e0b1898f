#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/ingest_internal.h"
#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Article Parse(std::string_view line, std::vector<std::string>* warnings = nullptr,
              std::string_view fallback = "unknown") {
  ingest_internal::JsonRecordParser parser;
  StatusOr<Article> a = parser.Parse(line, "feed.jsonl:3", IngestOptions{}, fallback, warnings);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Article{};
}

Status Error(std::string_view line) {
  StatusOr<Article> a = ParseJsonLine(line, "feed.jsonl:17");
  EXPECT_FALSE(a.ok());
  return a.ok() ? Status::OK() : a.status();
}

TEST(ParseJsonLineTest, AllKnownFields) {
  const std::string line =
      R"({"id":"a1","source":"The Daily","url":"https://www.ft.com/x","title":" Big  news ",)"
      R"("published":"2022-01-10T08:00:00.5+03:00","language":"EN_us","text":"Body text.",)"
      R"("author":"Jane Roe"})";
  StatusOr<Article> r = ParseJsonLine(line, "feed.jsonl:3");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Article& a = *r;
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.source, "The Daily");
  EXPECT_EQ(a.url, "https://www.ft.com/x");
  EXPECT_EQ(a.title, "Big news");
  EXPECT_EQ(a.published, "2022-01-10T08:00:00+03:00");
  EXPECT_EQ(a.language, "en-US");
  EXPECT_EQ(a.text, "Body text.");
  EXPECT_EQ(a.author, "Jane Roe");
  EXPECT_EQ(a.content_type, ContentType::kText);
  EXPECT_EQ(a.origin, "feed.jsonl:3");
  EXPECT_EQ(a.raw, line);
  EXPECT_EQ(a.extra_json, "{}");
  EXPECT_GT(a.word_count, 0u);
}

TEST(ParseJsonLineTest, NumericIdIsItsDecimalText) {
  EXPECT_EQ(Parse(R"({"id": 12345678901234567890, "text": "x"})").id, "12345678901234567890");
  EXPECT_EQ(Parse(R"({"id": -42, "text": "x"})").id, "-42");
  EXPECT_EQ(Parse(R"({"id": "", "text": "x"})").id.size(), 16u);  // empty: derived
  Status s = Error(R"({"id": true, "text": "x"})");
  EXPECT_EQ(s.message(), "feed.jsonl:17: field 'id' is not a string or number (found a boolean)");
}

TEST(ParseJsonLineTest, UnknownFieldsAreKeptAsWritten) {
  Article a = Parse(R"({ "text": "x", "score" : 1.50, "tags": [ "a", "b c" ], "n": null,)"
                    R"( "obj": {"k": 1e5}, "esc\"key": "v\u00e9" })");
  EXPECT_EQ(a.extra_json,
            R"({"score":1.50,"tags":["a","b c"],"n":null,"obj":{"k":1e5},"esc\"key":"v\u00e9"})");
  // And it is valid JSON.
  nlohmann::json j = nlohmann::json::parse(a.extra_json);
  EXPECT_EQ(j["esc\"key"], "v\xC3\xA9");
}

TEST(ParseJsonLineTest, TextOrHtml) {
  Article text_only = Parse(R"({"text": "Body."})");
  EXPECT_EQ(text_only.content_type, ContentType::kText);
  Article html_only = Parse(R"({"html": "<p>Body.</p>"})");
  EXPECT_EQ(html_only.content_type, ContentType::kHtml);
  EXPECT_EQ(html_only.html, "<p>Body.</p>");
  EXPECT_EQ(html_only.text, "");
  EXPECT_EQ(html_only.word_count, 0u);
  Article both = Parse(R"({"text": "Body.", "html": "<p>Body.</p>"})");
  EXPECT_EQ(both.text, "Body.");
  EXPECT_EQ(both.html, "<p>Body.</p>");
  EXPECT_EQ(both.content_type, ContentType::kHtml);
  Article paragraphs = Parse(R"({"text": ["One.", " ", ["Two."], "Three."]})");
  EXPECT_EQ(paragraphs.text, "One.\n\nTwo.\n\nThree.");

  EXPECT_EQ(Error(R"({"title": "t"})").message(), "feed.jsonl:17: missing text or html");
  EXPECT_EQ(Error(R"({"text": "  \n", "html": ""})").message(),
            "feed.jsonl:17: missing text or html");
  EXPECT_EQ(Error(R"({"text": null})").message(), "feed.jsonl:17: missing text or html");
  EXPECT_EQ(Error(R"({"text": 5})").message(),
            "feed.jsonl:17: field 'text' is not a string or an array of strings (found a number)");
  EXPECT_EQ(Error(R"({"text": "x", "title": ["a"]})").message(),
            "feed.jsonl:17: field 'title' is not a string (found an array)");
}

TEST(ParseJsonLineTest, InvalidJsonIsNamedAndExplained) {
  EXPECT_EQ(Error("{\"text\": \"x\"").message(),
            "feed.jsonl:17: invalid JSON: unbalanced brackets or a missing comma or colon");
  EXPECT_EQ(Error("{\"text\": \"x}").message(), "feed.jsonl:17: invalid JSON: unterminated string");
  EXPECT_EQ(Error("{\"text\": tru}").message(),
            "feed.jsonl:17: invalid JSON: invalid literal (expected true, false or null)");
  EXPECT_EQ(Error("{\"text\": \"x\"} extra").message(),
            "feed.jsonl:17: invalid JSON: unexpected text after the JSON value");
  EXPECT_EQ(Error("{\"text\": \"x\"} {\"text\": \"y\"}").message(),
            "feed.jsonl:17: invalid JSON: unexpected text after the JSON value");
  EXPECT_EQ(Error("[1, 2]").message(), "feed.jsonl:17: not a JSON object (found an array)");
  EXPECT_EQ(Error("\"text\"").message(), "feed.jsonl:17: not a JSON object (found a string)");
  EXPECT_EQ(Error("   ").message(), "feed.jsonl:17: blank line, no JSON record");
  EXPECT_EQ(Error("{\"text\": \"x\", \"a\": 01}").code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Error("{\"text\": \"a\x01"
                  "b\"}")
                .message(),
            "feed.jsonl:17: invalid JSON: control character inside a string");
}

TEST(ParseJsonLineTest, InvalidDateIsAWarningNotARejection) {
  std::vector<std::string> warnings;
  Article a = Parse(R"({"text": "x", "published": "last Tuesday"})", &warnings);
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.extra_json, R"({"published":"last Tuesday"})");
  EXPECT_THAT(warnings, ElementsAre("feed.jsonl:3: field 'published' is not an ISO 8601 date "
                                    "(\"last Tuesday\"); published left empty, value kept in "
                                    "extra_json"));
  EXPECT_EQ(Parse(R"({"text": "x", "published": "2022-01-10"})").published, "2022-01-10");
  EXPECT_EQ(Parse(R"({"text": "x", "published": "Mon, 10 Jan 2022 08:00:00 GMT"})").published,
            "2022-01-10T08:00:00Z");
  warnings.clear();
  Article lang = Parse(R"({"text": "x", "language": "English!"})", &warnings);
  EXPECT_EQ(lang.language, "");
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(ParseJsonLineTest, AliasesCountOnlyWhenTheFieldIsAbsent) {
  Article a =
      Parse(R"({"headline": "H", "date": "2010-07-02", "body": "B.", "link": "http://x.org/a",)"
            R"( "authors": ["A One", "B Two"], "lang": "de"})");
  EXPECT_EQ(a.title, "H");
  EXPECT_EQ(a.published, "2010-07-02");
  EXPECT_EQ(a.text, "B.");
  EXPECT_EQ(a.url, "http://x.org/a");
  EXPECT_EQ(a.source, "x.org");
  EXPECT_EQ(a.author, "A One, B Two");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.extra_json, "{}");
  Article both = Parse(R"({"title": "T", "headline": "H", "text": "x"})");
  EXPECT_EQ(both.title, "T");
  EXPECT_EQ(both.extra_json, R"({"headline":"H"})");
  // An alias of the wrong type is just an unknown field.
  Article wp = Parse(R"({"content": {"rendered": "<p>x</p>"}, "text": "x"})");
  EXPECT_EQ(wp.extra_json, R"({"content":{"rendered":"<p>x</p>"}})");
  // A null field gives way to an alias.
  EXPECT_EQ(Parse(R"({"text": null, "body": "B."})").text, "B.");
  // BASIL style: nested paragraph arrays.
  EXPECT_EQ(Parse(R"({"body-paragraphs": [["P1."], ["P2."]]})").text, "P1.\n\nP2.");
}

TEST(ParseJsonLineTest, NumbersBeyond64BitsAreValidJson) {
  Article a = Parse(R"({"id": 123456789012345678901234567890, "text": "x", "big": -1.5e400,)"
                    R"( "n": [99999999999999999999999, 1], "s": "12345678901234567890123"})");
  EXPECT_EQ(a.id, "123456789012345678901234567890");
  EXPECT_EQ(a.extra_json,
            R"({"big":"-1.5e400","n":[99999999999999999999999,1],"s":"12345678901234567890123"})");
  EXPECT_EQ(Error(R"({"text": "x", "n": 12345678901234567890123x})").code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(Error(R"({"text": "x", "n": 01})").message(),
            "feed.jsonl:17: invalid JSON: invalid number");
}

TEST(ParseJsonLineTest, LeadingZeroBigNumberInsideAnUnknownFieldIsKeptAsAString) {
  // simdjson reads a big integer with leading zeros inside an array; strict JSON does not.
  Article a = Parse(R"({"text": "x", "x": {"y": [2, 00000000000000000000000000660]}, "e": 1e-05})");
  // The value's text exactly as written becomes the string: nothing is lost.
  EXPECT_EQ(a.extra_json, R"({"x":"{\"y\": [2, 00000000000000000000000000660]}","e":1e-05})");
  EXPECT_TRUE(nlohmann::json::accept(a.extra_json)) << a.extra_json;
}

TEST(ParseJsonLineTest, MalformedBigNumberInsideAnUnknownFieldIsKeptAsAString) {
  // Found by fuzz.jsonl_fuzz: simdjson reads an integer too big for 64 bits with letters in it
  // inside an array; strict JSON does not.
  Article a = Parse(
      R"({"text": "x", "x": {"y": [20000000000000000000eeee000000000000000000006015, 2.50]}})");
  EXPECT_EQ(a.extra_json,
            R"({"x":"{\"y\": [20000000000000000000eeee000000000000000000006015, 2.50]}"})");
  EXPECT_TRUE(nlohmann::json::accept(a.extra_json)) << a.extra_json;
  // Grammatical numbers that a double holds stay numbers; one that overflows it (1E+400)
  // becomes a string, as readers such as nlohmann refuse it.
  a = Parse(R"({"text": "x", "n": [-0.5e-3, 0, -0, 12345678901234567890123], "o": [1E+400]})");
  EXPECT_EQ(a.extra_json, R"({"n":[-0.5e-3,0,-0,12345678901234567890123],"o":"[1E+400]"})");
  EXPECT_TRUE(nlohmann::json::accept(a.extra_json)) << a.extra_json;
}

TEST(ParseJsonLineTest, RepeatedFieldLastOneWins) {
  Article a = Parse(R"({"title": "first", "title": "second", "text": "x"})");
  EXPECT_EQ(a.title, "second");
}

TEST(ParseJsonLineTest, SourceChain) {
  EXPECT_EQ(Parse(R"({"text": "x", "source": "Given", "url": "https://www.bbc.co.uk/n"})").source,
            "Given");
  EXPECT_EQ(Parse(R"({"text": "x", "url": "https://www.BBC.co.uk/n"})").source, "bbc.co.uk");
  EXPECT_EQ(Parse(R"({"text": "x", "url": "not a url"})", nullptr, "folder").source, "folder");
  EXPECT_EQ(Parse(R"({"text": "x"})", nullptr, "").source, "unknown");
}

TEST(ParseJsonLineTest, PlacesAgenciesAndDatelines) {
  Article given =
      Parse(R"({"text": "MOSCOW (Reuters) - x", "places": ["KYIV"], "agencies": "ap"})");
  EXPECT_THAT(given.places, ElementsAre("KYIV"));
  EXPECT_THAT(given.agencies, ElementsAre("AP"));
  Article found = Parse(R"({"text": "MOSCOW (Reuters) - Text."})");
  EXPECT_THAT(found.places, ElementsAre("MOSCOW"));
  EXPECT_THAT(found.agencies, ElementsAre("REUTERS"));
  EXPECT_EQ(found.text, "MOSCOW (Reuters) - Text.");
  EXPECT_EQ(found.extra_json, R"j({"dateline":"MOSCOW (Reuters)"})j");
  // Blank names are none (found by the jsonl fuzz target): trimmed, and the dateline is used
  // when nothing is left.
  Article blank = Parse(R"({"text": "MOSCOW (Reuters) - x", "places": "", "agencies": [" ", ""]})");
  EXPECT_THAT(blank.places, ElementsAre("MOSCOW"));
  EXPECT_THAT(blank.agencies, ElementsAre("REUTERS"));
  Article padded = Parse(R"({"text": "x", "places": [" KYIV ", ""], "agencies": ["ap ", "\t"]})");
  EXPECT_THAT(padded.places, ElementsAre("KYIV"));
  EXPECT_THAT(padded.agencies, ElementsAre("AP"));
}

TEST(ParseJsonLineTest, TextIsNormalisedWithWarnings) {
  std::vector<std::string> warnings;
  Article a = Parse(R"({"text": "a\u0000b\r\nCafe\u0301"})", &warnings);
  EXPECT_EQ(a.text, "ab\nCaf\xC3\xA9");
  EXPECT_THAT(warnings, ElementsAre("feed.jsonl:3: removed 1 NUL byte"));
  // Invalid UTF-8 bytes in the line are repaired rather than losing the record.
  warnings.clear();
  Article bad = Parse("{\"text\": \"caf\xE9 ok\"}", &warnings);
  EXPECT_EQ(bad.text, "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(bad.raw, "{\"text\": \"caf\xE9 ok\"}");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("feed.jsonl:3: replaced 1 invalid UTF-8 sequence"));
}

TEST(ParseJsonLineTest, LimitsAndBom) {
  IngestOptions small;
  small.max_article_bytes = 4;
  StatusOr<Article> big = ParseJsonLine(R"({"text": "12345"})", "f:1", small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), Status::Code::kResourceExhausted);
  EXPECT_EQ(big.status().message(),
            "f:1: field 'text' is 5 bytes, over the limit of 4 bytes (max_article_bytes)");
  small.max_line_bytes = 10;
  StatusOr<Article> long_line = ParseJsonLine(R"({"text": "1"})", "f:1", small);
  ASSERT_FALSE(long_line.ok());
  EXPECT_EQ(long_line.status().code(), Status::Code::kResourceExhausted);
  EXPECT_TRUE(ParseJsonLine("\xEF\xBB\xBF{\"text\": \"x\"}\r", "f:1").ok());
}

TEST(ParseJsonLineTest, DeeplyNestedUnknownValue) {
  std::string deep = "{\"text\": \"x\", \"d\": ";
  for (int i = 0; i < 2000; ++i) deep += "[";
  for (int i = 0; i < 2000; ++i) deep += "]";
  deep += "}";
  Status s = Error(deep);
  EXPECT_EQ(s.message(), "feed.jsonl:17: invalid JSON: nested too deeply");
}

}  // namespace
}  // namespace witness
