// The aligner: sentence seeds -> chained passages -> validated, trimmed, non-overlapping.
//
// 1. Seeds. Every unit (sentence, short ones joined) is a bag of content terms weighted
//    (1 + log tf) * log(1 + N / df) over the units of both texts. Units of A and B that share
//    a term are compared; a pair whose cosine and Dice both pass the thresholds is a seed.
//    Terms too frequent for the work budget generate no pairs (they still count in cosines).
// 2. Chaining. Seeds are clustered by gaps, alternately in A and in B, until stable. A cluster
//    is a passage candidate: A's units from its first to last seed, B's likewise.
// 3. Validation. The candidate's two sides must reach passage_cosine; otherwise it is
//    re-clustered with a smaller gap. Summaries (one side many times longer) are re-chained
//    with summary_gap on the long side.
// 4. Trimming and overlap. Ends are trimmed to matching words; passages overlapping in either
//    text keep the stronger one; short ones are dropped.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <xxhash.h>

#include "syndication/align_model.h"

namespace witness::syndication::internal {
namespace {

// Cosine of two unit ranges taken as one bag each.
double RangeCosine(const Model& m, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  std::unordered_map<uint32_t, std::pair<double, double>> acc;
  for (uint32_t u = a0; u <= a1; ++u) {
    for (auto* e = m.begin(u); e != m.end(u); ++e) acc[e->term].first += e->weight;
  }
  for (uint32_t v = b0; v <= b1; ++v) {
    for (auto* e = m.begin(m.units_a + v); e != m.end(m.units_a + v); ++e) {
      acc[e->term].second += e->weight;
    }
  }
  double dot = 0, na = 0, nb = 0;
  for (const auto& [t, w] : acc) {
    dot += w.first * w.second;
    na += w.first * w.first;
    nb += w.second * w.second;
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

struct Candidate {
  uint32_t a0, a1, b0, b1;  // unit ranges, inclusive
  double cosine;
  std::vector<Seed> seeds;
};

Candidate MakeCandidate(const Model& m, std::vector<Seed> seeds) {
  Candidate c{UINT32_MAX, 0, UINT32_MAX, 0, 0, {}};
  for (const Seed& s : seeds) {
    c.a0 = std::min(c.a0, s.i), c.a1 = std::max(c.a1, s.i);
    c.b0 = std::min(c.b0, s.j), c.b1 = std::max(c.b1, s.j);
  }
  c.cosine = RangeCosine(m, c.a0, c.a1, c.b0, c.b1);
  c.seeds = std::move(seeds);
  return c;
}

// Words of A covered by the candidate's n-gram runs.
uint32_t ExactWords(const Candidate& c) {
  std::vector<std::pair<uint32_t, uint32_t>> r;
  for (const Seed& s : c.seeds) {
    if (s.exact) r.emplace_back(s.a_first, s.a_last + 1);
  }
  std::sort(r.begin(), r.end());
  uint32_t total = 0, reach = 0;
  for (auto [b, e] : r) {
    const uint32_t from = std::max(b, reach);
    if (e > from) total += e - from;
    reach = std::max(reach, e);
  }
  return total;
}

// A summary: the short side densely seeded (at least 3 of its units, half of them), and the
// seeds in the same order on both sides (3 of 4 pairs concordant).
bool LooksLikeSummary(const Candidate& c, bool a_is_short) {
  std::vector<uint32_t> short_units;
  for (const Seed& s : c.seeds) short_units.push_back(a_is_short ? s.i : s.j);
  std::sort(short_units.begin(), short_units.end());
  short_units.erase(std::unique(short_units.begin(), short_units.end()), short_units.end());
  const uint32_t range = a_is_short ? c.a1 - c.a0 + 1 : c.b1 - c.b0 + 1;
  if (short_units.size() < 3 || short_units.size() * 2 < range) return false;
  size_t concordant = 0, pairs = 0;
  for (size_t x = 0; x < c.seeds.size(); ++x) {
    for (size_t y = x + 1; y < c.seeds.size(); ++y) {
      const Seed &p = c.seeds[x], &q = c.seeds[y];
      if (p.i == q.i || p.j == q.j) continue;
      ++pairs;
      concordant += (p.i < q.i) == (p.j < q.j);
    }
  }
  return pairs > 0 && concordant * 4 >= pairs * 3;
}

// Clusters, validates, and re-clusters failures with smaller gaps.
void Chain(const Model& m, std::vector<Seed> seeds, uint32_t gap_a, uint32_t gap_b,
           const AlignOptions& o, std::vector<Candidate>* out) {
  for (auto& group : ClusterSeeds(std::move(seeds), gap_a, gap_b)) {
    Candidate c = MakeCandidate(m, std::move(group));
    if (c.cosine >= o.passage_cosine || ExactWords(c) >= o.min_passage_words) {
      out->push_back(std::move(c));
    } else if (gap_a > 0 || gap_b > 0) {
      Chain(m, std::move(c.seeds), gap_a > 0 ? gap_a - 1 : 0, gap_b > 0 ? gap_b - 1 : 0, o, out);
    }
  }
}

bool TermIn(uint32_t term, const Prepared& p, uint32_t unit) {
  for (uint32_t w = p.units[unit].first_word; w < p.units[unit].end_word; ++w) {
    if (p.words[w].term == term) return true;
  }
  return false;
}

// The first (forward) or last (backward) word of `unit` in `p` where the match with
// `other_unit` of `other` begins: a word that occurs there and starts a run in which at least
// 2 of the next 3 words occur there too (words shared by chance rarely come in runs).
uint32_t TrimWord(const Prepared& p, uint32_t unit, const Prepared& other, uint32_t other_unit,
                  bool forward, bool strict) {
  const Unit& u = p.units[unit];
  const uint32_t n = u.end_word - u.first_word;
  if (n == 0) return UINT32_MAX;
  std::vector<uint8_t> hit(n);
  for (uint32_t k = 0; k < n; ++k) hit[k] = TermIn(p.words[u.first_word + k].term, other, other_unit);
  uint32_t fallback = UINT32_MAX;
  for (uint32_t step = 0; step < n; ++step) {
    const uint32_t k = forward ? step : n - 1 - step;
    if (!hit[k]) continue;
    if (fallback == UINT32_MAX) fallback = k;
    uint32_t run = 0, seen = 0;
    for (uint32_t d = 1; d <= 3; ++d) {
      if (forward ? k + d >= n : k < d) break;
      ++seen;
      run += hit[forward ? k + d : k - d];
    }
    if (!strict && (p.words[u.first_word + k].stop ? run >= 1 : true)) return u.first_word + k;
    if (run >= 2 || (seen < 2 && run == seen)) return u.first_word + k;
  }
  return fallback == UINT32_MAX ? UINT32_MAX : u.first_word + fallback;
}

// Byte span of a candidate's side, trimmed to matching words at both ends.
text::Span SideSpan(const Prepared& p, uint32_t u0, uint32_t u1, const Prepared& other,
                    uint32_t pair0, uint32_t pair1, bool trim, bool strict) {
  text::Span s{p.units[u0].begin, p.units[u1].end};
  if (!trim) return s;
  const uint32_t first = TrimWord(p, u0, other, pair0, true, strict);
  const uint32_t last = TrimWord(p, u1, other, pair1, false, strict);
  if (first != UINT32_MAX) s.begin = p.words[first].begin;
  if (last != UINT32_MAX && last + 1 < p.units[u1].end_word) s.end = p.words[last].end;
  if (s.end <= s.begin) s = {p.units[u0].begin, p.units[u1].end};
  return s;
}

// Indices [lo, hi) of the words inside span `s`.
std::pair<size_t, size_t> WordRange(const Prepared& p, text::Span s) {
  auto lo = std::lower_bound(p.words.begin(), p.words.end(), s.begin,
                             [](const Word& w, uint32_t x) { return w.begin < x; });
  auto hi = std::lower_bound(lo, p.words.end(), s.end,
                             [](const Word& w, uint32_t x) { return w.end <= x; });
  const size_t l = static_cast<size_t>(lo - p.words.begin());
  return {l, std::max(l, static_cast<size_t>(hi - p.words.begin()))};
}

uint32_t WordsIn(const Prepared& p, text::Span s) {
  auto [lo, hi] = WordRange(p, s);
  return static_cast<uint32_t>(hi - lo);
}

// True when the words of span `s` in `p` that also occur in the other side are mostly quoted.
bool MostlyQuoted(const Prepared& p, text::Span s, const std::vector<uint32_t>& other_terms) {
  uint32_t shared = 0, quoted = 0;
  auto [lo, hi] = WordRange(p, s);
  for (size_t k = lo; k < hi; ++k) {
    const Word& w = p.words[k];
    if (w.stop || !std::binary_search(other_terms.begin(), other_terms.end(), w.term)) continue;
    ++shared;
    quoted += w.quoted;
  }
  return shared > 0 && quoted * 10 >= shared * 7;
}

std::vector<uint32_t> TermsIn(const Prepared& p, text::Span s) {
  std::vector<uint32_t> t;
  auto [lo, hi] = WordRange(p, s);
  for (size_t k = lo; k < hi; ++k) {
    if (!p.words[k].stop) t.push_back(p.words[k].term);
  }
  std::sort(t.begin(), t.end());
  t.erase(std::unique(t.begin(), t.end()), t.end());
  return t;
}

// Where a candidate's end unit holds n-gram runs but no sentence seed, its span ends at the
// runs (a copied stretch inside a long list or sentence), not at the unit's edge.
void ExactBounds(const Candidate& c, const Prepared& a, const Prepared& b, Passage* p) {
  auto edge = [&](bool on_a, bool first) {
    const uint32_t unit = on_a ? (first ? c.a0 : c.a1) : (first ? c.b0 : c.b1);
    uint32_t best = first ? UINT32_MAX : 0;
    bool sentence = false, exact = false;
    for (const Seed& s : c.seeds) {
      if ((on_a ? s.i : s.j) != unit) continue;
      if (!s.exact) {
        sentence = true;
        continue;
      }
      exact = true;
      const uint32_t w = on_a ? (first ? s.a_first : s.a_last) : (first ? s.b_first : s.b_last);
      best = first ? std::min(best, w) : std::max(best, w);
    }
    return sentence || !exact ? UINT32_MAX : best;
  };
  if (uint32_t w = edge(true, true); w != UINT32_MAX) p->a.begin = a.words[w].begin;
  if (uint32_t w = edge(true, false); w != UINT32_MAX) p->a.end = a.words[w].end;
  if (uint32_t w = edge(false, true); w != UINT32_MAX) p->b.begin = b.words[w].begin;
  if (uint32_t w = edge(false, false); w != UINT32_MAX) p->b.end = b.words[w].end;
  if (p->a.end < p->a.begin) p->a.end = p->a.begin;
  if (p->b.end < p->b.begin) p->b.end = p->b.begin;
}

}  // namespace

std::vector<std::vector<Seed>> ClusterSeeds(std::vector<Seed> seeds, uint32_t gap_a,
                                            uint32_t gap_b) {
  std::vector<std::vector<Seed>> out;
  if (seeds.empty()) return out;
  std::vector<std::vector<Seed>> todo;
  todo.push_back(std::move(seeds));
  auto split = [](std::vector<Seed>& g, bool on_a, uint32_t gap) {
    std::sort(g.begin(), g.end(), [on_a](const Seed& x, const Seed& y) {
      return on_a ? (x.i != y.i ? x.i < y.i : x.j < y.j) : (x.j != y.j ? x.j < y.j : x.i < y.i);
    });
    std::vector<std::vector<Seed>> parts(1);
    for (size_t k = 0; k < g.size(); ++k) {
      if (k > 0) {
        const uint32_t prev = on_a ? g[k - 1].i : g[k - 1].j, cur = on_a ? g[k].i : g[k].j;
        if (cur - prev > gap + 1) parts.emplace_back();
      }
      parts.back().push_back(g[k]);
    }
    return parts;
  };
  while (!todo.empty()) {
    std::vector<Seed> g = std::move(todo.back());
    todo.pop_back();
    auto pa = split(g, true, gap_a);
    if (pa.size() > 1) {
      for (auto& p : pa) todo.push_back(std::move(p));
      continue;
    }
    auto pb = split(pa[0], false, gap_b);
    if (pb.size() > 1) {
      for (auto& p : pb) todo.push_back(std::move(p));
      continue;
    }
    out.push_back(std::move(pb[0]));
  }
  return out;
}

std::vector<Passage> AlignPrepared(const Prepared& a, const Prepared& b, const AlignOptions& o,
                                   std::vector<Seed>* seeds_out) {
  std::vector<Passage> result;
  if (a.units.empty() || b.units.empty()) return result;
  Model m;
  BuildModel(a, b, &m);
  std::vector<Seed> seeds = FindSeeds(m, o);
  FindNgramSeeds(a, b, m, std::min<uint32_t>(o.ngram_words, 16), &seeds);
  // A seed must be nearly as good as the best seed of its unit in A and of its unit in B:
  // drops the chance resemblances around a real passage that would stretch it.
  if (o.seed_best_ratio > 0 && !seeds.empty()) {
    std::vector<float> best_a(m.units_a, 0), best_b(m.units_b, 0);
    // Long verbatim runs stand on their own: a copied stretch inside a long list or
    // sentence whose unit as a whole resembles something else better.
    auto long_run = [](const Seed& s) { return s.exact && s.a_last - s.a_first >= 11; };
    for (const Seed& s : seeds) {
      best_a[s.i] = std::max(best_a[s.i], s.cosine);
      best_b[s.j] = std::max(best_b[s.j], s.cosine);
    }
    const float r = static_cast<float>(o.seed_best_ratio);
    std::erase_if(seeds, [&](const Seed& s) {
      return !long_run(s) && (s.cosine < r * best_a[s.i] || s.cosine < r * best_b[s.j]);
    });
  }
  if (seeds_out != nullptr) *seeds_out = seeds;
  if (seeds.empty()) return result;

  std::vector<Candidate> cands;
  Chain(m, seeds, o.max_gap, o.max_gap, o, &cands);
  // Summaries: chain again with a long gap on one side; keep those candidates whose sides
  // differ in length by summary_ratio, in place of the ordinary ones they cover.
  if (o.summary_gap > o.max_gap) {
    for (int side = 0; side < 2; ++side) {
      std::vector<Candidate> wide;
      Chain(m, seeds, side == 0 ? o.max_gap : o.summary_gap, side == 0 ? o.summary_gap : o.max_gap,
            o, &wide);
      for (Candidate& w0 : wide) {
        // Judge the summary on each short-side unit's best seed only: a sentence that
        // resembles several far-apart ones must not stretch the long side.
        std::vector<Seed> best;
        for (const Seed& sd : w0.seeds) {
          const uint32_t key = side == 0 ? sd.i : sd.j;
          auto it = std::find_if(best.begin(), best.end(), [&](const Seed& x) {
            return (side == 0 ? x.i : x.j) == key;
          });
          if (it == best.end()) best.push_back(sd);
          else if (sd.cosine > it->cosine) *it = sd;
        }
        Candidate w = MakeCandidate(m, std::move(best));
        if (w.cosine < o.passage_cosine) continue;
        const double la = a.units[w.a1].end - a.units[w.a0].begin;
        const double lb = b.units[w.b1].end - b.units[w.b0].begin;
        const bool summary = side == 0 ? lb >= o.summary_ratio * la : la >= o.summary_ratio * lb;
        if (!summary || !LooksLikeSummary(w, side == 0)) continue;
        std::erase_if(cands, [&](const Candidate& c) {
          return c.a0 >= w.a0 && c.a1 <= w.a1 && c.b0 >= w.b0 && c.b1 <= w.b1;
        });
        cands.push_back(std::move(w));
      }
    }
  }

  // Grow each candidate along its diagonal while the next sentences on both sides still
  // resemble each other (obfuscated sentences at a passage's ends often miss the seed bar).
  if (o.extend_cosine > 0) {
    for (Candidate& c : cands) {
      double cosine, dice;
      while (c.a0 > 0 && c.b0 > 0) {
        Compare(m, c.a0 - 1, m.units_a + c.b0 - 1, &cosine, &dice);
        if (cosine < o.extend_cosine) break;
        --c.a0, --c.b0;
        c.seeds.push_back({c.a0, c.b0, static_cast<float>(cosine)});
      }
      while (c.a1 + 1 < m.units_a && c.b1 + 1 < m.units_b) {
        Compare(m, c.a1 + 1, m.units_a + c.b1 + 1, &cosine, &dice);
        if (cosine < o.extend_cosine) break;
        ++c.a1, ++c.b1;
        c.seeds.push_back({c.a1, c.b1, static_cast<float>(cosine)});
      }
    }
  }

  // Passages with trimmed spans.
  struct Scored {
    Passage p;
    double score;
  };
  std::vector<Scored> ps;
  for (const Candidate& c : cands) {
    // The seed pairing at each end, for trimming.
    uint32_t pair_a0 = UINT32_MAX, pair_a1 = 0, pair_b0 = UINT32_MAX, pair_b1 = 0;
    for (const Seed& s : c.seeds) {
      if (s.i == c.a0) pair_a0 = std::min(pair_a0, s.j);
      if (s.i == c.a1) pair_a1 = std::max(pair_a1, s.j);
      if (s.j == c.b0) pair_b0 = std::min(pair_b0, s.i);
      if (s.j == c.b1) pair_b1 = std::max(pair_b1, s.i);
    }
    Passage p;
    // Close copies are trimmed to runs of matching words; looser ones to any match.
    const bool strict = c.cosine >= o.strict_trim_cosine;
    p.a = SideSpan(a, c.a0, c.a1, b, pair_a0, pair_a1, o.trim_to_matches, strict);
    p.b = SideSpan(b, c.b0, c.b1, a, pair_b0, pair_b1, o.trim_to_matches, strict);
    // An end unit that only n-gram runs reached ends where the runs end.
    ExactBounds(c, a, b, &p);
    p.a_words = WordsIn(a, p.a);
    p.b_words = WordsIn(b, p.b);
    p.similarity = c.cosine;
    if (p.a_words < o.min_passage_words || p.b_words < o.min_passage_words) continue;
    ps.push_back({p, c.cosine * std::min(p.a_words, p.b_words)});
  }
  // Overlaps in A or in B: the stronger passage wins.
  std::sort(ps.begin(), ps.end(), [](const Scored& x, const Scored& y) {
    return x.score != y.score ? x.score > y.score : x.p.a.begin < y.p.a.begin;
  });
  for (const Scored& s : ps) {
    bool clash = false;
    for (const Passage& kept : result) {
      if (s.p.a.begin < kept.a.end && kept.a.begin < s.p.a.end) clash = true;
      if (s.p.b.begin < kept.b.end && kept.b.begin < s.p.b.end) clash = true;
      if (clash) break;
    }
    if (!clash) result.push_back(s.p);
  }
  std::sort(result.begin(), result.end(),
            [](const Passage& x, const Passage& y) { return x.a.begin < y.a.begin; });
  for (Passage& p : result) {
    p.quoted = MostlyQuoted(a, p.a, TermsIn(b, p.b)) && MostlyQuoted(b, p.b, TermsIn(a, p.a));
  }
  return result;
}

}  // namespace witness::syndication::internal
