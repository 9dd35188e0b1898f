// Scoring extracted article text against a reference, as the Zyte/Scrapinghub article
// extraction benchmark's evaluate.py does, and loading that benchmark's files.
//
//   clean::PageScore s = clean::ScorePage(truth_text, predicted_text);
//   clean::EvalSummary sum = clean::Summarize(scores);   // precision, recall, f1, accuracy
//
// The measure (reproducing evaluate.py):
//   - tokens are the runs of word characters (Python's \w: letters, digits, other numbers,
//     underscore; marks and punctuation separate tokens);
//   - shingles are the 4-grams of tokens, counted as a MULTISET (evaluate.py uses Counter);
//     a text of 1-3 tokens has one shingle of all of them, an empty text none;
//   - per page tp = sum of min(count_true, count_pred), fp and fn the excesses, all three
//     divided by tp + fp + fn so that every page weighs the same;
//   - precision is averaged over the pages whose prediction has shingles (an empty
//     prediction does not count for precision, and gives recall 0), recall over the pages
//     whose truth has shingles; per page, fp = fn = 0 gives 1; F1 = 2PR / (P + R) of the
//     averages;
//   - accuracy: the share of pages whose token sequence equals the truth's exactly.
#ifndef WITNESS_CLEAN_HTML_EVAL_H_
#define WITNESS_CLEAN_HTML_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "witness/status.h"

namespace witness::clean {

struct PageScore {
  double tp = 0, fp = 0, fn = 0;  // normalised to sum to 1 (all 0 when both texts are empty)
  bool exact = false;             // token sequences equal
  double Precision() const;       // evaluate.py's precision_score
  double Recall() const;
  double F1() const;
};

std::vector<std::string> WordTokens(std::string_view text);

PageScore ScorePage(std::string_view truth, std::string_view prediction);

struct EvalSummary {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  size_t pages = 0;
};
EvalSummary Summarize(const std::vector<PageScore>& pages);

// One page of the benchmark.
struct BenchmarkPage {
  std::string id;  // the sha256 file stem
  std::string url;
  std::string truth;  // articleBody
  std::string html;   // the page's bytes, decompressed
};

// Reads <dir>/ground-truth.json and <dir>/html/<id>.html.gz (zlib). NotFound when the folder
// or its ground truth is absent; Corruption when a file does not decompress or parse.
StatusOr<std::vector<BenchmarkPage>> LoadBenchmark(const std::string& dir);

// Reads a whole gzip (or plain) file.
StatusOr<std::string> ReadGzipFile(const std::string& path);

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_EVAL_H_
