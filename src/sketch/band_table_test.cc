// BandTable against std::multimap: inserts, lookups and erases through growth and splits,
// skewed keys, equal keys, reservation; the layout invariants after every phase.
#include "sketch/band_table.h"
#include "sketch/table_test_util.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace witness::sketch::internal {
namespace {

using Live = std::vector<std::pair<uint32_t, uint32_t>>;

// Erases a random live entry from the table and the reference; false when the table had none.
bool EraseOneAtRandom(std::mt19937_64* rng, BandTable* t,
                      std::multimap<uint32_t, uint32_t>* ref, Live* live) {
  const size_t k = (*rng)() % live->size();
  const auto [key, slot] = (*live)[k];
  (*live)[k] = live->back();
  live->pop_back();
  EraseRef(ref, key, slot);
  return t->Erase(BandTable::Entry(key, slot));
}

TEST(BandTable, MatchesMultimapThroughGrowthSplitsAndErases) {
  std::mt19937_64 rng(1);
  BandTable t;
  std::multimap<uint32_t, uint32_t> ref;
  std::vector<std::pair<uint32_t, uint32_t>> live;
  // Enough entries for several full-size segments to split.
  const uint32_t n = 3 * BandTable::kMaxSegment;
  // (And small segments, splitting many times, in the test below.)
  for (uint32_t slot = 0; slot < n; ++slot) {
    const uint32_t key = static_cast<uint32_t>(rng());
    t.Insert(BandTable::Entry(key, slot));
    ref.emplace(key, slot);
    live.push_back({key, slot});
    if (slot % 4 == 3) {  // erase one at random now and then
      ASSERT_TRUE(EraseOneAtRandom(&rng, &t, &ref, &live));
    }
  }
  EXPECT_GT(t.segments(), 1u);
  EXPECT_EQ(t.size(), ref.size());
  ASSERT_TRUE(t.CheckInvariants());
  for (int q = 0; q < 20000; ++q) {
    const uint32_t key = q % 2 ? live[rng() % live.size()].first : static_cast<uint32_t>(rng());
    ASSERT_EQ(Slots(t, key), Want(ref, key)) << "key " << key;
  }
  EXPECT_FALSE(t.Erase(BandTable::Entry(12345, 999999999)));
  // Memory: segments between the split load and the full load, plus freed memory kept for
  // reuse (at most a quarter of what is in use).
  const double split = BandTable::kSplitLoad / 100.0, full = BandTable::kFullLoad / 100.0;
  EXPECT_LT(double(t.MemoryBytes()) / t.size(), 8 / split * 1.25);
  EXPECT_GT(double(t.MemoryBytes()) / t.size(), 8 / full);
}

TEST(BandTable, SmallSegmentsSplitDeepAndStayConsistent) {
  std::mt19937_64 rng(5);
  BandTable t(256);
  std::multimap<uint32_t, uint32_t> ref;
  std::vector<std::pair<uint32_t, uint32_t>> live;
  for (uint32_t slot = 0; slot < 200000; ++slot) {
    // Keys from a few clusters and uniform: uneven segments, some splits refused.
    const uint32_t key =
        slot % 3 == 0 ? static_cast<uint32_t>(rng() % 64) << 26 : static_cast<uint32_t>(rng());
    t.Insert(BandTable::Entry(key, slot));
    ref.emplace(key, slot);
    live.push_back({key, slot});
    if (slot % 3 == 2) {
      ASSERT_TRUE(EraseOneAtRandom(&rng, &t, &ref, &live));
    }
  }
  EXPECT_GT(t.global_depth(), 8u);
  ASSERT_TRUE(t.CheckInvariants());
  for (int q = 0; q < 5000; ++q) {
    const uint32_t key = q % 2 ? live[rng() % live.size()].first : static_cast<uint32_t>(rng());
    ASSERT_EQ(Slots(t, key), Want(ref, key)) << "key " << key;
  }
}

TEST(BandTable, EqualKeysAndExtremeKeys) {
  BandTable t;
  std::multimap<uint32_t, uint32_t> ref;
  // Many documents with the same band key (identical texts), keys at both ends of the range
  // (homes at the first and last positions: runs into the padding).
  uint32_t slot = 0;
  for (int i = 0; i < 5000; ++i) {
    for (uint32_t key : {0u, 1u, 0xFFFFFFFFu, 0xFFFFFFFEu, 0x80000000u}) {
      t.Insert(BandTable::Entry(key, slot));
      ref.emplace(key, slot);
      ++slot;
    }
  }
  ASSERT_TRUE(t.CheckInvariants());
  for (uint32_t key : {0u, 1u, 2u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFEu, 0xFFFFFFFFu}) {
    EXPECT_EQ(Slots(t, key), Want(ref, key)) << key;
  }
  // The directory did not blow up trying to split equal keys apart.
  EXPECT_LE(t.global_depth(), 4u);
  // Erase every other entry of key 0xFFFFFFFF.
  std::vector<uint32_t> top = Want(ref, 0xFFFFFFFFu);
  for (size_t i = 0; i < top.size(); i += 2) {
    ASSERT_TRUE(t.Erase(BandTable::Entry(0xFFFFFFFFu, top[i])));
  }
  std::vector<uint32_t> rest;
  for (size_t i = 1; i < top.size(); i += 2) rest.push_back(top[i]);
  EXPECT_EQ(Slots(t, 0xFFFFFFFFu), rest);
  EXPECT_TRUE(t.CheckInvariants());
}

TEST(BandTable, ClusteredKeysFillThePadding) {
  // Keys crowded into a narrow range of one segment: long runs, padding that must grow.
  std::mt19937_64 rng(2);
  BandTable t;
  std::multimap<uint32_t, uint32_t> ref;
  for (uint32_t slot = 0; slot < 20000; ++slot) {
    const uint32_t key = 0xFFFFF000u | static_cast<uint32_t>(rng() % 4096);
    t.Insert(BandTable::Entry(key, slot));
    ref.emplace(key, slot);
  }
  ASSERT_TRUE(t.CheckInvariants());
  for (uint32_t key = 0xFFFFF000u; key != 0; key += 97) {
    ASSERT_EQ(Slots(t, key), Want(ref, key)) << key;
    if (key > 0xFFFFFF00u) break;
  }
}

TEST(BandTable, ReserveKeepsEntriesAndLayout) {
  std::mt19937_64 rng(3);
  BandTable t;
  std::multimap<uint32_t, uint32_t> ref;
  const auto insert = [&](uint32_t key, uint32_t slot) { t.Insert(BandTable::Entry(key, slot)); };
  AddRandom(&rng, 0, 100000, &ref, insert);
  t.Reserve(2000000);
  ASSERT_TRUE(t.CheckInvariants());
  EXPECT_EQ(t.size(), ref.size());
  const size_t reserved = t.MemoryBytes();
  AddRandom(&rng, 100000, 1000000, &ref, insert);
  EXPECT_EQ(t.MemoryBytes(), reserved);  // no growth below the reserved size
  ASSERT_TRUE(t.CheckInvariants());
  EXPECT_TRUE(SampleMatches(t, ref));
}

TEST(BandTable, TakeRangeRemovesExactlyTheRange) {
  std::mt19937_64 rng(6);
  BandTable t(256);  // small segments: ranges cross several
  std::multimap<uint32_t, uint32_t> ref;
  for (uint32_t slot = 0; slot < 50000; ++slot) {
    const uint32_t key = slot % 5 == 0 ? 0x40000000u : static_cast<uint32_t>(rng());
    t.Insert(BandTable::Entry(key, slot));
    ref.emplace(key, slot);
  }
  for (const auto& [lo, hi] : std::vector<std::pair<uint32_t, uint64_t>>{
           {0x40000000u, 0x40000001u}, {0x10000000u, 0x18000000u}, {0xF0000000u, 1ull << 32},
           {0u, 0x00100000u}, {0x50000000u, 0x50000000u}}) {
    std::vector<uint64_t> taken;
    t.TakeRange(lo, hi, &taken);
    std::vector<uint64_t> want;
    for (auto it = ref.lower_bound(lo); it != ref.end() && it->first < hi;) {
      want.push_back(BandTable::Entry(it->first, it->second));
      it = ref.erase(it);
    }
    std::sort(taken.begin(), taken.end());
    ASSERT_EQ(taken, want) << std::hex << lo;
    ASSERT_TRUE(t.CheckInvariants());
  }
  EXPECT_EQ(t.size(), ref.size());
  EXPECT_EQ(t.Entries().size(), ref.size());
}

}  // namespace
}  // namespace witness::sketch::internal
