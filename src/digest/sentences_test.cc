// Which sentences may be summarised, and what the summary shows of them.
#include "digest/sentences.h"

#include <gtest/gtest.h>

namespace witness::digest::internal {
namespace {

class SentencesTest : public ::testing::Test {
 protected:
  std::vector<SentenceInfo> Analyze(const std::string& text) {
    text_ = text;
    std::vector<SentenceInfo> out;
    AnalyzeArticle(text_, 0, {}, &analyzer_, &vocabulary_, &out);
    return out;
  }
  // The sentence whose display text starts with `prefix`.
  const SentenceInfo* Find(const std::vector<SentenceInfo>& s, std::string_view prefix) {
    for (const SentenceInfo& x : s) {
      if (x.span.in(text_).starts_with(prefix)) return &x;
    }
    return nullptr;
  }
  std::string text_;
  text::Analyzer analyzer_;
  Vocabulary vocabulary_;
};

TEST_F(SentencesTest, DatelineIsLeftOutOfTheSpan) {
  const auto s = Analyze(
      "NUR-SULTAN (BLOOMBERG) - President Vladimir Putin vowed to protect Russia and its "
      "ex-Soviet allies from outside efforts to destabilise their governments.\n\n"
      "WASHINGTON — Michael Steele drew fierce criticism and a call for his resignation on "
      "Friday after a speech.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(s[0].span.in(text_).starts_with("President Vladimir Putin vowed"));
  EXPECT_TRUE(s[0].span.in(text_).ends_with("governments."));
  EXPECT_EQ(s[0].skip, Skip::kNone);
  EXPECT_EQ(s[0].words, 18u);  // the dateline's words are not counted
  EXPECT_TRUE(s[1].span.in(text_).starts_with("Michael Steele drew"));
}

TEST_F(SentencesTest, SkipReasons) {
  const auto s = Analyze(
      "Japan tops the U.S.\n\n"
      "Saturday, January 8, 2005\n\n"
      "By Jane Doe and John Smith\n\n"
      "The government said on Monday that foreign media reports had created a false impression "
      "of the crackdown. Why did the protests begin so suddenly in the west of the country? "
      "The ministry said in a statement on Monday: \"Our security forces have been engaging "
      "with violent mobs.\" Too short here. More details are at https://example.com/story for "
      "readers who want to follow the events closely. "
      "This sentence goes on and on with many words that keep adding clause after clause so "
      "that it runs far past what any reader wants in a summary of the story, including lists "
      "of names, places, dates and figures that could each be a sentence of their own, and "
      "still more words after that until it is too long.\n\n"
      "Reporting by Tamara Vaal; writing by Tom Balmforth; editing by Andrew Osborn.");
  EXPECT_EQ(Find(s, "Japan tops")->skip, Skip::kHeading);
  EXPECT_EQ(Find(s, "Saturday")->skip, Skip::kHeading);
  EXPECT_EQ(Find(s, "By Jane Doe")->skip, Skip::kHeading);  // no terminal punctuation either
  EXPECT_EQ(Find(s, "The government said")->skip, Skip::kNone);
  EXPECT_EQ(Find(s, "Why did")->skip, Skip::kQuestion);
  EXPECT_EQ(Find(s, "Too short")->skip, Skip::kShort);
  EXPECT_EQ(Find(s, "More details")->skip, Skip::kLink);
  EXPECT_EQ(Find(s, "This sentence goes on")->skip, Skip::kLong);
  EXPECT_EQ(Find(s, "Reporting by")->skip, Skip::kByline);
  // Headings do not count in the ranks: the first body sentence has rank 0.
  EXPECT_EQ(Find(s, "The government said")->rank, 0u);
}

TEST_F(SentencesTest, QuotesWithoutContext) {
  const auto s = Analyze(
      "\"The main goal was obvious: the undermining of the constitutional order and the "
      "seizure of power. It was an attempted coup d'etat,\" he said on Monday in the capital.\n\n"
      "\"We won't let anyone disturb the situation in our homes and won't allow revolutions.\"\n\n"
      "\"We won't let anyone disturb the situation in our homes,\" Mr Putin told a televised "
      "video conference on Monday.\n\n"
      "Mr Tokayev called the events \"an attempted coup\" and fired a number of top officials.");
  EXPECT_EQ(Find(s, "\"The main goal")->skip, Skip::kQuoteFragment);      // goes on after it
  EXPECT_EQ(Find(s, "It was an attempted")->skip, Skip::kQuoteFragment);  // continues one
  EXPECT_EQ(Find(s, "\"We won't let anyone disturb the situation in our homes and")->skip,
            Skip::kQuoteOnly);
  EXPECT_EQ(Find(s, "\"We won't let anyone disturb the situation in our homes,\"")->skip,
            Skip::kNone);
  EXPECT_EQ(Find(s, "Mr Tokayev called")->skip, Skip::kNone);
}

TEST_F(SentencesTest, BackReferencesAndTerms) {
  const auto s = Analyze(
      "Kazakh authorities suspended Internet access for several days last week. He said the "
      "forces had helped Kazakh authorities restore control. But the Kremlin has been tightening "
      "regulation of technology companies for years.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_FALSE(s[0].back_reference);
  EXPECT_TRUE(s[1].back_reference);
  EXPECT_TRUE(s[2].back_reference);
  // Terms: stems of content words, stopwords out, sorted and distinct.
  ASSERT_FALSE(s[1].terms.empty());
  EXPECT_TRUE(std::is_sorted(s[1].terms.begin(), s[1].terms.end()));
  const uint32_t kazakh = vocabulary_.Id("kazakh");
  const uint32_t the = vocabulary_.Id("the");
  bool found = false;
  for (size_t i = 0; i < s[0].terms.size(); ++i) {
    EXPECT_NE(s[0].terms[i], the);
    if (s[0].terms[i] == kazakh) {
      found = true;
      EXPECT_EQ(s[0].tf[i], 1);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(s[0].rank, 0u);
  EXPECT_EQ(s[2].rank, 2u);
  EXPECT_EQ(s[2].of, 3u);
}

TEST(ContentTerm, FoldsSpellingsAndDropsStopwords) {
  text::Analyzer a;
  EXPECT_EQ(ContentTerm("destabilise", text::TokenKind::kWord, &a),
            ContentTerm("destabilize", text::TokenKind::kWord, &a));
  EXPECT_EQ(ContentTerm("colour", text::TokenKind::kWord, &a),
            ContentTerm("color", text::TokenKind::kWord, &a));
  EXPECT_EQ(ContentTerm("the", text::TokenKind::kWord, &a), "");
  EXPECT_EQ(ContentTerm("mr", text::TokenKind::kWord, &a), "");
  EXPECT_EQ(ContentTerm("8,000", text::TokenKind::kNumber, &a), "8,000");
  EXPECT_EQ(ContentTerm("-", text::TokenKind::kPunct, &a), "");
}

TEST(CollapseSpaces, OneSpaceBetweenWords) {
  EXPECT_EQ(CollapseSpaces("  a \n\n b\t c  "), "a b c");
  EXPECT_EQ(CollapseSpaces("a\u00A0\u00A0b"), "a b");
  EXPECT_EQ(CollapseSpaces(""), "");
}

}  // namespace
}  // namespace witness::digest::internal
