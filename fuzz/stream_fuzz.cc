// ReadStream over arbitrary bytes, optionally gzip- or zstd-compressed (and cut short) first:
// never crashes, and every input ends in Accept or Reject exactly once per file or line (no
// origin is reported twice, and something is always reported).

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "ingest/testing_sink.h"
#include "ingest_fuzz_checks.h"
#include "witness/ingest.h"

namespace {

using witness::testing::Gzip;
using witness::testing::Zstd;

class Bytes : public witness::ByteStream {
 public:
  explicit Bytes(std::string d) : d_(std::move(d)) {}
  witness::StatusOr<size_t> Read(char* buf, size_t n) override {
    // Small, uneven reads to cross every buffer boundary.
    const size_t k = std::min({n, d_.size() - pos_, size_t{1} + (pos_ * 7919) % 4096});
    std::copy(d_.data() + pos_, d_.data() + pos_ + k, buf);
    pos_ += k;
    return k;
  }

 private:
  std::string d_;
  size_t pos_ = 0;
};

class Sink : public witness::ArticleSink {
 public:
  explicit Sink(std::string name) : name_(std::move(name)) {}
  void Accept(witness::Article a) override {
    witness::fuzz::CheckArticle(a, name_);
    Record(a.origin);
  }
  void Reject(const witness::Status& s) override {
    witness::fuzz::CheckRejection(s, name_);
    // The origin is the message's first field; a WARC record's adds its offset
    // ("a.warc: offset 120: ..."), since each damaged record is reported on its own.
    const std::string& m = s.message();
    size_t end = m.find(": ");
    if (end != std::string::npos && m.compare(end + 2, 7, "offset ") == 0) {
      end = m.find(": ", end + 2);
    }
    Record(m.substr(0, end));
  }
  void Record(const std::string& origin) {
    if (!origins_.insert(origin).second) witness::fuzz::Fail("reported twice", origin);
  }
  size_t verdicts() const { return origins_.size(); }

 private:
  std::string name_;
  std::set<std::string> origins_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static const char* kNames[] = {
      "-",      "fz/feed.jsonl", "fz/story.txt", "fz/page.html", "fz/feed.json.gz", "fz/crawl.warc",
      "fz/data"};
  const std::string name = kNames[data[1] % 7];
  std::string_view body(reinterpret_cast<const char*>(data + 2), size - 2);
  std::string bytes;
  switch (data[0] % 6) {
    case 0:
      bytes = std::string(body);
      break;
    case 1:
      bytes = Gzip(body);
      break;
    case 2:
      bytes = Zstd(body);
      break;
    case 3:
      bytes = Gzip(body.substr(0, body.size() / 2)) + Gzip(body.substr(body.size() / 2));
      break;
    case 4:
      bytes = Gzip(body);
      bytes.resize(bytes.size() * (data[0] % 16) / 16);
      break;
    case 5:
      bytes = Zstd(body);
      bytes.resize(bytes.size() * (data[0] % 16) / 16);
      break;
  }
  witness::IngestOptions options;
  options.max_article_bytes = 1 << 16;
  options.max_line_bytes = 1 << 12;
  Bytes stream(std::move(bytes));
  Sink sink(name == "-" ? "-" : name);
  witness::ReadStream(name, &stream, options, &sink);
  if (sink.verdicts() == 0) witness::fuzz::Fail("no verdict at all", name);
  return 0;
}
