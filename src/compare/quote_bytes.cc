// NormalizeWithMap (quote_bytes.h) and ExtractFromBytes.
#include "compare/quote_bytes.h"

#include <algorithm>

#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::quotes {
namespace internal {
namespace {

inline bool Dirty(unsigned char c) { return c >= 0x80 || c == '\r' || c == 0; }

}  // namespace

void OffsetMap::Push(uint32_t norm, uint32_t norm_len, uint64_t raw, uint64_t raw_len, bool same) {
  if (norm_len == 0 && raw_len == 0) return;
  if (!segs_.empty() && same && segs_.back().same &&
      segs_.back().norm + segs_.back().norm_len == norm &&
      segs_.back().raw + segs_.back().raw_len == raw) {
    segs_.back().norm_len += norm_len;
    segs_.back().raw_len += raw_len;
    return;
  }
  segs_.push_back({norm, norm_len, raw, raw_len, same});
}

uint64_t OffsetMap::Begin(uint32_t pos) const {
  if (segs_.empty()) return pos;
  // The first segment that ends after pos (segments without normalised bytes are skipped).
  auto it = std::upper_bound(segs_.begin(), segs_.end(), pos,
                             [](uint32_t p, const Seg& s) { return p < s.norm + s.norm_len; });
  while (it != segs_.end() && it->norm_len == 0) ++it;
  if (it == segs_.end()) return segs_.back().raw + segs_.back().raw_len;
  if (it->same) return it->raw + (pos - it->norm);
  return it->raw;
}

uint64_t OffsetMap::End(uint32_t pos) const {
  if (segs_.empty()) return pos;
  if (pos == 0) return 0;
  // The segment holding byte pos - 1.
  auto it = std::upper_bound(segs_.begin(), segs_.end(), pos - 1,
                             [](uint32_t p, const Seg& s) { return p < s.norm + s.norm_len; });
  while (it != segs_.end() && it->norm_len == 0) ++it;
  if (it == segs_.end()) return segs_.back().raw + segs_.back().raw_len;
  if (it->same) return it->raw + (pos - it->norm);
  return it->raw + it->raw_len;
}

std::string NormalizeWithMap(std::string_view bytes, OffsetMap* map) {
  map->segs_.clear();
  text::Normalized whole = text::Normalize(bytes);
  if (whole.text == bytes) return std::move(whole.text);  // the common case: nothing changed
  std::string out;
  out.reserve(bytes.size());
  const size_t n = bytes.size();
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  while (i < n) {
    // Plain ASCII up to the next dirty byte, less the character before it (a starter that
    // may compose with what follows).
    size_t d = i;
    while (d < n && !Dirty(s[d])) ++d;
    size_t clean_end = d < n && d > i ? d - 1 : d;
    if (clean_end > i) {
      map->Push(static_cast<uint32_t>(out.size()), static_cast<uint32_t>(clean_end - i), i,
                clean_end - i, true);
      out.append(bytes.substr(i, clean_end - i));
    }
    if (d >= n) break;
    // The stretch: from clean_end to the next ASCII byte (not CR/NUL) that does not follow a CR
    // and is not followed by a non-ASCII byte (which might be a combining mark).
    size_t e = d;
    while (e < n) {
      if (!Dirty(s[e]) && s[e - 1] != '\r' && (e + 1 >= n || !Dirty(s[e + 1]))) break;
      ++e;
    }
    const std::string_view piece = bytes.substr(clean_end, e - clean_end);
    const std::string norm = text::Normalize(piece).text;
    const uint32_t base = static_cast<uint32_t>(out.size());
    if (norm == piece) {
      map->Push(base, static_cast<uint32_t>(norm.size()), clean_end, piece.size(), true);
    } else {
      size_t pre = 0;
      while (pre < norm.size() && pre < piece.size() && norm[pre] == piece[pre]) ++pre;
      size_t suf = 0;
      while (suf < norm.size() - pre && suf < piece.size() - pre &&
             norm[norm.size() - 1 - suf] == piece[piece.size() - 1 - suf]) {
        ++suf;
      }
      // Keep the cuts on character boundaries of the normalised text.
      while (pre > 0 && pre < norm.size() && (static_cast<unsigned char>(norm[pre]) & 0xC0) == 0x80)
        --pre;
      while (suf > 0 && (static_cast<unsigned char>(norm[norm.size() - suf]) & 0xC0) == 0x80) --suf;
      map->Push(base, static_cast<uint32_t>(pre), clean_end, pre, true);
      map->Push(base + static_cast<uint32_t>(pre), static_cast<uint32_t>(norm.size() - pre - suf),
                clean_end + pre, piece.size() - pre - suf, false);
      map->Push(base + static_cast<uint32_t>(norm.size() - suf), static_cast<uint32_t>(suf),
                clean_end + piece.size() - suf, suf, true);
    }
    out += norm;
    i = e;
  }
  return out;
}

}  // namespace internal

StatusOr<Extraction> ExtractFromBytes(std::string_view bytes) {
  if (bytes.size() >= UINT32_MAX) {
    return Status::ResourceExhausted("quotes: input of " + std::to_string(bytes.size()) +
                                     " bytes: 4 GiB or more is not supported");
  }
  internal::OffsetMap map;
  const std::string text = internal::NormalizeWithMap(bytes, &map);
  Extraction ex = Extract(text);
  if (map.identity()) return ex;
  auto span = [&](text::Span& s) {
    if (s.begin == s.end) {
      s.begin = s.end = static_cast<uint32_t>(map.Begin(s.begin));
      return;
    }
    const uint64_t b = map.Begin(s.begin), e = map.End(s.end);
    s.begin = static_cast<uint32_t>(b);
    s.end = static_cast<uint32_t>(std::max(b, e));
  };
  for (Quote& q : ex.quotes) {
    span(q.content);
    for (text::Span& p : q.parts) span(p);
    if (q.cue.end > q.cue.begin) span(q.cue);
    if (q.speaker.end > q.speaker.begin) span(q.speaker);
  }
  for (Mention& m : ex.mentions) span(m.span);
  return ex;
}

}  // namespace witness::quotes
