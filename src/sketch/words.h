// src/sketch/words.h: internals of the word scanner, for words.cc and the tests: the
// character-by-character scanner that WordHashes() (blocks of 64 bytes) must agree with
// exactly, and the byte classifier (SIMD and portable) that finds the blocks' candidate words.
#ifndef WITNESS_SRC_SKETCH_WORDS_H_
#define WITNESS_SRC_SKETCH_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace witness::sketch::internal {

void WordHashesScalar(std::string_view text, std::vector<uint64_t>* out);

// WordHashes() into a caller's buffer, which must hold MaxWords(text.size()) hashes (words
// are at least one byte long and at least one byte apart). Returns the number of words.
size_t MaxWords(size_t bytes);
size_t WordHashesInto(std::string_view text, uint64_t* out);

// For each 64-byte block i of p[0, n) ((n + 63) / 64 of them), bit j of cand[i] is set when
// byte 64 i + j may belong to a word (ASCII letter or digit, apostrophe, any byte >= 0x80)
// and bit j of spec[i] when it needs the character-by-character scanner (apostrophe, byte >=
// 0x80). Bits past n are clear. ClassifyBlocks uses the widest SIMD target this CPU has;
// ClassifyBlocksScalar is the portable reference.
void ClassifyBlocks(const uint8_t* p, size_t n, uint64_t* cand, uint64_t* spec);
void ClassifyBlocksScalar(const uint8_t* p, size_t n, uint64_t* cand, uint64_t* spec);

}  // namespace witness::sketch::internal

#endif  // WITNESS_SRC_SKETCH_WORDS_H_
