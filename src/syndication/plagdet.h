// src/syndication/plagdet.h: the PAN plagiarism-detection measures (Potthast et al., "An
// Evaluation Framework for Plagiarism Detection", COLING 2010), as the PAN text-alignment
// task computes them: macro-averaged character precision and recall, granularity, plagdet.
//
// A case or detection is a pair of character ranges, one in the suspicious document
// ("this") and one in the source. A detection detects a case when both refer to the same two
// documents and both ranges overlap. Recall of a case: characters of the case (in both
// documents) covered by the detections that detect it, over the case's characters; recall is
// the mean over all cases (0 for undetected ones). Precision is the same with the roles of
// cases and detections swapped. Granularity: the mean number of detections per detected case.
// plagdet = F1(precision, recall) / log2(1 + granularity). With no cases and no detections,
// recall and precision are 1; with only one of them empty, both are 0.
#ifndef WITNESS_SRC_SYNDICATION_PLAGDET_H_
#define WITNESS_SRC_SYNDICATION_PLAGDET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "witness/status.h"

namespace witness::syndication::eval {

struct Annotation {
  std::string this_ref, source_ref;  // document names
  int64_t this_offset = 0, this_length = 0;
  int64_t source_offset = 0, source_length = 0;
  friend auto operator<=>(const Annotation&, const Annotation&) = default;
};

struct Scores {
  double recall = 0, precision = 0, granularity = 1, plagdet = 0;
  size_t cases = 0, detections = 0;
};

double MacroRecall(const std::vector<Annotation>& cases, const std::vector<Annotation>& dets);
double MacroPrecision(const std::vector<Annotation>& cases, const std::vector<Annotation>& dets);
double Granularity(const std::vector<Annotation>& cases, const std::vector<Annotation>& dets);
double PlagdetScore(double recall, double precision, double granularity);
// All four; repeated identical annotations count once (PAN reads them into sets).
Scores Evaluate(std::vector<Annotation> cases, std::vector<Annotation> detections);

// The features named `tag` (default "plagiarism") of a PAN XML file, with this_ref from the
// document's reference attribute. Features without offsets are skipped.
StatusOr<std::vector<Annotation>> ParsePanXml(std::string_view xml, std::string_view name,
                                              std::string_view tag = "plagiarism");

// Character (code point) offset of byte offset `byte` in UTF-8 `text`.
int64_t CharOffset(std::string_view text, size_t byte);

}  // namespace witness::syndication::eval

#endif  // WITNESS_SRC_SYNDICATION_PLAGDET_H_
