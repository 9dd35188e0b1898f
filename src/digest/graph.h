// src/digest/graph.h: sparse tf-idf vectors, all similar pairs through an inverted index, and
// the random-walk centrality of the similarity graph (continuous LexRank).
#ifndef WITNESS_SRC_DIGEST_GRAPH_H_
#define WITNESS_SRC_DIGEST_GRAPH_H_

#include <cstdint>
#include <vector>

namespace witness::digest::internal {

struct Weighted {
  uint32_t term = 0;
  float weight = 0;
};
// Sorted by term; unit length (or empty).
using Vec = std::vector<Weighted>;

// (1 + ln tf) x idf per term, normalised to unit length. `terms` sorted and distinct.
Vec TfIdf(const std::vector<uint32_t>& terms, const std::vector<uint16_t>& tf,
          const std::vector<double>& idf);

double Dot(const Vec& a, const Vec& b);

struct Edge {
  uint32_t a = 0, b = 0;  // a < b
  float weight = 0;       // the cosine
};

// Every pair (a < b) whose cosine is at least `threshold`. A term held by more than `max_df`
// vectors adds nothing to the pairs' cosines (the result is exact when no term exceeds it).
std::vector<Edge> SimilarPairs(const std::vector<Vec>& vecs, uint32_t vocabulary_size,
                               double threshold, uint32_t max_df);

// Stationary distribution of the walk that follows an edge (probability proportional to its
// weight) with probability `damping` and jumps to a uniformly chosen node otherwise; a node
// without edges always jumps. Sums to 1; empty for n == 0.
std::vector<double> Centrality(uint32_t n, const std::vector<Edge>& edges, double damping);

}  // namespace witness::digest::internal

#endif  // WITNESS_SRC_DIGEST_GRAPH_H_
