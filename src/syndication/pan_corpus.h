// src/syndication/pan_corpus.h: runs the aligner over a PAN text-alignment corpus folder
// (shared/data/text-reuse) and scores it with the PAN measures. Used by bench/align_eval and
// tests/synd_pan_test.
#ifndef WITNESS_SRC_SYNDICATION_PAN_CORPUS_H_
#define WITNESS_SRC_SYNDICATION_PAN_CORPUS_H_

#include <string>
#include <vector>

#include "syndication/plagdet.h"
#include "witness/status.h"
#include "witness/syndication.h"

namespace witness::syndication::eval {

struct PanPair {
  std::string klass;  // "02-no-obfuscation", ...
  std::string susp, src;  // file names
  std::vector<Annotation> truth;
};

// The pairs of one class folder (its `pairs` file and truth XMLs); at most `limit` (0 = all),
// taken evenly across the list so a subset spans it.
StatusOr<std::vector<PanPair>> LoadPanClass(const std::string& root, const std::string& klass,
                                            size_t limit);
// The five class folder names, in PAN's order.
std::vector<std::string> PanClasses();

struct PanResult {
  std::vector<Annotation> detections;
  double seconds = 0;
};
// Aligns each pair (A = suspicious, B = source) with AlignRaw on the files' bytes and turns
// the passages into character-offset detections.
StatusOr<PanResult> RunPan(const std::string& root, const std::vector<PanPair>& pairs,
                           const AlignOptions& options);

}  // namespace witness::syndication::eval

#endif  // WITNESS_SRC_SYNDICATION_PAN_CORPUS_H_
