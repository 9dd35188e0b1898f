// libFuzzer target: ExtractHtml (and the metadata parsers behind it) on any bytes. Every call
// must return (no crash, hang or sanitizer report) and every string it returns must be valid
// UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clean/metadata.h"
#include "witness/extract.h"
#include "witness/text.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  witness::ExtractOptions options;
  options.max_bytes = 256 * 1024;  // keep each run fast
  options.max_depth = 128;
  options.max_elements = 20000;
  options.collect_removed = (size & 1) != 0;
  options.include_captions = (size & 2) != 0;
  if (size & 4) options.http_charset = "shift_jis";
  witness::StatusOr<witness::Extracted> r = witness::ExtractHtml(bytes, options, "fuzz");
  if (r.ok()) {
    for (const std::string* s : {&r->title, &r->published, &r->author, &r->site, &r->url,
                                 &r->language, &r->description, &r->text}) {
      Check(witness::text::IsValidUtf8(*s));
    }
    for (const std::string& s : r->removed) Check(witness::text::IsValidUtf8(s));
    Check(witness::text::IsValidUtf8(witness::ExtractedToJson(*r)));
  } else {
    Check(!r.status().message().empty());
  }
  // The string parsers, on the raw bytes.
  if (size < 4096) {
    witness::clean::NormalizeDate(bytes);
    witness::clean::NormalizeLanguage(bytes);
    witness::clean::DecodeEntities(bytes);
    witness::clean::ResolveUrl("https://example.com/a/b", bytes);
    bool found = false;
    witness::clean::ParseJsonLd({std::string(bytes)}, &found);
  }
  return 0;
}
