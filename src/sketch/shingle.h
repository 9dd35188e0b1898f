// src/sketch/shingle.h: the hash of a shingle from its words' hashes (sketch.h Rules), shared
// by ShingleHashes() and MinHasher's fused loop. Changing anything here changes every
// signature: see kSignatureMagic in minhash.cc.
#ifndef WITNESS_SRC_SKETCH_SHINGLE_H_
#define WITNESS_SRC_SKETCH_SHINGLE_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace witness::sketch::internal {

// 128-bit multiply, folded: the mixing step of many fast hashes.
inline uint64_t Mum(uint64_t a, uint64_t b) {
  const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

constexpr std::array<uint64_t, 64> MakePositionKeys() {
  std::array<uint64_t, 64> k{};
  uint64_t z = 0x6A09E667F3BCC909ull;
  for (auto& x : k) {
    z += 0x9E3779B97F4A7C15ull;
    uint64_t v = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    v = (v ^ (v >> 27)) * 0x94D049BB133111EBull;
    x = v ^ (v >> 31);
  }
  return k;
}
inline constexpr std::array<uint64_t, 64> kPositionKeys = MakePositionKeys();

// The hash of k (<= 64) consecutive word hashes: pairs of words, each keyed by its position,
// through a 128-bit multiply, xor-ed together (order matters: every position has its own key).
inline uint64_t HashShingle(const uint64_t* w, size_t k) {
  uint64_t h = 0x243F6A8885A308D3ull ^ k;
  size_t d = 0;
  for (; d + 1 < k; d += 2) h ^= Mum(w[d] ^ kPositionKeys[d], w[d + 1] ^ kPositionKeys[d + 1]);
  if (d < k) h ^= Mum(w[d] ^ kPositionKeys[d], 0x452821E638D01377ull);
  return Mum(h, 0x9E3779B97F4A7C15ull);
}

// The 32-bit value of a shingle hash that the permutations act on.
inline uint32_t Fold32(uint64_t h) { return static_cast<uint32_t>(h ^ (h >> 32)); }

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_SHINGLE_H_
