// witness/digest.h: what a story says, in about 100 and about 250 words, every sentence cited.
//
// A digest condenses the member articles of one story into two extractive summaries (a brief
// one of about 100 words and a fuller one of about 250), built from the sentences most central
// to the story across all its sources, each sentence cited to every article that carries it,
// plus a timeline of the articles. Nothing is generated: every summary sentence is a sentence
// one of the articles printed, and every citation is a byte span into an Article::text.
//
// Usage:
//   std::vector<witness::Article> members = ...;             // the story's articles (clean text)
//   witness::StatusOr<witness::digest::Digest> d = witness::digest::BuildDigest(members);
//   if (!d.ok()) { std::cerr << d.status().ToString() << "\n"; return 1; }
//   for (const witness::digest::SummarySentence& s : d->brief.sentences) {
//     std::cout << s.text << "\n";
//     for (const witness::digest::Citation& c : s.citations)   // every article carrying it
//       std::cout << "  " << c.source << " " << c.article_id << " [" << c.span.begin << ","
//                 << c.span.end << ")\n";
//   }
//   std::cout << witness::digest::DigestToMarkdown(*d);       // `witness digest STORY`
//   std::cout << witness::digest::DigestToJson(*d);           // `witness digest --json STORY`
//
//   // Sections other components compute (agreed facts, divergent figures, collated quotes,
//   // syndication) ride along in every rendering:
//   std::vector<witness::digest::DigestSection> extra = {
//       {"divergent_figures", "Divergent figures", markdown_body, text_body, json_value}};
//   std::cout << witness::digest::DigestToMarkdown(*d, extra);
//
// Rules:
//   - Input: the story's articles as stored (article.h): `text` valid UTF-8 in NFC, cleaned of
//     boilerplate. Used fields: id, source, title, published, text (the rest is ignored).
//     Order does not matter except to break ties (earlier in the input wins).
//   - BuildDigest fails only on: no articles (InvalidArgument), two articles with the same id
//     (InvalidArgument naming it), more than `max_articles` articles (ResourceExhausted). An
//     article whose text is not valid UTF-8, or longer than `max_article_bytes`, or that has no
//     sentences is skipped with a one-line warning in Digest::warnings naming its id; it still
//     appears in the timeline. It never throws or aborts, and its work is bounded (below).
//   - The same articles and options always give the same digest (no randomness, no clocks).
//     BuildDigest may run on several threads at once (each thread keeps its own bounded stem
//     cache, text.h Analyzer, between calls).
//   - Sentences: text.h segmentation. A sentence can be chosen for a summary unless it is
//       * very short or very long (fewer than `min_sentence_words` or more than
//         `max_sentence_words` words), a heading or date line (a paragraph of one sentence with
//         no terminal punctuation), a byline or staff credit ("By ...", "Reporting by ..."),
//         a question, a sentence ending in ':' (it introduces what follows), or one holding a
//         URL or e-mail address;
//       * a quote fragment without context: all its words are inside quotation marks, or it
//         opens a quotation that goes on in the next sentence, or continues one opened in an
//         earlier sentence (pairing of marks as in quotes.h).
//     A dateline ("NUR-SULTAN (BLOOMBERG) - ", "WASHINGTON — ") opening a sentence is not part
//     of the summary sentence: its text and span start after it. Every sentence, chosen or not,
//     takes part in centrality (it is evidence of what the story is about).
//   - Same sentence: two sentences are copies of one another when the cosine of their tf-idf
//     vectors over folded content stems (text.h stems, British/American spellings unified,
//     stopwords and honorifics left out, numbers kept) is at least `copy_similarity`. Copies
//     become one candidate ("fact"); its support is the number of articles holding a copy.
//   - Centrality: a random walk (damping `damping`) over the graph of facts whose edges are the
//     cosine of their vectors, when at least `edge_threshold` (continuous LexRank). The idf is
//     computed over the story's facts. Score = centrality x position prior (lead sentences of
//     an article first) x title affinity (cosine with the articles' headlines) x support
//     (articles holding a copy) x context (a sentence opening with a pronoun or a connective
//     that points back, "He", "But", "This", scores lower). Weights are in DigestOptions; the
//     defaults and what each signal is worth are measured in doc/performance.md, Digest.
//     The wording shown for a fact is a copy that may be chosen, preferring one that needs
//     no earlier sentence, then the earliest in its article, then the earliest article.
//   - Selection: greedy, maximal marginal relevance. Each step takes the candidate with the
//     best score x (1 - novelty_weight x its largest cosine with a chosen sentence). A fact
//     that says what a chosen one says is out for good: cosine at least `redundancy`, or at
//     least `redundancy_coverage` of the shorter one's idf-weighted content terms found in
//     the other. A sentence is added while the summary stays within `target x (1 +
//     length_slack)` words; selection stops once it has `target` words. The first sentence
//     is always taken, whatever its length. The fuller summary continues the brief one's
//     selection: every brief sentence is in it.
//   - Order: summary sentences are shown in story order: by the earliest publication day of
//     the articles carrying them (an undated article counts as of the story's first known
//     day), then by their relative position in their articles (ledes first), then by score.
//   - Citations: a summary sentence cites every article that carries it: each article that has
//     a copy of it, and each article with a sentence holding at least `carry_coverage` of the
//     summary sentence's weighted content words (and at least `carry_min_terms` of them; all
//     of them when the sentence has fewer). One citation per article, its best sentence; the
//     article the summary sentence was taken from comes first, the others in input order.
//     Spans are byte ranges into that article's `text`.
//   - Timeline: every article once, by publication time (ISO 8601 as stories.h ParsePublished
//     reads it; undated last, in input order), with its source and headline (the title, or
//     the first sentence of the text when there is no title, shortened to 20 words).
//   - Bounds: only the first `max_sentences_per_article` sentences of an article are
//     candidates (later ones are still searched for citations); when a story has more than
//     `max_candidates` sentences, candidates are taken round-robin by position across the
//     articles (all ledes first). With more than 2,000 candidates, terms found in more than a
//     quarter of them do not create graph edges (they still weigh in every cosine's norm).
//   - Renderings (DigestToJson / DigestToMarkdown / DigestToText) never fail. JSON is one
//     object on one line, invalid UTF-8 in any field replaced by U+FFFD. A DigestSection's
//     `json` must be a JSON value; one that does not parse is embedded as a JSON string.
#ifndef WITNESS_DIGEST_H_
#define WITNESS_DIGEST_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "witness/article.h"
#include "witness/status.h"
#include "witness/text.h"

namespace witness::digest {

struct DigestOptions {
  // Target lengths in words (text.h word and number tokens) of the two summaries.
  uint32_t brief_words = 100;
  uint32_t full_words = 250;
  // A summary may run over its target by this fraction (0.15: a 100-word summary stops at 115).
  double length_slack = 0.15;

  // Sentences shorter or longer than these (in words) are never chosen.
  uint32_t min_sentence_words = 8;
  uint32_t max_sentence_words = 55;

  // Two sentences are copies (one fact) when their cosine is at least this.
  double copy_similarity = 0.8;
  // Graph edges: cosine at least this. Random walk: probability of following an edge.
  double edge_threshold = 0.1;
  double damping = 0.85;

  // Score = centrality x (1 + position_weight / sqrt(1 + rank in article))
  //                    x (1 + title_weight x cosine with the headlines)
  //                    x (1 + support_weight x ln(articles holding a copy))
  //                    x context_penalty (when it opens with a back-pointing word).
  double position_weight = 1.5;
  double title_weight = 1.0;
  double support_weight = 0.25;
  double context_penalty = 0.5;

  // A candidate saying the same as a chosen sentence is skipped: cosine at least `redundancy`,
  // or at least `redundancy_coverage` of the shorter one's weighted content words in the other.
  double redundancy = 0.3;
  double redundancy_coverage = 0.7;
  // Below those, a candidate's score is multiplied by 1 - novelty_weight x (its largest cosine
  // with a chosen sentence): maximal marginal relevance.
  double novelty_weight = 2.0;

  // Citation: an article carries a summary sentence when one of its sentences holds at least
  // this share of the summary sentence's weighted content words, and at least
  // `carry_min_terms` of them.
  double carry_coverage = 0.6;
  uint32_t carry_min_terms = 4;

  // Bounds on work (see Rules).
  uint32_t max_articles = 10000;
  uint64_t max_article_bytes = 4u << 20;
  uint32_t max_sentences_per_article = 80;
  uint32_t max_candidates = 6000;
};

// One article carrying a summary sentence.
struct Citation {
  std::string article_id;
  std::string source;
  text::Span span;        // the carrying sentence: bytes in that article's text
  double similarity = 0;  // share of the summary sentence's weighted content words it holds
  bool copy = false;      // the sentence is a copy of the summary sentence (see Rules)
};

struct SummarySentence {
  std::string text;        // the sentence as printed (dateline removed), whitespace runs -> " "
  std::string article_id;  // where this wording comes from (== citations[0].article_id)
  std::string source;
  text::Span span;  // bytes in that article's text
  uint32_t words = 0;
  double score = 0;                 // the selection score (see Rules); comparable within one story
  std::vector<Citation> citations;  // every article carrying it, the source article first
};

struct Summary {
  uint32_t target_words = 0;
  uint32_t words = 0;                      // sum of the sentences' words
  std::vector<SummarySentence> sentences;  // in story order
  std::string Text() const;                // the sentences joined by single spaces
};

struct TimelineEntry {
  std::string published;  // as given ("" when unknown)
  std::string article_id;
  std::string source;
  std::string headline;  // the title, or the opening of the text (headline_from_text)
  bool headline_from_text = false;
};

struct Digest {
  std::string title;        // the headline that best represents the story; "" when none given
  uint32_t articles = 0;    // articles given
  uint32_t sources = 0;     // distinct sources among them
  uint32_t sentences = 0;   // sentences read (all articles)
  uint32_t candidates = 0;  // facts (candidate sentences, copies merged) in the graph
  Summary brief;            // about options.brief_words
  Summary full;             // about options.full_words; contains every brief sentence
  std::vector<TimelineEntry> timeline;
  std::vector<std::string> warnings;  // one line each: skipped articles and why
};

StatusOr<Digest> BuildDigest(std::span<const Article> articles, const DigestOptions& options = {});

// A section another component supplies, rendered after the summaries and the timeline: agreed
// facts, divergent figures, collated quotes, syndication. Empty fields are left out.
struct DigestSection {
  std::string key;       // the JSON key under "sections", snake_case ("divergent_figures")
  std::string heading;   // the Markdown / text heading ("Divergent figures")
  std::string markdown;  // the body as Markdown
  std::string text;      // the body as plain text (DigestToText); markdown is used when empty
  std::string json;      // the body as one JSON value (object or array); "" = none
};

// {"title":..,"articles":..,"sources":..,"brief":{"target_words":..,"words":..,"text":..,
//  "sentences":[{"text":..,"article":..,"source":..,"begin":..,"end":..,"words":..,"score":..,
//  "citations":[{"article":..,"source":..,"begin":..,"end":..,"similarity":..,"copy":..}]}]},
//  "full":{...},"timeline":[{"published":..,"article":..,"source":..,"headline":..,
//  "headline_from_text":..}],"warnings":[..],"sections":{key: json, ...}} on one line.
std::string DigestToJson(const Digest& digest, std::span<const DigestSection> sections = {});

// "# Title", a one-line overview, "## Summary" (brief; each sentence followed by its citations
// as numbered references [1, 3]), "## In more detail" (the full summary), "## Timeline" (a
// table), the extra sections, and "## Sources" (the numbered articles).
std::string DigestToMarkdown(const Digest& digest, std::span<const DigestSection> sections = {});

// The same content as plain text (references as [1, 3], the timeline one article per line).
std::string DigestToText(const Digest& digest, std::span<const DigestSection> sections = {});

}  // namespace witness::digest

#endif  // WITNESS_DIGEST_H_
