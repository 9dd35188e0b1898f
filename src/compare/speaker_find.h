// src/compare/speaker_find.h: the speaker noun phrase around a cue, and its resolution.
//
// SpeakerFinder::Before finds the subject that ends right before a cue ("Mr Putin said", "the
// Kazakh leader said", "Smith, a spokesman, said", "he also said"); After the one that
// follows an inverted cue or "according to" ("said Mr Putin", "according to officials").
// speaker_resolve.h turns a speaker phrase into an entity.
#ifndef WITNESS_SRC_COMPARE_SPEAKER_FIND_H_
#define WITNESS_SRC_COMPARE_SPEAKER_FIND_H_

#include <cstdint>
#include <vector>

#include "compare/entity_extract.h"
#include "compare/quote_doc.h"
#include "compare/quote_marks.h"

namespace witness::quotes::internal {

struct SpeakerNP {
  uint32_t first = kNoTok;  // tokens [first, last] of the mention
  uint32_t last = kNoTok;
  MentionForm form = MentionForm::kName;
  uint32_t appo_first = kNoTok;  // an apposition after it ("Smith, a spokesman, said")
  uint32_t appo_last = kNoTok;
  bool ok() const { return first != kNoTok; }
};

class SpeakerFinder {
 public:
  SpeakerFinder(const Doc& doc, const EntityIndex& entities, const std::vector<int32_t>& inside)
      : doc_(doc), ent_(entities), inside_(inside) {}

  // The subject ending right before token `cue`, not reaching before token `lower`.
  SpeakerNP Before(uint32_t cue, uint32_t lower) const;
  // The phrase starting at token `at` (time words skipped), not reaching `upper` (exclusive).
  SpeakerNP After(uint32_t at, uint32_t upper) const;
  // Is token t a usable cue here (a cue word, "according" before "to", not passive)?
  bool IsCue(uint32_t t) const;
  // Skips time expressions forward from t ("on Monday", "Sunday", "last week").
  uint32_t SkipTime(uint32_t t, uint32_t upper) const;
  // The name or pronoun that opens the sentence of token t (before t), if any.
  SpeakerNP Subject(uint32_t t) const;
  // False when a noun-like cue form ("reports") has a description for subject.
  bool Fits(uint32_t cue, const SpeakerNP& np) const;

 private:
  SpeakerNP EndingAt(uint32_t i, uint32_t lower) const;

  const Doc& doc_;
  const EntityIndex& ent_;
  const std::vector<int32_t>& inside_;
};

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_SPEAKER_FIND_H_
