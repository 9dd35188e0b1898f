// base/union_find.h: disjoint sets over 0..n-1 (path halving; the smaller index is the root,
// so a set's root is its first member and results do not depend on the order of Join calls).
#ifndef WITNESS_BASE_UNION_FIND_H_
#define WITNESS_BASE_UNION_FIND_H_

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace witness {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace witness

#endif  // WITNESS_BASE_UNION_FIND_H_
