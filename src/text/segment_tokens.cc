// Reading one token: words and numbers with their joins (apostrophes, hyphens, number
// separators, abbreviation periods), punctuation, symbols and ideographs. See scanner.h.
#include "text/scanner.h"

namespace witness::text::internal {

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
          !IsWordContinue(ClassAt(q))) {
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
  bool plain = true;   // letters (and marks) only so far: may be an abbreviation
  uint32_t chars = 0;  // base characters (not marks) so far
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
    if (!IsLetterClass(prev) && prev != Cls::kDigit) break;
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
            kind = LookupAbbreviation(
                std::string_view(reinterpret_cast<const char*>(s_ + start), end - 1 - start));
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
      AbbrevKind kind = LookupAbbreviation(word);
      if (kind == AbbrevKind::kNone && word.size() >= 2 && word.size() <= 6) {
        // An all-capitals form of a table entry, as in datelines: "ST. LOUIS", "MR. SMITH".
        char title[6];
        bool caps = true;
        for (size_t k = 0; k < word.size(); ++k) {
          const char ch = word[k];
          caps = caps && ch >= 'A' && ch <= 'Z';
          title[k] = k == 0 ? ch : static_cast<char>(ch | 0x20);
        }
        if (caps) kind = LookupAbbreviation(std::string_view(title, word.size()));
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

}  // namespace witness::text::internal
