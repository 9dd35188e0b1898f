// BucketTable against std::multimap: inserts, lookups and erases through many rounds of
// splits, equal keys and slots too wide for their bucket (both spill), reservation; the
// layout invariants after every phase.
#include "sketch/bucket_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "sketch/table_test_util.h"

namespace witness::sketch::internal {
namespace {

TEST(BucketTable, MatchesMultimapThroughSplitsAndErases) {
  std::mt19937_64 rng(1);
  BucketTable t;
  std::multimap<uint32_t, uint32_t> ref;
  std::vector<std::pair<uint32_t, uint32_t>> live;
  // 40 band keys per slot, as the index adds them; every fourth slot removed again later.
  for (uint32_t slot = 0; slot < 20000; ++slot) {
    for (int b = 0; b < 40; ++b) {
      const auto key = static_cast<uint32_t>(rng());
      std::vector<uint32_t> seen;
      t.ForEachThenInsert(key, slot, [&](uint32_t s) { seen.push_back(s); });
      ASSERT_EQ(Sorted(seen), Want(ref, key));  // what was there before, without the new entry
      ref.emplace(key, slot);
      live.push_back({key, slot});
    }
    if (slot % 4 == 3) {
      const size_t k = rng() % live.size();
      const auto [key, s] = live[k];
      live[k] = live.back();
      live.pop_back();
      EraseRef(&ref, key, s);
      ASSERT_TRUE(t.Erase(key, s));
    }
  }
  EXPECT_EQ(t.size(), ref.size());
  ASSERT_TRUE(t.CheckInvariants());
  for (int q = 0; q < 20000; ++q) {
    const uint32_t key = q % 2 ? live[rng() % live.size()].first : static_cast<uint32_t>(rng());
    ASSERT_EQ(Sorted(Slots(t, key)), Want(ref, key)) << "key " << key;
  }
  EXPECT_FALSE(t.Erase(12345, 999999));
  EXPECT_FALSE(t.Erase(live[0].first, live[0].second + 1));
  // Few entries spill (buckets hold up to 15 and expect at most kRoundEndMean), and memory
  // follows the average of kRoundEndMean / 2 entries per 64-byte bucket.
  EXPECT_LT(double(t.spilled()) / t.size(), 0.005);
  const double per_entry = double(t.MemoryBytes()) / t.size();
  EXPECT_LT(per_entry, 64.0 / (BucketTable::kRoundEndMean / 2.0) * 1.25);
  EXPECT_GT(per_entry, 64.0 / BucketTable::kRoundEndMean);
}

TEST(BucketTable, EqualKeysSpillAndComeBack) {
  BucketTable t;
  std::multimap<uint32_t, uint32_t> ref;
  // Identical documents: the same band keys many times over (one bucket each cannot hold
  // them), among uniform keys that make the table split under them.
  std::mt19937_64 rng(7);
  uint32_t slot = 0;
  for (int i = 0; i < 3000; ++i, ++slot) {
    for (uint32_t key : {0u, 0xFFFFFFFFu, 0x80000000u, 0x12345678u}) {
      t.Insert(key, slot);
      ref.emplace(key, slot);
    }
    for (int k = 0; k < 20; ++k) {
      const auto key = static_cast<uint32_t>(rng());
      t.Insert(key, slot);
      ref.emplace(key, slot);
    }
  }
  ASSERT_TRUE(t.CheckInvariants());
  EXPECT_GT(t.spilled(), 4u * 3000 - 4u * 15);
  for (uint32_t key : {0u, 1u, 0x7FFFFFFFu, 0x80000000u, 0x12345678u, 0xFFFFFFFFu}) {
    EXPECT_EQ(Sorted(Slots(t, key)), Want(ref, key)) << key;
  }
  // Erase every other copy of one key: from the bucket and from the spill table.
  const std::vector<uint32_t> top = Want(ref, 0xFFFFFFFFu);
  for (size_t i = 0; i < top.size(); i += 2) {
    ASSERT_TRUE(t.Erase(0xFFFFFFFFu, top[i]));
    EraseRef(&ref, 0xFFFFFFFFu, top[i]);
  }
  EXPECT_EQ(Sorted(Slots(t, 0xFFFFFFFFu)), Want(ref, 0xFFFFFFFFu));
  EXPECT_TRUE(t.CheckInvariants());
}

TEST(BucketTable, WideSlotsSpill) {
  // Slots beyond what a small table's buckets can hold (the index after many removals, or a
  // slot number far above the entry count) go to the spill table and are found there.
  BucketTable t;
  std::multimap<uint32_t, uint32_t> ref;
  std::mt19937_64 rng(3);
  for (uint32_t i = 0; i < 200; ++i) {
    const auto key = static_cast<uint32_t>(rng());
    const uint32_t slot = i % 2 ? i : 0xFFFFFFF0u - i;
    t.Insert(key, slot);
    ref.emplace(key, slot);
  }
  ASSERT_TRUE(t.CheckInvariants());
  EXPECT_GE(t.spilled(), 100u);
  for (const auto& [key, slot] : ref) ASSERT_EQ(Sorted(Slots(t, key)), Want(ref, key));
  for (const auto& [key, slot] : ref) ASSERT_TRUE(t.Erase(key, slot));
  EXPECT_EQ(t.size(), 0u);
  EXPECT_TRUE(t.CheckInvariants());
}

TEST(BucketTable, ReserveSplitsAhead) {
  std::mt19937_64 rng(4);
  BucketTable t;
  std::multimap<uint32_t, uint32_t> ref;
  const auto insert = [&](uint32_t key, uint32_t slot) { t.Insert(key, slot); };
  AddRandom(&rng, 0, 10000, &ref, insert);
  t.Reserve(1000000);
  ASSERT_TRUE(t.CheckInvariants());
  const size_t buckets = t.buckets();
  AddRandom(&rng, 10000, 1000000, &ref, insert);
  EXPECT_EQ(t.buckets(), buckets);  // no split below the reserved size
  ASSERT_TRUE(t.CheckInvariants());
  EXPECT_TRUE(SampleMatches(t, ref));
}

TEST(BucketTable, MovesToALargerReservationIntact) {
  // 12 million entries' room is 2^21 buckets, 128 MiB: past the first reservation of address
  // space, so the table moves (its live buckets copied) while it holds entries.
  std::mt19937_64 rng(9);
  BucketTable t;
  std::multimap<uint32_t, uint32_t> ref;
  AddRandom(&rng, 0, 20000, &ref, [&](uint32_t key, uint32_t slot) { t.Insert(key, slot); });
  t.Reserve(12000000);
  EXPECT_GE(t.buckets(), size_t{1} << 20);
  EXPECT_GE(t.MemoryBytes(), t.buckets() * 64);
  ASSERT_TRUE(t.CheckInvariants());
  for (const auto& [key, slot] : ref) ASSERT_EQ(Sorted(Slots(t, key)), Want(ref, key));
}

}  // namespace
}  // namespace witness::sketch::internal
