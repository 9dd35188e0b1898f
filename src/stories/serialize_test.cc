#include <gtest/gtest.h>
#include <xxhash.h>

#include <random>

#include "../../bench/stories_stream.h"
#include "stories/test_articles.h"
#include "witness/stories.h"

namespace witness::stories {
namespace {

// A small generated stream: 1,500 articles over a few hours.
stream::StreamOptions SmallStream() {
  stream::StreamOptions o;
  o.articles = 1500;
  o.articles_per_day = 4000;
  o.words_per_article = 120;
  return o;
}

struct Outcome {
  std::vector<std::string> stories;  // per article, at the end
  std::vector<std::string> events;   // "seq kind article story from"
};

std::string EventString(const StoryEvent& e) {
  return std::to_string(e.seq) + " " + EventKindName(e.kind) + " " + e.article + " " + e.story +
         " " + e.from;
}

// Adds articles [begin, end) of the stream, recording events.
void Feed(Clusterer& c, const stream::StreamGenerator& g, uint64_t begin, uint64_t end,
          Outcome* out) {
  ArticleInput a;
  for (uint64_t i = begin; i < end; ++i) {
    g.Make(i, &a);
    StatusOr<StoryAssignment> r = c.Add(a);
    ASSERT_TRUE(r.ok());
    for (const StoryEvent& e : c.TakeEvents()) out->events.push_back(EventString(e));
  }
}

void Finish(const Clusterer& c, const stream::StreamGenerator& g, Outcome* out) {
  ArticleInput a;
  for (uint64_t i = 0; i < g.size(); ++i) {
    g.Make(i, &a);
    out->stories.push_back(c.StoryOf(a.id).value_or("?"));
  }
}

TEST(Determinism, SameInputSameIdsAndSameState) {
  stream::StreamGenerator g(SmallStream());
  Outcome x, y;
  Clusterer a, b;
  Feed(a, g, 0, g.size(), &x);
  Feed(b, g, 0, g.size(), &y);
  Finish(a, g, &x);
  Finish(b, g, &y);
  EXPECT_EQ(x.stories, y.stories);
  EXPECT_EQ(x.events, y.events);
  EXPECT_EQ(a.Serialize(), b.Serialize());
  // The stream really exercises the clusterer: many stories, many joins.
  EXPECT_GT(a.story_count(), 100u);
  EXPECT_LT(a.story_count(), 1000u);
}

TEST(Serialize, ResumingGivesTheSameIdsAsOneRun) {
  stream::StreamGenerator g(SmallStream());
  Outcome whole, resumed;
  Clusterer one;
  Feed(one, g, 0, g.size(), &whole);
  Finish(one, g, &whole);

  Clusterer first;
  Feed(first, g, 0, 700, &resumed);
  std::string blob = first.Serialize();
  StatusOr<Clusterer> second = Clusterer::Deserialize(blob);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->Serialize(), blob);  // a faithful copy
  Feed(*second, g, 700, g.size(), &resumed);
  Finish(*second, g, &resumed);
  EXPECT_EQ(whole.stories, resumed.stories);
  EXPECT_EQ(whole.events, resumed.events);
  EXPECT_EQ(one.Serialize(), second->Serialize());
  EXPECT_EQ(one.article_count(), second->article_count());
  EXPECT_EQ(one.story_count(), second->story_count());
}

TEST(Serialize, KeepsOptionsPendingEventsAndRemovals) {
  StoryOptions o;
  o.join_threshold = 0.33;
  o.max_gap_days = 3;
  o.clean_text = true;
  Clusterer c(o);
  ASSERT_TRUE(c.Add(testing::Strike1()).ok());
  ASSERT_TRUE(c.Add(testing::Strike2()).ok());
  ASSERT_TRUE(c.Add(testing::Recall1()).ok());
  ASSERT_TRUE(c.Remove("strike2").ok());
  StatusOr<Clusterer> d = Clusterer::Deserialize(c.Serialize());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->options().join_threshold, 0.33);
  EXPECT_EQ(d->options().max_gap_days, 3);
  EXPECT_TRUE(d->options().clean_text);
  EXPECT_FALSE(d->StoryOf("strike2").has_value());
  EXPECT_EQ(d->StoryOf("strike1"), "s1");
  EXPECT_EQ(d->TakeEvents().size(), 4u);  // created, joined, created, removed
  // The removed id can be added again after the round trip.
  StatusOr<StoryAssignment> r = d->Add(testing::Strike2());
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->kind, AssignmentKind::kDuplicate);
  // An empty clusterer round-trips too.
  StatusOr<Clusterer> e = Clusterer::Deserialize(Clusterer().Serialize());
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->article_count(), 0u);
}

TEST(Serialize, DamagedBlobsAreCorruptionNeverACrash) {
  Clusterer c;
  for (const ArticleInput& a : {testing::Strike1(), testing::Strike2(), testing::Recall1(),
                                testing::Recall2(), testing::Weather()})
    ASSERT_TRUE(c.Add(a).ok());
  ASSERT_TRUE(c.Remove("recall2").ok());
  const std::string blob = c.Serialize();

  EXPECT_EQ(Clusterer::Deserialize("").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(Clusterer::Deserialize("not a blob at all").status().code(), Status::Code::kCorruption);
  for (size_t cut : {size_t{0}, size_t{3}, size_t{8}, blob.size() / 2, blob.size() - 1})
    EXPECT_EQ(Clusterer::Deserialize(blob.substr(0, cut)).status().code(),
              Status::Code::kCorruption)
        << cut;
  std::string flipped = blob;
  flipped[blob.size() / 3] ^= 0x10;
  EXPECT_EQ(Clusterer::Deserialize(flipped).status().code(), Status::Code::kCorruption);
  // A newer format version is refused as such.
  std::string newer = blob;
  newer[4] = 99;
  EXPECT_EQ(Clusterer::Deserialize(newer).status().code(), Status::Code::kUnsupported);

  // Mutations behind a valid checksum: each is refused or loads into a usable clusterer.
  std::mt19937_64 rng(7);
  int refused = 0, loaded = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string m = blob.substr(0, blob.size() - 8);
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      size_t at = 8 + rng() % (m.size() - 8);
      switch (rng() % 3) {
        case 0:
          m[at] = static_cast<char>(rng());
          break;
        case 1:
          m.erase(at, 1 + rng() % 4);
          break;
        default:
          m.insert(at, 1, static_cast<char>(rng()));
          break;
      }
    }
    uint64_t sum = XXH3_64bits(m.data(), m.size());
    for (int b = 0; b < 8; ++b) m.push_back(static_cast<char>(sum >> (8 * b)));
    StatusOr<Clusterer> d = Clusterer::Deserialize(m);
    if (!d.ok()) {
      ++refused;
      EXPECT_EQ(d.status().code(), Status::Code::kCorruption) << d.status().ToString();
      continue;
    }
    ++loaded;
    // Whatever loaded must answer and accept articles without crashing.
    (void)d->Stories();
    (void)d->GetStory("s1");
    (void)d->Members("s2");
    (void)d->Add(testing::Election1());
    (void)d->Remove("strike1");
    (void)d->Serialize();
  }
  EXPECT_GT(refused, 0);
  RecordProperty("loaded", loaded);
}

}  // namespace
}  // namespace witness::stories
