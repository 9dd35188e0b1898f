// Syndication and stories through the ingest pipeline: what lands in the store, and that a
// killed ingest resumed later gives the stories an uninterrupted one gives.
#include "pipeline/analysis.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "witness/ingest.h"
#include "witness/pipeline.h"

namespace witness {
namespace {

using ::testing::Contains;
using ::testing::SizeIs;

class Collect : public ArticleSink {
 public:
  void Accept(Article a) override { articles.push_back(std::move(a)); }
  void Reject(const Status& why) override { rejected.push_back(why.message()); }
  std::vector<Article> articles;
  std::vector<std::string> rejected;
};

// The sample corpus shipped in examples/ (written for witness, with an answer key).
std::vector<Article> SampleCorpus() {
  Collect sink;
  ReadInputs(Env::Default(), {std::string(WITNESS_SOURCE_DIR) + "/examples/corpus"}, {}, &sink);
  EXPECT_THAT(sink.rejected, SizeIs(0));
  return std::move(sink.articles);
}

std::unique_ptr<Store> MemoryStore() {
  auto store = Store::Open(":memory:", {});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(*store);
}

// article id -> story id, and story id -> member ids, as the store has them.
std::map<std::string, std::string> StoriesOf(Store* store, const std::vector<Article>& articles) {
  std::map<std::string, std::string> out;
  for (const Article& a : articles) {
    auto s = store->StoryOf(a.id);
    EXPECT_TRUE(s.ok());
    if (s.ok() && *s) out[a.id] = **s;
  }
  return out;
}

void Ingest(Store* store, const std::vector<Article>& articles, size_t begin, size_t end,
            uint32_t batch, bool flush) {
  IngestPipeline pipeline(store, {.batch_size = batch});
  for (size_t i = begin; i < end; ++i) {
    Status s = pipeline.Add(articles[i]);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  if (flush) ASSERT_TRUE(pipeline.Flush().ok());
}

TEST(AnalysisTest, SampleCorpusStoriesAndCopiesLand) {
  std::vector<Article> corpus = SampleCorpus();
  ASSERT_THAT(corpus, SizeIs(30));
  auto store = MemoryStore();
  Ingest(store.get(), corpus, 0, corpus.size(), 256, true);

  std::map<std::string, std::string> story = StoriesOf(store.get(), corpus);
  EXPECT_THAT(story, SizeIs(30));  // every article is in a story
  auto stories = store->ListStories({});
  ASSERT_TRUE(stories.ok());
  uint32_t total = 0;
  std::set<std::string> ids;
  for (const stories::Story& s : *stories) {
    total += s.articles;
    ids.insert(s.id);
    auto members = store->StoryMembers(s.id);
    ASSERT_TRUE(members.ok());
    EXPECT_THAT(*members, SizeIs(s.articles)) << s.id;
    // Members come by time: published dates never go backwards (undated last).
    for (size_t i = 1; i < members->size(); ++i) {
      if (!(*members)[i].published.empty()) {
        EXPECT_LE((*members)[i - 1].published.substr(0, 10), (*members)[i].published.substr(0, 10));
      }
    }
  }
  EXPECT_EQ(total, 30u);
  for (const auto& [article, s] : story) EXPECT_TRUE(ids.count(s)) << article << " in " << s;

  // Copies: every copy relation joins articles of one story, and copy groups exist.
  auto copies = store->CopyRelations();
  ASSERT_TRUE(copies.ok());
  EXPECT_FALSE(copies->empty());
  for (const syndication::RelatedPair& p : *copies) {
    EXPECT_EQ(story[p.a], story[p.b]) << p.a << " copies " << p.b;
    auto from_a = store->RelationsOf(p.a);
    ASSERT_TRUE(from_a.ok());
    bool found = false;
    for (const auto& q : *from_a) found |= q.a == p.a && q.b == p.b && q.relation == p.relation;
    EXPECT_TRUE(found);
    auto from_b = store->RelationsOf(p.b);
    ASSERT_TRUE(from_b.ok());
    found = false;
    for (const auto& q : *from_b) {
      found |= q.a == p.b && q.b == p.a && q.relation == syndication::Reversed(p).relation;
    }
    EXPECT_TRUE(found);
  }
  EXPECT_TRUE(store->Check().ok()) << store->Check().ToString();
}

TEST(AnalysisTest, KilledIngestResumedGivesTheSameStories) {
  std::vector<Article> corpus = SampleCorpus();
  auto whole = MemoryStore();
  Ingest(whole.get(), corpus, 0, corpus.size(), 4, true);

  // The same input in the same batches, but the first process dies after 5 batches without
  // its final Flush (no checkpoint), and a second pipeline finishes the job.
  auto killed = MemoryStore();
  Ingest(killed.get(), corpus, 0, 20, 4, false);
  auto partial = killed->LoadStoriesCheckpoint();
  ASSERT_TRUE(partial.ok());
  EXPECT_TRUE(partial->blob.empty());  // no checkpoint yet: the next run replays
  Ingest(killed.get(), corpus, 0, corpus.size(), 4, true);

  EXPECT_EQ(StoriesOf(killed.get(), corpus), StoriesOf(whole.get(), corpus));
  auto a = whole->ListStories({}), b = killed->ListStories({});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].id, (*b)[i].id);
    EXPECT_EQ((*a)[i].label, (*b)[i].label);
    EXPECT_EQ((*a)[i].articles, (*b)[i].articles);
  }
  EXPECT_TRUE(killed->Check().ok()) << killed->Check().ToString();
}

TEST(AnalysisTest, LaterIngestContinuesFromTheCheckpoint) {
  std::vector<Article> corpus = SampleCorpus();
  auto whole = MemoryStore();
  Ingest(whole.get(), corpus, 0, corpus.size(), 8, true);
  auto split = MemoryStore();
  Ingest(split.get(), corpus, 0, 16, 8, true);
  auto cp = split->LoadStoriesCheckpoint();
  ASSERT_TRUE(cp.ok());
  EXPECT_FALSE(cp->blob.empty());
  EXPECT_GT(cp->watermark, 0);
  Ingest(split.get(), corpus, 16, corpus.size(), 8, true);
  EXPECT_EQ(StoriesOf(split.get(), corpus), StoriesOf(whole.get(), corpus));
}

TEST(AnalysisTest, AnalysisOffStoresNoStories) {
  std::vector<Article> corpus = SampleCorpus();
  auto store = MemoryStore();
  IngestPipeline pipeline(store.get(), {.analyze = false});
  for (const Article& a : corpus) ASSERT_TRUE(pipeline.Add(a).ok());
  ASSERT_TRUE(pipeline.Flush().ok());
  auto n = store->CountStories();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
  // A later ingest with analysis catches up on everything already stored.
  IngestPipeline later(store.get(), {});
  ASSERT_TRUE(later.Flush().ok());
  EXPECT_THAT(StoriesOf(store.get(), corpus), SizeIs(0));  // Flush alone does not open it
  Article extra = corpus.front();
  extra.id = "extra-copy";
  extra.source = "reprinter";
  ASSERT_TRUE(later.Add(extra).ok());
  ASSERT_TRUE(later.Flush().ok());
  EXPECT_THAT(StoriesOf(store.get(), corpus), SizeIs(30));
  auto rel = store->RelationsOf("extra-copy");
  ASSERT_TRUE(rel.ok());
  ASSERT_FALSE(rel->empty());
  EXPECT_EQ(rel->front().relation, syndication::Relation::kNearCopy);
  // The copy joins its original's story.
  auto s = store->StoryOf("extra-copy");
  auto original = store->StoryOf(corpus.front().id);
  ASSERT_TRUE(s.ok() && *s && original.ok() && *original);
  EXPECT_EQ(**s, **original);
  EXPECT_TRUE(store->Check().ok()) << store->Check().ToString();
}

}  // namespace
}  // namespace witness
