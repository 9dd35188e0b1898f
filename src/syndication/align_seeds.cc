// The aligner's first stage: the sentence model and the seeds (see align.cc for the whole).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <xxhash.h>

#include "syndication/align_model.h"

namespace witness::syndication::internal {

void BuildModel(const Prepared& a, const Prepared& b, Model* m) {
  std::unordered_map<uint32_t, uint32_t> dict;
  dict.reserve((a.words.size() + b.words.size()) / 2 + 16);
  m->units_a = static_cast<uint32_t>(a.units.size());
  m->units_b = static_cast<uint32_t>(b.units.size());
  m->offsets.assign(1, 0);
  std::vector<std::pair<uint32_t, uint32_t>> bag;  // (dense term, count)
  std::vector<uint32_t> counts;
  auto add_units = [&](const Prepared& p, std::vector<uint32_t>* df) {
    for (const Unit& u : p.units) {
      bag.clear();
      for (uint32_t w = u.first_word; w < u.end_word; ++w) {
        if (p.words[w].stop) continue;
        auto [it, fresh] = dict.try_emplace(p.words[w].term, static_cast<uint32_t>(dict.size()));
        bag.emplace_back(it->second, 1);
      }
      std::sort(bag.begin(), bag.end());
      size_t k = 0;
      for (size_t i = 0; i < bag.size(); ++i) {
        if (k > 0 && bag[k - 1].first == bag[i].first) {
          ++bag[k - 1].second;
        } else {
          bag[k++] = bag[i];
        }
      }
      bag.resize(k);
      if (df->size() < dict.size()) df->resize(dict.size(), 0);
      for (auto [t, c] : bag) {
        ++(*df)[t];
        m->entries.push_back({t, static_cast<float>(c)});
      }
      m->offsets.push_back(static_cast<uint32_t>(m->entries.size()));
    }
  };
  add_units(a, &m->df_a);
  add_units(b, &m->df_b);
  m->df_a.resize(dict.size(), 0);
  m->df_b.resize(dict.size(), 0);
  const double n = double(m->units_a) + m->units_b;
  m->idf.resize(dict.size());
  for (size_t t = 0; t < dict.size(); ++t) {
    m->idf[t] = static_cast<float>(std::log(1.0 + n / (m->df_a[t] + m->df_b[t])));
  }
  m->norms.resize(m->units_a + m->units_b);
  for (uint32_t u = 0; u < m->units_a + m->units_b; ++u) {
    double s = 0;
    for (auto* e = m->entries.data() + m->offsets[u]; e != m->entries.data() + m->offsets[u + 1];
         ++e) {
      e->weight = static_cast<float>((1.0 + std::log(e->weight)) * m->idf[e->term]);
      s += double(e->weight) * e->weight;
    }
    m->norms[u] = static_cast<float>(std::sqrt(s));
  }
}

// Cosine and Dice of two units.
void Compare(const Model& m, uint32_t u, uint32_t v, double* cosine, double* dice) {
  const Model::Entry *x = m.begin(u), *xe = m.end(u), *y = m.begin(v), *ye = m.end(v);
  double dot = 0;
  uint32_t shared = 0;
  while (x != xe && y != ye) {
    if (x->term < y->term) {
      ++x;
    } else if (y->term < x->term) {
      ++y;
    } else {
      dot += double(x->weight) * y->weight;
      ++shared;
      ++x, ++y;
    }
  }
  const double nn = double(m.norms[u]) * m.norms[v];
  *cosine = nn > 0 ? dot / nn : 0;
  const uint32_t total = m.size(u) + m.size(v);
  *dice = total > 0 ? 2.0 * shared / total : 0;
}

std::vector<Seed> FindSeeds(const Model& m, const AlignOptions& o) {
  const uint32_t nt = static_cast<uint32_t>(m.idf.size());
  // Terms allowed to generate pairs: by ascending df_a * df_b within a work budget.
  constexpr uint64_t kBudget = 40'000'000;
  std::vector<uint32_t> order;
  for (uint32_t t = 0; t < nt; ++t) {
    if (m.df_a[t] > 0 && m.df_b[t] > 0 && m.df_a[t] <= o.max_postings &&
        m.df_b[t] <= o.max_postings) {
      order.push_back(t);
    }
  }
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    return uint64_t{m.df_a[x]} * m.df_b[x] < uint64_t{m.df_a[y]} * m.df_b[y];
  });
  std::vector<uint8_t> generates(nt, 0);
  uint64_t work = 0;
  for (uint32_t t : order) {
    work += uint64_t{m.df_a[t]} * m.df_b[t];
    if (work > kBudget) break;
    generates[t] = 1;
  }
  // Postings of B units per generating term.
  std::vector<uint32_t> post_off(nt + 1, 0);
  for (uint32_t v = 0; v < m.units_b; ++v) {
    for (auto* e = m.begin(m.units_a + v); e != m.end(m.units_a + v); ++e) {
      if (generates[e->term]) ++post_off[e->term + 1];
    }
  }
  for (uint32_t t = 0; t < nt; ++t) post_off[t + 1] += post_off[t];
  std::vector<uint32_t> postings(post_off[nt]);
  {
    std::vector<uint32_t> fill(post_off.begin(), post_off.end() - 1);
    for (uint32_t v = 0; v < m.units_b; ++v) {
      for (auto* e = m.begin(m.units_a + v); e != m.end(m.units_a + v); ++e) {
        if (generates[e->term]) postings[fill[e->term]++] = v;
      }
    }
  }
  std::vector<Seed> seeds;
  std::vector<uint32_t> mark(m.units_b, UINT32_MAX);
  std::vector<uint32_t> touched;
  for (uint32_t u = 0; u < m.units_a; ++u) {
    touched.clear();
    for (auto* e = m.begin(u); e != m.end(u); ++e) {
      if (!generates[e->term]) continue;
      for (uint32_t k = post_off[e->term]; k < post_off[e->term + 1]; ++k) {
        const uint32_t v = postings[k];
        if (mark[v] != u) {
          mark[v] = u;
          touched.push_back(v);
        }
      }
    }
    for (uint32_t v : touched) {
      double cosine, dice;
      Compare(m, u, m.units_a + v, &cosine, &dice);
      if (cosine >= o.seed_cosine && dice >= o.seed_dice) {
        seeds.push_back({u, v, static_cast<float>(cosine)});
      }
    }
  }
  return seeds;
}

// Runs of shared n-grams of content words: exact copying, found even inside sentences too
// long or too different as a whole to pass the sentence thresholds (a copied list inside a
// longer one, a quotation inside different sentences). One seed per run and unit pair, with
// the words the run covers; its cosine is that of the two units.
void FindNgramSeeds(const Prepared& a, const Prepared& b, const Model& m, uint32_t k,
                    std::vector<Seed>* seeds) {
  if (k == 0) return;
  auto content = [](const Prepared& p) {
    std::vector<uint32_t> c;
    for (uint32_t w = 0; w < p.words.size(); ++w) {
      if (!p.words[w].stop) c.push_back(w);
    }
    return c;
  };
  const std::vector<uint32_t> ca = content(a), cb = content(b);
  if (ca.size() < k || cb.size() < k) return;
  auto window = [k](const Prepared& p, const std::vector<uint32_t>& c, size_t at) {
    uint32_t terms[16];
    for (uint32_t d = 0; d < k; ++d) terms[d] = p.words[c[at + d]].term;
    return XXH3_64bits(terms, k * sizeof(uint32_t));
  };
  std::vector<std::pair<uint64_t, uint32_t>> bw;
  bw.reserve(cb.size());
  for (size_t x = 0; x + k <= cb.size(); ++x) bw.emplace_back(window(b, cb, x), x);
  std::sort(bw.begin(), bw.end());
  constexpr size_t kMaxRepeats = 16;  // n-grams repeated more often generate no seeds
  std::vector<std::pair<uint32_t, uint32_t>> hits;  // (A window, B window)
  for (size_t x = 0; x + k <= ca.size(); ++x) {
    const uint64_t h = window(a, ca, x);
    auto lo = std::lower_bound(bw.begin(), bw.end(), std::make_pair(h, uint32_t{0}));
    auto hi = lo;
    while (hi != bw.end() && hi->first == h) ++hi;
    if (hi - lo > static_cast<ptrdiff_t>(kMaxRepeats)) continue;
    for (auto it = lo; it != hi; ++it) hits.emplace_back(static_cast<uint32_t>(x), it->second);
    if (hits.size() > 4'000'000) break;  // bound the work on pathological inputs
  }
  // Group hits into runs along diagonals, then into unit pairs.
  std::sort(hits.begin(), hits.end(), [](const auto& p, const auto& q) {
    const int64_t dp = int64_t{p.first} - p.second, dq = int64_t{q.first} - q.second;
    return dp != dq ? dp < dq : p.first < q.first;
  });
  std::vector<Seed> found;
  for (size_t s = 0; s < hits.size();) {
    size_t e = s + 1;
    while (e < hits.size() && hits[e].first == hits[e - 1].first + 1 &&
           hits[e].second == hits[e - 1].second + 1) {
      ++e;
    }
    // Run covers content words [hits[s].first, hits[e-1].first + k - 1] in A, same in B.
    for (size_t t = s; t < e; ++t) {
      const uint32_t aw0 = ca[hits[t].first], aw1 = ca[hits[t].first + k - 1];
      const uint32_t bw0 = cb[hits[t].second], bw1 = cb[hits[t].second + k - 1];
      const uint32_t i = a.words[aw0].unit, j = b.words[bw0].unit;
      if (!found.empty() && found.back().i == i && found.back().j == j && found.back().exact &&
          found.back().a_last >= aw0 && found.back().b_last >= bw0) {
        found.back().a_last = std::max(found.back().a_last, aw1);
        found.back().b_last = std::max(found.back().b_last, bw1);
        continue;
      }
      Seed sd;
      sd.i = i, sd.j = j, sd.exact = true;
      sd.a_first = aw0, sd.a_last = aw1, sd.b_first = bw0, sd.b_last = bw1;
      found.push_back(sd);
    }
    s = e;
  }
  for (Seed& sd : found) {
    double cosine, dice;
    Compare(m, sd.i, m.units_a + sd.j, &cosine, &dice);
    sd.cosine = static_cast<float>(cosine);
    seeds->push_back(sd);
  }
}

}  // namespace witness::syndication::internal
