// src/compare/quote_marks.h: pairing quote marks into quotations (rules in witness/quotes.h).
#ifndef WITNESS_SRC_COMPARE_QUOTE_MARKS_H_
#define WITNESS_SRC_COMPARE_QUOTE_MARKS_H_

#include <cstdint>
#include <vector>

#include "compare/quote_doc.h"

namespace witness::quotes::internal {

inline constexpr uint32_t kNoTok = UINT32_MAX;

enum class MarkFamily : uint8_t { kDouble = 0, kSingle = 1, kGuillemet = 2 };

// One outermost quotation: quoted material between paired marks, possibly continued over
// several paragraphs.
struct Quotation {
  uint32_t open_tok = kNoTok;     // the opening mark
  uint32_t close_tok = kNoTok;    // the closing mark; kNoTok when unclosed
  uint32_t last_tok = kNoTok;     // the closing mark, or the last token before the paragraph end
  std::vector<text::Span> parts;  // the quoted words, one per paragraph, marks excluded
  text::Span outer;               // opening mark to closing mark (or the paragraph end)
  MarkFamily family = MarkFamily::kDouble;
  bool closed = true;
  uint32_t words = 0;  // word and number tokens inside
};

// Finds the outermost quotations of `doc`, in text order. `inside` gets, for each token, the
// index of the quotation it belongs to (marks included), or -1.
std::vector<Quotation> FindQuotations(const Doc& doc, std::vector<int32_t>* inside);

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_QUOTE_MARKS_H_
