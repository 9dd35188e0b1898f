#include "stories/features.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace witness::stories::internal {
namespace {

using ::testing::Contains;
using ::testing::Not;

struct Extracted {
  std::vector<Feature> features;
  std::vector<DebugFeature> debug;
  std::string headline;
  std::vector<std::string> Of(FeatureKind kind) const {
    std::vector<std::string> out;
    for (const DebugFeature& d : debug)
      if (d.kind == kind) out.push_back(d.text);
    return out;
  }
  const DebugFeature* Find(FeatureKind kind, const std::string& text) const {
    for (const DebugFeature& d : debug)
      if (d.kind == kind && d.text == text) return &d;
    return nullptr;
  }
};

Extracted Extract(std::string_view title, std::string_view text, const StoryOptions& o = {}) {
  FeatureExtractor fx(o);
  Extracted e;
  fx.Extract(title, text, &e.features, &e.headline, &e.debug);
  return e;
}

TEST(Features, NamesAreCapitalisedRunsWithTheirLastWord) {
  Extracted e = Extract(
      "", "The union said Tomas Reyk would speak. Later, Reyk told the Bank of England nothing.");
  std::vector<std::string> names = e.Of(FeatureKind::kName);
  EXPECT_THAT(names, Contains("tomas reyk"));
  EXPECT_THAT(names, Contains("reyk"));
  EXPECT_THAT(names, Contains("bank of england"));
  EXPECT_THAT(names, Contains("england"));
  // "Reyk" appears twice as a name: once as the head of the run, once alone.
  ASSERT_NE(e.Find(FeatureKind::kName, "reyk"), nullptr);
  EXPECT_EQ(e.Find(FeatureKind::kName, "reyk")->count, 2u);
  EXPECT_THAT(names, Not(Contains("later")));
  EXPECT_THAT(names, Not(Contains("the")));
}

TEST(Features, SentenceInitialWordsNeedEvidence) {
  // "Police" starts a sentence and is never capitalised inside one: no name. "Harlsund" starts
  // one and is also capitalised inside another: a name.
  Extracted e =
      Extract("", "Police cleared the gate. Harlsund was calm. Crowds left Harlsund at noon.");
  std::vector<std::string> names = e.Of(FeatureKind::kName);
  EXPECT_THAT(names, Not(Contains("police")));
  EXPECT_THAT(names, Not(Contains("crowds")));
  EXPECT_EQ(e.Find(FeatureKind::kName, "harlsund")->count, 2u);
  // A run that starts a sentence loses an unproven first word and the connectors after it.
  e = Extract("", "Dozens of Romanian singers sang. Two Romanian tourists are missing.");
  names = e.Of(FeatureKind::kName);
  EXPECT_THAT(names, Contains("romanian"));
  EXPECT_THAT(names, Not(Contains("dozens of romanian")));
  EXPECT_THAT(names, Not(Contains("two romanian")));
}

TEST(Features, CalendarWordsAndShoutingGiveNoNames) {
  Extracted e = Extract("", "The vote was held on Sunday in March by the Civic Union.");
  std::vector<std::string> names = e.Of(FeatureKind::kName);
  EXPECT_THAT(names, Not(Contains("sunday")));
  EXPECT_THAT(names, Not(Contains("march")));
  EXPECT_THAT(names, Contains("civic union"));
  e = Extract("", "BREAKING NEWS FROM THE PORT OF HARLSUND TODAY");
  EXPECT_TRUE(e.Of(FeatureKind::kName).empty());
  // Possessives are stripped and end the run.
  e = Extract("", "They met at Ostrevia's Harlsund port.");
  names = e.Of(FeatureKind::kName);
  EXPECT_THAT(names, Contains("ostrevia"));
  EXPECT_THAT(names, Contains("harlsund"));
}

TEST(Features, TitleCaseTitlesGiveNoNamesButSentenceCaseTitlesDo) {
  Extracted e = Extract("Police Clash With Striking Dockworkers At The Port", "Nothing here.");
  EXPECT_TRUE(e.Of(FeatureKind::kName).empty());
  e = Extract("Police clash with dockworkers in Harlsund", "The port of Harlsund is shut.");
  const DebugFeature* h = e.Find(FeatureKind::kName, "harlsund");
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(h->in_title);
}

TEST(Features, NumbersCountOnlyWithUnits) {
  Extracted e = Extract("",
                        "Some 1,214 dockworkers walked out. The deal is worth $350 million. "
                        "Turnout was 48.3% and unemployment 9 per cent. Costs rose to €35mn. "
                        "It happened in 2004 and again on March 11. On 11 March they met. "
                        "He counted 7 and then 12.");
  std::vector<std::string> q = e.Of(FeatureKind::kNumber);
  EXPECT_THAT(q, Contains("1214 dockwork"));
  EXPECT_THAT(q, Contains("$350e6"));
  EXPECT_THAT(q, Contains("48.3 %"));
  EXPECT_THAT(q, Contains("9 %"));
  EXPECT_THAT(q, Contains("\xE2\x82\xAC"
                          "35e6"));
  for (const std::string& s : q) {
    EXPECT_EQ(s.find("2004"), std::string::npos) << s;
    EXPECT_NE(s.rfind("11", 0), 0u) << s;  // no date quantities
  }
  EXPECT_EQ(q.size(), 5u);
}

TEST(Features, StopwordsAndPunctuationAreNotFeatures) {
  Extracted e = Extract("", "the and of to in , . ! ?");
  EXPECT_TRUE(e.features.empty());
  EXPECT_TRUE(e.debug.empty());
  e = Extract("", "");
  EXPECT_TRUE(e.features.empty());
  EXPECT_EQ(e.headline, "");
}

TEST(Features, WeightsAreSublinearAndBoosted) {
  StoryOptions o;
  o.title_boost = 2.0;
  o.name_boost = 3.0;
  FeatureExtractor fx(o);
  std::vector<Feature> f;
  std::string headline;
  fx.Extract("strike", "strike strike strike. The port shut.", &f, &headline);
  auto tf_of = [&](FeatureKind k, const std::string& t) {
    uint64_t h = FeatureHash(k, t);
    for (const Feature& x : f)
      if (x.hash == h) return static_cast<double>(x.tf);
    return -1.0;
  };
  // "strike": 3 in the body + 1 in the title = 4 occurrences, in the title.
  EXPECT_NEAR(tf_of(FeatureKind::kWord, "strike"), (1 + std::log(4.0)) * 2.0, 1e-5);
  EXPECT_NEAR(tf_of(FeatureKind::kWord, "port"), 1.0, 1e-6);
  fx.Extract("", "They met Reyk. Reyk left.", &f, &headline);
  EXPECT_NEAR(tf_of(FeatureKind::kName, "reyk"), (1 + std::log(2.0)) * 3.0, 1e-5);
  // Every distinct feature once.
  std::vector<uint64_t> hashes;
  for (const Feature& x : f) hashes.push_back(x.hash);
  std::sort(hashes.begin(), hashes.end());
  EXPECT_EQ(std::adjacent_find(hashes.begin(), hashes.end()), hashes.end());
}

TEST(Features, HeadlineIsTheTitleOrTheFirstSentence) {
  Extracted e = Extract("  Port strike ends  ", "Body text. More.");
  EXPECT_EQ(e.headline, "Port strike ends");
  e = Extract("", "Dockworkers went back to work on Friday.\nThe port reopened.");
  EXPECT_EQ(e.headline, "Dockworkers went back to work on Friday.");
  e = Extract("---", "First sentence here. Second.");
  EXPECT_EQ(e.headline, "First sentence here.");
  std::string long_text(150, 'a');
  long_text += " \xC3\xA9\xC3\xA9\xC3\xA9";  // "ééé" straddles byte 200
  long_text += std::string(100, 'b');
  e = Extract("", long_text);
  EXPECT_LE(e.headline.size(), 200u);
  EXPECT_TRUE(text::IsValidUtf8(e.headline));
}

TEST(Features, SameInputSameFeatures) {
  const char* text =
      "Quillon Mobility recalled 88,000 scooters after 14 battery fires, chief "
      "executive Renata Oduya said on Tuesday in Lisbrook.";
  Extracted a = Extract("Quillon recalls scooters", text);
  Extracted b = Extract("Quillon recalls scooters", text);
  ASSERT_EQ(a.features.size(), b.features.size());
  for (size_t i = 0; i < a.features.size(); ++i) {
    EXPECT_EQ(a.features[i].hash, b.features[i].hash);
    EXPECT_EQ(a.features[i].tf, b.features[i].tf);
  }
  // The debug path and the cached path agree on the features.
  FeatureExtractor fx(StoryOptions{});
  std::vector<Feature> fast;
  std::string h;
  fx.Extract("Quillon recalls scooters", text, &fast, &h);
  fx.Extract("Quillon recalls scooters", text, &fast, &h);  // second time: from the cache
  std::vector<uint64_t> x, y;
  for (const Feature& f : fast) x.push_back(f.hash);
  for (const Feature& f : a.features) y.push_back(f.hash);
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  EXPECT_EQ(x, y);
}

}  // namespace
}  // namespace witness::stories::internal
