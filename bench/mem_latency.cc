// mem_latency: how long one random read takes as the data read grows, on this machine.
//
// The LSH index's time is the cache lines it reads at random (doc/performance.md, "MinHash
// and LSH at scale"); this driver shows what one such read costs here. For each working set
// from 1 MiB to 512 MiB (on huge pages where the system has them) it follows a chain of
// pointers through every 64-byte line once, in a random order, so that each read depends on
// the one before and nothing overlaps them: the time per step is the latency of a read that
// misses every cache smaller than the working set.
//
//   build/release/mem_latency            # 1 MiB .. 512 MiB
//   build/release/mem_latency 64         # up to 64 MiB
#include <sys/mman.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <random>
#include <string>
#include <vector>

volatile uint64_t sink;

int main(int argc, char** argv) {
  const size_t max_mib = argc > 1 ? std::stoul(argv[1]) : 512;
  constexpr size_t kLine = 64 / sizeof(uint64_t);  // words per cache line
  constexpr size_t kSteps = 20'000'000;
  for (size_t mib = 1; mib <= max_mib; mib *= 2) {
    const size_t lines = (mib << 20) / 64;
    auto* words = static_cast<uint64_t*>(std::aligned_alloc(size_t{2} << 20, mib << 20));
    if (words == nullptr) return 1;
#ifdef MADV_HUGEPAGE
    madvise(words, mib << 20, MADV_HUGEPAGE);
#endif
    // One cycle through every line, in a random order.
    std::vector<uint32_t> order(lines);
    std::iota(order.begin(), order.end(), 0u);
    std::shuffle(order.begin(), order.end(), std::mt19937_64(mib));
    for (size_t i = 0; i < lines; ++i) words[order[i] * kLine] = order[(i + 1) % lines] * kLine;
    uint64_t at = order[0] * kLine;
    const auto start = std::chrono::steady_clock::now();
    for (size_t s = 0; s < kSteps; ++s) at = words[at];
    const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
    sink = at;  // the chain's end is used: the loop is not optimised away
    std::printf("%4zu MiB: %6.1f ns per read\n", mib, took.count() / kSteps);
    std::free(words);
  }
  return 0;
}
