// The public entry points of the aligner: Align, AlignRaw, PassagesToJson.
#include <string>

#include "syndication/align_internal.h"
#include "syndication/raw_map.h"
#include "witness/syndication.h"

namespace witness::syndication {
namespace {

text::Analyzer& ThreadAnalyzer() {
  thread_local text::Analyzer analyzer;
  return analyzer;
}

}  // namespace

std::vector<Passage> Align(std::string_view text_a, std::string_view text_b,
                           const AlignOptions& options) {
  internal::Prepared a, b;
  internal::Prepare(text_a, options.min_sentence_words, &ThreadAnalyzer(), &a);
  internal::Prepare(text_b, options.min_sentence_words, &ThreadAnalyzer(), &b);
  return internal::AlignPrepared(a, b, options, nullptr);
}

std::vector<Passage> AlignRaw(std::string_view bytes_a, std::string_view bytes_b,
                              const AlignOptions& options) {
  const internal::RawMap map_a(bytes_a), map_b(bytes_b);
  std::vector<Passage> ps = Align(map_a.text(), map_b.text(), options);
  for (Passage& p : ps) {
    p.a = map_a.ToRaw(p.a);
    p.b = map_b.ToRaw(p.b);
  }
  return ps;
}

std::string PassagesToJson(const std::vector<Passage>& passages) {
  std::string out = "[";
  for (size_t i = 0; i < passages.size(); ++i) {
    const Passage& p = passages[i];
    if (i > 0) out += ",";
    out += "{\"a_start\":" + std::to_string(p.a.begin) + ",\"a_end\":" + std::to_string(p.a.end) +
           ",\"b_start\":" + std::to_string(p.b.begin) + ",\"b_end\":" + std::to_string(p.b.end) +
           "}";
  }
  out += "]\n";
  return out;
}

}  // namespace witness::syndication
