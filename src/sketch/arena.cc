// UnitArena: first fit over free extents below each region's high-water mark (see arena.h).
#include "sketch/arena.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <new>

namespace witness::sketch::internal {
namespace {

constexpr size_t kMinKeptUnits = (size_t{512} << 10) / UnitArena::kUnitBytes;

}  // namespace

UnitArena::~UnitArena() {
  for (const Region& r : regions_) std::free(r.base);
}

void* UnitArena::TakeFree(uint32_t k, bool kept) {
  for (Region& r : regions_) {
    for (size_t i = 0; i < r.free.size(); ++i) {
      Extent& e = r.free[i];
      if (e.kept != kept || e.units < k) continue;
      char* const at = r.base + size_t{e.start} * kUnitBytes;
      e.start += k;
      e.units -= k;
      if (e.units == 0) r.free.erase(r.free.begin() + static_cast<ptrdiff_t>(i));
      return at;
    }
  }
  return nullptr;
}

void* UnitArena::Allocate(size_t units) {
  if (units == 0 || units > kRegionUnits) throw std::bad_alloc();
  const auto k = static_cast<uint32_t>(units);
  used_units_ += k;
  // Memory kept from earlier segments first: no page faults.
  if (void* p = TakeFree(k, true)) {
    kept_units_ -= k;
    return p;
  }
  // Then address space given back earlier, then above a high-water mark.
  if (void* p = TakeFree(k, false)) return p;
  for (Region& r : regions_) {
    if (kRegionUnits - r.top < k) continue;
    char* const at = r.base + size_t{r.top} * kUnitBytes;
    r.top += k;
    return at;
  }
  // A new region: address space only, pages become memory when first written.
  void* mem = std::aligned_alloc(size_t{2} << 20, kRegionBytes);
  if (mem == nullptr) {
    used_units_ -= k;
    throw std::bad_alloc();
  }
#ifdef MADV_HUGEPAGE
  madvise(mem, kRegionBytes, MADV_HUGEPAGE);
#endif
  Region region{static_cast<char*>(mem), k, {}};
  auto at = std::upper_bound(regions_.begin(), regions_.end(), region.base,
                             [](const char* x, const Region& q) { return x < q.base; });
  regions_.insert(at, std::move(region));
  return mem;
}

void UnitArena::Release(void* ptr, size_t units) {
  if (ptr == nullptr) return;
  char* const c = static_cast<char*>(ptr);
  auto it = std::upper_bound(regions_.begin(), regions_.end(), c,
                             [](const char* x, const Region& q) { return x < q.base; });
  if (it == regions_.begin()) return;  // not ours: cannot happen
  Region& r = *(it - 1);
  const auto start = static_cast<uint32_t>(static_cast<size_t>(c - r.base) / kUnitBytes);
  const auto k = static_cast<uint32_t>(units);
  used_units_ -= k;
  kept_units_ += k;
  auto pos = std::lower_bound(r.free.begin(), r.free.end(), start,
                              [](const Extent& e, uint32_t s) { return e.start < s; });
  pos = r.free.insert(pos, Extent{start, k, true});
  if (pos + 1 != r.free.end() && (pos + 1)->kept && pos->start + pos->units == (pos + 1)->start) {
    pos->units += (pos + 1)->units;
    r.free.erase(pos + 1);
  }
  if (pos != r.free.begin() && (pos - 1)->kept &&
      (pos - 1)->start + (pos - 1)->units == pos->start) {
    (pos - 1)->units += pos->units;
    r.free.erase(pos);
  }
  Trim();
}

void UnitArena::Trim() {
  const size_t bound = std::max(kMinKeptUnits, used_units_ / 4);
  while (kept_units_ > bound) {
    // The highest kept extent: the least likely to be reused soon (first fit goes low).
    Region* best_region = nullptr;
    size_t best = 0;
    for (Region& r : regions_) {
      for (size_t i = r.free.size(); i-- > 0;) {
        if (r.free[i].kept) {
          best_region = &r;
          best = i;
          break;
        }
      }
    }
    if (best_region == nullptr) return;
    Region& r = *best_region;
    Extent& e = r.free[best];
    madvise(r.base + size_t{e.start} * kUnitBytes, size_t{e.units} * kUnitBytes, MADV_DONTNEED);
    kept_units_ -= e.units;
    e.kept = false;
    // Merge with given-back neighbours; at the top, lower the high-water mark instead.
    if (best + 1 < r.free.size() && !r.free[best + 1].kept &&
        e.start + e.units == r.free[best + 1].start) {
      e.units += r.free[best + 1].units;
      r.free.erase(r.free.begin() + static_cast<ptrdiff_t>(best) + 1);
    }
    if (best > 0 && !r.free[best - 1].kept &&
        r.free[best - 1].start + r.free[best - 1].units == r.free[best].start) {
      r.free[best - 1].units += r.free[best].units;
      r.free.erase(r.free.begin() + static_cast<ptrdiff_t>(best));
      --best;
    }
    if (best + 1 == r.free.size() && r.free[best].start + r.free[best].units == r.top) {
      r.top = r.free[best].start;
      r.free.pop_back();
    }
  }
}

bool UnitArena::CheckInvariants() const {
  size_t kept = 0, held = 0;
  for (const Region& r : regions_) {
    if (r.top > kRegionUnits) return false;
    size_t free_units = 0;
    uint32_t end = 0;
    for (size_t i = 0; i < r.free.size(); ++i) {
      const Extent& e = r.free[i];
      if (e.units == 0 || e.start < end || e.start + e.units > r.top) return false;
      if (i > 0 && e.start == end && e.kept == r.free[i - 1].kept) return false;  // unmerged
      end = e.start + e.units;
      free_units += e.units;
      if (e.kept) kept += e.units;
    }
    held += r.top - free_units;
  }
  return kept == kept_units_ && held == used_units_;
}

}  // namespace witness::sketch::internal
