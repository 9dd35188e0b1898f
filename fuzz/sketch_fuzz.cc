// Fuzzes the MinHash and LSH internals against their references on arbitrary bytes:
//   - the SIMD byte classifier and the block word scanner against the portable ones;
//   - MinHasher::Compute (fused) against ShingleHashes + ComputeFromShingles;
//   - the band table (with small segments, so that it splits and grows) against a multimap,
//     driven by the input as a sequence of inserts, erases and lookups, with its invariants;
//   - the unit arena under the same input as allocations and releases.
// Any disagreement aborts.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string_view>
#include <vector>

#include "sketch/arena.h"
#include "sketch/band_table.h"
#include "sketch/words.h"
#include "witness/sketch.h"

using namespace witness::sketch;

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void Words(std::string_view text) {
  std::vector<uint64_t> fast, slow;
  WordHashes(text, &fast);
  internal::WordHashesScalar(text, &slow);
  Check(fast == slow);
  Check(fast.size() <= internal::MaxWords(text.size()));
  const size_t blocks = (text.size() + 63) / 64;
  std::vector<uint64_t> c1(blocks), s1(blocks), c2(blocks), s2(blocks);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  internal::ClassifyBlocks(p, text.size(), c1.data(), s1.data());
  internal::ClassifyBlocksScalar(p, text.size(), c2.data(), s2.data());
  Check(c1 == c2 && s1 == s2);

  for (uint32_t k : {1u, 5u}) {
    MinHashOptions o;
    o.shingle_words = k;
    MinHasher h(o);
    std::vector<uint64_t> sh;
    ShingleHashes(text, k, &sh);
    Check(h.Compute(text) == h.ComputeFromShingles(sh));
  }
}

// Each 4 bytes: an operation and a key from a small space (equal keys, keys at the ends).
void Table(const uint8_t* data, size_t size) {
  internal::BandTable t(128);
  std::multimap<uint32_t, uint32_t> ref;
  uint32_t slot = 0;
  for (size_t i = 0; i + 4 <= size; i += 4) {
    const uint8_t op = data[i] % 4;
    uint32_t key;
    std::memcpy(&key, data + i, 4);
    switch (data[i + 1] % 4) {
      case 0:
        key = data[i + 2];
        break;  // few small keys
      case 1:
        key = 0xFFFFFFFFu - data[i + 2];
        break;  // at the top
      case 2:
        key = uint32_t{data[i + 2]} << 24;
        break;
      default:
        break;  // any
    }
    if (op <= 1) {  // insert, a few copies now and then
      const int copies = data[i + 3] % 16 == 0 ? 40 : 1;
      for (int c = 0; c < copies; ++c, ++slot) {
        t.Insert(internal::BandTable::Entry(key, slot));
        ref.emplace(key, slot);
      }
    } else if (op == 2) {  // erase the first entry of the key, or a missing one
      auto it = ref.find(key);
      if (it == ref.end()) {
        Check(!t.Erase(internal::BandTable::Entry(key, 0xFFFFFFF0u)));
      } else {
        // The smallest slot of the key: multimap keeps insertion order, which is slot order.
        Check(t.Erase(internal::BandTable::Entry(key, it->second)));
        ref.erase(it);
      }
    } else {  // look up
      std::vector<uint32_t> got, want;
      t.ForEach(key, [&](uint32_t s) { got.push_back(s); });
      for (auto [it, end] = ref.equal_range(key); it != end; ++it) want.push_back(it->second);
      Check(got == want);
    }
  }
  Check(t.size() == ref.size());
  Check(t.CheckInvariants());
}

void Arena(const uint8_t* data, size_t size) {
  internal::UnitArena arena;
  std::vector<std::pair<void*, size_t>> live;
  for (size_t i = 0; i + 2 <= size; i += 2) {
    if (data[i] % 3 != 0 || live.empty()) {
      const size_t units = 1 + (size_t{data[i + 1]} * 7) % 600;
      auto* p = static_cast<char*>(arena.Allocate(units));
      p[0] = 1;
      p[units * internal::UnitArena::kUnitBytes - 1] = 1;
      live.push_back({p, units});
    } else {
      const size_t k = data[i + 1] % live.size();
      arena.Release(live[k].first, live[k].second);
      live[k] = live.back();
      live.pop_back();
    }
  }
  Check(arena.CheckInvariants());
  for (auto [p, units] : live) arena.Release(p, units);
  Check(arena.CheckInvariants());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Words(std::string_view(reinterpret_cast<const char*>(data), size));
  Table(data, size);
  Arena(data, std::min<size_t>(size, 512));
  return 0;
}
