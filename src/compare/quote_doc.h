// src/compare/quote_doc.h: one document as quote and entity extraction see it.
//
// Doc wraps the text and its segmentation with per-token facts computed once: the lexicon
// entry of the lower-cased word, capitalisation, which sentence and paragraph the token is
// in, and the quote-mark role (quote_marks.cc fills it).
#ifndef WITNESS_SRC_COMPARE_QUOTE_DOC_H_
#define WITNESS_SRC_COMPARE_QUOTE_DOC_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "compare/speaker_lexicon.h"
#include "witness/text.h"

namespace witness::quotes::internal {

enum TokFlag : uint16_t {
  kWord = 1,           // a word token (letters)
  kCapital = 2,        // first letter upper case
  kAllCaps = 4,        // two or more letters, none lower case
  kLowerStart = 8,     // first letter lower case
  kPossessive = 16,    // ends with 's or ’s or s' ("Russia's", "Tokayev’s")
  kSentStart = 32,     // first token of its sentence
  kHyphenLower = 64,   // hyphenated with a lower-case part after the first ("Russian-led")
  kInitial = 128,      // one capital letter followed by "." ("J. Smith")
  kComma = 256,        // ","
  kColon = 512,        // ":"
  kTerminal = 1024,    // . ! ? …
  kDashPunct = 2048,   // - – —
  kOpenParen = 4096,   // ( [
  kCloseParen = 8192,  // ) ]
};

struct Tok {
  text::Span span;
  uint16_t flags = 0;
  text::TokenKind kind = text::TokenKind::kWord;
  const LexEntry* lex = nullptr;  // nullptr when the word is in no table
  uint32_t sentence = 0;
  uint32_t paragraph = 0;

  bool Is(uint32_t cat) const { return lex != nullptr && (lex->cats & cat) != 0; }
  bool Has(uint16_t f) const { return (flags & f) != 0; }
};

struct Doc {
  std::string_view text;
  const text::Segmentation* seg = nullptr;
  std::vector<Tok> toks;

  std::string_view Str(uint32_t t) const { return toks[t].span.in(text); }
  std::string_view Str(uint32_t first, uint32_t last) const {  // tokens [first, last]
    return text.substr(toks[first].span.begin, toks[last].span.end - toks[first].span.begin);
  }
  uint32_t SentFirst(uint32_t t) const { return seg->sentences[toks[t].sentence].first_token; }
  uint32_t SentEnd(uint32_t t) const {  // one past the last token of t's sentence
    const auto& s = seg->sentences[toks[t].sentence];
    return s.first_token + s.token_count;
  }
  // The single character of a punctuation token, or 0 (multi-byte characters as code points).
  char32_t Punct(uint32_t t) const;
};

// Builds the token table. `text` must outlive the Doc.
void BuildDoc(std::string_view text, const text::Segmentation& seg, Doc* doc);

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_QUOTE_DOC_H_
