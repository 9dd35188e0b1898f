// src/sketch/bucket_table.h: the LSH band entries, (32-bit band key, slot) pairs, four bytes
// each, one cache line per band key.
//
// A lookup or insert is one random memory access per band, and at 40 bands per document that
// access is what an index of millions of entries spends its time on. So each key has exactly
// one home line, a bucket of 15 entries with a small header, and an entry keeps only what the
// bucket's position does not already say:
//   - Linear hashing: bucket b holds the keys whose low c bits are b, where c is the level L
//     for buckets not yet split in this round and L + 1 for those split (and their new
//     halves). A split takes the bucket at the split pointer, moves the entries whose key bit L
//     is set into a new bucket appended at the end, and advances the pointer; when every
//     bucket of the round is split, L grows by one. The table grows a line at a time, in
//     address order, and never pauses to rebuild.
//   - An entry is the key's bits above the low c, with the slot in the low c bits (so a slot
//     must be below 2^c; the table keeps 2^L above four slots per document in normal use).
//     Keys stay exact: no candidate comes from a key collision the full key would not have.
//   - A bucket that is full, or an entry whose slot does not fit, spills into a BandTable
//     (band_table.h, keyed by the bit-reversed key so that a bucket's keys form one key range)
//     and the bucket is marked: a lookup reads the spill table only behind a marked bucket. A
//     split takes its bucket's spilled entries back. Identical documents (many equal keys)
//     live mostly in the spill table, which handles equal keys.
// Splits keep the expected entries of an unsplit bucket at most kRoundEndMean (half that
// just after a round ends), so the table averages kRoundEndMean / 2 entries per bucket:
// 12.8 bytes per entry at every size, up to 16 where committing whole huge pages rounds it
// up (`build/release/bucket_spill`). Spilled entries do not count towards splits
// (equal keys would only make more buckets that stay empty); they take about 12 bytes each
// in the spill table.
#ifndef WITNESS_SRC_SKETCH_BUCKET_TABLE_H_
#define WITNESS_SRC_SKETCH_BUCKET_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sketch/band_table.h"

namespace witness::sketch::internal {

// Address space reserved up front and memory committed from its start as it is asked for
// (readable, writable, zero until written); moved to a larger reservation when one runs out.
class VirtualBuffer {
 public:
  VirtualBuffer() = default;
  ~VirtualBuffer() { Release(); }
  VirtualBuffer(const VirtualBuffer&) = delete;
  VirtualBuffer& operator=(const VirtualBuffer&) = delete;

  // Makes the first `bytes` usable; what was committed before keeps its contents (its first
  // `live` bytes are what a move to a larger reservation copies). Throws std::bad_alloc.
  void Commit(size_t bytes, size_t live);
  void Release();

  char* data() const { return base_; }
  // Memory committed: whole pages, and whole huge pages from 2 MiB on.
  size_t committed() const { return committed_; }

 private:
  char* base_ = nullptr;
  size_t reserved_ = 0;
  size_t committed_ = 0;
};

class BucketTable {
 public:
  // Expected entries of an unsplit bucket when its round ends (the most any bucket expects):
  // higher means less memory and more spills. At 10 of 15, random keys spill 0.006-0.08% of
  // the entries from 65,536 to 8 million (`build/release/bucket_spill`).
  static constexpr uint32_t kRoundEndMean = 10;
  static constexpr uint32_t kSlotsPerBucket = 15;

  BucketTable();
  BucketTable(const BucketTable&) = delete;
  BucketTable& operator=(const BucketTable&) = delete;

  // Adds one entry (equal entries may repeat). Slot UINT32_MAX is reserved.
  void Insert(uint32_t key, uint32_t slot);
  // Removes one copy of (key, slot); false when there is none.
  bool Erase(uint32_t key, uint32_t slot);

  // The line a lookup of `key` reads, for the caller to prefetch.
  const void* ProbeAddress(uint32_t key) const { return buckets_ + Index(key); }

  // Calls f(slot) for every entry with this key, in no particular order.
  template <typename F>
  void ForEach(uint32_t key, F&& f) const {
    const uint32_t b = Index(key);
    ForEachIn(buckets_[b], key, Consumed(b), f);
  }

  // ForEach(key, f), then Insert(key, slot): one bucket read. f does not see the new entry.
  template <typename F>
  void ForEachThenInsert(uint32_t key, uint32_t slot, F&& f) {
    const uint32_t b = Index(key);
    const uint32_t c = Consumed(b);
    Bucket& k = buckets_[b];
    ForEachIn(k, key, c, f);
    Place(k, c, key, slot);
    if (held_ > grow_at_) Split();
  }

  // Makes room for `entries` in all: no split until the table holds them.
  void Reserve(size_t entries);

  size_t size() const { return held_ + spill_.size(); }
  size_t MemoryBytes() const { return mem_.committed() + spill_.MemoryBytes(); }
  // For tests: buckets, entries spilled, and a full consistency check (every entry in the
  // bucket its key maps to, slots that fit, spilled entries only behind marked buckets).
  size_t buckets() const { return size_t{1} << level_ | next_; }
  size_t spilled() const { return spill_.size(); }
  bool CheckInvariants() const;

 private:
  static constexpr uint32_t kCountMask = 0xF;
  static constexpr uint32_t kSpilled = 0x10;
  struct alignas(64) Bucket {
    uint32_t head;  // entry count (kCountMask), kSpilled
    uint32_t e[kSlotsPerBucket];
  };
  static uint32_t Low(uint32_t c) { return (uint32_t{1} << c) - 1; }
  // Bit-reversed key: the spill table's key, so that the keys of one bucket are one range.
  static uint32_t Reversed(uint32_t key);

  uint32_t Index(uint32_t key) const {
    const uint32_t b = key & Low(level_);
    return b < next_ ? key & Low(level_ + 1) : b;
  }
  uint32_t Consumed(uint32_t b) const { return b < next_ || b >> level_ ? level_ + 1 : level_; }
  template <typename F>
  void ForEachIn(const Bucket& k, uint32_t key, uint32_t c, F& f) const {
    const uint32_t hi = ~Low(c), want = key & hi;
    const uint32_t n = k.head & kCountMask;
    uint32_t m = 0;
    for (uint32_t i = 0; i < kSlotsPerBucket; ++i) m |= uint32_t{(k.e[i] & hi) == want} << i;
    for (m &= Low(n); m != 0; m &= m - 1) f(k.e[__builtin_ctz(m)] & ~hi);
    if (k.head & kSpilled) {
      spill_.ForEach(Reversed(key), [&](uint32_t slot) { f(slot); });
    }
  }
  // Adds an entry to bucket k, which consumes c key bits, or to the spill table when k is
  // full or the slot does not fit; without growing.
  void Place(Bucket& k, uint32_t c, uint32_t key, uint32_t slot) {
    const uint32_t n = k.head & kCountMask;
    if (n < kSlotsPerBucket && (slot >> c) == 0) {
      k.e[n] = (key & ~Low(c)) | slot;
      ++k.head;
      ++held_;
    } else {
      k.head |= kSpilled;
      spill_.Insert(BandTable::Entry(Reversed(key), slot));
    }
  }
  void Place(uint32_t key, uint32_t slot) {
    const uint32_t b = Index(key);
    Place(buckets_[b], Consumed(b), key, slot);
  }
  // Splits the bucket at the split pointer; commits memory for the new bucket.
  void Split();
  void UpdateGrowAt();

  VirtualBuffer mem_;
  Bucket* buckets_ = nullptr;
  uint32_t level_ = 4;   // buckets [0, 2^level_ + next_)
  uint32_t next_ = 0;    // the split pointer
  size_t held_ = 0;      // entries in buckets (the others are in spill_)
  size_t grow_at_ = 0;   // split when held_ passes this
  size_t reserved_ = 0;  // entries Reserve() made room for
  BandTable spill_;
};

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_BUCKET_TABLE_H_
