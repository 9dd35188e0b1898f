#include "stories/flat_map.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace witness::stories::internal {
namespace {

// Random inserts, lookups and erasures against std::unordered_map. Small key ranges force long
// probe runs and many backward shifts.
TEST(FlatMap64, BehavesLikeAMap) {
  for (uint64_t range : {16ull, 300ull, 1ull << 40}) {
    std::mt19937_64 rng(range);
    FlatMap64 m;
    std::unordered_map<uint64_t, uint32_t> ref;
    for (int i = 0; i < 50000; ++i) {
      uint64_t k = rng() % range;
      switch (rng() % 3) {
        case 0: {
          bool inserted = false;
          uint32_t v = static_cast<uint32_t>(i);
          uint32_t* p = m.Insert(k, v, &inserted);
          auto [it, ins] = ref.emplace(k, v);
          ASSERT_EQ(inserted, ins);
          ASSERT_EQ(*p, it->second);
          break;
        }
        case 1:
          ASSERT_EQ(m.Erase(k), ref.erase(k) == 1);
          break;
        default: {
          auto it = ref.find(k);
          ASSERT_EQ(m.Find(k), it == ref.end() ? FlatMap64::kAbsent : it->second);
        }
      }
      ASSERT_EQ(m.size(), ref.size());
    }
    size_t seen = 0;
    m.ForEach([&](uint64_t k, uint32_t v) {
      ++seen;
      ASSERT_EQ(ref.at(k), v);
    });
    EXPECT_EQ(seen, ref.size());
  }
}

}  // namespace
}  // namespace witness::stories::internal
