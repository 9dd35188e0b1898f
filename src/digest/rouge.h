// src/digest/rouge.h: ROUGE-1 and ROUGE-2 (Lin 2004) in the usual configuration (ROUGE-1.5.5
// "-m -n 2 -l N", or Google's rouge-score with stemming), for the digest evaluation
// (bench/digest_rouge, tests/digest_rouge_test).
//
//   witness::digest::rouge::Rouge r;                       // Porter stemming on
//   auto sys = r.Tokens(summary, 100);                      // the first 100 words
//   std::vector<std::vector<std::string>> refs = {r.Tokens(ref_a), r.Tokens(ref_b)};
//   witness::digest::rouge::Scores s = r.Average(sys, refs);
//   s.rouge1.recall, s.rouge2.f1 ...
//
// Rules:
//   - Truncation (the "-l N" of ROUGE-1.5.5): the first N words of the text, words being runs
//     of non-whitespace, before tokenisation. 0 means no limit.
//   - Tokens: the text is lower-cased (ASCII), every character other than a-z and 0-9 is a
//     separator (so "Tokayev's" gives "tokayev" and "s", "8,000" gives "8" and "000"), and with
//     stemming on, tokens longer than 3 characters go through the Porter stemmer (Snowball's
//     "porter" algorithm from libstemmer; rouge-score applies its Porter stemmer the same
//     way). Stopwords are kept (ROUGE's default).
//   - Counts are clipped: an n-gram matches min(count in system, count in reference) times.
//     recall = matches / reference n-grams, precision = matches / system n-grams,
//     F1 = 2PR / (P + R); 0 when a denominator is 0.
//   - Several references: Average() scores the system against each reference alone and takes
//     the mean of recall, precision and F1 (a macro-average; jackknifing, the mean over the
//     leave-one-out reference sets of such means, gives the same figure for a system).
//     ROUGE-1.5.5's default pools the counts of all references instead; with references of
//     equal length (TAC's are 241 to 250 words) the two agree closely. For a human reference
//     scored against the others (the human ceiling), call Average() with the others.
#ifndef WITNESS_SRC_DIGEST_ROUGE_H_
#define WITNESS_SRC_DIGEST_ROUGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace witness::digest::rouge {

struct Score {
  double recall = 0, precision = 0, f1 = 0;
};

struct Scores {
  Score rouge1, rouge2;
};

// N-gram overlap of token sequences (already tokenised and stemmed).
Score RougeN(const std::vector<std::string>& system, const std::vector<std::string>& reference,
             int n);

// The first `max_words` whitespace-separated words of `text` (all of it for 0).
std::string FirstWords(std::string_view text, size_t max_words);

class Rouge {
 public:
  explicit Rouge(bool stem = true);
  ~Rouge();
  Rouge(const Rouge&) = delete;
  Rouge& operator=(const Rouge&) = delete;

  // Tokens of the first `max_words` words of `text` (see Rules); 0 for all.
  std::vector<std::string> Tokens(std::string_view text, size_t max_words = 0);

  Scores Compare(const std::vector<std::string>& system,
                 const std::vector<std::string>& reference) const;
  Scores Average(const std::vector<std::string>& system,
                 const std::vector<std::vector<std::string>>& references) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness::digest::rouge

#endif  // WITNESS_SRC_DIGEST_ROUGE_H_
