// Word and shingle hashes for MinHash (sketch.h Rules): a scanner that finds words without
// the full segmenter, because signatures run at firehose rates. ASCII goes through a table;
// other characters are classified with utf8proc and their words folded with
// text::MatchingForm, so the keys equal Analyzer::Key's.
#include <utf8proc.h>
#include <xxhash.h>

#include <array>
#include <cstring>

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

}  // namespace

void WordHashes(std::string_view text, std::vector<uint64_t>* out) {
  out->clear();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const uint8_t* const end = p + text.size();
  char small[96];
  std::string large;
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
    if (ascii && n <= sizeof(small)) {
      for (size_t i = 0; i < n; ++i) {
        const char ch = static_cast<char>(begin[i]);
        small[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      }
      out->push_back(XXH3_64bits(small, n));
    } else if (ascii) {
      large.assign(reinterpret_cast<const char*>(begin), n);
      for (char& ch : large) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      }
      out->push_back(XXH3_64bits(large.data(), large.size()));
    } else {
      large = text::MatchingForm(std::string_view(reinterpret_cast<const char*>(begin), n));
      out->push_back(XXH3_64bits(large.data(), large.size()));
    }
  }
}

void ShingleHashes(std::string_view text, uint32_t shingle_words, std::vector<uint64_t>* out) {
  std::vector<uint64_t> words;
  WordHashes(text, &words);
  out->clear();
  if (words.empty() || shingle_words == 0) return;
  const size_t k = std::min<size_t>(shingle_words, words.size());
  out->reserve(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    out->push_back(XXH3_64bits(words.data() + i, k * sizeof(uint64_t)));
  }
}

}  // namespace witness::sketch
