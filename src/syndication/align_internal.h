// src/syndication/align_internal.h: the aligner's stages, exposed for tests and the PAN bench.
#ifndef WITNESS_SRC_SYNDICATION_ALIGN_INTERNAL_H_
#define WITNESS_SRC_SYNDICATION_ALIGN_INTERNAL_H_

#include <cstdint>
#include <vector>

#include "syndication/prepare.h"
#include "witness/syndication.h"

namespace witness::syndication::internal {

// Two units (sentences) that look alike.
struct Seed {
  uint32_t i = 0;  // unit in A
  uint32_t j = 0;  // unit in B
  float cosine = 0;
  // For a run of shared word n-grams: the words it covers in A and B (inclusive).
  bool exact = false;
  uint32_t a_first = 0, a_last = 0, b_first = 0, b_last = 0;
};

// Aligns two prepared texts; spans are byte ranges of a.text and b.text.
std::vector<Passage> AlignPrepared(const Prepared& a, const Prepared& b,
                                   const AlignOptions& options, std::vector<Seed>* seeds_out);

// Groups seeds: split wherever consecutive seeds (sorted on one side) are more than gap_a
// (gap_b) units apart, alternately on both sides, until nothing splits.
std::vector<std::vector<Seed>> ClusterSeeds(std::vector<Seed> seeds, uint32_t gap_a,
                                            uint32_t gap_b);

}  // namespace witness::syndication::internal

#endif  // WITNESS_SRC_SYNDICATION_ALIGN_INTERNAL_H_
