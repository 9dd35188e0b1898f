// src/sketch/kernel.h: the MinHash inner loop, SIMD (Highway) and scalar.
//
// For each permutation i the hash of a 32-bit shingle value x is Perm(x ^ seed[i]): a
// multiplication by an odd constant and an xor-shift, a bijection of 32-bit values. (x is
// already a well-mixed hash; tests check the estimates against exact Jaccard.) The signature
// keeps, per permutation, the minimum over all shingles. Mix is MurmurHash3's finaliser, used
// elsewhere for hashing table slots.
#ifndef WITNESS_SRC_SKETCH_KERNEL_H_
#define WITNESS_SRC_SKETCH_KERNEL_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace witness::sketch::internal {

// Seeds arrays are padded to a multiple of this many permutations (the widest vector we may
// meet holds 16 lanes of 32 bits; 4 accumulators at once).
inline constexpr size_t kPermPad = 64;

inline uint32_t Mix(uint32_t v) {
  v ^= v >> 16;
  v *= 0x85EBCA6Bu;
  v ^= v >> 13;
  v *= 0xC2B2AE35u;
  v ^= v >> 16;
  return v;
}

inline uint32_t Perm(uint32_t v) {
  v *= 0x9E3779B1u;
  return v ^ (v >> 15);
}

// out[i] = min over j < n of Perm(values[j] ^ seeds[i]), for i < num_perm (a multiple of
// kPermPad); out[i] = 0xFFFFFFFF when n == 0.
void MinHashKernel(const uint32_t* values, size_t n, const uint32_t* seeds, size_t num_perm,
                   uint32_t* out);
void MinHashKernelScalar(const uint32_t* values, size_t n, const uint32_t* seeds,
                         size_t num_perm, uint32_t* out);
// The Highway target the dispatch picks on this CPU.
std::string KernelTargetName();

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_KERNEL_H_
