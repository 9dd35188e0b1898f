// A sink that records everything, a source that trickles, and small helpers to make compressed
// test data.
#ifndef WITNESS_INGEST_TESTING_SINK_H_
#define WITNESS_INGEST_TESTING_SINK_H_

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "witness/ingest.h"

namespace witness::testing {

class CollectingSink : public ArticleSink {
 public:
  void Accept(Article a) override { accepted.push_back(std::move(a)); }
  void Reject(const Status& why) override { rejected.push_back(why); }
  void Warn(const std::string& message) override { warnings.push_back(message); }
  void Progress(uint64_t bytes) override {
    ++progress_calls;
    last_progress = bytes;
  }
  std::vector<std::string> RejectMessages() const {
    std::vector<std::string> out;
    for (const Status& s : rejected) out.push_back(s.message());
    return out;
  }

  std::vector<Article> accepted;
  std::vector<Status> rejected;
  std::vector<std::string> warnings;
  int progress_calls = 0;
  uint64_t last_progress = 0;
};

// A source that hands out at most `step` bytes per Read, to cross every buffer boundary.
class TrickleStream : public ByteStream {
 public:
  TrickleStream(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    const size_t k = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data, int level = 6) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// One zstd frame holding `data`.
inline std::string Zstd(std::string_view data, int level = 3) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), level);
  if (ZSTD_isError(n)) throw std::runtime_error("ZSTD_compress");
  out.resize(n);
  return out;
}

// Deterministic pseudo-random bytes (xorshift).
inline std::string RandomBytes(size_t n, uint64_t seed) {
  std::string out(n, '\0');
  uint64_t x = seed * 2654435761u + 1;
  for (char& c : out) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c = static_cast<char>(x & 0xFF);
  }
  return out;
}

}  // namespace witness::testing

#endif  // WITNESS_INGEST_TESTING_SINK_H_
