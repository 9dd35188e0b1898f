// Word and shingle hashes for MinHash (sketch.h Rules): a scanner that finds words without
// the full segmenter, because signatures run at firehose rates. ASCII goes through a table;
// other characters are classified with utf8proc and their words folded with
// text::MatchingForm, so the keys equal Analyzer::Key's.
#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>

#include "sketch/shingle.h"
#include "sketch/words.h"
#include "witness/sketch.h"
#include "text/matching.h"
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
  // The common punctuation of news text, answered without decoding: U+2000-U+200A (spaces),
  // U+2010-U+2027 (dashes, quotation marks, ellipsis; U+2019 is the apostrophe) and U+00A0.
  if (*p == 0xE2 && end - p >= 3 && p[1] == 0x80 && (p[2] & 0xC0) == 0x80) {
    const uint8_t low = p[2] & 0x3F;  // the code point is U+2000 + low
    if (low <= 0x0A || (low >= 0x10 && low <= 0x27)) {
      *len = 3;
      return low == 0x19 ? 2 : 0;
    }
  } else if (*p == 0xC2 && end - p >= 2 && p[1] == 0xA0) {
    *len = 2;
    return 0;
  }
  int32_t cp;
  *len = Decode(p, end, &cp);
  if (cp == 0x2019) return 2;
  return IsWordCodePoint(cp, inside) ? 1 : 0;
}

using internal::Mum;

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

// The bytes of a word of n <= 16 bytes in its two 8-byte halves (a table: no branch and no
// variable shift per word).
struct WordMask {
  uint64_t lo, hi;
};
constexpr std::array<WordMask, 17> MakeWordMasks() {
  std::array<WordMask, 17> m{};
  for (size_t n = 0; n <= 16; ++n) {
    m[n].lo = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
    m[n].hi = n >= 16 ? ~uint64_t{0} : n <= 8 ? 0 : (uint64_t{1} << (8 * (n - 8))) - 1;
  }
  return m;
}
constexpr std::array<WordMask, 17> kWordMasks = MakeWordMasks();

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
  lo = (lo | spaces) & kWordMasks[n].lo;
  hi = (hi | spaces) & kWordMasks[n].hi;
  return Mum(lo ^ 0x9E3779B97F4A7C15ull, hi ^ 0xD6E8FEB86659FD93ull ^ (uint64_t{n} << 56)) *
         0xBF58476D1CE4E5B9ull;
}

// Scratch for words that need the matching form: reused, so that steady state allocates
// nothing.
struct Scratch {
  std::string form;
  text::internal::MatchingScratch matching;
};

// A word holding non-ASCII bytes. The common case -- ASCII with curly apostrophes (U+2019,
// E2 80 99: "Russia’s") -- is folded here: its matching form is the ASCII folded and the
// apostrophe straightened, as text::MatchingForm would make it. Anything else goes through
// the matching form proper.
uint64_t HashSpecialWord(const uint8_t* p, size_t n, Scratch* scratch) {
  std::string& form = scratch->form;
  form.clear();
  for (size_t i = 0; i < n; ++i) {
    if (p[i] < 0x80) {
      form.push_back(text::internal::kAsciiMatchingFold[p[i]]);
    } else if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99) {
      form.push_back('\'');
      i += 2;
    } else {
      form.clear();
      text::internal::AppendMatchingForm(
          std::string_view(reinterpret_cast<const char*>(p), n), &form, &scratch->matching);
      break;
    }
  }
  return HashWord(form.data(), form.size());
}

// The word scanner proper, character by character (see sketch.h Rules). Writes the words of
// [p, end) at out and returns the end of what it wrote.
uint64_t* ScalarWords(const uint8_t* p, const uint8_t* const end, uint64_t* out,
                      Scratch* scratch) {
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
    *out++ = ascii ? HashAsciiWord(begin, n, end) : HashSpecialWord(begin, n, scratch);
  }
  return out;
}

// Words are found 64 bytes at a time. Bit masks of the bytes that may belong to words
// (ClassifyBlocks, SIMD) split the text into runs: the run starts of a block are the mask's
// bits with a clear bit below them, the run ends those with a clear bit above, and the k-th
// start pairs with the k-th end, so a block costs one loop iteration per word and few
// mispredicted branches. A run of ASCII letters and digits only is one word, hashed at once;
// any other run (apostrophes, non-ASCII) goes through ScalarWords, whose words never cross a
// byte outside the mask -- so the result is exactly ScalarWords over the whole text. The text
// is classified 4 KiB at a time, so the masks stay in L1. `out` needs room for
// MaxWords(text.size()) hashes.
size_t BlockWords(std::string_view text, uint64_t* const out_begin, Scratch* scratch) {
  const auto* base = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  const uint8_t* const limit = base + n;
  uint64_t* out = out_begin;
  constexpr size_t kNone = SIZE_MAX;
  constexpr size_t kChunkBlocks = 64;
  uint64_t cand_masks[kChunkBlocks], spec_masks[kChunkBlocks];
  size_t open = kNone;  // start of a run that goes on past the previous block
  bool open_special = false;
  auto emit = [&](size_t s, size_t e, bool special) {
    if (!special) {
      *out++ = HashAsciiWord(base + s, e - s, limit);
    } else {
      out = ScalarWords(base + s, base + e, out, scratch);
    }
  };
  for (size_t chunk = 0; chunk < n; chunk += 64 * kChunkBlocks) {
    const size_t chunk_len = std::min(n - chunk, 64 * kChunkBlocks);
    internal::ClassifyBlocks(base + chunk, chunk_len, cand_masks, spec_masks);
    const size_t blocks = (chunk_len + 63) / 64;
    for (size_t b = 0; b < blocks; ++b) {
      const size_t blk = chunk + 64 * b;
      uint64_t c = cand_masks[b];
      const uint64_t sp = spec_masks[b];
      if (open != kNone) {
        const uint64_t outside = ~c;
        if (outside == 0) {  // the whole block is inside the run
          open_special = open_special || sp != 0;
          continue;
        }
        const unsigned e = static_cast<unsigned>(__builtin_ctzll(outside));
        const uint64_t below = (uint64_t{1} << e) - 1;
        emit(open, blk + e, open_special || (sp & below) != 0);
        open = kNone;
        c &= ~below;
      }
      uint64_t starts = c & ~(c << 1);
      uint64_t ends = c & ~(c >> 1);  // the last byte of each run
      const bool tail = (c >> 63) != 0;  // the last run may go on in the next block
      ends &= ~(uint64_t{tail} << 63);
      if (sp == 0) {
        while (ends != 0) {
          const unsigned s = static_cast<unsigned>(__builtin_ctzll(starts));
          const unsigned e = static_cast<unsigned>(__builtin_ctzll(ends));
          starts &= starts - 1;
          ends &= ends - 1;
          *out++ = HashAsciiWord(base + blk + s, e + 1 - s, limit);
        }
      } else {
        while (ends != 0) {
          const unsigned s = static_cast<unsigned>(__builtin_ctzll(starts));
          const unsigned e = static_cast<unsigned>(__builtin_ctzll(ends));  // e <= 62
          starts &= starts - 1;
          ends &= ends - 1;
          const uint64_t run = ((uint64_t{2} << e) - 1) & (~uint64_t{0} << s);
          emit(blk + s, blk + e + 1, (sp & run) != 0);
        }
      }
      if (tail) {
        const unsigned s = static_cast<unsigned>(__builtin_ctzll(starts));
        open = blk + s;
        open_special = (sp >> s) != 0;
      }
    }
  }
  if (open != kNone) emit(open, n, open_special);
  return static_cast<size_t>(out - out_begin);
}

}  // namespace

namespace internal {

size_t MaxWords(size_t bytes) { return bytes / 2 + 1; }

size_t WordHashesInto(std::string_view text, uint64_t* out) {
  thread_local Scratch scratch;
  return BlockWords(text, out, &scratch);
}

void WordHashesScalar(std::string_view text, std::vector<uint64_t>* out) {
  Scratch scratch;
  out->resize(MaxWords(text.size()));
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  out->resize(ScalarWords(p, p + text.size(), out->data(), &scratch) - out->data());
}

}  // namespace internal

void WordHashes(std::string_view text, std::vector<uint64_t>* out) {
  thread_local std::unique_ptr<uint64_t[]> buffer;
  thread_local size_t capacity = 0;
  const size_t need = internal::MaxWords(text.size());
  if (need > capacity) {
    capacity = std::max(need, capacity * 2);
    buffer = std::make_unique<uint64_t[]>(capacity);
  }
  const size_t count = internal::WordHashesInto(text, buffer.get());
  out->assign(buffer.get(), buffer.get() + count);
}

void ShingleHashes(std::string_view text, uint32_t shingle_words, std::vector<uint64_t>* out) {
  thread_local std::vector<uint64_t> words;
  WordHashes(text, &words);
  out->clear();
  if (words.empty() || shingle_words == 0) return;
  const size_t k = std::min<size_t>(std::min<uint32_t>(shingle_words, 64), words.size());
  out->resize(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) (*out)[i] = internal::HashShingle(words.data() + i, k);
}

}  // namespace witness::sketch
