// src/text/char_class.h: the character classes the segmenter works with.
//
// ASCII characters are classified by a constant table; other BMP code points by a 64 KiB table
// filled once from ICU's character properties; supplementary code points by asking ICU.
#ifndef WITNESS_SRC_TEXT_CHAR_CLASS_H_
#define WITNESS_SRC_TEXT_CHAR_CLASS_H_

#include <cstdint>

namespace witness::text::internal {

enum class Cls : uint8_t {
  kSymbol = 0,  // S*, No, Cc, Co, Cn, percent signs, and anything unclassifiable
  kSpace,       // White_Space except line breaks, plus U+200B ZERO WIDTH SPACE and U+FEFF BOM
  kLineBreak,   // LF, CR, VT, FF, U+0085 NEL, U+2028 LINE SEPARATOR
  kParaBreak,   // U+2029 PARAGRAPH SEPARATOR: always ends a paragraph
  kUpper,       // Lu, Lt
  kLower,       // Ll
  kLetter,      // Lm, Lo, Nl (caseless letters) except the next
  kIdeo,        // Han ideographs and Hiragana: each is a word token of its own
  kMark,        // Mn, Mc, Me: extend the token before them
  kFormat,      // Cf (ZWJ, soft hyphen, bidi marks...): extend the token before them
  kDigit,       // Nd
  kPeriod,      // .
  kTerm,        // ! ? and U+2026 HORIZONTAL ELLIPSIS, U+203C, U+2047..U+2049, fullwidth ! ?
  kComma,       // ,
  kHyphen,      // - U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN: may join words
  kApos,        // ' : apostrophe inside words, otherwise an opening or closing quote
  kRsquo,       // U+2019: apostrophe inside words, otherwise a closing quote
  kDquote,      // " : opening or closing quote
  kOpen,        // Ps, Pi: opening brackets and quotes
  kClose,       // Pe, Pf: closing brackets and quotes
  kPunct,       // other punctuation (Pc, Pd, Po)
};

// The BMP table (built on first use; thread-safe).
const Cls* BmpClassTable();

// Classification of any code point (slow path for supplementary planes).
Cls ClassifyCodePoint(char32_t c);

inline Cls ClassOf(const Cls* bmp, char32_t c) {
  return c < 0x10000 ? bmp[c] : ClassifyCodePoint(c);
}

inline bool IsSpaceClass(Cls c) {
  return c == Cls::kSpace || c == Cls::kLineBreak || c == Cls::kParaBreak;
}
inline bool IsLetterClass(Cls c) {
  return c == Cls::kUpper || c == Cls::kLower || c == Cls::kLetter || c == Cls::kIdeo;
}
// Characters that continue a word or number: letters (not ideographs), marks, format, digits.
inline bool IsWordContinue(Cls c) {
  return c == Cls::kUpper || c == Cls::kLower || c == Cls::kLetter || c == Cls::kMark ||
         c == Cls::kFormat || c == Cls::kDigit;
}
inline bool IsPunctClass(Cls c) { return c >= Cls::kPeriod && c <= Cls::kPunct; }
inline bool IsCloser(Cls c) {
  return c == Cls::kClose || c == Cls::kApos || c == Cls::kRsquo || c == Cls::kDquote;
}
inline bool IsOpener(Cls c) { return c == Cls::kOpen || c == Cls::kApos || c == Cls::kDquote; }

}  // namespace witness::text::internal

#endif  // WITNESS_SRC_TEXT_CHAR_CLASS_H_
