// FiguresForFile: figures of a file's bytes as given, with spans mapped back from the
// normalised text.
//
// text::Normalize changes bytes (invalid UTF-8 -> U+FFFD, NUL dropped, CR LF -> LF, NFC), so
// the bytes are cut into pieces that Normalize treats independently: runs of plain ASCII
// (no CR, no NUL) stay as they are, and every other stretch starts at the ASCII character
// before it (the base a combining mark may compose with) and runs until the next plain ASCII
// byte (an ASCII character never composes with what precedes it, and no ill-formed
// subsequence contains one). Normalizing each piece and concatenating gives Normalize's
// result, with a map from each normalised piece to its original bytes.
#include <algorithm>

#include "compare/figure_map.h"
#include "witness/figures.h"
#include "witness/text.h"

namespace witness::figures {
namespace internal {

OffsetMap NormalizeWithMap(std::string_view bytes, text::Normalized* out) {
  OffsetMap map;
  out->text.clear();
  out->repaired_sequences = 0;
  out->removed_nuls = 0;
  out->nfc_changed = false;
  // Fast path: nothing changes.
  text::Normalized whole = text::Normalize(bytes);
  if (whole.text == bytes) {
    *out = std::move(whole);
    map.identity_ = true;
    map.norm_size_ = static_cast<uint32_t>(out->text.size());
    map.orig_size_ = static_cast<uint32_t>(bytes.size());
    return map;
  }
  out->text.reserve(whole.text.size());
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  auto dirty = [&](size_t i) { return b[i] >= 0x80 || b[i] == '\r' || b[i] == 0; };
  auto add = [&](size_t ob, size_t oe, std::string_view norm, bool same) {
    OffsetMap::Seg s;
    s.norm_begin = static_cast<uint32_t>(out->text.size());
    s.orig_begin = static_cast<uint32_t>(ob);
    s.norm_len = static_cast<uint32_t>(norm.size());
    s.orig_len = static_cast<uint32_t>(oe - ob);
    s.same = same;
    out->text.append(norm);
    if (!map.segs_.empty() && map.segs_.back().same && same) {
      map.segs_.back().norm_len += s.norm_len;
      map.segs_.back().orig_len += s.orig_len;
    } else {
      map.segs_.push_back(s);
    }
  };
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && !dirty(j)) ++j;
    if (j == n) {
      add(i, n, bytes.substr(i, n - i), true);
      break;
    }
    // The ASCII character before the stretch goes with it: a mark in the stretch may
    // compose with it (also once a NUL between them is dropped).
    const size_t k = j > i ? j - 1 : j;
    if (k > i) add(i, k, bytes.substr(i, k - i), true);
    size_t e = j;
    while (e < n && (dirty(e) || (b[e] == '\n' && e > 0 && b[e - 1] == '\r'))) ++e;
    const std::string_view piece = bytes.substr(k, e - k);
    text::Normalized p = text::Normalize(piece);
    out->repaired_sequences += p.repaired_sequences;
    out->removed_nuls += p.removed_nuls;
    out->nfc_changed = out->nfc_changed || p.nfc_changed;
    const std::string_view norm = p.text;
    if (norm == piece) {
      add(k, e, norm, true);
    } else {
      // Keep what the piece and its normal form share at either end exact: only the
      // bytes in between are a changed stretch. The cuts fall on character boundaries.
      auto boundary = [](std::string_view s, size_t at) {
        return at >= s.size() || (static_cast<uint8_t>(s[at]) & 0xC0) != 0x80;
      };
      size_t pre = 0;
      while (pre < norm.size() && pre < piece.size() && norm[pre] == piece[pre]) ++pre;
      while (pre > 0 && !(boundary(norm, pre) && boundary(piece, pre))) --pre;
      size_t suf = 0;
      while (suf < norm.size() - pre && suf < piece.size() - pre &&
             norm[norm.size() - 1 - suf] == piece[piece.size() - 1 - suf]) {
        ++suf;
      }
      while (suf > 0 &&
             !(boundary(norm, norm.size() - suf) && boundary(piece, piece.size() - suf))) {
        --suf;
      }
      if (pre > 0) add(k, k + pre, norm.substr(0, pre), true);
      add(k + pre, e - suf, norm.substr(pre, norm.size() - pre - suf), false);
      if (suf > 0) add(e - suf, e, norm.substr(norm.size() - suf), true);
    }
    i = e;
  }
  map.norm_size_ = static_cast<uint32_t>(out->text.size());
  map.orig_size_ = static_cast<uint32_t>(n);
  return map;
}

const OffsetMap::Seg* OffsetMap::Find(uint32_t pos) const {
  // The last segment starting at or before pos with a non-empty normalised length.
  auto it = std::upper_bound(segs_.begin(), segs_.end(), pos,
                             [](uint32_t p, const Seg& s) { return p < s.norm_begin; });
  while (it != segs_.begin()) {
    --it;
    if (it->norm_len > 0 || it->norm_begin < pos) return &*it;
  }
  return nullptr;
}

uint32_t OffsetMap::Begin(uint32_t pos) const {
  if (identity_) return pos;
  if (pos >= norm_size_) return orig_size_;
  const Seg* s = Find(pos);
  if (s == nullptr) return 0;
  if (pos >= s->norm_begin + s->norm_len) return s->orig_begin + s->orig_len;
  if (s->same) return s->orig_begin + (pos - s->norm_begin);
  return s->orig_begin;
}

uint32_t OffsetMap::End(uint32_t pos) const {
  if (identity_) return pos;
  if (pos == 0) return 0;
  if (pos >= norm_size_) return orig_size_;
  const Seg* s = Find(pos - 1);  // the segment holding the last byte
  if (s == nullptr) return 0;
  const uint32_t last = pos - 1;
  if (last >= s->norm_begin + s->norm_len) return s->orig_begin + s->orig_len;
  if (s->same) return s->orig_begin + (pos - s->norm_begin);
  return s->orig_begin + s->orig_len;
}

}  // namespace internal

namespace {

text::Span MapSpan(const internal::OffsetMap& map, text::Span s) {
  if (s.begin == 0 && s.end == 0) return s;
  const uint32_t b = map.Begin(s.begin);
  uint32_t e = map.End(s.end);
  if (e < b) e = b;
  return {b, e};
}

}  // namespace

FileFigures FiguresForFile(std::string_view bytes) {
  FileFigures result;
  if (bytes.size() > UINT32_MAX - 1) bytes = bytes.substr(0, UINT32_MAX - 1);
  text::Normalized norm;
  const internal::OffsetMap map = internal::NormalizeWithMap(bytes, &norm);
  result.repaired_sequences = norm.repaired_sequences;
  result.removed_nuls = norm.removed_nuls;
  result.nfc_changed = norm.nfc_changed;
  result.text = std::move(norm.text);
  result.figures = ExtractFigures(result.text);
  if (map.identity()) return result;
  for (Figure& f : result.figures) {
    f.number.span = MapSpan(map, f.number.span);
    f.span = MapSpan(map, f.span);
    f.sentence = MapSpan(map, f.sentence);
    f.counted_span = MapSpan(map, f.counted_span);
    f.event_span = MapSpan(map, f.event_span);
    f.attribution.source_span = MapSpan(map, f.attribution.source_span);
    f.attribution.cue_span = MapSpan(map, f.attribution.cue_span);
    f.status_cue = MapSpan(map, f.status_cue);
    for (TimeMention& t : f.times) t.span = MapSpan(map, t.span);
  }
  return result;
}

}  // namespace witness::figures
