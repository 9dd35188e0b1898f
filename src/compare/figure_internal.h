// src/compare/figure_internal.h: what ExtractFigures uses to read a number's context.
//
// figure_lexicon.cc: word classes (function words, auxiliaries, reporting cues, months,
//   weekdays, measure words, person nouns) and the topic of an event or counted stem.
// figure_context.cc: attribution, time expressions and retraction/correction status of a
//   figure within its sentence.
// figure_extract.cc: ExtractFigures itself.
#ifndef WITNESS_SRC_COMPARE_FIGURE_INTERNAL_H_
#define WITNESS_SRC_COMPARE_FIGURE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compare/numbers_lexer.h"
#include "witness/figures.h"

namespace witness::figures::internal {

// Word classes of figure context (bit flags).
enum WordFlag : uint32_t {
  kFStop = 1u << 0,         // ends a noun phrase: determiners, prepositions, conjunctions...
  kFAux = 1u << 1,          // may stand between a subject and its participle: were, have been
  kFCue = 1u << 2,          // reporting verb: said, told, reported, announced, estimated
  kFMonth = 1u << 3,        // January, Jan, Sept
  kFWeekday = 1u << 4,      // Monday
  kFMeasure = 1u << 5,      // units, pieces, items, tonnes: takes an "of" phrase
  kFPerson = 1u << 6,       // people, persons, individuals
  kFRetract = 1u << 7,      // retracted, withdrew, rescinded, disavowed
  kFCorrect = 1u << 8,      // corrected, revised, updated, amended
  kFOrder = 1u << 9,        // previously, initially, earlier, later, originally
  kFRelTime = 1u << 10,     // yesterday, today, tonight
  kFTimeUnit = 1u << 11,    // week, month, year, day, weekend, night, morning
  kFPronoun = 1u << 12,     // he, she, they, it, we
  kFVerbIrr = 1u << 13,     // irregular participles and state words: died, fled, held, dead
  kFRelPron = 1u << 14,     // that, which, who
  kFPlace = 1u << 15,       // country, nation, city, population (for "a country of 19 million")
  kFNumberVerb = 1u << 16,  // number, numbered, total, totalled, reached
  kFDet = 1u << 17,         // the, a, an, its, their, his, her, our, these, those
  kFAdverb = 1u << 18,      // also, then, again, already, once, still, just, now, since: short
                            // adverbs that may stand between a subject and its cue ("also said")
};

// Flags of a word (any case). 0 for unknown words.
uint32_t FigureWordFlags(std::string_view word);

// Lower-case ASCII copy of a token's text (other bytes kept).
std::string LowerToken(std::string_view text, const Tok& t);

// The topic an event or counted word's Snowball stem signals (kOther when none).
Topic TopicOfStem(std::string_view stem);

// Canonical form of a counted stem: synonyms folded ("hardwar" -> "equip").
std::string_view CanonicalStem(std::string_view stem);

// Per-token word flags, looked up once per token on demand.
class WordCache {
 public:
  WordCache(std::string_view text, const std::vector<Tok>& toks)
      : text_(text), toks_(toks), flags_(toks.size(), kUnset) {}
  uint32_t Flags(uint32_t i) {
    if (flags_[i] == kUnset) {
      flags_[i] = toks_[i].IsWord() ? FigureWordFlags(Text(i)) : 0u;
    }
    return flags_[i];
  }
  std::string_view Text(uint32_t i) const { return text_.substr(toks_[i].begin, toks_[i].size()); }
  // Case-insensitive comparison with a lower-case ASCII word.
  bool Is(uint32_t i, std::string_view lower) const {
    if (!toks_[i].IsWord() || toks_[i].size() != lower.size()) return false;
    const std::string_view w = Text(i);
    for (size_t k = 0; k < w.size(); ++k) {
      char c = w[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != lower[k]) return false;
    }
    return true;
  }
  bool EndsWith(uint32_t i, std::string_view lower_suffix) const {
    const std::string_view w = Text(i);
    if (!toks_[i].IsWord() || w.size() < lower_suffix.size()) return false;
    for (size_t k = 0; k < lower_suffix.size(); ++k) {
      char c = w[w.size() - lower_suffix.size() + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != lower_suffix[k]) return false;
    }
    return true;
  }

 private:
  static constexpr uint32_t kUnset = 0xFFFFFFFFu;
  std::string_view text_;
  const std::vector<Tok>& toks_;
  std::vector<uint32_t> flags_;
};

// A sentence and its tokens.
struct SentenceView {
  std::string_view text;
  const std::vector<Tok>* toks;
  WordCache* words;
  uint32_t tb = 0, te = 0;  // token range
  text::Span span;
};

// Attribution nearest to tokens [mb, me) in the sentence.
Attribution FindAttribution(const SentenceView& s, uint32_t mb, uint32_t me);

// Time expressions in the sentence.
void FindTimes(const SentenceView& s, std::vector<TimeMention>* out);

// Retraction or correction of the figure at tokens [mb, me).
Status FindStatus(const SentenceView& s, uint32_t mb, uint32_t me, text::Span* cue);

}  // namespace witness::figures::internal

#endif  // WITNESS_SRC_COMPARE_FIGURE_INTERNAL_H_
