// BuildDigest: sentences -> facts (copies merged) -> centrality and signals -> greedy selection
// without redundancy -> citations -> story order. Rules in witness/digest.h.
#include "witness/digest.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/union_find.h"
#include "digest/graph.h"
#include "digest/sentences.h"
#include "witness/stories.h"

namespace witness::digest {
namespace {

using internal::Edge;
using internal::SentenceInfo;
using internal::Skip;
using internal::Vec;

using Components = UnionFind;  // over candidate indices

// A fact: one or more copies of a sentence.
struct Fact {
  std::vector<uint32_t> members;  // sentence indices, in input order
  std::vector<uint32_t> terms;    // union of the members' terms, sorted
  std::vector<uint16_t> tf;       // max tf over members
  Vec vec;
  uint32_t support = 0;          // distinct articles among members
  uint32_t best_rank = 0;        // lowest rank of a member in its article
  double relative_position = 1;  // lowest relative position of a member
  int64_t representative = -1;   // the member whose wording is shown; -1: none may be shown
  double score = 0;
};

// Share of `a`'s idf weight held by `b` (both sorted distinct term lists); *shared gets the
// number of common terms.
double Coverage(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                const std::vector<double>& idf, uint32_t* shared) {
  double total = 0, common = 0;
  uint32_t n = 0;
  size_t j = 0;
  for (uint32_t t : a) {
    const double w = t < idf.size() ? idf[t] : 1.0;
    total += w;
    while (j < b.size() && b[j] < t) ++j;
    if (j < b.size() && b[j] == t) {
      common += w;
      ++n;
    }
  }
  if (shared != nullptr) *shared = n;
  return total > 0 ? common / total : 0;
}

std::vector<double> Idf(const std::vector<const std::vector<uint32_t>*>& docs, size_t vocabulary) {
  std::vector<uint32_t> df(vocabulary, 0);
  for (const auto* d : docs) {
    for (uint32_t t : *d) ++df[t];
  }
  std::vector<double> idf(vocabulary);
  const double n = static_cast<double>(docs.size());
  for (size_t t = 0; t < vocabulary; ++t) idf[t] = std::log((n + 1.0) / (df[t] + 1.0)) + 1.0;
  return idf;
}

std::optional<int64_t> DayOf(const std::string& published) {
  if (published.empty()) return std::nullopt;
  std::optional<int64_t> t = stories::ParsePublished(published);
  if (!t) return std::nullopt;
  return *t >= 0 ? *t / 86400 : (*t - 86399) / 86400;
}

// The first `max_words` words of `text` (whitespace-separated), "…" added when cut.
std::string Shorten(const std::string& text, size_t max_words) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool space = text[i] == ' ';
    if (!space && !in_word && ++words > max_words) {
      size_t end = i;
      while (end > 0 && text[end - 1] == ' ') --end;
      return text.substr(0, end) + "\u2026";
    }
    in_word = !space;
  }
  return text;
}

class Builder {
 public:
  Builder(std::span<const Article> articles, const DigestOptions& options, text::Analyzer& analyzer)
      : articles_(articles), o_(options), analyzer_(analyzer) {}

  StatusOr<Digest> Run();

 private:
  void Analyze();
  void ChooseCandidates();
  void MergeCopies();
  void Score();
  std::vector<size_t> Select(std::vector<size_t> chosen, uint32_t target) const;
  bool SaysTheSame(size_t a, size_t b, double cosine) const;
  // A chosen fact as a summary sentence with its citations, and the earliest day of the
  // articles carrying it (memoised: the brief summary's facts are in the full one too).
  struct Rendered {
    SummarySentence sentence;
    std::optional<int64_t> day;
  };
  const Rendered& Render(size_t fact);
  Summary MakeSummary(const std::vector<size_t>& facts, uint32_t target);
  void Timeline();
  void Title();

  std::span<const Article> articles_;
  const DigestOptions& o_;
  Digest d_;
  text::Analyzer& analyzer_;  // this thread's (its stem cache lives on between calls)
  internal::Vocabulary vocabulary_;
  std::vector<SentenceInfo> sentences_;
  std::vector<std::pair<uint32_t, uint32_t>> range_;  // per article: sentences [first, end)
  std::vector<uint32_t> candidates_;                  // sentence indices
  std::vector<Fact> facts_;
  std::vector<int64_t> fact_of_;             // per sentence: its fact, or -1
  std::vector<double> idf_;                  // over facts
  std::vector<std::optional<int64_t>> day_;  // per article
  std::unordered_map<size_t, Rendered> rendered_;
  std::vector<std::vector<uint32_t>> postings_;  // term -> sentences holding it (Render)
};

void Builder::Analyze() {
  internal::SentenceLimits limits{o_.min_sentence_words, o_.max_sentence_words};
  range_.assign(articles_.size(), {0, 0});
  for (uint32_t a = 0; a < articles_.size(); ++a) {
    const Article& art = articles_[a];
    const uint32_t first = static_cast<uint32_t>(sentences_.size());
    range_[a] = {first, first};
    if (art.text.size() > o_.max_article_bytes) {
      d_.warnings.push_back("digest: article " + art.id + ": text of " +
                            std::to_string(art.text.size()) + " bytes is over the limit of " +
                            std::to_string(o_.max_article_bytes) + "; skipped");
      continue;
    }
    if (!text::IsValidUtf8(art.text)) {
      d_.warnings.push_back("digest: article " + art.id + ": text is not valid UTF-8; skipped");
      continue;
    }
    internal::AnalyzeArticle(art.text, a, limits, &analyzer_, &vocabulary_, &sentences_);
    range_[a].second = static_cast<uint32_t>(sentences_.size());
    if (range_[a].second == first) {
      d_.warnings.push_back("digest: article " + art.id + ": no sentences; skipped");
    }
  }
  d_.sentences = static_cast<uint32_t>(sentences_.size());
}

void Builder::ChooseCandidates() {
  // Round robin by position across articles: all ledes first, then second sentences, ...
  const uint32_t per_article = std::max<uint32_t>(o_.max_sentences_per_article, 1);
  const uint32_t cap = std::max<uint32_t>(o_.max_candidates, 1);
  for (uint32_t depth = 0; depth < per_article && candidates_.size() < cap; ++depth) {
    bool any = false;
    for (const auto& [first, end] : range_) {
      if (first + depth >= end) continue;
      any = true;
      const uint32_t s = first + depth;
      if (!sentences_[s].terms.empty()) candidates_.push_back(s);
      if (candidates_.size() >= cap) break;
    }
    if (!any) break;
  }
  std::sort(candidates_.begin(), candidates_.end());
}

void Builder::MergeCopies() {
  const size_t vocab = vocabulary_.size();
  std::vector<const std::vector<uint32_t>*> docs;
  for (uint32_t s : candidates_) docs.push_back(&sentences_[s].terms);
  const std::vector<double> sentence_idf = Idf(docs, vocab);
  std::vector<Vec> vecs;
  vecs.reserve(candidates_.size());
  for (uint32_t s : candidates_) {
    vecs.push_back(internal::TfIdf(sentences_[s].terms, sentences_[s].tf, sentence_idf));
  }
  const uint32_t n = static_cast<uint32_t>(candidates_.size());
  const uint32_t max_df = n > 2000 ? n / 4 : n;
  Components comp(n);
  for (const Edge& e :
       internal::SimilarPairs(vecs, static_cast<uint32_t>(vocab), o_.copy_similarity, max_df)) {
    comp.Join(e.a, e.b);
  }
  fact_of_.assign(sentences_.size(), -1);
  std::vector<int64_t> fact_of_root(n, -1);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t root = comp.Find(i);
    if (fact_of_root[root] < 0) {
      fact_of_root[root] = static_cast<int64_t>(facts_.size());
      facts_.emplace_back();
    }
    facts_[fact_of_root[root]].members.push_back(candidates_[i]);
    fact_of_[candidates_[i]] = fact_of_root[root];
  }
  // Fact terms: the union of the members' terms, each with its largest count.
  for (Fact& f : facts_) {
    std::vector<std::pair<uint32_t, uint16_t>> all;
    std::vector<uint32_t> articles;
    f.best_rank = UINT32_MAX;
    for (uint32_t s : f.members) {
      const SentenceInfo& si = sentences_[s];
      for (size_t k = 0; k < si.terms.size(); ++k) all.emplace_back(si.terms[k], si.tf[k]);
      articles.push_back(si.article);
      f.best_rank = std::min(f.best_rank, si.rank);
      f.relative_position = std::min(f.relative_position, si.RelativePosition());
    }
    std::sort(all.begin(), all.end());
    for (const auto& [t, c] : all) {
      if (!f.terms.empty() && f.terms.back() == t) {
        f.tf.back() = std::max(f.tf.back(), c);
      } else {
        f.terms.push_back(t);
        f.tf.push_back(c);
      }
    }
    std::sort(articles.begin(), articles.end());
    f.support =
        static_cast<uint32_t>(std::unique(articles.begin(), articles.end()) - articles.begin());
  }
  docs.clear();
  for (const Fact& f : facts_) docs.push_back(&f.terms);
  idf_ = Idf(docs, vocab);
  for (Fact& f : facts_) f.vec = internal::TfIdf(f.terms, f.tf, idf_);
  d_.candidates = static_cast<uint32_t>(facts_.size());
}

void Builder::Score() {
  const uint32_t n = static_cast<uint32_t>(facts_.size());
  std::vector<Vec> vecs;
  vecs.reserve(n);
  for (const Fact& f : facts_) vecs.push_back(f.vec);
  const uint32_t max_df = n > 2000 ? n / 4 : n;
  const std::vector<Edge> edges = internal::SimilarPairs(
      vecs, static_cast<uint32_t>(vocabulary_.size()), std::max(o_.edge_threshold, 1e-6), max_df);
  const std::vector<double> centrality = internal::Centrality(n, edges, o_.damping);

  // The headlines, as one vector.
  std::vector<std::pair<uint32_t, uint16_t>> title_terms;
  for (const Article& a : articles_) {
    if (!text::IsValidUtf8(a.title)) continue;
    const text::Segmentation seg = text::Segment(a.title);
    for (const text::Token& tok : seg.tokens) {
      if (tok.kind != text::TokenKind::kWord && tok.kind != text::TokenKind::kNumber) continue;
      const std::string term =
          internal::ContentTerm(analyzer_.Key(a.title, tok), tok.kind, &analyzer_);
      if (!term.empty()) title_terms.emplace_back(vocabulary_.Id(term), 1);
    }
  }
  std::sort(title_terms.begin(), title_terms.end());
  std::vector<uint32_t> tt;
  std::vector<uint16_t> ttf;
  for (const auto& [t, one] : title_terms) {
    if (!tt.empty() && tt.back() == t) {
      if (ttf.back() < UINT16_MAX) ++ttf.back();
    } else {
      tt.push_back(t);
      ttf.push_back(1);
    }
  }
  if (idf_.size() < vocabulary_.size()) idf_.resize(vocabulary_.size(), std::log(n + 1.0) + 1.0);
  const Vec title = internal::TfIdf(tt, ttf, idf_);

  for (uint32_t i = 0; i < n; ++i) {
    Fact& f = facts_[i];
    // The wording to show: a member that may be chosen; one that needs no earlier sentence,
    // then the earliest in its article, then the earliest article.
    for (uint32_t s : f.members) {
      const SentenceInfo& si = sentences_[s];
      if (si.skip != Skip::kNone) continue;
      if (f.representative < 0) {
        f.representative = s;
        continue;
      }
      const SentenceInfo& cur = sentences_[f.representative];
      if (std::make_tuple(si.back_reference, si.rank, si.article) <
          std::make_tuple(cur.back_reference, cur.rank, cur.article)) {
        f.representative = s;
      }
    }
    double score = centrality[i] * n;
    score *= 1.0 + o_.position_weight / std::sqrt(1.0 + f.best_rank);
    if (!title.empty()) score *= 1.0 + o_.title_weight * internal::Dot(f.vec, title);
    score *= 1.0 + o_.support_weight * std::log(double(std::max<uint32_t>(f.support, 1)));
    if (f.representative >= 0 && sentences_[f.representative].back_reference) {
      score *= o_.context_penalty;
    }
    f.score = score;
  }
}

bool Builder::SaysTheSame(size_t a, size_t b, double cosine) const {
  if (cosine >= o_.redundancy) return true;
  const Fact& f = facts_[a];
  const Fact& g = facts_[b];
  const double cover = f.terms.size() <= g.terms.size() ? Coverage(f.terms, g.terms, idf_, nullptr)
                                                        : Coverage(g.terms, f.terms, idf_, nullptr);
  return cover >= o_.redundancy_coverage;
}

std::vector<size_t> Builder::Select(std::vector<size_t> chosen, uint32_t target) const {
  uint32_t words = 0;
  for (size_t c : chosen) words += sentences_[facts_[c].representative].words;
  // Maximal marginal relevance: each round takes the best score discounted by the closest
  // chosen sentence; a fact saying what a chosen one says is out for good. Comparisons with
  // each chosen fact are made once, when it is chosen.
  std::vector<size_t> open;
  std::vector<double> closest(facts_.size(), 0.0);
  for (size_t i = 0; i < facts_.size(); ++i) {
    if (facts_[i].representative < 0) continue;
    if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
    bool same = false;
    for (size_t c : chosen) {
      const double cosine = internal::Dot(facts_[i].vec, facts_[c].vec);
      closest[i] = std::max(closest[i], cosine);
      if (SaysTheSame(i, c, cosine)) same = true;
    }
    if (!same) open.push_back(i);
  }
  const double limit = target * (1.0 + std::max(o_.length_slack, 0.0));
  while (words < target && !open.empty()) {
    size_t best = SIZE_MAX;
    double best_value = -1;
    size_t kept = 0;
    for (size_t i : open) {
      const uint32_t w = sentences_[facts_[i].representative].words;
      if (!chosen.empty() && words + w > limit) continue;  // too long now, and later
      open[kept++] = i;
      const double value = facts_[i].score * std::max(0.0, 1.0 - o_.novelty_weight * closest[i]);
      if (value > best_value) {
        best_value = value;
        best = i;
      }
    }
    open.resize(kept);
    if (best == SIZE_MAX) break;
    chosen.push_back(best);
    words += sentences_[facts_[best].representative].words;
    kept = 0;
    for (size_t i : open) {
      if (i == best) continue;
      const double cosine = internal::Dot(facts_[i].vec, facts_[best].vec);
      if (SaysTheSame(i, best, cosine)) continue;
      closest[i] = std::max(closest[i], cosine);
      open[kept++] = i;
    }
    open.resize(kept);
  }
  return chosen;
}

const Builder::Rendered& Builder::Render(size_t fact) {
  auto it = rendered_.find(fact);
  if (it != rendered_.end()) return it->second;
  Rendered& r = rendered_[fact];
  SummarySentence& out = r.sentence;
  const Fact& f = facts_[fact];
  const SentenceInfo& rep = sentences_[f.representative];
  const Article& src = articles_[rep.article];
  r.day = day_[rep.article];
  out.text = internal::CollapseSpaces(rep.span.in(src.text));
  out.article_id = src.id;
  out.source = src.source;
  out.span = rep.span;
  out.words = rep.words;
  out.score = f.score;
  out.citations.push_back({src.id, src.source, rep.span, 1.0, true});
  const uint32_t min_terms =
      std::min<uint32_t>(o_.carry_min_terms, static_cast<uint32_t>(rep.terms.size()));
  // Shared weight and terms of every sentence with the representative, through the postings.
  if (postings_.empty()) {
    postings_.resize(vocabulary_.size());
    for (uint32_t s = 0; s < sentences_.size(); ++s) {
      for (uint32_t t : sentences_[s].terms) {
        if (t < postings_.size()) postings_[t].push_back(s);
      }
    }
  }
  double total = 0;
  std::vector<std::pair<uint32_t, double>> hits;  // sentence, shared idf weight
  for (uint32_t t : rep.terms) {
    const double w = t < idf_.size() ? idf_[t] : 1.0;
    total += w;
    if (t >= postings_.size()) continue;
    for (uint32_t s : postings_[t]) hits.emplace_back(s, w);
  }
  std::sort(hits.begin(), hits.end());
  // Best sentence per article: a copy first, then the largest coverage.
  std::vector<int64_t> best(articles_.size(), -1);
  std::vector<double> best_cover(articles_.size(), 0);
  std::vector<bool> best_copy(articles_.size(), false);
  for (size_t i = 0; i < hits.size();) {
    const uint32_t s = hits[i].first;
    double shared_weight = 0;
    uint32_t shared = 0;
    for (; i < hits.size() && hits[i].first == s; ++i) {
      shared_weight += hits[i].second;
      ++shared;
    }
    const uint32_t a = sentences_[s].article;
    if (a == rep.article) continue;
    const bool copy = fact_of_[s] == static_cast<int64_t>(fact);
    const double cover = total > 0 ? shared_weight / total : 0;
    if (!copy && (cover < o_.carry_coverage || shared < min_terms)) continue;
    if (best[a] < 0 || (copy && !best_copy[a]) || (copy == best_copy[a] && cover > best_cover[a])) {
      best[a] = s;
      best_cover[a] = cover;
      best_copy[a] = copy;
    }
  }
  for (uint32_t a = 0; a < articles_.size(); ++a) {
    if (best[a] < 0) continue;
    out.citations.push_back({articles_[a].id, articles_[a].source, sentences_[best[a]].span,
                             best_cover[a], best_copy[a]});
    if (day_[a] && (!r.day || *day_[a] < *r.day)) r.day = day_[a];
  }
  return r;
}

Summary Builder::MakeSummary(const std::vector<size_t>& facts, uint32_t target) {
  struct Placed {
    SummarySentence s;
    std::optional<int64_t> day;
    double position;
  };
  std::vector<Placed> placed;
  for (size_t f : facts) {
    const Rendered& r = Render(f);
    placed.push_back({r.sentence, r.day, facts_[f].relative_position});
  }
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& x, const Placed& y) {
    if (x.day.has_value() != y.day.has_value()) return x.day.has_value();
    if (x.day && *x.day != *y.day) return *x.day < *y.day;
    if (x.position != y.position) return x.position < y.position;
    return x.s.score > y.s.score;
  });
  Summary out;
  out.target_words = target;
  for (Placed& p : placed) {
    out.words += p.s.words;
    out.sentences.push_back(std::move(p.s));
  }
  return out;
}

void Builder::Timeline() {
  std::vector<size_t> order(articles_.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::optional<int64_t>> when(articles_.size());
  for (size_t a = 0; a < articles_.size(); ++a) {
    if (!articles_[a].published.empty()) when[a] = stories::ParsePublished(articles_[a].published);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (when[x].has_value() != when[y].has_value()) return when[x].has_value();
    return when[x] && *when[x] < *when[y];
  });
  for (size_t a : order) {
    const Article& art = articles_[a];
    TimelineEntry e;
    e.published = art.published;
    e.article_id = art.id;
    e.source = art.source;
    e.headline = internal::CollapseSpaces(art.title);
    if (e.headline.empty() && range_[a].first < range_[a].second) {
      const SentenceInfo& first = sentences_[range_[a].first];
      e.headline = Shorten(internal::CollapseSpaces(first.span.in(art.text)), 20);
      e.headline_from_text = true;
    }
    d_.timeline.push_back(std::move(e));
  }
}

void Builder::Title() {
  // The headline closest to the story's centre: the score-weighted sum of the fact vectors.
  std::vector<double> centre(vocabulary_.size(), 0.0);
  for (const Fact& f : facts_) {
    for (const internal::Weighted& x : f.vec) centre[x.term] += f.score * x.weight;
  }
  double best = -1;
  for (const Article& a : articles_) {
    if (a.title.empty() || !text::IsValidUtf8(a.title)) continue;
    const text::Segmentation seg = text::Segment(a.title);
    std::vector<uint32_t> terms;
    for (const text::Token& tok : seg.tokens) {
      if (tok.kind != text::TokenKind::kWord && tok.kind != text::TokenKind::kNumber) continue;
      const std::string term =
          internal::ContentTerm(analyzer_.Key(a.title, tok), tok.kind, &analyzer_);
      if (!term.empty()) terms.push_back(vocabulary_.Id(term));
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    double s = 0, norm = 0;
    for (uint32_t t : terms) {
      const double w = t < idf_.size() ? idf_[t] : 1.0;
      if (t < centre.size()) s += w * centre[t];
      norm += w * w;
    }
    s = norm > 0 ? s / std::sqrt(norm) : 0;
    if (s > best) {
      best = s;
      d_.title = internal::CollapseSpaces(a.title);
    }
  }
}

StatusOr<Digest> Builder::Run() {
  if (articles_.empty()) return Status::InvalidArgument("digest: no articles given");
  if (articles_.size() > o_.max_articles) {
    return Status::ResourceExhausted("digest: " + std::to_string(articles_.size()) +
                                     " articles, over the limit of " +
                                     std::to_string(o_.max_articles));
  }
  std::unordered_set<std::string_view> ids, sources;
  for (const Article& a : articles_) {
    if (!ids.insert(a.id).second) {
      return Status::InvalidArgument("digest: article " + a.id + " given twice");
    }
    sources.insert(a.source);
  }
  d_.articles = static_cast<uint32_t>(articles_.size());
  d_.sources = static_cast<uint32_t>(sources.size());
  // Undated articles are taken to be of the story's first known day (reports of one event
  // are mostly of its first days); with no dates at all, day plays no part.
  day_.resize(articles_.size());
  std::optional<int64_t> first_day;
  for (size_t a = 0; a < articles_.size(); ++a) {
    day_[a] = DayOf(articles_[a].published);
    if (day_[a] && (!first_day || *day_[a] < *first_day)) first_day = day_[a];
  }
  for (auto& day : day_) {
    if (!day) day = first_day;
  }

  Analyze();
  ChooseCandidates();
  MergeCopies();
  Score();
  const std::vector<size_t> brief = Select({}, o_.brief_words);
  const std::vector<size_t> full = Select(brief, std::max(o_.full_words, o_.brief_words));
  d_.brief = MakeSummary(brief, o_.brief_words);
  d_.full = MakeSummary(full, std::max(o_.full_words, o_.brief_words));
  Timeline();
  Title();
  return std::move(d_);
}

}  // namespace

std::string Summary::Text() const {
  std::string out;
  for (const SummarySentence& s : sentences) {
    if (!out.empty()) out += ' ';
    out += s.text;
  }
  return out;
}

StatusOr<Digest> BuildDigest(std::span<const Article> articles, const DigestOptions& options) {
  try {
    // One Analyzer per thread: building one costs more than a small story's digest.
    static thread_local text::Analyzer analyzer;
    Builder b(articles, options, analyzer);
    return b.Run();
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted("digest: out of memory");
  }
}

}  // namespace witness::digest
