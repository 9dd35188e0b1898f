// Features of one block of text, computed once and read by every boilerplate rule.
#ifndef WITNESS_SRC_CLEAN_BOILERPLATE_FEATURES_H_
#define WITNESS_SRC_CLEAN_BOILERPLATE_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace witness::clean {

struct Word {
  std::string_view text;     // lower case, in BlockFeatures::lower
  bool capitalised = false;  // the original starts with an upper-case letter (or is not ASCII)
  bool all_caps = false;     // the original has >= 2 letters, all upper case
};

// Not copyable or movable: `words` point into `lower`.
struct BlockFeatures {
  BlockFeatures() = default;
  BlockFeatures(const BlockFeatures&) = delete;
  BlockFeatures& operator=(const BlockFeatures&) = delete;

  std::string_view original;  // the block as written
  // Lower-cased ASCII; curly quotes -> ' and ", dashes -> '-', no-break spaces -> ' ',
  // whitespace runs -> one space, trimmed. Other bytes unchanged.
  std::string lower;
  std::vector<Word> words;  // runs of letters/digits (and internal ' - .) in `lower`
  uint32_t letters = 0;     // ASCII letters in the original
  uint32_t upper = 0;       // of which upper case
  uint32_t capitalised_words = 0;
  uint32_t second_person = 0;  // you, your, yours, yourself, you're, you'll, you've
  uint32_t first_plural = 0;   // we, our, us, ours, we're, we've
  uint32_t sentence_ends = 0;  // . ! ? followed by a space and an upper-case letter/quote
  bool ends_terminal = false;  // ends with . ! ? (possibly before closing quotes/brackets)
  bool starts_with_quote = false;
  bool has_digit = false;
  bool has_speech_verb = false;  // said, says, told, according to, ...
  bool has_letter_word = false;  // a word of >= 2 letters

  size_t word_count() const { return words.size(); }
  double upper_ratio() const { return letters ? double(upper) / letters : 0.0; }
  double capitalised_ratio() const {
    return words.empty() ? 0.0 : double(capitalised_words) / words.size();
  }
  std::string_view first_word() const { return words.empty() ? "" : words.front().text; }
  std::string_view last_word() const { return words.empty() ? "" : words.back().text; }
};

// Fills `f` (a fresh BlockFeatures) from `block`.
void Analyze(std::string_view block, BlockFeatures* f);

// `lower` without a trailing run of punctuation/spaces (". : ! ? , ; - | > »").
std::string_view StripTrailingPunct(std::string_view lower);

// The text after the last sentence end (". " + upper-case letter or quote) of `original`;
// the whole text when it has none.
std::string_view LastSentence(std::string_view original);

}  // namespace witness::clean

#endif  // WITNESS_SRC_CLEAN_BOILERPLATE_FEATURES_H_
