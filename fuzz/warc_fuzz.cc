// Fuzzes the WARC reader over arbitrary bytes, read plainly and wrapped in gzip (whole and per
// record), also from a stream that fails part way, and the HTTP parser on its own: it must
// never crash, hang or stop advancing, and no two pages or two reports share a location.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

#include "ingest/testing_sink.h"
#include "witness/warc.h"

namespace {

using witness::testing::Gzip;

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "invariant broken: %s: %s\n", what, detail.c_str());
  std::abort();
}

// Reads everything; reads past `fail_at` bytes fail (as a cut zstd or gzip stream does).
void ReadAll(const std::string& input, size_t step, size_t fail_at = SIZE_MAX) {
  witness::warc::WarcOptions o;
  o.max_record_bytes = 1 << 20;
  o.max_payload_bytes = 1 << 20;
  size_t pos = 0;
  witness::warc::ReadFn read = [&](char* buf, size_t n) -> witness::StatusOr<size_t> {
    if (pos >= fail_at) return witness::Status::Corruption("fuzz: the stream failed");
    size_t k = std::min({n, input.size() - pos, step, fail_at - pos});
    std::memcpy(buf, input.data() + pos, k);
    pos += k;
    return k;
  };
  witness::warc::WarcHtmlReader reader("fuzz", read, o);
  witness::warc::HtmlPage page;
  std::set<std::string> pages, reports;
  int read_errors = 0;
  // Every call consumes input or ends: bound the calls by the input size.
  for (size_t calls = 0; calls <= input.size() + 16; ++calls) {
    witness::StatusOr<bool> more = reader.Next(&page);
    if (!more.ok()) {
      const std::string& m = more.status().message();
      if (m.rfind("fuzz: ", 0) != 0 || m.find('\n') != std::string::npos) Fail("message", m);
      if (m == "fuzz: the stream failed") {
        if (++read_errors > 1) Fail("read error reported twice", m);
        continue;
      }
      if (m.rfind("fuzz: offset ", 0) != 0) Fail("report without an offset", m);
      if (more.status().code() == witness::Status::Code::kInternal) Fail("internal error", m);
      if (!reports.insert(m.substr(0, m.find(": ", 13))).second) Fail("two reports at", m);
      continue;
    }
    if (!*more) {
      if (fail_at < input.size() && read_errors != 1) Fail("read error not reported", "");
      return;
    }
    std::string at = witness::warc::FormatOffset(page.offset, page.offset_in_member);
    if (!pages.insert(at).second) Fail("two pages at", at);
  }
  __builtin_trap();  // the reader stopped advancing
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  ReadAll(input, 1 << 16);
  ReadAll(input, 7);
  std::string gz = Gzip(input);
  ReadAll(gz, 1 << 16);
  // Streams that fail part way (after 0 to 7/8 of their bytes).
  const size_t eighths = size > 0 ? data[0] % 8 : 0;
  ReadAll(input, 3, input.size() * eighths / 8);
  ReadAll(gz, 5, gz.size() * eighths / 8);
  // Per-record members: split the input at each "WARC/" and compress the parts separately.
  std::string members;
  size_t start = 0;
  for (size_t p = input.find("WARC/", 1); p != std::string::npos; p = input.find("WARC/", p + 1)) {
    members += Gzip(std::string_view(input).substr(start, p - start));
    start = p;
  }
  members += Gzip(std::string_view(input).substr(start));
  ReadAll(members, 1 << 16);
  ReadAll(members, 1 << 16, members.size() * eighths / 8);
  (void)witness::warc::ParseHttpResponse(input, 1 << 20);
  return 0;
}
