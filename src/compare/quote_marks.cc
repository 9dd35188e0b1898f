// FindQuotations: one pass over the punctuation tokens of each paragraph with a small stack
// of open marks. Linear in the text: each mark is pushed and popped at most once, and a
// closer searches at most kMaxDepth entries.
#include "compare/quote_marks.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace witness::quotes::internal {
namespace {

constexpr size_t kMaxDepth = 32;  // deeper nesting is noise: further openers are ignored

// What a quote character may do.
enum MarkType : uint8_t {
  kNotMark = 0,
  kStraightDouble,  // "
  kLeftDouble,      // “ ‟ 〝
  kRightDouble,     // ”
  kLowDouble,       // „
  kStraightSingle,  // '
  kLeftSingle,      // ‘ ‛
  kRightSingle,     // ’
  kLowSingle,       // ‚
  kLeftGuillemet,   // « ‹
  kRightGuillemet,  // » ›
};

MarkType TypeOf(char32_t c) {
  switch (c) {
    case '"':
      return kStraightDouble;
    case 0x201C:
    case 0x201F:
    case 0x301D:
      return kLeftDouble;
    case 0x201D:
    case 0x301E:
      return kRightDouble;
    case 0x201E:
      return kLowDouble;
    case '\'':
      return kStraightSingle;
    case 0x2018:
    case 0x201B:
      return kLeftSingle;
    case 0x2019:
      return kRightSingle;
    case 0x201A:
      return kLowSingle;
    case 0x00AB:
    case 0x2039:
      return kLeftGuillemet;
    case 0x00BB:
    case 0x203A:
      return kRightGuillemet;
    default:
      return kNotMark;
  }
}

MarkFamily FamilyOf(MarkType t) {
  switch (t) {
    case kStraightSingle:
    case kLeftSingle:
    case kRightSingle:
    case kLowSingle:
      return MarkFamily::kSingle;
    case kLeftGuillemet:
    case kRightGuillemet:
      return MarkFamily::kGuillemet;
    default:
      return MarkFamily::kDouble;
  }
}

// The code point before byte offset `i` (0 when i is at `floor`).
char32_t CodePointBefore(std::string_view text, uint32_t i, uint32_t floor) {
  if (i <= floor) return 0;
  uint32_t b = i - 1;
  while (b > floor && (static_cast<uint8_t>(text[b]) & 0xC0) == 0x80 && i - b < 4) --b;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const text::internal::Decoded d = text::internal::DecodeUtf8(p + b, p + i);
  return d.cp == text::internal::kInvalidCodePoint ? 0xFFFD : d.cp;
}

char32_t CodePointAt(std::string_view text, uint32_t i, uint32_t ceil) {
  if (i >= ceil) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const text::internal::Decoded d = text::internal::DecodeUtf8(p + i, p + ceil);
  return d.cp == text::internal::kInvalidCodePoint ? 0xFFFD : d.cp;
}

bool IsSpace(char32_t c) {
  return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x2009 || c == 0x202F ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200B);
}
bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

struct Open {
  uint32_t tok;       // first token of the mark
  uint32_t tok_last;  // last token of the mark ('' is two tokens)
  MarkFamily family;
  MarkType type;
};

class Pairer {
 public:
  Pairer(const Doc& doc, std::vector<int32_t>* inside) : doc_(doc), inside_(inside) {}

  std::vector<Quotation> Run();

 private:
  void Paragraph(uint32_t p);
  void Close(size_t stack_index, uint32_t close_first, uint32_t close_last);
  void Mark(MarkType type, uint32_t first, uint32_t last, bool lf, bool rf, char32_t next);
  bool OpensFamily(uint32_t tok, MarkFamily family) const;
  bool DoubledApostrophe(uint32_t tok) const;  // '' at tok
  void Flanks(uint32_t tok, bool* lf, bool* rf, char32_t* prev, char32_t* next) const;

  const Doc& doc_;
  std::vector<int32_t>* inside_;
  std::vector<Quotation> out_;
  std::vector<Open> stack_;
  // The quotation carried over from the previous paragraph (newspaper convention).
  bool carry_ = false;
  Quotation carried_;
  MarkFamily carried_family_ = MarkFamily::kDouble;
  uint32_t para_first_ = 0, para_end_ = 0;
};

void Pairer::Flanks(uint32_t tok, bool* lf, bool* rf, char32_t* prev, char32_t* next) const {
  const text::Span s = doc_.toks[tok].span;
  const text::Span para = doc_.seg->paragraphs[doc_.toks[tok].paragraph].span;
  *prev = CodePointBefore(doc_.text, s.begin, para.begin);
  *next = CodePointAt(doc_.text, s.end, para.end);
  const bool prev_space = IsSpace(*prev), next_space = IsSpace(*next);
  const bool prev_punct = !prev_space && !IsLetterOrDigit(*prev);
  const bool next_punct = !next_space && !IsLetterOrDigit(*next);
  *lf = !next_space && (prev_space || prev_punct);
  *rf = !prev_space && (next_space || next_punct);
}

bool Pairer::DoubledApostrophe(uint32_t tok) const {
  return tok + 1 < doc_.toks.size() && doc_.Punct(tok) == '\'' && doc_.Punct(tok + 1) == '\'' &&
         doc_.toks[tok + 1].span.begin == doc_.toks[tok].span.end;
}

bool Pairer::OpensFamily(uint32_t tok, MarkFamily family) const {
  if (tok >= doc_.toks.size()) return false;
  MarkType t = TypeOf(doc_.Punct(tok));
  if (t == kStraightSingle && DoubledApostrophe(tok)) t = kStraightDouble;
  if (t == kNotMark || FamilyOf(t) != family) return false;
  bool lf, rf;
  char32_t prev, next;
  Flanks(tok, &lf, &rf, &prev, &next);
  if (t == kRightDouble || t == kRightSingle || t == kRightGuillemet) return lf && !rf;
  return lf;
}

void Pairer::Close(size_t k, uint32_t close_first, uint32_t close_tok) {
  const Open o = stack_[k];
  stack_.resize(k);    // marks opened inside and left open are dropped
  if (k != 0) return;  // a nested quotation: part of the outer one
  Quotation q;
  if (carry_) {
    q = std::move(carried_);
    carry_ = false;
  } else {
    q.open_tok = o.tok;
    q.outer.begin = doc_.toks[o.tok].span.begin;
  }
  q.family = o.family;
  q.close_tok = close_tok;
  q.last_tok = close_tok;
  q.closed = true;
  q.outer.end = doc_.toks[close_tok].span.end;
  q.parts.push_back({doc_.toks[o.tok_last].span.end, doc_.toks[close_first].span.begin});
  out_.push_back(std::move(q));
}

void Pairer::Mark(MarkType type, uint32_t t, uint32_t last, bool lf, bool rf, char32_t next) {
  const MarkFamily fam = FamilyOf(type);
  // The innermost open mark of this family, if any.
  size_t found = SIZE_MAX;
  for (size_t i = stack_.size(); i-- > 0 && stack_.size() - i <= kMaxDepth;) {
    if (stack_[i].family == fam) {
      found = i;
      break;
    }
  }
  const bool open_here = found != SIZE_MAX;
  enum { kIgnore, kOpen, kClose } act = kIgnore;
  switch (type) {
    case kStraightDouble:
      if (lf && !rf)
        act = kOpen;
      else if (rf && !lf)
        act = open_here ? kClose : kIgnore;
      else if (lf && rf)
        act = open_here ? kClose : kOpen;
      else if (open_here)
        act = kClose;  // 'the center,' " she said: spaced out
      break;
    case kLeftDouble:
      if (rf && !lf && open_here)
        act = kClose;  // „...“ and “...“
      else if (lf || !open_here)
        act = kOpen;
      else
        act = kClose;
      break;
    case kRightDouble:
      if (open_here && (rf || !lf))
        act = kClose;
      else if (!open_here && lf && !rf)
        act = kOpen;  // ”...” (Swedish, Finnish)
      else if (open_here)
        act = kClose;
      break;
    case kLowDouble:
      act = kOpen;
      break;
    case kStraightSingle:
      if (lf && !rf)
        act = IsDigit(next) ? kIgnore : kOpen;  // '90s
      else if (rf && open_here)
        act = kClose;  // else: voters' (possessive)
      break;
    case kLeftSingle:
      if (rf && !lf && open_here)
        act = kClose;  // ‚...‘
      else if (lf)
        act = IsDigit(next) ? kIgnore : kOpen;
      break;
    case kRightSingle:
      if (open_here && rf) act = kClose;  // otherwise an apostrophe: ’90s, ’em, voters’
      break;
    case kLowSingle:
      if (lf) act = kOpen;
      break;
    case kLeftGuillemet:
      if (rf && !lf && open_here)
        act = kClose;  // »...«
      else
        act = kOpen;
      break;
    case kRightGuillemet:
      if (open_here)
        act = kClose;
      else if (lf)
        act = kOpen;  // »...« (German, Danish)
      break;
    case kNotMark:
      break;
  }
  if (act == kOpen) {
    if (stack_.size() < kMaxDepth) stack_.push_back({t, last, fam, type});
  } else if (act == kClose) {
    Close(found, t, last);
  }
}

void Pairer::Paragraph(uint32_t p) {
  const text::Paragraph& para = doc_.seg->paragraphs[p];
  if (para.sentence_count == 0) return;
  const auto& sents = doc_.seg->sentences;
  para_first_ = sents[para.first_sentence].first_token;
  const text::Sentence& last = sents[para.first_sentence + para.sentence_count - 1];
  para_end_ = last.first_token + last.token_count;
  uint32_t t = para_first_;
  if (carry_) {
    // The opening mark that continues the quotation of the previous paragraph.
    const uint32_t last = DoubledApostrophe(t) ? t + 1 : t;
    stack_.push_back({t, last, carried_family_, kLeftDouble});
    t = last + 1;
  }
  for (; t < para_end_; ++t) {
    const Tok& k = doc_.toks[t];
    if (k.kind != text::TokenKind::kPunct) continue;
    const MarkType type = TypeOf(doc_.Punct(t));
    if (type == kNotMark) continue;
    // A run of adjacent straight apostrophes: '' is a double mark (as some newspapers
    // write it); ''' is a double and a single (the single inside).
    uint32_t run_end = t;
    if (type == kStraightSingle) {
      while (run_end + 1 < para_end_ &&
             doc_.toks[run_end + 1].span.begin == doc_.toks[run_end].span.end &&
             doc_.Punct(run_end + 1) == '\'' && run_end - t < 8) {
        ++run_end;
      }
    }
    bool lf, rf;
    char32_t prev, next;
    Flanks(t, &lf, &rf, &prev, &next);
    if (prev == '=') continue;  // an attribute value in markup: author="x"
    if (run_end == t) {
      Mark(type, t, t, lf, rf, next);
      continue;
    }
    bool lf2, rf2;
    char32_t prev_last, next_last;
    Flanks(run_end, &lf2, &rf2, &prev_last, &next_last);
    // The run opens when space (or nothing) is before it, else it closes.
    const bool prev_space = prev == 0 || prev == ' ' || prev == '\n' || prev == '(' || prev == '[';
    const bool opening = prev_space;
    const uint32_t count = run_end - t + 1;
    uint32_t u = t;
    if (!opening && count % 2 == 1) {  // the single closes first: case,'''
      Mark(kStraightSingle, u, u, false, true, next_last);
      ++u;
    }
    while (u + 1 <= run_end) {
      Mark(kStraightDouble, u, u + 1, opening, !opening, next_last);
      u += 2;
    }
    if (u == run_end) Mark(kStraightSingle, u, u, opening, !opening, next_last);
    t = run_end;
  }
  // Paragraph end: straight single marks left open were apostrophes.
  while (!stack_.empty() && stack_.back().type == kStraightSingle) stack_.pop_back();
  size_t bottom = 0;
  while (bottom < stack_.size() && stack_[bottom].type == kStraightSingle) ++bottom;
  if (bottom >= stack_.size()) {
    stack_.clear();
    carry_ = false;
    return;
  }
  const Open o = stack_[bottom];
  stack_.clear();
  Quotation q;
  if (carry_ && o.tok == para_first_) {
    q = std::move(carried_);
  } else {
    q.open_tok = o.tok;
    q.outer.begin = doc_.toks[o.tok].span.begin;
  }
  carry_ = false;
  q.family = o.family;
  q.parts.push_back({doc_.toks[o.tok_last].span.end, para.span.end});
  q.last_tok = para_end_ - 1;
  q.outer.end = para.span.end;
  if (p + 1 < doc_.seg->paragraphs.size()) {
    const text::Paragraph& np = doc_.seg->paragraphs[p + 1];
    if (np.sentence_count > 0 && OpensFamily(sents[np.first_sentence].first_token, o.family)) {
      carry_ = true;
      carried_ = std::move(q);
      carried_family_ = o.family;
      return;
    }
  }
  q.closed = false;
  out_.push_back(std::move(q));
}

std::vector<Quotation> Pairer::Run() {
  for (uint32_t p = 0; p < doc_.seg->paragraphs.size(); ++p) Paragraph(p);
  if (carry_) {  // cannot happen (the next paragraph exists), kept for safety
    carried_.closed = false;
    out_.push_back(std::move(carried_));
  }
  inside_->assign(doc_.toks.size(), -1);
  for (size_t i = 0; i < out_.size(); ++i) {
    Quotation& q = out_[i];
    // Trim whitespace off each part; count words.
    for (text::Span& s : q.parts) {
      while (s.begin < s.end && IsSpace(static_cast<unsigned char>(doc_.text[s.begin]))) ++s.begin;
      while (s.end > s.begin && IsSpace(static_cast<unsigned char>(doc_.text[s.end - 1]))) --s.end;
    }
    for (uint32_t t = q.open_tok; t <= q.last_tok && t < doc_.toks.size(); ++t) {
      (*inside_)[t] = static_cast<int32_t>(i);
      const auto kind = doc_.toks[t].kind;
      if (kind == text::TokenKind::kWord || kind == text::TokenKind::kNumber) ++q.words;
    }
  }
  return std::move(out_);
}

}  // namespace

std::vector<Quotation> FindQuotations(const Doc& doc, std::vector<int32_t>* inside) {
  Pairer p(doc, inside);
  return p.Run();
}

}  // namespace witness::quotes::internal
