// Fuzzes the WARC reader over arbitrary bytes, read plainly and wrapped in gzip (whole and per
// record), and the HTTP parser on its own: it must never crash, hang or stop advancing.
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "witness/warc.h"

namespace {

std::string Gzip(std::string_view data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

void ReadAll(const std::string& input, size_t step) {
  witness::warc::WarcOptions o;
  o.max_record_bytes = 1 << 20;
  o.max_payload_bytes = 1 << 20;
  size_t pos = 0;
  witness::warc::ReadFn read = [&](char* buf, size_t n) -> witness::StatusOr<size_t> {
    size_t k = std::min({n, input.size() - pos, step});
    std::memcpy(buf, input.data() + pos, k);
    pos += k;
    return k;
  };
  witness::warc::WarcHtmlReader reader("fuzz", read, o);
  witness::warc::HtmlPage page;
  // Every call consumes input or ends: bound the calls by the input size.
  for (size_t calls = 0; calls <= input.size() + 16; ++calls) {
    witness::StatusOr<bool> more = reader.Next(&page);
    if (more.ok() && !*more) return;
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
  // Per-record members: split the input at each "WARC/" and compress the parts separately.
  std::string members;
  size_t start = 0;
  for (size_t p = input.find("WARC/", 1); p != std::string::npos; p = input.find("WARC/", p + 1)) {
    members += Gzip(std::string_view(input).substr(start, p - start));
    start = p;
  }
  members += Gzip(std::string_view(input).substr(start));
  ReadAll(members, 1 << 16);
  (void)witness::warc::ParseHttpResponse(input, 1 << 20);
  return 0;
}
