// src/sketch/band_table.h: a multiset of (32-bit band key, 32-bit slot) entries, in key
// order, that grows a segment at a time. The LSH index keeps in it what its bucket table
// (bucket_table.h) spills: equal keys beyond a bucket's room, slots too wide for a bucket.
//
// Extendible hashing: a directory indexed by the top `global_depth` bits of the key points to
// segments; a segment of local depth d holds every key with its d-bit prefix. Inside a segment
// the key's next bits pick a home position by multiply-shift, which is monotone in the key, and
// the entries are kept in ascending order (ordered linear probing: an entry sits at or after
// its home, with no empty position in between, and no wrap-around -- a little padding after
// the last home position absorbs the runs that reach the end). So:
//   - a lookup stops at the first entry larger than its key, not at the next empty position:
//     a key that is absent (most band keys) costs about one cache line even when full;
//   - growing or splitting a segment is a sequential merge, never a re-hash;
//   - no insert touches more than one segment. A segment is full at load 0.8; below
//     kMaxSegment home positions it grows by half, at kMaxSegment it splits in two by the next
//     key bit, each half at load 0.55 (which grows once more to full size before it splits
//     again). Loads stay between 0.55 and 0.8, each entry moves about twice per doubling of
//     the table, and a move is a step of a merge within 512 KiB, in L2. (The old single flat
//     table rebuilt everything at once, with a random write per entry.)
// Keys that splitting cannot separate (many equal band keys: identical documents) make their
// segment grow instead. Segments of 64 KiB and more live in a UnitArena (arena.h): huge pages,
// and memory reused rather than returned and faulted in again.
#ifndef WITNESS_SRC_SKETCH_BAND_TABLE_H_
#define WITNESS_SRC_SKETCH_BAND_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sketch/arena.h"

namespace witness::sketch::internal {

class BandTable {
 public:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  // Home positions of a full-size segment: with its padding, 512 KiB.
  static constexpr uint32_t kMaxSegment = 65024;
  // A segment is full above kFullLoad / 100 of its home positions; the halves of a split
  // start at kSplitLoad / 100. Lower loads mean shorter runs (cheaper inserts and lookups)
  // and more memory per entry. Measured (doc/performance.md): 80/55 streams 100,000
  // documents ~15% faster than 85/60 for 1% more memory; 70/45 goes over 1 KB per document.
  static constexpr uint32_t kFullLoad = 80;
  static constexpr uint32_t kSplitLoad = 55;
  static bool Full(uint32_t count, uint32_t cap) {
    return uint64_t{count} * 100 > uint64_t{cap} * kFullLoad;
  }

  // `max_segment` other than the default is for tests: small segments split early.
  explicit BandTable(uint32_t max_segment = kMaxSegment);
  ~BandTable();
  BandTable(const BandTable&) = delete;
  BandTable& operator=(const BandTable&) = delete;

  // Entries order by key, then slot. Slot UINT32_MAX is reserved (key UINT32_MAX with it is
  // the empty marker).
  static uint64_t Entry(uint32_t key, uint32_t slot) { return uint64_t{key} << 32 | slot; }

  // Adds one entry (equal entries may repeat).
  void Insert(uint64_t entry);
  // Removes one copy of `entry`; false when there is none.
  bool Erase(uint64_t entry);

  // Where a lookup of `key` starts, for the caller to prefetch. (Not a Prefetch() method:
  // GCC takes a function that only prefetches for a pure one and drops the calls.)
  const uint64_t* ProbeAddress(uint32_t key) const {
    const Segment& s = Seg(key);
    return s.data + Home(s, key);
  }

  // Calls f(slot) for every entry with this key, in slot order.
  template <typename F>
  void ForEach(uint32_t key, F&& f) const {
    const Segment& s = Seg(key);
    const uint64_t* p = s.data + Home(s, key);
    const uint64_t lo = Entry(key, 0);
    while (*p < lo) ++p;  // the sentinel (kEmpty) at the end stops it
    for (; (*p >> 32) == key && *p != kEmpty; ++p) f(static_cast<uint32_t>(*p));
  }

  // ForEach(key of `entry`, f), then Insert(entry), in one pass: the run that the lookup
  // reads is the one the insert shifts. f does not see `entry`.
  template <typename F>
  void ForEachThenInsert(uint64_t entry, F&& f) {
    const auto key = static_cast<uint32_t>(entry >> 32);
    Segment& s = segs_[dir_[DirIndex(key)]];
    if (Full(s.count + 1, s.cap)) {  // the segment must grow first
      ForEach(key, f);
      Insert(entry);
      return;
    }
    uint64_t* const d = s.data;
    uint32_t i = Home(s, key);
    const uint64_t lo = Entry(key, 0);
    while (d[i] < lo) ++i;
    uint32_t at = UINT32_MAX;  // the first entry above `entry`: where it goes
    for (; (d[i] >> 32) == key && d[i] != kEmpty; ++i) {
      if (at == UINT32_MAX && d[i] > entry) at = i;
      f(static_cast<uint32_t>(d[i]));
    }
    if (at == UINT32_MAX) at = i;
    uint32_t j = at;
    while (d[j] != kEmpty) ++j;
    if (j >= s.len - 1) {  // the run reaches the sentinel: Insert() makes more padding
      Insert(entry);
      return;
    }
    ShiftIn(d, at, j, entry);
    ++s.count;
    ++size_;
  }

  // Makes room for `entries` in all, at the load the table would reach by growing.
  void Reserve(size_t entries);

  // Removes every entry whose key is in [lo, hi) and appends it to *out, in key order.
  void TakeRange(uint32_t lo, uint64_t hi, std::vector<uint64_t>* out);
  // Every entry, in key order (for tests and consistency checks).
  std::vector<uint64_t> Entries() const;

  size_t size() const { return size_; }
  // Bytes held: every segment's positions, the directory and the segment headers.
  size_t MemoryBytes() const;
  // For tests: how the table is laid out, and a full consistency check (every entry at or
  // after its home with no gap, ascending, counts right).
  uint32_t global_depth() const { return global_depth_; }
  size_t segments() const { return segs_.size(); }
  bool CheckInvariants() const;

 private:
  struct Segment {
    uint64_t* data = nullptr;
    uint32_t cap = 0;  // home positions [0, cap)
    uint32_t len = 0;  // positions: cap + padding; data[len - 1] stays kEmpty
    uint32_t count = 0;
    uint32_t depth = 0;  // local depth: the top `depth` bits of every key here are equal
    uint32_t units = 0;  // arena units it holds; 0: allocated on the heap
  };

  uint32_t DirIndex(uint32_t key) const {
    // The top global_depth_ bits, computed in 64 bits so that depth 0 needs no special case.
    return static_cast<uint32_t>((uint64_t{key} << global_depth_) >> 32);
  }
  const Segment& Seg(uint32_t key) const { return segs_[dir_[DirIndex(key)]]; }
  // Home position: the key bits below the segment's prefix, scaled to its capacity.
  static uint32_t Home(const Segment& s, uint32_t key) {
    const uint32_t local = static_cast<uint32_t>(uint64_t{key} << s.depth);
    return static_cast<uint32_t>((uint64_t{local} * s.cap) >> 32);
  }

  // A cleared segment with `cap` home positions and at least `pad` padding: from the arena
  // when it takes 64 KiB to a region, else from the heap.
  Segment Make(uint32_t cap, uint32_t pad, uint32_t depth);
  void Free(Segment* s);
  // Puts `entry` at d[at], moving d[at, j) up by one (d[j] is empty).
  static void ShiftIn(uint64_t* d, uint32_t at, uint32_t j, uint64_t entry);
  // Rebuilds segment `index` with `cap` home positions (and at least `pad` padding).
  void Rebuild(uint32_t index, uint32_t cap, uint32_t pad);
  // Splits segment `index` by its next key bit; false when that would not separate it.
  bool Split(uint32_t index);
  void Clear();

  UnitArena arena_;  // declared first: destroyed after the segments are freed
  std::vector<uint32_t> dir_;
  std::vector<Segment> segs_;
  uint32_t global_depth_ = 0;
  size_t size_ = 0;
  uint32_t max_segment_;
};

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_BAND_TABLE_H_
