// src/text/scanner.h: the single-pass scanner behind Segment() (private).
//
// segment.cc holds the pass itself (whitespace, sentence and paragraph decisions) and
// segment_tokens.cc the reading of one token (words, numbers, abbreviations, punctuation).
#ifndef WITNESS_SRC_TEXT_SCANNER_H_
#define WITNESS_SRC_TEXT_SCANNER_H_

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text::internal {

// ASCII letters and digits, for ReadWord's fast path.
inline constexpr uint8_t kLowerBit = 1, kUpperBit = 2, kDigitBit = 4;
inline constexpr auto kAsciiAlnum = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLowerBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpperBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitBit;
  return t;
}();

// ASCII punctuation and symbols: TokenKind + 1 (0 for the rest), by the classes of
// char_class.cc ('%' is a symbol there).
inline constexpr auto kAsciiPunctKind = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0x21; c < 0x7F; ++c) {
    if (kAsciiAlnum[c] == 0) t[c] = static_cast<uint8_t>(TokenKind::kPunct) + 1;
  }
  for (int c : {'$', '%', '+', '<', '=', '>', '^', '`', '|', '~'}) {
    t[c] = static_cast<uint8_t>(TokenKind::kSymbol) + 1;
  }
  return t;
}();

// The longest word in the abbreviation table ("Messrs", "approx").
inline constexpr uint32_t kMaxAbbreviation = 6;

// ASCII bytes that end a word for certain: neither letters, digits, nor the joiners - ' , .
inline constexpr auto kAsciiWordEnd = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x80; ++c) {
    t[c] = kAsciiAlnum[c] == 0 && c != '-' && c != '\'' && c != ',' && c != '.';
  }
  return t;
}();

constexpr Cls AlnumClass(uint8_t bits) {
  return bits == kDigitBit ? Cls::kDigit : bits == kUpperBit ? Cls::kUpper : Cls::kLower;
}

static_assert(std::endian::native == std::endian::little,
              "ScanAsciiAlnum counts bytes from the low end of a loaded word");

// Word-at-a-time classification: the high bit of each byte of the result is set when that
// byte of v is an ASCII letter (letters) or digit (digits). No carries cross bytes: every sum
// below stays under 0x100 because the high bits are cleared first.
struct AlnumBits {
  uint64_t letters, digits;
};
inline AlnumBits ClassifyWord(uint64_t v) {
  constexpr uint64_t k = 0x0101010101010101ULL;
  constexpr uint64_t high = 0x8080808080808080ULL;
  const uint64_t ascii = ~v & high;
  const uint64_t x = v & ~high;
  const uint64_t folded = x | (k * 0x20);
  const uint64_t letters = (folded + k * (0x80 - 'a')) & ~(folded + k * (0x7F - 'z'));
  const uint64_t digits = (x + k * (0x80 - '0')) & ~(x + k * (0x7F - '9'));
  return {letters & ascii & high, digits & ascii & high};
}

struct CharInfo {
  Cls cls;
  uint32_t len;
};

struct TokenRead {
  uint32_t end;
  TokenKind kind;
  AbbrevKind abbrev;  // kNone unless the token is an abbreviation ending with its period
};

class Scanner {
 public:
  Scanner(std::string_view text, uint32_t n, Segmentation* out)
      : s_(reinterpret_cast<const uint8_t*>(text.data())),
        n_(n),
        bmp_(BmpClassTable()),
        out_(out) {}

  void Run();

 private:
  CharInfo At(uint32_t i) const {
    const uint8_t b = s_[i];
    if (b < 0x80) return {bmp_[b], 1};
    const Decoded d = DecodeUtf8(s_ + i, s_ + n_);
    if (d.cp == kInvalidCodePoint) return {Cls::kSymbol, d.len};
    return {ClassOf(bmp_, d.cp), d.len};
  }
  Cls ClassAt(uint32_t i) const { return i < n_ ? At(i).cls : Cls::kSpace; }
  bool IsSpaceAt(uint32_t i) const {
    const uint8_t b = s_[i];
    if (b == ' ') return true;
    if (b < 0x80 && b > ' ') return false;
    return IsSpaceClass(At(i).cls);
  }

  [[gnu::always_inline]] inline uint32_t ScanAsciiAlnum(uint32_t p, uint8_t* seen) const;
  bool HasBlankLine() const;
  uint32_t SkipExtenders(uint32_t p) const;
  TokenRead ReadToken(uint32_t p) const;
  TokenRead ReadWord(uint32_t p) const;
  uint32_t MatchDotted(uint32_t start, uint32_t p) const;
  bool DigitFollows(uint32_t p) const;
  bool ChunkEndsSentence(uint32_t chunk_first, uint32_t next) const;
  bool StartsSentence(uint32_t p) const;
  bool StartsWithFunctionWord(uint32_t p) const;
  void CloseSentence();
  void CloseParagraph();

  const uint8_t* s_;
  uint32_t n_;
  const Cls* bmp_;
  Segmentation* out_;
  uint32_t sentence_first_token_ = 0;
  uint32_t paragraph_first_sentence_ = 0;
  uint32_t last_abbrev_token_ = UINT32_MAX;
  AbbrevKind last_abbrev_ = AbbrevKind::kNone;
};

// The end of the run of ASCII letters and digits at p; ORs kLowerBit (any letter) and kDigitBit
// (any digit) into *seen.
inline uint32_t Scanner::ScanAsciiAlnum(uint32_t p, uint8_t* seen) const {
  uint64_t letters = 0, digits = 0;
  while (p + 8 <= n_) {
    uint64_t v;
    std::memcpy(&v, s_ + p, 8);
    const AlnumBits bits = ClassifyWord(v);
    const uint64_t stop = ~(bits.letters | bits.digits) & 0x8080808080808080ULL;
    if (stop == 0) {
      letters |= bits.letters;
      digits |= bits.digits;
      p += 8;
      continue;
    }
    const int k = std::countr_zero(stop) >> 3;  // alphanumeric bytes before the stop
    const uint64_t keep = k == 0 ? 0 : ~uint64_t{0} >> (64 - 8 * k);
    letters |= bits.letters & keep;
    digits |= bits.digits & keep;
    p += static_cast<uint32_t>(k);
    *seen |= (letters != 0 ? kLowerBit : 0) | (digits != 0 ? kDigitBit : 0);
    return p;
  }
  uint8_t bits = 0, b;
  while (p < n_ && (b = kAsciiAlnum[s_[p]]) != 0) {
    bits |= b;
    ++p;
  }
  *seen |= (letters != 0 || (bits & (kLowerBit | kUpperBit)) ? kLowerBit : 0) |
           (digits != 0 || (bits & kDigitBit) ? kDigitBit : 0);
  return p;
}

}  // namespace witness::text::internal

#endif  // WITNESS_SRC_TEXT_SCANNER_H_
