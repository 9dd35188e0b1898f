// UnitArena: allocations never overlap, freed memory is reused, the accounting adds up, and
// what is kept for reuse stays bounded.
#include "sketch/arena.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace witness::sketch::internal {
namespace {

TEST(UnitArena, RandomAllocationsNeverOverlapAndAccountingAddsUp) {
  std::mt19937_64 rng(4);
  UnitArena arena;
  std::map<char*, size_t> live;  // start -> units
  size_t used = 0;
  for (int step = 0; step < 6000; ++step) {
    if (live.empty() || rng() % 3 != 0) {
      const size_t units = 1 + rng() % 150;
      auto* p = static_cast<char*>(arena.Allocate(units));
      ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % UnitArena::kUnitBytes, 0u);
      // No overlap with the neighbours.
      auto next = live.lower_bound(p);
      if (next != live.end()) {
        ASSERT_LE(p + units * UnitArena::kUnitBytes, next->first);
      }
      if (next != live.begin()) {
        auto prev = std::prev(next);
        ASSERT_LE(prev->first + prev->second * UnitArena::kUnitBytes, p);
      }
      p[0] = static_cast<char>(step);  // writable, both ends
      p[units * UnitArena::kUnitBytes - 1] = static_cast<char>(step);
      live[p] = units;
      used += units;
    } else {
      auto it = live.begin();
      std::advance(it, rng() % live.size());
      arena.Release(it->first, it->second);
      used -= it->second;
      live.erase(it);
    }
    if (step % 1000 == 0) {
      ASSERT_TRUE(arena.CheckInvariants()) << "step " << step;
    }
  }
  ASSERT_TRUE(arena.CheckInvariants());
  // Held = in use + kept for reuse, and what is kept is at most a quarter of what is used
  // (or 512 KiB).
  const size_t used_bytes = used * UnitArena::kUnitBytes;
  EXPECT_GE(arena.bytes(), used_bytes);
  EXPECT_LE(arena.bytes(), used_bytes + std::max<size_t>(512 << 10, used_bytes / 4));
  for (auto [p, units] : live) arena.Release(p, units);
  EXPECT_TRUE(arena.CheckInvariants());
  EXPECT_LE(arena.bytes(), size_t{512} << 10);
}

TEST(UnitArena, FreedUnitsAreReusedFirst) {
  UnitArena arena;
  void* a = arena.Allocate(128);
  void* b = arena.Allocate(128);
  arena.Release(a, 128);
  EXPECT_EQ(arena.Allocate(100), a);  // the lowest free extent that fits
  EXPECT_EQ(arena.bytes(), 256 * UnitArena::kUnitBytes);
  arena.Release(b, 128);
  EXPECT_TRUE(arena.CheckInvariants());
}

TEST(UnitArena, WholeRegionsAndRefusals) {
  UnitArena arena;
  void* a = arena.Allocate(UnitArena::kRegionUnits);
  void* b = arena.Allocate(1);  // a second region
  EXPECT_NE(a, b);
  EXPECT_THROW(arena.Allocate(0), std::bad_alloc);
  EXPECT_THROW(arena.Allocate(UnitArena::kRegionUnits + 1), std::bad_alloc);
  arena.Release(a, UnitArena::kRegionUnits);
  arena.Release(b, 1);
  EXPECT_TRUE(arena.CheckInvariants());
}

}  // namespace
}  // namespace witness::sketch::internal
