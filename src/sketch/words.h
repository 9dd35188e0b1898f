// src/sketch/words.h: the character-by-character word scanner that WordHashes() (blocks of 64
// bytes) must agree with exactly; for tests.
#ifndef WITNESS_SRC_SKETCH_WORDS_H_
#define WITNESS_SRC_SKETCH_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace witness::sketch::internal {

void WordHashesScalar(std::string_view text, std::vector<uint64_t>* out);

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_WORDS_H_
