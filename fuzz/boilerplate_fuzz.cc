// Fuzzes CleanText and SourceTemplate over arbitrary bytes: no crash, and the block invariants
// hold (in order, inside the input, kept blocks copied into the output at out_begin).
#include <cstdint>
#include <string>

#include "witness/clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first line doubles as the title.
  std::string_view title = input.substr(0, std::min(input.find('\n'), input.size()));
  witness::clean::SourceTemplate tmpl;
  tmpl.AddArticle(input);
  tmpl.AddArticle(input.substr(input.size() / 2));
  tmpl.AddArticle(input);
  witness::clean::CleanResult r = witness::clean::CleanText(input, {}, &tmpl, title);
  uint32_t prev = 0;
  for (const auto& b : r.blocks) {
    if (b.begin < prev || b.end <= b.begin || b.end > input.size()) __builtin_trap();
    prev = b.end;
    if (b.keep) {
      if (b.out_begin > r.text.size() ||
          r.text.compare(b.out_begin, b.end - b.begin, input.substr(b.begin, b.end - b.begin)) !=
              0) {
        __builtin_trap();
      }
    } else if (b.reason.empty()) {
      __builtin_trap();
    }
  }
  auto back = witness::clean::SourceTemplate::Deserialize(tmpl.Serialize());
  if (!back.ok() || back->entries() != tmpl.entries()) __builtin_trap();
  (void)witness::clean::SourceTemplate::Deserialize(input);
  return 0;
}
