// src/syndication/align_model.h: the aligner's sentence model and seed finders (align_seeds.cc),
// shared with the chaining and trimming in align.cc.
#ifndef WITNESS_SRC_SYNDICATION_ALIGN_MODEL_H_
#define WITNESS_SRC_SYNDICATION_ALIGN_MODEL_H_

#include <cstdint>
#include <vector>

#include "syndication/align_internal.h"

namespace witness::syndication::internal {

// Bag-of-terms vectors for the units of both texts, on one shared dictionary.
struct Model {
  struct Entry {
    uint32_t term;
    float weight;
  };
  // units of A are [0, units_a), units of B follow.
  std::vector<uint32_t> offsets;  // per unit, into entries
  std::vector<Entry> entries;     // sorted by term within a unit
  std::vector<float> norms;
  std::vector<float> idf;         // per dense term
  std::vector<uint32_t> df_a, df_b;
  uint32_t units_a = 0, units_b = 0;

  const Entry* begin(uint32_t u) const { return entries.data() + offsets[u]; }
  const Entry* end(uint32_t u) const { return entries.data() + offsets[u + 1]; }
  uint32_t size(uint32_t u) const { return offsets[u + 1] - offsets[u]; }
};

// The units of both texts as weighted bags of content terms, on one dictionary.
void BuildModel(const Prepared& a, const Prepared& b, Model* m);
// Cosine and Dice of two units (B's units are numbered after A's: m.units_a + j).
void Compare(const Model& m, uint32_t u, uint32_t v, double* cosine, double* dice);
// Sentence seeds: unit pairs that pass the cosine and Dice thresholds.
std::vector<Seed> FindSeeds(const Model& m, const AlignOptions& o);
// Seeds from runs of k shared content words, appended to *seeds.
void FindNgramSeeds(const Prepared& a, const Prepared& b, const Model& m, uint32_t k,
                    std::vector<Seed>* seeds);

}  // namespace witness::syndication::internal

#endif  // WITNESS_SRC_SYNDICATION_ALIGN_MODEL_H_
