// src/compare/speaker_lexicon.h: the small word tables quote and entity extraction read.
//
// One table maps a lower-case ASCII word (curly apostrophes folded to ') to its categories:
// cue verbs (with lemma and how the verb attributes), pronouns, determiners, titles, role
// nouns, organisation keywords, connectors inside names, time words, and the adverbs and
// auxiliaries allowed between a speaker and the cue. The tables themselves are in
// speaker_lexicon.cc (cue verbs, pronouns, function words) and entity_lexicon.cc (titles,
// roles, organisation keywords, months and days).
#ifndef WITNESS_SRC_COMPARE_SPEAKER_LEXICON_H_
#define WITNESS_SRC_COMPARE_SPEAKER_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace witness::quotes::internal {

// Category bits of a word.
enum Cat : uint32_t {
  kCue = 1u << 0,           // a form of a cue verb (see CueForm)
  kPronoun = 1u << 1,       // he she they I we it you (subject forms)
  kDeterminer = 1u << 2,    // the a an this that these those his her its their our my your
  kSkip = 1u << 3,          // may stand between a speaker and its cue: also, later, has, would
  kClauseWord = 1u << 4,    // that whether if how why what when where who which
  kTitle = 1u << 5,         // a person's title before a name: mr president senator ...
  kRole = 1u << 6,          // a role noun: president leader minister spokesman ...
  kOrgKeyword = 1u << 7,    // ministry organisation council party inc ...
  kConnector = 1u << 8,     // of de van von der bin al la le du da del y &
  kTime = 1u << 9,          // monday ... sunday, january ... december, today, yesterday
  kPreposition = 1u << 10,  // in on at during for with from by after before over about
  kConjunction = 1u << 11,  // and but or nor so yet while although because
  kAux = 1u << 12,          // is was were has had have would will could should may might ...
  kStarter = 1u << 13,      // common sentence-initial function words (never a name alone)
  kFormer = 1u << 14,       // former ex then late outgoing
  kMale = 1u << 15,         // mr he him his sir king lord
  kFemale = 1u << 16,       // mrs ms miss she her hers queen lady dame madam
  kPlural = 1u << 17,       // they we (plural pronouns)
  kFirstPerson = 1u << 18,  // i we
  kPassiveAux = 1u << 19,   // was were been being is are be (before a participle: passive)
  kQuantifier = 1u << 20,   // one some many several ...: may open a description ("one person")
  kNotPersonWord = 1u << 21,  // plus pro north coast lane ...: a product or place, no person
};

// How a cue verb form behaves.
enum CueFlag : uint8_t {
  kInvert = 1,       // "..., said Mr Putin": the speaker may follow this form
  kClause = 2,       // takes a reported clause without "that" ("He said the forces had ...")
  kThatClause = 4,   // takes a "that"-clause (indirect speech)
  kObject = 8,       // takes a hearer or object first: "told reporters that", "called the events"
  kParticiple = 16,  // -ing form: "..., saying ..." (no subject of its own)
  kQuoteOnly = 32,   // attributes quoted words only (chanted, joked, called, read)
  kNounForm = 64,    // this form is also a common noun ("reports", "claims"): needs a name or
                     // pronoun subject
};

struct LexEntry {
  uint32_t cats = 0;
  uint8_t cue_flags = 0;
  uint16_t cue_lemma = 0;  // index into CueLemma(); valid when cats & kCue
  uint8_t role = 0;        // index into RoleName(); valid when cats & (kRole | kTitle)
};

// The entry of a word (lower case ASCII; any other input finds nothing). nullptr when the
// word is in no table. Thread-safe; the table is built on first use.
const LexEntry* Lookup(std::string_view lower_word);

// A quick filter before Lookup: false when no word of the tables starts with `first_lower`
// (an ASCII lower-case byte) and has `len` bytes.
bool MaybeWord(char first_lower, size_t len);

// Lower-cases ASCII `word` into `buf` (capacity `cap`), folding U+2019 to '. Returns the
// lower-case view, or an empty view when the word is too long or has other non-ASCII bytes.
std::string_view LowerAscii(std::string_view word, char* buf, size_t cap);

std::string_view CueLemma(uint16_t id);  // "say", "tell", "according to"
uint16_t AccordingToLemma();             // the id of "according to"

// Role names: canonical role ("president", "prime minister", "spokesperson") of a role id.
std::string_view RoleName(uint8_t id);
// True when a description with role `described` may denote a person with role `known`
// ("leader" ~ "president" ~ "prime minister"; equal roles always).
bool RolesCompatible(uint8_t described, uint8_t known);
// Multi-word roles: "prime minister", "foreign minister", "press secretary", "secretary of
// state", "head of state": the role id of `first second` (lower case), or 0.
uint8_t TwoWordRole(std::string_view first, std::string_view second);

// Fills the entity-side tables (titles, roles, org keywords, months, days); entity_lexicon.cc.
struct WordRow {
  const char* word;
  uint32_t cats;
  const char* role;  // canonical role for titles and role nouns, else nullptr
};
const WordRow* EntityWordRows(size_t* n);

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_SPEAKER_LEXICON_H_
