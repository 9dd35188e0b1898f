// witness/syndication.h: who copied whom, passage by passage.
//
// Usage:
//   // Two texts (Article::text): the passages they share, as byte spans into both.
//   std::vector<witness::syndication::Passage> ps = witness::syndication::Align(a.text, b.text);
//   // What the pair is: near-copy, contains, contained-in, shares passages; fractions; origin.
//   witness::syndication::PairReport r = witness::syndication::Relate(a, b, ps);
//   std::cout << RelationName(r.relation) << " " << r.shared_a << " " << r.origin.reasons[0];
//
//   // `witness align --json FILE_A FILE_B`: two files' bytes exactly as read, no database.
//   std::vector<witness::syndication::Passage> raw = witness::syndication::AlignRaw(bytes_a, bytes_b);
//   std::cout << witness::syndication::PassagesToJson(raw);  // offsets into the files' bytes
//
//   // At firehose scale: articles one by one; relations and copy groups kept up to date.
//   witness::syndication::SyndicationIndex index;           // MinHash + LSH inside
//   index.SetLookup([&](std::string_view id) { return store->Get(id); });  // optional: verify
//   std::vector<witness::syndication::RelatedPair> found;    //   candidates passage by passage
//   index.Add(article, &found);                              // pairs it forms with earlier ones
//   index.Groups();                                          // `witness dups`
//   index.PairsOf(id);                                       // `witness show ID`
//   index.Remove(id);
//
//   // Persistence: store SerializeSignature(sig) per article and each RelatedPair as a row;
//   // on open, Reserve(n), then Restore(article, signature) each, then RestorePair(pair) each.
//
// Rules:
//   - Align() takes valid UTF-8 (Article::text). It compares the texts sentence by sentence
//     on content words in a matching form that forgives small edits: case, quote styles,
//     inflection (Snowball stems), British/American spelling (destabilise/destabilize,
//     colour/color, fuelling/fueling), honorifics ("Mr Putin"/"Putin"), added, dropped or
//     replaced words. Matching sentences are chained into passages across gaps of a few
//     sentences; each passage's ends are trimmed to the first and last matching words.
//     Passages do not overlap in A, are sorted by their start in A, and are symmetric in
//     spirit (Align(b, a) finds the same passages, swapped, up to boundary details).
//   - AlignRaw() accepts any bytes: CRLF, Latin-1 or other invalid UTF-8, NUL, decomposed
//     accents. It normalises as text::Normalize does and maps every span back to the bytes as
//     given; a span never splits a multi-byte sequence of the input.
//   - Relate() counts copied words: inside each passage, the words in runs of 4+ content words
//     that occur in the same order in both texts (gaps of up to 8 changed, added or dropped
//     words bridged), in stretches of 8+ content words. It discounts what is no evidence of
//     copying: stretches that are (nearly) all quotation (two outlets quoting one speech did
//     not copy each other), paraphrase without verbatim runs (independent reports of one
//     event), and, when judging the relation, page furniture in the unshared part of a text
//     (headline and caption lines, "subscribe"/"read more"/"all rights reserved" blocks, text
//     that addresses the reader). Fractions are of words.
//   - Every function here accepts empty, one-word, 10 MB and one-word-repeated texts; none
//     throws or aborts. Work is bounded: very frequent words do not generate candidate pairs.
#ifndef WITNESS_SYNDICATION_H_
#define WITNESS_SYNDICATION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/sketch.h"
#include "witness/status.h"
#include "witness/text.h"

namespace witness::syndication {

// A passage both texts share.
struct Passage {
  text::Span a;              // bytes [begin, end) in text A
  text::Span b;              // bytes in text B
  uint32_t a_words = 0;      // words (text.h word and number tokens) in each span
  uint32_t b_words = 0;
  double similarity = 0;     // cosine of the two spans' weighted content words, 0..1
  bool quoted = false;       // the shared words are nearly all inside quotation marks in both
  friend bool operator==(const Passage&, const Passage&) = default;
};

// The aligner's parameters. The defaults are one configuration for all kinds of reuse, tuned
// on the PAN 2013 text-alignment corpus (bench/align_eval, doc/performance.md).
struct AlignOptions {
  // Two sentences seed a passage when the cosine of their tf-idf weighted content words and
  // the Dice coefficient of their content-word sets both reach these.
  double seed_cosine = 0.25;
  double seed_dice = 0.2;
  // Runs of this many shared content words in a row also seed a passage, whatever their
  // sentences look like as a whole (0 turns this off; at most 16).
  uint32_t ngram_words = 4;
  // A seed is kept only when its cosine is at least this share of the best seed of its
  // sentence in A and of its sentence in B (drops chance resemblances next to a real passage).
  double seed_best_ratio = 0.8;
  // Sentences with fewer content words than this are joined to the next one in the paragraph.
  uint32_t min_sentence_words = 3;
  // Seeds further apart than this many sentences (in either text) start a new passage.
  uint32_t max_gap = 3;
  // A passage survives when the cosine of its two sides reaches this...
  double passage_cosine = 0.3;
  // ...and both sides hold at least this many words.
  uint32_t min_passage_words = 25;
  // Summaries: when a passage's side in B is this many times longer than in A (or the other
  // way), the seeds are chained again with `summary_gap` on the long side.
  double summary_ratio = 3.0;
  uint32_t summary_gap = 16;
  // A passage grows along its diagonal while the next sentences on both sides reach this
  // cosine (0 turns growing off).
  double extend_cosine = 0.2;
  // Trim each passage's ends to its first and last matching words.
  bool trim_to_matches = true;
  // Passages at least this similar are trimmed to runs of matching words (2 of the next 3
  // words match too); looser ones to the first and last matching word.
  double strict_trim_cosine = 0.7;
  // Terms in more sentences than this (per text) do not generate candidate sentence pairs
  // (they still count in the similarities): bounds the work on huge or repetitive texts.
  uint32_t max_postings = 1000;
};

std::vector<Passage> Align(std::string_view text_a, std::string_view text_b,
                           const AlignOptions& options = {});

// Align() over raw bytes; every span is a byte range of the input exactly as given.
std::vector<Passage> AlignRaw(std::string_view bytes_a, std::string_view bytes_b,
                              const AlignOptions& options = {});

// [{"a_start":0,"a_end":10,"b_start":5,"b_end":15}, ...] plus a newline; "[]\n" when none.
std::string PassagesToJson(const std::vector<Passage>& passages);

// How text A relates to text B.
enum class Relation : uint8_t {
  kNone = 0,            // nothing shared beyond quotations and stray phrases
  kNearCopy = 1,        // the same text, edited: most of each body is in the other
  kContains = 2,        // A holds nearly all of B and substantial material of its own
  kContainedIn = 3,     // B holds nearly all of A
  kSharesPassages = 4,  // real shared passages, but neither holds the other
};
// "none", "near-copy", "contains", "contained-in", "shares-passages".
const char* RelationName(Relation relation);
// The relation seen from B's side (contains <-> contained-in).
Relation Reverse(Relation relation);

// Which of the two is the likely origin of the shared text.
struct Origin {
  enum class Who : uint8_t { kUnknown = 0, kA = 1, kB = 2, kCommonSource = 3 };
  Who who = Who::kUnknown;
  std::string agency;                // the wire both credit ("BLOOMBERG") when known
  std::vector<std::string> reasons;  // human-readable, strongest first
};

struct RelateOptions {
  // Near-copy: each body holds at least this share of shared words.
  double near_copy = 0.8;
  // Contains: the contained body is at least this share shared...
  double contained = 0.8;
  // Shares passages: at least this many unquoted shared words in the smaller side, or this
  // share of the smaller body.
  uint32_t min_shared_words = 25;
  double min_shared_fraction = 0.2;
  // Discount page furniture in the unshared parts (see Rules).
  bool discount_furniture = true;
  // SyndicationIndex without a lookup: a side whose estimated shingle containment reaches
  // this is "held" by the other (near-copy when both are). Shingles break at every edit, so
  // this sits below the passage-based thresholds above.
  double estimated_copy = 0.6;
};

struct PairReport {
  Relation relation = Relation::kNone;  // of A to B
  double shared_a = 0;        // share of A's body words that were copied (see Rules)
  double shared_b = 0;
  uint32_t words_a = 0;       // body words of A (all words minus discounted furniture)
  uint32_t words_b = 0;
  uint32_t shared_words_a = 0;
  uint32_t shared_words_b = 0;
  uint32_t passages = 0;         // passages with copied words
  uint32_t quoted_passages = 0;  // passages set aside: quotation, or resemblance without copying
  Origin origin;
};

// The relation of two articles from their passages (Align(a.text, b.text)). Uses text,
// source, published and agencies; agencies empty -> a dateline credit "(REUTERS)" / "(AFP)" at
// the start of the text is recognised.
PairReport Relate(const Article& a, const Article& b, const std::vector<Passage>& passages,
                  const RelateOptions& options = {});

// One relation the index holds. `a` is the article added later (or equal); the relation and
// fractions read "a <relation> b".
struct RelatedPair {
  std::string a, b;
  Relation relation = Relation::kNone;
  double shared_a = 0, shared_b = 0;  // from passages when verified, else from MinHash
  double jaccard = 0;                 // MinHash estimate over 5-word shingles
  bool verified = false;              // true when aligned passage by passage
  Origin origin;
};

struct SyndicationOptions {
  sketch::MinHashOptions minhash;
  sketch::LshOptions lsh;
  AlignOptions align;
  RelateOptions relate;
};

// The pair seen from its other side: a and b, their shares, the relation (contains <->
// contained-in) and the origin swapped.
RelatedPair Reversed(const RelatedPair& pair);
// Strongest first (the larger shared fraction), then by `b`.
void SortStrongestFirst(std::vector<RelatedPair>* pairs);

// Groups of copies among `pairs`: connected components over near-copy / contains /
// contained-in relations, two or more articles each; ids sorted in each group, largest group
// first (then by ids). Other relations are ignored.
std::vector<std::vector<std::string>> CopyGroups(const std::vector<RelatedPair>& pairs);
// The likely source of `id` within its copy group among `pairs`: the member the copy
// relations of the group name as origin most often; nullopt when `id` has no copy relation,
// no relation names an origin, or two members tie.
std::optional<std::string> LikelySource(std::string_view id, const std::vector<RelatedPair>& pairs);

// Articles in, relations and copy groups out, incrementally. Each new article is queried
// against the LSH index (candidates verified by estimated Jaccard and containment) and then
// added. Without a lookup, relations come from the MinHash estimates (containment both ways
// against relate.estimated_copy) plus metadata for the origin; with one, each candidate is
// aligned and Relate()d, and pairs whose relation comes out kNone are dropped.
// To persist signatures, compute them with a MinHasher made from options.minhash, store
// SerializeSignature(), and add with AddWithSignature() (same result as Add()).
class SyndicationIndex {
 public:
  using Lookup = std::function<StatusOr<Article>(std::string_view id)>;

  explicit SyndicationIndex(const SyndicationOptions& options = {});
  ~SyndicationIndex();
  SyndicationIndex(SyndicationIndex&&) noexcept;
  SyndicationIndex& operator=(SyndicationIndex&&) noexcept;

  // Earlier articles are fetched through `lookup` to verify candidates (may be empty).
  void SetLookup(Lookup lookup);

  // Adds an article (its id must be new; InvalidArgument otherwise) and appends to *new_pairs
  // the relations it forms with articles already indexed.
  Status Add(const Article& article, std::vector<RelatedPair>* new_pairs = nullptr);
  // The same from a stored signature (rebuilding from the database without re-reading texts).
  // `article` supplies id and metadata; its text is not read.
  Status AddWithSignature(const Article& article, const sketch::Signature& signature,
                          std::vector<RelatedPair>* new_pairs = nullptr);
  // Reopening a database: Restore() indexes an article from its stored signature without
  // looking for relations, RestorePair() puts back a stored relation (both ids indexed, else
  // NotFound). Call Reserve() first with the article count.
  Status Restore(const Article& article, const sketch::Signature& signature);
  Status RestorePair(const RelatedPair& pair);
  void Reserve(size_t articles);
  // Removes an article and every relation it has; false when absent.
  bool Remove(std::string_view id);
  bool Contains(std::string_view id) const;
  size_t size() const;

  // The relations of one article, strongest first, each oriented with `id` as `a`.
  std::vector<RelatedPair> PairsOf(std::string_view id) const;
  // Every relation, each once (a = the later-added article).
  std::vector<RelatedPair> Pairs() const;
  // Groups of copies: connected components over near-copy / contains / contained-in
  // relations, two or more articles each; ids sorted in each group, largest group first.
  std::vector<std::vector<std::string>> Groups() const;
  // The likely source of an article within its group: the member the others point to as
  // origin most often; nullopt when it has no copy relation or no member wins.
  std::optional<std::string> LikelySource(std::string_view id) const;

  const sketch::LshIndex& lsh() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness::syndication

#endif  // WITNESS_SYNDICATION_H_
