// src/compare/speaker_resolve.h: speaker phrases to entities.
//
// Resolver applies the coreference rules of witness/quotes.h (names by surname, pronouns to
// the most recent compatible person subject or speaker, descriptions by learned roles). Call
// Resolve in text order: resolved speakers become antecedents for later pronouns.
#ifndef WITNESS_SRC_COMPARE_SPEAKER_RESOLVE_H_
#define WITNESS_SRC_COMPARE_SPEAKER_RESOLVE_H_

#include <cstdint>
#include <set>
#include <vector>

#include "compare/entity_extract.h"
#include "compare/speaker_find.h"

namespace witness::quotes::internal {

class Resolver {
 public:
  explicit Resolver(const Doc& doc, EntityIndex* entities) : doc_(doc), ent_(entities) {}
  // The entity of a speaker phrase at its position; -1 when unresolved. Call in text order.
  int32_t Resolve(const SpeakerNP& np);

 private:
  int32_t Pronoun(uint32_t t);
  int32_t Description(const SpeakerNP& np);
  void Record(uint32_t t, int32_t e);
  // Visits person events (names, and the speakers resolved so far) before token t, newest
  // first, or from t on, at most `max` of them, while fn returns true.
  template <typename Fn>
  void Backward(uint32_t t, size_t max, Fn fn) const;
  template <typename Fn>
  void Forward(uint32_t t, size_t max, Fn fn) const;

  const Doc& doc_;
  EntityIndex* ent_;
  std::set<int32_t> spoke_;                 // entities that were speakers so far
  std::vector<EntityIndex::Event> spoken_;  // speaker events, in text order
};

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_SPEAKER_RESOLVE_H_
