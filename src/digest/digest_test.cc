// BuildDigest on small stories written for the purpose: citations to every carrying article,
// no fact twice, story order, lengths, errors, bounds.
#include "witness/digest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace witness::digest {
namespace {

using ::testing::HasSubstr;

Article Make(std::string id, std::string source, std::string published, std::string title,
             std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.published = std::move(published);
  a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

std::vector<Article> Story() {
  return {
      Make("a1", "alpha", "2022-01-10", "Troops to leave Kazakhstan soon, president says",
           "ALMATY (Reuters) - Kazakhstan's president said on Monday that troops from a "
           "Russian-led alliance would begin leaving the country within two days.\n\n"
           "The alliance sent more than 2,000 soldiers last week after violent protests over "
           "fuel prices swept the country.\n\n"
           "Officials said about 8,000 people had been detained during the unrest across the "
           "country.\n\n"
           "The president also criticised his predecessor for failing to share the country's "
           "oil wealth with ordinary people."),
      Make("b2", "beta", "2022-01-11", "Russian-led troops begin Kazakhstan pull-out",
           "Troops from a Russian-led alliance will begin leaving Kazakhstan within two days, the "
           "country's president said on Monday.\n\n"
           "The alliance sent more than 2,000 soldiers last week after violent protests over "
           "fuel prices swept the country.\n\n"
           "Separately, a court in the capital jailed a former security chief on treason "
           "charges after a closed hearing."),
      Make("c3", "gamma", "2022-01-11", "",
           "The alliance sent over 2,000 soldiers last week after violent protests over fuel "
           "prices swept the country.\n\n"
           "Fuel prices had doubled at the start of the year, angering residents of the oil-rich "
           "west of the country."),
  };
}

const SummarySentence* FindSentence(const Summary& s, std::string_view words) {
  for (const SummarySentence& x : s.sentences) {
    if (x.text.find(words) != std::string::npos) return &x;
  }
  return nullptr;
}

TEST(Digest, CitesEveryArticleCarryingASentence) {
  const std::vector<Article> story = Story();
  StatusOr<Digest> d = BuildDigest(story);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  const SummarySentence* s = FindSentence(d->brief, "2,000 soldiers");
  ASSERT_NE(s, nullptr) << d->brief.Text();
  std::set<std::string> cited;
  for (const Citation& c : s->citations) {
    cited.insert(c.article_id);
    // Every span is the carrying sentence in that article.
    const Article* a = nullptr;
    for (const Article& x : story) {
      if (x.id == c.article_id) a = &x;
    }
    ASSERT_NE(a, nullptr);
    ASSERT_LE(c.span.end, a->text.size());
    EXPECT_THAT(std::string(c.span.in(a->text)), HasSubstr("2,000 soldiers")) << c.article_id;
    EXPECT_EQ(c.source, a->source);
    EXPECT_TRUE(c.copy) << c.article_id;
  }
  EXPECT_EQ(cited, (std::set<std::string>{"a1", "b2", "c3"}));
  EXPECT_EQ(s->citations[0].article_id, s->article_id);  // the wording's article first
}

TEST(Digest, ParaphraseIsCitedNotRepeated) {
  StatusOr<Digest> d = BuildDigest(Story());
  ASSERT_TRUE(d.ok());
  // The two ledes say the same thing: one of them is in the summary, citing both articles.
  const SummarySentence* from_a = FindSentence(d->full, "would begin leaving the country");
  const SummarySentence* from_b = FindSentence(d->full, "will begin leaving Kazakhstan");
  ASSERT_TRUE((from_a == nullptr) != (from_b == nullptr)) << d->full.Text();
  const SummarySentence* lede = from_a != nullptr ? from_a : from_b;
  std::set<std::string> cited;
  for (const Citation& c : lede->citations) cited.insert(c.article_id);
  EXPECT_TRUE(cited.count("a1") && cited.count("b2")) << d->full.Text();
  EXPECT_FALSE(cited.count("c3"));
  // Nothing said twice: no two summary sentences share most of their words.
  for (size_t i = 0; i < d->full.sentences.size(); ++i) {
    for (size_t j = i + 1; j < d->full.sentences.size(); ++j) {
      EXPECT_NE(d->full.sentences[i].text, d->full.sentences[j].text);
    }
  }
}

TEST(Digest, DatelineRemovedAndStoryOrder) {
  StatusOr<Digest> d = BuildDigest(Story());
  ASSERT_TRUE(d.ok());
  for (const SummarySentence& s : d->full.sentences) {
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("ALMATY"))) << s.text;
    EXPECT_THAT(s.text, ::testing::Not(HasSubstr("\n")));
  }
  // Sentences from a1 (published first) come before those found only in later articles, and
  // within a1 in their order.
  int last_a1 = -1, first_later = 1000;
  for (size_t i = 0; i < d->full.sentences.size(); ++i) {
    const SummarySentence& s = d->full.sentences[i];
    bool in_a1 = false;
    for (const Citation& c : s.citations) in_a1 |= c.article_id == "a1";
    if (in_a1) {
      last_a1 = static_cast<int>(i);
    } else {
      first_later = std::min(first_later, static_cast<int>(i));
    }
  }
  EXPECT_LT(last_a1, first_later) << d->full.Text();
}

TEST(Digest, LengthsAndNesting) {
  std::vector<Article> story = Story();
  DigestOptions o;
  o.brief_words = 30;
  o.full_words = 60;
  StatusOr<Digest> d = BuildDigest(story, o);
  ASSERT_TRUE(d.ok());
  EXPECT_GE(d->brief.sentences.size(), 1u);
  if (d->brief.sentences.size() > 1) EXPECT_LE(d->brief.words, 30 * 1.15);
  EXPECT_LE(d->full.words, 60 * 1.15);
  EXPECT_EQ(d->brief.target_words, 30u);
  EXPECT_EQ(d->full.target_words, 60u);
  uint32_t sum = 0;
  for (const SummarySentence& s : d->brief.sentences) {
    sum += s.words;
    EXPECT_NE(FindSentence(d->full, s.text), nullptr) << "brief sentence missing from full";
  }
  EXPECT_EQ(sum, d->brief.words);
  // Text() joins the sentences with single spaces.
  std::string joined;
  for (const SummarySentence& s : d->brief.sentences)
    joined += (joined.empty() ? "" : " ") + s.text;
  EXPECT_EQ(d->brief.Text(), joined);
  // The story has fewer eligible words than 250: the full summary takes what there is.
  StatusOr<Digest> all = BuildDigest(story);
  ASSERT_TRUE(all.ok());
  EXPECT_LT(all->full.words, 250u);
  EXPECT_GE(all->full.sentences.size(), 4u);
}

TEST(Digest, TimelineTitleAndCounts) {
  std::vector<Article> story = Story();
  story.push_back(Make("d4", "alpha", "", "", "Undated text. It has a first sentence."));
  story.push_back(
      Make("e5", "delta", "2022-01-09T23:00:00+00:00", "Early warning", "Unrest grows."));
  StatusOr<Digest> d = BuildDigest(story);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->articles, 5u);
  EXPECT_EQ(d->sources, 4u);
  ASSERT_EQ(d->timeline.size(), 5u);
  std::vector<std::string> order;
  for (const TimelineEntry& e : d->timeline) order.push_back(e.article_id);
  EXPECT_EQ(order, (std::vector<std::string>{"e5", "a1", "b2", "c3", "d4"}));
  EXPECT_EQ(d->timeline[3].headline,
            "The alliance sent over 2,000 soldiers last week after "
            "violent protests over fuel prices swept the country.");
  EXPECT_TRUE(d->timeline[3].headline_from_text);
  EXPECT_FALSE(d->timeline[1].headline_from_text);
  EXPECT_EQ(d->timeline[4].published, "");
  // The title is one of the headlines, the one about troops leaving.
  EXPECT_THAT(d->title, HasSubstr("Kazakhstan"));
}

TEST(Digest, LongHeadlineFromTextIsShortened) {
  std::string text =
      "One two three four five six seven eight nine ten eleven twelve thirteen "
      "fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one "
      "twenty-two.";
  StatusOr<Digest> d = BuildDigest(std::vector<Article>{Make("x", "s", "", "", text)});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->timeline[0].headline,
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen twenty\u2026");
}

TEST(Digest, Errors) {
  EXPECT_EQ(BuildDigest(std::vector<Article>{}).status().code(), Status::Code::kInvalidArgument);
  std::vector<Article> twice = {Make("same", "a", "", "", "One sentence here."),
                                Make("same", "b", "", "", "Another one here.")};
  StatusOr<Digest> d = BuildDigest(twice);
  EXPECT_EQ(d.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(d.status().message(), HasSubstr("same"));
  DigestOptions o;
  o.max_articles = 2;
  EXPECT_EQ(BuildDigest(Story(), o).status().code(), Status::Code::kResourceExhausted);
}

TEST(Digest, BadArticlesAreSkippedWithAWarning) {
  std::vector<Article> story = Story();
  story.push_back(Make("bad", "x", "", "", std::string("broken \xff\xfe text.")));
  story.push_back(Make("empty", "x", "", "", ""));
  DigestOptions o;
  StatusOr<Digest> d = BuildDigest(story, o);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->warnings.size(), 2u);
  EXPECT_THAT(d->warnings[0], HasSubstr("bad"));
  EXPECT_THAT(d->warnings[0], HasSubstr("UTF-8"));
  EXPECT_THAT(d->warnings[1], HasSubstr("empty"));
  EXPECT_EQ(d->timeline.size(), 5u);  // still listed
  EXPECT_FALSE(d->brief.sentences.empty());
  o.max_article_bytes = 100;
  StatusOr<Digest> small = BuildDigest(Story(), o);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->warnings.size(), 3u);  // every text is over 100 bytes
  EXPECT_THAT(small->warnings[0], HasSubstr("over the limit"));
  EXPECT_TRUE(small->brief.sentences.empty());
}

TEST(Digest, Deterministic) {
  StatusOr<Digest> a = BuildDigest(Story());
  StatusOr<Digest> b = BuildDigest(Story());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(DigestToJson(*a), DigestToJson(*b));
}

TEST(Digest, NothingEligibleGivesEmptySummaries) {
  std::vector<Article> story = {
      Make("h", "s", "", "Only a headline", "Breaking news\n\nMore soon")};
  StatusOr<Digest> d = BuildDigest(story);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->brief.sentences.empty());
  EXPECT_TRUE(d->full.sentences.empty());
  EXPECT_EQ(d->brief.Text(), "");
  EXPECT_EQ(d->timeline.size(), 1u);
}

TEST(Digest, WordingNeedsNoEarlierSentence) {
  // Two copies of one fact; one opens with "He". The other wording is shown, both are cited.
  std::vector<Article> story = {
      Make("x1", "one", "", "",
           "The president spoke to reporters in the capital on Monday morning. He fired a number "
           "of top security officials in the wake of the unrest and charged one with treason."),
      Make("x2", "two", "", "",
           "Tokayev fired a number of top security officials in the wake of the unrest and "
           "charged one with treason.")};
  StatusOr<Digest> d = BuildDigest(story);
  ASSERT_TRUE(d.ok());
  const SummarySentence* s = FindSentence(d->full, "fired a number");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->text.starts_with("Tokayev fired")) << s->text;
  ASSERT_EQ(s->citations.size(), 2u);
  EXPECT_EQ(s->citations[1].article_id, "x1");
  EXPECT_TRUE(s->citations[1].copy);
  EXPECT_EQ(std::string(s->citations[1].span.in(story[0].text)).substr(0, 8), "He fired");
}

TEST(Digest, LateSentencesAreStillCited) {
  // x2 carries the fact only in its sixth sentence, past max_sentences_per_article.
  std::string filler;
  for (int i = 0; i < 5; ++i) {
    filler += "Weather in district " + std::to_string(i) +
              " stayed calm and dry for most of "
              "the long week, residents said. ";
  }
  std::vector<Article> story = {
      Make("x1", "one", "", "",
           "Engineers reopened the damaged railway bridge over the river after three weeks of "
           "repairs, the transport ministry said."),
      Make("x2", "two", "", "",
           filler + "Engineers reopened the damaged railway bridge over the river after three "
                    "weeks of repairs, the ministry said.")};
  DigestOptions o;
  o.max_sentences_per_article = 3;
  StatusOr<Digest> d = BuildDigest(story, o);
  ASSERT_TRUE(d.ok());
  const SummarySentence* s = FindSentence(d->brief, "railway bridge");
  ASSERT_NE(s, nullptr) << d->brief.Text();
  ASSERT_EQ(s->citations.size(), 2u);
  EXPECT_EQ(s->citations[1].article_id, "x2");
  EXPECT_FALSE(s->citations[1].copy);  // not a candidate, so not merged: found by coverage
  EXPECT_GT(s->citations[1].similarity, 0.9);
  EXPECT_TRUE(std::string(s->citations[1].span.in(story[1].text)).starts_with("Engineers"));
}

TEST(Digest, UnrelatedSentenceIsNotCited) {
  // Same names, another fact: not a citation.
  std::vector<Article> story = {
      Make("x1", "one", "", "",
           "Prime Minister Jane Smith announced a new tax on imported steel during a visit to "
           "the northern port city on Tuesday."),
      Make("x2", "two", "", "",
           "Prime Minister Jane Smith attended a football match in the northern port city on "
           "Tuesday evening with her family.")};
  StatusOr<Digest> d = BuildDigest(story);
  ASSERT_TRUE(d.ok());
  const SummarySentence* s = FindSentence(d->full, "tax on imported steel");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->citations.size(), 1u);
}

TEST(Digest, BoundedOnLargeStories) {
  // 400 articles, each a shuffled mix of shared and own sentences.
  std::vector<Article> story;
  for (int i = 0; i < 400; ++i) {
    std::string text;
    for (int k = 0; k < 30; ++k) {
      const int topic = (i * 7 + k * 13) % 97;
      text += "Officials in region " + std::to_string(topic) +
              " reported that the flood had damaged roads, bridges and " +
              std::to_string(topic * 3) + " homes on day " + std::to_string(k) + ". ";
      if (k % 5 == 4) text += "\n\n";
    }
    story.push_back(Make("id" + std::to_string(i), "src" + std::to_string(i % 20), "", "", text));
  }
  DigestOptions o;
  o.max_candidates = 3000;
  StatusOr<Digest> d = BuildDigest(story, o);
  ASSERT_TRUE(d.ok());
  EXPECT_LE(d->candidates, 3000u);
  EXPECT_EQ(d->sentences, 400u * 30u);
  EXPECT_FALSE(d->brief.sentences.empty());
  EXPECT_LE(d->full.words, 250 * 1.15);
}

}  // namespace
}  // namespace witness::digest
