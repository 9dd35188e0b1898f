// BandTable: extendible hashing over ordered linear-probing segments (see band_table.h).
#include "sketch/band_table.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace witness::sketch::internal {
namespace {

// Deepest prefix a segment may have (a directory of 2^20 entries at most: 4 MiB).
constexpr uint32_t kMaxDepth = 20;
constexpr uint32_t kMinSegment = 64;

// Home positions that hold `count` entries at kSplitLoad: the load of the two halves of a
// split, from which a segment fills to kFullLoad and then grows once, to full size. So loads
// stay between the two and each entry moves about twice per doubling.
uint32_t CapFor(size_t count) {
  const size_t cap = count * 100 / BandTable::kSplitLoad + kMinSegment;
  return static_cast<uint32_t>(std::min<size_t>(cap, UINT32_MAX / 4));
}

// Padding after the last home position: runs that reach the end spill into it. It grows
// (the segment is rebuilt) in the rare case that it fills.
uint32_t PadFor(uint32_t cap) { return 32 + cap / 256; }

// Growth of a segment below full size, and of one that cannot split.
uint32_t Grown(uint32_t cap) { return cap + cap / 2 + kMinSegment; }

}  // namespace

BandTable::Segment BandTable::Make(uint32_t cap, uint32_t pad, uint32_t depth) {
  Segment s;
  s.cap = cap;
  s.len = cap + pad + 1;  // + the sentinel
  s.depth = depth;
  const size_t bytes = size_t{s.len} * sizeof(uint64_t);
  if (bytes >= 16 * UnitArena::kUnitBytes && bytes <= UnitArena::kRegionBytes) {
    // Whole units: what rounding adds becomes padding.
    s.units = static_cast<uint32_t>((bytes + UnitArena::kUnitBytes - 1) / UnitArena::kUnitBytes);
    s.len = static_cast<uint32_t>(s.units * UnitArena::kUnitBytes / sizeof(uint64_t));
    s.data = static_cast<uint64_t*>(arena_.Allocate(s.units));
  } else {  // small (a small table) or beyond a region (equal keys that cannot split)
    s.data = static_cast<uint64_t*>(::operator new(bytes));
  }
  std::memset(s.data, 0xFF, size_t{s.len} * sizeof(uint64_t));  // every position kEmpty
  return s;
}

void BandTable::Free(Segment* s) {
  if (s->units > 0) {
    arena_.Release(s->data, s->units);
  } else {
    ::operator delete(s->data);
  }
  s->data = nullptr;
}

namespace {

// Fills a cleared segment with entries given in ascending order: each at its home or right
// after the one before, whichever is later. Branch-free: a placement past the padding only
// clears `fits` (and is written at the last position, to be thrown away with the segment).
struct Placer {
  uint64_t* data;
  uint32_t cap, depth, last;  // last: the last position before the sentinel
  uint32_t next = 0, count = 0;
  bool fits = true;
  void Put(uint64_t e) {
    const uint32_t local = static_cast<uint32_t>(e >> 32 << depth);
    const auto home = static_cast<uint32_t>((uint64_t{local} * cap) >> 32);
    uint32_t p = std::max(home, next);
    fits &= p <= last;
    p = std::min(p, last);
    data[p] = e;
    next = p + 1;
    ++count;
  }
};

// Calls f(entry) for every entry of a segment in ascending order, a cache line of positions
// at a time (one mispredicted branch per line at most, not one per empty position).
template <typename F>
void ForEachEntry(const uint64_t* d, uint32_t positions, F&& f) {
  constexpr uint64_t kEmpty = BandTable::kEmpty;
  uint32_t i = 0;
  for (; i + 8 <= positions; i += 8) {
    uint32_t m = 0;
    for (uint32_t k = 0; k < 8; ++k) m |= uint32_t{d[i + k] != kEmpty} << k;
    for (; m != 0; m &= m - 1) f(d[i + static_cast<uint32_t>(__builtin_ctz(m))]);
  }
  for (; i < positions; ++i) {
    if (d[i] != kEmpty) f(d[i]);
  }
}

}  // namespace

BandTable::BandTable(uint32_t max_segment) : max_segment_(std::max(max_segment, kMinSegment * 2)) {
  segs_.push_back(Make(kMinSegment, PadFor(kMinSegment), 0));
  dir_.assign(1, 0);
}

BandTable::~BandTable() { Clear(); }

void BandTable::Clear() {
  for (Segment& s : segs_) Free(&s);
  segs_.clear();
  dir_.clear();
  global_depth_ = 0;
  size_ = 0;
}

void BandTable::Rebuild(uint32_t index, uint32_t cap, uint32_t pad) {
  Segment& old = segs_[index];
  for (;;) {
    Segment grown = Make(cap, pad, old.depth);
    Placer placer{grown.data, grown.cap, grown.depth, grown.len - 2};
    ForEachEntry(old.data, old.len - 1, [&](uint64_t e) { placer.Put(e); });
    if (placer.fits) {
      grown.count = placer.count;
      Free(&old);
      old = grown;
      return;
    }
    Free(&grown);
    pad = pad * 2 + 64;
  }
}

bool BandTable::Split(uint32_t index) {
  const Segment old = segs_[index];
  if (old.depth >= kMaxDepth) return false;
  const uint32_t bit = 31 - old.depth;  // the first key bit after the segment's prefix
  uint32_t ones = 0;
  ForEachEntry(old.data, old.len - 1, [&](uint64_t e) { ones += (e >> (32 + bit)) & 1; });
  const uint32_t zeros = old.count - ones;
  // A split that leaves three quarters on one side (equal keys) would only repeat.
  if (uint64_t{std::max(ones, zeros)} * 4 > uint64_t{old.count} * 3) return false;
  Segment half[2];
  for (uint32_t pad0 = PadFor(CapFor(zeros)), pad1 = PadFor(CapFor(ones));;) {
    half[0] = Make(CapFor(zeros), pad0, old.depth + 1);
    half[1] = Make(CapFor(ones), pad1, old.depth + 1);
    // Two placers by name, not an array indexed by the bit: they stay in registers, and the
    // branch is taken the same way for every entry up to the one where the bit turns (the
    // entries are in key order), instead of a chain of stores and loads through memory.
    Placer lo{half[0].data, half[0].cap, half[0].depth, half[0].len - 2};
    Placer hi{half[1].data, half[1].cap, half[1].depth, half[1].len - 2};
    ForEachEntry(old.data, old.len - 1, [&](uint64_t e) {
      if ((e >> (32 + bit)) & 1) {
        hi.Put(e);
      } else {
        lo.Put(e);
      }
    });
    if (lo.fits && hi.fits) {
      half[0].count = lo.count;
      half[1].count = hi.count;
      break;
    }
    Free(&half[0]);
    Free(&half[1]);
    if (!lo.fits) pad0 = pad0 * 2 + 64;
    if (!hi.fits) pad1 = pad1 * 2 + 64;
  }
  if (old.depth == global_depth_) {  // the directory doubles: each entry becomes two
    std::vector<uint32_t> dir(dir_.size() * 2);
    for (size_t i = 0; i < dir.size(); ++i) dir[i] = dir_[i >> 1];
    dir_.swap(dir);
    ++global_depth_;
  }
  Segment gone = old;
  Free(&gone);
  // The directory entries of the old segment are one run; its upper half goes to half[1].
  const uint32_t hi_index = static_cast<uint32_t>(segs_.size());
  segs_[index] = half[0];
  segs_.push_back(half[1]);
  const size_t span = size_t{1} << (global_depth_ - old.depth);
  const size_t first = std::find(dir_.begin(), dir_.end(), index) - dir_.begin();
  for (size_t i = first + span / 2; i < first + span; ++i) dir_[i] = hi_index;
  return true;
}

void BandTable::Insert(uint64_t entry) {
  const uint32_t key = static_cast<uint32_t>(entry >> 32);
  for (;;) {
    const uint32_t index = dir_[DirIndex(key)];
    Segment& s = segs_[index];
    if (Full(s.count + 1, s.cap)) {  // grow while small, split once full-size
      if (s.cap < max_segment_) {
        Rebuild(index, std::min(max_segment_, Grown(s.cap)), PadFor(s.cap));
      } else if (!Split(index)) {
        Rebuild(index, Grown(s.cap), s.len - 1 - s.cap);
      }
      continue;
    }
    uint64_t* d = s.data;
    uint32_t i = Home(s, key);
    while (d[i] < entry) ++i;  // stops at the sentinel at the latest
    uint32_t j = i;
    while (d[j] != kEmpty) ++j;
    if (j >= s.len - 1) {  // the run reaches the sentinel: more padding
      Rebuild(index, s.cap, (s.len - 1 - s.cap) * 2 + 64);
      continue;
    }
    ShiftIn(d, i, j, entry);
    ++s.count;
    ++size_;
    return;
  }
}

void BandTable::ShiftIn(uint64_t* d, uint32_t at, uint32_t j, uint64_t entry) {
  std::memmove(d + at + 1, d + at, size_t{j - at} * sizeof(uint64_t));
  d[at] = entry;
}

bool BandTable::Erase(uint64_t entry) {
  const uint32_t key = static_cast<uint32_t>(entry >> 32);
  Segment& s = segs_[dir_[DirIndex(key)]];
  uint64_t* d = s.data;
  uint32_t i = Home(s, key);
  while (d[i] < entry) ++i;
  if (d[i] != entry) return false;
  // Pull the rest of the run back by one while its entries are past their homes.
  while (d[i + 1] != kEmpty && Home(s, static_cast<uint32_t>(d[i + 1] >> 32)) <= i) {
    d[i] = d[i + 1];
    ++i;
  }
  d[i] = kEmpty;
  --s.count;
  --size_;
  return true;
}

void BandTable::Reserve(size_t entries) {
  size_t room = 0;
  for (const Segment& s : segs_) room += size_t{s.cap} * kFullLoad / 100;
  if (entries <= room) return;
  // A uniform depth whose segments hold their share at load 0.75 or less, and no shallower
  // than any segment now (so that each old segment maps onto whole new ones).
  uint32_t depth = global_depth_;
  while (depth < kMaxDepth && CapFor(entries >> depth) > max_segment_) ++depth;
  const std::vector<uint64_t> all = Entries();  // ascending
  const size_t total = size_;
  // Reserved segments start at load 0.75 when full: no growth headroom is needed.
  const uint32_t cap = static_cast<uint32_t>(
      std::min<size_t>((entries >> depth) * 4 / 3 + kMinSegment, UINT32_MAX / 4));
  for (uint32_t pad = PadFor(cap);; pad = pad * 2 + 64) {
    Clear();
    global_depth_ = depth;
    segs_.resize(size_t{1} << depth);
    dir_.resize(size_t{1} << depth);
    for (uint32_t i = 0; i < segs_.size(); ++i) {
      segs_[i] = Make(cap, pad, depth);
      dir_[i] = i;
    }
    std::vector<Placer> placers;
    for (const Segment& s : segs_) placers.push_back({s.data, s.cap, s.depth, s.len - 2});
    for (uint64_t e : all) placers[DirIndex(static_cast<uint32_t>(e >> 32))].Put(e);
    bool fits = true;
    for (uint32_t i = 0; i < segs_.size(); ++i) {
      fits = fits && placers[i].fits;
      segs_[i].count = placers[i].count;
    }
    if (fits) break;
  }
  size_ = total;
}

void BandTable::TakeRange(uint32_t lo, uint64_t hi, std::vector<uint64_t>* out) {
  if (hi <= lo) return;
  const size_t first = out->size();
  const auto last_key = static_cast<uint32_t>(hi - 1);
  // The segments that hold keys of the range: their directory entries are one run each.
  for (uint64_t d = DirIndex(lo); d <= DirIndex(last_key); ++d) {
    if (d > DirIndex(lo) && dir_[d] == dir_[d - 1]) continue;
    const Segment& s = segs_[dir_[d]];
    // The part of the range this segment holds: keys with its depth-bit prefix.
    const uint64_t prefix = d >> (global_depth_ - s.depth);
    const uint64_t seg_lo = s.depth == 0 ? 0 : prefix << (32 - s.depth);
    const uint64_t seg_hi = seg_lo + (uint64_t{1} << (32 - s.depth));
    const auto a = static_cast<uint32_t>(std::max<uint64_t>(lo, seg_lo));
    const uint64_t b = std::min(hi, seg_hi);
    // An entry sits at or after its home with no empty position in between, in key order:
    // past the home of the range's last key, the first empty position ends it.
    const uint32_t last_home = Home(s, static_cast<uint32_t>(b - 1));
    for (uint32_t p = Home(s, a); p + 1 < s.len; ++p) {
      const uint64_t e = s.data[p];
      if (e == kEmpty) {
        if (p > last_home) break;
        continue;
      }
      const uint64_t key = e >> 32;
      if (key >= b) break;
      if (key >= a) out->push_back(e);
    }
  }
  for (size_t i = first; i < out->size(); ++i) Erase((*out)[i]);
}

std::vector<uint64_t> BandTable::Entries() const {
  // The segments in directory order, each once: ascending.
  std::vector<uint64_t> all;
  all.reserve(size_);
  for (size_t i = 0; i < dir_.size(); ++i) {
    if (i > 0 && dir_[i] == dir_[i - 1]) continue;
    const Segment& s = segs_[dir_[i]];
    ForEachEntry(s.data, s.len - 1, [&](uint64_t e) { all.push_back(e); });
  }
  return all;
}

size_t BandTable::MemoryBytes() const {
  size_t bytes = dir_.capacity() * sizeof(uint32_t) + segs_.capacity() * sizeof(Segment);
  for (const Segment& s : segs_) {
    if (s.units == 0) bytes += size_t{s.len} * sizeof(uint64_t);
  }
  return bytes + arena_.bytes();
}

bool BandTable::CheckInvariants() const {
  if (dir_.size() != size_t{1} << global_depth_) return false;
  size_t total = 0;
  for (size_t i = 0; i < dir_.size(); ++i) {
    if (dir_[i] >= segs_.size()) return false;
  }
  for (uint32_t index = 0; index < segs_.size(); ++index) {
    const Segment& s = segs_[index];
    if (s.data == nullptr || s.len < s.cap + 1 || s.data[s.len - 1] != kEmpty) return false;
    uint32_t count = 0;
    uint64_t prev = 0;
    int64_t last_empty = -1;  // no empty position between an entry's home and the entry
    for (uint32_t p = 0; p + 1 < s.len; ++p) {
      const uint64_t e = s.data[p];
      if (e == kEmpty) {
        last_empty = p;
        continue;
      }
      const uint32_t key = static_cast<uint32_t>(e >> 32);
      if (segs_.data() + dir_[DirIndex(key)] != &s) return false;  // in its own segment
      if (count > 0 && e < prev) return false;                     // ascending
      const uint32_t home = Home(s, key);
      if (home > p || int64_t{home} <= last_empty) return false;
      prev = e;
      ++count;
    }
    if (count != s.count) return false;
    total += count;
  }
  return total == size_;
}

}  // namespace witness::sketch::internal
