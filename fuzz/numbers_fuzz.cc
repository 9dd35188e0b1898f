// Fuzz target: number recognition, figure extraction, comparison, file offsets and JSON on
// arbitrary bytes. Checks the invariants the API promises: spans inside the input and
// ordered, finite numeral values, the piecewise normalisation equal to text::Normalize, and
// JSON that is valid UTF-8.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "compare/figure_map.h"
#include "witness/figures.h"
#include "witness/text.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void CheckSpan(witness::text::Span s, size_t size) {
  Check(s.begin <= s.end);
  Check(s.end <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace witness::figures;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // Raw bytes straight into the recogniser (it must cope with invalid UTF-8).
  for (bool relative : {false, true}) {
    NumberOptions opt;
    opt.relative_ordinals = relative;
    const NumberScan scan = ScanNumbers(bytes, opt);
    uint32_t prev = 0;
    for (const Numeral& n : scan.numerals) {
      CheckSpan(n.span, size);
      Check(std::isfinite(n.value));
      Check(n.span.begin >= prev || relative);
      prev = n.span.begin;
    }
    for (const NumberMention& m : scan.mentions) {
      CheckSpan(m.span, size);
      Check(m.first_numeral + m.numeral_count <= scan.numerals.size());
      Check(!m.interval.Empty() || m.IsRange());
    }
  }

  // The file path: normalisation with offsets mapped back.
  witness::text::Normalized norm;
  const auto map = internal::NormalizeWithMap(bytes, &norm);
  Check(norm.text == witness::text::Normalize(bytes).text);
  const FileFigures ff = FiguresForFile(bytes);
  for (const Figure& f : ff.figures) {
    CheckSpan(f.number.span, size);
    CheckSpan(f.span, size);
    CheckSpan(f.sentence, size);
    CheckSpan(f.counted_span, size);
    CheckSpan(f.event_span, size);
    CheckSpan(f.attribution.source_span, size);
    CheckSpan(f.status_cue, size);
    for (const TimeMention& t : f.times) CheckSpan(t.span, size);
  }
  const std::string json = FiguresToJson(ff);
  Check(witness::text::IsValidUtf8(json));

  // Comparison of the figures of two halves of the normalised text.
  const std::string_view t = ff.text;
  std::vector<SourcedFigure> claims;
  for (Figure& f : ExtractFigures(t.substr(0, t.size() / 2))) claims.push_back({"a", f});
  for (Figure& f : ExtractFigures(t.substr(t.size() / 2))) claims.push_back({"b", f});
  const auto groups = CompareFigures(claims);
  for (const auto& g : groups) {
    for (uint32_t c : g.claims) Check(c < claims.size());
    for (const auto& p : g.pairs) Check(p.a < claims.size() && p.b < claims.size());
  }
  Check(witness::text::IsValidUtf8(FigureGroupsToJson(claims, groups)));
  return 0;
}
