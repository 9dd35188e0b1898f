// src/compare/numbers_lexer.h: a light tokenizer for number recognition and figure context.
//
// Tokens: words (runs of letters: ASCII letters, other letters and marks), digit runs (ASCII
// digits only), single symbols (every other non-space character), and opaque tokens covering a
// URL or an e-mail address (nothing inside them is read). Each token knows the whitespace
// before it. The lexer never fails: invalid UTF-8 bytes become U+FFFD symbols of one byte.
#ifndef WITNESS_SRC_COMPARE_NUMBERS_LEXER_H_
#define WITNESS_SRC_COMPARE_NUMBERS_LEXER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "compare/numbers_lexicon.h"

namespace witness::figures::internal {

enum class TokType : uint8_t { kWord, kDigits, kSym, kOpaque };

// Whitespace before a token.
enum Gap : uint8_t { kGlued = 0, kSpace = 1, kLine = 2, kBlank = 3 };

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokType type = TokType::kSym;
  uint8_t gap = kBlank;
  bool upper = false;              // kWord: starts with an upper-case ASCII letter
  bool all_upper = false;          // kWord: ASCII upper case only, 2+ letters ("USD")
  char32_t cp = 0;                 // kSym: the code point
  const WordInfo* info = nullptr;  // kWord: the lexicon entry (kUnknown when not listed)

  W id() const { return info != nullptr ? info->id : W::kUnknown; }
  bool IsWord() const { return type == TokType::kWord; }
  bool IsSym(char32_t c) const { return type == TokType::kSym && cp == c; }
  uint32_t size() const { return end - begin; }
};

// Tokenizes `text`. Appends to *out (cleared first).
void Lex(std::string_view text, std::vector<Tok>* out);

// Dashes and hyphens: '-', U+2010, U+2011, U+2012, U+2013 (en), U+2014 (em), U+2212 (minus).
inline bool IsDashCp(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2014) || c == 0x2212; }
// Characters that may separate the two bounds of a dash range.
inline bool IsRangeDashCp(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014;
}

}  // namespace witness::figures::internal

#endif  // WITNESS_SRC_COMPARE_NUMBERS_LEXER_H_
