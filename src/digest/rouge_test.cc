// ROUGE against examples computed by hand.
#include "digest/rouge.h"

#include <gtest/gtest.h>

namespace witness::digest::rouge {
namespace {

using Tokens = std::vector<std::string>;

TEST(Rouge, HandComputedExample) {
  // System "the cat was found under the bed", reference "the cat was under the bed".
  // Unigrams: the reference has 6 (the x2, cat, was, under, bed), the system 7; all 6 of the
  // reference's are matched: R = 6/6, P = 6/7, F1 = 2(6/7)/(1 + 6/7) = 12/13.
  // Bigrams: the reference has 5, the system 6; 4 match (the cat, cat was, under the, the
  // bed): R = 4/5, P = 4/6, F1 = 2(4/5)(2/3)/(4/5 + 2/3) = 8/11.
  Rouge r(/*stem=*/false);
  const Scores s = r.Compare(r.Tokens("The cat was found under the bed."),
                             r.Tokens("the cat was under the bed"));
  EXPECT_DOUBLE_EQ(s.rouge1.recall, 1.0);
  EXPECT_DOUBLE_EQ(s.rouge1.precision, 6.0 / 7.0);
  EXPECT_NEAR(s.rouge1.f1, 12.0 / 13.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.rouge2.recall, 0.8);
  EXPECT_DOUBLE_EQ(s.rouge2.precision, 4.0 / 6.0);
  EXPECT_NEAR(s.rouge2.f1, 8.0 / 11.0, 1e-12);
  // Stemming changes nothing here ("found", "under" are their own stems).
  Rouge stemmed;
  const Scores t = stemmed.Compare(stemmed.Tokens("The cat was found under the bed."),
                                   stemmed.Tokens("the cat was under the bed"));
  EXPECT_DOUBLE_EQ(t.rouge1.recall, s.rouge1.recall);
  EXPECT_DOUBLE_EQ(t.rouge2.precision, s.rouge2.precision);
}

TEST(Rouge, CountsAreClipped) {
  // "the the the" vs "the cat": one "the" matches. R = 1/2, P = 1/3; no bigram matches.
  Rouge r(false);
  const Scores s = r.Compare(r.Tokens("the the the"), r.Tokens("the cat"));
  EXPECT_DOUBLE_EQ(s.rouge1.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.rouge1.precision, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.rouge2.recall, 0.0);
  EXPECT_DOUBLE_EQ(s.rouge2.f1, 0.0);
}

TEST(Rouge, TokensLowerCaseLettersAndDigits) {
  Rouge r(false);
  EXPECT_EQ(r.Tokens("Tokayev's 8,000 U.S. troops -- x"),
            (Tokens{"tokayev", "s", "8", "000", "u", "s", "troops", "x"}));
  EXPECT_EQ(r.Tokens("Zürich"), (Tokens{"z", "rich"}));  // non-ASCII letters separate
  EXPECT_TRUE(r.Tokens("").empty());
  EXPECT_TRUE(r.Tokens(" ... ").empty());
}

TEST(Rouge, PorterStemsTokensLongerThanThree) {
  Rouge r;
  // running -> run, dogs -> dog, runs -> run; "the" and "dog" (3 letters) stay as they are.
  EXPECT_EQ(r.Tokens("Running dogs"), (Tokens{"run", "dog"}));
  EXPECT_EQ(r.Tokens("the dog runs"), (Tokens{"the", "dog", "run"}));
  // Porter (not Porter2): "generously" -> "gener", "relational" -> "relat".
  EXPECT_EQ(r.Tokens("generously relational"), (Tokens{"gener", "relat"}));
  const Scores s = r.Compare(r.Tokens("Running dogs"), r.Tokens("the dog runs"));
  EXPECT_DOUBLE_EQ(s.rouge1.recall, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.rouge1.precision, 1.0);
}

TEST(Rouge, FirstWordsCutsAtWhitespaceWords) {
  EXPECT_EQ(FirstWords("a b  c\nd", 2), "a b  ");
  EXPECT_EQ(FirstWords("a b", 5), "a b");
  EXPECT_EQ(FirstWords("a b", 0), "a b");
  EXPECT_EQ(FirstWords("  U.S. troops, 8,000 of them", 3), "  U.S. troops, 8,000 ");
  Rouge r(false);
  // Three words, but five tokens: the cut is made on words, before tokenisation.
  EXPECT_EQ(r.Tokens("U.S. troops, 8,000 of them", 3).size(), 5u);
}

TEST(Rouge, AverageIsTheMeanOverReferences) {
  // System "a b"; reference 1 "a b" (R1 R=P=1, R2 R=P=1), reference 2 "a c d"
  // (R1: 1 match, R = 1/3, P = 1/2, F1 = 0.4; R2: none).
  Rouge r(false);
  const Scores s = r.Average(r.Tokens("a b"), {r.Tokens("a b"), r.Tokens("a c d")});
  EXPECT_DOUBLE_EQ(s.rouge1.recall, (1.0 + 1.0 / 3.0) / 2);
  EXPECT_DOUBLE_EQ(s.rouge1.precision, (1.0 + 0.5) / 2);
  EXPECT_DOUBLE_EQ(s.rouge1.f1, (1.0 + 0.4) / 2);
  EXPECT_DOUBLE_EQ(s.rouge2.recall, 0.5);
  const Scores none = r.Average(r.Tokens("a b"), {});
  EXPECT_EQ(none.rouge1.recall, 0.0);
}

TEST(Rouge, EmptySidesScoreZero) {
  Rouge r(false);
  const Scores s = r.Compare({}, r.Tokens("a b"));
  EXPECT_EQ(s.rouge1.recall, 0.0);
  EXPECT_EQ(s.rouge1.precision, 0.0);
  EXPECT_EQ(s.rouge1.f1, 0.0);
  const Scores one = r.Compare(r.Tokens("a"), r.Tokens("a"));
  EXPECT_EQ(one.rouge1.f1, 1.0);
  EXPECT_EQ(one.rouge2.recall, 0.0);  // no bigrams on either side
}

}  // namespace
}  // namespace witness::digest::rouge
