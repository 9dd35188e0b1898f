// Attribution, time expressions and retraction/correction status of a figure, read from its
// sentence.
//
// Attribution: each reporting cue in the sentence ("said", "told", "according to", also
// "retracted") with a source noun phrase: after "according to"; before the cue ("the interior
// ministry said", skipping adverbs such as "previously" or "first"), or after it when nothing
// precedes
// ("..., said the ministry"). A cue right after "that"/"which"/"who" belongs to a relative
// clause ("a statement that said ...") and is skipped. The cue nearest the figure wins.
#include <algorithm>
#include <cstdlib>

#include "compare/figure_internal.h"

namespace witness::figures::internal {
namespace {

bool IsApostropheS(std::string_view text, const std::vector<Tok>& toks, uint32_t i) {
  // "’s" / "'s" glued to the word before: tokens sym(’) word(s).
  if (i + 1 >= toks.size()) return false;
  const Tok& a = toks[i];
  const Tok& s = toks[i + 1];
  return a.type == TokType::kSym && (a.cp == '\'' || a.cp == 0x2019) && a.gap == kGlued &&
         s.IsWord() && s.gap == kGlued && s.size() == 1 && (text[s.begin] | 0x20) == 's';
}

// An adverb that may stand between a subject and its cue: "-ly" words ("previously said")
// and the short ones of time and sequence ("it first announced", "had also said").
bool IsAdverb(const SentenceView& s, uint32_t i) {
  return ((*s.toks)[i].size() > 4 && s.words->EndsWith(i, "ly")) ||
         (s.words->Flags(i) & (kFOrder | kFAdverb)) != 0;
}

// Token range of a noun phrase ending just before `end` (exclusive), within [lo, end).
// Returns begin == end when none.
uint32_t PhraseBefore(const SentenceView& s, uint32_t lo, uint32_t end) {
  const auto& toks = *s.toks;
  uint32_t b = end;
  int words = 0;
  while (b > lo && words < 7) {
    const uint32_t i = b - 1;
    const Tok& t = toks[i];
    if (t.IsWord()) {
      const uint32_t f = s.words->Flags(i);
      if (f & kFDet) {
        if (words > 0) b = i;  // "the interior ministry": keep the determiner, then stop
        break;
      }
      if ((f & (kFStop | kFCue)) && !(f & kFPronoun)) break;
      if ((f & kFPronoun) && words > 0) break;
      b = i;
      ++words;
      if (f & kFPronoun) break;
      continue;
    }
    // "country’s", "Kassym-Jomart": glued apostrophe-s and hyphens stay inside.
    if (t.type == TokType::kSym && t.gap == kGlued && words > 0 && i > lo && toks[i - 1].IsWord() &&
        (t.cp == '-' || t.cp == 0x2010)) {
      b = i;
      continue;
    }
    if (t.type == TokType::kSym && (t.cp == '\'' || t.cp == 0x2019) && t.gap == kGlued &&
        i + 1 < end && IsApostropheS(s.text, toks, i)) {
      b = i;
      continue;
    }
    break;
  }
  return b;
}

// Token end of a noun phrase starting at `begin`, within [begin, hi).
uint32_t PhraseAfter(const SentenceView& s, uint32_t begin, uint32_t hi) {
  const auto& toks = *s.toks;
  uint32_t e = begin;
  int words = 0;
  bool after_of = false;
  while (e < hi && words < 8) {
    const Tok& t = toks[e];
    if (t.IsWord()) {
      const uint32_t f = s.words->Flags(e);
      if (f & kFDet) {
        if (words > 0 && !after_of) break;
        after_of = false;
        ++e;
        continue;
      }
      after_of = false;
      if (f & (kFStop | kFCue | kFWeekday | kFRelTime)) {
        if (!(s.words->Is(e, "of") && words > 0 && e + 1 < hi && toks[e + 1].IsWord())) break;
        after_of = true;
      }
      ++e;
      ++words;
      continue;
    }
    if (t.type == TokType::kSym && t.gap == kGlued && words > 0 &&
        (t.cp == '-' || t.cp == 0x2010) && e + 1 < hi && toks[e + 1].IsWord()) {
      ++e;
      continue;
    }
    if (IsApostropheS(s.text, toks, e) && words > 0) {
      e += 2;
      continue;
    }
    break;
  }
  // Drop a trailing "of".
  while (e > begin && s.words->Is(e - 1, "of")) --e;
  return words > 0 ? e : begin;
}

text::Span SpanOf(const std::vector<Tok>& toks, uint32_t b, uint32_t e) {
  if (e <= b) return {};
  return {toks[b].begin, toks[e - 1].end};
}

}  // namespace

Attribution FindAttribution(const SentenceView& s, uint32_t mb, uint32_t me) {
  const auto& toks = *s.toks;
  Attribution best;
  uint32_t best_dist = UINT32_MAX;
  for (uint32_t i = s.tb; i < s.te; ++i) {
    const Tok& t = toks[i];
    if (!t.IsWord()) continue;
    const uint32_t f = s.words->Flags(i);
    if (!(f & (kFCue | kFRetract))) continue;
    if (i >= mb && i < me) continue;
    uint32_t sb = i, se = i;
    uint32_t cue_end = i + 1;
    const bool according = s.words->Is(i, "according");
    if (according) {
      if (i + 1 >= s.te || !s.words->Is(i + 1, "to")) continue;
      cue_end = i + 2;
      sb = cue_end;
      se = PhraseAfter(s, cue_end, s.te);
      if (se == sb) continue;
    } else {
      // Skip adverbs and a weekday between the subject and the cue: "previously said".
      uint32_t end = i;
      while (end > s.tb && toks[end - 1].IsWord() &&
             (IsAdverb(s, end - 1) || (s.words->Flags(end - 1) & kFWeekday))) {
        --end;
      }
      if (end > s.tb && (s.words->Flags(end - 1) & kFRelPron)) {
        continue;  // "a statement that said": a relative clause
      }
      sb = PhraseBefore(s, s.tb, end);
      se = end;
      if (sb == se) {
        // Inverted: "..., said the interior ministry."
        const bool after_punct = end > s.tb && toks[end - 1].type == TokType::kSym;
        if (!after_punct && end != s.tb) continue;
        sb = cue_end;
        while (sb < s.te && (s.words->Flags(sb) & (kFWeekday | kFRelTime))) {
          ++sb;
        }
        se = PhraseAfter(s, sb, s.te);
        if (se == sb) continue;
      }
      if (sb < me && se > mb) continue;  // the figure itself is no source
    }
    const uint32_t dist = i < mb ? mb - i : i - me;
    if (dist < best_dist) {
      best_dist = dist;
      best.source_span = SpanOf(toks, sb, se);
      best.source = std::string(best.source_span.in(s.text));
      best.cue_span = SpanOf(toks, i, cue_end);
      best.cue = according ? "according to" : LowerToken(s.text, t);
    }
  }
  return best;
}

void FindTimes(const SentenceView& s, std::vector<TimeMention>* out) {
  const auto& toks = *s.toks;
  auto is = [&](uint32_t i, std::string_view w) { return s.words->Is(i, w); };
  auto flags = [&](uint32_t i) { return s.words->Flags(i); };
  auto is_day = [&](uint32_t i) {
    if (i >= s.te || toks[i].type != TokType::kDigits || toks[i].size() > 2) return false;
    const int v = std::atoi(std::string(s.text.substr(toks[i].begin, toks[i].size())).c_str());
    return v >= 1 && v <= 31;
  };
  auto is_year = [&](uint32_t i) {
    if (i >= s.te || toks[i].type != TokType::kDigits || toks[i].size() != 4) return false;
    const int v = std::atoi(std::string(s.text.substr(toks[i].begin, 4)).c_str());
    return v >= 1800 && v <= 2100;
  };
  auto push = [&](uint32_t b, uint32_t e, TimeMention::Type type) {
    TimeMention m;
    m.span = SpanOf(toks, b, e);
    m.text = std::string(m.span.in(s.text));
    m.type = type;
    out->push_back(std::move(m));
  };
  for (uint32_t i = s.tb; i < s.te; ++i) {
    if (!toks[i].IsWord() && toks[i].type != TokType::kDigits) continue;
    const uint32_t f = flags(i);
    // on / last / this / next / since / by / until + weekday
    if (f & kFWeekday) {
      if (!toks[i].upper) continue;
      uint32_t b = i;
      if (i > s.tb && (is(i - 1, "on") || is(i - 1, "last") || is(i - 1, "this") ||
                       is(i - 1, "next") || is(i - 1, "since") || is(i - 1, "by") ||
                       is(i - 1, "until") || is(i - 1, "early") || is(i - 1, "late"))) {
        b = i - 1;
      }
      uint32_t e = i + 1;
      // "on Monday (Jan 10)"
      if (e + 3 < s.te + 1 && e < s.te && toks[e].IsSym('(') && e + 2 < s.te &&
          (flags(e + 1) & kFMonth) && is_day(e + 2) && e + 3 < s.te && toks[e + 3].IsSym(')')) {
        e += 4;
      }
      push(b, e, TimeMention::Type::kWeekday);
      i = e - 1;
      continue;
    }
    // Month day[, year] | Month year
    if ((f & kFMonth) && toks[i].upper && !(is(i, "may") && !is_day(i + 1) && !is_year(i + 1))) {
      uint32_t e = i + 1;
      if (e < s.te && toks[e].IsSym('.') && toks[e].gap == kGlued) ++e;
      if (is_day(e)) {
        ++e;
        if (e + 1 < s.te && toks[e].IsSym(',') && is_year(e + 1))
          e += 2;
        else if (is_year(e))
          ++e;
        uint32_t b = i;
        if (b > s.tb && is(b - 1, "on")) --b;
        push(b, e, TimeMention::Type::kDate);
        i = e - 1;
        continue;
      }
      if (is_year(e)) {
        push(i, e + 1, TimeMention::Type::kDate);
        i = e;
        continue;
      }
      continue;
    }
    // day Month [year]
    if (is_day(i) && i + 1 < s.te && (flags(i + 1) & kFMonth) && toks[i + 1].upper) {
      uint32_t e = i + 2;
      if (is_year(e)) ++e;
      push(i, e, TimeMention::Type::kDate);
      i = e - 1;
      continue;
    }
    if (f & kFRelTime) {
      push(i, i + 1, TimeMention::Type::kRelative);
      continue;
    }
    // last/this/next/earlier this + week/month/year/night/weekend
    if ((is(i, "last") || is(i, "this") || is(i, "next") || is(i, "past")) && i + 1 < s.te &&
        (flags(i + 1) & kFTimeUnit) && !is(i + 1, "quarter")) {
      uint32_t b = i;
      if (is(i, "this") && i > s.tb && (is(i - 1, "earlier") || is(i - 1, "later"))) {
        b = i - 1;
      }
      push(b, i + 2, TimeMention::Type::kRelative);
      ++i;
      continue;
    }
    // in/since/by/until/during 2019; "the 2022 general election"
    if (is_year(i) && i > s.tb) {
      if (is(i - 1, "in") || is(i - 1, "since") || is(i - 1, "by") || is(i - 1, "until") ||
          is(i - 1, "during") || is(i - 1, "from") || is(i - 1, "of") || is(i - 1, "the")) {
        push(i - 1, i + 1, TimeMention::Type::kYear);
      }
      continue;
    }
    if ((f & kFOrder) && !is(i, "first")) {
      push(i, i + 1, TimeMention::Type::kOrder);
      continue;
    }
    if (is(i, "so") && i + 1 < s.te && is(i + 1, "far")) {
      push(i, i + 2, TimeMention::Type::kOrder);
      ++i;
    }
  }
}

Status FindStatus(const SentenceView& s, uint32_t mb, uint32_t me, text::Span* cue) {
  const auto& toks = *s.toks;
  *cue = {};
  // The nearest retraction or correction cue before the figure.
  constexpr uint32_t kMaxDistance = 15;  // tokens between the cue and the figure
  for (uint32_t j = mb; j > s.tb && mb - j < kMaxDistance; --j) {
    const uint32_t i = j - 1;
    if (!toks[i].IsWord()) continue;
    const uint32_t f = s.words->Flags(i);
    const bool walked_back =
        (s.words->Is(i, "walked") || s.words->Is(i, "walks") || s.words->Is(i, "walk")) &&
        i + 1 < mb && s.words->Is(i + 1, "back");
    if ((f & kFRetract) || walked_back) {
      *cue = SpanOf(toks, i, walked_back ? i + 2 : i + 1);
      return Status::kRetracted;
    }
    if (f & kFCorrect) {
      *cue = SpanOf(toks, i, i + 1);
      // "revised the toll from 164 to 26": the "from" figure was superseded.
      if (mb > s.tb && s.words->Is(mb - 1, "from")) {
        return Status::kSuperseded;
      }
      return Status::kCorrected;
    }
  }
  (void)me;
  // A figure set aside against an earlier one: "19 people were held -- not 58", "19, not 58".
  if (mb >= s.tb + 2 && s.words->Is(mb - 1, "not") &&
      (toks[mb - 2].IsSym(',') || toks[mb - 2].IsSym('-') || toks[mb - 2].IsSym(0x2013) ||
       toks[mb - 2].IsSym(0x2014))) {
    for (uint32_t i = s.tb; i + 2 < mb; ++i) {
      if (toks[i].type == TokType::kDigits) {
        *cue = SpanOf(toks, mb - 1, mb);
        return Status::kSuperseded;
      }
    }
  }
  // An earlier figure the sentence itself reports as earlier: "two days after it first
  // announced a recall of 88,000 units", "the toll, initially put at 12". The cue must be in
  // the figure's own clause: the scan back stops at a comma, a semicolon, a clause word
  // ("before", "but", "while", "after" ...) or another number, so "initially put at 12 before
  // it was raised to 15" supersedes 12, not 15.
  constexpr uint32_t kMaxEarlier = 8;
  for (uint32_t j = mb; j > s.tb && mb - j <= kMaxEarlier; --j) {
    const uint32_t i = j - 1;
    const Tok& t = toks[i];
    if (t.type == TokType::kDigits || t.IsSym(',') || t.IsSym(';') || t.IsSym(':')) break;
    if (!t.IsWord()) continue;
    if (s.words->Is(i, "before") || s.words->Is(i, "but") || s.words->Is(i, "while") ||
        s.words->Is(i, "after") || s.words->Is(i, "now") || s.words->Is(i, "than") ||
        s.words->Is(i, "and") || s.words->Is(i, "to")) {
      break;
    }
    const bool adverb =
        s.words->Is(i, "initially") || s.words->Is(i, "originally") || s.words->Is(i, "previously");
    // "first" and "earlier" only before a past participle in the same clause ("first
    // announced", "earlier reported"): "the first 100 days" is no earlier figure.
    const bool ordinal = (s.words->Is(i, "first") || s.words->Is(i, "earlier")) && i + 1 < mb &&
                         s.words->EndsWith(i + 1, "ed");
    if (adverb || ordinal) {
      *cue = SpanOf(toks, i, i + 1);
      return Status::kSuperseded;
    }
  }
  return Status::kPlain;
}

}  // namespace witness::figures::internal
