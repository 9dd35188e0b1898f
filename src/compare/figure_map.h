// src/compare/figure_map.h: normalisation with a map from normalised offsets back to the
// original bytes (see figure_file.cc).
#ifndef WITNESS_SRC_COMPARE_FIGURE_MAP_H_
#define WITNESS_SRC_COMPARE_FIGURE_MAP_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "witness/text.h"

namespace witness::figures::internal {

class OffsetMap {
 public:
  struct Seg {
    uint32_t norm_begin = 0, orig_begin = 0;
    uint32_t norm_len = 0, orig_len = 0;
    bool same = true;  // copied unchanged
  };

  // Original offset for a span that begins at normalised offset `pos`: inside a changed
  // stretch, the stretch's first original byte.
  uint32_t Begin(uint32_t pos) const;
  // Original offset for a span that ends at normalised offset `pos` (exclusive): inside a
  // changed stretch, the stretch's end.
  uint32_t End(uint32_t pos) const;
  bool identity() const { return identity_; }
  const std::vector<Seg>& segments() const { return segs_; }

 private:
  friend OffsetMap NormalizeWithMap(std::string_view bytes, text::Normalized* out);
  const Seg* Find(uint32_t pos) const;

  bool identity_ = false;
  uint32_t norm_size_ = 0, orig_size_ = 0;
  std::vector<Seg> segs_;
};

// text::Normalize(bytes), piece by piece, with the offset map. out->text equals
// text::Normalize(bytes).text.
OffsetMap NormalizeWithMap(std::string_view bytes, text::Normalized* out);

}  // namespace witness::figures::internal

#endif  // WITNESS_SRC_COMPARE_FIGURE_MAP_H_
