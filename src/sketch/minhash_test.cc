// MinHash: SIMD kernel == scalar reference, estimates within the promised error of exact
// Jaccard, the word scanner against the segmenter, serialisation.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <unordered_set>

#include "sketch/kernel.h"
#include "sketch/words.h"
#include "witness/sketch.h"
#include "witness/text.h"

namespace witness::sketch {
namespace {

std::vector<uint64_t> RandomSet(std::mt19937_64& rng, size_t n) {
  std::vector<uint64_t> v(n);
  for (auto& x : v) x = rng();
  return v;
}

double ExactJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::unordered_set<uint64_t> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  size_t inter = 0;
  for (uint64_t x : sa) inter += sb.count(x);
  const size_t uni = sa.size() + sb.size() - inter;
  return uni == 0 ? 0 : double(inter) / uni;
}

TEST(MinHashKernel, SimdEqualsScalar) {
  std::mt19937_64 rng(7);
  for (uint32_t perms : {1u, 17u, 64u, 128u, 200u, 256u}) {
    MinHashOptions o;
    o.num_perm = perms;
    MinHasher h(o);
    for (size_t n : {0, 1, 2, 7, 100, 5000}) {
      const auto set = RandomSet(rng, n);
      const Signature simd = h.ComputeFromShingles(set);
      const Signature scalar = h.ComputeFromShinglesScalar(set);
      ASSERT_EQ(simd, scalar) << "perms " << perms << " n " << n << " target " << SimdTarget();
      ASSERT_EQ(simd.values.size(), perms);
      ASSERT_EQ(simd.shingles, n);
    }
  }
  EXPECT_FALSE(SimdTarget().empty());
}

TEST(MinHashKernel, ScalarMatchesDefinition) {
  // The kernel is min over values of Perm(value ^ seed): check on a tiny case by hand.
  const uint32_t values[3] = {1, 2, 3};
  uint32_t seeds[internal::kPermPad] = {};
  seeds[0] = 0;
  seeds[1] = 0xDEADBEEF;
  uint32_t out[internal::kPermPad];
  internal::MinHashKernel(values, 3, seeds, internal::kPermPad, out);
  for (int p = 0; p < 2; ++p) {
    const uint32_t want = std::min({internal::Perm(1 ^ seeds[p]), internal::Perm(2 ^ seeds[p]),
                                    internal::Perm(3 ^ seeds[p])});
    EXPECT_EQ(out[p], want);
  }
}

// Estimates on random sets with Jaccard from 0 to 1: errors within the binomial error.
TEST(MinHashEstimate, RandomSetsWithinStatisticalError) {
  std::mt19937_64 rng(11);
  MinHasher h;  // 128 permutations
  const double k = 128;
  int outside = 0, trials = 0;
  double bias = 0;
  for (int t = 0; t < 300; ++t) {
    const size_t shared = rng() % 600, only_a = rng() % 400 + 1, only_b = rng() % 400;
    auto common = RandomSet(rng, shared);
    auto a = common, b = common;
    for (auto x : RandomSet(rng, only_a)) a.push_back(x);
    for (auto x : RandomSet(rng, only_b)) b.push_back(x);
    const double j = ExactJaccard(a, b);
    const Overlap o = EstimateOverlap(h.ComputeFromShingles(a), h.ComputeFromShingles(b));
    const double sigma = std::sqrt(std::max(j * (1 - j), 1.0 / k) / k);
    if (std::abs(o.jaccard - j) > 3 * sigma) ++outside;
    bias += o.jaccard - j;
    ++trials;
    // Containment follows from Jaccard and the set sizes.
    const double ca = double(shared) / (shared + only_a);
    EXPECT_NEAR(o.containment_a, ca, 0.25) << "t " << t;
  }
  // P(|Z| > 3) is 0.3%: allow a few, not a systematic excess.
  EXPECT_LE(outside, 5) << "of " << trials;
  EXPECT_LT(std::abs(bias / trials), 0.01);
}

TEST(MinHashEstimate, IdenticalDisjointAndEmpty) {
  MinHasher h;
  const Signature a = h.Compute("the quick brown fox jumps over the lazy dog again and again");
  const Signature b = h.Compute("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG AGAIN AND AGAIN");
  EXPECT_DOUBLE_EQ(EstimateOverlap(a, b).jaccard, 1.0);
  const Signature c = h.Compute("completely different words make up this other short sentence");
  EXPECT_LT(EstimateOverlap(a, c).jaccard, 0.05);
  const Signature e = h.Compute("");
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(EstimateOverlap(e, e).jaccard, 0.0);  // empty is similar to nothing
  EXPECT_EQ(EstimateOverlap(a, e).jaccard, 0.0);
  // Other options: not comparable.
  MinHashOptions o;
  o.shingle_words = 3;
  MinHasher h3(o);
  EXPECT_FALSE(Compatible(a, h3.Compute("the quick brown fox jumps")));
  EXPECT_EQ(EstimateOverlap(a, h3.Compute(std::string_view("the quick brown fox"))).jaccard, 0.0);
}

TEST(MinHashEstimate, OneWordRepeatedAndShortTexts) {
  MinHasher h;
  std::string rep;
  for (int i = 0; i < 10000; ++i) rep += "buffalo ";
  const Signature s = h.Compute(rep);
  EXPECT_EQ(s.shingles, 1u);  // one distinct 5-gram
  const Signature two = h.Compute("buffalo buffalo buffalo buffalo buffalo buffalo");
  EXPECT_DOUBLE_EQ(EstimateOverlap(s, two).jaccard, 1.0);
  const Signature one = h.Compute("Hello");
  EXPECT_EQ(one.shingles, 1u);
  EXPECT_DOUBLE_EQ(EstimateOverlap(one, h.Compute("hello!")).jaccard, 1.0);
}

TEST(Words, MatchingFormAndSeparators) {
  auto hashes = [](std::string_view t) {
    std::vector<uint64_t> v;
    WordHashes(t, &v);
    return v;
  };
  EXPECT_EQ(hashes("Kazakhstan\u2019s"), hashes("KAZAKHSTAN's"));
  EXPECT_EQ(hashes("fuel-price").size(), 2u);
  EXPECT_EQ(hashes("fuel-price"), hashes("fuel price"));
  EXPECT_EQ(hashes("8,000 people"), hashes("8 000 people"));
  EXPECT_EQ(hashes("'quoted' words'"), hashes("quoted words"));
  EXPECT_EQ(hashes("\u00C9T\u00C9 caf\u00E9"), hashes("\u00E9t\u00E9 CAF\u00C9"));
  EXPECT_EQ(hashes("e\u0301t\u00E9"), hashes("e\u0301T\u00C9"));  // a combining mark stays inside
  EXPECT_TRUE(hashes("").empty());
  EXPECT_TRUE(hashes(" ... -- !! ").empty());
  EXPECT_EQ(hashes("\xFF\xFEok\xC3").size(), 1u);  // stray bytes separate, never crash
}

// The scanner's words are the segmenter's word and number tokens, in matching form, split at
// the characters the scanner treats as separators (hyphens, periods, commas).
TEST(Words, AgreeWithSegmenterAndAnalyzer) {
  const std::string text =
      "NUR-SULTAN (BLOOMBERG) - President Vladimir Putin vowed to protect Russia\u2019s "
      "ex-Soviet allies, about 8,000 people; the U.S. and \u201CMaidan technologies,\u201D "
      "co\u00F6perate STRASSE Stra\u00DFe 19.5% don't 'quoted' \u00C9cole.";
  text::Segmentation seg = text::Segment(text);
  text::Analyzer an;
  std::vector<uint64_t> want;
  std::vector<uint64_t> piece;
  for (const text::Token& t : seg.tokens) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
    std::string key(an.Key(text, t));
    for (char& c : key) {
      if (c == '-' || c == '.' || c == ',') c = ' ';
    }
    WordHashes(key, &piece);
    want.insert(want.end(), piece.begin(), piece.end());
  }
  std::vector<uint64_t> got;
  WordHashes(text, &got);
  EXPECT_EQ(got, want);
}

// The 64-byte block scanner finds exactly the words of the character-by-character one.
TEST(Words, BlockScannerEqualsScalar) {
  const std::string pieces[] = {"a", "Z", "9", " ", "'", "\u2019", "-", ".", "\n", "\xC3\xA9",
                                "\xCC\x81", "\xE2\x80\x9C", "\xFF", "\xE2\x82", "ab'cd",
                                std::string(70, 'x'), std::string(63, 'y'), "\xF0\x9F\x98\x80"};
  std::mt19937_64 rng(21);
  std::vector<uint64_t> fast, slow;
  for (int t = 0; t < 5000; ++t) {
    std::string s;
    const int n = rng() % 60;
    for (int i = 0; i < n; ++i) s += pieces[rng() % std::size(pieces)];
    WordHashes(s, &fast);
    internal::WordHashesScalar(s, &slow);
    ASSERT_EQ(fast, slow) << testing::PrintToString(s);
  }
}

// Long texts: runs that cross 64-byte blocks and 4 KiB classification chunks, words longer
// than a block, non-ASCII and apostrophes anywhere.
TEST(Words, BlockScannerEqualsScalarOnLongTexts) {
  const std::string pieces[] = {"word", "Another", "x", " ", "  ", "\n", "'", "\u2019", "-",
                                "\xC3\xA9t\xC3\xA9", "\xE2\x80\x9C", "\xE2\x80\x9D", "don't",
                                "Russia\u2019s", std::string(100, 'a'), std::string(5000, 'b'),
                                "12,345", "\xFF", "e\xCC\x81"};
  std::mt19937_64 rng(22);
  std::vector<uint64_t> fast, slow;
  for (int t = 0; t < 200; ++t) {
    std::string s;
    const size_t want = rng() % 20000;
    while (s.size() < want) s += pieces[rng() % std::size(pieces)];
    WordHashes(s, &fast);
    internal::WordHashesScalar(s, &slow);
    ASSERT_EQ(fast, slow) << "text " << t << " of " << s.size() << " bytes";
    ASSERT_LE(fast.size(), internal::MaxWords(s.size()));
  }
}

// The SIMD byte classifier against the portable one, at every length and alignment.
TEST(Words, ClassifierSimdEqualsScalar) {
  std::mt19937_64 rng(23);
  std::vector<uint8_t> bytes(5000);
  for (auto& b : bytes) b = static_cast<uint8_t>(rng());
  uint64_t c1[80], s1[80], c2[80], s2[80];
  for (size_t off = 0; off < 70; ++off) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, size_t{4096}, 
                     size_t{4097 - off}}) {
      const size_t blocks = (n + 63) / 64;
      internal::ClassifyBlocks(bytes.data() + off, n, c1, s1);
      internal::ClassifyBlocksScalar(bytes.data() + off, n, c2, s2);
      for (size_t b = 0; b < blocks; ++b) {
        ASSERT_EQ(c1[b], c2[b]) << "offset " << off << " length " << n << " block " << b;
        ASSERT_EQ(s1[b], s2[b]) << "offset " << off << " length " << n << " block " << b;
      }
    }
  }
  // And by definition, on every byte value.
  std::vector<uint8_t> all(256);
  for (int i = 0; i < 256; ++i) all[i] = static_cast<uint8_t>(i);
  internal::ClassifyBlocks(all.data(), 256, c1, s1);
  for (int i = 0; i < 256; ++i) {
    const bool word = (i >= '0' && i <= '9') || (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
    const bool special = i == '\'' || i >= 0x80;
    EXPECT_EQ((c1[i / 64] >> (i % 64)) & 1, uint64_t{word || special}) << i;
    EXPECT_EQ((s1[i / 64] >> (i % 64)) & 1, uint64_t{special}) << i;
  }
}

// The punctuation that the scanner answers without decoding (U+00A0, U+2000-U+2027) against
// the definition by Unicode category, for every code point of those blocks: between two
// words, a separator splits them and leaves them as they were; the apostrophe, a format
// character or any other word character joins them.
TEST(Words, PunctuationFastPathFollowsUnicodeCategories) {
  auto hashes = [](std::string_view t) {
    std::vector<uint64_t> v;
    WordHashes(t, &v);
    return v;
  };
  const std::vector<uint64_t> split = hashes("ab cd");
  for (int32_t cp = 0x80; cp <= 0x206F; ++cp) {
    if (cp == 0x100) cp = 0x2000;
    uint8_t buf[4];
    const auto n = utf8proc_encode_char(cp, buf);
    const std::string mark(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    const auto category = utf8proc_category(cp);
    const bool joins = cp == 0x2019 || category == UTF8PROC_CATEGORY_CF ||
                       (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO);
    const std::vector<uint64_t> got = hashes("ab" + mark + "cd");
    if (joins) {
      EXPECT_EQ(got.size(), 1u) << "U+" << std::hex << cp;
    } else {
      EXPECT_EQ(got, split) << "U+" << std::hex << cp;
    }
    std::vector<uint64_t> slow;
    internal::WordHashesScalar("ab" + mark + "cd", &slow);
    EXPECT_EQ(got, slow) << "U+" << std::hex << cp;
  }
}

// Curly apostrophes are folded without the matching form; letters beyond ASCII take it.
TEST(Words, CurlyApostrophesFoldLikeTheMatchingForm) {
  auto hashes = [](std::string_view t) {
    std::vector<uint64_t> v;
    WordHashes(t, &v);
    return v;
  };
  EXPECT_EQ(hashes("Rock\u2019n\u2019Roll O\u2019NEILL"), hashes("rock'n'roll o'neill"));
  EXPECT_EQ(hashes("L\u2019\u00C9COLE"), hashes("l'\u00E9cole"));
  EXPECT_EQ(hashes("\u2019tis the season\u2019s"), hashes("tis the season's"));
  EXPECT_NE(hashes("o\u2019neill"), hashes("oneill"));
}

// MinHasher::Compute (words, shingles and distinct values in one pass) against the
// reference path through ShingleHashes() and ComputeFromShingles().
TEST(MinHashEstimate, ComputeEqualsShingleReference) {
  std::mt19937_64 rng(24);
  const char* words[] = {"the", "wire", "story", "Said", "8,000", "Putin\u2019s", "caf\u00E9",
                         "a", "reprinted", "by", "outlets", "--", "\u201Cquoted\u201D"};
  for (uint32_t k : {1u, 2u, 3u, 5u, 8u}) {
    MinHashOptions o;
    o.shingle_words = k;
    MinHasher h(o);
    for (int t = 0; t < 100; ++t) {
      std::string text;
      const int n = static_cast<int>(rng() % 300);
      for (int i = 0; i < n; ++i) text += std::string(words[rng() % std::size(words)]) + " ";
      std::vector<uint64_t> sh;
      ShingleHashes(text, k, &sh);
      ASSERT_EQ(h.Compute(text), h.ComputeFromShingles(sh)) << "k " << k << ": " << text;
    }
  }
}

TEST(Signature, SerializeRoundTripAndCorruption) {
  MinHasher h;
  const Signature s = h.Compute("a wire story about a wire story, reprinted by many outlets");
  const std::string blob = SerializeSignature(s);
  EXPECT_EQ(blob.size(), 24u + 4 * 128);
  auto back = DeserializeSignature(blob);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, s);
  EXPECT_EQ(DeserializeSignature("").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(DeserializeSignature(blob.substr(0, blob.size() - 1)).status().code(),
            Status::Code::kCorruption);
  std::string bad = blob;
  bad[0] = 'X';
  EXPECT_EQ(DeserializeSignature(bad).status().code(), Status::Code::kCorruption);
  std::string zero_perm = blob;
  zero_perm[4] = zero_perm[5] = zero_perm[6] = zero_perm[7] = 0;
  EXPECT_EQ(DeserializeSignature(zero_perm).status().code(), Status::Code::kCorruption);
}

TEST(Options, Validate) {
  EXPECT_TRUE(Validate(MinHashOptions{}).ok());
  MinHashOptions o;
  o.num_perm = 0;
  EXPECT_FALSE(Validate(o).ok());
  o = {};
  o.shingle_words = 0;
  EXPECT_FALSE(Validate(o).ok());
  EXPECT_TRUE(Validate(LshOptions{}, 128).ok());
  LshOptions l;
  l.bands = 64;
  l.rows = 3;
  EXPECT_FALSE(Validate(l, 128).ok());
  MinHasher bad(o);  // falls back to the defaults
  EXPECT_EQ(bad.options().shingle_words, 5u);
}

}  // namespace
}  // namespace witness::sketch
