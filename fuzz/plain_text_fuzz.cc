// ParsePlainText on any bytes: never crashes; an accepted article meets the invariants, a
// rejection names the input.
#include <cstdint>
#include <string_view>

#include "ingest_fuzz_checks.h"
#include "witness/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  witness::IngestOptions options;
  options.max_article_bytes = 1 << 20;
  witness::StatusOr<witness::Article> a =
      witness::ParsePlainText(bytes, "fz/daily/in.txt", options);
  if (!a.ok()) {
    witness::fuzz::CheckRejection(a.status(), "fz/daily/in.txt: ");
    return 0;
  }
  witness::fuzz::CheckArticle(*a, "fz/daily/in.txt");
  if (a->raw != bytes) witness::fuzz::Fail("raw differs from input", a->origin);
  if (a->source != "daily") witness::fuzz::Fail("source", a->source);
  if (a->id != witness::ContentId(*a)) witness::fuzz::Fail("id is not the content id", a->id);
  if (a->text.empty()) witness::fuzz::Fail("empty text accepted", a->origin);
  return 0;
}
