// BuildDoc: the per-token facts of quote_doc.h, in one pass over the tokens.
#include "compare/quote_doc.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace witness::quotes::internal {
namespace {

inline char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const text::internal::Decoded d = text::internal::DecodeUtf8(p, p + s.size());
  return d.cp == text::internal::kInvalidCodePoint ? 0 : d.cp;
}

inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

// Case facts of a word: all caps (2+ letters, none lower), hyphenated with a lower-case part.
void CaseFacts(std::string_view w, uint16_t* flags) {
  int upper = 0, lower = 0;
  bool after_hyphen = false, hyphen_lower = false;
  const auto* p = reinterpret_cast<const uint8_t*>(w.data());
  const auto* end = p + w.size();
  while (p < end) {
    const text::internal::Decoded d = text::internal::DecodeUtf8(p, end);
    const char32_t c = d.cp;
    p += d.len;
    if (c == '-' || c == 0x2010 || c == 0x2011) {
      after_hyphen = true;
      continue;
    }
    if (IsUpper(c)) {
      ++upper;
    } else if (IsLower(c)) {
      ++lower;
      if (after_hyphen) hyphen_lower = true;
    }
    after_hyphen = false;
  }
  if (upper >= 2 && lower == 0) *flags |= kAllCaps;
  if (hyphen_lower) *flags |= kHyphenLower;
}

}  // namespace

char32_t Doc::Punct(uint32_t t) const {
  const Tok& k = toks[t];
  if (k.kind != text::TokenKind::kPunct && k.kind != text::TokenKind::kSymbol) return 0;
  return FirstCodePoint(k.span.in(text));
}

void BuildDoc(std::string_view text, const text::Segmentation& seg, Doc* doc) {
  doc->text = text;
  doc->seg = &seg;
  doc->toks.assign(seg.tokens.size(), Tok{});
  for (uint32_t p = 0; p < seg.paragraphs.size(); ++p) {
    const text::Paragraph& para = seg.paragraphs[p];
    for (uint32_t s = para.first_sentence; s < para.first_sentence + para.sentence_count; ++s) {
      const text::Sentence& sent = seg.sentences[s];
      for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
        doc->toks[t].sentence = s;
        doc->toks[t].paragraph = p;
      }
      if (sent.token_count > 0) doc->toks[sent.first_token].flags |= kSentStart;
    }
  }
  char buf[32];
  for (uint32_t t = 0; t < seg.tokens.size(); ++t) {
    Tok& k = doc->toks[t];
    k.span = seg.tokens[t].span;
    k.kind = seg.tokens[t].kind;
    const std::string_view w = k.span.in(text);
    if (k.kind == text::TokenKind::kWord) {
      k.flags |= kWord;
      const char32_t c = FirstCodePoint(w);
      if (IsUpper(c)) {
        k.flags |= kCapital;
        CaseFacts(w, &k.flags);
        if (w.size() == 1 && t + 1 < seg.tokens.size() && text.size() > k.span.end &&
            text[k.span.end] == '.') {
          k.flags |= kInitial;
        }
      } else if (IsLower(c)) {
        k.flags |= kLowerStart;
        if (w.find('-') != std::string_view::npos) k.flags |= kHyphenLower;
      }
      if (w.size() >= 3) {
        const std::string_view tail2 = w.substr(w.size() - 2);
        if (tail2 == "'s" || tail2 == "'S" ||
            (w.size() >= 5 && (w.substr(w.size() - 4) == "\xE2\x80\x99s"))) {
          k.flags |= kPossessive;
        }
      }
      const char first = w[0] >= 'A' && w[0] <= 'Z' ? static_cast<char>(w[0] + 32) : w[0];
      // Words with a curly apostrophe are one byte longer in the table ("don’t" -> "don't").
      if (MaybeWord(first, w.size()) || MaybeWord(first, w.size() - 2)) {
        const std::string_view lower = LowerAscii(w, buf, sizeof(buf));
        if (!lower.empty()) k.lex = Lookup(lower);
      }
    } else if (k.kind == text::TokenKind::kPunct || k.kind == text::TokenKind::kSymbol) {
      switch (doc->Punct(t)) {
        case ',':
          k.flags |= kComma;
          break;
        case ':':
        case ';':
          k.flags |= kColon;
          break;
        case '.':
        case '!':
        case '?':
        case 0x2026:
          k.flags |= kTerminal;
          break;
        case '-':
        case 0x2013:
        case 0x2014:
        case 0x2015:
          k.flags |= kDashPunct;
          break;
        case '(':
        case '[':
          k.flags |= kOpenParen;
          break;
        case ')':
        case ']':
          k.flags |= kCloseParen;
          break;
        case '&':
          k.lex = Lookup("&");
          break;
        default:
          break;
      }
    }
  }
}

}  // namespace witness::quotes::internal
