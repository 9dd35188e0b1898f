#include "clean/html_eval.h"

#include <gtest/gtest.h>

namespace witness::clean {
namespace {

TEST(WordTokens, PythonWordCharacters) {
  EXPECT_EQ(WordTokens("Don't stop—it's 3.5% of U.S. GDP_total!"),
            (std::vector<std::string>{"Don", "t", "stop", "it", "s", "3", "5", "of", "U", "S",
                                      "GDP_total"}));
  EXPECT_EQ(WordTokens("Café naïve 東京タワー ٣"),
            (std::vector<std::string>{"Café", "naïve", "東京タワー", "٣"}));
  EXPECT_TRUE(WordTokens(" ... -- ").empty());
}

// Values worked out by hand from evaluate.py's definitions.
TEST(ScorePage, HandComputedCases) {
  // Truth "a b c d e": shingles {abcd, bcde}. Prediction "a b c d": {abcd}.
  PageScore s = ScorePage("a b c d e", "a b c d");
  EXPECT_DOUBLE_EQ(s.tp, 0.5);
  EXPECT_DOUBLE_EQ(s.fp, 0.0);
  EXPECT_DOUBLE_EQ(s.fn, 0.5);
  EXPECT_DOUBLE_EQ(s.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 0.5);
  EXPECT_FALSE(s.exact);

  // Shingles are counted as a multiset: a repeated shingle must be predicted twice.
  s = ScorePage("x y z w x y z w", "x y z w");  // truth: xyzw, yzwx, zwxy, wxyz, xyzw
  EXPECT_DOUBLE_EQ(s.tp, 1.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.fn, 4.0 / 5.0);

  // Fewer than four tokens make one short shingle.
  s = ScorePage("one two", "one two");
  EXPECT_DOUBLE_EQ(s.tp, 1.0);
  EXPECT_TRUE(s.exact);
  EXPECT_TRUE(ScorePage("One, two!", "one two").exact == false);
  EXPECT_TRUE(ScorePage("one,  two!", "one two").exact);

  // Empty prediction: no shingles, precision 0 by the formula, recall 0.
  s = ScorePage("a b c d", "");
  EXPECT_DOUBLE_EQ(s.tp, 0.0);
  EXPECT_DOUBLE_EQ(s.fn, 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 0.0);
  // Both empty: nothing to find, nothing wrong.
  s = ScorePage("", "");
  EXPECT_DOUBLE_EQ(s.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 1.0);
}

TEST(Summarize, AveragesPerPageAndSkipsEmptyPredictionsForPrecision) {
  std::vector<PageScore> pages = {ScorePage("a b c d e", "a b c d"),  // P 1, R .5
                                  ScorePage("a b c d", ""),           // P skipped, R 0
                                  ScorePage("p q r s", "p q r s")};   // P 1, R 1, exact
  EvalSummary s = Summarize(pages);
  EXPECT_EQ(s.pages, 3u);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 2 * 1.0 * 0.5 / 1.5);
  EXPECT_DOUBLE_EQ(s.accuracy, 1.0 / 3.0);
}

TEST(LoadBenchmark, MissingFolderIsNotFound) {
  auto r = LoadBenchmark("/nonexistent/folder");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace witness::clean
