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
//
// Pass A is in quote_direct.cc, pass B in quote_indirect.cc.
#include "compare/quote_extract.h"

#include <algorithm>

namespace witness::quotes {
namespace internal {

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
      const bool para_start =
          q.open_tok == doc_.SentFirst(q.open_tok) &&
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
        ends = r >= n || doc_.toks[r].Has(kSentStart | kTerminal) ||
               doc_.toks[r].paragraph != doc_.toks[q.close_tok].paragraph;
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
    if (doc_.toks[open].Has(kSentStart) &&
        doc_.seg->sentences[pp.first_sentence].first_token != open) {
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
  auto speaker_pos = [&](size_t i) {
    return out_[i].speaker.ok() ? out_[i].speaker.first : kNoTok;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return speaker_pos(a) < speaker_pos(b); });
  Resolver resolver(doc_, &ent_);
  std::vector<int32_t> speaker_entity(out_.size(), -1);
  for (size_t i : order) {
    if (!out_[i].speaker.ok()) continue;
    speaker_entity[i] = resolver.Resolve(out_[i].speaker);
    const SpeakerNP& np = out_[i].speaker;
    if (np.form == MentionForm::kPronoun || np.form == MentionForm::kDescription) {
      ent_.mentions().push_back({{doc_.toks[np.first].span.begin, doc_.toks[np.last].span.end},
                                 speaker_entity[i],
                                 np.form});
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
        if (lex->cue_lemma == AccordingToLemma() && p.cue + 1 < n)
          q.cue.end = doc_.toks[p.cue + 1].span.end;
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
  std::stable_sort(ex.quotes.begin(), ex.quotes.end(), [](const Quote& a, const Quote& b) {
    return a.content.begin < b.content.begin;
  });
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

}  // namespace internal

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kPartial:
      return "partial";
    case QuoteKind::kIndirect:
      return "indirect";
  }
  return "direct";
}

std::string_view EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kPlace:
      return "place";
    case EntityKind::kOther:
      return "other";
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