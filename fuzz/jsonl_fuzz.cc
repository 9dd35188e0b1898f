// ParseJsonLine on any bytes: never crashes; an accepted record meets the invariants (valid
// extra_json included), a rejection names the line.
#include <cstdint>
#include <string_view>

#include "ingest_fuzz_checks.h"
#include "witness/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  witness::StatusOr<witness::Article> a = witness::ParseJsonLine(line, "fz.jsonl:7");
  if (!a.ok()) {
    witness::fuzz::CheckRejection(a.status(), "fz.jsonl:7: ");
    return 0;
  }
  witness::fuzz::CheckArticle(*a, "fz.jsonl:7");
  if (a->raw != line) witness::fuzz::Fail("raw differs from the line", a->origin);
  return 0;
}
