// src/compare/quote_eval.h: quote and speaker extraction scored against PolNeAR.
//
// Used by bench/quotes_eval.cc (the report) and tests/quotes_polnear_test.cc (a floor).
//
// Gold: for each article (text/<a>.txt), the first annotator's .ann file by name
// (attributions/<a>_<annotator>.ann, brat standoff). An attribution is an E line that ties
// Content (+ Content2), Cue and Source text-bound spans; offsets are in characters and are
// converted to bytes here.
//
// A gold attribution is a DIRECT QUOTE when its content begins with an opening double quote
// mark (" “ „ « or the doubled apostrophe '' some papers print) or a ‘, or right after one,
// and ends with a closing mark (" ” » ’ '') or right before one (trailing . , ; : ! ?
// ignored). Everything else (indirect, partial) counts only in
// the "all attributions" line.
//
// Matching: the content of a quote is the set of its bytes with whitespace, quote marks and
// . , ; : ! ? - at the ends of each piece trimmed (gold: the Content segments; predicted: the
// quote's parts for direct quotes, its content span otherwise). A predicted quote matches a
// gold one when the two sets overlap by at least half of their union (Jaccard >= 0.5); pairs
// are taken greedily by decreasing overlap, one to one. "exact" requires equal sets.
// The speaker is right when the predicted speaker mention overlaps the gold Source span, or
// the gold Source overlaps a mention (name, description or pronoun) that resolves to the
// same entity as the predicted speaker. A predicted quote without a speaker is never right.
//
// Splits: articles whose FNV-1a hash of the name is 0 mod 5 are the held-out "test" 20%;
// the rest are "dev" (used to tune the rules).
#ifndef WITNESS_SRC_COMPARE_QUOTE_EVAL_H_
#define WITNESS_SRC_COMPARE_QUOTE_EVAL_H_

#include <cstdint>
#include <string>

#include "witness/status.h"

namespace witness::quotes::eval {

struct Counts {
  uint64_t pred = 0, gold = 0, match = 0, exact = 0, speaker = 0;
};
struct Scores {
  Counts direct, all;  // direct quotes only; every attribution (content only)
  size_t articles = 0;
};
struct Report {
  Scores dev, held_out, overall;
};
struct Options {
  float min_confidence = 0;  // ignore predicted quotes below this confidence
  bool verbose = false;      // print FP / FN / wrong-speaker lines to stdout
};

// Scores every article of a PolNeAR folder (text/ and attributions/).
StatusOr<Report> EvaluatePolnear(const std::string& dir, const Options& options);
bool IsHeldOut(const std::string& article);  // the fixed 20% held-out split
double F1(uint64_t tp, uint64_t pred, uint64_t gold);

}  // namespace witness::quotes::eval

#endif  // WITNESS_SRC_COMPARE_QUOTE_EVAL_H_
