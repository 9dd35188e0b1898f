// The PAN measures on small cases worked out by hand from their definitions.
#include <gtest/gtest.h>

#include <cmath>

#include "syndication/plagdet.h"

namespace witness::syndication::eval {
namespace {

Annotation A(std::string t, int64_t to, int64_t tl, std::string s, int64_t so, int64_t sl) {
  return {std::move(t), std::move(s), to, tl, so, sl};
}

const Annotation kCase = A("t1", 0, 100, "s1", 0, 100);
const Annotation kRight = A("t1", 100, 100, "s1", 100, 100);  // next to it, no overlap
const Annotation kWide = A("t1", 0, 200, "s1", 0, 200);       // covers it and as much again
const Annotation kOther = A("t2", 0, 100, "s2", 0, 100);
const Annotation kHalf = A("t2", 50, 100, "s2", 50, 100);     // second half of kOther + 50
const Annotation kMid = A("t2", 25, 75, "s2", 25, 75);        // last three quarters of kOther

TEST(Plagdet, Recall) {
  EXPECT_EQ(MacroRecall({}, {}), 1);
  EXPECT_EQ(MacroRecall({kCase}, {}), 0);
  EXPECT_EQ(MacroRecall({}, {kCase}), 0);
  EXPECT_EQ(MacroRecall({kCase}, {kCase}), 1);
  EXPECT_EQ(MacroRecall({kCase, kOther}, {kCase}), 0.5);
  EXPECT_EQ(MacroRecall({kCase}, {kRight}), 0);
  EXPECT_EQ(MacroRecall({kCase}, {kWide}), 1);
  EXPECT_EQ(MacroRecall({kOther}, {kHalf}), 0.5);
  EXPECT_EQ(MacroRecall({kOther}, {kMid}), 0.75);
  EXPECT_EQ(MacroRecall({kOther}, {kHalf, kMid}), 0.75);  // the union, not the sum
}

TEST(Plagdet, Precision) {
  EXPECT_EQ(MacroPrecision({kCase}, {kWide}), 0.5);
  EXPECT_EQ(MacroPrecision({kOther}, {kMid}), 1);
  EXPECT_EQ(MacroPrecision({kOther}, {kHalf, kMid}), 0.75);  // (0.5 + 1) / 2
  EXPECT_EQ(MacroPrecision({kCase}, {kRight, kWide}), 0.25);  // (0 + 0.5) / 2
}

TEST(Plagdet, GranularityAndScore) {
  EXPECT_EQ(Granularity({}, {}), 1);
  EXPECT_EQ(Granularity({kCase}, {kRight}), 1);  // nothing detected
  EXPECT_EQ(Granularity({kCase}, {kCase, kWide}), 2);
  EXPECT_EQ(Granularity({kCase, kRight}, {kCase, kWide}), 1.5);  // kWide detects both
  EXPECT_EQ(PlagdetScore(0, 0, 1), 0);
  EXPECT_EQ(PlagdetScore(1, 1, 1), 1);
  EXPECT_DOUBLE_EQ(PlagdetScore(0.5, 1, 1), 2.0 / 3);
  EXPECT_NEAR(PlagdetScore(1, 1, 2), 1 / std::log2(3), 1e-12);
  EXPECT_NEAR(PlagdetScore(0.25, 0.75, 2), 0.375 / std::log2(3), 1e-12);
  const Scores s = Evaluate({kCase, kCase}, {kCase});  // duplicates count once
  EXPECT_EQ(s.cases, 1u);
  EXPECT_EQ(s.plagdet, 1);
}

TEST(Plagdet, ParseXmlAndCharOffsets) {
  const char xml[] =
      "<document reference=\"suspicious-document00005.txt\">\n"
      "<feature name=\"plagiarism\" obfuscation=\"none\" source_length=\"698\" "
      "source_offset=\"1300\" source_reference=\"source-document01090.txt\" this_length=\"698\" "
      "this_offset=\"3593\" type=\"artificial\" />\n"
      "<feature name=\"about\" md5Hash=\"x\" />\n</document>\n";
  auto anns = ParsePanXml(xml, "t.xml");
  ASSERT_TRUE(anns.ok());
  ASSERT_EQ(anns->size(), 1u);
  EXPECT_EQ((*anns)[0], A("suspicious-document00005.txt", 3593, 698, "source-document01090.txt",
                         1300, 698));
  EXPECT_FALSE(ParsePanXml("<nothing/>", "x").ok());
  EXPECT_EQ(CharOffset("caf\xC3\xA9 au lait", 5), 4);
  EXPECT_EQ(CharOffset("abc", 99), 3);
}

}  // namespace
}  // namespace witness::syndication::eval
