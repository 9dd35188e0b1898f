// The inverted-index pair search and the sparse random walk, checked against plain dense
// reference implementations.
#include "digest/graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>

namespace witness::digest::internal {
namespace {

Vec RandomVec(std::mt19937* rng, uint32_t vocab, int terms) {
  std::vector<uint32_t> t;
  std::vector<uint16_t> tf;
  for (int i = 0; i < terms; ++i) t.push_back((*rng)() % vocab);
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  for (size_t i = 0; i < t.size(); ++i) tf.push_back(1 + (*rng)() % 3);
  std::vector<double> idf(vocab);
  for (uint32_t i = 0; i < vocab; ++i) idf[i] = 1.0 + (i % 7) * 0.3;
  return TfIdf(t, tf, idf);
}

double DenseDot(const Vec& a, const Vec& b, uint32_t vocab) {
  std::vector<double> x(vocab, 0), y(vocab, 0);
  for (const Weighted& w : a) x[w.term] = w.weight;
  for (const Weighted& w : b) y[w.term] = w.weight;
  double s = 0;
  for (uint32_t i = 0; i < vocab; ++i) s += x[i] * y[i];
  return s;
}

TEST(Graph, TfIdfIsUnitLengthAndWeighted) {
  // Terms 0 and 1, tf 1 and e (so 1 + ln tf = 2), idf 1 and 1: weights 1 and 2, normalised.
  const Vec v = TfIdf({0, 1}, {1, static_cast<uint16_t>(std::exp(1.0) + 0.5)}, {1.0, 1.0});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_NEAR(v[0].weight * v[0].weight + v[1].weight * v[1].weight, 1.0, 1e-6);
  EXPECT_GT(v[1].weight, v[0].weight);
  EXPECT_NEAR(Dot(v, v), 1.0, 1e-6);
  EXPECT_TRUE(TfIdf({}, {}, {}).empty());
}

TEST(Graph, SimilarPairsMatchesAllPairsByHand) {
  std::mt19937 rng(7);
  const uint32_t vocab = 40;
  std::vector<Vec> vecs;
  for (int i = 0; i < 60; ++i) vecs.push_back(RandomVec(&rng, vocab, 3 + rng() % 8));
  vecs.push_back({});  // an empty vector pairs with nothing
  for (double threshold : {0.05, 0.2, 0.5}) {
    const std::vector<Edge> edges = SimilarPairs(vecs, vocab, threshold, /*max_df=*/1000);
    std::vector<Edge> expected;
    for (uint32_t b = 0; b < vecs.size(); ++b) {
      for (uint32_t a = 0; a < b; ++a) {
        const double d = DenseDot(vecs[a], vecs[b], vocab);
        if (d >= threshold) expected.push_back({a, b, static_cast<float>(d)});
      }
    }
    ASSERT_EQ(edges.size(), expected.size()) << threshold;
    // Both lists are ordered by b, then a.
    for (size_t i = 0; i < edges.size(); ++i) {
      EXPECT_EQ(edges[i].a, expected[i].a);
      EXPECT_EQ(edges[i].b, expected[i].b);
      EXPECT_NEAR(edges[i].weight, expected[i].weight, 1e-5);
    }
  }
}

TEST(Graph, FrequentTermsCanBeLeftOut) {
  // Term 0 in all three vectors, term 1 only in the first two.
  const std::vector<double> idf = {1.0, 1.0, 1.0};
  std::vector<Vec> vecs = {TfIdf({0, 1}, {1, 1}, idf), TfIdf({0, 1}, {1, 1}, idf),
                           TfIdf({0, 2}, {1, 1}, idf)};
  EXPECT_EQ(SimilarPairs(vecs, 3, 0.1, 3).size(), 3u);  // exact: every pair shares term 0
  const std::vector<Edge> capped = SimilarPairs(vecs, 3, 0.1, 2);
  ASSERT_EQ(capped.size(), 1u);  // term 0 (in 3 vectors) ignored: only 0-1 share term 1
  EXPECT_EQ(capped[0].a, 0u);
  EXPECT_EQ(capped[0].b, 1u);
  EXPECT_NEAR(capped[0].weight, 0.5, 1e-6);
}

// The walk with a dense matrix, step by step.
std::vector<double> DenseCentrality(uint32_t n, const std::vector<Edge>& edges, double d) {
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0));
  for (const Edge& e : edges) w[e.a][e.b] = w[e.b][e.a] = e.weight;
  std::vector<double> p(n, 1.0 / n);
  for (int it = 0; it < 2000; ++it) {
    std::vector<double> q(n, 0);
    for (uint32_t i = 0; i < n; ++i) {
      const double deg = std::accumulate(w[i].begin(), w[i].end(), 0.0);
      for (uint32_t j = 0; j < n; ++j) {
        // From i: follow an edge with probability d (jump when i has none), else jump.
        const double follow = deg > 0 ? d * w[i][j] / deg : d / n;
        q[j] += p[i] * (follow + (1 - d) / n);
      }
    }
    p = q;
  }
  return p;
}

TEST(Graph, CentralityMatchesDenseWalk) {
  std::mt19937 rng(3);
  const uint32_t vocab = 30;
  std::vector<Vec> vecs;
  for (int i = 0; i < 25; ++i) vecs.push_back(RandomVec(&rng, vocab, 2 + rng() % 6));
  vecs.push_back({});  // isolated node
  const std::vector<Edge> edges = SimilarPairs(vecs, vocab, 0.1, 1000);
  for (double d : {0.0, 0.5, 0.85}) {
    const std::vector<double> sparse = Centrality(static_cast<uint32_t>(vecs.size()), edges, d);
    const std::vector<double> dense = DenseCentrality(static_cast<uint32_t>(vecs.size()), edges, d);
    ASSERT_EQ(sparse.size(), dense.size());
    double sum = 0;
    for (size_t i = 0; i < sparse.size(); ++i) {
      EXPECT_NEAR(sparse[i], dense[i], 1e-7) << i << " d=" << d;
      sum += sparse[i];
    }
    EXPECT_NEAR(sum, 1.0, 1e-9);
  }
}

TEST(Graph, StarCentreIsMostCentral) {
  // Node 0 linked to 1..4, which are not linked to each other; node 5 alone.
  std::vector<Edge> edges;
  for (uint32_t i = 1; i <= 4; ++i) edges.push_back({0, i, 0.5f});
  const std::vector<double> p = Centrality(6, edges, 0.85);
  for (uint32_t i = 1; i < 6; ++i) EXPECT_GT(p[0], p[i]);
  EXPECT_NEAR(p[1], p[4], 1e-12);
  EXPECT_LT(p[5], p[1]);
  // Damping 0: uniform.
  for (double x : Centrality(6, edges, 0.0)) EXPECT_NEAR(x, 1.0 / 6, 1e-12);
  EXPECT_TRUE(Centrality(0, {}, 0.85).empty());
}

}  // namespace
}  // namespace witness::digest::internal
