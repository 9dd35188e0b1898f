// The server's own parsing of untrusted request parts (paths, Host, Authorization,
// Accept-Encoding, If-None-Match, counts) and the article reading order (over any raw input).
// Checks invariants, not just "no crash": an accepted path has no "." / ".." segment and no
// control byte, a matching bearer token equals the configured one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "server/api.h"
#include "server/http_util.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool HasDotSegment(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (seg == "." || seg == "..") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  using namespace witness::server;

  if (CheckRequestPath(in).ok()) {
    Check(!in.empty() && in.front() == '/');
    Check(!HasDotSegment(in));
    for (char c : in) Check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '\\');
  }
  (void)HostHeaderAllowed(in);
  (void)IsLoopbackAddress(in);
  (void)AcceptsGzip(in);
  (void)EtagMatches(in, "\"0123456789abcdef\"");
  (void)ContentTypeFor(in);
  const std::string token = "fuzz-token-0123456789";
  if (BearerMatches(in, token)) Check(in.find(token) != std::string_view::npos);
  witness::StatusOr<uint64_t> n = ParseCount("limit", in, 1, 500);
  if (n.ok()) Check(*n >= 1 && *n <= 500);
  (void)ErrorJson(in);

  // Reading order: the first half is the raw input, the second the text; paragraphs and
  // removed blocks cut from them at blank lines.
  witness::Article a;
  a.raw = std::string(in.substr(0, size / 2));
  a.text = std::string(in.substr(size / 2));
  std::vector<std::pair<size_t, size_t>> paragraphs;
  size_t start = 0;
  while (start < a.text.size()) {
    size_t end = a.text.find("\n\n", start);
    if (end == std::string::npos) end = a.text.size();
    if (end > start) paragraphs.emplace_back(start, end);
    start = end + 2;
  }
  for (size_t i = 0; i + 8 <= a.raw.size() && a.boilerplate.size() < 8; i += 37) {
    a.boilerplate.push_back({"rule", "reason", a.raw.substr(i, 8)});
  }
  std::vector<ReadingItem> order = ReadingOrder(a, paragraphs);
  // Every paragraph and every removed block exactly once; paragraphs in their own order.
  Check(order.size() == paragraphs.size() + a.boilerplate.size());
  size_t next_paragraph = 0;
  std::vector<bool> seen(a.boilerplate.size(), false);
  for (const ReadingItem& item : order) {
    if (item.removed) {
      Check(item.index < seen.size() && !seen[item.index]);
      seen[item.index] = true;
    } else {
      Check(item.index == next_paragraph++);
    }
  }
  return 0;
}
