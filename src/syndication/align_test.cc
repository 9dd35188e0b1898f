// Align(): copies, edited copies, unrelated texts, symmetry, bad input.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "witness/syndication.h"

namespace witness::syndication {
namespace {

const char kStory[] =
    "President Vladimir Putin vowed to protect Russia and its ex-Soviet allies from what he "
    "called outside efforts to destabilise their governments with public protests, just days "
    "after Russian-led troops helped Kazakh authorities subdue nationwide demonstrations.\n\n"
    "\"We won't let anyone disturb the situation in our homes and won't allow scenarios of "
    "so-called colour revolutions to be played out,\" Mr Putin told a televised video "
    "conference on Monday of leaders of the six-nation Collective Security Treaty Organisation, "
    "a Moscow-dominated bloc whose deployment of troops to Kazakhstan was the first time it had "
    "sent forces to shore up a government under pressure from popular unrest.\n\n"
    "The dramatic intervention helped embattled Kazakh President Kassym-Jomart Tokayev crush an "
    "uprising that started in protests over fuel-price increases but rapidly led to the seizure "
    "of government buildings around the country.\n\n"
    "More than two dozen people were killed and about 8,000 have been detained, authorities "
    "said. China backed the crackdown, while the US and other western capitals were critical of "
    "the harsh moves.\n\n"
    "Mr Putin blamed technology for fuelling the destabilising events in Kazakhstan and "
    "elsewhere in the region, and said the Russian-led troops would leave as soon as their "
    "mission is completed.";

// The same story as another outlet prints it: American spelling, curly quotes, no "Mr",
// a word added here and dropped there, a new headline.
const char kEdited[] =
    "Putin vows to defend allies from color revolutions\n\n"
    "President Vladimir Putin vowed to protect Russia and its ex-Soviet allies from what he "
    "called outside efforts to destabilize their governments with public protests, only days "
    "after Russian-led troops helped Kazakh authorities subdue nationwide demonstrations.\n\n"
    "\u201CWe won\u2019t let anyone disturb the situation in our homes and won\u2019t allow "
    "scenarios of so-called color revolutions to be played out,\u201D Putin told a televised "
    "video conference Monday of leaders of the six-nation Collective Security Treaty "
    "Organization, a Moscow-dominated bloc whose deployment of troops to Kazakhstan was the "
    "first time it had sent forces to shore up a government under pressure from popular "
    "unrest.\n\n"
    "The dramatic intervention helped embattled Kazakh President Kassym-Jomart Tokayev crush an "
    "uprising that started in protests over fuel-price increases but led to the seizure of "
    "government buildings around the country.\n\n"
    "More than two dozen people were killed and about 8,000 have been detained, authorities "
    "said. China backed the crackdown, while the U.S. and other western capitals were critical "
    "of the harsh moves.\n\n"
    "Putin blamed technology for fueling the destabilizing events in Kazakhstan and elsewhere "
    "in the region, and said the Russian-led troops would leave as soon as their mission is "
    "completed.";

const char kOther[] =
    "The central bank raised its benchmark interest rate by half a percentage point on "
    "Tuesday, the third increase this year, and signalled that more were likely as inflation "
    "stayed well above its two percent target.\n\nEconomists had expected a smaller move. "
    "Shares in banks rose while the currency strengthened against the dollar and the euro, "
    "traders said, as investors bet that the tightening cycle would last into next year.";

void ExpectWellFormed(const std::vector<Passage>& ps, std::string_view a, std::string_view b) {
  for (size_t i = 0; i < ps.size(); ++i) {
    EXPECT_LT(ps[i].a.begin, ps[i].a.end);
    EXPECT_LE(ps[i].a.end, a.size());
    EXPECT_LT(ps[i].b.begin, ps[i].b.end);
    EXPECT_LE(ps[i].b.end, b.size());
    if (i > 0) EXPECT_LE(ps[i - 1].a.end, ps[i].a.begin);  // sorted, no overlap in A
  }
}

TEST(Align, IdenticalTextsAreOnePassage) {
  const auto ps = Align(kStory, kStory);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].a, ps[0].b);
  EXPECT_EQ(ps[0].a.begin, 0u);
  EXPECT_EQ(ps[0].a.end, std::string_view(kStory).size());
  EXPECT_GT(ps[0].similarity, 0.99);
  EXPECT_FALSE(ps[0].quoted);
}

TEST(Align, EditedCopyAlignsAcrossSmallEdits) {
  const std::string_view a = kStory, b = kEdited;
  const auto ps = Align(a, b);
  ExpectWellFormed(ps, a, b);
  ASSERT_EQ(ps.size(), 1u);
  // All of the story, and all of the copy but its new headline.
  EXPECT_EQ(ps[0].a.begin, 0u);
  EXPECT_EQ(ps[0].a.end, a.size());
  EXPECT_EQ(ps[0].b.begin, b.find("President Vladimir Putin vowed"));
  EXPECT_EQ(ps[0].b.end, b.size());
  EXPECT_GT(ps[0].similarity, 0.8);
  // And the same the other way round.
  const auto back = Align(b, a);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].a, ps[0].b);
  EXPECT_EQ(back[0].b, ps[0].a);
}

TEST(Align, UnrelatedTextsShareNothing) {
  EXPECT_TRUE(Align(kStory, kOther).empty());
  EXPECT_TRUE(Align(kOther, kStory).empty());
}

TEST(Align, PassageInsideLongerText) {
  const std::string longer = std::string(kOther) + "\n\n" + kStory + "\n\n" + kOther;
  const auto ps = Align(kStory, longer);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].b.begin, longer.find("President Vladimir"));
  EXPECT_EQ(ps[0].b.end, longer.find("completed.") + 10);
}

TEST(Align, BadInputIsDefined) {
  EXPECT_TRUE(Align("", "").empty());
  EXPECT_TRUE(Align("", kStory).empty());
  EXPECT_TRUE(Align("word", "word").empty());  // shorter than a passage
  std::string rep;
  for (int i = 0; i < 20000; ++i) rep += "buffalo ";
  const auto ps = Align(rep, rep);  // one word repeated: at most one passage, well formed
  ExpectWellFormed(ps, rep, rep);
  EXPECT_LE(ps.size(), 1u);
  const std::string junk = "\x01\x02 \x7f...!!! ??? \n\n\n ---";
  EXPECT_TRUE(Align(junk, junk).empty());
}

TEST(Align, TenMegabytesIsBounded) {
  // 10 MB of varied prose against an article hidden inside it.
  std::mt19937 rng(1);
  const char* words[] = {"market", "government", "people", "said", "year", "city", "police",
                         "report", "million", "week", "company", "minister", "officials",
                         "the", "of", "and", "in", "to", "a", "new", "after", "over"};
  std::string big;
  big.reserve(10u << 20);
  while (big.size() < (10u << 20)) {
    for (int w = 0; w < 12; ++w) {
      big += words[rng() % 22];
      big += ' ';
    }
    big += (rng() % 8 == 0) ? ".\n\n" : ". ";
    if (big.size() > (5u << 20) && big.size() < (5u << 20) + 200) big += kStory;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto ps = Align(kStory, big);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ExpectWellFormed(ps, kStory, big);
  ASSERT_FALSE(ps.empty());
  EXPECT_EQ(big.substr(ps[0].b.begin, 9), "President");
  EXPECT_LT(s, 60.0);  // generous for sanitizer builds; about a second in Release
}

}  // namespace
}  // namespace witness::syndication
