// Invariants every accepted article must meet, shared by the ingest fuzz targets.
#ifndef WITNESS_FUZZ_INGEST_FUZZ_CHECKS_H_
#define WITNESS_FUZZ_INGEST_FUZZ_CHECKS_H_

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "witness/ingest.h"
#include "witness/text.h"

namespace witness::fuzz {

[[noreturn]] inline void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "invariant broken: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void CheckArticle(const Article& a, std::string_view origin_prefix) {
  if (a.origin.compare(0, origin_prefix.size(), origin_prefix) != 0) Fail("origin", a.origin);
  if (!text::IsValidUtf8(a.text)) Fail("text is not UTF-8", a.origin);
  if (a.text.empty() && a.html.empty()) Fail("no text and no html", a.origin);
  if (a.id.empty()) Fail("empty id", a.origin);
  if (a.source.empty()) Fail("empty source", a.origin);
  if (a.title.find('\n') != std::string::npos) Fail("title has a newline", a.title);
  if (!nlohmann::json::accept(a.extra_json)) Fail("extra_json is not JSON", a.extra_json);
  if (!a.extra_json.empty() && a.extra_json.front() != '{')
    Fail("extra_json not an object", a.extra_json);
  if (!a.published.empty() && a.published.size() != 10 && a.published.size() < 19) {
    Fail("published", a.published);
  }
  for (const std::string& p : a.places) {
    if (p.empty()) Fail("empty place", a.origin);
  }
  for (const std::string& g : a.agencies) {
    if (g.empty()) Fail("empty agency", a.origin);
  }
}

inline void CheckRejection(const Status& s, std::string_view origin_prefix) {
  if (s.ok()) Fail("ok status rejected", "");
  const std::string& m = s.message();
  if (m.compare(0, origin_prefix.size(), origin_prefix) != 0)
    Fail("message does not name input", m);
  if (m.find('\n') != std::string::npos) Fail("message is not one line", m);
}

}  // namespace witness::fuzz

#endif  // WITNESS_FUZZ_INGEST_FUZZ_CHECKS_H_
