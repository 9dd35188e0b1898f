// witness/compare.h: what each source of a story says, and where the sources part.
//
// Usage:
//   std::vector<witness::Article> members = ...;   // one story's articles (store or ingest)
//   witness::compare::StoryComparison c = witness::compare::CompareStory(members);
//   std::cout << witness::compare::ComparisonToText(c);      // `witness compare`
//   std::cout << witness::compare::ComparisonToJson(c);      // `witness compare --json`
//
//   for (const witness::compare::StoryEntity& e : c.entities)      // who and where, unified
//     std::cout << e.name << " in " << e.articles.size() << " articles\n";
//   for (const witness::quotes::QuoteGroup& g : c.quote_groups)    // one utterance, its wordings
//     ...;                                 // members index c.quotes (article + quote)
//   for (const witness::figures::FigureGroup& g : c.figure_groups) // numbers and verdicts
//     ...;                                 // claims index c.figures (source = article id)
//   for (uint32_t f : c.agreed)                                     // for a digest
//     std::cout << c.Text(c.facts[f].where) << "\n";
//   for (const witness::compare::SourceCoverage& s : c.coverage)  // per article:
//     ...;                                 // s.unique (only it says), s.omitted (it leaves out)
//
// Rules:
//   - Input: the articles of one story, in any order; each Article's `text` (valid UTF-8 NFC,
//     as ingest and the store give it), `id`, `source`, `title`, `published` and `agencies`
//     are read. Text that is not valid UTF-8 is repaired (text::Normalize) and the article is
//     flagged `repaired`; id, source, title and published are repaired the same way. Articles are
//     referred to by their index in the input everywhere; an empty id is shown as "#<index>", a
//     repeated one gets "#<index>" appended.
//   - Every span is a byte range [begin, end) into StoryComparison::articles[i].text, which
//     holds the text the comparison read (the input text, or its repair). Text(ref) returns
//     the bytes of a span.
//   - Nothing here throws or fails: empty stories, empty or binary texts, one article, and
//     huge paragraphs have defined (possibly empty) results. Deterministic for a given input
//     order. Cost: extraction is linear in the text; sentence matching goes through an
//     inverted index with a prefix filter (only the terms a sentence needs to reach
//     min(partial_threshold, omission_floor, 0.2) seed candidates; terms in more than
//     CompareOptions::max_postings sentences seed none), every candidate is scored exactly;
//     quote collation is quadratic in the distinct quotes of the story (a copy's verbatim
//     repeats are collated once); syndication alignment runs only on pairs that share
//     near-identical sentences and are not yet known
//     to be copies of each other. Meant for one story: 2 to a few hundred articles.
//
//   Statements and "carrying":
//   - A statement is a sentence (text::Segment) with at least `min_statement_terms` content
//     terms. A term is a word's matching key (text::Analyzer::Key) with stopwords and
//     honorifics dropped, Snowball-stemmed, British/American spellings folded
//     (syndication's fold); a country's name, its possessive, and its demonym fold to one
//     term ("Kazakhstan" = "Kazakhstan's" = "Kazakh" = "Kazakh-led"; iso-codes, see quotes.h).
//   - Terms are weighted by idf over the story's sentences. Article B carries a statement s
//     of A when one of these holds (CarryKind says which):
//       kCopy: s lies (80% of its bytes) inside a passage syndication::Align() found between
//              A and B (only for pairs aligned as copy candidates, below);
//       kQuote: s is mostly (half its bytes or more) a quotation whose collated group (quotes.h)
//               has a member in B of at least 3 content words (a translation, a re-wording);
//       kParaphrase: the idf-weighted share of s's terms found in one sentence of B, or in two
//               adjacent sentences of B, reaches `carry_threshold` (0.5) -- and at least
//               `min_shared_terms` terms are shared.
//     In every case the two sentences must not hold figures about one quantity that
//     figures::CompareFigures judges differ, diverge or conflict ("At least two dozen people
//     were killed" does not carry "At least 164 people were killed"): that is a disagreement,
//     reported as a closest wording with `figures_differ`. Cue verbs (said, told, called) and
//     time words weigh a third of other terms.
//     The carrying sentence of B is cited (span and score). Scores between
//     `partial_threshold` and `carry_threshold` are partial: not carried, but reported as the
//     closest wording.
//
//   Copies and independent accounts:
//   - A pair whose articles share at least 2 statements with a score of 0.9 or more both
//     ways (and at least 10% of the smaller one's statements) is a copy candidate: it is
//     aligned and syndication::Relate()d, most similar pairs first, skipping pairs already in
//     one copy group. near-copy, contains and contained-in join the two articles' copy
//     groups (connected components). Each copy group is one independent account: three
//     outlets running one wire story count once when sources are counted for agreement.
//
//   Facts, agreement, uniqueness, omission:
//   - Facts are statements taken as representatives: statements in order of (independent
//     accounts carrying them, articles carrying them, input order) become a fact unless a
//     fact already took them in: a carrying sentence that the representative carries back
//     (a two-sentence carrier: each sentence only when it alone is carried back), or a
//     statement whose carrier is a representative that its own article carries already (a
//     standfirst repeating the lede). Facts that share a one-sentence carrier are merged under
//     the better supported one. A fact lists its carriers (one per article, its own article
//     first) and counts independent accounts and outlets; facts come best supported first.
//   - Agreed facts: facts carried by at least 2 independent accounts and by more than
//     `agreed_share` (0.5) of all of the story's independent accounts; best supported first.
//   - unique (per article): its statements no other article carries and that carry no other
//     article's statement (alone or with the next sentence), each with its closest wording
//     elsewhere when there is one: a wording whose figures disagree (score >=
//     min(partial_threshold, omission_floor)) first, else the most similar one with a score
//     of partial_threshold or more. Copies carry each other, so a wire story's
//     sentences are unique to none of the outlets that ran it; `group_exclusive` lists the
//     facts only the article's copy group carries (copy groups of two or more only).
//   - omitted (per article): facts carried by at least 2 independent accounts other than the
//     article's own, and by more than `agreed_share` of the other accounts, of which the
//     article has nothing: no carrier, and no wording of any carrier's sentence scoring
//     `omission_floor` (0.3) or more, disagreeing ones included. Strongest first, at most
//     `max_omitted`.
//
//   Entities:
//   - Per article quotes::Extract() entities, names unified across the story
//     (quotes::UnifyEntityNames: "Tokayev", "Mr Tokayev" -> "Kassym-Jomart Tokayev"), then
//     merged story-wide: people by first and last name (words a capitalised sentence start
//     glued on dropped: "Despite Trump" is Trump; "Donald J. Trump" = "Donald Trump"), a
//     surname alone with the one full name of the story that ends with it (none when two
//     do), unclassified names with the person they name; places by ISO 3166 code (countries
//     by alpha-2, subdivisions by their code: "US" = "U.S." = "United States"); others by
//     name (case-insensitive, spelling folds). Demonyms count as mentions of their country,
//     also inside longer names and hyphenated words ("Kazakh President ...",
//     "Russian-led"). Resolved descriptions ("the Kazakh leader") and pronouns count as
//     mentions of their entity. Quote speakers take their entity's story name.
//   - A place's name is its iso-codes name (common name when there is one: "United States",
//     "Iran") when the story writes it, else the form the story writes most often that is not
//     an acronym or a demonym ("Russia"), else the iso-codes name ("Kazakh" alone ->
//     "Kazakhstan"). A person's name is their most used name of two words or more. Kind:
//     the kind most articles give it (other only when none says more). Entities are ordered
//     by articles, then mentions.
//
//   Quotes and figures:
//   - quotes: every quote of every article (speaker names unified); quote_groups:
//     quotes::CollateQuotes over them (singletons included, so a quote only one source
//     carries is a group of one). Verbatim repeats (same speaker, kind and matching form:
//     what copies do) are collated once and join their variant after; then the reference is
//     the most common full wording counting repeats, the diffs are against it, and the other
//     variants follow, full wordings before fragments (under half the longest wording's
//     words), each by member count. Members index `quotes`; QuoteVariant::article_ids are
//     the articles' ids.
//   - figures: every figure with `source` set to the article's id; figure_groups:
//     figures::CompareFigures over them (verdicts, retractions and echoes of retracted values).
#ifndef WITNESS_COMPARE_H_
#define WITNESS_COMPARE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/figures.h"
#include "witness/quotes.h"
#include "witness/syndication.h"
#include "witness/text.h"

namespace witness::compare {

using text::Span;

struct CompareOptions {
  uint32_t min_statement_terms = 4;  // content terms for a sentence to be a statement
  uint32_t min_shared_terms = 3;     // shared terms for a paraphrase carry
  double carry_threshold = 0.5;      // idf-weighted share of a statement's terms
  double partial_threshold = 0.35;   // a closest wording at least this similar is reported
  double agreed_share = 0.5;         // see the Rules: agreed facts and omissions
  double omission_floor = 0.3;       // a wording this close to a fact is no omission of it
  uint32_t max_omitted = 20;         // omissions reported per article
  bool align_copies = true;          // syndication alignment of copy candidates
  uint32_t max_postings = 2000;      // terms in more sentences than this seed no candidates
  quotes::CollateOptions collate = {.singletons = true};
};

// A span of one article.
struct TextRef {
  uint32_t article = 0;
  Span span;
  friend bool operator==(const TextRef&, const TextRef&) = default;
};

struct ArticleInfo {
  std::string id;  // as given; "#<index>" when empty or repeated
  std::string source;
  std::string title;
  std::string published;
  std::string text;         // what every span of this article points into
  bool repaired = false;    // the input text was not valid UTF-8 and was repaired
  uint32_t words = 0;       // word and number tokens
  uint32_t statements = 0;  // sentences that count as statements
  uint32_t copy_group = 0;  // index into StoryComparison::copy_groups
};

// ---- Entities ------------------------------------------------------------------------------

struct EntityForm {
  std::string text;    // as written: "Mr Tokayev", "the Kazakh leader", "Kazakh"
  uint32_t count = 0;  // mentions in that form, across the story
};

struct EntityInArticle {
  uint32_t article = 0;
  uint32_t mentions = 0;
  Span first;  // the first mention in that article
};

struct StoryEntity {
  std::string name;  // one name across the story: "Kassym-Jomart Tokayev", "Kazakhstan"
  quotes::EntityKind kind = quotes::EntityKind::kOther;
  std::string code;     // places: ISO 3166-1 alpha-2 or 3166-2 code ("KZ", "KZ-ALA"); else ""
  std::string role;     // people: "president" (a role some article taught), else ""
  std::string country;  // alpha-2 of that role, or the country of a place
  bool former = false;
  std::vector<EntityForm> forms;          // pronouns left out; most used first
  std::vector<EntityInArticle> articles;  // in input order
  uint32_t mentions = 0;                  // all resolved mentions, pronouns included
  uint32_t sources = 0;                   // distinct outlets
};

// ---- Quotes --------------------------------------------------------------------------------

struct StoryQuote {
  uint32_t article = 0;
  quotes::Quote quote;  // spans into articles[article].text; speaker_name unified
};

// ---- Coverage ------------------------------------------------------------------------------

enum class CarryKind : uint8_t { kParaphrase = 0, kQuote = 1, kCopy = 2 };
std::string_view CarryKindName(CarryKind kind);  // "paraphrase", "quote", "copy"

struct Statement {
  TextRef where;       // the sentence
  uint32_t terms = 0;  // its distinct content terms
};

struct Carrier {
  uint32_t article = 0;
  Span span;        // the carrying sentence(s) in that article
  float score = 0;  // the paraphrase score (1 for the fact's own article)
  CarryKind kind = CarryKind::kParaphrase;
  // The two sentences give figures about one quantity that do not agree (figures.h verdict
  // differ, diverge or conflict): such a sentence is a closest wording, never a carrier.
  bool figures_differ = false;
};

struct Fact {
  uint32_t statement = 0;         // the representative, index into `statements`
  TextRef where;                  // its sentence
  std::vector<Carrier> carriers;  // one per article that carries it; its own article first
  uint32_t independent = 0;       // copy groups among the carriers
  uint32_t sources = 0;           // distinct outlets among the carriers
};

struct UniqueStatement {
  uint32_t statement = 0;  // index into `statements`
  TextRef where;
  bool has_closest = false;  // a partial wording elsewhere (score >= partial_threshold)
  Carrier closest;
};

struct SourceCoverage {
  uint32_t article = 0;
  uint32_t statements = 0;
  uint32_t carried = 0;                   // statements shared: carried by or carrying another's
  std::vector<UniqueStatement> unique;    // in text order
  std::vector<uint32_t> group_exclusive;  // facts only its copy group carries (indices into facts)
  std::vector<uint32_t> omitted;          // facts it leaves out, strongest first
};

struct CopyRelation {
  uint32_t a = 0, b = 0;           // article indices, a < b
  syndication::PairReport report;  // of a to b
};

// ---- The comparison ------------------------------------------------------------------------

struct StoryComparison {
  std::vector<ArticleInfo> articles;
  std::vector<std::vector<uint32_t>> copy_groups;  // article indices; every article in one
  std::vector<CopyRelation> copies;                // the aligned pairs with a copy relation

  std::vector<StoryEntity> entities;

  std::vector<StoryQuote> quotes;                // all quotes, article by article
  std::vector<quotes::QuoteGroup> quote_groups;  // members index `quotes`

  std::vector<figures::SourcedFigure> figures;      // all figures; source = article id
  std::vector<uint32_t> figure_article;             // per figure: its article index
  std::vector<figures::FigureGroup> figure_groups;  // claims index `figures`

  std::vector<Statement> statements;     // all statements, article by article, in text order
  std::vector<Fact> facts;               // best supported first
  std::vector<uint32_t> agreed;          // indices into facts
  std::vector<SourceCoverage> coverage;  // one per article, in input order

  // The bytes of a span ("" when out of range).
  std::string_view Text(const TextRef& ref) const;
  // Number of independent accounts (copy groups).
  size_t Independent() const { return copy_groups.size(); }
};

StoryComparison CompareStory(std::span<const Article> articles, const CompareOptions& options = {});

// The JSON document (one object, UTF-8; byte offsets into each article's text):
//   {"articles": [{"index", "id", "source", "title", "published", "words", "statements",
//                  "copy_group", "repaired"}],
//    "copy_groups": [[0, 1, 4], [2], [3]],
//    "copies": [{"a", "b", "relation", "shared_a", "shared_b",
//                "origin": "a"|"b"|"common"|"unknown", "agency", "reasons": [..]}],
//    "entities": [{"name", "kind", "code", "role", "country", "former", "mentions", "sources",
//                  "forms": [{"text", "count"}],
//                  "articles": [{"article", "mentions", "first": {"begin", "end"}}]}],
//    "quote_groups": [{"speaker", "articles": [..], "similarity",
//                      "variants": [{"text", "articles": [ids], "sources": [..],
//                                    "quotes": [{"article", "begin", "end", "kind"}],
//                                    "diff": [{"op", "from", "to"}]}]}],
//    "figure_groups": [{"key", "label", "topic", "verdict", "summary", "sources",
//                       "claims": [{"article", "text", "begin", "end", "interval", "status",
//                                   "status_cue", "attribution", "sentence": {"begin", "end"}}],
//                       "retracted": [claim positions], "echoes_retracted": [..]}],
//    "facts": [{"article", "begin", "end", "text", "independent", "sources",
//               "carriers": [{"article", "begin", "end", "score", "kind", "figures_differ"}]}],
//    "agreed": [fact indices],
//    "coverage": [{"article", "statements", "carried",
//                  "unique": [{"begin", "end", "text",
//                              "closest": {carrier} | null}],
//                  "group_exclusive": [fact indices], "omitted": [fact indices]}]}
// `indent` < 0 prints one line.
std::string ComparisonToJson(const StoryComparison& comparison, int indent = 2);

// A reader's rendering (what `witness compare` prints): the articles and their copy groups,
// who is mentioned, the quotes several sources carry and how their wordings differ, the
// figures and their verdicts (retractions noted), the agreed facts, and per article what
// only it says and what it leaves out. Lines are at most `width` columns where they can be
// cut (0: no limit).
std::string ComparisonToText(const StoryComparison& comparison, size_t width = 100);

}  // namespace witness::compare

#endif  // WITNESS_COMPARE_H_
