// src/text/utf8.h: private UTF-8 helpers shared by the text pipeline.
//
// DecodeUtf8 follows Unicode's Table 3-7 (well-formed byte sequences) and, for an ill-formed
// sequence, reports the length of its maximal subpart: the longest prefix that could still
// start a well-formed sequence, or 1 when the first byte cannot start one. Replacing each such
// subpart by U+FFFD is the "substitution of maximal subparts" practice that W3C, WHATWG and
// ICU follow.
#ifndef WITNESS_SRC_TEXT_UTF8_H_
#define WITNESS_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace witness::text::internal {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct Decoded {
  char32_t cp;   // the code point, or kInvalidCodePoint
  uint32_t len;  // bytes consumed: 1..4 (the maximal subpart when invalid)
};

// Decodes the code point at p (p < end). Never reads at or beyond end.
inline Decoded DecodeUtf8(const uint8_t* p, const uint8_t* end) {
  const uint32_t b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  if (b0 < 0xC2) return {kInvalidCodePoint, 1};  // continuation byte, or overlong C0/C1
  const ptrdiff_t avail = end - p;
  if (b0 < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return {kInvalidCodePoint, 1};
    return {((b0 & 0x1F) << 6) | (p[1] & 0x3Fu), 2};
  }
  if (b0 < 0xF0) {
    const uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;  // E0: no overlongs
    const uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;  // ED: no surrogates
    if (avail < 2 || p[1] < lo || p[1] > hi) return {kInvalidCodePoint, 1};
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return {kInvalidCodePoint, 2};
    return {((b0 & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), 3};
  }
  if (b0 < 0xF5) {
    const uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;  // F0: no overlongs
    const uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;  // F4: nothing above U+10FFFF
    if (avail < 2 || p[1] < lo || p[1] > hi) return {kInvalidCodePoint, 1};
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return {kInvalidCodePoint, 2};
    if (avail < 4 || (p[3] & 0xC0) != 0x80) return {kInvalidCodePoint, 3};
    return {((b0 & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu),
            4};
  }
  return {kInvalidCodePoint, 1};  // F5..FF never appear in UTF-8
}

// Appends the UTF-8 form of a valid scalar value.
inline void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  size_t n;
  if (c < 0x80) {
    buf[0] = static_cast<char>(c);
    n = 1;
  } else if (c < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (c >> 6));
    buf[1] = static_cast<char>(0x80 | (c & 0x3F));
    n = 2;
  } else if (c < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (c >> 12));
    buf[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (c & 0x3F));
    n = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (c >> 18));
    buf[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (c & 0x3F));
    n = 4;
  }
  out->append(buf, n);
}

// Length of the longest prefix of `bytes` that is well-formed UTF-8 (a sequence cut off by the
// end of `bytes` is not part of it).
size_t ValidPrefixLength(std::string_view bytes);

// Length of the longest prefix of `bytes` that Normalize's first pass would copy unchanged:
// well-formed UTF-8 without NUL or CR bytes.
size_t CleanPrefixLength(std::string_view bytes);

struct RepairStats {
  uint32_t repaired_sequences = 0;
  uint32_t removed_nuls = 0;
};

// Normalize's first pass: appends `bytes` to *out with every maximal ill-formed subsequence
// replaced by U+FFFD, NULs dropped, and CRLF / lone CR turned into LF. Counts into *stats.
void RepairUtf8(std::string_view bytes, std::string* out, RepairStats* stats);

}  // namespace witness::text::internal

#endif  // WITNESS_SRC_TEXT_UTF8_H_
