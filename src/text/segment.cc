// Segment(): one pass over the text that cuts paragraphs, sentences and tokens together.
//
// The scanner alternates between a run of whitespace and a "chunk" (a maximal run of
// non-space characters, read as one or more tokens). At each run of whitespace it decides,
// from the line breaks inside it, whether a paragraph ends there, and otherwise, from the end of
// the chunk before and the character after, whether a sentence ends there. So a sentence or
// paragraph boundary always falls between tokens, and tokens never cross either.
//
// Characters are classified by char_class.h (one table lookup for ASCII and the BMP).
// Abbreviations come from abbreviations.cc; function words after ambiguous abbreviations from
// stopwords.cc.
#include <array>
#include <bit>
#include <cstring>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/stopwords.h"
#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text {
namespace {

using internal::AbbrevKind;
using internal::Cls;

// ASCII letters and digits, for ReadWord's fast path.
constexpr uint8_t kLowerBit = 1, kUpperBit = 2, kDigitBit = 4;
constexpr auto kAsciiAlnum = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLowerBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpperBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitBit;
  return t;
}();

// ASCII punctuation and symbols: TokenKind + 1 (0 for the rest), by the classes of
// char_class.cc ('%' is a symbol there).
constexpr auto kAsciiPunctKind = [] {
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
constexpr uint32_t kMaxAbbreviation = 6;

// ASCII bytes that end a word for certain: neither letters, digits, nor the joiners - ' , .
constexpr auto kAsciiWordEnd = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x80; ++c) {
    t[c] = kAsciiAlnum[c] == 0 && c != '-' && c != '\'' && c != ',' && c != '.';
  }
  return t;
}();

constexpr Cls AlnumClass(uint8_t bits) {
  return bits == kDigitBit ? Cls::kDigit : bits == kUpperBit ? Cls::kUpper : Cls::kLower;
}

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
        bmp_(internal::BmpClassTable()),
        out_(out) {}

  void Run();

 private:
  CharInfo At(uint32_t i) const {
    const uint8_t b = s_[i];
    if (b < 0x80) return {bmp_[b], 1};
    const internal::Decoded d = internal::DecodeUtf8(s_ + i, s_ + n_);
    if (d.cp == internal::kInvalidCodePoint) return {Cls::kSymbol, d.len};
    return {internal::ClassOf(bmp_, d.cp), d.len};
  }
  Cls ClassAt(uint32_t i) const { return i < n_ ? At(i).cls : Cls::kSpace; }
  bool IsSpaceAt(uint32_t i) const {
    const uint8_t b = s_[i];
    if (b == ' ') return true;
    if (b < 0x80 && b > ' ') return false;
    return internal::IsSpaceClass(At(i).cls);
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

// True when some line between two non-space characters holds only whitespace. Such a text
// separates paragraphs by blank lines; any other text has one paragraph per line.
bool Scanner::HasBlankLine() const {
  uint32_t p = 0;
  while (p < n_ && IsSpaceAt(p)) p += At(p).len;  // blank lines before the text do not count
  while (p < n_) {
    const void* nl = std::memchr(s_ + p, '\n', n_ - p);
    // Other line breaks are rare; look for them only up to the next LF.
    const uint32_t stop = nl ? static_cast<uint32_t>(static_cast<const uint8_t*>(nl) - s_) : n_;
    uint32_t q = p;
    while (q < stop) {
      const uint8_t b = s_[q];
      if (b == '\r' || b == '\v' || b == '\f' || b == 0xC2 || b == 0xE2) {
        const CharInfo c = At(q);
        if (c.cls == Cls::kLineBreak) break;
        q += c.len;
      } else {
        ++q;
      }
    }
    if (q >= n_) return false;
    // A line break at q: is the next line blank?
    uint32_t r = q + At(q).len;
    if (s_[q] == '\r' && r < n_ && s_[r] == '\n') ++r;
    bool blank = false;
    while (r < n_) {
      const CharInfo c = At(r);
      if (c.cls == Cls::kLineBreak || c.cls == Cls::kParaBreak) {
        blank = true;
      } else if (c.cls != Cls::kSpace) {
        if (blank) return true;  // text follows the blank line
        break;
      }
      r += c.len;
    }
    p = r;
  }
  return false;
}

// Skips the marks and format characters that extend the character before p.
uint32_t Scanner::SkipExtenders(uint32_t p) const {
  while (p < n_ && s_[p] >= 0x80) {
    const CharInfo c = At(p);
    if (c.cls != Cls::kMark && c.cls != Cls::kFormat) break;
    p += c.len;
  }
  return p;
}

TokenRead Scanner::ReadToken(uint32_t p) const {
  const CharInfo c = At(p);
  switch (c.cls) {
    case Cls::kUpper:
    case Cls::kLower:
    case Cls::kLetter:
    case Cls::kMark:
    case Cls::kDigit:
      return ReadWord(p);
    case Cls::kIdeo:
      return {SkipExtenders(p + c.len), TokenKind::kWord, AbbrevKind::kNone};
    case Cls::kSymbol: {
      // An emoji ZWJ sequence (symbol ZWJ symbol ...) stays one token.
      uint32_t end = SkipExtenders(p + c.len);
      while (end < n_ && end >= 3 && s_[end - 3] == 0xE2 && s_[end - 2] == 0x80 &&
             s_[end - 1] == 0x8D && ClassAt(end) == Cls::kSymbol) {
        end = SkipExtenders(end + At(end).len);
      }
      return {end, TokenKind::kSymbol, AbbrevKind::kNone};
    }
    case Cls::kFormat:
      return {SkipExtenders(p + c.len), TokenKind::kSymbol, AbbrevKind::kNone};
    default:  // punctuation
      return {SkipExtenders(p + c.len), TokenKind::kPunct, AbbrevKind::kNone};
  }
}

// True when the first non-space character at or after p is a digit.
bool Scanner::DigitFollows(uint32_t p) const {
  while (p < n_) {
    const CharInfo c = At(p);
    if (c.cls == Cls::kDigit) return true;
    if (c.cls != Cls::kSpace && c.cls != Cls::kLineBreak) return false;
    p += c.len;
  }
  return false;
}

// A dotted initialism starting at `start`, whose first group of letters ends at p (a period):
// groups of one or two letters, each followed by a period ("U.S.", "e.g.", "Ph.D."). Returns the
// end of the match (after the last period), or 0 when fewer than two groups match. A final group
// without its period is accepted when every group is a single upper-case letter ("U.S").
uint32_t Scanner::MatchDotted(uint32_t start, uint32_t p) const {
  uint32_t groups = 0;
  bool single_upper = true;
  {
    // The first group: [start, p).
    uint32_t q = start, letters = 0;
    while (q < p) {
      const CharInfo c = At(q);
      if (c.cls != Cls::kMark) {
        ++letters;
        if (c.cls != Cls::kUpper) single_upper = false;
      }
      q += c.len;
    }
    if (letters > 1) single_upper = false;
  }
  uint32_t end = 0;
  while (p < n_ && s_[p] == '.') {
    ++groups;
    end = p + 1;
    // The next group of letters.
    uint32_t q = p + 1, letters = 0;
    bool group_upper = true;
    while (q < n_) {
      const CharInfo c = At(q);
      if (c.cls == Cls::kUpper || c.cls == Cls::kLower || c.cls == Cls::kLetter) {
        if (c.cls != Cls::kUpper) group_upper = false;
        ++letters;
      } else if (c.cls != Cls::kMark || letters == 0) {
        break;
      }
      q += c.len;
    }
    if (letters == 0 || letters > 2) break;
    const bool next_is_period = q < n_ && s_[q] == '.';
    if (!next_is_period) {
      // "U.S" without its final period: only for single capitals, and only before a non-word.
      if (single_upper && group_upper && letters == 1 && groups >= 1 &&
          !internal::IsWordContinue(ClassAt(q))) {
        return q;
      }
      break;
    }
    if (letters > 1 || !group_upper) single_upper = false;
    p = q;
  }
  return groups >= 2 ? end : 0;
}

// A word or number starting at p: letters, marks, digits, format characters, joined across
// internal apostrophes and hyphens, number separators and abbreviation periods.
TokenRead Scanner::ReadWord(uint32_t start) const {
  uint32_t p = start;
  bool has_letter = false;
  bool has_digit = false;
  bool plain = true;        // letters (and marks) only so far: may be an abbreviation
  uint32_t chars = 0;       // base characters (not marks) so far
  Cls first = Cls::kSymbol;
  Cls prev = Cls::kSymbol;  // class of the last base character
  while (p < n_) {
    // Fast path: a run of ASCII letters and digits.
    uint8_t seen = 0;
    const uint32_t run = ScanAsciiAlnum(p, &seen);
    if (run > p) {
      if (chars == 0) first = AlnumClass(kAsciiAlnum[s_[p]]);
      chars += run - p;
      prev = AlnumClass(kAsciiAlnum[s_[run - 1]]);
      has_letter |= (seen & kLowerBit) != 0;
      if (seen & kDigitBit) {
        has_digit = true;
        plain = false;
      }
      p = run;
      if (p >= n_ || kAsciiWordEnd[s_[p]]) break;
    }
    const CharInfo c = At(p);
    switch (c.cls) {
      case Cls::kUpper:
      case Cls::kLower:
      case Cls::kLetter:
        has_letter = true;
        if (chars++ == 0) first = c.cls;
        prev = c.cls;
        p += c.len;
        continue;
      case Cls::kDigit:
        has_digit = true;
        plain = false;
        if (chars++ == 0) first = c.cls;
        prev = c.cls;
        p += c.len;
        continue;
      case Cls::kMark:
      case Cls::kFormat:
        if (chars == 0) prev = Cls::kLetter;  // a word may start with a mark
        p += c.len;
        continue;
      default:
        break;
    }
    if (c.cls != Cls::kHyphen && c.cls != Cls::kApos && c.cls != Cls::kRsquo &&
        c.cls != Cls::kComma && c.cls != Cls::kPeriod) {
      break;
    }
    if (!internal::IsLetterClass(prev) && prev != Cls::kDigit) break;
    const uint32_t q = p + c.len;
    const Cls next = ClassAt(q);
    const bool next_letter = next == Cls::kUpper || next == Cls::kLower || next == Cls::kLetter;
    if (c.cls == Cls::kHyphen) {
      // "Kassym-Jomart", "COVID-19", "10-year-old"; not "1990-1995".
      if ((next_letter || next == Cls::kDigit) && (next_letter || prev != Cls::kDigit)) {
        plain = false;
        prev = Cls::kHyphen;
        p = q;
        continue;
      }
      break;
    }
    if (c.cls == Cls::kApos || c.cls == Cls::kRsquo) {
      if (next_letter) {  // "don't", "Russia's", "d'état"
        plain = false;
        prev = c.cls;
        p = q;
        continue;
      }
      break;
    }
    if (c.cls == Cls::kComma) {
      // Thousands separators: exactly three digits follow ("8,000", "1,000,000").
      if (has_letter || prev != Cls::kDigit) break;
      uint32_t r = q, digits = 0;
      while (r < n_ && digits < 4 && ClassAt(r) == Cls::kDigit) {
        r += At(r).len;
        ++digits;
      }
      if (digits != 3) break;
      p = r;
      continue;
    }
    if (c.cls == Cls::kPeriod) {
      if (prev == Cls::kDigit && next == Cls::kDigit) {  // "19.5", "v1.2"
        plain = false;
        prev = Cls::kPeriod;
        p = q;
        continue;
      }
      if (!plain) break;
      if (chars <= 2) {
        const uint32_t end = MatchDotted(start, p);
        if (end != 0) {
          // Without its final period ("U.S") it is a plain word that cannot end a sentence.
          AbbrevKind kind = AbbrevKind::kNone;
          if (s_[end - 1] == '.') {
            kind = internal::LookupAbbreviation(std::string_view(
                reinterpret_cast<const char*>(s_ + start), end - 1 - start));
            if (kind == AbbrevKind::kNone) kind = AbbrevKind::kSuffix;
          }
          // "U.S.-led", "U.K.'s": a hyphen or apostrophe may continue the word.
          if (end < n_) {
            const CharInfo j = At(end);
            const Cls after = ClassAt(end + j.len);
            const bool after_letter =
                after == Cls::kUpper || after == Cls::kLower || after == Cls::kLetter;
            if ((j.cls == Cls::kHyphen && (after_letter || after == Cls::kDigit)) ||
                ((j.cls == Cls::kApos || j.cls == Cls::kRsquo) && after_letter)) {
              plain = false;
              prev = j.cls;
              p = end + j.len;
              has_letter = true;
              continue;
            }
          }
          return {end, TokenKind::kWord, kind};
        }
      }
      const std::string_view word(reinterpret_cast<const char*>(s_ + start), p - start);
      AbbrevKind kind = internal::LookupAbbreviation(word);
      if (kind == AbbrevKind::kNone && word.size() >= 2 && word.size() <= 6) {
        // An all-capitals form of a table entry, as in datelines: "ST. LOUIS", "MR. SMITH".
        char title[6];
        bool caps = true;
        for (size_t k = 0; k < word.size(); ++k) {
          const char ch = word[k];
          caps = caps && ch >= 'A' && ch <= 'Z';
          title[k] = k == 0 ? ch : static_cast<char>(ch | 0x20);
        }
        if (caps) kind = internal::LookupAbbreviation(std::string_view(title, word.size()));
      }
      if (kind == AbbrevKind::kBeforeDigit) {
        if (!DigitFollows(q)) break;
        kind = AbbrevKind::kTitle;
      }
      if (kind == AbbrevKind::kNone && chars == 1 && first == Cls::kUpper) {
        kind = AbbrevKind::kSuffix;  // an initial: "J. Smith"
      }
      if (kind == AbbrevKind::kNone) break;
      return {q, TokenKind::kWord, kind};
    }
    break;
  }
  const TokenKind kind = has_letter || !has_digit ? TokenKind::kWord : TokenKind::kNumber;
  return {p, kind, AbbrevKind::kNone};
}

// After a terminator: does the text at p (after whitespace) start a new sentence?
bool Scanner::StartsSentence(uint32_t p) const {
  switch (At(p).cls) {
    case Cls::kUpper:
    case Cls::kLetter:  // caseless scripts
    case Cls::kIdeo:
    case Cls::kDigit:
    case Cls::kOpen:
    case Cls::kApos:
    case Cls::kDquote:
      return true;
    default:
      return false;
  }
}

// After an ambiguous abbreviation ("Inc.", "U.S.", "etc."): does a capitalised function word
// ("The", "He", "But", "It's") follow, possibly after opening quotes or brackets?
bool Scanner::StartsWithFunctionWord(uint32_t p) const {
  while (p < n_ && internal::IsOpener(At(p).cls)) p += At(p).len;
  if (p >= n_ || s_[p] < 'A' || s_[p] > 'Z') return false;
  char word[12];
  size_t len = 0;
  while (p < n_ && len < sizeof word) {
    const uint8_t b = s_[p];
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      word[len++] = static_cast<char>(b | 0x20);
      ++p;
    } else if (b == '\'' || (b == 0xE2 && p + 2 < n_ && s_[p + 1] == 0x80 && s_[p + 2] == 0x99)) {
      word[len++] = '\'';
      p += b == '\'' ? 1 : 3;
    } else {
      break;
    }
  }
  if (len == sizeof word || (p < n_ && internal::IsWordContinue(At(p).cls))) return false;
  return internal::IsEnglishStopword(std::string_view(word, len));
}

// Does the chunk whose tokens start at chunk_first end a sentence, given that the next chunk
// starts at `next` after whitespace within the paragraph?
bool Scanner::ChunkEndsSentence(uint32_t chunk_first, uint32_t next) const {
  const std::vector<Token>& tokens = out_->tokens;
  uint32_t t = static_cast<uint32_t>(tokens.size());
  // Closing quotes and brackets after the terminator stay in the sentence.
  while (t > chunk_first && tokens[t - 1].kind == TokenKind::kPunct &&
         internal::IsCloser(At(tokens[t - 1].span.begin).cls)) {
    --t;
  }
  if (t == chunk_first) return false;
  const uint32_t last = t - 1;
  if (last == last_abbrev_token_) {
    if (last_abbrev_ != AbbrevKind::kSuffix) return false;  // "Mr.", "e.g.", "No. 10"
    return StartsWithFunctionWord(next);
  }
  if (tokens[last].kind != TokenKind::kPunct) return false;
  const Cls c = At(tokens[last].span.begin).cls;
  if (c != Cls::kPeriod && c != Cls::kTerm) return false;
  return StartsSentence(next);
}

void Scanner::CloseSentence() {
  std::vector<Token>& tokens = out_->tokens;
  const uint32_t count = static_cast<uint32_t>(tokens.size()) - sentence_first_token_;
  if (count == 0) return;
  out_->sentences.push_back(
      {{tokens[sentence_first_token_].span.begin, tokens.back().span.end},
       sentence_first_token_,
       count});
  sentence_first_token_ = static_cast<uint32_t>(tokens.size());
}

void Scanner::CloseParagraph() {
  std::vector<Sentence>& sentences = out_->sentences;
  const uint32_t count = static_cast<uint32_t>(sentences.size()) - paragraph_first_sentence_;
  if (count == 0) return;
  out_->paragraphs.push_back(
      {{sentences[paragraph_first_sentence_].span.begin, sentences.back().span.end},
       paragraph_first_sentence_,
       count});
  paragraph_first_sentence_ = static_cast<uint32_t>(sentences.size());
}

void Scanner::Run() {
  const uint32_t breaks_for_paragraph = HasBlankLine() ? 2 : 1;
  std::vector<Token>& tokens = out_->tokens;
  uint32_t p = 0;
  uint32_t chunk_first = 0;
  bool chunk_ends_in_word = false;  // a plain word, which never ends a sentence
  while (true) {
    // Whitespace: count line breaks (CRLF is one).
    const uint32_t ws_begin = p;
    uint32_t breaks = 0;
    bool paragraph_separator = false;
    while (p < n_) {
      const uint8_t b = s_[p];
      if (b == ' ') {
        ++p;
        continue;
      }
      if (b == '\n') {
        if (p == 0 || s_[p - 1] != '\r') ++breaks;
        ++p;
        continue;
      }
      if (b < 0x80 && b > ' ') break;
      const CharInfo c = At(p);
      if (c.cls == Cls::kLineBreak) {
        ++breaks;
      } else if (c.cls == Cls::kParaBreak) {
        paragraph_separator = true;
      } else if (c.cls != Cls::kSpace) {
        break;
      }
      p += c.len;
    }
    if (tokens.size() > sentence_first_token_) {
      if (p >= n_ || paragraph_separator || breaks >= breaks_for_paragraph) {
        CloseSentence();
        CloseParagraph();
      } else if (!chunk_ends_in_word && p > ws_begin && ChunkEndsSentence(chunk_first, p)) {
        CloseSentence();
      }
    }
    if (p >= n_) break;
    // A chunk: tokens up to the next whitespace.
    chunk_first = static_cast<uint32_t>(tokens.size());
    while (true) {
      const uint8_t b = s_[p];
      chunk_ends_in_word = false;
      if (kAsciiAlnum[b] != 0) {
        // The common case: ASCII letters and digits up to a byte that cannot continue them.
        uint8_t seen = 0;
        const uint32_t end = ScanAsciiAlnum(p, &seen);
        bool done = end >= n_ || kAsciiWordEnd[s_[end]];
        if (!done && (s_[end] == ',' || s_[end] == '.')) {
          // A comma or period ends the word unless a digit follows ("8,000", "19.5"), or, for
          // a period, the word could be an abbreviation (letters only, at most six of them).
          const bool digit_follows = end + 1 < n_ && kAsciiAlnum[s_[end + 1]] == kDigitBit;
          done = !digit_follows &&
                 (s_[end] == ',' || (seen & kDigitBit) != 0 || end - p > kMaxAbbreviation);
        }
        if (done) {
          tokens.push_back({{p, end}, seen & kLowerBit ? TokenKind::kWord : TokenKind::kNumber});
          p = end;
          chunk_ends_in_word = true;
          if (p >= n_ || s_[p] == ' ' || IsSpaceAt(p)) break;
          continue;
        }
      } else if (kAsciiPunctKind[b] != 0 && (p + 1 >= n_ || s_[p + 1] < 0x80)) {
        // ASCII punctuation or symbol not followed by a combining mark: one byte.
        tokens.push_back({{p, p + 1}, static_cast<TokenKind>(kAsciiPunctKind[b] - 1)});
        ++p;
        if (p >= n_ || s_[p] == ' ' || IsSpaceAt(p)) break;
        continue;
      }
      const TokenRead t = kAsciiAlnum[b] != 0 ? ReadWord(p) : ReadToken(p);
      if (t.abbrev != AbbrevKind::kNone) {
        last_abbrev_token_ = static_cast<uint32_t>(tokens.size());
        last_abbrev_ = t.abbrev;
      }
      tokens.push_back({{p, t.end}, t.kind});
      p = t.end;
      if (p >= n_ || IsSpaceAt(p)) break;
    }
  }
  CloseSentence();
  CloseParagraph();
}

}  // namespace

uint32_t Segmentation::WordCount() const {
  uint32_t count = 0;
  for (const Token& t : tokens) {
    count += t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
  }
  return count;
}

Segmentation Segment(std::string_view text) {
  Segmentation seg;
  size_t n = text.size();
  if (n > UINT32_MAX) {  // spans are 32-bit: segment the first 4 GiB, cut at a character start
    n = UINT32_MAX;
    while (n > 0 && (static_cast<uint8_t>(text[n]) & 0xC0) == 0x80) --n;
  }
  seg.tokens.reserve(n / 3 + 16);  // news averages one token per 5.4 bytes
  seg.sentences.reserve(n / 100 + 2);
  seg.paragraphs.reserve(n / 400 + 2);
  Scanner(text, static_cast<uint32_t>(n), &seg).Run();
  return seg;
}

}  // namespace witness::text
