// src/syndication/raw_map.h: text::Normalize with a map from the normalised bytes back to the
// bytes as given, so `witness align --json` can report offsets into the files themselves.
#ifndef WITNESS_SRC_SYNDICATION_RAW_MAP_H_
#define WITNESS_SRC_SYNDICATION_RAW_MAP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "witness/text.h"

namespace witness::syndication::internal {

class RawMap {
 public:
  // Normalises `raw` (the same result as text::Normalize(raw).text) and records the mapping.
  explicit RawMap(std::string_view raw);

  const std::string& text() const { return text_; }
  // The raw bytes a normalised span came from: never splits an input character, and a span
  // that covers a changed character (repaired, recomposed, CRLF) covers all of its bytes.
  text::Span ToRaw(text::Span normalized) const;

 private:
  struct Piece {
    uint32_t norm_begin, norm_len, raw_begin, raw_len;
    bool exact;  // byte-identical stretch: offsets map one to one
  };
  void Add(uint32_t raw_begin, uint32_t raw_len, std::string_view out, bool exact);
  const Piece* Find(uint32_t norm_offset) const;

  std::string text_;
  std::vector<Piece> pieces_;
  uint32_t raw_size_ = 0;
};

}  // namespace witness::syndication::internal

#endif  // WITNESS_SRC_SYNDICATION_RAW_MAP_H_
