// Fuzzes the MinHash and LSH internals against their references on arbitrary bytes:
//   - the SIMD byte classifier and the block word scanner against the portable ones;
//   - MinHasher::Compute (fused) against ShingleHashes + ComputeFromShingles;
//   - the band table (with small segments, so that it splits and grows) and the bucket table
//     (with slots too wide for their buckets now and then) against a multimap, driven by the
//     input as a sequence of inserts, erases and lookups, with their invariants;
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
#include "sketch/bucket_table.h"
#include "sketch/table_test_util.h"
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

// Each 4 bytes of the input: an operation on a key from a small space (equal keys, keys at
// the ends), run on a table and on a multimap of the same entries.
struct Op {
  enum Kind { kInsert, kErase, kLookup } kind;
  uint32_t key;
  int copies;  // for kInsert
};

std::vector<Op> Ops(const uint8_t* data, size_t size) {
  std::vector<Op> ops;
  for (size_t i = 0; i + 4 <= size; i += 4) {
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
    const uint8_t op = data[i] % 4;
    ops.push_back({op <= 1 ? Op::kInsert : op == 2 ? Op::kErase : Op::kLookup, key,
                   data[i + 3] % 16 == 0 ? 40 : 1});  // a few copies now and then
  }
  return ops;
}

// Runs the operations on a table through insert(key, slot), erase(key, slot) -> bool and
// lookup(key) -> slots, checking each against the multimap.
template <typename Insert, typename Erase, typename Lookup>
void Drive(const std::vector<Op>& ops, Insert insert, Erase erase, Lookup lookup,
           uint32_t (*next_slot)(uint32_t)) {
  std::multimap<uint32_t, uint32_t> ref;
  uint32_t slot = 0;
  for (const Op& op : ops) {
    if (op.kind == Op::kInsert) {
      for (int c = 0; c < op.copies; ++c, slot = next_slot(slot)) {
        insert(op.key, slot);
        ref.emplace(op.key, slot);
      }
    } else if (op.kind == Op::kErase) {  // the first entry of the key, or a missing one
      auto it = ref.find(op.key);
      if (it == ref.end()) {
        Check(!erase(op.key, 0xFFFFFFF0u));
      } else {
        Check(erase(op.key, it->second));
        ref.erase(it);
      }
    } else {
      Check(internal::Sorted(lookup(op.key)) == internal::Want(ref, op.key));
    }
  }
}

void Table(const std::vector<Op>& ops) {
  internal::BandTable t(128);  // small segments: splits and growth early
  Drive(
      ops, [&](uint32_t k, uint32_t s) { t.Insert(internal::BandTable::Entry(k, s)); },
      [&](uint32_t k, uint32_t s) { return t.Erase(internal::BandTable::Entry(k, s)); },
      [&](uint32_t k) { return internal::Slots(t, k); }, [](uint32_t s) { return s + 1; });
  Check(t.CheckInvariants());
}

void Buckets(const std::vector<Op>& ops) {
  internal::BucketTable t;
  // Slots that mostly fit the buckets, and now and then one far too wide (it spills).
  Drive(
      ops, [&](uint32_t k, uint32_t s) { t.Insert(k, s); },
      [&](uint32_t k, uint32_t s) { return t.Erase(k, s); },
      [&](uint32_t k) { return internal::Slots(t, k); },
      [](uint32_t s) { return s % 97 == 96 ? 0xFFFF0000u | s : (s & 0xFFFF) + 1; });
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
  const std::vector<Op> ops = Ops(data, size);
  Table(ops);
  Buckets(ops);
  Arena(data, std::min<size_t>(size, 512));
  return 0;
}
