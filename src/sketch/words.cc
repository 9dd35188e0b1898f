// Word and shingle hashes for MinHash (sketch.h Rules): a scanner that finds words without
// the full segmenter, because signatures run at firehose rates. ASCII goes through a table;
// other characters are classified with utf8proc and their words folded with
// text::MatchingForm, so the keys equal Analyzer::Key's.
#include <utf8proc.h>
#include <xxhash.h>

#include <array>
#include <cstring>

#include "sketch/words.h"
#include "witness/sketch.h"
#include "witness/text.h"

namespace witness::sketch {
namespace {

enum : uint8_t { kSep = 0, kWordAscii = 1, kApos = 2, kHigh = 3 };

constexpr std::array<uint8_t, 256> MakeClassTable() {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kWordAscii;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWordAscii;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWordAscii;
  t['\''] = kApos;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kHigh;
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClassTable();

// Decodes one code point at p; returns its length (1 for an invalid byte, with cp = -1).
inline int Decode(const uint8_t* p, const uint8_t* end, int32_t* cp) {
  const utf8proc_ssize_t n = utf8proc_iterate(p, end - p, cp);
  if (n <= 0) {
    *cp = -1;
    return 1;
  }
  return static_cast<int>(n);
}

inline bool IsWordCodePoint(int32_t cp, bool inside) {
  if (cp < 0) return false;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
      return inside;  // marks and format characters extend a word, never start one
    default:
      return false;
  }
}

// What starts at p: 0 separator, 1 word character, 2 apostrophe; *len = its byte length.
inline int Classify(const uint8_t* p, const uint8_t* end, bool inside, int* len) {
  const uint8_t c = kClass[*p];
  if (c != kHigh) {
    *len = 1;
    return c == kWordAscii ? 1 : c == kApos ? 2 : 0;
  }
  int32_t cp;
  *len = Decode(p, end, &cp);
  if (cp == 0x2019) return 2;
  return IsWordCodePoint(cp, inside) ? 1 : 0;
}

// 128-bit multiply, folded: the mixing step of many fast hashes.
inline uint64_t Mum(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

// The hash of a word's matching form (bytes already lower case). Words of up to 16 bytes --
// nearly all -- take two multiplications; longer ones go through XXH3.
inline uint64_t HashWord(const char* p, size_t n) {
  if (n > 16) return XXH3_64bits(p, n);
  uint64_t lo = 0, hi = 0;
  std::memcpy(&lo, p, n < 8 ? n : 8);
  if (n > 8) std::memcpy(&hi, p + 8, n - 8);
  return Mum(lo ^ 0x9E3779B97F4A7C15ull, hi ^ 0xD6E8FEB86659FD93ull ^ (uint64_t{n} << 56)) *
         0xBF58476D1CE4E5B9ull;
}

// The same for an ASCII word of letters, digits and apostrophes, lower-casing on the way:
// OR-ing 0x20 lowers A-Z and leaves a-z, 0-9 and ' as they are. `limit` is the end of the
// buffer: when 16 bytes are readable the loads are fixed-size (no memcpy call).
inline uint64_t HashAsciiWord(const uint8_t* p, size_t n, const uint8_t* limit) {
  if (n > 16) {
    char buf[256];
    std::string big;
    char* dst = n <= sizeof(buf) ? buf : (big.resize(n), big.data());
    for (size_t i = 0; i < n; ++i) dst[i] = static_cast<char>(p[i] | 0x20);
    return XXH3_64bits(dst, n);
  }
  uint64_t lo = 0, hi = 0;
  if (limit - p >= 16) {
    std::memcpy(&lo, p, 8);
    std::memcpy(&hi, p + 8, 8);
  } else {
    std::memcpy(&lo, p, n < 8 ? n : 8);
    if (n > 8) std::memcpy(&hi, p + 8, n - 8);
  }
  const uint64_t spaces = 0x2020202020202020ull;
  const uint64_t mask_lo = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
  const uint64_t mask_hi = n >= 16 ? ~uint64_t{0} : n <= 8 ? 0 : (uint64_t{1} << (8 * (n - 8))) - 1;
  lo = (lo | spaces) & mask_lo;
  hi = (hi | spaces) & mask_hi;
  return Mum(lo ^ 0x9E3779B97F4A7C15ull, hi ^ 0xD6E8FEB86659FD93ull ^ (uint64_t{n} << 56)) *
         0xBF58476D1CE4E5B9ull;
}

}  // namespace

namespace {

// The word scanner proper, character by character (see sketch.h Rules).
void ScalarWords(const uint8_t* p, const uint8_t* const end, std::vector<uint64_t>* out,
                 std::string* large_buf) {
  std::string& large = *large_buf;
  while (p < end) {
    // Skip to the start of a word.
    int len = 0;
    while (p < end) {
      if (kClass[*p] == kWordAscii) break;
      if (kClass[*p] != kHigh) {
        ++p;
        continue;
      }
      if (Classify(p, end, false, &len) == 1) break;
      p += len;
    }
    if (p >= end) break;
    // Scan the word: runs of word characters joined by single apostrophes.
    const uint8_t* const begin = p;
    bool ascii = true;
    while (p < end) {
      const uint8_t c = kClass[*p];
      if (c == kWordAscii) {
        ++p;
        continue;
      }
      int kind;
      if (c == kHigh) {
        kind = Classify(p, end, true, &len);
        if (kind == 0) break;
      } else if (c == kApos) {
        kind = 2;
        len = 1;
      } else {
        break;
      }
      if (kind == 2) {  // an apostrophe joins only when a word character follows
        int next_len = 0;
        if (p + len >= end || Classify(p + len, end, true, &next_len) != 1) break;
      }
      ascii = ascii && c != kHigh;
      p += len;
    }
    const size_t n = static_cast<size_t>(p - begin);
    if (ascii) {
      out->push_back(HashAsciiWord(begin, n, end));
    } else {
      large = text::MatchingForm(std::string_view(reinterpret_cast<const char*>(begin), n));
      out->push_back(HashWord(large.data(), large.size()));
    }
  }
}

// Byte classes for the block scanner: bit 0, may belong to a word (ASCII letter or digit,
// apostrophe, any byte >= 0x80); bit 1, needs the character-by-character scanner (apostrophe,
// byte >= 0x80).
constexpr std::array<uint8_t, 256> MakeRunTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const uint8_t k = kClass[c];
    t[c] = k == kWordAscii ? 1 : (k == kApos || k == kHigh) ? 3 : 0;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kRun = MakeRunTable();

}  // namespace

// Words are found 64 bytes at a time: a bit mask of the bytes that may belong to words splits
// the text into runs; a run of ASCII letters and digits only is one word, hashed at once, and
// any other run (apostrophes, non-ASCII) goes through ScalarWords, whose words never cross a
// byte outside the mask -- so the result is exactly ScalarWords over the whole text.
void WordHashes(std::string_view text, std::vector<uint64_t>* out) {
  out->clear();
  out->reserve(text.size() / 5 + 1);
  const auto* base = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  std::string large;
  constexpr size_t kNone = SIZE_MAX;
  size_t run_start = kNone;
  bool special = false;
  auto emit = [&](size_t s, size_t e) {
    if (!special) {
      out->push_back(HashAsciiWord(base + s, e - s, base + n));
    } else {
      ScalarWords(base + s, base + e, out, &large);
    }
  };
  for (size_t blk = 0; blk < n; blk += 64) {
    const size_t len = std::min<size_t>(64, n - blk);
    uint64_t cand = 0, spec = 0;
    for (size_t i = 0; i < len; ++i) {
      const uint64_t c = kRun[base[blk + i]];
      cand |= (c & 1) << i;
      spec |= (c >> 1) << i;
    }
    size_t i = 0;
    while (i < 64) {
      if (run_start == kNone) {
        const uint64_t m = cand >> i;
        if (m == 0) break;
        i += static_cast<size_t>(__builtin_ctzll(m));
        run_start = blk + i;
        special = false;
      }
      const uint64_t rest = ~cand >> i;  // bits past the text's end are 0 in cand
      if (rest == 0) {                   // the run goes on into the next block
        special = special || (spec >> i) != 0;
        break;
      }
      const unsigned k = static_cast<unsigned>(__builtin_ctzll(rest));
      special = special || ((spec >> i) & ((uint64_t{1} << k) - 1)) != 0;
      emit(run_start, blk + i + k);
      run_start = kNone;
      i += k;
    }
  }
  if (run_start != kNone) emit(run_start, n);
}

namespace internal {
void WordHashesScalar(std::string_view text, std::vector<uint64_t>* out) {
  out->clear();
  std::string large;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  ScalarWords(p, p + text.size(), out, &large);
}
}  // namespace internal

namespace {

constexpr std::array<uint64_t, 64> MakePositionKeys() {
  std::array<uint64_t, 64> k{};
  uint64_t z = 0x6A09E667F3BCC909ull;
  for (auto& x : k) {
    z += 0x9E3779B97F4A7C15ull;
    uint64_t v = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    v = (v ^ (v >> 27)) * 0x94D049BB133111EBull;
    x = v ^ (v >> 31);
  }
  return k;
}
constexpr std::array<uint64_t, 64> kPositionKeys = MakePositionKeys();

// The hash of k consecutive word hashes: pairs of words, each keyed by its position, through
// a 128-bit multiply, xor-ed together (order matters: every position has its own key).
inline uint64_t HashShingle(const uint64_t* w, size_t k) {
  uint64_t h = 0x243F6A8885A308D3ull ^ k;
  size_t d = 0;
  for (; d + 1 < k; d += 2) h ^= Mum(w[d] ^ kPositionKeys[d], w[d + 1] ^ kPositionKeys[d + 1]);
  if (d < k) h ^= Mum(w[d] ^ kPositionKeys[d], 0x452821E638D01377ull);
  return Mum(h, 0x9E3779B97F4A7C15ull);
}

}  // namespace

void ShingleHashes(std::string_view text, uint32_t shingle_words, std::vector<uint64_t>* out) {
  thread_local std::vector<uint64_t> words;
  WordHashes(text, &words);
  out->clear();
  if (words.empty() || shingle_words == 0) return;
  const size_t k = std::min<size_t>(std::min<uint32_t>(shingle_words, 64), words.size());
  out->resize(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) (*out)[i] = HashShingle(words.data() + i, k);
}

}  // namespace witness::sketch
