// Byte offsets into files as given: NormalizeWithMap and ExtractFromBytes, and the JSON form.
#include "compare/quote_bytes.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::quotes {
namespace {

using internal::NormalizeWithMap;
using internal::OffsetMap;

std::string Sub(std::string_view raw, text::Span s) {
  return std::string(raw.substr(s.begin, s.end - s.begin));
}

TEST(QuoteBytes, SameTextAsNormalizeOnTrickyInputs) {
  const std::string cases[] = {
      "",
      "plain ascii",
      "line\r\nbreaks\rand\nmore\r\n",
      std::string("nul\0byte\0", 9),
      "bad \xFF\xFE utf8 \xE2\x80 cut",
      "nfd e\xCC\x81 and a\xCC\x8A\xCC\x81 marks",
      "e\xCC\x81",
      "\xCC\x81 leading mark",
      "curly \xE2\x80\x9Cquotes\xE2\x80\x9D and \xE2\x80\x99 apostrophes",
      "\r",
      "\r\r\n\n",
      "mix\r\n\xE2\x80\x9C"
      "e\xCC\x81\xFF\"\r\n",
  };
  for (const std::string& c : cases) {
    OffsetMap map;
    EXPECT_EQ(NormalizeWithMap(c, &map), text::Normalize(c).text) << c;
  }
}

TEST(QuoteBytes, SameTextAsNormalizeOnRandomInputs) {
  // A reference check: the piecewise normalisation equals the whole-text one.
  const std::string alphabet[] = {"a",
                                  " ",
                                  "\n",
                                  "\r",
                                  std::string(1, '\0'),
                                  "\xFF",
                                  "\xC3",
                                  "\xA9",
                                  "e\xCC\x81",
                                  "\xCC\x81",
                                  "\xE2\x80\x9C",
                                  "\"",
                                  "'",
                                  "\xE1\x84\x80",
                                  "\xE1\x85\xA1",
                                  "\xF0\x9F"};
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % std::size(alphabet)];
    OffsetMap map;
    const std::string got = NormalizeWithMap(s, &map);
    ASSERT_EQ(got, text::Normalize(s).text) << "round " << round;
    // Offsets stay in range and in order.
    uint64_t prev = 0;
    for (uint32_t p = 0; p <= got.size(); ++p) {
      const uint64_t b = map.Begin(p), e = map.End(p);
      ASSERT_LE(b, s.size());
      ASSERT_LE(e, s.size());
      ASSERT_GE(b, prev);
      prev = b;
    }
  }
}

TEST(QuoteBytes, OffsetsPointIntoTheFileAsGiven) {
  // CRLF line ends, a NUL, invalid bytes and a decomposed é before the quote.
  const std::string raw =
      std::string("Intro line\r\nCaf") + "e\xCC\x81" + " \xFF ok" + std::string(1, '\0') +
      ".\r\n\r\n\xE2\x80\x9CWe will not allow it,\xE2\x80\x9D Mr Smith said.\r\n";
  auto ex = ExtractFromBytes(raw);
  ASSERT_TRUE(ex.ok());
  ASSERT_EQ(ex->quotes.size(), 1u);
  const Quote& q = ex->quotes[0];
  EXPECT_EQ(Sub(raw, q.parts[0]), "We will not allow it,");
  EXPECT_EQ(Sub(raw, q.content), "\xE2\x80\x9CWe will not allow it,\xE2\x80\x9D");
  EXPECT_EQ(Sub(raw, q.speaker), "Mr Smith");
  EXPECT_EQ(Sub(raw, q.cue), "said");
}

TEST(QuoteBytes, CleanInputIsTheIdentity) {
  const std::string raw = "\"Fine,\" she said.";
  OffsetMap map;
  EXPECT_EQ(NormalizeWithMap(raw, &map), raw);
  EXPECT_TRUE(map.identity());
  EXPECT_EQ(map.Begin(3), 3u);
}

TEST(QuotesJson, ShapeAndValues) {
  const std::string raw = "\"We won,\" Mr Smith said. Mr John Smith left.";
  auto ex = ExtractFromBytes(raw);
  ASSERT_TRUE(ex.ok());
  const nlohmann::json j = nlohmann::json::parse(QuotesToJson(*ex, raw));
  ASSERT_EQ(j["quotes"].size(), 1u);
  const auto& q = j["quotes"][0];
  EXPECT_EQ(q["kind"], "direct");
  EXPECT_EQ(q["begin"], 0);
  EXPECT_EQ(q["end"], 9);
  EXPECT_EQ(q["text"], "\"We won,\"");
  EXPECT_EQ(q["parts"][0]["text"], "We won,");
  EXPECT_EQ(q["cue"]["lemma"], "say");
  EXPECT_EQ(q["cue"]["text"], "said");
  EXPECT_EQ(q["speaker"]["text"], "Mr Smith");
  EXPECT_EQ(q["speaker"]["name"], "John Smith");
  EXPECT_TRUE(q["closed"].get<bool>());
  EXPECT_GT(q["confidence"].get<double>(), 0.5);
  const int entity = q["speaker"]["entity"];
  ASSERT_GE(entity, 0);
  EXPECT_EQ(j["entities"][entity]["name"], "John Smith");
  EXPECT_EQ(j["entities"][entity]["kind"], "person");
}

TEST(QuotesJson, InvalidBytesBecomeReplacementCharacters) {
  const std::string raw = "\"Bad \xFF byte here,\" she said.";
  auto ex = ExtractFromBytes(raw);
  ASSERT_TRUE(ex.ok());
  const std::string out = QuotesToJson(*ex, raw, -1);
  EXPECT_TRUE(text::IsValidUtf8(out));
  const nlohmann::json j = nlohmann::json::parse(out);
  ASSERT_EQ(j["quotes"].size(), 1u);
  EXPECT_EQ(j["quotes"][0]["parts"][0]["text"], "Bad \xEF\xBF\xBD byte here,");
  EXPECT_EQ(j["quotes"][0]["end"], 18);       // one byte 0xFF in the file, not the 3 of U+FFFD
  EXPECT_EQ(out.find('\n'), out.size() - 1);  // one line
}

TEST(QuotesJson, NoQuotes) {
  auto ex = ExtractFromBytes("");
  ASSERT_TRUE(ex.ok());
  const nlohmann::json j = nlohmann::json::parse(QuotesToJson(*ex, ""));
  EXPECT_TRUE(j["quotes"].empty());
  EXPECT_TRUE(j["entities"].empty());
}

}  // namespace
}  // namespace witness::quotes
