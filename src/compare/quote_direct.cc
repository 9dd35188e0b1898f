// Pass A of Extract(): each outermost quotation gets its attribution (rules in
// quote_extract.cc): the words after it, a cue before it, a colon sentence, the quote it
// continues, a dash line.
#include <algorithm>

#include "compare/quote_extract.h"

namespace witness::quotes::internal {

uint32_t Extractor::RightEnd(uint32_t r0) const {
  const uint32_t n = static_cast<uint32_t>(doc_.toks.size());
  if (r0 >= n) return r0;
  const uint32_t para = doc_.toks[r0].paragraph;
  uint32_t r = r0;
  while (r < n && doc_.toks[r].paragraph == para && inside_[r] < 0 && r - r0 < kRightWindow) {
    if (doc_.toks[r].Has(kTerminal) && r > r0 && (r + 1 >= n || doc_.toks[r + 1].Has(kSentStart))) {
      return r + 1;
    }
    ++r;
  }
  return r;
}

bool Extractor::Right(const Quotation& q, Pending* p) {
  if (!q.closed) return false;
  const uint32_t r0 = q.close_tok + 1;
  if (r0 >= doc_.toks.size() || doc_.toks[r0].paragraph != doc_.toks[q.close_tok].paragraph)
    return false;
  const uint32_t end = RightEnd(r0);
  uint32_t s = r0;
  while (s < end && doc_.toks[s].Has(kComma | kDashPunct)) ++s;
  if (s >= end || doc_.toks[s].Has(kTerminal)) return false;
  // When the quotation ended its sentence ("...?" Smith asked.), the next sentence
  // attributes it only if it says no more than who spoke: "He added: "..."" belongs to the
  // next quotation.
  const bool new_sentence = doc_.toks[r0].Has(kSentStart);
  const uint32_t limit = std::min(end, s + kCueSearch);
  for (uint32_t c = s; c < limit; ++c) {
    if (!finder_.IsCue(c)) continue;
    const LexEntry& lex = *doc_.toks[c].lex;
    if (lex.cue_flags & kParticiple) continue;
    SpeakerNP np;
    if (lex.cue_lemma == AccordingToLemma()) {
      if (c != s) break;
      np = finder_.After(c + 2, end);
    } else if (c == s) {
      if (!(lex.cue_flags & kInvert)) break;
      np = finder_.After(c + 1, end);
    } else {
      np = finder_.Before(c, s);
      // Words before the name describe it: "Clinton press secretary Brian Fallon said".
      if (np.ok() && np.first != s) {
        // Also a coordinated speaker: "state Senate leader Phil Berger and House Speaker Tim
        // Moore, both Republicans, said".
        bool modifiers = np.first - s <= 8;
        for (uint32_t k = s; k < np.first && modifiers; ++k) {
          const Tok& t = doc_.toks[k];
          if (t.kind != text::TokenKind::kWord || t.Is(kPronoun | kClauseWord | kAux | kCue) ||
              (t.Is(kConjunction) && !Word(k, "and"))) {
            modifiers = false;
          }
        }
        // Or a phrase of place or time ending in a comma: ""..." in the legislature, he said".
        if (!modifiers && doc_.toks[s].Is(kPreposition) && np.first - s <= 9 &&
            doc_.toks[np.first - 1].Has(kComma)) {
          modifiers = true;
          for (uint32_t k = s; k + 1 < np.first; ++k) {
            if (doc_.toks[k].Is(kCue) || doc_.toks[k].Has(kTerminal) || inside_[k] >= 0)
              modifiers = false;
          }
        }
        if (!modifiers) np = SpeakerNP();
      }
    }
    if (!finder_.Fits(c, np)) break;
    if (new_sentence) {
      const uint32_t a = finder_.SkipTime(std::max(c, np.ok() ? np.last : c) + 1, end);
      if (a < end && !doc_.toks[a].Has(kTerminal | kComma) && !doc_.toks[a].Is(kPreposition)) break;
    }
    p->cue = c;
    p->speaker = np;
    p->kind = OpensClause(q) ? QuoteKind::kDirect : QuoteKind::kPartial;
    p->confidence = np.form == MentionForm::kName || np.form == MentionForm::kAcronym ? 0.95f
                    : np.form == MentionForm::kPronoun                                ? 0.9f
                                                                                      : 0.85f;
    return true;
  }
  // "...," Hannity pressed.  An unlisted verb in -ed right after a name or pronoun, with
  // nothing after it in the sentence.
  SpeakerNP np;
  const int32_t chunk = ent_.ChunkAt(s);
  if (doc_.toks[s].Is(kPronoun)) {
    np.first = np.last = s;
    np.form = MentionForm::kPronoun;
  } else if (chunk >= 0 && ent_.chunks()[chunk].first == s &&
             (!ent_.chunks()[chunk].provisional || ent_.chunks()[chunk].entity >= 0) &&
             ent_.chunks()[chunk].core_first <= ent_.chunks()[chunk].last) {
    np.first = s;
    np.last = ent_.chunks()[chunk].last;
  }
  if (!np.ok()) return false;
  const uint32_t v = np.last + 1;
  if (v + 1 >= end || !doc_.toks[v].Has(kLowerStart) ||
      doc_.toks[v].Is(kAux | kSkip | kPreposition)) {
    return false;
  }
  // "went on", "shot back", "chimed in": a particle may follow the verb.
  uint32_t after = v + 1;
  if (Word(after, "on") || Word(after, "back") || Word(after, "in") || Word(after, "up") ||
      Word(after, "out")) {
    ++after;
  }
  const std::string_view w = doc_.Str(v);
  if (after == v + 1 && (w.size() < 5 || w.substr(w.size() - 2) != "ed")) return false;
  if (after >= end || !(doc_.toks[after].Has(kTerminal | kComma) || Word(after, "and")))
    return false;
  p->cue = v;
  p->speaker = np;
  p->kind = OpensClause(q) ? QuoteKind::kDirect : QuoteKind::kPartial;
  p->confidence = 0.8f;
  return true;
}

bool Extractor::OpensClause(const Quotation& q) const {
  // Only punctuation, a conjunction or an introductory phrase ending in a comma, colon or
  // dash stands before the quotation in its sentence: "Trump is "rapidly learning,"" does not.
  const uint32_t open = q.open_tok;
  if (open == 0 || doc_.toks[open].Has(kSentStart)) return true;
  const uint32_t prev = open - 1;
  if (doc_.toks[prev].paragraph != doc_.toks[open].paragraph || inside_[prev] >= 0) return true;
  if (doc_.toks[prev].Has(kColon | kOpenParen | kTerminal)) return true;
  if (finder_.IsCue(prev)) return true;  // Feinstein said "I don't know ...," she said
  if (doc_.toks[prev].Has(kComma | kDashPunct)) {
    // "In the end, "We ..."" opens a clause; "Mrs. Clinton, with ..., "is seen as ..."" does not.
    uint32_t first = open + 1;  // the first word inside ('' is two tokens)
    while (first <= q.last_tok && doc_.toks[first].kind == text::TokenKind::kPunct) ++first;
    if (first > q.last_tok) return true;
    const Tok& w = doc_.toks[first];
    return !(w.kind == text::TokenKind::kWord && w.Has(kLowerStart)) || w.Is(kPronoun);
  }
  if (doc_.toks[prev].Is(kConjunction) && doc_.toks[prev].Has(kSentStart)) return true;
  return false;
}

int Extractor::Left(uint32_t qi, Pending* p) {
  const Quotation& q = qs_[qi];
  const uint32_t open = q.open_tok;
  if (open == 0 || doc_.toks[open].Has(kSentStart)) return 0;
  const uint32_t para = doc_.toks[open].paragraph;
  uint32_t l0 = open;
  while (l0 > 0 && open - l0 < kLeftWindow) {
    const uint32_t k = l0 - 1;
    if (inside_[k] >= 0 || doc_.toks[k].paragraph != para) break;
    l0 = k;
    if (doc_.toks[k].Has(kSentStart)) break;
  }
  if (l0 >= open) return 0;
  // The last cue before the quotation that has a speaker.
  uint32_t c = kNoTok;
  SpeakerNP np;
  uint32_t after = 0;
  for (uint32_t k = open; k-- > l0;) {
    if (!finder_.IsCue(k)) continue;
    // The cue already attributes the previous quotation: this one continues it, when
    // nothing but the attribution stands between them ("Judge," Brafman said, "I have ...").
    if (cue_owner_[k] >= 0) {
      if (out_[cue_owner_[k]].kind != QuoteKind::kDirect) return 0;
      uint32_t m = k + 1;
      while (m < open) {
        const uint32_t skipped = finder_.SkipTime(m, open);
        if (skipped > m) {
          m = skipped;
        } else if (doc_.toks[m].Has(kComma | kColon | kDashPunct)) {
          ++m;
        } else {
          break;
        }
      }
      if (m < open) return 0;
      Merge(static_cast<size_t>(cue_owner_[k]), qi);
      return 3;
    }
    const LexEntry& lex = *doc_.toks[k].lex;
    SpeakerNP cand;
    uint32_t cand_after = k + 1;
    if (lex.cue_lemma == AccordingToLemma()) {
      cand = finder_.After(k + 2, open);
      cand_after = cand.ok() ? cand.last + 1 : k + 2;
    } else if (lex.cue_flags & kParticiple) {
      // "..., the Kazakh leader said, vowing that ... "soon"": the speaker of the finite cue
      // before it in the sentence, else the subject of the sentence.
      for (uint32_t m = k; m-- > doc_.SentFirst(k);) {
        if (!finder_.IsCue(m) || (doc_.toks[m].lex->cue_flags & kParticiple)) continue;
        cand = finder_.Before(m, doc_.SentFirst(k));
        if (!cand.ok() && (doc_.toks[m].lex->cue_flags & kInvert)) cand = finder_.After(m + 1, k);
        break;
      }
      if (!cand.ok()) cand = finder_.Subject(k);
    } else {
      cand = finder_.Before(k, l0);
      if (!cand.ok() && (lex.cue_flags & kInvert)) {
        // "said Mr Smith: "..."": only right before the quotation.
        SpeakerNP inv = finder_.After(k + 1, open);
        if (inv.ok()) {
          uint32_t m = inv.last + 1;
          while (m < open && doc_.toks[m].Has(kComma | kColon | kDashPunct)) ++m;
          if (m == open) {
            cand = inv;
            cand_after = inv.last + 1;
          }
        }
      }
    }
    if (!finder_.Fits(k, cand)) continue;
    c = k;
    np = cand;
    after = cand_after;
    break;
  }
  if (c == kNoTok) {
    // No cue, but a colon right before: "Republican pollster Daron Shaw: "..."", "McConnell
    // delivered a blunt message to Trump: "..."": the name before the colon, else the subject.
    if (open < 2 || doc_.Punct(open - 1) != ':') return 0;
    const int32_t ck = ent_.ChunkAt(open - 2);
    SpeakerNP cand;
    if (ck >= 0 && ent_.chunks()[ck].kind == EntityKind::kPerson && ent_.chunks()[ck].first >= l0) {
      cand.first = ent_.chunks()[ck].first;
      cand.last = ent_.chunks()[ck].last;
    } else {
      cand = finder_.Subject(open - 1);
    }
    if (!cand.ok()) return 0;
    p->speaker = cand;
    p->confidence = 0.7f;
    return 1;
  }
  const LexEntry& lex = *doc_.toks[c].lex;
  if (!np.ok()) return 0;
  // What stands between the cue (or its speaker) and the quotation.
  uint32_t bend = open;
  while (bend > after && doc_.toks[bend - 1].Has(kComma | kColon | kDashPunct)) --bend;
  // Direct: nothing, a hearer or object for verbs that take one ("told reporters", "called
  // the events"), or a short phrase of time or place ("said in a statement", "said Monday").
  // A clause word, an auxiliary or any other phrase makes the quotation part of a clause.
  const uint32_t from = finder_.SkipTime(after, bend);
  bool clause = false;
  uint32_t words = 0;
  for (uint32_t k = from; k < bend; ++k) {
    const Tok& t = doc_.toks[k];
    if (t.Is(kClauseWord | kAux) || t.Has(kTerminal) || (t.Is(kCue) && k > after)) clause = true;
    if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber) ++words;
  }
  // A hearer before a colon or comma: "told reporters: "..."". An object of a naming verb
  // belongs to the content: "called the events "an attempted coup"" is partial.
  const bool hearer =
      (lex.cue_flags & kObject) && !(lex.cue_flags & kQuoteOnly) && bend < open && words <= 4;
  const bool pp = from < bend && doc_.toks[from].Is(kPreposition) && words <= 6 && bend < open;
  bool direct = !clause && (words == 0 || hearer || pp);
  // Words continuing the clause after the quotation make it a fragment.
  // ("what he called "Maidan technologies," a reference to ..." ends its phrase inside.)
  const bool ends_phrase =
      q.closed && q.close_tok > 0 && doc_.toks[q.close_tok - 1].Has(kComma | kTerminal);
  if (direct && q.closed && !ends_phrase) {
    const uint32_t r0 = q.close_tok + 1;
    if (r0 < doc_.toks.size() && doc_.toks[r0].paragraph == para && inside_[r0] < 0 &&
        doc_.toks[r0].kind == text::TokenKind::kWord && doc_.toks[r0].Has(kLowerStart) &&
        !doc_.toks[r0].Is(kCue)) {
      direct = false;
    }
  }
  // The quotation goes on a clause: "It is time, he said, ''not only by a strong leader
  // ...''" (its first word is lower case), "what it calls "sensible laws"" (the speaker
  // stands in a relative clause).
  if (direct) {
    uint32_t first = open + 1;
    while (first <= q.last_tok && doc_.toks[first].kind == text::TokenKind::kPunct) ++first;
    if (first <= q.last_tok && doc_.toks[first].kind == text::TokenKind::kWord &&
        doc_.toks[first].Has(kLowerStart)) {
      direct = false;
    }
    if (np.ok() && np.first > 0 && doc_.toks[np.first - 1].Is(kClauseWord) &&
        !doc_.toks[np.first - 1].Has(kSentStart)) {
      direct = false;
    }
  }
  p->cue = c;
  p->speaker = np;
  if (direct) {
    p->confidence = words == 0 ? 0.9f : 0.85f;
    return 1;
  }
  return 2;
}

bool Extractor::ColonIntro(const Quotation& q, Pending* p) {
  const uint32_t open = q.open_tok;
  if (!doc_.toks[open].Has(kSentStart) || open == 0) return false;
  const uint32_t prev = open - 1;  // the last token of the previous sentence
  if (inside_[prev] >= 0 || doc_.Punct(prev) != ':') return false;
  const uint32_t sf = doc_.SentFirst(prev);
  for (uint32_t k = prev; k-- > sf;) {
    if (!finder_.IsCue(k)) continue;
    const LexEntry& lex = *doc_.toks[k].lex;
    SpeakerNP np;
    if (lex.cue_lemma == AccordingToLemma()) {
      np = finder_.After(k + 2, prev);
    } else {
      np = finder_.Before(k, sf);
      if (!np.ok() && (lex.cue_flags & kInvert)) np = finder_.After(k + 1, prev);
      if (!np.ok()) np = finder_.Subject(k);
    }
    if (!np.ok()) return false;
    p->cue = k;
    p->speaker = np;
    p->confidence = 0.8f;
    return true;
  }
  // No cue: "He then listed the qualities necessary in a nominee:" - its subject.
  SpeakerNP np = finder_.Subject(prev);
  if (!np.ok()) return false;
  p->speaker = np;
  p->confidence = 0.6f;
  return true;
}

bool Extractor::DashLine(const Quotation& q, Pending* p) {
  const uint32_t para = doc_.toks[q.last_tok].paragraph;
  if (para + 1 >= doc_.seg->paragraphs.size()) return false;
  const text::Paragraph& np = doc_.seg->paragraphs[para + 1];
  if (np.sentence_count == 0) return false;
  const uint32_t t = doc_.seg->sentences[np.first_sentence].first_token;
  if (!doc_.toks[t].Has(kDashPunct) || t + 1 >= doc_.toks.size()) return false;
  const int32_t chunk = ent_.ChunkAt(t + 1);
  if (chunk < 0 || ent_.chunks()[chunk].first != t + 1) return false;
  const NameChunk& c = ent_.chunks()[chunk];
  if (c.kind != EntityKind::kPerson && c.kind != EntityKind::kOther) return false;
  p->speaker.first = c.first;
  p->speaker.last = c.last;
  p->speaker.form = MentionForm::kName;
  p->confidence = 0.7f;
  return true;
}

void Extractor::Merge(size_t into, uint32_t qi) {
  Pending& p = out_[into];
  const Quotation& q = qs_[qi];
  p.quotations.push_back(qi);
  p.parts.insert(p.parts.end(), q.parts.begin(), q.parts.end());
  p.content.end = q.outer.end;
  p.closed = p.closed && q.closed;
  p.paragraph = doc_.toks[q.last_tok].paragraph;
  quote_owner_[qi] = static_cast<int32_t>(into);
}

}  // namespace witness::quotes::internal
