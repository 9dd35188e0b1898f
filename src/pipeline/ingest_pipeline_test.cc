#include "witness/pipeline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Article TextArticle(const std::string& source, const std::string& body, const std::string& title = "") {
  Article a;
  a.source = source;
  a.title = title;
  a.text = body;
  a.raw = body;
  FinishArticle(&a, source);
  return a;
}

TEST(PrepareArticleTest, CleansAndKeepsWhatItRemoved) {
  Article a = TextArticle("outlet",
                          "The harbour reopened on Monday after a week of strikes, officials said.\n\n"
                          "Join our WhatsApp channel for breaking news.\n\n"
                          "Ships began moving again by noon.");
  ASSERT_TRUE(PrepareArticle(&a, nullptr, {}).ok());
  EXPECT_THAT(a.text, Not(HasSubstr("WhatsApp")));
  EXPECT_THAT(a.text, HasSubstr("Ships began moving"));
  ASSERT_EQ(a.boilerplate.size(), 1u);
  EXPECT_EQ(a.boilerplate[0].rule, "call_to_action");
  EXPECT_THAT(a.boilerplate[0].text, HasSubstr("WhatsApp"));
  EXPECT_FALSE(a.boilerplate[0].reason.empty());
  EXPECT_GT(a.word_count, 15u);
}

TEST(PrepareArticleTest, HeadlineAfterAPaywallLineBecomesTheTitle) {
  Article a = TextArticle("outlet",
                          "You have 1 free article remaining this month. Subscribe for unlimited access.\n\n"
                          "Harbour reopens after week-long strike\n\n"
                          "The harbour reopened on Monday after a week of strikes, officials said.");
  ASSERT_TRUE(PrepareArticle(&a, nullptr, {}).ok());
  EXPECT_EQ(a.title, "Harbour reopens after week-long strike");
  EXPECT_EQ(a.text, "The harbour reopened on Monday after a week of strikes, officials said.");
}

TEST(PrepareArticleTest, ExtractsHtmlAndFillsMissingMetadata) {
  Article a;
  a.content_type = ContentType::kHtml;
  a.html =
      "<html lang=en><head><title>Harbour reopens | Daily</title>"
      "<meta property='article:published_time' content='2025-03-14T08:00:00Z'></head><body>"
      "<nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>Harbour reopens</h1>"
      "<p>The harbour reopened on Monday after a week of strikes, officials said on the quay.</p>"
      "<p>Ships began moving again by noon, and the port authority expected a full schedule by "
      "Wednesday, its spokesman said.</p></article><footer>Copyright Daily</footer></body></html>";
  a.raw = a.html;
  FinishArticle(&a, "daily");
  ASSERT_TRUE(PrepareArticle(&a, nullptr, {}).ok());
  EXPECT_THAT(a.text, HasSubstr("Ships began moving again"));
  EXPECT_THAT(a.text, Not(HasSubstr("Home")));
  EXPECT_FALSE(a.title.empty());
  EXPECT_EQ(a.published.substr(0, 10), "2025-03-14");
}

TEST(IngestPipelineTest, ReingestingChangesNothingAndTemplatesPersist) {
  auto store = Store::Open(":memory:", {});
  ASSERT_TRUE(store.ok());
  const std::string footer =
      "Harbour Times journalism is supported by readers like you in every port town.";
  std::vector<Article> articles;
  for (int i = 0; i < 7; ++i) {
    articles.push_back(TextArticle(
        "harbour-times",
        "Report number " + std::to_string(i) + " on the council budget, which rose by " +
            std::to_string(10 + i) + " percent this year, officials said.\n\n" + footer));
  }
  {
    IngestPipeline pipeline(store->get(), {.batch_size = 4});
    for (const Article& a : articles) ASSERT_TRUE(pipeline.Add(a).ok());
    ASSERT_TRUE(pipeline.Flush().ok());
    EXPECT_EQ(pipeline.added(), 7u);
    EXPECT_EQ(pipeline.unchanged(), 0u);
  }
  // The footer recurs in every article of the outlet: once learned, it is removed.
  auto last = (*store)->Get(articles.back().id);
  ASSERT_TRUE(last.ok());
  EXPECT_THAT(last->text, Not(HasSubstr("supported by readers")));
  auto blob = (*store)->LoadTemplate("harbour-times");
  ASSERT_TRUE(blob.ok());
  ASSERT_TRUE(blob->has_value());
  auto restored = clean::SourceTemplate::Deserialize(**blob);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->articles(), 7u);
  {
    IngestPipeline again(store->get(), {});
    for (const Article& a : articles) ASSERT_TRUE(again.Add(a).ok());
    ASSERT_TRUE(again.Flush().ok());
    EXPECT_EQ(again.added(), 0u);
    EXPECT_EQ(again.unchanged(), 7u);
  }
  // Re-ingesting taught the template nothing.
  auto blob2 = (*store)->LoadTemplate("harbour-times");
  ASSERT_TRUE(blob2.ok() && blob2->has_value());
  EXPECT_EQ(clean::SourceTemplate::Deserialize(**blob2)->articles(), 7u);
}

TEST(IngestPipelineTest, WireParagraphsRepeatedInAFewArticlesAreNotFurniture) {
  // Three updates of one wire story in one outlet share a body paragraph: it stays.
  auto store = Store::Open(":memory:", {});
  ASSERT_TRUE(store.ok());
  const std::string shared =
      "Kazakh authorities suspended internet access for several days at the height of the "
      "protests last week.";
  IngestPipeline pipeline(store->get(), {});
  std::vector<std::string> ids;
  for (int i = 0; i < 4; ++i) {
    Article a = TextArticle("wire-reprints", "Update " + std::to_string(i) +
                                                 ": the president spoke on Monday, officials said.\n\n" +
                                                 shared);
    ids.push_back(a.id);
    ASSERT_TRUE(pipeline.Add(a).ok());
  }
  ASSERT_TRUE(pipeline.Flush().ok());
  for (const std::string& id : ids) {
    auto a = (*store)->Get(id);
    ASSERT_TRUE(a.ok());
    EXPECT_THAT(a->text, HasSubstr("suspended internet access")) << id;
  }
}

TEST(IngestPipelineTest, UnreadablePageIsRejectedAndTheRestLand) {
  auto store = Store::Open(":memory:", {});
  ASSERT_TRUE(store.ok());
  IngestPipeline pipeline(store->get(), {});
  Article bad;
  bad.content_type = ContentType::kHtml;
  bad.html = std::string("\x00\x01\x02\x03 binary", 11);
  bad.origin = "bad.html";
  FinishArticle(&bad, "x");
  Status rejected;
  ASSERT_TRUE(pipeline.Add(bad, &rejected).ok());
  EXPECT_FALSE(rejected.ok());
  ASSERT_TRUE(pipeline.Add(TextArticle("x", "A plain article that lands, officials said.")).ok());
  ASSERT_TRUE(pipeline.Flush().ok());
  EXPECT_EQ(pipeline.added(), 1u);
}

}  // namespace
}  // namespace witness
