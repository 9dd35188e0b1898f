// IsValidUtf8 and Normalize's repair pass. Both skip ASCII eight bytes at a time and decode
// the rest with DecodeUtf8 (utf8.h).
#include "text/utf8.h"

#include <bit>
#include <cstring>

#include "witness/text.h"

namespace witness::text {
namespace internal {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the word-at-a-time scans below count bytes from the low end");

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t Load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// High bit set in each byte of v that is zero (exact for bytes below 0x80).
inline uint64_t ZeroBytes(uint64_t v) { return (v - kOnes) & ~v & kHighBits; }

// Bytes that stop CleanPrefixLength's word loop: non-ASCII, NUL or CR.
inline uint64_t StopBytes(uint64_t v) {
  return (v & kHighBits) | ZeroBytes(v) | ZeroBytes(v ^ (kOnes * '\r'));
}

}  // namespace

size_t ValidPrefixLength(std::string_view bytes) {
  const auto* const begin = reinterpret_cast<const uint8_t*>(bytes.data());
  const uint8_t* const end = begin + bytes.size();
  const uint8_t* p = begin;
  while (p < end) {
    if (end - p >= 16) {
      const uint64_t a = Load64(p) & kHighBits;
      const uint64_t b = Load64(p + 8) & kHighBits;
      if ((a | b) == 0) {
        p += 16;
        continue;
      }
      p += a != 0 ? std::countr_zero(a) >> 3 : 8 + (std::countr_zero(b) >> 3);
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const Decoded d = DecodeUtf8(p, end);
    if (d.cp == kInvalidCodePoint) break;
    p += d.len;
  }
  return static_cast<size_t>(p - begin);
}

size_t CleanPrefixLength(std::string_view bytes) {
  const auto* const begin = reinterpret_cast<const uint8_t*>(bytes.data());
  const uint8_t* const end = begin + bytes.size();
  const uint8_t* p = begin;
  while (p < end) {
    if (end - p >= 8) {
      const uint64_t stop = StopBytes(Load64(p));
      if (stop == 0) {
        p += 8;
        continue;
      }
      p += std::countr_zero(stop) >> 3;
    }
    const uint8_t b = *p;
    if (b < 0x80) {
      if (b == 0 || b == '\r') break;
      ++p;
      continue;
    }
    const Decoded d = DecodeUtf8(p, end);
    if (d.cp == kInvalidCodePoint) break;
    p += d.len;
  }
  return static_cast<size_t>(p - begin);
}

void RepairUtf8(std::string_view bytes, std::string* out, RepairStats* stats) {
  const auto* const begin = reinterpret_cast<const uint8_t*>(bytes.data());
  const uint8_t* const end = begin + bytes.size();
  const uint8_t* p = begin;
  while (p < end) {
    const size_t clean = CleanPrefixLength(
        std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(end - p)));
    out->append(reinterpret_cast<const char*>(p), clean);
    p += clean;
    if (p == end) break;
    if (*p == 0) {
      ++stats->removed_nuls;
      ++p;
    } else if (*p == '\r') {
      out->push_back('\n');
      ++p;
      if (p < end && *p == '\n') ++p;
    } else {
      const Decoded d = DecodeUtf8(p, end);  // ill-formed: d.len is the maximal subpart
      out->append("\xEF\xBF\xBD");
      ++stats->repaired_sequences;
      p += d.len;
    }
  }
}

}  // namespace internal

bool IsValidUtf8(std::string_view bytes) {
  return internal::ValidPrefixLength(bytes) == bytes.size();
}

}  // namespace witness::text
