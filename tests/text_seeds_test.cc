// The text pipeline on the sample story (shared/data/seeds) and a TAC 2011 report: sentence
// and token boundaries checked by hand against the files, plus the span invariants and
// Key/Stem on every token of every file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "witness/text.h"

namespace witness::text {
namespace {

namespace fs = std::filesystem;

const fs::path kData = WITNESS_SHARED_DATA;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A seed file, normalised and segmented.
struct Doc {
  std::string text;
  Segmentation seg;

  // The one sentence that contains `needle`.
  std::string SentenceWith(std::string_view needle) const {
    const size_t at = text.find(needle);
    if (at == std::string::npos) return "<needle not in text>";
    for (const Sentence& s : seg.sentences) {
      if (s.span.begin <= at && at + needle.size() <= s.span.end) {
        return std::string(s.span.in(text));
      }
    }
    return "<needle crosses a sentence boundary>";
  }
  // The tokens that cover `needle` (which must start and end on token boundaries).
  std::vector<std::string> TokensOf(std::string_view needle) const {
    std::vector<std::string> out;
    const size_t at = text.find(needle);
    if (at == std::string::npos) return {"<needle not in text>"};
    for (const Token& t : seg.tokens) {
      if (t.span.begin >= at && t.span.end <= at + needle.size()) out.emplace_back(t.span.in(text));
    }
    return out;
  }
  TokenKind KindOf(std::string_view token) const {
    for (const Token& t : seg.tokens) {
      if (t.span.in(text) == token) return t.kind;
    }
    return static_cast<TokenKind>(255);
  }
};

class SeedTest : public ::testing::Test {
 protected:
  static Doc Load(const std::string& relative) {
    Doc doc;
    doc.text = Normalize(ReadFile(kData / relative)).text;
    doc.seg = Segment(doc.text);
    return doc;
  }
  void SetUp() override {
    if (!fs::exists(kData / "seeds" / "000_4fa4c5953c9d4789.txt")) {
      GTEST_SKIP() << "shared data absent: " << (kData / "seeds").string() << " not found";
    }
  }
};

TEST_F(SeedTest, Bloomberg000) {
  const Doc d = Load("seeds/000_4fa4c5953c9d4789.txt");
  EXPECT_EQ(d.seg.paragraphs.size(), 10u);  // ten blank-line separated paragraphs
  // "Mr Putin" (no period) inside a quotation-led sentence; "(Jan 10)".
  const std::string quote = d.SentenceWith("Mr Putin told a televised");
  EXPECT_TRUE(quote.starts_with("\"We won't let anyone dist")) << quote;
  EXPECT_TRUE(quote.ends_with("popular unrest.")) << quote;
  EXPECT_EQ(d.TokensOf("(Jan 10)"), (std::vector<std::string>{"(", "Jan", "10", ")"}));
  // Period after a closing quote.
  EXPECT_EQ(d.SentenceWith("Mr Tokayev called"),
            "Mr Tokayev called the events \"an attempted coup\".");
  EXPECT_EQ(d.SentenceWith("8,000"),
            "More than two dozen people were killed and about 8,000 have been detained, "
            "authorities said.");
  EXPECT_EQ(d.KindOf("8,000"), TokenKind::kNumber);
  // A paragraph of two sentences, the first ending after a quoted clause and "Mr Putin said".
  const std::string second = d.SentenceWith("He also cited");
  EXPECT_TRUE(second.starts_with("He also cited")) << second;
  EXPECT_TRUE(second.ends_with("a pro-Russian leader.")) << second;
  EXPECT_EQ(d.TokensOf("Kassym-Jomart Tokayev crush"),
            (std::vector<std::string>{"Kassym-Jomart", "Tokayev", "crush"}));
  EXPECT_EQ(d.TokensOf("over fuel-price increases"),
            (std::vector<std::string>{"over", "fuel-price", "increases"}));
  EXPECT_EQ(d.TokensOf("its ex-Soviet allies"),
            (std::vector<std::string>{"its", "ex-Soviet", "allies"}));
  EXPECT_EQ(d.TokensOf("aren't the first"), (std::vector<std::string>{"aren't", "the", "first"}));
}

TEST_F(SeedTest, Others) {
  const Doc b = Load("seeds/001_b549dda8c9ccdc3d.txt");
  EXPECT_EQ(b.TokensOf("of 19 million people"),
            (std::vector<std::string>{"of", "19", "million", "people"}));
  EXPECT_EQ(b.TokensOf("on Jan 10, 2022."),
            (std::vector<std::string>{"on", "Jan", "10", ",", "2022", "."}));

  const Doc ft = Load("seeds/002_b87f51cfc6e39bfa.txt");
  EXPECT_EQ(ft.TokensOf("Russia\xE2\x80\x99s president"),
            (std::vector<std::string>{"Russia\xE2\x80\x99s", "president"}));
  EXPECT_EQ(ft.TokensOf("coup d\xE2\x80\x99\xC3\xA9tat"),
            (std::vector<std::string>{"coup", "d\xE2\x80\x99\xC3\xA9tat"}));
  EXPECT_EQ(ft.TokensOf("the 81-year-old"), (std::vector<std::string>{"the", "81-year-old"}));
  EXPECT_EQ(ft.TokensOf("as 20,000,"), (std::vector<std::string>{"as", "20,000", ","}));
  EXPECT_EQ(ft.TokensOf("2,030 troops"), (std::vector<std::string>{"2,030", "troops"}));
  EXPECT_EQ(ft.KindOf("2,030"), TokenKind::kNumber);
  // Curly quotes: the closing quote after the comma stays, "Putin said." ends the sentence.
  const std::string q = ft.SentenceWith("attempt to interfere");
  EXPECT_TRUE(q.starts_with("\xE2\x80\x9C")) << q;
  EXPECT_TRUE(q.ends_with("Putin said.")) << q;

  const Doc reuters = Load("seeds/003_5a9343e1b697f94e.txt");
  // The dateline sentence ends after the closing quote and the period.
  const std::string dateline = reuters.SentenceWith("NUR-SULTAN, Jan 10 (Reuters)");
  EXPECT_TRUE(dateline.ends_with("\"colour revolutions\".")) << dateline;
  // A quotation of two sentences: the break falls inside the quotation marks.
  const std::string q1 = reuters.SentenceWith("The threat to Kazakhstan's statehood");
  EXPECT_TRUE(q1.starts_with("\"The threat")) << q1;
  EXPECT_TRUE(q1.ends_with("fuel prices.")) << q1;
  const std::string q2 = reuters.SentenceWith("It is because destructive");
  EXPECT_TRUE(q2.ends_with("\" Putin said.")) << q2;
}

TEST_F(SeedTest, TacUsAbbreviations) {
  const fs::path tac = "story-clusters/tac2011_multiling_pilot/SourceTexts/M0000.english";
  if (!fs::exists(kData / tac)) GTEST_SKIP() << (kData / tac).string() << " not found";
  const Doc d = Load(tac.string());
  // "U.S." is one token and, before "House" or "citizens", ends no sentence; "W." neither.
  const std::string s = d.SentenceWith("citizens donating");
  EXPECT_TRUE(s.starts_with("U.S. citizens donating ")) << s;
  EXPECT_TRUE(s.ends_with("president George W. Bush.")) << s;
  EXPECT_EQ(d.TokensOf("the U.S. House"), (std::vector<std::string>{"the", "U.S.", "House"}));
  EXPECT_EQ(d.SentenceWith("poll has found"),
            "An AP/ISOS poll has found three in ten U.S. citizens have donated to Tsunami Aid "
            "organizations.");
  // The headline line ends with "U.S." and is its own paragraph and sentence.
  EXPECT_EQ(d.SentenceWith("Tsunami aid donations"),
            "2005/01/08 Tsunami aid donations in 2005 deductible for 2004 in the U.S.");
}

TEST_F(SeedTest, EveryTokenOfEverySeedFile) {
  Analyzer analyzer;
  size_t files = 0, words = 0;
  for (const auto& entry : fs::directory_iterator(kData / "seeds")) {
    const std::string bytes = ReadFile(entry.path());
    const Normalized n = Normalize(bytes);
    EXPECT_EQ(n.repaired_sequences, 0u) << entry.path();
    const Segmentation seg = Segment(n.text);
    ASSERT_FALSE(seg.paragraphs.empty());
    uint32_t prev_end = 0;
    for (const Token& t : seg.tokens) {
      ASSERT_GE(t.span.begin, prev_end);
      ASSERT_LT(t.span.begin, t.span.end);
      prev_end = t.span.end;
      const std::string_view key = analyzer.Key(n.text, t);
      ASSERT_FALSE(key.empty()) << t.span.in(n.text);
      if (t.kind == TokenKind::kWord) {
        ++words;
        const std::string k(key);
        ASSERT_FALSE(analyzer.Stem(k).empty()) << k;
      }
    }
    ++files;
  }
  EXPECT_EQ(files, 5u);
  EXPECT_GT(words, 2000u);
}

}  // namespace
}  // namespace witness::text
