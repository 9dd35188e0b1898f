// Extract(): quotations (quote_marks.cc) and cues (speaker_lexicon.cc) become quotes.
//
// Pass A attributes each outermost quotation, trying in order:
//   R  the words after it: "...," Mr Putin said / "...," said Mr Putin / "...," according to X
//      (confidence 0.95 for a name, 0.9 for a pronoun, 0.85 for a description);
//   L  a cue before it in its sentence: He said: "..." / Tokayev called the events "...";
//      with a "that"-clause or a long phrase between cue and quote, or words continuing the
//      clause after it, the quotation is a fragment of reported speech (partial, pass B);
//      when that cue already attributes the previous quotation, this one continues it
//      ("Judge," Brafman said, "I have never ...");
//   C  a sentence ending in ':' before it with a cue (0.8); the previous quotation of the
//      paragraph, when only its attribution stands between (a continuation, merged); the
//      direct quote of the previous paragraph when this paragraph opens with the quotation
//      (a continued speech, merged, confidence at most 0.6); a next paragraph "- Name" (0.7).
//   Quotations none of these attribute are reported only when they are whole sentences of
//   four words or more (direct, no speaker, confidence 0.2); others (scare quotes, titles)
//   are dropped.
// Pass B finds reported speech at each unused cue: subject + cue + "that"-clause, + clause
// (say-like verbs, when a subject and an auxiliary follow), "clause, X said", "according to X"
// (confidence 0.7, 0.6 without "that"); quoted fragments inside make it partial.
// Speakers then resolve in text order (speaker_find.cc).
#include <algorithm>
#include <unordered_map>

#include "compare/entity_extract.h"
#include "compare/quote_doc.h"
#include "compare/quote_marks.h"
#include "compare/speaker_find.h"
#include "witness/quotes.h"

namespace witness::quotes {
namespace internal {
namespace {

constexpr uint32_t kRightWindow = 32;
constexpr uint32_t kLeftWindow = 40;
constexpr uint32_t kCueSearch = 24;
constexpr uint32_t kMaxClause = 300;  // tokens in a reported clause  // room for an apposition: ", X, who served as ..., told"


struct Pending {
  QuoteKind kind = QuoteKind::kDirect;
  std::vector<uint32_t> quotations;
  text::Span content;
  std::vector<text::Span> parts;
  uint32_t cue = kNoTok;
  SpeakerNP speaker;
  float confidence = 0;
  bool closed = true;
  uint32_t paragraph = 0;  // of the last quotation
};

class Extractor {
 public:
  Extractor(std::string_view text, const text::Segmentation& seg)
      : ent_(doc_, Gazetteer::Get()), finder_(doc_, ent_, inside_) {
    BuildDoc(text, seg, &doc_);
  }
  Extraction Run();

 private:
  uint32_t RightEnd(uint32_t r0) const;
  bool Right(const Quotation& q, Pending* p);
  bool OpensClause(const Quotation& q) const;
  // 0: nothing; 1: direct (p filled); 2: partial fragment of cue p->cue; 3: merged.
  int Left(uint32_t qi, Pending* p);
  bool ColonIntro(const Quotation& q, Pending* p);
  bool DashLine(const Quotation& q, Pending* p);
  void Merge(size_t into, uint32_t qi);
  void Indirect(uint32_t cue);
  uint32_t ClauseEnd(uint32_t start, uint32_t sent_end) const;
  uint32_t ClauseStart(uint32_t before) const;
  bool StartsClause(uint32_t k, uint32_t sent_end) const;
  std::string_view Lower(uint32_t t, char* buf) const {
    return LowerAscii(doc_.Str(t), buf, 32);
  }
  bool Word(uint32_t t, std::string_view w) const {
    char buf[32];
    return Lower(t, buf) == w;
  }

  Doc doc_;
  std::vector<int32_t> inside_;
  std::vector<Quotation> qs_;
  EntityIndex ent_;
  SpeakerFinder finder_;
  std::vector<Pending> out_;
  std::vector<int32_t> cue_owner_;       // per token: the pending quote a cue attributes
  std::vector<int32_t> quote_owner_;     // per quotation: the pending quote that holds it
  std::vector<std::vector<uint32_t>> fragments_;  // per cue token index in frag_cues_
  std::vector<uint32_t> frag_cues_;
  std::unordered_map<uint32_t, size_t> frag_of_cue_;  // cue token -> index in frag_cues_
  std::vector<SpeakerNP> frag_speakers_;               // per index in frag_cues_
};

uint32_t Extractor::RightEnd(uint32_t r0) const {
  const uint32_t n = static_cast<uint32_t>(doc_.toks.size());
  if (r0 >= n) return r0;
  const uint32_t para = doc_.toks[r0].paragraph;
  uint32_t r = r0;
  while (r < n && doc_.toks[r].paragraph == para && inside_[r] < 0 && r - r0 < kRightWindow) {
    if (doc_.toks[r].Has(kTerminal) && r > r0 &&
        (r + 1 >= n || doc_.toks[r + 1].Has(kSentStart))) {
      return r + 1;
    }
    ++r;
  }
  return r;
}

bool Extractor::Right(const Quotation& q, Pending* p) {
  if (!q.closed) return false;
  const uint32_t r0 = q.close_tok + 1;
  if (r0 >= doc_.toks.size() || doc_.toks[r0].paragraph != doc_.toks[q.close_tok].paragraph) return false;
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
            if (doc_.toks[k].Is(kCue) || doc_.toks[k].Has(kTerminal) || inside_[k] >= 0) modifiers = false;
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
                    : np.form == MentionForm::kPronoun                              ? 0.9f
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
  if (v + 1 >= end || !doc_.toks[v].Has(kLowerStart) || doc_.toks[v].Is(kAux | kSkip | kPreposition)) {
    return false;
  }
  // "went on", "shot back", "chimed in": a particle may follow the verb.
  uint32_t after = v + 1;
  if (Word(after, "on") || Word(after, "back") || Word(after, "in") || Word(after, "up") || Word(after, "out")) {
    ++after;
  }
  const std::string_view w = doc_.Str(v);
  if (after == v + 1 && (w.size() < 5 || w.substr(w.size() - 2) != "ed")) return false;
  if (after >= end || !(doc_.toks[after].Has(kTerminal | kComma) || Word(after, "and"))) return false;
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
      cand = finder_.Subject(k);  // "..., saying: "..."": the subject of the sentence
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
  const bool hearer = (lex.cue_flags & kObject) && !(lex.cue_flags & kQuoteOnly) && bend < open && words <= 4;
  const bool pp = from < bend && doc_.toks[from].Is(kPreposition) && words <= 6 && bend < open;
  bool direct = !clause && (words == 0 || hearer || pp);
  // Words continuing the clause after the quotation make it a fragment.
  // ("what he called "Maidan technologies," a reference to ..." ends its phrase inside.)
  const bool ends_phrase = q.closed && q.close_tok > 0 && doc_.toks[q.close_tok - 1].Has(kComma | kTerminal);
  if (direct && q.closed && !ends_phrase) {
    const uint32_t r0 = q.close_tok + 1;
    if (r0 < doc_.toks.size() && doc_.toks[r0].paragraph == para && inside_[r0] < 0 &&
        doc_.toks[r0].kind == text::TokenKind::kWord && doc_.toks[r0].Has(kLowerStart) &&
        !doc_.toks[r0].Is(kCue)) {
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

uint32_t Extractor::ClauseStart(uint32_t before) const {
  // The start of the clause that ends before token `before`: the sentence start, or just
  // after a quotation or colon in between; a leading conjunction is skipped.
  const uint32_t sf = doc_.SentFirst(before);
  uint32_t k = before;
  while (k > sf) {
    const uint32_t j = k - 1;
    if (inside_[j] >= 0 || doc_.toks[j].Has(kColon)) break;
    k = j;
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
      if (doc_.Punct(k) == '.' && k + 1 < sent_end && doc_.toks[k + 1].kind == text::TokenKind::kWord) break;
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
    if (!t.Has(kTerminal | kComma | kColon | kDashPunct)) last = k;
    else if (inside_[k] >= 0) last = k;  // a closing mark after the period stays
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
    if (doc_.toks[k].kind == text::TokenKind::kWord || doc_.toks[k].kind == text::TokenKind::kNumber) ++words;
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

Extraction Extractor::Run() {
  qs_ = FindQuotations(doc_, &inside_);
  ent_.Build();
  const uint32_t n = static_cast<uint32_t>(doc_.toks.size());
  cue_owner_.assign(n, -1);
  quote_owner_.assign(qs_.size(), -1);
  // Pass A: quotations.
  for (uint32_t qi = 0; qi < qs_.size(); ++qi) {
    const Quotation& q = qs_[qi];
    if (q.words == 0) continue;
    Pending p;
    p.quotations = {qi};
    p.content = q.outer;
    p.parts = q.parts;
    p.closed = q.closed;
    p.paragraph = doc_.toks[q.last_tok].paragraph;
    bool ok = Right(q, &p);
    if (ok && p.kind == QuoteKind::kPartial) {
      p.content.begin = doc_.toks[ClauseStart(q.open_tok)].span.begin;  // "Trump is "...," X said"
    }
    if (!ok) {
      const int l = Left(qi, &p);
      if (l == 3) continue;  // merged into the quote it continues
      if (l == 2) {          // a fragment of reported speech: pass B
        auto it = frag_of_cue_.find(p.cue);
        if (it == frag_of_cue_.end()) {
          frag_of_cue_[p.cue] = frag_cues_.size();
          frag_cues_.push_back(p.cue);
          fragments_.push_back({qi});
          frag_speakers_.push_back(p.speaker);
        } else {
          fragments_[it->second].push_back(qi);
        }
        continue;
      }
      ok = l == 1;
    }
    if (!ok) ok = ColonIntro(q, &p);
    if (!ok && !out_.empty() && doc_.toks[q.open_tok].Has(kSentStart)) {
      // A continuation: the previous direct quote of this paragraph, with only its
      // attribution in between, or of the previous paragraph when this one opens with it.
      Pending& prev = out_.back();
      const uint32_t para = doc_.toks[q.open_tok].paragraph;
      const bool para_start = q.open_tok == doc_.SentFirst(q.open_tok) &&
                              doc_.seg->sentences[doc_.seg->paragraphs[para].first_sentence].first_token == q.open_tok;
      if (prev.kind == QuoteKind::kDirect && prev.speaker.ok()) {
        if (prev.paragraph == para) {
          Merge(out_.size() - 1, qi);
          continue;
        }
        if (para_start && prev.paragraph + 1 == para) {
          Merge(out_.size() - 1, qi);
          prev.confidence = std::min(prev.confidence, 0.6f);
          continue;
        }
      }
    }
    if (!ok) ok = DashLine(q, &p);
    if (!ok) {
      // Unattributed: keep whole-sentence quotes only.
      const bool starts = doc_.toks[q.open_tok].Has(kSentStart);
      bool ends = !q.closed;
      if (q.closed) {
        const uint32_t r = q.close_tok + 1;
        ends = r >= n || doc_.toks[r].Has(kSentStart | kTerminal) || doc_.toks[r].paragraph != doc_.toks[q.close_tok].paragraph;
      }
      if (!(starts && ends && q.words >= 4)) continue;
      p.confidence = 0.2f;
    }
    if (!q.closed) p.confidence *= 0.8f;
    const int32_t idx = static_cast<int32_t>(out_.size());
    if (p.cue != kNoTok) cue_owner_[p.cue] = idx;
    quote_owner_[qi] = idx;
    out_.push_back(std::move(p));
  }
  // Pass B: reported speech at the cues left.
  uint32_t covered_until = 0;  // cues inside reported speech found already are nested
  for (uint32_t c = 0; c < n; ++c) {
    if (cue_owner_[c] >= 0 || !finder_.IsCue(c)) continue;
    if (doc_.toks[c].span.begin < covered_until) continue;
    const size_t before = out_.size();
    Indirect(c);
    if (out_.size() > before) covered_until = std::max(covered_until, out_.back().content.end);
  }
  // Fragments whose cue found no clause: partial quotes of their own.
  for (size_t f = 0; f < frag_cues_.size(); ++f) {
    const uint32_t c = frag_cues_[f];
    if (cue_owner_[c] >= 0 && out_[cue_owner_[c]].kind != QuoteKind::kDirect) continue;
    Pending p;
    p.kind = QuoteKind::kPartial;
    p.cue = cue_owner_[c] >= 0 ? kNoTok : c;
    for (uint32_t qi : fragments_[f]) {
      if (quote_owner_[qi] >= 0) continue;
      const Quotation& q = qs_[qi];
      if (p.quotations.empty()) p.content.begin = q.outer.begin;
      p.quotations.push_back(qi);
      p.parts.insert(p.parts.end(), q.parts.begin(), q.parts.end());
      p.content.end = q.outer.end;
      p.closed = p.closed && q.closed;
    }
    if (p.quotations.empty()) continue;
    p.speaker = frag_speakers_[f];  // the cue's speaker, found in pass A
    p.cue = c;
    p.confidence = 0.6f;
    const int32_t idx = static_cast<int32_t>(out_.size());
    for (uint32_t qi : p.quotations) quote_owner_[qi] = idx;
    out_.push_back(std::move(p));
  }
  // Unattributed quoted paragraphs: the speaker of the previous paragraph's last quote, or
  // the subject of its last sentence ("Viguerie is upbeat ... he sees Cruz as a uniter.").
  // last_in_para[p]: the quote with a speaker that ends last in paragraph p.
  std::vector<int32_t> last_in_para(doc_.seg->paragraphs.size(), -1);
  for (size_t i = 0; i < out_.size(); ++i) {
    const Pending& o = out_[i];
    if (!o.speaker.ok()) continue;
    for (uint32_t para : {doc_.toks[o.speaker.first].paragraph, o.paragraph}) {
      int32_t& slot = last_in_para[para];
      if (slot < 0 || out_[slot].content.end < o.content.end) slot = static_cast<int32_t>(i);
    }
  }
  for (Pending& p : out_) {
    if (p.speaker.ok() || p.kind != QuoteKind::kDirect || p.quotations.empty()) continue;
    const uint32_t open = qs_[p.quotations.front()].open_tok;
    const uint32_t para = doc_.toks[open].paragraph;
    const text::Paragraph& pp = doc_.seg->paragraphs[para];
    if (doc_.toks[open].Has(kSentStart) && doc_.seg->sentences[pp.first_sentence].first_token != open) {
      // Inside a paragraph: "Iowa State University's Dianne Bystrom agreed. "...""
      const uint32_t prev = open - 1;
      if (inside_[prev] >= 0) continue;
      bool cue = false;
      for (uint32_t k = doc_.SentFirst(prev); k <= prev; ++k) cue = cue || finder_.IsCue(k);
      const SpeakerNP np = finder_.Subject(prev);
      // The subject of the sentence before, when it is a person ("Mr. Hannity is
      // unapologetic about his aim. "I'm not hiding ..."").
      if (np.ok() && (cue || np.form == MentionForm::kName)) {
        p.speaker = np;
        p.confidence = cue ? 0.5f : 0.35f;
      }
      continue;
    }
    if (para == 0 || doc_.seg->sentences[pp.first_sentence].first_token != open) continue;
    const Pending* best = last_in_para[para - 1] >= 0 ? &out_[last_in_para[para - 1]] : nullptr;
    if (best != nullptr && best->content.end > p.content.begin) best = nullptr;
    if (best != nullptr) {
      p.speaker = best->speaker;
      p.confidence = 0.5f;
      continue;
    }
    const text::Paragraph& prev = doc_.seg->paragraphs[para - 1];
    if (prev.sentence_count == 0) continue;
    const text::Sentence& last = doc_.seg->sentences[prev.first_sentence + prev.sentence_count - 1];
    if (last.token_count < 3) continue;
    const SpeakerNP np = finder_.Subject(last.first_token + last.token_count - 1);
    if (np.ok()) {
      p.speaker = np;
      p.confidence = 0.4f;
    }
  }
  // Speakers, in text order.
  std::vector<size_t> order(out_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto speaker_pos = [&](size_t i) { return out_[i].speaker.ok() ? out_[i].speaker.first : kNoTok; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return speaker_pos(a) < speaker_pos(b); });
  Resolver resolver(doc_, &ent_);
  std::vector<int32_t> speaker_entity(out_.size(), -1);
  for (size_t i : order) {
    if (!out_[i].speaker.ok()) continue;
    speaker_entity[i] = resolver.Resolve(out_[i].speaker);
    const SpeakerNP& np = out_[i].speaker;
    if (np.form == MentionForm::kPronoun || np.form == MentionForm::kDescription) {
      ent_.mentions().push_back({{doc_.toks[np.first].span.begin, doc_.toks[np.last].span.end},
                                 speaker_entity[i], np.form});
      if (speaker_entity[i] >= 0) ent_.entities()[speaker_entity[i]].mentions++;
    }
  }
  std::vector<uint8_t> spoke(ent_.entities().size(), 0);
  for (int32_t e : speaker_entity) {
    if (e >= 0 && static_cast<size_t>(e) < spoke.size()) spoke[e] = 1;
  }
  ent_.Finish(spoke);
  Extraction ex;
  ex.quotes.reserve(out_.size());
  for (size_t i = 0; i < out_.size(); ++i) {
    Pending& p = out_[i];
    Quote q;
    q.kind = p.kind;
    q.content = p.content;
    q.parts = std::move(p.parts);
    if (p.cue != kNoTok) {
      q.cue = doc_.toks[p.cue].span;
      const LexEntry* lex = doc_.toks[p.cue].lex;
      if (lex != nullptr && (lex->cats & kCue)) {
        if (lex->cue_lemma == AccordingToLemma() && p.cue + 1 < n) q.cue.end = doc_.toks[p.cue + 1].span.end;
        q.cue_lemma = std::string(CueLemma(lex->cue_lemma));
      } else {
        char buf[32];
        q.cue_lemma = std::string(LowerAscii(doc_.Str(p.cue), buf, sizeof(buf)));  // unlisted verb
      }
    }
    if (p.speaker.ok()) {
      q.speaker = {doc_.toks[p.speaker.first].span.begin, doc_.toks[p.speaker.last].span.end};
      q.speaker_entity = speaker_entity[i];
      if (q.speaker_entity >= 0) q.speaker_name = ent_.entities()[q.speaker_entity].name;
    }
    q.confidence = p.confidence;
    q.closed = p.closed;
    ex.quotes.push_back(std::move(q));
  }
  std::stable_sort(ex.quotes.begin(), ex.quotes.end(),
                   [](const Quote& a, const Quote& b) { return a.content.begin < b.content.begin; });
  // Entities nothing mentions (an expansion replaced by its tail) are left out.
  std::vector<Entity>& all = ent_.entities();
  std::vector<int32_t> remap(all.size(), -1);
  for (size_t e = 0; e < all.size(); ++e) {
    if (all[e].mentions == 0) continue;
    remap[e] = static_cast<int32_t>(ex.entities.size());
    ex.entities.push_back(std::move(all[e]));
  }
  for (Quote& q : ex.quotes) {
    if (q.speaker_entity >= 0) q.speaker_entity = remap[q.speaker_entity];
    if (q.speaker_entity < 0) q.speaker_name.clear();
  }
  ex.mentions = std::move(ent_.mentions());
  for (Mention& m : ex.mentions) {
    if (m.entity >= 0) m.entity = remap[m.entity];
  }
  std::stable_sort(ex.mentions.begin(), ex.mentions.end(),
                   [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return ex;
}

}  // namespace
}  // namespace internal

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "direct";
}

std::string_view EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson: return "person";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kPlace: return "place";
    case EntityKind::kOther: return "other";
  }
  return "other";
}

Extraction Extract(std::string_view text, const text::Segmentation& segmentation) {
  internal::Extractor x(text, segmentation);
  return x.Run();
}

Extraction Extract(std::string_view text) {
  if (text.size() >= UINT32_MAX) {
    size_t cut = UINT32_MAX - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const text::Segmentation seg = text::Segment(text);
  return Extract(text, seg);
}

}  // namespace witness::quotes
