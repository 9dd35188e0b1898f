// src/text/matching.h: the matching-form mapping shared by MatchingForm() and Analyzer::Key().
#ifndef WITNESS_SRC_TEXT_MATCHING_H_
#define WITNESS_SRC_TEXT_MATCHING_H_

#include <string>
#include <string_view>

namespace witness::text::internal {

// Reusable buffers for AppendMatchingForm, so that steady-state calls allocate nothing.
struct MatchingScratch {
  std::string premapped;
  std::string folded;
};

// Appends the matching form of `text` (valid UTF-8) to *out. `text` must not alias *out or the
// scratch buffers.
void AppendMatchingForm(std::string_view text, std::string* out, MatchingScratch* scratch);

// The ASCII part of the mapping: A-Z to a-z and U+0060 GRAVE ACCENT to an apostrophe.
extern const char kAsciiMatchingFold[128];

}  // namespace witness::text::internal

#endif  // WITNESS_SRC_TEXT_MATCHING_H_
