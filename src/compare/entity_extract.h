// src/compare/entity_extract.h: people, organisations and places of one document.
//
// EntityIndex cuts capitalised sequences ("name chunks") out of each sentence, classifies
// them (rules in witness/quotes.h), groups their mentions into entities with one canonical
// name, and learns roles from titles and appositions. Speaker resolution (speaker_resolve.cc)
// then asks it for the entity of a name, a description or a pronoun.
#ifndef WITNESS_SRC_COMPARE_ENTITY_EXTRACT_H_
#define WITNESS_SRC_COMPARE_ENTITY_EXTRACT_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "compare/entity_places.h"
#include "compare/quote_doc.h"
#include "witness/quotes.h"

namespace witness::quotes::internal {

struct NameChunk {
  uint32_t first = 0;       // first token (titles included)
  uint32_t last = 0;        // last token
  uint32_t core_first = 0;  // first token of the name proper
  EntityKind kind = EntityKind::kOther;
  bool weak = false;  // classified without evidence (two capitalised words)
  bool acronym = false;
  bool provisional = false;  // a lone capitalised word opening a sentence
  int32_t entity = -1;
};

// Extra facts per entity that resolution needs.
struct EntityFacts {
  std::string surname;  // lower case last word of a person's name
  std::string first;    // lower case first word of a person's full name ("" when one word)
  uint8_t role = 0;     // role id (speaker_lexicon.h), 0 when unknown
  std::string country;  // alpha-2 of that role
  bool former = false;
  int gender = 0;      // 0 unknown, 1 male, 2 female
  uint32_t words = 0;  // words in the canonical name
};

class EntityIndex {
 public:
  EntityIndex(const Doc& doc, const Gazetteer& gazetteer);

  // Cuts and classifies the name chunks and builds the entities (call once).
  void Build();
  // After resolution: demotes unsupported two-word "people" (`spoke`: per entity, whether it
  // is the speaker of some quote).
  void Finish(const std::vector<uint8_t>& spoke);

  const std::vector<NameChunk>& chunks() const { return chunks_; }
  // The chunk that contains token t, or -1.
  int32_t ChunkAt(uint32_t t) const { return t < chunk_of_.size() ? chunk_of_[t] : -1; }

  // The entity a name mention (tokens [first, last], titles allowed) denotes, as of token
  // position `at`; creates a person entity for an unknown name when `speaker` is set.
  int32_t ResolveName(uint32_t first, uint32_t last, uint32_t at, bool speaker);
  // The country of a modifier token: a country name, possessive or demonym; "" when none.
  std::string CountryOf(uint32_t t) const;
  // Learns a role for entity e (titles, appositions, descriptions that resolved).
  void LearnRole(int32_t e, uint8_t role, const std::string& country, bool former);

  std::vector<Entity>& entities() { return entities_; }
  // A person only by capitalisation, mentioned once ("Divine Providence"): no antecedent.
  bool Weak(int32_t e) const { return weak_[e] != 0 && entities_[e].mentions < 2; }
  std::vector<EntityFacts>& facts() { return facts_; }
  // Person mentions in text order (token, entity); resolution appends speakers/pronouns.
  struct Event {
    uint32_t tok;
    int32_t entity;
    bool salient;  // a speaker or a sentence subject
  };
  std::vector<Event>& timeline() { return timeline_; }
  std::vector<Mention>& mentions() { return mentions_; }

  // Canonical lower-case key of a name string (spelling folds for organisations).
  static std::string Key(std::string_view name);

 private:
  bool IsNameTok(uint32_t t, bool initial) const;
  bool IsInitialPosition(uint32_t t) const;
  void CutChunks();
  void Classify(NameChunk* c);
  void LearnFromContext(const NameChunk& c);
  int32_t NewEntity(std::string name, EntityKind kind);
  std::string CoreText(uint32_t first, uint32_t last) const;
  // The first token of the name proper in tokens [first, last] (titles skipped).
  uint32_t CoreStart(uint32_t first, uint32_t last, bool* titled) const;
  std::string Initials(uint32_t first, uint32_t last) const;  // lower case, connectors skipped
  const Place* PlaceOf(uint32_t first, uint32_t last) const;
  // Whether tokens [first, last] hold an organisation keyword; whether the capitalised words
  // from t (up to five, within the sentence) do.
  bool AnyOrgKeyword(uint32_t first, uint32_t last) const;
  // Whether token t is in one of the lexicon categories `cats`, with or without its
  // possessive ending ("Coast’s").
  bool WordIs(uint32_t t, uint32_t cats) const;
  // The lexicon entry of token t without its possessive ending ("Coast’s" -> "coast");
  // nullptr when t has no possessive or its base is in no table.
  const LexEntry* PossessiveBase(uint32_t t) const;
  bool OrgNameAt(uint32_t t, uint32_t sent_end) const;

  const Doc& doc_;
  const Gazetteer& gaz_;
  std::vector<NameChunk> chunks_;
  std::vector<int32_t> chunk_of_;
  std::vector<Entity> entities_;
  std::vector<EntityFacts> facts_;
  std::vector<Event> timeline_;
  std::vector<Mention> mentions_;
  std::unordered_map<std::string, int32_t> by_key_;  // full name key -> entity
  std::unordered_map<std::string, std::vector<int32_t>> by_surname_;
  std::unordered_map<std::string, std::vector<int32_t>> by_first_;
  std::vector<uint32_t> last_seen_;  // per entity: last mention token
  std::vector<uint8_t> weak_;        // per entity: a person only by capitalisation
  mutable std::vector<const std::string*> country_cache_;  // per token: CountryOf
};

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_ENTITY_EXTRACT_H_
