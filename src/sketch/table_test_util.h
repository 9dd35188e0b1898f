// src/sketch/table_test_util.h: for the band and bucket table tests, a table of (key, slot)
// entries read and checked against a std::multimap of the same entries.
#ifndef WITNESS_SRC_SKETCH_TABLE_TEST_UTIL_H_
#define WITNESS_SRC_SKETCH_TABLE_TEST_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

namespace witness::sketch::internal {

// The slots of `key`, in the order the table gives them.
template <typename Table>
std::vector<uint32_t> Slots(const Table& t, uint32_t key) {
  std::vector<uint32_t> out;
  t.ForEach(key, [&](uint32_t s) { out.push_back(s); });
  return out;
}

inline std::vector<uint32_t> Sorted(std::vector<uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// The slots the reference has for `key`, ascending.
inline std::vector<uint32_t> Want(const std::multimap<uint32_t, uint32_t>& ref, uint32_t key) {
  std::vector<uint32_t> out;
  for (auto [it, end] = ref.equal_range(key); it != end; ++it) out.push_back(it->second);
  return Sorted(std::move(out));
}

// Adds an entry with a random key for each slot in [first, end) to the table, through
// add(key, slot), and to the reference.
template <typename Add>
void AddRandom(std::mt19937_64* rng, uint32_t first, uint32_t end,
               std::multimap<uint32_t, uint32_t>* ref, Add add) {
  for (uint32_t slot = first; slot < end; ++slot) {
    const auto key = static_cast<uint32_t>((*rng)());
    add(key, slot);
    ref->emplace(key, slot);
  }
}

// Every 997th entry of the reference, as the table has it (sorted) and as it should be.
template <typename Table>
bool SampleMatches(const Table& t, const std::multimap<uint32_t, uint32_t>& ref) {
  size_t k = 0;
  for (auto it = ref.begin(); it != ref.end(); ++it, ++k) {
    if (k % 997 == 0 && Sorted(Slots(t, it->first)) != Want(ref, it->first)) return false;
  }
  return true;
}

// Removes one (key, slot) entry from the reference, if it has one.
inline void EraseRef(std::multimap<uint32_t, uint32_t>* ref, uint32_t key, uint32_t slot) {
  for (auto [it, end] = ref->equal_range(key); it != end; ++it) {
    if (it->second == slot) {
      ref->erase(it);
      return;
    }
  }
}

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_TABLE_TEST_UTIL_H_
