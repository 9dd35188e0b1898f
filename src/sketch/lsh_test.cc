// LshIndex: band candidates against a brute-force reference, the S-curve, containment,
// removal under churn, serialisation, memory per document.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <map>
#include <set>

#include "witness/sketch.h"

namespace witness::sketch {
namespace {

std::vector<uint64_t> RandomSet(std::mt19937_64& rng, size_t n) {
  std::vector<uint64_t> v(n);
  for (auto& x : v) x = rng();
  return v;
}

// Brute force: docs sharing at least one whole band of 16-bit minima with the query.
std::vector<uint64_t> BruteCandidates(const std::map<uint64_t, Signature>& docs,
                                      const Signature& q, const LshOptions& o) {
  std::vector<uint64_t> out;
  if (q.empty()) return out;
  for (const auto& [id, s] : docs) {
    if (s.empty()) continue;
    for (uint32_t b = 0; b < o.bands; ++b) {
      bool same = true;
      for (uint32_t r = 0; r < o.rows && same; ++r) {
        const size_t i = b * o.rows + r;
        same = static_cast<uint16_t>(s.values[i]) == static_cast<uint16_t>(q.values[i]);
      }
      if (same) {
        out.push_back(id);
        break;
      }
    }
  }
  return out;
}

TEST(LshIndex, CandidatesMatchBruteForceUnderChurn) {
  std::mt19937_64 rng(3);
  MinHasher h;
  LshOptions o;
  LshIndex index(o);
  std::map<uint64_t, Signature> docs;
  std::vector<std::vector<uint64_t>> bases;
  for (int i = 0; i < 20; ++i) bases.push_back(RandomSet(rng, 300));
  for (uint64_t id = 0; id < 2000; ++id) {
    // Each document is one base with part replaced: many related pairs at many Jaccards.
    auto set = bases[rng() % bases.size()];
    const size_t replace = rng() % set.size();
    for (size_t i = 0; i < replace; ++i) set[rng() % set.size()] = rng();
    const Signature s = h.ComputeFromShingles(set);
    ASSERT_TRUE(index.Add(id * 7919, s).ok());
    docs[id * 7919] = s;
    if (id % 3 == 0) {  // remove an older one now and then
      auto it = docs.begin();
      std::advance(it, rng() % docs.size());
      ASSERT_TRUE(index.Remove(it->first));
      docs.erase(it);
    }
  }
  ASSERT_EQ(index.size(), docs.size());
  for (int q = 0; q < 200; ++q) {
    auto it = docs.begin();
    std::advance(it, rng() % docs.size());
    std::vector<uint64_t> got;
    index.Candidates(it->second, &got);
    EXPECT_EQ(got, BruteCandidates(docs, it->second, o)) << "query " << it->first;
  }
  EXPECT_FALSE(index.Remove(123456789));
  EXPECT_FALSE(index.Contains(123456789));
}

// Enough documents for the bucket table to split through many rounds, for near-copies of a
// few texts to spill equal band keys, and for the slots to fill several chunks, with
// removals throughout; growing from empty and reserving give the same results.
TEST(LshIndex, LargeIndexMatchesBruteForceGrownOrReserved) {
  std::mt19937_64 rng(19);
  MinHasher h;
  LshOptions o;
  LshIndex grown(o), reserved(o);
  reserved.Reserve(30000);
  std::map<uint64_t, Signature> docs;
  std::vector<std::vector<uint64_t>> bases;
  for (int i = 0; i < 200; ++i) bases.push_back(RandomSet(rng, 60));
  for (uint64_t id = 0; id < 30000; ++id) {
    auto set = bases[rng() % bases.size()];
    const size_t replace = rng() % set.size();
    for (size_t i = 0; i < replace; ++i) set[rng() % set.size()] = rng();
    const Signature s = h.ComputeFromShingles(set);
    std::vector<Match> a, b;
    ASSERT_TRUE(grown.QueryAndAdd(id, s, &a).ok());
    ASSERT_TRUE(reserved.QueryAndAdd(id, s, &b).ok());
    ASSERT_EQ(a.size(), b.size()) << id;
    for (size_t k = 0; k < a.size(); ++k) ASSERT_EQ(a[k].doc, b[k].doc) << id;
    docs[id] = s;
    if (id % 5 == 0) {
      const uint64_t victim = rng() % (id + 1);
      ASSERT_EQ(grown.Remove(victim), docs.count(victim) == 1);
      ASSERT_EQ(reserved.Remove(victim), docs.count(victim) == 1);
      docs.erase(victim);
    }
  }
  ASSERT_EQ(grown.size(), docs.size());
  for (int q = 0; q < 100; ++q) {
    auto it = docs.begin();
    std::advance(it, rng() % docs.size());
    std::vector<uint64_t> got;
    grown.Candidates(it->second, &got);
    ASSERT_EQ(got, BruteCandidates(docs, it->second, o)) << "query " << it->first;
    reserved.Candidates(it->second, &got);
    ASSERT_EQ(got, BruteCandidates(docs, it->second, o)) << "query " << it->first;
  }
  // A round trip through bytes keeps it all.
  auto back = LshIndex::Deserialize(grown.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (int q = 0; q < 20; ++q) {
    auto it = docs.begin();
    std::advance(it, rng() % docs.size());
    std::vector<uint64_t> x, y;
    grown.Candidates(it->second, &x);
    back->Candidates(it->second, &y);
    ASSERT_EQ(x, y);
  }
  EXPECT_LT(double(grown.MemoryBytes()) / grown.size(), 1024.0);
  EXPECT_LT(double(reserved.MemoryBytes()) / reserved.size(), 1024.0);
}

// The probability that a pair becomes a candidate follows 1 - (1 - J^r)^b.
TEST(LshIndex, CandidateProbabilityFollowsSCurve) {
  std::mt19937_64 rng(5);
  MinHasher h;
  LshOptions o;  // 32 x 4
  for (double target : {0.3, 0.5, 0.7}) {
    int hits = 0;
    const int trials = 300;
    for (int t = 0; t < trials; ++t) {
      LshIndex index(o);
      // |A n B| / |A u B| = target with |A| = |B|.
      const size_t uni = 1000, inter = static_cast<size_t>(target * uni);
      const size_t each = (uni + inter) / 2;
      auto common = RandomSet(rng, inter);
      auto a = common, b = common;
      for (auto x : RandomSet(rng, each - inter)) a.push_back(x);
      for (auto x : RandomSet(rng, each - inter)) b.push_back(x);
      ASSERT_TRUE(index.Add(1, h.ComputeFromShingles(a)).ok());
      std::vector<uint64_t> c;
      index.Candidates(h.ComputeFromShingles(b), &c);
      hits += !c.empty();
    }
    const double p = 1 - std::pow(1 - std::pow(target, o.rows), o.bands);
    const double sd = std::sqrt(p * (1 - p) / trials);
    EXPECT_NEAR(double(hits) / trials, p, 4 * sd + 0.01) << "J " << target;
  }
}

TEST(LshIndex, QueryVerifiesJaccardAndContainment) {
  std::mt19937_64 rng(9);
  MinHasher h;
  LshIndex index;
  const auto story = RandomSet(rng, 800);
  ASSERT_TRUE(index.Add(1, h.ComputeFromShingles(story)).ok());
  // A trimmed copy: its first 200 shingles. Jaccard 0.25, containment 1.
  const std::vector<uint64_t> trimmed(story.begin(), story.begin() + 200);
  // A merge: the story plus as much other text. Jaccard 0.5.
  auto merged = story;
  for (auto x : RandomSet(rng, 800)) merged.push_back(x);
  const auto unrelated = RandomSet(rng, 800);
  ASSERT_TRUE(index.Add(2, h.ComputeFromShingles(unrelated)).ok());

  std::vector<Match> m;
  index.Query(h.ComputeFromShingles(story), &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].doc, 1u);
  EXPECT_DOUBLE_EQ(m[0].overlap.jaccard, 1.0);

  const Signature ts = h.ComputeFromShingles(trimmed);
  std::vector<uint64_t> cand;
  index.Candidates(ts, &cand);
  if (!cand.empty()) {  // banding finds J = 0.25 only sometimes; when it does, it verifies
    index.Query(ts, &m);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_GT(m[0].overlap.containment_a, 0.7);
    EXPECT_LT(m[0].overlap.jaccard, 0.4);
  }
  index.Query(h.ComputeFromShingles(merged), &m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_GT(m[0].overlap.containment_b, 0.8);  // the indexed story is inside the merge
  EXPECT_NEAR(m[0].overlap.jaccard, 0.5, 0.15);

  // Excluding a document's own id.
  index.Query(h.ComputeFromShingles(story), &m, 1);
  EXPECT_TRUE(m.empty());
  Overlap between;
  ASSERT_TRUE(index.EstimateBetween(1, 2, &between));
  EXPECT_LT(between.jaccard, 0.05);
  EXPECT_FALSE(index.EstimateBetween(1, 99, &between));
}

TEST(LshIndex, SmallSnippetsNeedJaccardNotContainment) {
  MinHasher h;
  LshIndex index;
  const std::string long_text =
      "Read the full article on our website. The central bank raised rates by half a point "
      "on Tuesday, its third increase this year, and signalled more to come as inflation "
      "stayed far above its target, officials said in a statement after the meeting.";
  ASSERT_TRUE(index.Add(1, h.Compute(long_text)).ok());
  std::vector<Match> m;
  index.Query(h.Compute("Read the full article on our website."), &m);
  EXPECT_TRUE(m.empty());  // 4 shingles: too small for containment alone
}

TEST(LshIndex, RejectsBadInput) {
  MinHasher h;
  LshIndex index;
  const Signature s = h.Compute("one two three four five six");
  ASSERT_TRUE(index.Add(5, s).ok());
  EXPECT_EQ(index.Add(5, s).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(index.Add(UINT64_MAX, s).code(), Status::Code::kInvalidArgument);
  MinHashOptions other;
  other.num_perm = 64;
  MinHasher h64(other);
  EXPECT_EQ(index.Add(6, h64.Compute("one two three four five six")).code(),
            Status::Code::kInvalidArgument);
  std::vector<Match> m;
  index.Query(h64.Compute("one two three four five six"), &m);
  EXPECT_TRUE(m.empty());
  // Empty signatures are kept but match nothing.
  ASSERT_TRUE(index.Add(7, h.Compute("")).ok());
  index.Query(h.Compute(""), &m);
  EXPECT_TRUE(m.empty());
  EXPECT_TRUE(index.Remove(7));
}

TEST(LshIndex, SerializeRoundTrip) {
  std::mt19937_64 rng(13);
  MinHasher h;
  LshIndex index;
  std::vector<Signature> sigs;
  auto base = RandomSet(rng, 400);
  for (uint64_t id = 0; id < 300; ++id) {
    auto set = base;
    for (size_t i = 0; i < id % 200; ++i) set[rng() % set.size()] = rng();
    sigs.push_back(h.ComputeFromShingles(set));
    ASSERT_TRUE(index.Add(id + 100, sigs.back()).ok());
  }
  ASSERT_TRUE(index.Remove(150));
  const std::string blob = index.Serialize();
  EXPECT_EQ(blob.size(), 4 + 4 + 4 + 4 + 8 + 4 + 4 + 8 + 8 + 4 + 8 + 299 * (12 + 256));
  auto back = LshIndex::Deserialize(blob);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->size(), 299u);
  EXPECT_FALSE(back->Contains(150));
  for (size_t i = 0; i < sigs.size(); i += 7) {
    std::vector<Match> a, b;
    index.Query(sigs[i], &a);
    back->Query(sigs[i], &b);
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].doc, b[k].doc);
      EXPECT_DOUBLE_EQ(a[k].overlap.jaccard, b[k].overlap.jaccard);
    }
  }
  // Damaged blobs are refused with Corruption, never a crash.
  for (size_t cut : {size_t{0}, size_t{3}, size_t{30}, blob.size() - 1}) {
    EXPECT_FALSE(LshIndex::Deserialize(blob.substr(0, cut)).ok()) << cut;
  }
  std::string bad = blob;
  bad[4] = 9;  // version
  EXPECT_EQ(LshIndex::Deserialize(bad).status().code(), Status::Code::kUnsupported);
  bad = blob;
  bad[8] = 0, bad[9] = 0;  // num_perm 0
  EXPECT_EQ(LshIndex::Deserialize(bad).status().code(), Status::Code::kCorruption);
  std::mt19937 flip(1);
  for (int t = 0; t < 200; ++t) {  // random byte damage: any outcome but a crash
    std::string d = blob;
    d[flip() % d.size()] ^= static_cast<char>(1 + flip() % 255);
    (void)LshIndex::Deserialize(d);
  }
}

// At every size from 20,000 documents on, not only at the end: the tables grow a bucket and
// a segment at a time, and memory committed in whole huge pages rises and falls per document.
// (Below that, fixed costs -- huge pages, the spill table's segments -- weigh more per
// document.)
TEST(LshIndex, MemoryPerDocumentUnderOneKilobyte) {
  std::mt19937_64 rng(17);
  MinHasher h;
  LshIndex index;
  double worst = 0, sum = 0;
  int samples = 0;
  for (uint64_t id = 0; id < 50000; ++id) {
    std::vector<uint64_t> set(50);
    for (auto& x : set) x = rng();
    ASSERT_TRUE(index.Add(id, h.ComputeFromShingles(set)).ok());
    if (id + 1 >= 20000 && (id + 1) % 100 == 0) {
      const double per_doc = double(index.MemoryBytes()) / index.size();
      worst = std::max(worst, per_doc);
      sum += per_doc;
      ++samples;
    }
  }
  EXPECT_LT(worst, 1024.0);
  RecordProperty("worst_bytes_per_doc", std::to_string(worst));
  RecordProperty("mean_bytes_per_doc", std::to_string(sum / samples));
}

}  // namespace
}  // namespace witness::sketch
