// witness/sketch.h: MinHash fingerprints of article text and the LSH index that finds copies.
//
// Usage:
//   witness::sketch::MinHasher hasher;                      // defaults: 128 permutations, 5-word shingles
//   witness::sketch::Signature sig = hasher.Compute(article.text);   // the CLEANED body, not the page
//
//   witness::sketch::LshIndex index;                        // defaults: 40 bands x 2 rows
//   std::vector<witness::sketch::Match> matches;
//   index.Query(sig, &matches);        // earlier documents that look like copies, best first
//   index.Add(rowid, sig);             // then make this one findable
//   index.QueryAndAdd(rowid, sig, &matches);  // both at once: the streaming step
//   index.Remove(rowid);               // when the article is deleted
//
//   // Persistence (SQLite BLOBs): one signature per article row, or the whole index at once.
//   std::string blob = witness::sketch::SerializeSignature(sig);
//   witness::StatusOr<Signature> back = witness::sketch::DeserializeSignature(blob);
//   std::string all = index.Serialize();
//   witness::StatusOr<LshIndex> again = LshIndex::Deserialize(all);
//
// Rules:
//   - Words: maximal runs of letters, marks and digits, with an apostrophe (' or U+2019) kept
//     when it stands between two of them ("Kazakhstan's"); every other character separates
//     words ("fuel-price" is two words, "8,000" is "8" and "000"). Each word is taken in its
//     matching form (text.h Analyzer::Key: casefolded, quotes unified), so "Putin’s" and
//     "PUTIN'S" are one word. A shingle is `shingle_words` consecutive words; a text with fewer
//     words than that but at least one has a single shingle of all its words.
//   - A signature is the minimum, over the text's distinct shingles, of `num_perm` independent
//     32-bit hash permutations of the shingle's 64-bit hash (words hashed in matching form,
//     then combined in order). Estimated Jaccard similarity is the
//     share of equal positions; its standard error is sqrt(J(1-J)/num_perm) (0.044 at J=0.5
//     with 128 permutations). Signatures compare only when num_perm, shingle_words and seed
//     are equal; everything here checks that and refuses to mix them.
//   - An empty text (no words) has an empty signature (shingles == 0), which is similar to
//     nothing, not even to another empty one. A text that is one word repeated has one shingle.
//   - The SIMD kernel (Highway, dynamic dispatch over the targets this CPU has) and the
//     portable scalar kernel give identical signatures; tests check that.
//   - LshIndex keeps per document 16 bits of each minimum (b-bit MinHash: the chance that two
//     different minima agree on 16 bits is 1/65536, corrected for in the estimates), the shingle
//     count and its band entries (four bytes each, one cache line per band key): about 840
//     bytes per document at the defaults (100,000 documents; 655 when Reserve() sized it
//     first), under 1 KB at every size from 20,000 documents (see MemoryBytes()). Query()
//     verifies every band candidate by estimated Jaccard and containment, so a short article
//     wholly contained in a longer one is found even when their Jaccard is low.
//   - Neither class is thread-safe for writes; concurrent const calls are safe.
#ifndef WITNESS_SKETCH_H_
#define WITNESS_SKETCH_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "witness/status.h"

namespace witness::sketch {

struct MinHashOptions {
  // Permutations (signature length). 128 by default: standard error 0.044 at J = 0.5, and
  // enough rows for the banding below. 1..1024.
  uint32_t num_perm = 128;
  // Words per shingle. 5 by default (doc/performance.md): 5-grams keep independent reports of
  // one story apart (Jaccard 0.008 to 0.031 on the sample story) while edited copies keep most
  // of theirs (0.48 for 000/004 with their page furniture). 1..64.
  uint32_t shingle_words = 5;
  // Seed of the permutations. Signatures made with different seeds do not compare.
  uint64_t seed = 0x5749544E45535331ull;  // "WITNESS1"
};

// InvalidArgument naming the bad field, or OK.
Status Validate(const MinHashOptions& options);

struct Signature {
  std::vector<uint32_t> values;  // one minimum per permutation; all 0xFFFFFFFF when empty
  uint32_t shingles = 0;         // distinct shingles in the text (the set's size)
  uint32_t shingle_words = 0;    // the options it was made with
  uint64_t seed = 0;
  bool empty() const { return shingles == 0; }
  friend bool operator==(const Signature&, const Signature&) = default;
};

// Which kernel computes signatures ("AVX3", "AVX2", "SSE4", ... or "scalar").
std::string SimdTarget();

// Computes signatures. Keeps scratch buffers: reuse one per thread.
class MinHasher {
 public:
  // Options must pass Validate(); invalid ones are replaced by the defaults (check first).
  explicit MinHasher(const MinHashOptions& options = {});
  ~MinHasher();
  MinHasher(const MinHasher&) = delete;
  MinHasher& operator=(const MinHasher&) = delete;

  const MinHashOptions& options() const;

  // The signature of a text (valid UTF-8, e.g. Article::text). Never fails.
  Signature Compute(std::string_view text);
  // The signature of a set of 64-bit shingle hashes (duplicates allowed).
  Signature ComputeFromShingles(std::span<const uint64_t> shingle_hashes);
  // The same with the portable scalar kernel (the reference the SIMD kernel is tested against).
  Signature ComputeFromShinglesScalar(std::span<const uint64_t> shingle_hashes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The 64-bit hashes of the words of `text` in their matching form, in order (see Rules).
void WordHashes(std::string_view text, std::vector<uint64_t>* out);
// The hashes of every shingle of `shingle_words` consecutive words, in order, duplicates kept.
void ShingleHashes(std::string_view text, uint32_t shingle_words, std::vector<uint64_t>* out);

// How much two texts overlap, estimated from their signatures.
struct Overlap {
  double jaccard = 0;        // |A n B| / |A u B|
  double containment_a = 0;  // |A n B| / |A|: how much of A is in B
  double containment_b = 0;  // |A n B| / |B|
};
// Zero when either is empty. The signatures must be compatible (Compatible()); otherwise zero.
Overlap EstimateOverlap(const Signature& a, const Signature& b);
bool Compatible(const Signature& a, const Signature& b);

// Compact little-endian bytes: magic "WMH1", num_perm, shingle_words, seed, shingles, values.
// 24 + 4 * num_perm bytes (536 at the defaults).
std::string SerializeSignature(const Signature& signature);
// Corruption (naming the reason) for bytes that are not a serialised signature.
StatusOr<Signature> DeserializeSignature(std::string_view bytes);

struct LshOptions {
  // bands x rows must not exceed the signature length; the rest of the signature is used for
  // verification only. A pair with Jaccard J becomes a candidate with probability
  // 1 - (1 - J^rows)^bands. Defaults (40 x 2, chosen by measurement on the generated corpus:
  // 96% of planted copies found against 83% with 32 x 4, since trimmed and merged copies
  // have low Jaccard): 0.33 at J = 0.1, 0.81 at J = 0.2, 0.98 at J = 0.3.
  uint32_t bands = 40;
  uint32_t rows = 2;
  // A candidate is a Match when its estimated Jaccard reaches min_jaccard, or when the
  // estimated containment of the smaller in the larger reaches min_containment (a wire story
  // trimmed, or merged into a longer one).
  double min_jaccard = 0.3;
  double min_containment = 0.5;
  // Containment alone counts only when the smaller text has at least this many shingles, so
  // that a few-word snippet ("Read the full article") is not a "copy" of everything quoting it.
  uint32_t min_containment_shingles = 20;
};
// InvalidArgument naming the bad field, or OK. `num_perm` is the signature length it serves.
Status Validate(const LshOptions& options, uint32_t num_perm);

struct Match {
  uint64_t doc = 0;
  Overlap overlap;  // `a` is the query, `b` the indexed document
};

class LshIndex {
 public:
  // Options must pass Validate(options, num_perm); invalid ones are replaced by the defaults.
  explicit LshIndex(const LshOptions& options = {}, const MinHashOptions& minhash = {});
  ~LshIndex();
  LshIndex(LshIndex&&) noexcept;
  LshIndex& operator=(LshIndex&&) noexcept;

  const LshOptions& options() const;
  const MinHashOptions& minhash_options() const;

  // Indexes `doc` (any value but UINT64_MAX). InvalidArgument when `doc` is already indexed or
  // the signature was made with other MinHash options. An empty signature is accepted and matches nothing.
  Status Add(uint64_t doc, const Signature& signature);
  // Removes `doc`; false when it was not indexed.
  bool Remove(uint64_t doc);
  bool Contains(uint64_t doc) const;
  size_t size() const;

  // The indexed documents that share a band with `signature` and pass verification, best
  // (highest max(jaccard, containment)) first, ties by doc. `exclude` is left out (pass the
  // document's own id when querying after adding it). Clears *out first.
  void Query(const Signature& signature, std::vector<Match>* out,
             uint64_t exclude = UINT64_MAX) const;
  // The streaming step: Query(signature, out) and then Add(doc, signature), computing the band
  // keys once and finding the band slots already in cache. Errors as Add().
  Status QueryAndAdd(uint64_t doc, const Signature& signature, std::vector<Match>* out);
  // The raw band candidates, unverified, sorted by doc.
  void Candidates(const Signature& signature, std::vector<uint64_t>* out) const;
  // The stored (16-bit) overlap estimate between two indexed documents; false if either is absent.
  bool EstimateBetween(uint64_t a, uint64_t b, Overlap* out) const;

  // Makes room for `docs` documents at once (bulk loads: no growth on the way).
  void Reserve(size_t docs);

  // Bytes the index holds in memory (capacity of every table).
  size_t MemoryBytes() const;

  // The whole index as bytes (header with both option sets, then per document its id, shingle
  // count and 16-bit minima): about 2 * num_perm + 12 bytes per document. Deserialize()
  // rebuilds the band tables. Corruption for damaged bytes, never a crash.
  std::string Serialize() const;
  static StatusOr<LshIndex> Deserialize(std::string_view bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness::sketch

#endif  // WITNESS_SKETCH_H_
