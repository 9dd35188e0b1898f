#include <gtest/gtest.h>

#include <random>

#include "witness/stories.h"

namespace witness::stories {
namespace {

// Straight from the definitions: every pair, every item.
ClusteringScores Reference(const std::vector<std::string>& t, const std::vector<std::string>& p) {
  ClusteringScores s;
  const size_t n = t.size();
  double both = 0, pred = 0, truth = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      bool st = t[i] == t[j], sp = p[i] == p[j];
      both += st && sp;
      pred += sp;
      truth += st;
    }
  s.pair_precision = pred ? both / pred : 1;
  s.pair_recall = truth ? both / truth : 1;
  double bp = 0, br = 0;
  for (size_t i = 0; i < n; ++i) {
    double same_pred = 0, same_truth = 0, same_both = 0;
    for (size_t j = 0; j < n; ++j) {
      same_pred += p[j] == p[i];
      same_truth += t[j] == t[i];
      same_both += p[j] == p[i] && t[j] == t[i];
    }
    bp += same_both / same_pred;
    br += same_both / same_truth;
  }
  s.bcubed_precision = bp / n;
  s.bcubed_recall = br / n;
  return s;
}

TEST(ScoreClustering, HandWorkedExample) {
  // Truth {0,1} {2,3}; predicted {0,1,2} {3}.
  StatusOr<ClusteringScores> s = ScoreClustering({"A", "A", "B", "B"}, {"1", "1", "1", "2"});
  ASSERT_TRUE(s.ok());
  // Pairs together: truth (0,1) (2,3); predicted (0,1) (0,2) (1,2); both (0,1).
  EXPECT_DOUBLE_EQ(s->pair_precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s->pair_recall, 1.0 / 2);
  EXPECT_DOUBLE_EQ(s->pair_f1, 2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5));
  // BCubed precision: items 0 and 1 2/3 each, item 2 1/3, item 3 1 -> 8/12.
  EXPECT_DOUBLE_EQ(s->bcubed_precision, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1.0) / 4);
  // BCubed recall: 1, 1, 1/2, 1/2 -> 3/4.
  EXPECT_DOUBLE_EQ(s->bcubed_recall, 0.75);
  EXPECT_EQ(s->items, 4u);
  EXPECT_EQ(s->truth_clusters, 2u);
  EXPECT_EQ(s->predicted_clusters, 2u);
}

TEST(ScoreClustering, PerfectAndDegenerateClusterings) {
  StatusOr<ClusteringScores> s = ScoreClustering({"a", "a", "b"}, {"x", "x", "y"});
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->pair_f1, 1);
  EXPECT_DOUBLE_EQ(s->bcubed_f1, 1);
  // All singletons against all singletons: no pairs anywhere counts as perfect.
  s = ScoreClustering({"a", "b"}, {"x", "y"});
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->pair_precision, 1);
  EXPECT_DOUBLE_EQ(s->pair_recall, 1);
  EXPECT_DOUBLE_EQ(s->bcubed_f1, 1);
  s = ScoreClustering({}, {});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->items, 0u);
  EXPECT_EQ(ScoreClustering({"a"}, {}).status().code(), Status::Code::kInvalidArgument);
}

TEST(ScoreClustering, MatchesTheDefinitionsOnRandomLabelings) {
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    size_t n = 1 + rng() % 40;
    std::vector<std::string> t(n), p(n);
    for (size_t i = 0; i < n; ++i) {
      t[i] = std::to_string(rng() % (1 + round % 7));
      p[i] = std::to_string(rng() % (1 + round % 5));
    }
    StatusOr<ClusteringScores> s = ScoreClustering(t, p);
    ASSERT_TRUE(s.ok());
    ClusteringScores r = Reference(t, p);
    EXPECT_NEAR(s->pair_precision, r.pair_precision, 1e-12);
    EXPECT_NEAR(s->pair_recall, r.pair_recall, 1e-12);
    EXPECT_NEAR(s->bcubed_precision, r.bcubed_precision, 1e-12);
    EXPECT_NEAR(s->bcubed_recall, r.bcubed_recall, 1e-12);
  }
}

}  // namespace
}  // namespace witness::stories
