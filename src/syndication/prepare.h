// src/syndication/prepare.h: a text made ready for alignment: its words with matching terms,
// stopword and quotation flags, and its sentences joined into comparison units.
#ifndef WITNESS_SRC_SYNDICATION_PREPARE_H_
#define WITNESS_SRC_SYNDICATION_PREPARE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "witness/text.h"

namespace witness::syndication::internal {

struct Word {
  uint32_t begin = 0, end = 0;  // bytes in the text
  uint32_t term = 0;            // id of the word's folded stem
  uint32_t unit = 0;            // index of its unit
  bool stop = false;            // a stopword or honorific: not a content word
  bool quoted = false;          // inside quotation marks
};

// One or more sentences of one paragraph, compared as a whole.
struct Unit {
  uint32_t first_word = 0, end_word = 0;  // words [first_word, end_word)
  uint32_t begin = 0, end = 0;            // bytes: the sentences' span
  uint32_t paragraph = 0;
  uint32_t content_words = 0;
};

struct Paragraph {
  uint32_t begin = 0, end = 0;            // bytes
  uint32_t first_word = 0, end_word = 0;
};

struct Prepared {
  std::string_view text;
  std::vector<Word> words;
  std::vector<Unit> units;
  std::vector<Paragraph> paragraphs;
};

// `text` must outlive the result. min_unit_words: sentences with fewer content words are
// joined to the next sentence of their paragraph.
void Prepare(std::string_view text, uint32_t min_unit_words, text::Analyzer* analyzer,
             Prepared* out);

// The spelling fold applied after stemming: British and American variants meet
// ("destabilis" and "destabil", "colour" and "color", "fuell" and "fuel", "centr" and "center").
std::string FoldVariant(std::string_view stem);

// Honorifics that news copy adds or drops ("Mr Putin"/"Putin"): treated as stopwords.
bool IsHonorific(std::string_view key);

}  // namespace witness::syndication::internal

#endif  // WITNESS_SRC_SYNDICATION_PREPARE_H_
