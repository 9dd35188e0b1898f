// src/digest/sentences.h: the sentences of one article as the digest sees them: display span
// (dateline removed), words, content terms, and whether (and why not) they may be summarised.
#ifndef WITNESS_SRC_DIGEST_SENTENCES_H_
#define WITNESS_SRC_DIGEST_SENTENCES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "witness/text.h"

namespace witness::digest::internal {

// Why a sentence may not be chosen for a summary (rules in witness/digest.h).
enum class Skip : uint8_t {
  kNone = 0,
  kShort,          // fewer than min words
  kLong,           // more than max words
  kHeading,        // a one-sentence paragraph without terminal punctuation (heading, date line)
  kByline,         // "By ...", "Reporting by ..."
  kQuestion,       // ends in '?'
  kColon,          // ends in ':'
  kLink,           // holds a URL or an e-mail address
  kQuoteOnly,      // every word inside quotation marks
  kQuoteFragment,  // part of a quotation that spans several sentences
};
const char* SkipName(Skip s);

// Term ids shared by all articles of one digest.
class Vocabulary {
 public:
  uint32_t Id(std::string_view term);
  size_t size() const { return ids_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

struct SentenceInfo {
  uint32_t article = 0;         // index of the article in the input
  uint32_t index = 0;           // sentence index in its article
  uint32_t rank = 0;            // index among the article's sentences that are not headings
  uint32_t of = 0;              // sentences in the article that are not headings
  text::Span span;              // what the summary shows: the sentence without its dateline
  uint32_t words = 0;           // word and number tokens in `span`
  std::vector<uint32_t> terms;  // distinct content term ids, sorted
  std::vector<uint16_t> tf;     // their counts, parallel to `terms`
  Skip skip = Skip::kNone;
  bool back_reference = false;  // opens with a pronoun or connective pointing back ("He", "But")
  double RelativePosition() const { return of == 0 ? 0 : double(rank) / double(of); }
};

struct SentenceLimits {
  uint32_t min_words = 8;
  uint32_t max_words = 55;
};

// Appends the sentences of `text` (valid UTF-8) to *out, tagged with `article`.
void AnalyzeArticle(std::string_view text, uint32_t article, const SentenceLimits& limits,
                    text::Analyzer* analyzer, Vocabulary* vocabulary,
                    std::vector<SentenceInfo>* out);

// The content term of a token key: "" when the key is a stopword, an honorific, or has no
// letter or digit; else the folded Snowball stem (words) or the key (numbers).
std::string ContentTerm(std::string_view key, text::TokenKind kind, text::Analyzer* analyzer);

// `text` with each run of whitespace (line breaks included) turned into one space, trimmed.
std::string CollapseSpaces(std::string_view text);

}  // namespace witness::digest::internal

#endif  // WITNESS_SRC_DIGEST_SENTENCES_H_
