// Clusterer: online assignment of articles to stories (see stories.h for the model and rules).
//
// Add() in order: parse the date; normalise and (optionally) clean the text; extract features;
// count them in the document frequencies; keep the article's heaviest features as its vector;
// look up candidate stories in the inverted index; score them (cosine under current IDF, times
// the time factor); join the best or start a story; post the article's features; merge the
// joined story with candidates the article bridged; move recent singletons the grown story now
// attracts. Every step touches a bounded number of postings, stories and articles.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "stories/state.h"
#include "witness/clean.h"
#include "witness/text.h"

namespace witness::stories {

using internal::ArticleRec;
using internal::kNone;
using internal::kNoTime;
using internal::kUndatedHour;
using internal::Posting;
using internal::QTerm;
using internal::SourceTally;
using internal::StoryRec;
using internal::TermWeight;

namespace {

uint64_t IdHash(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }
// The next key of an id's collision chain.
uint64_t NextKey(uint64_t k) { return internal::MixKey(k + 0x9E3779B97F4A7C15ULL); }
constexpr uint32_t kTombstone = internal::FlatMap64::kAbsent - 1;

int32_t HourOf(int64_t t) {
  if (t == kNoTime) return kUndatedHour;
  int64_t h = t >= 0 ? t / 3600 : -((-t + 3599) / 3600);
  return static_cast<int32_t>(h);
}

// At most n bytes of s, not splitting a UTF-8 sequence (when s is valid UTF-8).
std::string_view Utf8Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  size_t end = n;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

int YearOf(int64_t t) {
  std::string s = FormatTime(t);
  return std::stoi(s.substr(0, s.find('-', 1)));
}

}  // namespace

const char* AssignmentKindName(AssignmentKind kind) {
  switch (kind) {
    case AssignmentKind::kNew:
      return "new";
    case AssignmentKind::kJoined:
      return "joined";
    case AssignmentKind::kMerged:
      return "merged";
    case AssignmentKind::kDuplicate:
      return "duplicate";
  }
  return "unknown";
}

const char* EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kCreated:
      return "created";
    case EventKind::kJoined:
      return "joined";
    case EventKind::kMerged:
      return "merged";
    case EventKind::kMoved:
      return "moved";
    case EventKind::kRemoved:
      return "removed";
  }
  return "unknown";
}

namespace {
StoryOptions Sanitized(StoryOptions o) {
  o.article_terms = std::clamp<uint32_t>(o.article_terms, 1, 4096);
  o.story_terms = std::clamp<uint32_t>(o.story_terms, 1, 1u << 16);
  // NaN fails every comparison below, so each test is written to catch it too.
  if (!(o.idf_prior_articles >= 0 && o.idf_prior_articles <= 1e9)) o.idf_prior_articles = 0;
  if (!(o.idf_prior_df >= 0 && o.idf_prior_df <= 1)) o.idf_prior_df = 0;
  if (!(o.time_decay_hours > 0 && o.time_decay_hours <= 1e9)) o.time_decay_hours = 1;
  if (!(o.time_grace_hours >= 0 && o.time_grace_hours <= 1e9)) o.time_grace_hours = 0;
  if (!(o.max_gap_days >= 0 && o.max_gap_days <= 1e7)) o.max_gap_days = 0;
  if (!(o.max_future_hours >= 0 && o.max_future_hours <= 1e9)) o.max_future_hours = 0;
  for (double* b : {&o.name_boost, &o.number_boost, &o.title_boost})
    if (!(*b > 0 && *b <= 1e6)) *b = 1;
  if (!(o.join_threshold >= 0 && o.join_threshold <= 1e6))
    o.join_threshold = StoryOptions{}.join_threshold;
  if (!(o.merge_threshold >= 0 && o.merge_threshold <= 1e6))
    o.merge_threshold = StoryOptions{}.merge_threshold;
  return o;
}
}  // namespace

Clusterer::Impl::Impl(const StoryOptions& o) : options(Sanitized(o)), extractor(options) {
  log_df_table.resize(4096);
  const double c = options.idf_prior_articles * options.idf_prior_df + 0.5;
  for (size_t d = 0; d < log_df_table.size(); ++d)
    log_df_table[d] = static_cast<float>(std::log(static_cast<double>(d) + c));
  RefreshIdfBase();
}

uint32_t Clusterer::Impl::ParseStoryId(std::string_view id) const {
  if (id.size() < 2 || id.size() > 11 || id[0] != 's') return kNone;
  uint64_t n = 0;
  for (char c : id.substr(1)) {
    if (c < '0' || c > '9') return kNone;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (id[1] == '0' || n == 0 || n > stories.size()) return kNone;
  return static_cast<uint32_t>(n - 1);
}

uint32_t Clusterer::Impl::FindArticle(std::string_view id) const {
  for (uint64_t k = IdHash(id);; k = NextKey(k)) {
    uint32_t v = article_ids.Find(k);
    if (v == internal::FlatMap64::kAbsent) return kNone;
    if (v != kTombstone && IdOf(v) == id) return v;
  }
}

void Clusterer::Impl::IndexArticleId(uint32_t a) {
  for (uint64_t k = IdHash(IdOf(a));; k = NextKey(k)) {
    bool inserted = false;
    uint32_t* v = article_ids.Insert(k, a, &inserted);
    if (inserted) return;
    if (*v == kTombstone) {
      *v = a;
      return;
    }
  }
}

void Clusterer::Impl::UnindexArticleId(uint32_t a) {
  std::string_view id = IdOf(a);
  for (uint64_t k = IdHash(id);; k = NextKey(k)) {
    bool inserted = false;
    uint32_t* v = article_ids.Insert(k, kTombstone, &inserted);
    if (inserted) return;  // not found (cannot happen for an indexed article)
    if (*v == a) {
      // A tombstone keeps any later link of the chain reachable.
      if (article_ids.Find(NextKey(k)) == internal::FlatMap64::kAbsent)
        article_ids.Erase(k);
      else
        *v = kTombstone;
      return;
    }
  }
}

uint32_t Clusterer::Impl::InternSource(std::string_view name) {
  if (name.empty()) name = "unknown";
  auto it = source_ids.find(std::string(name));
  if (it != source_ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(source_names.size());
  source_names.emplace_back(name);
  source_ids.emplace(std::string(name), id);
  return id;
}

double Clusterer::Impl::TimeFactor(int64_t t, int64_t first, int64_t last) const {
  if (t == kNoTime || first == kNoTime) return 1.0;
  int64_t dist = t < first ? first - t : (t > last ? t - last : 0);
  double hours = static_cast<double>(dist) / 3600.0;
  if (hours > options.max_gap_days * 24.0) return 0.0;
  if (hours <= options.time_grace_hours) return 1.0;
  return std::exp(-(hours - options.time_grace_hours) / options.time_decay_hours);
}

double Clusterer::Impl::SpanFactor(const StoryRec& a, const StoryRec& b) const {
  if (a.first == kNoTime || b.first == kNoTime) return 1.0;
  if (b.first > a.last) return TimeFactor(b.first, a.first, a.last);
  if (a.first > b.last) return TimeFactor(a.first, b.first, b.last);
  return 1.0;
}

double Clusterer::Impl::Weighted(const TermWeight* v, size_t n, std::vector<QTerm>* out) const {
  out->resize(n);
  double norm2 = 0;
  for (size_t i = 0; i < n; ++i) {
    const float idf = static_cast<float>(Idf(v[i].term));
    const float w = v[i].w * idf;
    (*out)[i] = {v[i].term, w, idf};
    norm2 += static_cast<double>(w) * w;
  }
  return std::sqrt(norm2);
}

double Clusterer::Impl::ExactNorm(const StoryRec& s) const {
  double norm2 = 0;
  for (const TermWeight& c : s.centroid) {
    double w = c.w * Idf(c.term);
    norm2 += w * w;
  }
  return std::sqrt(norm2);
}

double Clusterer::Impl::StoryNorm(StoryRec* s) {
  if (s->norm_docs == 0 || docs > s->norm_docs + s->norm_docs / 16 || test_exact_norms) {
    s->norm = ExactNorm(*s);
    s->norm_docs = std::max<uint64_t>(docs, 1);
  }
  return s->norm;
}

// Only the shared terms need an IDF, and the query carries it.
double Clusterer::Impl::Cosine(const std::vector<QTerm>& q, double qnorm, StoryRec* s) {
  if (qnorm <= 0 || s->centroid.empty()) return 0;
  double dot = 0;
  const TermWeight* c = s->centroid.data();
  const size_t n = s->centroid.size(), m = q.size();
  size_t i = 0, j = 0;
  while (i < n && j < m) {  // branch-light merge: advance whichever side is behind
    const uint32_t a = c[i].term, b = q[j].term;
    if (a == b) dot += static_cast<double>(q[j].w) * c[i].w * q[j].idf;
    i += a <= b;
    j += b <= a;
  }
  if (dot == 0) return 0;
  double sn = StoryNorm(s);
  return sn > 0 ? dot / (qnorm * sn) : 0;
}

double Clusterer::Impl::CentroidCosine(StoryRec* a, StoryRec* b) {
  std::vector<QTerm> wa;
  double na = Weighted(a->centroid.data(), a->centroid.size(), &wa);
  return Cosine(wa, na, b);
}

void Clusterer::Impl::TruncateCentroid(StoryRec* s) {
  const size_t k = std::max<uint32_t>(options.story_terms, 1);
  if (s->centroid.size() <= k) return;
  std::vector<std::pair<double, uint32_t>> order;  // (weight, index)
  order.reserve(s->centroid.size());
  for (uint32_t i = 0; i < s->centroid.size(); ++i)
    order.push_back({s->centroid[i].w * Idf(s->centroid[i].term), i});
  std::nth_element(order.begin(), order.begin() + static_cast<ptrdiff_t>(k), order.end(),
                   [&](const auto& x, const auto& y) {
                     if (x.first != y.first) return x.first > y.first;
                     return s->centroid[x.second].term < s->centroid[y.second].term;
                   });
  std::vector<uint32_t> keep;
  keep.reserve(k);
  for (size_t i = 0; i < k; ++i) keep.push_back(order[i].second);
  std::sort(keep.begin(), keep.end());
  std::vector<TermWeight> out;
  out.reserve(k);
  for (uint32_t i : keep) out.push_back(s->centroid[i]);
  s->centroid.swap(out);
}

void Clusterer::Impl::AddToCentroid(StoryRec* s, const TermWeight* v, size_t n) {
  std::vector<TermWeight> out;
  out.reserve(s->centroid.size() + n);
  size_t i = 0, j = 0;
  while (i < s->centroid.size() || j < n) {
    if (j == n || (i < s->centroid.size() && s->centroid[i].term < v[j].term)) {
      out.push_back(s->centroid[i++]);
    } else if (i == s->centroid.size() || v[j].term < s->centroid[i].term) {
      out.push_back(v[j++]);
    } else {
      out.push_back({v[j].term, s->centroid[i].w + v[j].w});
      ++i;
      ++j;
    }
  }
  s->centroid.swap(out);
  s->norm_docs = 0;
  TruncateCentroid(s);
}

void Clusterer::Impl::SubtractFromCentroid(StoryRec* s, const TermWeight* v, size_t n) {
  size_t j = 0;
  std::vector<TermWeight> out;
  out.reserve(s->centroid.size());
  for (const TermWeight& c : s->centroid) {
    while (j < n && v[j].term < c.term) ++j;
    float w = c.w;
    if (j < n && v[j].term == c.term) w -= v[j].w;
    if (w > 1e-6f) out.push_back({c.term, w});
  }
  s->centroid.swap(out);
  s->norm_docs = 0;
}

void Clusterer::Impl::RecomputeSpan(StoryRec* s) {
  s->first = s->last = kNoTime;
  for (uint32_t m : s->members) {
    const ArticleRec& a = articles[m];
    if ((a.flags & internal::kRemoved) || a.time == kNoTime) continue;
    if (s->first == kNoTime || a.time < s->first) s->first = a.time;
    if (s->last == kNoTime || a.time > s->last) s->last = a.time;
  }
}

void Clusterer::Impl::AddMember(uint32_t story, uint32_t a) {
  StoryRec& s = stories[story];
  ArticleRec& r = articles[a];
  r.story = story;
  s.members.push_back(a);
  ++s.count;
  if (r.time != kNoTime) {
    if (s.first == kNoTime || r.time < s.first) s.first = r.time;
    if (s.last == kNoTime || r.time > s.last) s.last = r.time;
  }
  auto it = std::lower_bound(s.sources.begin(), s.sources.end(), r.source,
                             [](const SourceTally& x, uint32_t src) { return x.source < src; });
  if (it != s.sources.end() && it->source == r.source)
    ++it->count;
  else
    s.sources.insert(it, {r.source, 1});
  if (r.vec_len) AddToCentroid(&s, VecOf(a), r.vec_len);
}

void Clusterer::Impl::RemoveMember(uint32_t story, uint32_t a) {
  StoryRec& s = stories[story];
  const ArticleRec& r = articles[a];
  auto mit = std::find(s.members.begin(), s.members.end(), a);
  if (mit != s.members.end()) s.members.erase(mit);
  if (s.count > 0) --s.count;
  auto it = std::lower_bound(s.sources.begin(), s.sources.end(), r.source,
                             [](const SourceTally& x, uint32_t src) { return x.source < src; });
  if (it != s.sources.end() && it->source == r.source && --it->count == 0) s.sources.erase(it);
  if (r.vec_len) SubtractFromCentroid(&s, VecOf(a), r.vec_len);
  RecomputeSpan(&s);
}

uint32_t Clusterer::Impl::NewStory() {
  uint32_t s = static_cast<uint32_t>(stories.size());
  stories.emplace_back();
  parent.push_back(s);
  ++live_stories;
  return s;
}

void Clusterer::Impl::Emit(EventKind kind, std::string_view article, uint32_t story, uint32_t from,
                           double score) {
  StoryEvent e;
  e.seq = ++event_seq;
  e.kind = kind;
  e.article.assign(article);
  e.story = StoryId(story);
  if (from != kNone) e.from = StoryId(from);
  e.score = score;
  events.push_back(std::move(e));
}

// Merges the younger of two live stories into the older; returns the survivor.
uint32_t Clusterer::Impl::MergeStories(uint32_t x, uint32_t y, std::vector<std::string>* merged) {
  const uint32_t keep = std::min(x, y), gone = std::max(x, y);
  StoryRec& k = stories[keep];
  StoryRec& g = stories[gone];
  parent[gone] = keep;
  for (uint32_t m : g.members) {
    articles[m].story = keep;
    k.members.push_back(m);
  }
  k.count += g.count;
  if (g.first != kNoTime) {
    if (k.first == kNoTime || g.first < k.first) k.first = g.first;
    if (k.last == kNoTime || g.last > k.last) k.last = g.last;
  }
  std::vector<SourceTally> src;
  std::merge(k.sources.begin(), k.sources.end(), g.sources.begin(), g.sources.end(),
             std::back_inserter(src),
             [](const SourceTally& a, const SourceTally& b) { return a.source < b.source; });
  k.sources.clear();
  for (const SourceTally& t : src) {
    if (!k.sources.empty() && k.sources.back().source == t.source)
      k.sources.back().count += t.count;
    else
      k.sources.push_back(t);
  }
  k.aliases.push_back(gone);
  k.aliases.insert(k.aliases.end(), g.aliases.begin(), g.aliases.end());
  AddToCentroid(&k, g.centroid.data(), g.centroid.size());
  g = StoryRec{};
  --live_stories;
  Emit(EventKind::kMerged, "", keep, gone, 0);
  if (merged) merged->push_back(StoryId(gone));
  return keep;
}

// Accumulates, per story, the weights of the query features its postings share (once per
// feature), in a small scratch table keyed by the story number as posted; merged stories are
// resolved afterwards, for the leading candidates only, so the scan stays sequential.
void Clusterer::Impl::FindCandidates(int64_t t, const std::vector<uint32_t>& query_order) {
  cands.clear();
  if (test_exhaustive) {  // the reference: every live story
    for (uint32_t s = 0; s < stories.size(); ++s)
      if (parent[s] == s && stories[s].count > 0) cands.push_back({s, 0, 0, 0});
    return;
  }
  const int32_t hour = HourOf(t);
  const int64_t gap_h = static_cast<int64_t>(std::ceil(options.max_gap_days * 24.0));
  const uint32_t nq =
      std::min<uint32_t>(options.query_terms, static_cast<uint32_t>(query_order.size()));
  const size_t want =
      2 * static_cast<size_t>(nq) * std::min<uint32_t>(options.max_postings_scan, 1u << 16);
  if (acc.size() < 1024 || (acc.size() < want && acc.size() < (size_t{1} << 22))) {
    size_t n = 1024;
    while (n < want && n < (size_t{1} << 22)) n *= 2;
    acc.assign(n, AccSlot{});
    stamp = 0;
  }
  if (++stamp == 0) {
    std::fill(acc.begin(), acc.end(), AccSlot{});
    stamp = 1;
  }
  const size_t mask = acc.size() - 1;
  size_t used = 0;
  for (uint32_t qi = 0; qi < nq; ++qi) {
    const QTerm& q = qvec[query_order[qi]];
    const std::vector<Posting>& list = postings[q.term];
    uint32_t scanned = 0, stale = 0;
    for (size_t p = list.size(); p-- > 0 && scanned < options.max_postings_scan; ++scanned) {
      const Posting& e = list[p];
      if (hour != kUndatedHour && e.hour != kUndatedHour) {
        if (e.hour > hour + gap_h) continue;
        if (e.hour < hour - gap_h) {
          if (++stale >= internal::kStaleRun) break;
          continue;
        }
        stale = 0;
      }
      size_t k = (e.story * 0x9E3779B1u) & mask;
      while (acc[k].stamp == stamp && acc[k].story != e.story) k = (k + 1) & mask;
      AccSlot& slot = acc[k];
      if (slot.stamp != stamp) {
        if (2 * (used + 1) > acc.size()) continue;  // full (cannot happen with the sizing above)
        slot = {e.story, stamp, q.w, qi};
        ++used;
        cands.push_back({e.story, 0, 0, 0});
      } else if (slot.last_q != qi) {
        slot.sum += q.w;
        slot.last_q = qi;
      }
    }
  }
  // Sums back into the candidate list (it holds each posted story once).
  for (Cand& c : cands) {
    size_t k = (c.story * 0x9E3779B1u) & mask;
    while (acc[k].story != c.story) k = (k + 1) & mask;
    c.sum = acc[k].sum;
  }
  auto by_sum = [](const Cand& a, const Cand& b) {
    return a.sum != b.sum ? a.sum > b.sum : a.story < b.story;
  };
  // The leading candidates (with room for aliases), resolved and combined per live story.
  const size_t lead =
      std::min<size_t>(cands.size(), 2 * static_cast<size_t>(options.max_candidates));
  std::partial_sort(cands.begin(), cands.begin() + lead, cands.end(), by_sum);
  cands.resize(lead);
  for (Cand& c : cands) c.story = Resolve(c.story);
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    return a.story != b.story ? a.story < b.story : a.sum > b.sum;
  });
  size_t w = 0;
  for (size_t i = 0; i < cands.size(); ++i) {
    if (w > 0 && cands[w - 1].story == cands[i].story) {
      cands[w - 1].sum += cands[i].sum;  // an alias's postings count for its survivor
    } else {
      cands[w++] = cands[i];
    }
  }
  cands.resize(w);
  const size_t keep = std::min<size_t>(cands.size(), options.max_candidates);
  std::partial_sort(cands.begin(), cands.begin() + keep, cands.end(), by_sum);
  cands.resize(keep);
}

// After article `a` joined (or founded) `story`, looks again at the recent members of the
// stories the article came close to (score >= join_threshold / 2): a member that now scores
// >= join_threshold against `story`, and higher than against the rest of its own story, moves.
// A story left empty becomes an alias of `story`. Bounded: kRevisitMembers most recent members
// per story, kRevisitChecks members in all.
uint32_t Clusterer::Impl::Revisit(uint32_t a, uint32_t story, StoryAssignment* out) {
  const size_t window_start =
      articles.size() > options.revisit_window ? articles.size() - options.revisit_window : 0;
  uint32_t checks = 0;
  std::vector<QTerm> xw;
  for (size_t ci = 0; ci < cands.size() && checks < internal::kRevisitChecks; ++ci) {
    const Cand& c = cands[ci];
    if (c.score < options.join_threshold / 2) break;  // sorted by score
    const uint32_t x = Resolve(c.story);
    if (x == story || stories[x].count == 0) continue;
    // Members to look at: the most recent, newest first (copied: moves change the list).
    std::vector<uint32_t> look;
    const std::vector<uint32_t>& mem = stories[x].members;
    for (size_t k = mem.size(); k-- > 0 && look.size() < internal::kRevisitMembers;) {
      uint32_t xa = mem[k];
      if (xa < window_start || xa == a) continue;
      const ArticleRec& r = articles[xa];
      if (r.vec_len == 0 || (r.flags & internal::kRemoved)) continue;
      look.push_back(xa);
    }
    for (uint32_t xa : look) {
      if (++checks > internal::kRevisitChecks) break;
      StoryRec& s = stories[story];
      StoryRec& xs = stories[x];
      const ArticleRec& xr = articles[xa];
      const double f_new = TimeFactor(xr.time, s.first, s.last);
      if (f_new <= 0) continue;
      const double xn = Weighted(VecOf(xa), xr.vec_len, &xw);
      const double s_new = f_new * Cosine(xw, xn, &s);
      if (s_new < options.join_threshold) continue;
      double s_old = 0;
      if (xs.count > 1 && xn > 0) {
        // Against its own story without it: only the shared terms change.
        double dot = 0, norm2 = StoryNorm(&xs);
        norm2 *= norm2;
        size_t i = 0, j = 0;
        const std::vector<TermWeight>& cen = xs.centroid;
        while (i < cen.size() && j < xw.size()) {
          if (cen[i].term < xw[j].term) {
            ++i;
          } else if (xw[j].term < cen[i].term) {
            ++j;
          } else {
            const double idf = xw[j].idf;
            const double before = cen[i].w * idf;
            const double after =
                std::max(0.0, cen[i].w - static_cast<double>(VecOf(xa)[j].w)) * idf;
            norm2 += after * after - before * before;
            dot += after * xw[j].w;
            ++i;
            ++j;
          }
        }
        if (norm2 > 1e-12)
          s_old = TimeFactor(xr.time, xs.first, xs.last) * dot / (xn * std::sqrt(norm2));
      }
      if (s_new <= s_old) continue;
      RemoveMember(x, xa);
      articles[xa].score = static_cast<float>(s_new);
      AddMember(story, xa);
      if (stories[x].count == 0) {
        parent[x] = story;
        stories[story].aliases.push_back(x);
        stories[x] = StoryRec{};
        --live_stories;
      }
      Emit(EventKind::kMoved, IdOf(xa), story, x, s_new);
      out->moved.push_back(std::string(IdOf(xa)));
      if (parent[x] != x) break;  // x is gone
    }
  }
  return story;
}

// ---------------------------------------------------------------------------------------------

Clusterer::Clusterer(const StoryOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Clusterer::Clusterer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Clusterer::~Clusterer() = default;
Clusterer::Clusterer(Clusterer&&) noexcept = default;
Clusterer& Clusterer::operator=(Clusterer&&) noexcept = default;

const StoryOptions& Clusterer::options() const { return impl_->options; }
size_t Clusterer::article_count() const { return impl_->live_articles; }
size_t Clusterer::story_count() const { return impl_->live_stories; }
size_t Clusterer::IndexBytes() const { return impl_->MemoryBytes(); }

std::vector<StoryEvent> Clusterer::TakeEvents() {
  std::vector<StoryEvent> out;
  out.swap(impl_->events);
  return out;
}

StatusOr<StoryAssignment> Clusterer::Add(const ArticleInput& in) {
  Impl& m = *impl_;
  const StoryOptions& o = m.options;
  if (in.id.empty()) return Status::InvalidArgument("article with an empty id");
  if (in.id.size() > (1u << 20)) return Status::InvalidArgument("article id longer than 1 MiB");

  StoryAssignment out;
  if (uint32_t dup = m.FindArticle(in.id); dup != kNone) {
    out.kind = AssignmentKind::kDuplicate;
    out.story = Impl::StoryId(m.Resolve(m.articles[dup].story));
    out.score = m.articles[dup].score;
    out.via_copy = m.articles[dup].flags & internal::kViaCopy;
    out.dated = m.articles[dup].time != kNoTime;
    out.note = "article '" + in.id + "' was already added; the first version is kept";
    return out;
  }

  // ---- time ----
  int64_t t = kNoTime;
  if (!in.published.empty()) {
    std::optional<int64_t> p = ParsePublished(in.published);
    if (!p) {
      out.note = "published '" + in.published + "' is not an ISO 8601 date; treated as undated";
    } else {
      int year = YearOf(*p);
      if (year < o.min_year || year >= o.max_year) {
        out.note = "published '" + in.published + "' is outside the years " +
                   std::to_string(o.min_year) + ".." + std::to_string(o.max_year - 1) +
                   "; treated as undated";
      } else if (o.now != 0 && *p > o.now + static_cast<int64_t>(o.max_future_hours * 3600)) {
        out.note = "published '" + in.published + "' is in the future; treated as undated";
      } else {
        t = *p;
      }
    }
  }
  out.dated = t != kNoTime;

  // ---- features ----
  // Only the start of an oversized input is read: a story is recognisable from its first
  // pages, and this bounds the time and memory of one Add.
  text::Normalized title = text::Normalize(Utf8Prefix(in.title, internal::kMaxTitleBytes));
  text::Normalized body = text::Normalize(Utf8Prefix(in.text, internal::kMaxTextBytes));
  if (o.clean_text && !body.text.empty()) {
    clean::CleanResult cr = clean::CleanText(body.text, {}, nullptr, title.text);
    body.text.swap(cr.text);
  }
  std::string headline;
  m.extractor.Extract(title.text, body.text, &m.feats, &headline);

  const uint32_t a = static_cast<uint32_t>(m.articles.size());
  ArticleRec rec;
  rec.time = t;
  rec.source = m.InternSource(in.source);
  rec.id_len = static_cast<uint32_t>(in.id.size());
  rec.headline_len = static_cast<uint32_t>(headline.size());
  {
    std::string both = in.id + headline;
    rec.text_begin = m.text_arena.AppendRun(both.data(), both.size());
  }

  // Document frequencies learn from this article first, then weights use them.
  std::vector<internal::QTerm>& qv = m.qvec;
  qv.clear();
  if (!m.feats.empty()) {
    ++m.docs;
    m.RefreshIdfBase();
    for (const internal::Feature& f : m.feats) {
      bool inserted = false;
      uint32_t* id = m.term_ids.Insert(f.hash, static_cast<uint32_t>(m.df.size()), &inserted);
      if (inserted) {
        m.df.push_back(0);
        m.log_df.push_back(0);
        m.term_hash.push_back(f.hash);
        m.postings.emplace_back();
      }
      const uint32_t term = *id;
      m.log_df[term] = static_cast<float>(m.LogDf(++m.df[term]));
      const float idf = static_cast<float>(m.Idf(term));
      qv.push_back({term, f.tf * idf, idf});
    }
    // Keep the heaviest article_terms features (ties: smaller term id), sorted by term.
    auto heavier = [](const internal::QTerm& x, const internal::QTerm& y) {
      return x.w != y.w ? x.w > y.w : x.term < y.term;
    };
    if (qv.size() > o.article_terms) {
      std::nth_element(qv.begin(), qv.begin() + o.article_terms, qv.end(), heavier);
      qv.resize(o.article_terms);
    }
    std::sort(qv.begin(), qv.end(),
              [](const internal::QTerm& x, const internal::QTerm& y) { return x.term < y.term; });
  }
  double qnorm = 0;
  for (const internal::QTerm& w : qv) qnorm += static_cast<double>(w.w) * w.w;
  qnorm = std::sqrt(qnorm);
  rec.vec_begin = m.vec_pool.size();
  rec.vec_len = static_cast<uint16_t>(qv.size());
  if (qnorm > 0) {
    std::vector<TermWeight>& stored = m.stored_scratch;
    stored.clear();
    for (const internal::QTerm& w : qv)
      stored.push_back({w.term, static_cast<float>(w.w / w.idf / qnorm)});
    rec.vec_begin = m.vec_pool.AppendRun(stored.data(), stored.size());
  } else {
    rec.vec_len = 0;
    rec.flags |= internal::kNoFeatures;
  }
  m.articles.push_back(rec);
  m.IndexArticleId(a);
  ++m.live_articles;

  // The query: the article's weights, heaviest first.
  std::vector<uint32_t> order(qv.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    return qv[x].w != qv[y].w ? qv[x].w > qv[y].w : qv[x].term < qv[y].term;
  });

  // ---- the syndication hint ----
  uint32_t story = kNone;
  double score = 0;
  if (!in.copy_of.empty()) {
    uint32_t orig = in.copy_of == in.id ? kNone : m.FindArticle(in.copy_of);
    if (orig == kNone) {
      if (!out.note.empty()) out.note += "; ";
      out.note += "copy_of '" + in.copy_of + "' is not a known article; assigned by content";
    } else {
      story = m.Resolve(m.articles[orig].story);
      score = m.Cosine(qv, qnorm, &m.stories[story]);
      out.via_copy = true;
      m.articles[a].flags |= internal::kViaCopy;
    }
  }

  // ---- candidates and scores ----
  if (!qv.empty()) {
    m.FindCandidates(t, order);
    // The centroids are scattered on the heap: ask for them all before walking them.
    for (const Impl::Cand& c : m.cands) {
      const StoryRec& s = m.stories[c.story];
      const char* p = reinterpret_cast<const char*>(s.centroid.data());
      const size_t bytes = s.centroid.size() * sizeof(TermWeight);
      for (size_t off = 0; off < bytes; off += 64) __builtin_prefetch(p + off);
    }
    for (Impl::Cand& c : m.cands) {
      StoryRec& s = m.stories[c.story];
      c.score = 0;
      if (s.count == 0) continue;
      double tf = m.TimeFactor(t, s.first, s.last);
      if (tf <= 0) continue;
      c.score = tf * m.Cosine(qv, qnorm, &s);
      if (!std::isfinite(c.score)) c.score = 0;  // only a damaged restored state can do this
    }
    std::sort(m.cands.begin(), m.cands.end(), [](const Impl::Cand& x, const Impl::Cand& y) {
      return x.score != y.score ? x.score > y.score : x.story < y.story;
    });
    if (story == kNone && !m.cands.empty() && m.cands[0].score >= o.join_threshold) {
      story = m.cands[0].story;
      score = m.cands[0].score;
    }
  } else {
    m.cands.clear();
    if (!out.note.empty()) out.note += "; ";
    out.note += "no words to compare; the article has a story of its own";
  }

  if (story == kNone) {
    story = m.NewStory();
    out.kind = AssignmentKind::kNew;
    m.articles[a].score = 1;
    m.AddMember(story, a);
    m.Emit(EventKind::kCreated, in.id, story, kNone, 1);
  } else {
    out.kind = AssignmentKind::kJoined;
    m.articles[a].score = static_cast<float>(score);
    m.AddMember(story, a);
    m.Emit(EventKind::kJoined, in.id, story, kNone, score);
  }
  out.score = out.kind == AssignmentKind::kNew ? 0 : score;

  // ---- merges: candidates the article also reached ----
  for (const Impl::Cand& c : m.cands) {
    if (c.score < o.join_threshold) break;
    uint32_t other = m.Resolve(c.story);
    story = m.Resolve(story);
    if (other == story || m.stories[other].count == 0) continue;
    StoryRec& s = m.stories[story];
    StoryRec& x = m.stories[other];
    double f = m.SpanFactor(s, x);
    if (f <= 0) continue;
    double sim = f * m.CentroidCosine(&s, &x);
    if (sim >= o.merge_threshold) story = m.MergeStories(story, other, &out.merged);
  }
  story = m.Resolve(story);

  // ---- revisits: recent members of related stories that fit the grown story better ----
  if (!qv.empty()) story = m.Revisit(a, story, &out);

  // ---- post the article's heaviest features ----
  const int32_t hour = HourOf(t);
  const uint32_t np = std::min<uint32_t>(o.posted_terms, static_cast<uint32_t>(order.size()));
  for (uint32_t i = 0; i < np; ++i) m.postings[qv[order[i]].term].push_back({story, hour});

  if (!out.merged.empty()) out.kind = AssignmentKind::kMerged;
  out.story = Impl::StoryId(story);
  return out;
}

Status Clusterer::Remove(std::string_view article_id) {
  Impl& m = *impl_;
  uint32_t a = m.FindArticle(article_id);
  if (a == kNone)
    return Status::NotFound("article '" + std::string(article_id) + "' is not in the clusterer");
  uint32_t s = m.Resolve(m.articles[a].story);
  m.RemoveMember(s, a);
  m.articles[a].flags |= internal::kRemoved;
  m.UnindexArticleId(a);
  --m.live_articles;
  if (m.stories[s].count == 0) --m.live_stories;
  m.Emit(EventKind::kRemoved, article_id, s, kNone, 0);
  return Status::OK();
}

}  // namespace witness::stories
