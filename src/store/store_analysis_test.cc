// The analysis tables: relations seen from either side, story rows, merges and aliases, the
// clusterer checkpoint, the listing filters, and Check's invariants.
#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store/test_util.h"
#include "witness/store.h"

namespace witness::store {
namespace {

using testing::SampleArticle;
using testing::TempDir;

stories::Story MakeStory(std::string id, std::string label, std::string first, std::string last,
                         uint32_t articles, std::vector<stories::SourceCount> sources) {
  stories::Story s;
  s.id = std::move(id);
  s.label = std::move(label);
  s.first = std::move(first);
  s.last = std::move(last);
  s.articles = articles;
  s.sources = std::move(sources);
  return s;
}

class StoreAnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(opened, Store::Open(dir_.File("w.db"), {}));
    store_ = std::move(opened);
    for (int i = 1; i <= 4; ++i) articles_.push_back(SampleArticle(i, i <= 2 ? "wire" : "daily"));
    // Three stories: s1 = {1, 2}, s2 = {3}, s3 = {4}.
    AnalysisUpdate u;
    u.signatures = {{articles_[0].id, "sig-1"}, {articles_[1].id, "sig-2"}};
    syndication::RelatedPair p;
    p.a = articles_[1].id;
    p.b = articles_[0].id;
    p.relation = syndication::Relation::kContainedIn;
    p.shared_a = 0.95;
    p.shared_b = 0.6;
    p.verified = true;
    p.origin.who = syndication::Origin::Who::kB;
    p.origin.reasons = {"A is wholly inside B"};
    u.relations = {p};
    u.members = {{articles_[0].id, "s1", 1, false},
                 {articles_[1].id, "s1", 0.9, true},
                 {articles_[2].id, "s2", 1, false},
                 {articles_[3].id, "s3", 1, false}};
    u.stories = {MakeStory("s1", "Port strike", "2025-03-10T12:00:00Z", "2025-03-11T12:00:00Z", 2,
                           {{"wire", 2}}),
                 MakeStory("s2", "Tram line opens", "2025-03-14T12:00:00Z",
                           "2025-03-14T12:00:00Z", 1, {{"daily", 1}}),
                 MakeStory("s3", "Undated note", "", "", 1, {{"daily", 1}})};
    ASSERT_OK_AND_ASSIGN(r, store_->Put(articles_, {}, &u));
    EXPECT_EQ(r.added, 4u);
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<Article> articles_;
};

TEST_F(StoreAnalysisTest, RelationsReadFromEitherSide) {
  ASSERT_OK_AND_ASSIGN(later, store_->RelationsOf(articles_[1].id));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].b, articles_[0].id);
  EXPECT_EQ(later[0].relation, syndication::Relation::kContainedIn);
  EXPECT_DOUBLE_EQ(later[0].shared_a, 0.95);
  EXPECT_EQ(later[0].origin.reasons, std::vector<std::string>{"A is wholly inside B"});
  ASSERT_OK_AND_ASSIGN(earlier, store_->RelationsOf(articles_[0].id));
  ASSERT_EQ(earlier.size(), 1u);
  EXPECT_EQ(earlier[0].a, articles_[0].id);
  EXPECT_EQ(earlier[0].relation, syndication::Relation::kContains);
  EXPECT_DOUBLE_EQ(earlier[0].shared_a, 0.6);
  EXPECT_EQ(earlier[0].origin.who, syndication::Origin::Who::kA);
  EXPECT_EQ(earlier[0].origin.reasons, std::vector<std::string>{"B is wholly inside A"});
  ASSERT_OK_AND_ASSIGN(copies, store_->CopyRelations());
  EXPECT_EQ(copies.size(), 1u);
  size_t signatures = 0;
  ASSERT_OK(store_->ScanSignatures([&](Article&& meta, std::string_view blob) {
    EXPECT_EQ(blob, "sig-" + meta.id.substr(meta.id.size() - 1)) << meta.id;
    EXPECT_EQ(meta.source, "wire");
    ++signatures;
    return Status::OK();
  }));
  EXPECT_EQ(signatures, 2u);
}

TEST_F(StoreAnalysisTest, StoriesListNewestFirstWithFilters) {
  ASSERT_OK_AND_ASSIGN(all, store_->ListStories({}));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "s2");  // newest last article first, undated last
  EXPECT_EQ(all[1].id, "s1");
  EXPECT_EQ(all[2].id, "s3");
  EXPECT_EQ(all[1].sources, (std::vector<stories::SourceCount>{{"wire", 2}}));
  ASSERT_OK_AND_ASSIGN(since, store_->ListStories({.since = "2025-03-12"}));
  ASSERT_EQ(since.size(), 1u);
  EXPECT_EQ(since[0].id, "s2");
  ASSERT_OK_AND_ASSIGN(wire, store_->ListStories({.source = "wire"}));
  ASSERT_EQ(wire.size(), 1u);
  EXPECT_EQ(wire[0].id, "s1");
  ASSERT_OK_AND_ASSIGN(query, store_->ListStories({.query = "TRAM opens"}));
  ASSERT_EQ(query.size(), 1u);
  EXPECT_EQ(query[0].id, "s2");
  ASSERT_OK_AND_ASSIGN(none, store_->ListStories({.query = "tram strike"}));
  EXPECT_TRUE(none.empty());
  ASSERT_OK_AND_ASSIGN(big, store_->ListStories({.min_articles = 2}));
  ASSERT_EQ(big.size(), 1u);
  ASSERT_OK_AND_ASSIGN(page, store_->ListStories({.limit = 1, .offset = 1}));
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, "s1");
  EXPECT_FALSE(store_->ListStories({.since = "last week"}).ok());
  ASSERT_OK_AND_ASSIGN(n, store_->CountStories());
  EXPECT_EQ(n, 3u);
  EXPECT_OK(store_->Check());
}

TEST_F(StoreAnalysisTest, MergeMovesMembersAndKeepsTheAlias) {
  AnalysisUpdate u;
  u.merges = {{"s3", "s2"}};
  u.stories = {MakeStory("s2", "Tram line opens", "2025-03-14T12:00:00Z", "2025-03-14T12:00:00Z",
                         2, {{"daily", 2}})};
  u.stories[0].aliases = {"s3"};
  ASSERT_OK_AND_ASSIGN(r, store_->Put({}, {}, &u));
  EXPECT_EQ(r.added, 0u);
  ASSERT_OK_AND_ASSIGN(by_alias, store_->GetStory("s3"));
  EXPECT_EQ(by_alias.id, "s2");
  EXPECT_EQ(by_alias.aliases, std::vector<std::string>{"s3"});
  ASSERT_OK_AND_ASSIGN(members, store_->StoryMembers("s3"));
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].article, articles_[2].id);
  ASSERT_OK_AND_ASSIGN(of, store_->StoryOf(articles_[3].id));
  EXPECT_EQ(of, std::optional<std::string>("s2"));
  // A second merge carries the first one's alias along.
  AnalysisUpdate again;
  again.merges = {{"s2", "s1"}};
  again.stories = {MakeStory("s1", "Port strike", "2025-03-10T12:00:00Z", "2025-03-14T12:00:00Z",
                             4, {{"daily", 2}, {"wire", 2}})};
  ASSERT_OK_AND_ASSIGN(r2, store_->Put({}, {}, &again));
  ASSERT_OK_AND_ASSIGN(old_alias, store_->GetStory("s3"));
  EXPECT_EQ(old_alias.id, "s1");
  ASSERT_OK_AND_ASSIGN(all, store_->ListStories({}));
  EXPECT_EQ(all.size(), 1u);
  EXPECT_OK(store_->Check());
  EXPECT_EQ(store_->GetStory("s9").status().code(), Status::Code::kNotFound);
}

TEST_F(StoreAnalysisTest, CheckpointRoundTripsInParts) {
  ASSERT_OK_AND_ASSIGN(none, store_->LoadStoriesCheckpoint());
  EXPECT_TRUE(none.blob.empty());
  // Larger than one 64 MiB part, and not all one byte.
  std::string blob((size_t{64} << 20) + 12345, 'x');
  for (size_t i = 0; i < blob.size(); i += 4099) blob[i] = static_cast<char>(i % 251);
  AnalysisUpdate u;
  u.stories_state = blob;
  ASSERT_OK_AND_ASSIGN(r, store_->Put({}, {}, &u));
  ASSERT_OK_AND_ASSIGN(cp, store_->LoadStoriesCheckpoint());
  EXPECT_TRUE(cp.blob == blob);
  EXPECT_EQ(cp.watermark, 4);  // the greatest rowid stored when it was saved
  AnalysisUpdate smaller;
  smaller.stories_state = "state";
  ASSERT_OK_AND_ASSIGN(r2, store_->Put({SampleArticle(9)}, {}, &smaller));
  ASSERT_OK_AND_ASSIGN(cp2, store_->LoadStoriesCheckpoint());
  EXPECT_EQ(cp2.blob, "state");
  EXPECT_EQ(cp2.watermark, 5);
  std::vector<int64_t> rowids;
  ASSERT_OK(store_->ScanAdded(3, 0, [&](int64_t rowid, Article&&) {
    rowids.push_back(rowid);
    return Status::OK();
  }));
  EXPECT_EQ(rowids, (std::vector<int64_t>{4, 5}));
  rowids.clear();
  ASSERT_OK(store_->ScanAdded(0, 2, [&](int64_t rowid, Article&&) {
    rowids.push_back(rowid);
    return Status::OK();
  }));
  EXPECT_EQ(rowids, (std::vector<int64_t>{1, 2}));
}

TEST_F(StoreAnalysisTest, CheckFindsInconsistentStories) {
  EXPECT_OK(store_->Check());
  auto db = Db::Open(dir_.File("w.db"), SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(db.ok());
  ASSERT_OK((*db)->Exec("UPDATE stories SET articles = 7 WHERE id = 's1'"));
  ASSERT_OK((*db)->Exec("INSERT INTO story_members VALUES ('ghost', 's1', 1, 0)"));
  Status s = store_->Check();
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
  EXPECT_NE(s.message().find("not its members'"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("ghost"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace witness::store
