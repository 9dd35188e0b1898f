// src/compare/quote_bytes.h: normalising a file while keeping a map back to its bytes.
//
// NormalizeWithMap() gives the same text as text::Normalize() (UTF-8 repair, NUL removal,
// CRLF/CR -> LF, NFC) and an OffsetMap from offsets in that text to offsets in the input.
// It normalises the input piece by piece: runs of plain ASCII (no CR, no NUL) are copied;
// every other stretch, from the ASCII character before it (a possible NFC starter) up to the
// next ASCII character that does not follow a CR, goes through text::Normalize on its own.
// Such pieces normalise independently: NFC never composes across an ASCII character that
// follows, U+FFFD repair never spans ASCII, and a CRLF is never split. Within a changed piece
// the common prefix and suffix map byte for byte and the middle maps as a whole.
#ifndef WITNESS_SRC_COMPARE_QUOTE_BYTES_H_
#define WITNESS_SRC_COMPARE_QUOTE_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace witness::quotes::internal {

class OffsetMap {
 public:
  // Offsets in the normalised text -> offsets in the input. A begin offset inside a changed
  // stretch maps to the stretch's start, an end offset to its end.
  uint64_t Begin(uint32_t pos) const;
  uint64_t End(uint32_t pos) const;
  bool identity() const { return segs_.empty(); }

 private:
  friend std::string NormalizeWithMap(std::string_view bytes, OffsetMap* map);
  struct Seg {
    uint32_t norm;  // start in the normalised text
    uint32_t norm_len;
    uint64_t raw;  // start in the input
    uint64_t raw_len;
    bool same;  // byte for byte
  };
  void Push(uint32_t norm, uint32_t norm_len, uint64_t raw, uint64_t raw_len, bool same);
  std::vector<Seg> segs_;  // empty: the identity
};

std::string NormalizeWithMap(std::string_view bytes, OffsetMap* map);

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_QUOTE_BYTES_H_
