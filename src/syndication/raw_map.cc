// RawMap: the input is cut into stretches that normalise independently: runs of plain ASCII
// (copied as they are), NULs (dropped), CR / CRLF (one LF), and "chunks": a character with
// the marks and conjoining jamo that attach to it, where ill-formed UTF-8 is replaced by
// U+FFFD and the chunk is put in NFC. NFC never composes across a chunk boundary (each chunk
// starts at a character nothing before it can combine with), so the concatenation equals
// Normalize() of the whole, and each chunk maps back to exactly its own input bytes.
#include "syndication/raw_map.h"

#include <utf8proc.h>

#include <algorithm>

namespace witness::syndication::internal {
namespace {

// One code point of possibly ill-formed UTF-8: its value (or -1) and its length, which for
// an ill-formed sequence is that of its maximal subpart (Unicode Table 3-7).
struct Cp {
  int32_t cp;
  uint32_t len;
};

Cp DecodeOne(const uint8_t* p, const uint8_t* end) {
  const uint8_t b0 = p[0];
  const ptrdiff_t avail = end - p;
  if (b0 < 0x80) return {b0, 1};
  int need;
  uint8_t lo = 0x80, hi = 0xBF;
  int32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {-1, 1};
  }
  for (int k = 1; k <= need; ++k) {
    if (k >= avail) return {-1, static_cast<uint32_t>(k)};
    const uint8_t c = p[k];
    const uint8_t l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (c < l || c > h) return {-1, static_cast<uint32_t>(k)};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, static_cast<uint32_t>(need + 1)};
}

// Characters that may combine with what precedes them under NFC.
bool AttachesBackward(int32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= 0x1160 && cp <= 0x11FF) return true;  // Hangul medial vowels and final consonants
  const utf8proc_property_t* prop = utf8proc_get_property(cp);
  if (prop->combining_class != 0) return true;
  return prop->category == UTF8PROC_CATEGORY_MN || prop->category == UTF8PROC_CATEGORY_MC ||
         prop->category == UTF8PROC_CATEGORY_ME;
}

bool PlainAscii(uint8_t b) { return b < 0x80 && b != 0 && b != '\r'; }

}  // namespace

void RawMap::Add(uint32_t raw_begin, uint32_t raw_len, std::string_view out, bool exact) {
  pieces_.push_back({static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(out.size()),
                     raw_begin, raw_len, exact});
  text_.append(out);
}

RawMap::RawMap(std::string_view raw) {
  raw_size_ = static_cast<uint32_t>(std::min<size_t>(raw.size(), UINT32_MAX));
  const auto* base = reinterpret_cast<const uint8_t*>(raw.data());
  const uint8_t* const end = base + raw_size_;
  text_.reserve(raw_size_);
  std::string chunk;
  const uint8_t* p = base;
  while (p < end) {
    const uint32_t at = static_cast<uint32_t>(p - base);
    if (*p == 0) {
      Add(at, 1, "", false);
      ++p;
      continue;
    }
    if (*p == '\r') {
      const uint32_t len = (p + 1 < end && p[1] == '\n') ? 2 : 1;
      Add(at, len, "\n", false);
      p += len;
      continue;
    }
    if (PlainAscii(*p)) {
      const uint8_t* q = p;
      while (q < end && PlainAscii(*q)) ++q;
      // The last ASCII character joins the next chunk if what follows attaches to it.
      // (NULs are dropped before NFC, so look past them.)
      const uint8_t* r = q;
      while (r < end && *r == 0) ++r;
      if (r < end && *r >= 0x80 && AttachesBackward(DecodeOne(r, end).cp)) --q;
      if (q > p) {
        Add(at, static_cast<uint32_t>(q - p),
            std::string_view(reinterpret_cast<const char*>(p), q - p), true);
        p = q;
        continue;
      }
    }
    // A chunk: one character (or ill-formed sequence) and everything attaching to it.
    chunk.clear();
    const uint8_t* q = p;
    bool first = true;
    while (q < end) {
      if (!first && *q == 0) {  // dropped; what follows may still attach
        const uint8_t* r = q;
        while (r < end && *r == 0) ++r;
        if (r < end && *r >= 0x80 && AttachesBackward(DecodeOne(r, end).cp)) {
          q = r;
        } else {
          break;
        }
      }
      const Cp c = DecodeOne(q, end);
      if (!first && (c.cp < 0 || !AttachesBackward(c.cp))) break;
      if (c.cp < 0) {
        chunk += "\xEF\xBF\xBD";
      } else {
        chunk.append(reinterpret_cast<const char*>(q), c.len);
      }
      q += c.len;
      first = false;
    }
    const text::Normalized n = text::Normalize(chunk);
    Add(at, static_cast<uint32_t>(q - p), n.text, false);
    p = q;
  }
}

const RawMap::Piece* RawMap::Find(uint32_t norm_offset) const {
  // The last piece starting at or before the offset that has bytes.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), norm_offset,
                             [](uint32_t x, const Piece& pc) { return x < pc.norm_begin; });
  while (it != pieces_.begin()) {
    --it;
    if (it->norm_len > 0) return &*it;
  }
  return nullptr;
}

text::Span RawMap::ToRaw(text::Span s) const {
  if (text_.empty() || s.end <= s.begin) return {0, 0};
  const uint32_t b = std::min<uint32_t>(s.begin, static_cast<uint32_t>(text_.size()) - 1);
  const uint32_t e = std::min<uint32_t>(s.end, static_cast<uint32_t>(text_.size()));
  const Piece* pb = Find(b);
  const Piece* pe = Find(e - 1);
  text::Span r{0, raw_size_};
  if (pb != nullptr) r.begin = pb->exact ? pb->raw_begin + (b - pb->norm_begin) : pb->raw_begin;
  if (pe != nullptr) r.end = pe->exact ? pe->raw_begin + (e - pe->norm_begin) : pe->raw_begin + pe->raw_len;
  if (r.end < r.begin) r.end = r.begin;
  return r;
}

}  // namespace witness::syndication::internal
