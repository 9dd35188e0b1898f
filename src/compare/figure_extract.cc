// ExtractFigures: number mentions -> figures with what they count, the event, topic,
// attribution, times and status (the rules are in witness/figures.h).
//
// Sentences come from text::Segment. Without a Segmentation from the caller, only the blocks
// (text between blank lines) that hold a figure are segmented, each on its own.
#include <algorithm>
#include <cmath>

#include "compare/figure_internal.h"
#include "compare/numbers_internal.h"
#include "witness/figures.h"
#include "witness/text.h"

namespace witness::figures {
namespace {

using internal::FigureWordFlags;
using internal::LowerToken;
using internal::RawNumeral;
using internal::SentenceView;
using internal::Tok;
using internal::TokType;

text::Analyzer& ThreadAnalyzer() {
  thread_local text::Analyzer analyzer;
  return analyzer;
}

std::string StemOf(std::string_view word) {
  text::Analyzer& a = ThreadAnalyzer();
  const std::string key(a.Key(word));
  return std::string(a.Stem(key));
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool IsQuote(const Tok& t) {
  return t.type == TokType::kSym &&
         (t.cp == '"' || t.cp == '\'' || t.cp == 0x201C || t.cp == 0x201D || t.cp == 0x2018 ||
          t.cp == 0x2019 || t.cp == 0xAB || t.cp == 0xBB);
}

bool IsHyphenSym(const Tok& t) {
  return t.type == TokType::kSym && (t.cp == '-' || t.cp == 0x2010 || t.cp == 0x2011);
}

// A participle or state word that reads as the event: "killed", "detained", "dead".
bool EventLike(const std::string& w) {
  if (FigureWordFlags(w) & internal::kFVerbIrr) return true;
  if (w.size() >= 5 && EndsWith(w, "ed") && !(FigureWordFlags(w) & internal::kFStop)) return true;
  return false;
}

// Sentences of the text, from a caller's Segmentation or by segmenting blocks on demand.
class Sentences {
 public:
  Sentences(std::string_view text, const std::vector<Tok>& toks, const text::Segmentation* seg)
      : text_(text), toks_(toks), seg_(seg) {}

  // The sentence holding byte `pos` (falls back to the token's block).
  text::Span At(uint32_t pos, uint32_t tok) {
    if (seg_ != nullptr) return Find(seg_->sentences, pos, 0);
    if (!(pos >= block_.begin && pos < block_.end)) Load(tok);
    return Find(local_.sentences, pos, block_.begin);
  }

 private:
  text::Span Find(const std::vector<text::Sentence>& ss, uint32_t pos, uint32_t shift) const {
    auto it = std::upper_bound(ss.begin(), ss.end(), pos, [&](uint32_t p, const text::Sentence& s) {
      return p < s.span.begin + shift;
    });
    if (it == ss.begin()) return {pos, pos};
    --it;
    const text::Span sp{it->span.begin + shift, it->span.end + shift};
    if (pos >= sp.end) return {pos, pos};
    return sp;
  }

  void Load(uint32_t tok) {
    uint32_t b = tok, e = tok + 1;
    while (b > 0 && toks_[b].gap != internal::kBlank) --b;
    while (e < toks_.size() && toks_[e].gap != internal::kBlank) ++e;
    block_ = {toks_[b].begin, toks_[e - 1].end};
    local_ = text::Segment(text_.substr(block_.begin, block_.size()));
  }

  std::string_view text_;
  const std::vector<Tok>& toks_;
  const text::Segmentation* seg_;
  text::Span block_{1, 0};
  text::Segmentation local_;
};

uint32_t TokenAt(const std::vector<Tok>& toks, uint32_t byte) {
  return static_cast<uint32_t>(
      std::lower_bound(toks.begin(), toks.end(), byte,
                       [](const Tok& t, uint32_t b) { return t.end <= b; }) -
      toks.begin());
}

text::Span SpanOf(const std::vector<Tok>& toks, uint32_t b, uint32_t e) {
  if (e <= b) return {};
  return {toks[b].begin, toks[e - 1].end};
}

class Extractor {
 public:
  Extractor(std::string_view text, const std::vector<Tok>& toks,
            const std::vector<RawNumeral>& nums, internal::WordCache* words)
      : text_(text), toks_(toks), nums_(nums), words_(words) {}

  // Fills *f from mention m at tokens [mb, me) in sentence s; false when m is no figure.
  bool Build(const NumberMention& m, uint32_t mb, uint32_t me, const SentenceView& s, Figure* f);

 private:
  std::string Lower(uint32_t i) const { return LowerToken(text_, toks_[i]); }
  uint32_t Flags(uint32_t i) const { return words_->Flags(i); }
  bool NotAFigure(const NumberMention& m, uint32_t mb, uint32_t me, const SentenceView& s) const;
  // The counted phrase after token `i`; sets *key_b/*key_e to the part that names the thing.
  uint32_t Counted(const NumberMention& m, uint32_t i, const SentenceView& s, uint32_t* cb,
                   uint32_t* kb, uint32_t* ke, bool* compound);

  std::string_view text_;
  const std::vector<Tok>& toks_;
  const std::vector<RawNumeral>& nums_;
  internal::WordCache* words_;
};

// Capitalised nouns that take a number as a name ("Gate 4" is a gate, not four of something).
bool IsNumberedName(std::string_view w) {
  static constexpr std::string_view kNames[] = {
      "gate",    "line",    "terminal", "platform", "route",  "flight",    "article",    "section",
      "chapter", "stage",   "phase",    "pier",     "berth",  "runway",    "highway",    "channel",
      "episode", "season",  "round",    "category", "level",  "ward",      "room",       "reactor",
      "block",   "unit",    "district", "zone",     "sector", "lane",      "exit",       "junction",
      "apollo",  "windows", "iphone",   "galaxy",   "psalm",  "amendment", "resolution",
  };
  for (std::string_view n : kNames) {
    if (w == n) return true;
  }
  return false;
}

bool Extractor::NotAFigure(const NumberMention& m, uint32_t mb, uint32_t me,
                           const SentenceView& s) const {
  if (m.kind == Kind::kOrdinal) return true;
  for (uint32_t i = 0; i < m.numeral_count; ++i) {
    const RawNumeral& r = nums_[m.first_numeral + i];
    if (r.n.label || r.n.in_chain || r.n.time_like || r.n.relative) return true;
  }
  if (m.numeral_count != 1 || m.kind != Kind::kCardinal) return false;
  const RawNumeral& r = nums_[m.first_numeral];
  const double v = r.n.value;
  // Days of the month next to a month name: "Jan 10", "10 January", "(Jan 10)".
  if (!r.n.words && r.integer && v >= 1 && v <= 31) {
    uint32_t p = mb;
    if (p > s.tb && toks_[p - 1].IsSym('.')) --p;
    if (p > s.tb && (Flags(p - 1) & internal::kFMonth) && toks_[p - 1].upper) return true;
    if (me < s.te && (Flags(me) & internal::kFMonth) && toks_[me].upper) return true;
  }
  // Years: four plain digits 1000..2100 unless a plural noun follows ("2030 troops").
  if (r.plain && m.qualifier == Qualifier::kExact && v >= 1000 && v <= 2100 &&
      r.n.span.size() == 4) {
    if (me < s.te && toks_[me].IsWord()) {
      const std::string w = Lower(me);
      const bool plural =
          (EndsWith(w, "s") && !EndsWith(w, "ss") && !(FigureWordFlags(w) & internal::kFStop)) ||
          (FigureWordFlags(w) & internal::kFPerson) || w == "children" || w == "men" ||
          w == "women" || w == "police" || w == "staff" || w == "personnel";
      if (plural && !(FigureWordFlags(w) & internal::kFTimeUnit)) return false;
    }
    return true;
  }
  // Names with a number: "Gate 4", "Line 7", "Terminal 2", "Flight 370", "Article 5".
  if (!r.n.words && r.integer && mb > s.tb && toks_[mb - 1].IsWord() && toks_[mb - 1].upper &&
      IsNumberedName(Lower(mb - 1))) {
    return true;
  }
  // Times: "10 am", "5pm" (glued letters never make a numeral).
  if (me < s.te && toks_[me].IsWord()) {
    const std::string w = Lower(me);
    if (w == "am" || w == "pm" || w == "gmt" || w == "utc" || w == "bst" || w == "cet") {
      return true;
    }
  }
  return false;
}

uint32_t Extractor::Counted(const NumberMention& m, uint32_t i, const SentenceView& s, uint32_t* cb,
                            uint32_t* kb, uint32_t* ke, bool* compound) {
  *compound = false;
  *cb = *kb = *ke = i;
  if (i >= s.te) return i;
  // "six-nation", "81-year-old": a hyphen compound glued to the number.
  if (IsHyphenSym(toks_[i]) && toks_[i].gap == internal::kGlued && i + 1 < s.te &&
      toks_[i + 1].IsWord() && toks_[i + 1].gap == internal::kGlued) {
    uint32_t e = i + 2;
    while (e + 1 < s.te && IsHyphenSym(toks_[e]) && toks_[e].gap == internal::kGlued &&
           toks_[e + 1].IsWord() && toks_[e + 1].gap == internal::kGlued) {
      e += 2;
    }
    *compound = true;
    *cb = i + 1;
    *kb = i + 1;
    *ke = e;
    return e;
  }
  uint32_t j = i;
  // "thousands of people", "20% of the vote", "three of the victims".
  if (toks_[j].IsWord() && Lower(j) == "of") {
    const RawNumeral& r = nums_[m.first_numeral];
    const bool partitive = r.n.vague || r.n.fraction || m.kind == Kind::kPercent ||
                           (j + 1 < s.te && (Flags(j + 1) & internal::kFDet));
    if (!partitive) return i;
    ++j;
    while (j < s.te && (Flags(j) & internal::kFDet)) ++j;
  }
  bool quoted = false;
  if (j < s.te && IsQuote(toks_[j])) {
    quoted = true;
    ++j;
  }
  const uint32_t start = j;
  uint32_t e = j;
  int words = 0;
  while (e < s.te && words < 5) {
    const Tok& t = toks_[e];
    if (t.IsWord()) {
      const std::string w = Lower(e);
      const uint32_t f = FigureWordFlags(w);
      if (f & (internal::kFStop | internal::kFCue | internal::kFMonth | internal::kFWeekday)) {
        break;
      }
      // "U.S.", "a.m.": an abbreviation of single letters ends the phrase.
      if (t.size() == 1 && e + 1 < s.te && toks_[e + 1].IsSym('.')) break;
      if (t.info != nullptr && t.info->cls != internal::NumClass::kNone && words == 0) break;
      ++e;
      ++words;
      continue;
    }
    if (IsHyphenSym(t) && t.gap == internal::kGlued && words > 0 && e + 1 < s.te &&
        toks_[e + 1].IsWord() && toks_[e + 1].gap == internal::kGlued) {
      ++e;
      continue;
    }
    break;
  }
  if (words == 0) return i;
  // "100 Haven Avenue", "5 Downing Street": capitalised words after a number are a name.
  {
    bool all_caps = true;
    for (uint32_t k = start; k < e && all_caps; ++k) {
      if (toks_[k].IsWord() && !toks_[k].upper) all_caps = false;
    }
    if (all_caps && !quoted) return i;
  }
  // A final participle is the event, not the thing: "164 killed", "people killed in".
  {
    const std::string last = Lower(e - 1);
    const bool followed_by_word =
        e < s.te && toks_[e].IsWord() && !(Flags(e) & (internal::kFStop | internal::kFCue));
    if (EventLike(last) && !followed_by_word && !quoted) {
      --e;
      --words;
      if (words == 0) return i;
    }
  }
  uint32_t end = e;
  if (quoted && end < s.te && IsQuote(toks_[end])) ++end;
  *cb = quoted ? start - 1 : start;
  *kb = start;
  *ke = e;
  // Measure words take their "of" phrase: "250 units of military equipment".
  if ((Flags(e - 1) & internal::kFMeasure) && e + 1 < s.te && toks_[e].IsWord() &&
      Lower(e) == "of") {
    uint32_t k = e + 1;
    while (k < s.te && (Flags(k) & internal::kFDet)) ++k;
    const uint32_t nb = k;
    int w2 = 0;
    while (k < s.te && w2 < 4 && toks_[k].IsWord() &&
           !(Flags(k) & (internal::kFStop | internal::kFCue))) {
      ++k;
      ++w2;
    }
    if (w2 > 0) {
      *kb = nb;
      *ke = k;
      end = k;
    }
  }
  return end;
}

bool Extractor::Build(const NumberMention& m, uint32_t mb, uint32_t me, const SentenceView& s,
                      Figure* f) {
  if (NotAFigure(m, mb, me, s)) return false;
  f->number = m;
  f->text = std::string(m.span.in(text_));
  f->sentence = s.span;
  // What it counts.
  uint32_t cb = me, kb = me, ke = me;
  bool compound = false;
  const uint32_t counted_end = Counted(m, me, s, &cb, &kb, &ke, &compound);
  std::vector<std::string> stems;
  std::string head_word;
  if (counted_end > me && ke > kb) {
    f->counted_span = SpanOf(toks_, cb, counted_end);
    // The phrase without its quotes: "26 "armed criminals"" counts armed criminals.
    const bool quoted = cb < kb && IsQuote(toks_[cb]);
    f->counted = std::string((quoted ? SpanOf(toks_, kb, ke) : f->counted_span).in(text_));
    for (uint32_t k = kb; k < ke; ++k) {
      if (!toks_[k].IsWord()) continue;
      const std::string w = Lower(k);
      if (FigureWordFlags(w) & internal::kFDet) continue;
      stems.push_back(std::string(internal::CanonicalStem(StemOf(w))));
      head_word = w;
    }
  }
  // The event: after the counted phrase, through auxiliaries.
  uint32_t eb = 0, ee = 0;
  {
    uint32_t j = counted_end > me ? counted_end : me;
    if (j < s.te && IsQuote(toks_[j])) ++j;
    int aux = 0;
    while (j < s.te && aux < 6 && toks_[j].IsWord() && (Flags(j) & internal::kFAux) &&
           !EventLike(Lower(j))) {
      ++j;
      ++aux;
    }
    if (j < s.te && toks_[j].IsWord() && EventLike(Lower(j))) {
      eb = j;
      ee = j + 1;
    } else if (counted_end == me) {
      // "164 killed": the participle right after the number.
      const uint32_t k = me;
      if (k < s.te && toks_[k].IsWord() && EventLike(Lower(k))) {
        eb = k;
        ee = k + 1;
      }
    }
  }
  // Or an event word just before the number: "killing 12", "the death toll rose to 164",
  // "deployed just over 2,000 troops".
  if (ee == 0) {
    for (uint32_t j = mb, steps = 0; j > s.tb && steps < 5; --j, ++steps) {
      const uint32_t k = j - 1;
      const Tok& t = toks_[k];
      if (!t.IsWord()) break;
      if (t.info != nullptr && t.info->cls != internal::NumClass::kNone) break;
      const std::string w = Lower(k);
      const uint32_t fl = FigureWordFlags(w);
      const Topic topic = internal::TopicOfStem(StemOf(w));
      if (topic != Topic::kOther && topic != Topic::kForces) {
        eb = k;
        ee = k + 1;
        if (k > s.tb && Lower(k - 1) == "death" && w == "toll") eb = k - 1;
        break;
      }
      if (steps <= 1 && !(fl & (internal::kFStop | internal::kFAux | internal::kFCue)) &&
          EndsWith(w, "ed") && w.size() >= 5) {
        eb = k;
        ee = k + 1;
        break;
      }
    }
  }
  if (ee > eb) {
    f->event_span = SpanOf(toks_, eb, ee);
    f->event = std::string(f->event_span.in(text_));
    f->event_key = StemOf(Lower(ee - 1));
  }
  // Topic.
  Topic topic = Topic::kOther;
  if (m.kind == Kind::kMoney) topic = Topic::kMoney;
  if (m.kind == Kind::kPercent) topic = Topic::kPercent;
  const bool age = (compound && f->counted.find("year") != std::string::npos &&
                    f->counted.find("old") != std::string::npos) ||
                   (head_word.rfind("year", 0) == 0 && counted_end < s.te &&
                    toks_[counted_end].IsWord() && Lower(counted_end) == "old") ||
                   (mb > s.tb && toks_[mb - 1].IsWord() && Lower(mb - 1) == "aged");
  if (topic == Topic::kOther) {
    if (age) {
      topic = Topic::kAge;
    } else if (!f->event_key.empty() && internal::TopicOfStem(f->event_key) != Topic::kOther) {
      topic = internal::TopicOfStem(f->event_key);
      if (topic == Topic::kForces) topic = Topic::kOther;
    } else if (f->event_key == "held" &&
               (stems.empty() || (FigureWordFlags(head_word) & internal::kFPerson))) {
      topic = Topic::kDetention;  // "8,000 people were held"; not "five debates held"
    }
    if (topic == Topic::kOther && !stems.empty()) {
      topic = internal::TopicOfStem(stems.back());
      for (size_t k = stems.size(); topic == Topic::kOther && k > 0; --k) {
        topic = internal::TopicOfStem(stems[k - 1]);
      }
    }
    if (topic == Topic::kOther && !head_word.empty() &&
        (FigureWordFlags(head_word) & internal::kFTimeUnit) && f->event.empty() && !compound) {
      topic = Topic::kDuration;
    }
    // "a country of 19 million people", "a population of 19 million".
    uint32_t q = mb;
    if (q > s.tb && toks_[q - 1].IsWord() && Lower(q - 1) == "of" && q - 1 > s.tb &&
        (Flags(q - 2) & internal::kFPlace)) {
      topic = Topic::kPopulation;
    }
  }
  // The counted key: person nouns (and nothing, for events about people) are "people".
  const bool person_topic = topic == Topic::kDeath || topic == Topic::kInjury ||
                            topic == Topic::kCasualty || topic == Topic::kDetention ||
                            topic == Topic::kMissing || topic == Topic::kDisplacement ||
                            topic == Topic::kPopulation;
  if (!head_word.empty() && (FigureWordFlags(head_word) & internal::kFPerson)) {
    f->counted_key = "people";
  } else if (stems.empty()) {
    f->counted_key = person_topic ? "people" : "";
  } else {
    for (const auto& st : stems) {
      if (!f->counted_key.empty()) f->counted_key += ' ';
      f->counted_key += st;
    }
  }
  // "terrorists who number as many as 20,000": the thing is before the number.
  if (f->counted.empty()) {
    uint32_t q = mb;
    if (q > s.tb && toks_[q - 1].IsWord() && (Flags(q - 1) & internal::kFNumberVerb)) {
      --q;
      if (q > s.tb && toks_[q - 1].IsWord() && (Flags(q - 1) & internal::kFRelPron)) --q;
      while (q > s.tb && IsQuote(toks_[q - 1])) --q;
      if (q > s.tb && toks_[q - 1].IsWord() && !(Flags(q - 1) & internal::kFStop)) {
        f->counted_span = SpanOf(toks_, q - 1, q);
        f->counted = std::string(f->counted_span.in(text_));
        f->counted_key = std::string(internal::CanonicalStem(StemOf(Lower(q - 1))));
        if (topic == Topic::kOther) topic = internal::TopicOfStem(f->counted_key);
      }
    }
  }
  f->topic = topic;
  // The interval compared: counts and amounts are never negative.
  f->interval = m.interval;
  if ((m.kind == Kind::kCardinal || m.kind == Kind::kMoney) && !(m.value < 0) &&
      f->interval.lo < 0) {
    f->interval.lo = 0;
    f->interval.lo_closed = true;
  }
  // The claim's span.
  uint32_t b = m.span.begin, e = m.span.end;
  if (f->counted_span.size() > 0) e = std::max(e, f->counted_span.end);
  if (f->event_span.size() > 0) {
    b = std::min(b, f->event_span.begin);
    e = std::max(e, f->event_span.end);
  }
  f->span = {b, e};
  // Attribution and times are read within a window around the figure, so that a
  // paragraph-long "sentence" costs linear time.
  constexpr uint32_t kWindow = 60;  // tokens on each side
  SentenceView w = s;
  w.tb = std::max(s.tb, mb > kWindow ? mb - kWindow : 0u);
  w.te = std::min(s.te, me + kWindow);
  f->attribution = internal::FindAttribution(w, mb, me);
  internal::FindTimes(w, &f->times);
  f->status = internal::FindStatus(s, mb, me, &f->status_cue);
  if (f->status != Status::kPlain) f->status_cue_text = std::string(f->status_cue.in(text_));
  return true;
}

std::vector<Figure> Extract(std::string_view text, const text::Segmentation* seg) {
  std::vector<Figure> out;
  if (text.size() > UINT32_MAX - 1) text = text.substr(0, UINT32_MAX - 1);
  thread_local std::vector<Tok> toks;
  thread_local std::vector<RawNumeral> nums;
  thread_local std::vector<NumberMention> mentions;
  internal::Lex(text, &toks);
  internal::FindNumerals(text, toks, NumberOptions{}, &nums);
  internal::ComposeMentions(text, toks, nums, &mentions);
  if (!mentions.empty()) {
    Sentences sentences(text, toks, seg);
    internal::WordCache words(text, toks);
    Extractor ex(text, toks, nums, &words);
    for (const NumberMention& m : mentions) {
      if (m.kind == Kind::kOrdinal) continue;
      const uint32_t mb = TokenAt(toks, m.span.begin);
      const uint32_t me = TokenAt(toks, m.span.end - 1) + 1;
      if (mb >= toks.size()) continue;
      SentenceView s;
      s.text = text;
      s.toks = &toks;
      s.words = &words;
      s.span = sentences.At(m.span.begin, mb);
      if (s.span.size() == 0) s.span = {toks[mb].begin, toks[me - 1].end};
      s.tb = TokenAt(toks, s.span.begin);
      s.te = std::max(TokenAt(toks, s.span.end - 1) + 1, me);
      // A Segmentation of some other text must not send us out of bounds.
      s.te = std::min<uint32_t>(s.te, static_cast<uint32_t>(toks.size()));
      s.tb = std::min(s.tb, mb);
      Figure f;
      if (!ex.Build(m, mb, me, s, &f)) continue;
      // "19 people were held -- not 58": the figure set aside counts what the one before it
      // in the sentence counts.
      if (f.status == Status::kSuperseded && f.status_cue_text == "not" && f.counted.empty() &&
          !out.empty() && out.back().sentence == f.sentence) {
        const Figure& before = out.back();
        f.counted = before.counted;
        f.counted_key = before.counted_key;
        f.event = before.event;
        f.event_key = before.event_key;
        f.topic = before.topic;
      }
      out.push_back(std::move(f));
    }
  }
  // The per-thread buffers keep their capacity between calls, but not after a huge text.
  constexpr size_t kKeep = size_t{1} << 20;
  if (toks.capacity() > kKeep) std::vector<Tok>().swap(toks);
  if (nums.capacity() > kKeep) std::vector<RawNumeral>().swap(nums);
  if (mentions.capacity() > kKeep) std::vector<NumberMention>().swap(mentions);
  return out;
}

}  // namespace

std::vector<Figure> ExtractFigures(std::string_view text) { return Extract(text, nullptr); }

std::vector<Figure> ExtractFigures(std::string_view text, const text::Segmentation& seg) {
  return Extract(text, &seg);
}

}  // namespace witness::figures
