// Ingest over the development data in place (../shared/data): the sample story's five reports,
// the 181 gzip-compressed pages of the extraction benchmark, and BASIL's pretty-printed JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

const std::string kData = WITNESS_SHARED_DATA;

class Collect : public ArticleSink {
 public:
  void Accept(Article a) override { accepted.push_back(std::move(a)); }
  void Reject(const Status& why) override { rejected.push_back(why.message()); }
  void Warn(const std::string& m) override { warnings.push_back(m); }
  std::vector<Article> accepted;
  std::vector<std::string> rejected;
  std::vector<std::string> warnings;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = kData + "/seeds";
    if (!std::filesystem::is_directory(dir_)) GTEST_SKIP() << "no seed data at " << dir_;
    ReadInputs(Env::Default(), {dir_}, {}, &sink_);
    ASSERT_THAT(sink_.rejected, IsEmpty());
    ASSERT_EQ(sink_.accepted.size(), 5u);
    for (const Article& a : sink_.accepted)
      by_file_[std::filesystem::path(a.origin).filename().string().substr(0, 3)] = &a;
  }
  const Article& Seed(const std::string& number) { return *by_file_.at(number); }

  std::string dir_;
  Collect sink_;
  std::map<std::string, const Article*> by_file_;
};

TEST_F(SeedsTest, Seed000DatePrefixAndDateline) {
  const Article& a = Seed("000");
  EXPECT_EQ(a.published, "2022-01-10");
  EXPECT_EQ(a.title, "");
  EXPECT_THAT(a.places, ElementsAre("NUR-SULTAN"));
  EXPECT_THAT(a.agencies, ElementsAre("BLOOMBERG"));
  // The date prefix is gone from the text; the dateline stays in the lede.
  EXPECT_THAT(a.text, StartsWith("NUR-SULTAN (BLOOMBERG) - President Vladimir Putin vowed"));
  EXPECT_THAT(a.raw, StartsWith(" date 2022-01-10 NUR-SULTAN"));
}

TEST_F(SeedsTest, Seed001TitleAndTwoPlaces) {
  const Article& a = Seed("001");
  EXPECT_EQ(a.title, "Russia's Putin vows to defend ex-Soviet allies like Kazakhstan after unrest");
  EXPECT_THAT(a.places, ElementsAre("MOSCOW", "ALMATY"));
  EXPECT_THAT(a.agencies, ElementsAre("BLOOMBERG", "AFP"));
  EXPECT_EQ(a.published, "");
  EXPECT_THAT(a.text, StartsWith("President Vladimir Putin at the Council"));
  EXPECT_THAT(a.text, HasSubstr("\n\nMOSCOW/ALMATY (BLOOMBERG, AFP) - Russia's President"));
}

TEST_F(SeedsTest, Seed002RepeatedTitleAfterAPrompt) {
  const Article& a = Seed("002");
  EXPECT_EQ(a.title,
            "Vladimir Putin vows to stop \u2018colour revolutions\u2019 after sending troops to "
            "Kazakhstan");
  EXPECT_THAT(a.places, IsEmpty());
  EXPECT_THAT(a.agencies, IsEmpty());
  // Both copies of the title are metadata; the prompt before them stays for the cleaner.
  EXPECT_EQ(a.text.find("Vladimir Putin vows to stop"), std::string::npos);
  EXPECT_THAT(a.text,
              StartsWith("Subscribe or upgrade your account to read:\n\nRussian president"));
}

TEST_F(SeedsTest, Seed003DatelineWithDate) {
  const Article& a = Seed("003");
  EXPECT_EQ(a.title, "Putin, after Kazakh unrest, says Russian-led bloc will stymie any coups");
  EXPECT_THAT(a.places, ElementsAre("NUR-SULTAN"));
  EXPECT_THAT(a.agencies, ElementsAre("REUTERS"));
  EXPECT_EQ(a.published, "");  // "Jan 10" has no year
  EXPECT_THAT(a.extra_json, HasSubstr("\"dateline_date\":\"Jan 10\""));
  EXPECT_THAT(a.text, HasSubstr("NUR-SULTAN, Jan 10 (Reuters) - Russian President"));
}

TEST_F(SeedsTest, Seed004TitleOnly) {
  const Article& a = Seed("004");
  EXPECT_EQ(a.title, "Putin vows to defend ex-Soviet allies from 'color revolutions");
  EXPECT_THAT(a.places, IsEmpty());
  EXPECT_THAT(a.text, StartsWith("1 week ago 25\n\n"));
}

TEST_F(SeedsTest, EveryArticleIsFinished) {
  std::set<std::string> ids;
  for (const Article& a : sink_.accepted) {
    EXPECT_EQ(a.source, "seeds");
    EXPECT_EQ(a.id, ContentId(a));
    EXPECT_GT(a.word_count, 200u);
    EXPECT_EQ(a.raw, Slurp(a.origin));
    EXPECT_EQ(a.content_type, ContentType::kText);
    ids.insert(a.id);
  }
  EXPECT_EQ(ids.size(), 5u);
  // Reading again gives the same ids.
  Collect again;
  ReadInputs(Env::Default(), {dir_}, {}, &again);
  ASSERT_EQ(again.accepted.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(again.accepted[i].id, sink_.accepted[i].id);
}

TEST(IngestDataTest, ExtractionBenchmarkPagesAreGzippedHtml) {
  const std::string dir = kData + "/article-extraction/html";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no extraction pages at " << dir;
  Collect sink;
  ReadInputs(Env::Default(), {dir}, {}, &sink);
  EXPECT_THAT(sink.rejected, IsEmpty());
  ASSERT_EQ(sink.accepted.size(), 181u);
  for (const Article& a : sink.accepted) {
    EXPECT_EQ(a.content_type, ContentType::kHtml) << a.origin;
    EXPECT_GT(a.html.size(), 1000u) << a.origin;
    EXPECT_NE(a.html.find('<'), std::string::npos) << a.origin;
    EXPECT_EQ(a.source, "html");
    EXPECT_EQ(a.text, "");
  }
}

TEST(IngestDataTest, BasilArticlesArePrettyPrintedJson) {
  const std::string dir = kData + "/story-clusters/basil/articles";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no BASIL articles at " << dir;
  Collect sink;
  ReadInputs(Env::Default(), {dir}, {}, &sink);
  EXPECT_THAT(sink.rejected, IsEmpty());
  ASSERT_EQ(sink.accepted.size(), 150u);
  int with_dateline = 0;
  for (const Article& a : sink.accepted) {
    EXPECT_EQ(a.origin.find(':'), std::string::npos) << "one object per file: " << a.origin;
    EXPECT_FALSE(a.title.empty()) << a.origin;
    EXPECT_EQ(a.published.size(), 10u) << a.origin;
    EXPECT_FALSE(a.url.empty()) << a.origin;
    EXPECT_GT(a.word_count, 20u) << a.origin;
    EXPECT_THAT(a.extra_json, HasSubstr("\"triplet-uuid\":")) << a.origin;
    if (!a.places.empty()) ++with_dateline;
  }
  EXPECT_GT(with_dateline, 10);  // NYT's "WASHINGTON —" ledes
}

}  // namespace
}  // namespace witness
