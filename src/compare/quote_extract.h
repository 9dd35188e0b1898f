// src/compare/quote_extract.h: the extractor behind Extract() (quote_extract.cc).
//
// Pass A (quote_direct.cc) attributes the quotations; pass B (quote_indirect.cc) finds
// reported speech at the cues left; Run (quote_extract.cc) ties them together and resolves
// the speakers. The rules are in quote_extract.cc's opening comment.
#ifndef WITNESS_SRC_COMPARE_QUOTE_EXTRACT_H_
#define WITNESS_SRC_COMPARE_QUOTE_EXTRACT_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compare/entity_extract.h"
#include "compare/quote_doc.h"
#include "compare/quote_marks.h"
#include "compare/speaker_find.h"
#include "compare/speaker_resolve.h"
#include "witness/quotes.h"

namespace witness::quotes::internal {

constexpr uint32_t kRightWindow = 32;
constexpr uint32_t kLeftWindow = 40;
constexpr uint32_t kCueSearch = 24;   // room for an apposition: ", X, who served as ..., told"
constexpr uint32_t kMaxClause = 300;  // tokens in a reported clause

struct Pending {
  QuoteKind kind = QuoteKind::kDirect;
  std::vector<uint32_t> quotations;
  text::Span content;
  std::vector<text::Span> parts;
  uint32_t cue = kNoTok;
  SpeakerNP speaker;
  float confidence = 0;
  bool closed = true;
  uint32_t paragraph = 0;  // of the last quotation
};

class Extractor {
 public:
  Extractor(std::string_view text, const text::Segmentation& seg)
      : ent_(doc_, Gazetteer::Get()), finder_(doc_, ent_, inside_) {
    BuildDoc(text, seg, &doc_);
  }
  Extraction Run();

 private:
  uint32_t RightEnd(uint32_t r0) const;
  bool Right(const Quotation& q, Pending* p);
  bool OpensClause(const Quotation& q) const;
  // 0: nothing; 1: direct (p filled); 2: partial fragment of cue p->cue; 3: merged.
  int Left(uint32_t qi, Pending* p);
  bool ColonIntro(const Quotation& q, Pending* p);
  bool DashLine(const Quotation& q, Pending* p);
  void Merge(size_t into, uint32_t qi);
  void Indirect(uint32_t cue);
  uint32_t ClauseEnd(uint32_t start, uint32_t sent_end) const;
  uint32_t ClauseStart(uint32_t before) const;
  bool StartsClause(uint32_t k, uint32_t sent_end) const;
  std::string_view Lower(uint32_t t, char* buf) const { return LowerAscii(doc_.Str(t), buf, 32); }
  bool Word(uint32_t t, std::string_view w) const {
    char buf[32];
    return Lower(t, buf) == w;
  }

  Doc doc_;
  std::vector<int32_t> inside_;
  std::vector<Quotation> qs_;
  EntityIndex ent_;
  SpeakerFinder finder_;
  std::vector<Pending> out_;
  std::vector<int32_t> cue_owner_;                // per token: the pending quote a cue attributes
  std::vector<int32_t> quote_owner_;              // per quotation: the pending quote that holds it
  std::vector<std::vector<uint32_t>> fragments_;  // per cue token index in frag_cues_
  std::vector<uint32_t> frag_cues_;
  std::unordered_map<uint32_t, size_t> frag_of_cue_;  // cue token -> index in frag_cues_
  std::vector<SpeakerNP> frag_speakers_;              // per index in frag_cues_
};

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_QUOTE_EXTRACT_H_
