// Speaker phrases around cues (SpeakerFinder) and their resolution to entities (Resolver).
#include "compare/speaker_find.h"

#include <algorithm>

namespace witness::quotes::internal {
namespace {

constexpr uint32_t kNotNounCats =
    kPronoun | kClauseWord | kConjunction | kPreposition | kAux | kCue | kSkip | kTime | kStarter;
constexpr uint32_t kMaxDescription = 7;  // words in a description ("the Kazakh leader")

bool IsLyAdverb(const Doc& doc, uint32_t t) {
  const Tok& k = doc.toks[t];
  if (!k.Has(kLowerStart)) return false;
  const std::string_view w = doc.Str(t);
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && k.lex == nullptr;
}

}  // namespace

bool SpeakerFinder::IsCue(uint32_t t) const {
  const Tok& k = doc_.toks[t];
  if (!k.Is(kCue) || inside_[t] >= 0) return false;
  if (k.lex->cue_lemma == AccordingToLemma()) {
    return t + 1 < doc_.toks.size() && doc_.Str(t + 1) == "to";
  }
  // Passive: "was told", "were asked" (the subject is the hearer).
  if (t > 0 && doc_.toks[t - 1].Is(kPassiveAux) && !(k.lex->cue_flags & kParticiple)) return false;
  // Capitalised cue words are names or titles ("Post", "Read"), except at a sentence start.
  if (k.Has(kCapital) && !k.Has(kSentStart)) return false;
  return true;
}

uint32_t SpeakerFinder::SkipTime(uint32_t t, uint32_t upper) const {
  const auto& toks = doc_.toks;
  while (t < upper) {
    const std::string_view w = doc_.Str(t);
    if (toks[t].Is(kTime)) {
      ++t;
      continue;
    }
    if ((w == "on" || w == "last" || w == "this" || w == "late" || w == "early") && t + 1 < upper &&
        toks[t + 1].Is(kTime)) {
      t += 2;
      continue;
    }
    if (toks[t].kind == text::TokenKind::kNumber && t > 0 && toks[t - 1].Is(kTime)) {
      ++t;  // "Jan 10"
      continue;
    }
    break;
  }
  return t;
}

SpeakerNP SpeakerFinder::EndingAt(uint32_t i, uint32_t lower) const {
  const auto& toks = doc_.toks;
  SpeakerNP np;
  const Tok& t = toks[i];
  if (t.Is(kPronoun)) {
    np.first = np.last = i;
    np.form = MentionForm::kPronoun;
    return np;
  }
  const int32_t chunk = ent_.ChunkAt(i);
  // A lone capitalised word opening the sentence that names nothing known ("Officials said")
  // is read as a description below.
  const bool unknown_opener =
      chunk >= 0 && ent_.chunks()[chunk].provisional && ent_.chunks()[chunk].entity < 0;
  if (chunk >= 0 && ent_.chunks()[chunk].last == i && !unknown_opener) {
    const NameChunk& c = ent_.chunks()[chunk];
    np.first = std::max(c.first, lower);
    np.last = i;
    np.form = c.core_first > c.last ? MentionForm::kDescription
              : c.acronym           ? MentionForm::kAcronym
                                    : MentionForm::kName;
    // "the President", "Kazakhstan's President": a description.
    if (np.form == MentionForm::kDescription) {
      uint32_t k = np.first;
      while (k > lower && k > np.first - 3 &&
             (toks[k - 1].Is(kDeterminer) || toks[k - 1].Has(kPossessive) ||
              toks[k - 1].Is(kFormer))) {
        --k;
      }
      np.first = k;
    } else if (np.first > lower && toks[np.first - 1].Is(kDeterminer) &&
               c.kind == EntityKind::kOrganization) {
      --np.first;  // "the Kremlin", "the CSTO"
    }
    return np;
  }
  if (t.kind != text::TokenKind::kWord || t.Is(kNotNounCats) || t.Is(kDeterminer)) return np;
  if (t.Has(kCapital) && !t.Has(kSentStart) && !unknown_opener) {
    // A capitalised word no chunk took (a single unknown name): a name.
    np.first = np.last = i;
    return np;
  }
  if (unknown_opener) {
    const std::string_view w = doc_.Str(i);
    if (w.size() > 4 && w.substr(w.size() - 3) == "ing") return np;  // "Having", "Speaking"
    // "Smith said" is a name; "Officials said", "Democrats said" (plurals) are descriptions.
    if (w.back() != 's' && !t.Has(kPossessive)) {
      np.first = np.last = i;
      np.form = MentionForm::kName;
      return np;
    }
  }
  // A description: collect back to a determiner or a possessive.
  uint32_t k = i;
  bool anchored = false;
  while (k > lower && i - k + 1 < kMaxDescription) {
    const Tok& p = toks[k - 1];
    if (p.Is(kDeterminer | kQuantifier)) {
      --k;
      anchored = true;
      break;
    }
    if (p.kind == text::TokenKind::kWord && (p.Has(kPossessive))) {
      --k;
      anchored = true;
      // "Nazarbayev's press secretary": the possessor may be a name of several words.
      const int32_t pc = ent_.ChunkAt(k);
      if (pc >= 0) k = std::max(ent_.chunks()[pc].first, lower);
      if (k > lower && toks[k - 1].Is(kDeterminer)) --k;
      break;
    }
    if (doc_.Str(k - 1) == "of") {
      --k;
      continue;
    }
    if (p.kind == text::TokenKind::kWord && !p.Is(kNotNounCats)) {
      --k;
      continue;
    }
    if (p.kind == text::TokenKind::kNumber) {
      --k;
      continue;
    }
    break;
  }
  const uint32_t len = i - k + 1;
  // Without a determiner only short plurals stand alone: "officials said", "police said".
  if (!anchored && len > 2) return np;
  if (!anchored && toks[k].Has(kCapital) && !toks[k].Has(kSentStart)) return np;
  np.first = k;
  np.last = i;
  np.form = MentionForm::kDescription;
  return np;
}

SpeakerNP SpeakerFinder::Before(uint32_t cue, uint32_t lower) const {
  const auto& toks = doc_.toks;
  SpeakerNP none;
  if (cue == 0 || cue <= lower) return none;
  uint32_t i = cue - 1;
  // Adverbs and auxiliaries between subject and cue: "he also said", "Putin has said".
  while (i > lower && (toks[i].Is(kSkip) || IsLyAdverb(doc_, i)) && !toks[i].Is(kPronoun)) --i;
  if (i < lower) return none;
  if (toks[i].Has(kCloseParen)) {  // "Smith (R-TX) said"
    uint32_t k = i;
    while (k > lower && i - k < 10 && !toks[k].Has(kOpenParen)) --k;
    if (!toks[k].Has(kOpenParen) || k == lower) return none;
    i = k - 1;
  }
  // "Putin blamed ... and said ...", "Trump was prompted to say": the subject of the sentence.
  if ((toks[i].Is(kConjunction) && (doc_.Str(i) == "and" || doc_.Str(i) == "but")) ||
      doc_.Str(i) == "to") {
    return Subject(cue);
  }
  // "from Mike Lee, who declared ...": the name the relative clause hangs on.
  if ((doc_.Str(i) == "who" || doc_.Str(i) == "which") && i > lower + 1 &&
      toks[i - 1].Has(kComma)) {
    SpeakerNP np = EndingAt(i - 2, lower);
    if (np.ok() && np.form != MentionForm::kPronoun) return np;
    return none;
  }
  if (toks[i].Has(kComma)) {
    // "Kassym-Jomart Tokayev, Kazakhstan's president, described ...": find the comma before
    // (or several: "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said").
    uint32_t j = i;
    SpeakerNP np;
    for (int segments = 0; segments < 5 && !np.ok(); ++segments) {
      const uint32_t from = j;
      while (j > lower && from - j < 20) {
        --j;
        if (toks[j].Has(kComma) || toks[j].Has(kTerminal) || inside_[j] >= 0) break;
      }
      if (!toks[j].Has(kComma) || j <= lower || i - j > 40) return none;
      np = EndingAt(j - 1, lower);
      if (np.ok() && np.form == MentionForm::kDescription && segments > 0) np = SpeakerNP();
    }
    if (!np.ok()) return none;
    if (np.form == MentionForm::kDescription) {
      // "the Vatican spokesman, Federico Lombardi, told ...": the name in apposition.
      const int32_t ck = ent_.ChunkAt(j + 1);
      if (ck < 0 || ent_.chunks()[ck].first != j + 1 || ent_.chunks()[ck].last + 1 != i ||
          ent_.chunks()[ck].core_first > ent_.chunks()[ck].last) {
        return none;
      }
      np.last = i - 1;
      np.form = MentionForm::kName;
      np.appo_first = np.first;
      np.appo_last = j - 1;
      return np;
    }
    np.appo_first = j + 1;
    np.appo_last = i - 1;
    return np;
  }
  return EndingAt(i, lower);
}

SpeakerNP SpeakerFinder::Subject(uint32_t t) const {
  // The first pronoun or known name of the sentence, within its first 15 tokens, before any
  // cue; an introductory phrase ("Back in 1999, Mr. Trump ...", a dateline "NUR-SULTAN, Jan
  // 10 (Reuters) - Russian President ...") is passed over.
  const uint32_t sf = doc_.SentFirst(t);
  SpeakerNP np;
  uint32_t from = sf;
  for (uint32_t k = sf; k < t && k < sf + 15; ++k) {
    if (doc_.toks[k].Has(kDashPunct) && doc_.toks[k].span.begin > 0 &&
        doc_.text[doc_.toks[k].span.begin - 1] == ' ') {
      from = k + 1;  // a dateline or a lead-in ends with " - "
    }
  }
  for (uint32_t k = from; k < t && k < from + 15; ++k) {
    if (inside_[k] >= 0) return np;
    const Tok& tk = doc_.toks[k];
    if (tk.Is(kCue)) return np;
    if (tk.Is(kPronoun) && !tk.Is(kFirstPerson) && doc_.Str(k) != "it" && doc_.Str(k) != "It") {
      np.first = np.last = k;
      np.form = MentionForm::kPronoun;
      return np;
    }
    const int32_t chunk = ent_.ChunkAt(k);
    if (chunk < 0) continue;
    const NameChunk& c = ent_.chunks()[chunk];
    k = c.last;
    if (c.core_first > c.last || (c.provisional && c.entity < 0) || c.last >= t) continue;
    if (c.kind == EntityKind::kPlace) continue;
    np.first = c.first;
    np.last = c.last;
    np.form = c.acronym ? MentionForm::kAcronym : MentionForm::kName;
    return np;
  }
  // "The spokesman refused to answer ...": a description opening the sentence, before a verb.
  if (doc_.toks[from].Is(kDeterminer) && !doc_.toks[from].Is(kClauseWord)) {
    for (uint32_t k = from + 1; k < t && k < from + 6; ++k) {
      const Tok& tk = doc_.toks[k];
      if (tk.kind != text::TokenKind::kWord || inside_[k] >= 0) break;
      const std::string_view w = doc_.Str(k);
      const bool verb = tk.Is(kCue | kAux) ||
                        (tk.Has(kLowerStart) && w.size() > 4 && w.substr(w.size() - 2) == "ed");
      if (verb) {
        if (k == from + 1) break;
        np.first = from;
        np.last = k - 1;
        np.form = MentionForm::kDescription;
        return np;
      }
    }
  }
  return np;
}

bool SpeakerFinder::Fits(uint32_t cue, const SpeakerNP& np) const {
  if (!np.ok()) return false;
  const LexEntry* lex = doc_.toks[cue].lex;
  if (lex != nullptr && (lex->cue_flags & kNounForm) && np.form == MentionForm::kDescription) {
    return false;  // "media reports", "his claims"
  }
  return true;
}

SpeakerNP SpeakerFinder::After(uint32_t at, uint32_t upper) const {
  const auto& toks = doc_.toks;
  SpeakerNP np;
  uint32_t i = SkipTime(at, upper);
  if (i >= upper || inside_[i] >= 0) return np;
  const Tok& t = toks[i];
  if (t.Is(kPronoun)) {
    np.first = np.last = i;
    np.form = MentionForm::kPronoun;
    return np;
  }
  const int32_t chunk = ent_.ChunkAt(i);
  if (chunk >= 0 && ent_.chunks()[chunk].first == i) {
    const NameChunk& c = ent_.chunks()[chunk];
    np.first = i;
    np.last = std::min(c.last, upper - 1);
    np.form = c.core_first > c.last ? MentionForm::kDescription
              : c.acronym           ? MentionForm::kAcronym
                                    : MentionForm::kName;
    return np;
  }
  if (t.kind != text::TokenKind::kWord) return np;
  // "said conservative activist Bob Klaus": words before a name describe it.
  if (t.Has(kLowerStart) && !t.Is(kNotNounCats | kDeterminer | kQuantifier)) {
    for (uint32_t k = i + 1; k < upper && k < i + 5; ++k) {
      const int32_t ck = ent_.ChunkAt(k);
      if (ck >= 0 && ent_.chunks()[ck].first == k &&
          ent_.chunks()[ck].core_first <= ent_.chunks()[ck].last) {
        np.first = i;
        np.last = std::min(ent_.chunks()[ck].last, upper - 1);
        np.form = MentionForm::kName;
        return np;
      }
      if (toks[k].kind != text::TokenKind::kWord || toks[k].Is(kNotNounCats | kDeterminer)) break;
    }
  }
  const bool det = t.Is(kDeterminer | kQuantifier) || t.Has(kPossessive);
  if (!det && t.Is(kNotNounCats)) return np;
  // A description: "the Kazakh leader", "officials", "a spokesman for the ministry".
  uint32_t k = i + (det ? 1 : 0);
  uint32_t last = det ? kNoTok : i;
  if (!det) ++k;
  while (k < upper && k - i < kMaxDescription) {
    const Tok& p = toks[k];
    if (inside_[k] >= 0) break;
    if (p.kind == text::TokenKind::kWord && !p.Is(kNotNounCats) && !p.Is(kDeterminer)) {
      last = k++;
      continue;
    }
    if (p.kind == text::TokenKind::kNumber) {
      last = k++;
      continue;
    }
    if (doc_.Str(k) == "of" && k + 1 < upper) {
      ++k;
      if (k < upper && toks[k].Is(kDeterminer)) ++k;
      continue;
    }
    break;
  }
  if (last == kNoTok) return np;
  if (!det && last > i + 1) return np;  // a bare phrase: only "officials", "police sources"
  np.first = i;
  np.last = last;
  np.form = MentionForm::kDescription;
  // A name inside the description stands for it: "said the spokesman, John Smith" is rare;
  // "said Kazakh President Kassym-Jomart Tokayev" is a chunk already.
  return np;
}

}  // namespace witness::quotes::internal
