// src/sketch/arena.h: memory for the band table's segments (the LSH index's spill table,
// band_table.h), in units of 4 KiB carved from large regions on transparent huge pages.
//
// Why: the band table is probed at random, so with 4 KiB pages nearly every probe would also
// miss the TLB; and a table that grows frees and allocates segments all the time, which from
// malloc means fresh memory and a page fault per 4 KiB. Here freed units are kept and reused
// first (first fit, lowest address), so the system sees new memory mostly for net growth, a
// huge page at a time.
//
// A region is reserved as address space (kRegionBytes); only what has been handed out counts
// as held: everything below the region's high-water mark except the extents given back to the
// system. Freed memory kept for reuse is bounded (a quarter of what is in use, at least 2 MiB);
// beyond that the highest free extents are given back (MADV_DONTNEED).
#ifndef WITNESS_SRC_SKETCH_ARENA_H_
#define WITNESS_SRC_SKETCH_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace witness::sketch::internal {

class UnitArena {
 public:
  static constexpr size_t kUnitBytes = size_t{4} << 10;
  static constexpr size_t kRegionUnits = 8192;  // 32 MiB of address space
  static constexpr size_t kRegionBytes = kUnitBytes * kRegionUnits;

  UnitArena() = default;
  ~UnitArena();
  UnitArena(const UnitArena&) = delete;
  UnitArena& operator=(const UnitArena&) = delete;

  // `units` (1..kRegionUnits) contiguous units, uninitialised. Throws std::bad_alloc.
  void* Allocate(size_t units);
  // Gives back what Allocate(units) returned.
  void Release(void* p, size_t units);

  // Bytes held from the system: handed out, or free and kept for reuse.
  size_t bytes() const { return (used_units_ + kept_units_) * kUnitBytes; }
  // For tests: whether the bookkeeping adds up.
  bool CheckInvariants() const;

 private:
  struct Extent {
    uint32_t start, units;
    bool kept;  // true: memory kept for reuse; false: given back, address space only
  };
  struct Region {
    char* base;
    uint32_t top;              // high-water mark, in units
    std::vector<Extent> free;  // free units below `top`, by start; neighbours of one kind merged
  };
  // Takes `k` units from the first extent of the given kind that fits; nullptr when none does.
  void* TakeFree(uint32_t k, bool kept);
  // Gives back the highest kept extents while more is kept than the bound allows.
  void Trim();

  std::vector<Region> regions_;  // by address
  size_t used_units_ = 0;
  size_t kept_units_ = 0;
};

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_ARENA_H_
