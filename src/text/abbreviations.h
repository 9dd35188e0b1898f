// src/text/abbreviations.h: the English abbreviations whose period belongs to the word.
#ifndef WITNESS_SRC_TEXT_ABBREVIATIONS_H_
#define WITNESS_SRC_TEXT_ABBREVIATIONS_H_

#include <string_view>

namespace witness::text::internal {

enum class AbbrevKind : unsigned char {
  kNone = 0,
  // Stands before a name or number and never ends a sentence: "Mr.", "Dr.", "Gen.", "e.g.".
  kTitle,
  // Often ends a sentence too: "Inc.", "Jr.", "etc.", "Jan.", "Calif.". The sentence ends after
  // it only when the next word is a capitalised function word ("The", "He", "But").
  kSuffix,
  // An abbreviation only before a number: "No. 10", "Nos. 3 and 4"; otherwise a plain word.
  kBeforeDigit,
};

// Looks `word` (the letters before the period, case-sensitive: "Mr", "e.g") up in the table.
AbbrevKind LookupAbbreviation(std::string_view word);

// Every entry (for tests and documentation), in the order of the table.
struct AbbrevEntry {
  std::string_view word;
  AbbrevKind kind;
};
const AbbrevEntry* AbbreviationTable(size_t* size);

}  // namespace witness::text::internal

#endif  // WITNESS_SRC_TEXT_ABBREVIATIONS_H_
