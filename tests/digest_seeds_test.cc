// The digest of the sample story (shared/data/seeds), each report as ingest stores it. 000,
// 001 and 004 carry one Bloomberg text (001 merged with AFP copy); the FT (002) and Reuters
// (003) wrote their own. Expectations checked by reading the five files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "../bench/digest_eval.h"

namespace witness::digest {
namespace {

using ::testing::HasSubstr;

class DigestSeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    eval::Set set = eval::LoadSeeds(WITNESS_SHARED_DATA);
    if (!set.error.empty()) GTEST_SKIP() << "sample story not available: " << set.error;
    articles_ = std::move(set.stories[0].articles);
    StatusOr<Digest> d = BuildDigest(articles_);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    digest_ = std::move(*d);
  }
  const Article& ById(const std::string& id) const {
    for (const Article& a : articles_) {
      if (a.id == id) return a;
    }
    ADD_FAILURE() << "no article " << id;
    return articles_[0];
  }
  static std::set<std::string> Cited(const SummarySentence& s) {
    std::set<std::string> ids;
    for (const Citation& c : s.citations) ids.insert(c.article_id);
    return ids;
  }
  std::vector<Article> articles_;
  Digest digest_;
};

// Sentences the three Bloomberg copies all carry (wording as in 000), by a phrase of each.
const char* const kBloombergInAllThree[] = {
    "vowed to protect Russia and its ex-Soviet allies",
    "aren't the first and will be far from the last",
    "dramatic intervention by the CSTO",
    "number of top security officials",
    "two dozen people were killed",
    "China backed the crackdown",
    "have long denounced the",
    "blamed technology for fuelling",
    "Using Internet communications and social networks",
    "suspended Internet access for several days",
    "Russian-led troops would leave Kazakhstan",
    "tightening regulation of foreign technology",
};

TEST_F(DigestSeedsTest, BloombergCopiesAreAllCited) {
  int checked = 0;
  for (const SummarySentence& s : digest_.full.sentences) {
    for (const char* phrase : kBloombergInAllThree) {
      if (s.text.find(phrase) == std::string::npos) continue;
      ++checked;
      const std::set<std::string> cited = Cited(s);
      EXPECT_TRUE(cited.count("000") && cited.count("001") && cited.count("004"))
          << s.text << " cites " << ::testing::PrintToString(cited);
    }
  }
  EXPECT_GE(checked, 4) << digest_.full.Text();
  // The lede is in the brief summary, cited to the three copies.
  bool lede = false;
  for (const SummarySentence& s : digest_.brief.sentences) {
    if (s.text.find("vowed to protect Russia and its ex-Soviet allies") == std::string::npos)
      continue;
    lede = true;
    const std::set<std::string> cited = Cited(s);
    EXPECT_TRUE(cited.count("000") && cited.count("001") && cited.count("004"));
    EXPECT_FALSE(cited.count("003"));  // Reuters wrote its own lede
  }
  EXPECT_TRUE(lede) << digest_.brief.Text();
}

TEST_F(DigestSeedsTest, QuoteCarriedByAllFiveIsCitedToAllFive) {
  // "Of course, we understand that the events in Kazakhstan aren't the first ..." is in all
  // five reports (FT and Reuters with small changes of translation).
  const SummarySentence* quote = nullptr;
  for (const SummarySentence& s : digest_.full.sentences) {
    if (s.text.find("Of course, we understand") != std::string::npos) quote = &s;
  }
  ASSERT_NE(quote, nullptr) << digest_.full.Text();
  EXPECT_EQ(Cited(*quote), (std::set<std::string>{"000", "001", "002", "003", "004"}));
  for (const Citation& c : quote->citations) {
    const std::string_view cited = c.span.in(ById(c.article_id).text);
    EXPECT_THAT(std::string(cited), HasSubstr("we understand")) << c.article_id;
    EXPECT_THAT(std::string(cited), HasSubstr("internal affairs of our states")) << c.article_id;
  }
}

TEST_F(DigestSeedsTest, NoFactTwice) {
  for (const Summary* summary : {&digest_.brief, &digest_.full}) {
    // No two summary sentences cite the same sentence of an article.
    std::set<std::pair<std::string, uint32_t>> spans;
    for (const SummarySentence& s : summary->sentences) {
      for (const Citation& c : s.citations) {
        EXPECT_TRUE(spans.insert({c.article_id, c.span.begin}).second)
            << "two summary sentences cite " << c.article_id << " at " << c.span.begin << ":\n"
            << summary->Text();
      }
    }
    // Facts the reports state in several wordings appear once at most.
    for (const char* fact :
         {"8,000", "attempted coup", "let anyone", "two dozen", "164", "fuel", "restore"}) {
      int n = 0;
      for (const SummarySentence& s : summary->sentences)
        n += s.text.find(fact) != std::string::npos;
      EXPECT_LE(n, 1) << fact << " in:\n" << summary->Text();
    }
  }
}

TEST_F(DigestSeedsTest, SentencesAreCleanAndCiteTheirBytes) {
  EXPECT_FALSE(digest_.brief.sentences.empty());
  EXPECT_GE(digest_.brief.words, 85u);
  EXPECT_LE(digest_.brief.words, 115u);
  EXPECT_GE(digest_.full.words, 200u);
  EXPECT_LE(digest_.full.words, 288u);
  for (const SummarySentence& s : digest_.full.sentences) {
    const Article& a = ById(s.article_id);
    ASSERT_LE(s.span.end, a.text.size());
    // The text is the cited bytes, whitespace runs made single spaces.
    std::string bytes(s.span.in(a.text));
    std::string collapsed;
    for (char c : bytes) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed += space ? ' ' : c;
    }
    EXPECT_EQ(s.text, collapsed);
    EXPECT_EQ(s.citations[0].article_id, s.article_id);
    // No dateline, no page furniture.
    EXPECT_FALSE(s.text.starts_with("NUR-SULTAN")) << s.text;
    EXPECT_FALSE(s.text.starts_with("MOSCOW")) << s.text;
    for (const char* junk : {"PHOTO", "Telegram", "Dear Reader", "subscribe", "Copyright"}) {
      EXPECT_THAT(s.text, ::testing::Not(HasSubstr(junk)));
    }
    for (const Citation& c : s.citations) {
      ASSERT_LE(c.span.end, ById(c.article_id).text.size());
      EXPECT_LT(c.span.begin, c.span.end);
    }
  }
  ASSERT_EQ(digest_.timeline.size(), 5u);
  EXPECT_EQ(digest_.timeline[0].article_id, "000");  // the only dated report
  EXPECT_EQ(digest_.sources, 5u);
  EXPECT_THAT(digest_.title, HasSubstr("Putin"));
}

TEST_F(DigestSeedsTest, RenderingsHoldTheCitations) {
  const std::string md = DigestToMarkdown(digest_);
  EXPECT_THAT(md, HasSubstr("## Summary"));
  EXPECT_THAT(md, HasSubstr("[1, 2, 5]"));  // the Bloomberg copies, numbered in timeline order
  const nlohmann::json j = nlohmann::json::parse(DigestToJson(digest_));
  EXPECT_EQ(j["brief"]["sentences"].size(), digest_.brief.sentences.size());
  EXPECT_EQ(j["timeline"].size(), 5u);
}

}  // namespace
}  // namespace witness::digest
