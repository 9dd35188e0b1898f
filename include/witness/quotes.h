// witness/quotes.h: who said what, and how the sources render it.
//
// Usage:
//   // One article (its text as stored: valid UTF-8, NFC; see article.h):
//   witness::quotes::Extraction ex = witness::quotes::Extract(article.text);
//   for (const witness::quotes::Quote& q : ex.quotes) {
//     std::string_view words = q.content.in(article.text);
//     std::string_view who = q.speaker_name;  // "Vladimir Putin", or "" when unknown
//   }
//
//   // A file exactly as given (any bytes; offsets point into those bytes):
//   witness::StatusOr<witness::quotes::Extraction> ex = witness::quotes::ExtractFromBytes(bytes);
//   if (ex.ok()) std::cout << witness::quotes::QuotesToJson(*ex, bytes);
//
//   // A story: group the quotes that render the same utterance.
//   std::vector<witness::quotes::QuoteInput> in;   // (article id, source, text, Quote), ...
//   std::vector<witness::quotes::QuoteGroup> groups = witness::quotes::CollateQuotes(in);
//
// Rules:
//   - Every span is a byte range [begin, end) into the text given to the call (Extract: the
//     NFC text; ExtractFromBytes: the bytes as given). An empty span (begin == end) means
//     "none". Nothing here throws or fails on bad text: unclosed quote marks, unbalanced
//     nesting and huge paragraphs have defined results (below); time is linear in the text.
//   - Quote marks: "..." “...” ‘...’ '...' «...» »...« „...“ „...” ‚...‘ ‹...› and the
//     doubled apostrophe ''...'' some newspapers print (''' closes a single, then a double).
//     Straight marks open when they are left-flanking (space or an opening bracket before,
//     a non-space after) and close when right-flanking (a mark with space on both sides
//     closes an open one); an apostrophe inside a word ("don't", "Russia’s") or before a
//     year ("’90s") is never a mark; a straight ' or a ’ after a letter closes a single quote
//     only when one is open (else it is the plural possessive "voters' "); a mark right after
//     '=' is a markup attribute. A closing mark closes the innermost open mark of its family
//     (double, single, guillemet); marks opened inside it and left open are dropped; nesting
//     deeper than 32 is ignored.
//   - Paragraphs: a quote open at the end of a paragraph continues when the next paragraph
//     starts with an opening mark of the same family (the newspaper convention); otherwise it
//     ends at the paragraph end with `closed == false` (an open single straight ' is dropped:
//     it is far more often an apostrophe). Quotes never cross more than the paragraphs that
//     continue them.
//   - Kinds: kDirect is quoted material that forms the whole content of an attribution
//     ("...," Mr Putin said / He said: "..." / He told reporters: "..." / a quoted paragraph
//     that continues one); kPartial is reported speech that quotes some of its words (He
//     said his country had defeated an "attempted coup"; Tokayev called the events "an
//     attempted coup"; Trump is "rapidly learning," Gingrich said): its content is the
//     clause, its parts the quoted words; kIndirect is reported speech with no quote marks
//     (cue + "that"-clause, cue + clause, "clause, X said", "according to X"). A quoted
//     whole sentence of four words or more with no speaker found is reported as kDirect
//     without a speaker (confidence 0.2); other quoted words with no cue (scare quotes,
//     titles) are not quotes and are not reported.
//   - Speakers: a cue verb from a small table (said, told, added, according to, vowed, ...)
//     with its subject ("Mr Putin said", "said Mr Putin", "X, the Y, said", "he said", "Putin
//     ... and said", "was prompted to say", "Mike Lee, who declared"), an unlisted verb in
//     -ed right after a name that ends the sentence ("...," Hannity pressed.), a name or the
//     subject before a colon ("Republican pollster Daron Shaw: "...""); for a quote whose own
//     sentence has none: a sentence ending in ':' just before it, the quote it continues,
//     a next paragraph "- Name", the speaker of the previous paragraph's last quote, or the
//     subject of the sentence before. Mentions resolve to an entity of the document:
//       * names: "Mr Putin"/"Putin"/"Putin's" -> the fullest name in the document that ends
//         with that surname ("Vladimir Putin"); among several, the last one mentioned before;
//       * pronouns he/she: the most recent person that was a speaker or a sentence subject
//         in the current or the previous three sentences, of a compatible gender (titles
//         Mr/Mrs/Ms set it, and a he/she resolved when no other person was near), else the
//         most recent compatible person; a person known only by two capitalised words and
//         mentioned once is no antecedent. I/we/they/it/you stay unresolved (the speaker
//         mention is kept, the entity is -1);
//       * descriptions "the Kazakh leader", "Kazakhstan's president", "the Russian president":
//         a role noun (leader ~ president ~ prime minister ... by a small synonym table) with
//         an optional country (a country name, a possessive "Kazakhstan's", or a demonym
//         "Kazakh"), matched against the roles that titles and appositions taught earlier
//         ("Kazakh President Kassym-Jomart Tokayev", "Tokayev, Kazakhstan's president,");
//         "former" roles match only "former" descriptions; the most recent match wins.
//   - Entities: people, organisations and places from capitalised sequences: titles before
//     names make people; keywords (Ministry, Organisation, Council, Party, Inc, ...) make
//     organisations; "Long Name (ACRONYM)" makes the acronym an alias; countries and their
//     subdivisions (and demonyms derived from country names) come from Debian's iso-codes
//     JSON, read at run time from $WITNESS_ISO_CODES_DIR or /usr/share/iso-codes/json (when
//     absent, places are found only by rules). One canonical name per entity: the longest
//     full form in the document. UnifyEntityNames() does the same across documents.
//   - Collation: two quotes match when their speakers are compatible (same canonical name
//     or surname; one unknown needs the threshold + 0.15) and their words do: on stems of
//     content words (stopwords ignored, accents and British/American spellings folded),
//     shared >= CollateOptions::min_shared (2) and
//     0.5 * shared / shorter + 0.5 * LCS / shorter >= CollateOptions::threshold (0.45).
//     Quotes are taken longest first; each joins the group holding its best match, else
//     starts one; a second pass lets a lone quote join a group completed later. Groups never
//     merge, so a short fragment cannot chain two utterances. Variants are the distinct
//     wordings in a group (compared by matching key, punctuation ignored), each with its
//     sources and a word-level diff against the reference: the most common full wording (a
//     fragment under half the longest wording's stems is never the reference).
#ifndef WITNESS_QUOTES_H_
#define WITNESS_QUOTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "witness/status.h"
#include "witness/text.h"

namespace witness::quotes {

using text::Span;

enum class EntityKind : uint8_t { kPerson = 0, kOrganization = 1, kPlace = 2, kOther = 3 };
std::string_view EntityKindName(EntityKind kind);  // "person", "organization", "place", "other"

// How an entity was mentioned.
enum class MentionForm : uint8_t {
  kName = 0,         // "Kassym-Jomart Tokayev", "Mr Putin", "Tokayev's"
  kAcronym = 1,      // "CSTO"
  kDescription = 2,  // "the Kazakh leader", "Kazakhstan's president"
  kPronoun = 3,      // "he", "she"
};

struct Mention {
  Span span;
  int32_t entity = -1;  // index into Extraction::entities; -1 when unresolved
  MentionForm form = MentionForm::kName;
};

struct Entity {
  std::string name;  // canonical: the longest full form ("Kassym-Jomart Tokayev")
  EntityKind kind = EntityKind::kOther;
  std::vector<std::string> aliases;  // other forms seen, distinct: "Tokayev", "Mr Tokayev", "CSTO"
  std::string role;                  // a role learned from titles/appositions: "president"
  std::string country;               // ISO 3166-1 alpha-2 of that role, or of the place itself
  bool former = false;               // the role is a former one ("former president")
  uint32_t mentions = 0;             // how many mentions resolved to it
};

enum class QuoteKind : uint8_t { kDirect = 0, kPartial = 1, kIndirect = 2 };
std::string_view QuoteKindName(QuoteKind kind);  // "direct", "partial", "indirect"

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  // The content: direct quotes from the first opening mark to the last closing mark (marks
  // included; the end of the last paragraph when unclosed); partial and indirect quotes the
  // reported clause.
  Span content;
  // The words attributed verbatim: the inside of each pair of quote marks (a quote split by
  // its attribution, continued by a later sentence or paragraph, or a partial quote with
  // several quoted fragments has several parts), in text order. Indirect quotes: the clause.
  std::vector<Span> parts;
  Span cue;               // the cue as written ("said", "according to"); empty when none
  std::string cue_lemma;  // "say", "tell", "according to"; "" when none
  Span speaker;           // the speaker mention as written ("he", "Mr Putin"); empty when none
  int32_t speaker_entity = -1;  // index into Extraction::entities; -1 when unresolved
  std::string speaker_name;     // that entity's canonical name; "" when unresolved
  float confidence = 0;         // 0..1: how sure the attribution is (see quote_extract.cc)
  bool closed = true;           // false when the closing quote mark was missing
};

struct Extraction {
  std::vector<Quote> quotes;      // in text order of `content.begin`
  std::vector<Entity> entities;   // people, organisations and places of the document
  std::vector<Mention> mentions;  // every resolved or unresolved mention, in text order
};

// Quotes, speakers and entities of one text: valid UTF-8 (text::Normalize's output).
// Never fails; texts of 4 GiB or more are cut at the last UTF-8 boundary before 4 GiB.
Extraction Extract(std::string_view text);
// The same with a segmentation the caller already has (text::Segment(text)).
Extraction Extract(std::string_view text, const text::Segmentation& segmentation);

// Quotes of a file as given: normalises (text::Normalize: UTF-8 repair, NUL removal,
// CRLF -> LF, NFC), extracts, and maps every span back to byte offsets into `bytes`. A span
// that starts or ends inside a changed sequence widens to the whole sequence.
// Fails (ResourceExhausted) only for inputs of 4 GiB or more.
StatusOr<Extraction> ExtractFromBytes(std::string_view bytes);

// The JSON form of an extraction whose spans point into `text` (the `witness quotes --json`
// output). Shape (one object; offsets are bytes into `text`; "text" values are those bytes,
// with invalid UTF-8 replaced by U+FFFD):
//   {"quotes": [{"kind": "direct"|"partial"|"indirect",
//                "begin": 12, "end": 140, "text": "\"We won't ...\"",
//                "parts": [{"begin": 13, "end": 138, "text": "We won't ..."}],
//                "cue": {"begin": 150, "end": 154, "text": "told", "lemma": "tell"} | null,
//                "speaker": {"begin": 141, "end": 149, "text": "Mr Putin",
//                            "name": "Vladimir Putin", "entity": 0} | null,
//                "confidence": 0.95, "closed": true}, ...],
//    "entities": [{"id": 0, "name": "Vladimir Putin", "kind": "person",
//                  "aliases": ["Mr Putin", "Putin"], "role": "president", "country": "RU",
//                  "former": false, "mentions": 7}, ...]}
// "speaker" is present (not null) when a speaker mention was found; "name" is "" and
// "entity" -1 when it did not resolve. `indent` < 0 prints one line.
std::string QuotesToJson(const Extraction& extraction, std::string_view text, int indent = 2);

// Renames entities across documents: a person whose canonical name is a surname-only or
// shorter form of exactly one longer name in another document ("Tokayev" -> "Kassym-Jomart
// Tokayev") takes that name; organisations that share an acronym take the most frequent
// expansion. Updates Quote::speaker_name to match.
void UnifyEntityNames(const std::vector<Extraction*>& documents);

// ---- Collation ------------------------------------------------------------------------------

struct QuoteInput {
  std::string article_id;
  std::string source;     // the outlet, for display ("ft.com"); may be empty
  std::string_view text;  // the text the quote's spans point into
  Quote quote;
};

struct DiffOp {
  enum class Op : uint8_t { kEqual = 0, kInsert = 1, kDelete = 2, kReplace = 3 };
  Op op = Op::kEqual;
  std::string from;  // words of the reference wording (empty for kInsert), space-joined
  std::string to;    // words of this variant (empty for kDelete), space-joined
};
std::string_view DiffOpName(DiffOp::Op op);  // "equal", "insert", "delete", "replace"

struct QuoteVariant {
  std::string text;                      // the quoted words (parts joined by " ... ")
  std::vector<size_t> members;           // indices into the CollateQuotes input
  std::vector<std::string> article_ids;  // distinct, in input order
  std::vector<std::string> sources;      // distinct, in input order
  std::vector<DiffOp> diff;              // against the reference variant (all kEqual for it)
};

struct QuoteGroup {
  std::string speaker;  // the canonical speaker name; "" when none is known
  // When no member has a canonical name: the speaker as most members wrote it, when that is a
  // description and not a pronoun ("the regional electoral office"); else "".
  std::string speaker_phrase;
  std::vector<QuoteVariant> variants;  // the reference first, then by member count
  size_t reference = 0;                // index of the most common wording (always 0)
  float similarity = 0;                // the lowest pairwise score that joined the group
  // What to call the speaker in a listing: the name, else the phrase, else "(speaker unknown)".
  std::string SpeakerLabel() const;
};

struct CollateOptions {
  float threshold = 0.45f;  // minimum score to join two quotes (see Rules)
  size_t min_shared = 2;    // minimum shared content stems
  bool singletons = false;  // also return groups of a single quote
};

// Groups quotes of a story that render the same utterance. Indirect quotes take part too
// (their clause is the wording). Deterministic: groups ordered by first member index.
// Quadratic in the number of quotes (meant for one story: hundreds, not millions).
std::vector<QuoteGroup> CollateQuotes(const std::vector<QuoteInput>& quotes,
                                      const CollateOptions& options = {});

// Word-level diff of two wordings (tokens compared by matching key, so case, curly quotes
// and punctuation do not count); exposed for tests and the CLI.
std::vector<DiffOp> DiffWords(std::string_view reference, std::string_view variant);

}  // namespace witness::quotes

#endif  // WITNESS_QUOTES_H_
