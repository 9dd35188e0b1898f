// The inverted index against the reference: scoring every live story.
#include <gtest/gtest.h>

#include "../../bench/stories_stream.h"
#include "stories/state.h"
#include "witness/stories.h"

namespace witness::stories {

struct ClustererTestPeer {
  static void Exhaustive(Clusterer& c) { c.impl_->test_exhaustive = true; }
  static void ExactNorms(Clusterer& c) { c.impl_->test_exact_norms = true; }
};

namespace {

std::vector<std::string> Cluster(Clusterer& c, const stream::StreamGenerator& g) {
  ArticleInput a;
  std::vector<std::string> ids;
  for (uint64_t i = 0; i < g.size(); ++i) {
    g.Make(i, &a);
    EXPECT_TRUE(c.Add(a).ok());
    ids.push_back(a.id);
  }
  std::vector<std::string> out;
  for (const std::string& id : ids) out.push_back(c.StoryOf(id).value_or("?"));
  return out;
}

stream::StreamOptions Stream() {
  stream::StreamOptions o;
  o.articles = 1200;
  o.articles_per_day = 1500;
  o.words_per_article = 120;
  o.seed = 5;
  return o;
}

// With limits wide enough that every story sharing a stored feature is reachable (every
// feature posted and looked up, no scan or candidate cap, a time window the stream fits in),
// the index finds exactly what a scan of all stories finds.
TEST(Index, WithWideLimitsEqualsAScanOfAllStories) {
  StoryOptions wide;
  wide.posted_terms = wide.query_terms = wide.article_terms;
  wide.max_postings_scan = 1u << 30;
  wide.max_candidates = 1u << 30;
  wide.max_gap_days = 1e6;
  stream::StreamGenerator g(Stream());
  Clusterer index(wide), scan(wide);
  ClustererTestPeer::ExactNorms(index);
  ClustererTestPeer::ExactNorms(scan);
  ClustererTestPeer::Exhaustive(scan);
  std::vector<std::string> a = Cluster(index, g);
  std::vector<std::string> b = Cluster(scan, g);
  EXPECT_EQ(a, b);
  EXPECT_GT(index.story_count(), 50u);
}

// With the default limits the index is an approximation; it must agree closely with the scan.
TEST(Index, WithDefaultLimitsAgreesWithAScanOfAllStories) {
  stream::StreamGenerator g(Stream());
  Clusterer index, scan;
  ClustererTestPeer::Exhaustive(scan);
  std::vector<std::string> a = Cluster(index, g);
  std::vector<std::string> b = Cluster(scan, g);
  StatusOr<ClusteringScores> s = ScoreClustering(b, a);
  ASSERT_TRUE(s.ok());
  EXPECT_GE(s->bcubed_f1, 0.98) << "P " << s->bcubed_precision << " R " << s->bcubed_recall;
}

}  // namespace
}  // namespace witness::stories
