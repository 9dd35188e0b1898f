// src/sketch/serial.h: little-endian put/get helpers for the sketch blobs, plus the shared
// estimate formula.
#ifndef WITNESS_SRC_SKETCH_SERIAL_H_
#define WITNESS_SRC_SKETCH_SERIAL_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "witness/sketch.h"

namespace witness::sketch {

// Jaccard and containments from the share of agreeing minima and the two set sizes.
Overlap OverlapFromAgreement(double agree_fraction, uint32_t size_a, uint32_t size_b);

namespace internal {

inline void PutU16(std::string* out, uint16_t v) {
  const char b[2] = {static_cast<char>(v), static_cast<char>(v >> 8)};
  out->append(b, 2);
}
inline void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
inline void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

// Reads little-endian values; past the end it yields zeros and sets failed().
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  uint16_t U16() { return static_cast<uint16_t>(Get(2)); }
  uint32_t U32() { return static_cast<uint32_t>(Get(4)); }
  uint64_t U64() { return Get(8); }
  double F64() {
    const uint64_t bits = Get(8);
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
  size_t remaining() const { return bytes_.size() - pos_; }
  bool failed() const { return failed_; }

 private:
  uint64_t Get(size_t n) {
    if (bytes_.size() - pos_ < n) {
      failed_ = true;
      pos_ = bytes_.size();
      return 0;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) {
      v |= uint64_t{static_cast<uint8_t>(bytes_[pos_ + i])} << (8 * i);
    }
    pos_ += n;
    return v;
  }
  std::string_view bytes_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace internal
}  // namespace witness::sketch

#endif  // WITNESS_SRC_SKETCH_SERIAL_H_
