#include "digest/graph.h"

#include <algorithm>
#include <cmath>

namespace witness::digest::internal {

Vec TfIdf(const std::vector<uint32_t>& terms, const std::vector<uint16_t>& tf,
          const std::vector<double>& idf) {
  Vec v;
  v.reserve(terms.size());
  double norm = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    const double w =
        (1.0 + std::log(double(tf[i]))) * (terms[i] < idf.size() ? idf[terms[i]] : 1.0);
    if (w <= 0) continue;
    v.push_back({terms[i], static_cast<float>(w)});
    norm += w * w;
  }
  if (norm > 0) {
    const double inv = 1.0 / std::sqrt(norm);
    for (Weighted& x : v) x.weight = static_cast<float>(x.weight * inv);
  }
  return v;
}

double Dot(const Vec& a, const Vec& b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      s += double(a[i].weight) * b[j].weight;
      ++i;
      ++j;
    }
  }
  return s;
}

std::vector<Edge> SimilarPairs(const std::vector<Vec>& vecs, uint32_t vocabulary_size,
                               double threshold, uint32_t max_df) {
  // Postings in item order, so that item i meets only items before it.
  std::vector<uint32_t> df(vocabulary_size, 0);
  for (const Vec& v : vecs) {
    for (const Weighted& x : v) {
      if (x.term < vocabulary_size) ++df[x.term];
    }
  }
  std::vector<uint32_t> start(vocabulary_size + 1, 0);
  for (uint32_t t = 0; t < vocabulary_size; ++t) {
    start[t + 1] = start[t] + (df[t] <= max_df ? df[t] : 0);
  }
  struct Posting {
    uint32_t item;
    float weight;
  };
  std::vector<Posting> postings(start[vocabulary_size]);
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);

  std::vector<Edge> edges;
  std::vector<double> acc(vecs.size(), 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < vecs.size(); ++i) {
    touched.clear();
    for (const Weighted& x : vecs[i]) {
      if (x.term >= vocabulary_size || df[x.term] > max_df) continue;
      for (uint32_t p = start[x.term]; p < fill[x.term]; ++p) {
        const Posting& post = postings[p];
        if (acc[post.item] == 0) touched.push_back(post.item);
        acc[post.item] += double(x.weight) * post.weight;
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t j : touched) {
      if (acc[j] >= threshold) edges.push_back({j, i, static_cast<float>(std::min(acc[j], 1.0))});
      acc[j] = 0;
    }
    for (const Weighted& x : vecs[i]) {
      if (x.term >= vocabulary_size || df[x.term] > max_df) continue;
      postings[fill[x.term]++] = {i, x.weight};
    }
  }
  return edges;
}

std::vector<double> Centrality(uint32_t n, const std::vector<Edge>& edges, double damping) {
  std::vector<double> p(n, n == 0 ? 0.0 : 1.0 / n);
  if (n == 0) return p;
  damping = std::clamp(damping, 0.0, 1.0);
  std::vector<double> degree(n, 0.0);
  for (const Edge& e : edges) {
    degree[e.a] += e.weight;
    degree[e.b] += e.weight;
  }
  std::vector<double> next(n);
  for (int iteration = 0; iteration < 200; ++iteration) {
    double dangling = 0;
    for (uint32_t i = 0; i < n; ++i) {
      if (degree[i] <= 0) dangling += p[i];
    }
    const double base = (1.0 - damping) / n + damping * dangling / n;
    std::fill(next.begin(), next.end(), base);
    for (const Edge& e : edges) {
      next[e.b] += damping * p[e.a] * e.weight / degree[e.a];
      next[e.a] += damping * p[e.b] * e.weight / degree[e.b];
    }
    double change = 0, sum = 0;
    for (uint32_t i = 0; i < n; ++i) {
      change += std::fabs(next[i] - p[i]);
      sum += next[i];
    }
    p.swap(next);
    if (sum > 0) {
      for (double& x : p) x /= sum;
    }
    if (change < 1e-9) break;
  }
  return p;
}

}  // namespace witness::digest::internal
