#include "ingest/json_util.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/testing_sink.h"

namespace witness::ingest_internal {
namespace {

TEST(AppendJsonStringTest, RoundTripsThroughAJsonParser) {
  const std::string nasty = std::string("quote \" back \\ nl \n tab \t bell \x07 nul ", 37) +
                            std::string(1, '\0') + " del \x7F é 𝄞 \xE2\x80\xA8";
  std::string out;
  AppendJsonString(nasty, &out);
  EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), nasty);
}

TEST(AppendMinifiedTest, KeepsStringsAsWritten) {
  std::string out;
  AppendMinified("{ \"a b\" : [ 1 , 2.50 ,\n \"x  \\\" y\" ] }", &out);
  EXPECT_EQ(out, "{\"a b\":[1,2.50,\"x  \\\" y\"]}");
}

TEST(SplitObjectMembersTest, RawKeysAndValues) {
  std::vector<RawMember> m;
  ASSERT_TRUE(SplitObjectMembers(
      R"( {"id": 12, "t\"x": "a,}b", "n": {"x": [1, {"y": "]"}]}, "e": [], "f": -1.5e3 } )", &m));
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].key, "\"id\"");
  EXPECT_EQ(m[0].value, "12");
  EXPECT_EQ(m[1].key, "\"t\\\"x\"");
  EXPECT_EQ(m[1].value, "\"a,}b\"");
  EXPECT_EQ(m[2].value, R"({"x": [1, {"y": "]"}]})");
  EXPECT_EQ(m[3].value, "[]");
  EXPECT_EQ(m[4].value, "-1.5e3");
  ASSERT_TRUE(SplitObjectMembers("{}", &m));
  EXPECT_TRUE(m.empty());
  EXPECT_FALSE(SplitObjectMembers("[1]", &m));
  EXPECT_FALSE(SplitObjectMembers("{\"a\" 1}", &m));
  EXPECT_FALSE(SplitObjectMembers("{\"a\":1", &m));
}

TEST(QuoteHugeNumbersTest, OnlyNumbersOutOfRange) {
  bool changed = false;
  EXPECT_EQ(QuoteHugeNumbers(R"({"a": 1, "b": -2.5e10, "c": "99999999999999999999999"})", &changed),
            R"({"a": 1, "b": -2.5e10, "c": "99999999999999999999999"})");
  EXPECT_FALSE(changed);
  EXPECT_EQ(QuoteHugeNumbers(R"([12345678901234567890, 1e301, -1E-400, 1e300])", &changed),
            R"(["12345678901234567890", "1e301", "-1E-400", 1e300])");
  EXPECT_TRUE(changed);
}

TEST(IsOpenJsonLineTest, PrettyPrintedFirstLines) {
  EXPECT_TRUE(IsOpenJsonLine("{"));
  EXPECT_TRUE(IsOpenJsonLine("{\"a\": ["));
  EXPECT_FALSE(IsOpenJsonLine("{\"a\": 1}"));
  EXPECT_FALSE(IsOpenJsonLine("{\"a\": \"{{{\"}"));
  EXPECT_FALSE(IsOpenJsonLine("{\"a\": \"unterminated"));
  EXPECT_FALSE(IsOpenJsonLine("{\"a\": \"ends in escaped quote\\\""));
  EXPECT_TRUE(IsOpenJsonLine("{\"a\": \"escaped backslash\\\\\", \"b\": {"));
}

TEST(SplitTopLevelValuesTest, ArraysAndSequences) {
  bool complete = false;
  std::string doc = "[ {\"a\": \"]\"},\n {\"b\": [1,2]} ,{} ]";
  std::vector<ValueRange> v = SplitTopLevelValues(doc, &complete);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_TRUE(complete);
  EXPECT_EQ(doc.substr(v[0].begin, v[0].end - v[0].begin), "{\"a\": \"]\"}");
  EXPECT_EQ(doc.substr(v[1].begin, v[1].end - v[1].begin), "{\"b\": [1,2]}");
  EXPECT_EQ(doc.substr(v[2].begin, v[2].end - v[2].begin), "{}");

  doc = "{\n \"a\": 1\n}\n{\n \"b\": 2\n}\n";
  v = SplitTopLevelValues(doc, &complete);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_TRUE(complete);

  doc = "[{\"a\": 1}, {\"b\": ";
  v = SplitTopLevelValues(doc, &complete);
  EXPECT_FALSE(complete);
  ASSERT_EQ(v.size(), 2u);

  doc = "[]";
  v = SplitTopLevelValues(doc, &complete);
  EXPECT_TRUE(v.empty());
  EXPECT_TRUE(complete);
}

TEST(SplitTopLevelValuesTest, NeverOutOfBoundsOnNoise) {
  for (uint64_t seed = 1; seed < 300; ++seed) {
    std::string noise = witness::testing::RandomBytes(seed % 64, seed);
    for (char& c : noise) c = "[]{}\",:\\ a1\n"[static_cast<unsigned char>(c) % 13];
    bool complete;
    for (const ValueRange& r : SplitTopLevelValues(noise, &complete)) {
      ASSERT_LE(r.begin, r.end);
      ASSERT_LE(r.end, noise.size());
    }
    std::vector<RawMember> m;
    SplitObjectMembers(noise, &m);
    IsOpenJsonLine(noise);
  }
}

}  // namespace
}  // namespace witness::ingest_internal
