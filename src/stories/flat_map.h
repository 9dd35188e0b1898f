// FlatMap64: an open-addressing hash map from 64-bit keys to 32-bit values, for the story
// index's hot paths (vocabulary, article ids, candidate accumulation). Linear probing over a
// power-of-two table, at most 50% full, backward-shift deletion (no tombstones). Keys are
// mixed before probing, so small integers are fine as keys. 16 bytes per slot.
#ifndef WITNESS_STORIES_FLAT_MAP_H_
#define WITNESS_STORIES_FLAT_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace witness::stories::internal {

inline uint64_t MixKey(uint64_t k) {
  k ^= k >> 31;
  k *= 0x7FB5D329728EA185ULL;
  k ^= k >> 27;
  k *= 0x81DADEF4BC2DD44DULL;
  return k ^ (k >> 33);
}

class FlatMap64 {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  size_t size() const { return size_; }
  size_t capacity() const { return slots_.size(); }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

  void Clear() {
    slots_.clear();
    size_ = 0;
  }
  void Reserve(size_t n) {
    size_t want = 16;
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) Rehash(want);
  }

  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kAbsent;
    const size_t mask = slots_.size() - 1;
    for (size_t i = MixKey(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return kAbsent;
      if (s.key == key) return s.value;
    }
  }

  // Inserts key -> value if the key is absent. Returns a pointer to the stored value and sets
  // *inserted. The pointer is valid until the next insertion or erasure.
  uint32_t* Insert(uint64_t key, uint32_t value, bool* inserted) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(slots_.empty() ? 16 : 2 * slots_.size());
    const size_t mask = slots_.size() - 1;
    for (size_t i = MixKey(key) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        s.used = 1;
        s.key = key;
        s.value = value;
        ++size_;
        *inserted = true;
        return &s.value;
      }
      if (s.key == key) {
        *inserted = false;
        return &s.value;
      }
    }
  }

  // Removes the key when present. Returns whether it was.
  bool Erase(uint64_t key) {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    size_t i = MixKey(key) & mask;
    for (;; i = (i + 1) & mask) {
      if (!slots_[i].used) return false;
      if (slots_[i].key == key) break;
    }
    // Backward-shift: move later entries of the probe run into the hole when their home
    // slot does not lie cyclically in (hole, j].
    size_t hole = i;
    for (size_t j = (hole + 1) & mask;; j = (j + 1) & mask) {
      if (!slots_[j].used) break;
      size_t home = MixKey(slots_[j].key) & mask;
      bool home_in_range = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!home_in_range) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = Slot{};
    --size_;
    return true;
  }

  // Calls f(key, value) for every entry, in table order (not a stable order: callers that
  // need determinism sort).
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.used) f(s.key, s.value);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    uint32_t used = 0;
  };
  void Rehash(size_t n) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(n, Slot{});
    const size_t mask = n - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t i = MixKey(s.key) & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

// FlatMap64 split in 64 shards by the key's top bits, so that growing rehashes one shard at a
// time: with a million keys a rehash moves some 16 thousand of them (about a millisecond)
// instead of all of them at once. Keys should be hashes (the shard comes from their top bits).
class ShardedFlatMap64 {
 public:
  static constexpr uint32_t kAbsent = FlatMap64::kAbsent;
  static constexpr int kShardBits = 6;

  size_t size() const {
    size_t n = 0;
    for (const FlatMap64& m : shards_) n += m.size();
    return n;
  }
  size_t MemoryBytes() const {
    size_t n = 0;
    for (const FlatMap64& m : shards_) n += m.MemoryBytes();
    return n;
  }
  void Clear() {
    for (FlatMap64& m : shards_) m.Clear();
  }
  uint32_t Find(uint64_t key) const { return shards_[Shard(key)].Find(key); }
  uint32_t* Insert(uint64_t key, uint32_t value, bool* inserted) {
    return shards_[Shard(key)].Insert(key, value, inserted);
  }
  bool Erase(uint64_t key) { return shards_[Shard(key)].Erase(key); }

 private:
  static size_t Shard(uint64_t key) { return key >> (64 - kShardBits); }
  FlatMap64 shards_[size_t{1} << kShardBits];
};

}  // namespace witness::stories::internal

#endif  // WITNESS_STORIES_FLAT_MAP_H_
