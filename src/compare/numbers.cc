// ScanNumbers: lex, read numerals, compose mentions (see numbers_internal.h for the stages).
#include "compare/numbers_internal.h"
#include "witness/figures.h"

namespace witness::figures {

NumberScan ScanNumbers(std::string_view text, const NumberOptions& options) {
  NumberScan scan;
  if (text.size() > UINT32_MAX - 1) text = text.substr(0, UINT32_MAX - 1);  // spans are 32-bit
  thread_local std::vector<internal::Tok> toks;
  thread_local std::vector<internal::RawNumeral> raw;
  internal::Lex(text, &toks);
  internal::FindNumerals(text, toks, options, &raw);
  scan.numerals.reserve(raw.size());
  for (const auto& r : raw) scan.numerals.push_back(r.n);
  internal::ComposeMentions(text, toks, raw, &scan.mentions);
  // The per-thread buffers keep their capacity between calls, but not after a huge text.
  constexpr size_t kKeep = size_t{1} << 20;
  if (toks.capacity() > kKeep) std::vector<internal::Tok>().swap(toks);
  if (raw.capacity() > kKeep) std::vector<internal::RawNumeral>().swap(raw);
  return scan;
}

}  // namespace witness::figures
