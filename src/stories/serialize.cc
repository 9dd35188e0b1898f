// Clusterer::Serialize / Deserialize: the whole state as one blob.
//
// Layout: "WSTY" magic, u32 format version, the payload, u64 XXH3 of everything before it.
// Integers are LEB128 varints (signed ones zigzagged), floats and doubles their IEEE bytes,
// little-endian. The payload holds the options, the counters, the vocabulary (feature hash and
// df per term id), the postings, the sources, the id/headline arena, the vector pool, the
// articles, the stories and the pending events. Derived tables (id index, source index, live
// counts) are rebuilt on load, and every index read is checked against its table's size.
#include <xxhash.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <string>

#include "stories/state.h"

namespace witness::stories {

using internal::ArticleRec;
using internal::Posting;
using internal::StoryRec;
using internal::TermWeight;

namespace {

constexpr char kMagic[4] = {'W', 'S', 'T', 'Y'};
constexpr uint32_t kVersion = 1;

class Writer {
 public:
  void U(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void I(int64_t v) { U((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void Fixed64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void Fixed32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void D(double d) { Fixed64(std::bit_cast<uint64_t>(d)); }
  void F(float f) { Fixed32(std::bit_cast<uint32_t>(f)); }
  void S(std::string_view s) {
    U(s.size());
    out_.append(s);
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  uint64_t U() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  // A varint that must be <= max.
  uint64_t Bounded(uint64_t max) {
    uint64_t v = U();
    if (v > max) return Fail();
    return v;
  }
  int64_t I() {
    uint64_t u = U();
    return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  uint64_t Fixed64() {
    if (in_.size() - pos_ < 8) return Fail();
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  uint32_t Fixed32() {
    if (in_.size() - pos_ < 4) return static_cast<uint32_t>(Fail());
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<uint32_t>(static_cast<uint8_t>(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  double D() { return std::bit_cast<double>(Fixed64()); }
  float F() { return std::bit_cast<float>(Fixed32()); }
  std::string S() {
    uint64_t n = U();
    if (!ok_ || n > in_.size() - pos_) {
      Fail();
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items of at least `min_bytes` each: cannot exceed what is left.
  uint64_t Count(size_t min_bytes) {
    uint64_t n = U();
    if (!ok_ || n > (in_.size() - pos_) / std::max<size_t>(min_bytes, 1)) return Fail();
    return n;
  }
  uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void PutOptions(Writer* w, const StoryOptions& o) {
  w->D(o.join_threshold);
  w->D(o.merge_threshold);
  w->D(o.name_boost);
  w->D(o.number_boost);
  w->D(o.title_boost);
  w->U(o.article_terms);
  w->U(o.story_terms);
  w->D(o.idf_prior_articles);
  w->D(o.idf_prior_df);
  w->D(o.time_grace_hours);
  w->D(o.time_decay_hours);
  w->D(o.max_gap_days);
  w->I(o.min_year);
  w->I(o.max_year);
  w->I(o.now);
  w->D(o.max_future_hours);
  w->U(o.posted_terms);
  w->U(o.query_terms);
  w->U(o.max_postings_scan);
  w->U(o.max_candidates);
  w->U(o.revisit_window);
  w->U(o.clean_text ? 1 : 0);
}

StoryOptions GetOptions(Reader* r) {
  StoryOptions o;
  o.join_threshold = r->D();
  o.merge_threshold = r->D();
  o.name_boost = r->D();
  o.number_boost = r->D();
  o.title_boost = r->D();
  o.article_terms = static_cast<uint32_t>(r->Bounded(65535));
  o.story_terms = static_cast<uint32_t>(r->Bounded(1u << 20));
  o.idf_prior_articles = r->D();
  o.idf_prior_df = r->D();
  o.time_grace_hours = r->D();
  o.time_decay_hours = r->D();
  o.max_gap_days = r->D();
  o.min_year = static_cast<int>(r->I());
  o.max_year = static_cast<int>(r->I());
  o.now = r->I();
  o.max_future_hours = r->D();
  o.posted_terms = static_cast<uint32_t>(r->Bounded(UINT32_MAX));
  o.query_terms = static_cast<uint32_t>(r->Bounded(UINT32_MAX));
  o.max_postings_scan = static_cast<uint32_t>(r->Bounded(UINT32_MAX));
  o.max_candidates = static_cast<uint32_t>(r->Bounded(UINT32_MAX));
  o.revisit_window = static_cast<uint32_t>(r->Bounded(UINT32_MAX));
  o.clean_text = r->Bounded(1) == 1;
  return o;
}

}  // namespace

std::string Clusterer::Serialize() const {
  const Impl& m = *impl_;
  Writer w;
  w.Raw(kMagic, 4);
  w.Fixed32(kVersion);
  PutOptions(&w, m.options);
  w.U(m.docs);
  w.U(m.event_seq);

  w.U(m.df.size());
  for (size_t t = 0; t < m.df.size(); ++t) {
    w.Fixed64(m.term_hash[t]);
    w.U(m.df[t]);
  }
  for (const auto& list : m.postings) {
    w.U(list.size());
    for (const Posting& p : list) {
      w.U(p.story);
      w.I(p.hour);
    }
  }
  w.U(m.source_names.size());
  for (const std::string& s : m.source_names) w.S(s);
  w.U(m.text_arena.size());
  m.text_arena.ForEachSpan([&](const char* p, size_t n) { w.Raw(p, n); });
  w.U(m.vec_pool.size());
  m.vec_pool.ForEachSpan([&](const TermWeight* p, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      w.U(p[i].term);
      w.F(p[i].w);
    }
  });
  w.U(m.articles.size());
  for (size_t ai = 0; ai < m.articles.size(); ++ai) {
    const ArticleRec& a = m.articles[ai];
    w.I(a.time);
    w.U(a.text_begin);
    w.U(a.vec_begin);
    w.U(a.id_len);
    w.U(a.headline_len);
    w.U(a.story);
    w.U(a.source);
    w.F(a.score);
    w.U(a.vec_len);
    w.U(a.flags);
  }
  w.U(m.stories.size());
  for (size_t s = 0; s < m.stories.size(); ++s) {
    const StoryRec& r = m.stories[s];
    w.U(m.parent[s]);
    w.I(r.first);
    w.I(r.last);
    w.U(r.count);
    w.U(r.centroid.size());
    for (const TermWeight& tw : r.centroid) {
      w.U(tw.term);
      w.F(tw.w);
    }
    w.U(r.members.size());
    for (uint32_t a : r.members) w.U(a);
    w.U(r.sources.size());
    for (const internal::SourceTally& t : r.sources) {
      w.U(t.source);
      w.U(t.count);
    }
    w.U(r.aliases.size());
    for (uint32_t al : r.aliases) w.U(al);
    w.D(r.norm);
    w.U(r.norm_docs);
  }
  w.U(m.events.size());
  for (const StoryEvent& e : m.events) {
    w.U(e.seq);
    w.U(static_cast<uint64_t>(e.kind));
    w.S(e.article);
    w.S(e.story);
    w.S(e.from);
    w.D(e.score);
  }
  uint64_t sum = XXH3_64bits(w.out().data(), w.out().size());
  w.Fixed64(sum);
  return std::move(w.out());
}

StatusOr<Clusterer> Clusterer::Deserialize(std::string_view blob) {
  auto corrupt = [](std::string_view why) {
    return Status::Corruption("story index blob: " + std::string(why));
  };
  if (blob.size() < 16 || std::memcmp(blob.data(), kMagic, 4) != 0)
    return corrupt("not a witness story index (bad magic)");
  uint32_t version = 0;
  for (int i = 0; i < 4; ++i)
    version |= static_cast<uint32_t>(static_cast<uint8_t>(blob[4 + i])) << (8 * i);
  if (version > kVersion)
    return Status::Unsupported("story index blob: format version " + std::to_string(version) +
                               " is newer than this witness (" + std::to_string(kVersion) + ")");
  if (version != kVersion) return corrupt("unknown format version " + std::to_string(version));
  std::string_view body = blob.substr(0, blob.size() - 8);
  uint64_t want = 0;
  for (int i = 0; i < 8; ++i)
    want |= static_cast<uint64_t>(static_cast<uint8_t>(blob[blob.size() - 8 + i])) << (8 * i);
  if (XXH3_64bits(body.data(), body.size()) != want) return corrupt("checksum mismatch");

  Reader r(body.substr(8));
  StoryOptions o = GetOptions(&r);
  if (!r.ok()) return corrupt("truncated options");
  auto impl = std::make_unique<Impl>(o);
  Impl& m = *impl;
  m.docs = r.U();
  m.event_seq = r.U();

  const uint64_t terms = r.Count(9);
  m.df.resize(terms);
  m.term_hash.resize(terms);
  for (uint64_t t = 0; t < terms && r.ok(); ++t) {
    m.term_hash[t] = r.Fixed64();
    m.df[t] = static_cast<uint32_t>(r.Bounded(UINT32_MAX));
    bool inserted = false;
    m.term_ids.Insert(m.term_hash[t], static_cast<uint32_t>(t), &inserted);
    if (!inserted) return corrupt("a feature hash appears twice");
  }
  m.postings.resize(terms);
  std::vector<std::pair<uint32_t*, uint64_t>> posting_stories;  // checked after stories load
  for (uint64_t t = 0; t < terms && r.ok(); ++t) {
    uint64_t n = r.Count(2);
    m.postings[t].resize(n);
    for (uint64_t i = 0; i < n && r.ok(); ++i) {
      m.postings[t][i].story = static_cast<uint32_t>(r.Bounded(UINT32_MAX));
      int64_t h = r.I();
      if (h < INT32_MIN || h > INT32_MAX) return corrupt("posting hour out of range");
      m.postings[t][i].hour = static_cast<int32_t>(h);
    }
  }
  const uint64_t sources = r.Count(1);
  for (uint64_t i = 0; i < sources && r.ok(); ++i) m.source_names.push_back(r.S());
  {
    std::string arena = r.S();
    m.text_arena.Append(arena.data(), arena.size());
  }
  const uint64_t pool = r.Count(5);
  m.vec_pool.resize(pool);
  for (uint64_t i = 0; i < pool && r.ok(); ++i) {
    m.vec_pool[i].term = static_cast<uint32_t>(r.Bounded(terms ? terms - 1 : 0));
    m.vec_pool[i].w = r.F();
    if (terms == 0) return corrupt("vectors without a vocabulary");
    if (!(m.vec_pool[i].w >= 0 && m.vec_pool[i].w <= 1e7f))
      return corrupt("an article weight out of range");
  }
  const uint64_t narticles = r.Count(14);
  m.articles.resize(narticles);
  for (uint64_t i = 0; i < narticles && r.ok(); ++i) {
    ArticleRec& a = m.articles[i];
    a.time = r.I();
    a.text_begin = r.U();
    a.vec_begin = r.U();
    a.id_len = static_cast<uint32_t>(r.Bounded(UINT32_MAX));
    a.headline_len = static_cast<uint32_t>(r.Bounded(UINT32_MAX));
    a.story = static_cast<uint32_t>(r.Bounded(UINT32_MAX));
    a.source = static_cast<uint32_t>(r.Bounded(sources ? sources - 1 : 0));
    a.score = r.F();
    if (!std::isfinite(a.score)) return corrupt("a score is not a number");
    a.vec_len = static_cast<uint16_t>(r.Bounded(65535));
    a.flags = static_cast<uint8_t>(r.Bounded(7));
    if (!r.ok()) break;
    if (sources == 0) return corrupt("articles without sources");
    if (a.text_begin > m.text_arena.size() ||
        uint64_t{a.id_len} + a.headline_len > m.text_arena.size() - a.text_begin ||
        !m.text_arena.OneChunk(a.text_begin, uint64_t{a.id_len} + a.headline_len))
      return corrupt("article text out of range");
    if (a.id_len == 0) return corrupt("article with an empty id");
    if (a.vec_begin > pool || a.vec_len > pool - a.vec_begin ||
        !m.vec_pool.OneChunk(a.vec_begin, a.vec_len))
      return corrupt("article vector out of range");
  }
  const uint64_t nstories = r.Count(7);
  m.stories.resize(nstories);
  m.parent.resize(nstories);
  for (uint64_t s = 0; s < nstories && r.ok(); ++s) {
    StoryRec& st = m.stories[s];
    m.parent[s] = static_cast<uint32_t>(r.Bounded(nstories - 1));
    st.first = r.I();
    st.last = r.I();
    st.count = static_cast<uint32_t>(r.Bounded(narticles));
    uint64_t n = r.Count(5);
    st.centroid.resize(n);
    for (uint64_t i = 0; i < n && r.ok(); ++i) {
      st.centroid[i].term = static_cast<uint32_t>(r.Bounded(terms ? terms - 1 : 0));
      st.centroid[i].w = r.F();
      if (!(st.centroid[i].w > 0 && st.centroid[i].w <= 1e15f))
        return corrupt("a story weight out of range");
      if (i > 0 && st.centroid[i].term <= st.centroid[i - 1].term)
        return corrupt("unsorted centroid");
    }
    n = r.Count(1);
    st.members.resize(n);
    for (uint64_t i = 0; i < n && r.ok(); ++i)
      st.members[i] = static_cast<uint32_t>(r.Bounded(narticles ? narticles - 1 : 0));
    n = r.Count(2);
    st.sources.resize(n);
    for (uint64_t i = 0; i < n && r.ok(); ++i) {
      st.sources[i].source = static_cast<uint32_t>(r.Bounded(sources ? sources - 1 : 0));
      st.sources[i].count = static_cast<uint32_t>(r.Bounded(narticles));
    }
    n = r.Count(1);
    st.aliases.resize(n);
    for (uint64_t i = 0; i < n && r.ok(); ++i)
      st.aliases[i] = static_cast<uint32_t>(r.Bounded(nstories - 1));
    st.norm = r.D();
    st.norm_docs = r.U();
    if (!std::isfinite(st.norm) || st.norm < 0) return corrupt("a story norm is not a number");
    if (!st.centroid.empty() && terms == 0) return corrupt("centroid without a vocabulary");
  }
  const uint64_t nevents = r.Count(5);
  for (uint64_t i = 0; i < nevents && r.ok(); ++i) {
    StoryEvent e;
    e.seq = r.U();
    e.kind = static_cast<EventKind>(r.Bounded(4));
    e.article = r.S();
    e.story = r.S();
    e.from = r.S();
    e.score = r.D();
    m.events.push_back(std::move(e));
  }
  if (!r.ok()) return corrupt("truncated");
  if (!r.done()) return corrupt("trailing bytes");

  // Cross-checks: postings and articles name existing stories; parents lead to a root (each
  // step goes to a smaller index, as merges and moves keep the older story or the grown one).
  for (const auto& list : m.postings)
    for (const Posting& p : list)
      if (p.story >= nstories) return corrupt("posting names an unknown story");
  for (size_t ai = 0; ai < m.articles.size(); ++ai)
    if (m.articles[ai].story >= nstories) return corrupt("article names an unknown story");
  for (uint64_t s = 0; s < nstories; ++s) {
    uint32_t x = static_cast<uint32_t>(s);
    for (uint64_t steps = 0; m.parent[x] != x; ++steps) {
      if (steps > nstories) return corrupt("story alias cycle");
      x = m.parent[x];
    }
  }
  m.RebuildDerived();
  if (!m.article_ids_ok) return corrupt("an article id appears twice");
  return Clusterer(std::move(impl));
}

void Clusterer::Impl::RebuildDerived() {
  article_ids.Clear();
  source_ids.clear();
  live_articles = live_stories = 0;
  article_ids_ok = true;
  for (uint32_t i = 0; i < source_names.size(); ++i) source_ids.emplace(source_names[i], i);
  for (uint32_t a = 0; a < articles.size(); ++a) {
    if (articles[a].flags & internal::kRemoved) continue;
    if (FindArticle(IdOf(a)) != internal::kNone) {
      article_ids_ok = false;
      continue;
    }
    IndexArticleId(a);
    ++live_articles;
  }
  for (uint32_t s = 0; s < stories.size(); ++s)
    if (parent[s] == s && stories[s].count > 0) ++live_stories;
  log_df.resize(df.size());
  for (size_t t = 0; t < df.size(); ++t) log_df[t] = static_cast<float>(LogDf(df[t]));
  RefreshIdfBase();
}

}  // namespace witness::stories
