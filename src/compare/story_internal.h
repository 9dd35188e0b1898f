// src/compare/story_internal.h: the pieces CompareStory (witness/compare.h) is built from.
//
//   story_terms.cc     content terms of each sentence (stems, spelling and country folds)
//   story_coverage.cc  sentence matching, copy groups, carriers, facts, unique and omitted
//   story_entities.cc  story-wide entities from the per-article extractions
//   story_compare.cc   CompareStory: runs the extractors and the steps above
//   story_render.cc    JSON and text
#ifndef WITNESS_SRC_COMPARE_STORY_INTERNAL_H_
#define WITNESS_SRC_COMPARE_STORY_INTERNAL_H_

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "witness/compare.h"
#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::compare::internal {

// Interns term strings as dense ids.
class TermTable {
  struct Hash_ {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

 public:
  // `weight` (a factor on the term's idf) is kept from the term's first occurrence.
  uint32_t Intern(std::string_view term, float weight = 1.0f);
  size_t size() const { return ids_.size(); }
  float weight(uint32_t id) const { return weights_[id]; }
  // PlaceTerm of a key, remembered (the story repeats its capitalised words).
  const std::string& PlaceOf(std::string_view key);

 private:
  std::unordered_map<std::string, std::string, Hash_, std::equal_to<>> places_;
  std::vector<float> weights_;
  std::unordered_map<std::string, uint32_t, Hash_, std::equal_to<>> ids_;
};

struct SentenceTerms {
  Span span;
  uint32_t first_token = 0, token_count = 0;
  std::vector<uint32_t> terms;  // distinct content terms, sorted
  double weight = 0;            // sum of the terms' idf (set by the coverage step)
  int32_t statement = -1;       // index into StoryComparison::statements, -1 when none
};

// One article's text as the coverage step sees it.
struct ArticleTerms {
  std::string_view text;
  const text::Segmentation* seg = nullptr;
  // Per token t: its terms are token_terms[term_begin[t], term_begin[t + 1]) (a hyphenated
  // word has one per part: "fuel-price" -> fuel, price).
  std::vector<uint32_t> term_begin;
  std::vector<uint32_t> token_terms;
  std::vector<SentenceTerms> sentences;
  // The sentence holding byte `offset` (the last one starting at or before it), -1 when none.
  int32_t SentenceAt(uint32_t offset) const;
};

// The content term of a word, as a string: "revolut", "8,000", "@KZ" for Kazakhstan, its
// demonym and its possessive; "" when the word is no content word (stopword, honorific,
// punctuation). Accents are removed ("d'état" = "d'etat"). `key` is the token's matching key;
// `capitalised` whether the word as written starts with an upper-case letter (only those can name a
// country: "us" is a pronoun).
std::string ContentTerm(std::string_view key, bool capitalised, text::TokenKind kind,
                        text::Analyzer* analyzer);
// The weight factor of a word's term: 1/3 for cue verbs ("said", "told", "called") and time
// words ("Monday", "January"), 1 otherwise.
float TermWeight(std::string_view key);

// Fills `out` (text, seg, per-token terms, sentences with their sorted terms). Country names of
// two or three words ("United States", "South Korean") fold to their country term; hyphenated
// words give a term per part ("fuel-price" = "fuel price", "Russian-led" -> Russia, led).
void BuildArticleTerms(std::string_view text, const text::Segmentation& seg,
                       text::Analyzer* analyzer, TermTable* terms, ArticleTerms* out);

// Appends the content terms of the tokens inside `span` of an article (unsorted, repeated).
void TermsIn(const ArticleTerms& a, Span span, std::vector<uint32_t>* out);

// Everything the coverage step needs, besides the options.
struct CoverageInput {
  std::span<const Article> articles;  // for syndication::Relate (metadata)
  std::vector<ArticleTerms>* terms = nullptr;
  const TermTable* term_table = nullptr;
  const std::vector<StoryQuote>* quotes = nullptr;
  const std::vector<quotes::QuoteGroup>* quote_groups = nullptr;
};

// Copy groups, copies, statements, facts, agreed and coverage of `out` (whose `articles`,
// figures and figure groups are filled already).
void ComputeCoverage(const CoverageInput& in, const CompareOptions& options, StoryComparison* out);

// Story entities from the per-article extractions (names already unified). Sets
// (*doc_to_story)[article][entity] to the story entity of each document entity (-1 for an
// entity that was never mentioned); may be null.
std::vector<StoryEntity> BuildStoryEntities(const StoryComparison& story,
                                            const std::vector<quotes::Extraction>& extractions,
                                            const std::vector<const text::Segmentation*>& segs,
                                            std::vector<std::vector<int32_t>>* doc_to_story);

}  // namespace witness::compare::internal

#endif  // WITNESS_SRC_COMPARE_STORY_INTERNAL_H_
