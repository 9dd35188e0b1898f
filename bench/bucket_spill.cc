// bucket_spill: how the LSH index's bucket table (src/sketch/bucket_table.h) fills as it grows
// from empty: the share of entries that spill out of their bucket and the memory per entry,
// at each power of two and each million entries.
//
//   build/release/bucket_spill            # up to 8 million random keys
//   build/release/bucket_spill 2000000
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "sketch/bucket_table.h"

int main(int argc, char** argv) {
  const uint32_t max_entries = argc > 1 ? static_cast<uint32_t>(std::stoul(argv[1])) : 8000000;
  std::mt19937_64 rng(1);
  witness::sketch::internal::BucketTable t;
  for (uint32_t n = 1; n <= max_entries; ++n) {
    t.Insert(static_cast<uint32_t>(rng()), n / 40);  // 40 band entries per document
    if ((n >= 65536 && (n & (n - 1)) == 0) || n % 1000000 == 0) {
      std::printf("%9u entries: %.3f%% spilled, %.2f bytes per entry\n", n,
                  100.0 * double(t.spilled()) / double(t.size()),
                  double(t.MemoryBytes()) / double(t.size()));
    }
  }
  return 0;
}
