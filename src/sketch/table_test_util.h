// src/sketch/table_test_util.h: for the band and bucket table tests, a table of (key, slot)
// entries read and checked against a std::multimap of the same entries.
#ifndef WITNESS_SRC_SKETCH_TABLE_TEST_UTIL_H_
#define WITNESS_SRC_SKETCH_TABLE_TEST_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <map>
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
