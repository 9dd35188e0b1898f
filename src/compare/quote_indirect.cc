// Pass B of Extract(): reported speech at the cues no quotation took (rules in
// quote_extract.cc): "that"-clauses, bare clauses, "clause, X said", "according to X".
#include <algorithm>

#include "compare/quote_extract.h"
#include "ingest/dateline.h"

namespace witness::quotes::internal {

uint32_t Extractor::ClauseStart(uint32_t before) const {
  // The start of the clause that ends before token `before`: the sentence start, or just
  // after a quotation or colon in between; a dateline opening the paragraph ("HARLSUND, March
  // 11 (Lodestar) - ") and a leading conjunction are skipped.
  const uint32_t sf = doc_.SentFirst(before);
  uint32_t k = before;
  while (k > sf) {
    const uint32_t j = k - 1;
    if (inside_[j] >= 0 || doc_.toks[j].Has(kColon)) break;
    k = j;
  }
  if (k < before && (k == 0 || doc_.toks[k - 1].paragraph != doc_.toks[k].paragraph)) {
    const uint32_t at = doc_.toks[k].span.begin;
    const size_t length = ingest_internal::DatelineLength(doc_.text, at);
    while (length > 0 && k < before && doc_.toks[k].span.begin < at + length) ++k;
  }
  if (k < before && doc_.toks[k].Is(kConjunction) && k + 1 < before) ++k;
  return k;
}

uint32_t Extractor::ClauseEnd(uint32_t start, uint32_t sent_end) const {
  sent_end = std::min(sent_end, start + kMaxClause);  // bounded: linear time on any input
  if (start >= sent_end) return kNoTok;
  uint32_t k = start;
  uint32_t last = kNoTok;
  for (; k < sent_end; ++k) {
    const Tok& t = doc_.toks[k];
    if (inside_[k] >= 0 && quote_owner_[inside_[k]] >= 0) break;  // a direct quote: stop
    if (t.Has(kColon) && doc_.Punct(k) == ';') break;
    if (t.Has(kTerminal) && inside_[k] < 0) {
      if (k + 1 >= sent_end) break;
      if (doc_.Punct(k) == '.' && k + 1 < sent_end &&
          doc_.toks[k + 1].kind == text::TokenKind::kWord)
        break;
    }
    if (t.Has(kComma) && k + 1 < sent_end) {
      const Tok& n = doc_.toks[k + 1];
      char buf[32];
      const std::string_view w = Lower(k + 1, buf);
      if ((n.Is(kCue) && (n.lex->cue_flags & kParticiple)) || w == "but" || w == "while" ||
          w == "according" || w == "although" || w == "though" || w == "which") {
        break;
      }
    }
    if (!t.Has(kTerminal | kComma | kColon | kDashPunct))
      last = k;
    else if (inside_[k] >= 0)
      last = k;  // a closing mark after the period stays
  }
  return last;
}

bool Extractor::StartsClause(uint32_t k, uint32_t sent_end) const {
  if (k >= sent_end) return false;
  const Tok& t = doc_.toks[k];
  if (t.Is(kPronoun) || Word(k, "there")) return true;
  if (!(t.Is(kDeterminer) || t.Has(kCapital) || t.kind == text::TokenKind::kNumber)) return false;
  for (uint32_t j = k + 1; j < sent_end && j < k + 9; ++j) {
    const Tok& u = doc_.toks[j];
    if (u.Has(kComma | kTerminal | kColon) || inside_[j] >= 0) return false;
    if (u.Is(kAux)) return true;
  }
  return false;
}

void Extractor::Indirect(uint32_t c) {
  const LexEntry& lex = *doc_.toks[c].lex;
  if (lex.cue_flags & kParticiple) return;
  const uint32_t sf = doc_.SentFirst(c), se = doc_.SentEnd(c);
  const bool has_frag = frag_of_cue_.count(c) > 0;
  Pending p;
  p.cue = c;
  uint32_t start = kNoTok, end = kNoTok;
  float conf = 0.7f;
  if (lex.cue_lemma == AccordingToLemma()) {
    p.speaker = finder_.After(c + 2, se);
    if (!p.speaker.ok()) return;
    if (c == sf || (c == sf + 1 && doc_.toks[sf].Is(kConjunction))) {
      uint32_t k = p.speaker.last + 1;
      while (k < se && !doc_.toks[k].Has(kComma) && k < p.speaker.last + 8) ++k;
      if (k >= se || !doc_.toks[k].Has(kComma)) return;
      start = k + 1;
      end = ClauseEnd(start, se);
    } else {
      uint32_t e = c;
      while (e > sf && doc_.toks[e - 1].Has(kComma | kDashPunct)) --e;
      if (e == sf) return;
      start = ClauseStart(e);
      end = e - 1;
    }
  } else {
    p.speaker = finder_.Before(c, sf);
    if (!finder_.Fits(c, p.speaker)) p.speaker = SpeakerNP();
    if (p.speaker.ok()) {
      const uint32_t after = finder_.SkipTime(c + 1, se);
      // "clause, X said." / "clause, X said, adding ...": reverse order.
      if (p.speaker.first > sf + 1 && doc_.toks[p.speaker.first - 1].Has(kComma) &&
          (after >= se || doc_.toks[after].Has(kTerminal | kComma) || Word(after, "in"))) {
        uint32_t e = p.speaker.first - 1;
        while (e > sf && doc_.toks[e - 1].Has(kComma | kDashPunct)) --e;
        if (e == sf || inside_[e - 1] >= 0) return;  // "...," he said: a quotation's
        start = ClauseStart(e);
        end = e - 1;
      } else {
        const uint32_t reach = (lex.cue_flags & kObject) ? 14 : 8;
        for (uint32_t k = c + 1; k < se && k < c + 1 + reach; ++k) {
          const Tok& t = doc_.toks[k];
          if (t.Has(kTerminal | kColon) || inside_[k] >= 0) break;
          if (t.Has(kComma) && !(lex.cue_flags & kObject)) break;
          if (Word(k, "that")) {
            // "said order had been restored but that ...": the clause starts at the cue.
            if (k > c + 1 && (Word(k - 1, "but") || Word(k - 1, "and"))) {
              start = finder_.SkipTime(c + 1, se);
            } else {
              start = k + 1;
            }
            break;
          }
        }
        if (start == kNoTok && !(lex.cue_flags & kThatClause) && !has_frag) return;
        if (start == kNoTok) {
          conf = 0.6f;
          if ((lex.cue_flags & kClause) && StartsClause(after, se)) {
            start = after;
          } else if (has_frag) {
            start = after;
          } else {
            return;
          }
        }
        if (start >= se) return;
        end = ClauseEnd(start, se);
      }
    } else if ((lex.cue_flags & kInvert) && c > sf + 1 && doc_.toks[c - 1].Has(kComma)) {
      // "clause, said the ministry."
      p.speaker = finder_.After(c + 1, se);
      if (!p.speaker.ok()) return;
      uint32_t e = c - 1;
      while (e > sf && doc_.toks[e - 1].Has(kComma | kDashPunct)) --e;
      if (e == sf || inside_[e - 1] >= 0) return;
      start = ClauseStart(e);
      end = e - 1;
    } else {
      return;
    }
  }
  if (start == kNoTok || end == kNoTok || end < start) return;
  uint32_t words = 0;
  for (uint32_t k = start; k <= end; ++k) {
    if (doc_.toks[k].kind == text::TokenKind::kWord ||
        doc_.toks[k].kind == text::TokenKind::kNumber)
      ++words;
  }
  if (words < 3) return;
  // The content may not hold its own speaker or cue.
  if (p.speaker.first >= start && p.speaker.first <= end) return;
  p.content = {doc_.toks[start].span.begin, doc_.toks[end].span.end};
  p.confidence = conf;
  p.kind = QuoteKind::kIndirect;
  // Quotations inside: a partial quote.
  int32_t last_q = -1;
  for (uint32_t k = start; k <= end; ++k) {
    const int32_t qi = inside_[k];
    if (qi < 0 || qi == last_q || quote_owner_[qi] >= 0) continue;
    last_q = qi;
    const Quotation& q = qs_[qi];
    if (q.open_tok < start) continue;
    p.kind = QuoteKind::kPartial;
    p.quotations.push_back(static_cast<uint32_t>(qi));
    p.parts.insert(p.parts.end(), q.parts.begin(), q.parts.end());
    p.closed = p.closed && q.closed;
    // Extend the content over a closing mark just past the end.
    p.content.end = std::max(p.content.end, std::min(q.outer.end, doc_.toks[end].span.end + 4));
  }
  if (p.kind == QuoteKind::kIndirect) p.parts = {p.content};
  p.paragraph = doc_.toks[c].paragraph;
  const int32_t idx = static_cast<int32_t>(out_.size());
  for (uint32_t qi : p.quotations) quote_owner_[qi] = idx;
  cue_owner_[c] = idx;
  out_.push_back(std::move(p));
}

}  // namespace witness::quotes::internal
