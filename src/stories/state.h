// The Clusterer's state, shared by clusterer.cc (the algorithm), queries.cc (reads) and
// serialize.cc (the blob). Private to src/stories.
#ifndef WITNESS_STORIES_STATE_H_
#define WITNESS_STORIES_STATE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stories/chunked.h"
#include "stories/features.h"
#include "stories/flat_map.h"
#include "witness/stories.h"

namespace witness::stories {

namespace internal {

constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();
constexpr int32_t kUndatedHour = std::numeric_limits<int32_t>::min();
constexpr uint32_t kNone = UINT32_MAX;
// A dated scan of a posting list stops after this many consecutive postings older than
// max_gap_days (the lists are in arrival order, so in a stream roughly in time order the rest
// is older still).
constexpr uint32_t kStaleRun = 64;
// Revisits look at this many of a related story's most recent members, and at most
// kRevisitChecks members per Add.
constexpr uint32_t kRevisitMembers = 16;
constexpr uint32_t kRevisitChecks = 64;
// Add() analyses at most this much of a title and of a text.
constexpr size_t kMaxTitleBytes = 4096;
constexpr size_t kMaxTextBytes = 256 * 1024;

// One feature of a stored vector. `w` is a term frequency already scaled so that the vector
// had unit length under the IDF of its arrival; comparisons multiply by the current IDF.
struct TermWeight {
  uint32_t term = 0;
  float w = 0;
};

// A vector under the current IDF: `w` = stored weight * idf, with the idf kept.
struct QTerm {
  uint32_t term = 0;
  float w = 0;
  float idf = 0;
};

struct Posting {
  uint32_t story = 0;  // the story at posting time (resolve through Impl::parent)
  int32_t hour = 0;    // the article's time in hours since 1970, or kUndatedHour
};

enum ArticleFlags : uint8_t {
  kRemoved = 1,
  kViaCopy = 2,
  kNoFeatures = 4,
};

struct ArticleRec {
  int64_t time = kNoTime;
  uint64_t text_begin = 0;  // id then headline, in Impl::text_arena
  uint64_t vec_begin = 0;   // in Impl::vec_pool
  uint32_t id_len = 0;
  uint32_t headline_len = 0;
  uint32_t story = 0;
  uint32_t source = 0;
  float score = 0;
  uint16_t vec_len = 0;
  uint8_t flags = 0;
};

struct SourceTally {
  uint32_t source = 0;
  uint32_t count = 0;
};

struct StoryRec {
  int64_t first = kNoTime;  // dated span of the live members
  int64_t last = kNoTime;
  uint32_t count = 0;                // live members
  std::vector<TermWeight> centroid;  // sorted by term
  std::vector<uint32_t> members;     // article indices, in the order they joined
  std::vector<SourceTally> sources;  // sorted by source index
  std::vector<uint32_t> aliases;     // story indices merged (or moved) into this one
  // Cached norm of the centroid under the IDF of `norm_docs` articles (0 = to compute). It is
  // recomputed when the centroid changes or the stream has grown by 1/16 since.
  double norm = 0;
  uint64_t norm_docs = 0;
};

}  // namespace internal

struct Clusterer::Impl {
  explicit Impl(const StoryOptions& o);

  // ---- state (everything here is serialized) ----
  StoryOptions options;
  uint64_t docs = 0;                    // articles with features counted in df
  uint64_t event_seq = 0;               // last event number given
  internal::ShardedFlatMap64 term_ids;  // feature hash -> term id
  std::vector<uint64_t> term_hash;      // term id -> feature hash
  std::vector<uint32_t> df;             // term id -> document frequency
  std::vector<float> log_df;            // term id -> ln(df + P * prior + 0.5) (derived from df)
  std::vector<std::vector<internal::Posting>> postings;  // term id -> postings, arrival order
  std::vector<std::string> source_names;
  internal::ChunkedVector<char, 22> text_arena;                // 4 MiB chunks
  internal::ChunkedVector<internal::TermWeight, 16> vec_pool;  // 512 KiB chunks
  internal::ChunkedVector<internal::ArticleRec, 14> articles;  // 768 KiB chunks
  std::vector<internal::StoryRec> stories;
  std::vector<uint32_t> parent;    // story index -> the story it merged into (itself when live)
  std::vector<StoryEvent> events;  // not yet taken

  // ---- derived (rebuilt by Deserialize) ----
  internal::ShardedFlatMap64 article_ids;  // id hash (chained on collision) -> article index
  std::unordered_map<std::string, uint32_t> source_ids;
  size_t live_articles = 0;
  size_t live_stories = 0;
  bool article_ids_ok = true;  // RebuildDerived found no id twice

  // Tests only (ClustererTestPeer), never serialized, off in every real use: score every live
  // story instead of the index's candidates (the reference the index is checked against), and
  // compute story norms afresh each time (so that two runs do not differ by cache timing).
  bool test_exhaustive = false;
  bool test_exact_norms = false;

  // ---- scratch ----
  internal::FeatureExtractor extractor;
  std::vector<internal::Feature> feats;
  std::vector<internal::QTerm> qvec;  // the article's weights with current IDF
  std::vector<internal::TermWeight> stored_scratch;
  struct AccSlot {  // candidate accumulation, keyed by the story number as posted
    uint32_t story = 0;
    uint32_t stamp = 0;  // in use in this query when == Impl::stamp
    float sum = 0;
    uint32_t last_q = 0;  // the query feature that last added to `sum`
  };
  std::vector<AccSlot> acc;
  uint32_t stamp = 0;
  struct Cand {
    uint32_t story;
    float sum;
    uint32_t last_q;
    double score;
  };
  std::vector<Cand> cands;
  std::vector<float> log_df_table;  // ln(d + P * prior + 0.5) for small d
  double log_np = 0;                // ln(N + P + 1), refreshed per Add

  // ---- helpers ----
  void RebuildDerived();
  void RefreshIdfBase() {
    log_np = std::log(static_cast<double>(docs) + options.idf_prior_articles + 1.0);
  }
  double LogDf(uint32_t d) const {
    return d < log_df_table.size()
               ? log_df_table[d]
               : std::log(d + options.idf_prior_articles * options.idf_prior_df + 0.5);
  }
  // Positive for any df <= N; the floor only matters for a damaged restored state.
  double Idf(uint32_t term) const { return std::max(log_np - log_df[term], 1e-6); }
  uint32_t Resolve(uint32_t s) const {
    while (parent[s] != s) s = parent[s];
    return s;
  }
  std::string_view IdOf(uint32_t a) const {
    return std::string_view(text_arena.Run(articles[a].text_begin), articles[a].id_len);
  }
  std::string_view HeadlineOf(uint32_t a) const {
    return std::string_view(text_arena.Run(articles[a].text_begin) + articles[a].id_len,
                            articles[a].headline_len);
  }
  const internal::TermWeight* VecOf(uint32_t a) const {
    return vec_pool.Run(articles[a].vec_begin);
  }
  static std::string StoryId(uint32_t s) {
    return "s" + std::to_string(static_cast<uint64_t>(s) + 1);
  }
  // "s12" -> 11; kNone when not a story id of this clusterer.
  uint32_t ParseStoryId(std::string_view id) const;

  uint32_t FindArticle(std::string_view id) const;  // kNone when absent or removed
  void IndexArticleId(uint32_t a);
  void UnindexArticleId(uint32_t a);
  uint32_t InternSource(std::string_view name);

  double TimeFactor(int64_t t, int64_t first, int64_t last) const;
  double SpanFactor(const internal::StoryRec& a, const internal::StoryRec& b) const;
  // `v` (stored weights) under current IDF into `out`; returns its norm.
  double Weighted(const internal::TermWeight* v, size_t n, std::vector<internal::QTerm>* out) const;
  // The centroid's norm under current IDF, through the cache (see StoryRec::norm).
  double StoryNorm(internal::StoryRec* s);
  double ExactNorm(const internal::StoryRec& s) const;
  // Cosine of a weighted vector (norm `qnorm`) with a story's centroid.
  double Cosine(const std::vector<internal::QTerm>& q, double qnorm, internal::StoryRec* s);
  double CentroidCosine(internal::StoryRec* a, internal::StoryRec* b);

  void AddToCentroid(internal::StoryRec* s, const internal::TermWeight* v, size_t n);
  void SubtractFromCentroid(internal::StoryRec* s, const internal::TermWeight* v, size_t n);
  void TruncateCentroid(internal::StoryRec* s);
  void AddMember(uint32_t story, uint32_t a);
  void RemoveMember(uint32_t story, uint32_t a);
  void RecomputeSpan(internal::StoryRec* s);
  uint32_t NewStory();
  uint32_t MergeStories(uint32_t x, uint32_t y, std::vector<std::string>* merged);
  void Emit(EventKind kind, std::string_view article, uint32_t story, uint32_t from, double score);

  uint32_t Revisit(uint32_t a, uint32_t story, StoryAssignment* out);
  void FindCandidates(int64_t t, const std::vector<uint32_t>& query_order);
  uint32_t LabelMember(uint32_t story) const;
  Story MakeStory(uint32_t story) const;
  size_t MemoryBytes() const;
  std::vector<std::pair<std::string, size_t>> MemoryParts() const;
};

}  // namespace witness::stories

#endif  // WITNESS_STORIES_STATE_H_
