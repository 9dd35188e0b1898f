// Quote extraction and speaker attribution on hand-checked sentences.
#include <gtest/gtest.h>

#include <string>

#include "witness/quotes.h"

namespace witness::quotes {
namespace {

struct Got {
  std::string text;
  Extraction ex;
  std::string Content(size_t i) const { return std::string(ex.quotes[i].content.in(text)); }
  std::string Part(size_t i, size_t p) const { return std::string(ex.quotes[i].parts[p].in(text)); }
  std::string Speaker(size_t i) const { return std::string(ex.quotes[i].speaker.in(text)); }
};

Got Go(std::string text) {
  Got g;
  g.text = std::move(text);
  g.ex = Extract(g.text);
  return g;
}

TEST(QuoteExtract, QuoteThenSpeakerThenCue) {
  Got g = Go("\"We will win,\" Mr Smith said.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.ex.quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(g.Part(0, 0), "We will win,");
  EXPECT_EQ(g.Content(0), "\"We will win,\"");
  EXPECT_EQ(g.Speaker(0), "Mr Smith");
  EXPECT_EQ(g.ex.quotes[0].cue_lemma, "say");
  EXPECT_EQ(g.ex.quotes[0].cue.in(g.text), "said");
}

TEST(QuoteExtract, InvertedCueAndAccordingTo) {
  Got g = Go("\"Prices will rise,\" said Jane Doe, a spokeswoman for the bank.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.Speaker(0), "Jane Doe");
  EXPECT_EQ(g.ex.quotes[0].speaker_name, "Jane Doe");
  Got h = Go("\"Prices will rise,\" according to Jane Doe.");
  ASSERT_EQ(h.ex.quotes.size(), 1u);
  EXPECT_EQ(h.ex.quotes[0].cue_lemma, "according to");
  EXPECT_EQ(h.ex.quotes[0].cue.in(h.text), "according to");
  EXPECT_EQ(h.Speaker(0), "Jane Doe");
}

TEST(QuoteExtract, SpeakerWithApposition) {
  Got g = Go("\"It is over,\" John Smith, the Kazakh president, told reporters.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.Speaker(0), "John Smith");
  EXPECT_EQ(g.ex.quotes[0].cue_lemma, "tell");
}

TEST(QuoteExtract, CueBeforeQuote) {
  Got g = Go("Mary Jones said: \"Nothing will change.\"");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.ex.quotes[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(g.Speaker(0), "Mary Jones");
  EXPECT_EQ(g.Part(0, 0), "Nothing will change.");
}

TEST(QuoteExtract, SplitQuoteIsOneQuote) {
  Got g = Go("\"Judge,\" Brafman said, \"I have never seen this.\"");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  ASSERT_EQ(g.ex.quotes[0].parts.size(), 2u);
  EXPECT_EQ(g.Part(0, 0), "Judge,");
  EXPECT_EQ(g.Part(0, 1), "I have never seen this.");
  EXPECT_EQ(g.Speaker(0), "Brafman");
}

TEST(QuoteExtract, ContinuationAfterAttribution) {
  Got g = Go("\"We lost,\" Clinton added. \"We will be back.\"");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.ex.quotes[0].parts.size(), 2u);
  EXPECT_EQ(g.Part(0, 1), "We will be back.");
}

TEST(QuoteExtract, ParagraphSpanningSpeech) {
  Got g =
      Go("\"The first part of the speech,\" Mr Brown said. \"And it goes on.\n\n"
         "\"And on, to the end.\"\n\nThen the story continues.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  const Quote& q = g.ex.quotes[0];
  ASSERT_EQ(q.parts.size(), 3u);
  EXPECT_EQ(g.Part(0, 1), "And it goes on.");
  EXPECT_EQ(g.Part(0, 2), "And on, to the end.");
  EXPECT_TRUE(q.closed);
  EXPECT_EQ(g.Speaker(0), "Mr Brown");
}

TEST(QuoteExtract, PartialQuoteInReportedSpeech) {
  Got g = Go("Tokayev said that his country had defeated an \"attempted coup\" last week.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  const Quote& q = g.ex.quotes[0];
  EXPECT_EQ(q.kind, QuoteKind::kPartial);
  EXPECT_EQ(g.Content(0), "his country had defeated an \"attempted coup\" last week");
  ASSERT_EQ(q.parts.size(), 1u);
  EXPECT_EQ(g.Part(0, 0), "attempted coup");
  EXPECT_EQ(g.Speaker(0), "Tokayev");
}

TEST(QuoteExtract, IndirectSpeech) {
  Got g =
      Go("Mr Putin said that the troops would leave soon. He said the forces had restored order.");
  ASSERT_EQ(g.ex.quotes.size(), 2u);
  EXPECT_EQ(g.ex.quotes[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(g.Content(0), "the troops would leave soon");
  EXPECT_EQ(g.Content(1), "the forces had restored order");
  EXPECT_EQ(g.Speaker(1), "He");
  EXPECT_EQ(g.ex.quotes[1].speaker_name, g.ex.quotes[0].speaker_name);
  Got h = Go("About 8,000 people have been detained, authorities said.");
  ASSERT_EQ(h.ex.quotes.size(), 1u);
  EXPECT_EQ(h.Content(0), "About 8,000 people have been detained");
  EXPECT_EQ(h.Speaker(0), "authorities");
  // A wire dateline opening the paragraph is no part of the reported clause.
  Got d =
      Go("Headline here\n\nHARLSUND, March 11 (Lodestar) - At least 40 people were injured "
         "in the clashes, emergency services said.");
  ASSERT_EQ(d.ex.quotes.size(), 1u);
  EXPECT_EQ(d.Content(0), "At least 40 people were injured in the clashes");
  EXPECT_EQ(d.Speaker(0), "emergency services");
}

TEST(QuoteExtract, PronounResolvesAcrossSentences) {
  Got g =
      Go("President Vladimir Putin met the bloc's leaders on Monday. The meeting was short.\n\n"
         "\"We will protect our allies,\" he said.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.Speaker(0), "he");
  EXPECT_EQ(g.ex.quotes[0].speaker_name, "Vladimir Putin");
  // "she" skips a man named with "Mr".
  Got h = Go("Mrs Jane Smith met Mr John Brown. \"It went well,\" she said.");
  ASSERT_EQ(h.ex.quotes.size(), 1u);
  EXPECT_EQ(h.ex.quotes[0].speaker_name, "Jane Smith");
}

TEST(QuoteExtract, SurnameAndDescriptionResolve) {
  Got g =
      Go("Kazakh President Kassym-Jomart Tokayev spoke first. Russian President Vladimir Putin "
         "spoke next.\n\n\"Order is restored,\" the Kazakh leader said. \"It was a coup,\" Mr "
         "Tokayev said. \"We helped,\" the Russian president said.");
  ASSERT_EQ(g.ex.quotes.size(), 3u);
  EXPECT_EQ(g.Speaker(0), "the Kazakh leader");
  EXPECT_EQ(g.ex.quotes[0].speaker_name, "Kassym-Jomart Tokayev");
  EXPECT_EQ(g.ex.quotes[1].speaker_name, "Kassym-Jomart Tokayev");
  EXPECT_EQ(g.ex.quotes[2].speaker_name, "Vladimir Putin");
}

TEST(QuoteExtract, ScareQuotesAreNotQuotes) {
  Got g = Go("Critics have long denounced the \"velvet revolutions\" of the region.");
  EXPECT_TRUE(g.ex.quotes.empty());
}

TEST(QuoteExtract, ColonIntroInThePreviousSentence) {
  Got g = Go("Cruz continued:\n\n\"You look at the questions and you see the bias.\"");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_EQ(g.Speaker(0), "Cruz");
  EXPECT_EQ(g.ex.quotes[0].cue_lemma, "continue");
}

TEST(QuoteExtract, UnclosedQuoteHasDefinedResult) {
  Got g = Go("He said: \"this goes on and never closes\n\nNext paragraph.");
  ASSERT_EQ(g.ex.quotes.size(), 1u);
  EXPECT_FALSE(g.ex.quotes[0].closed);
  EXPECT_EQ(g.Part(0, 0), "this goes on and never closes");
}

TEST(QuoteExtract, EmptyAndOddInputs) {
  EXPECT_TRUE(Extract("").quotes.empty());
  EXPECT_TRUE(Extract("\"").quotes.empty());
  EXPECT_TRUE(Extract("\"\"\"\"''''").quotes.empty());
  EXPECT_TRUE(Extract("said said said according to").quotes.empty());
}

}  // namespace
}  // namespace witness::quotes
