// src/compare/numbers_internal.h: the stages of ScanNumbers.
//
//   Lex (numbers_lexer.cc) -> FindNumerals (numbers_numerals.cc: digits in numbers_digits.cc,
//   words in numbers_words.cc) -> ComposeMentions (numbers_mentions.cc).
#ifndef WITNESS_SRC_COMPARE_NUMBERS_INTERNAL_H_
#define WITNESS_SRC_COMPARE_NUMBERS_INTERNAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "compare/numbers_lexer.h"
#include "witness/figures.h"

namespace witness::figures::internal {

// A numeral with the token range it covers and what composition needs to know.
struct RawNumeral {
  Numeral n;
  uint32_t tok_b = 0;         // first token
  uint32_t tok_e = 0;         // one past the last token
  bool plain = false;         // digits only, no separators, multiplier or sign: "2019", "01"
  bool grouped = false;       // written with thousands separators
  bool leading_zero = false;  // "01", "007"
  bool integer = false;       // an integral value written without decimals
  bool multiplied = false;    // digits with a multiplier: "5m", "1.2bn", "10k", "2 million"
  bool negative = false;
  bool one_word = false;     // exactly the word "one"
  bool a_numerator = false;  // a fraction "a fifth", "a third" with "a"/"an" as numerator
};

// ---- digits (numbers_digits.cc)

enum class DigitResult : uint8_t {
  kNone,      // not a numeral here; skip `skip_to` tokens
  kNumber,    // one numeral in `number`
  kChain,     // several integers in `chain` ("1,2,3", "5/17/2018", "10:30")
  kOrdinal,   // "21st": `number` with ordinal set
  kFraction,  // "3/4", "½": `number` with fraction set (value < 1 unless negative)
};

struct DigitParse {
  DigitResult result = DigitResult::kNone;
  RawNumeral number;
  std::vector<RawNumeral> chain;
  uint32_t skip_to = 0;  // the token index after what was read (or rejected)
};

// Parses the digit numeral whose first token is toks[t] (a digit run, a sign glued to one, a
// '.' glued to one, or a vulgar fraction). Fills *out; never fails.
void ParseDigitNumeral(std::string_view text, const std::vector<Tok>& toks, uint32_t t,
                       DigitParse* out);

// True when the token before toks[t] (skipping a glued sign) is a currency sign or code.
bool CurrencyBefore(std::string_view text, const std::vector<Tok>& toks, uint32_t t);

// The ISO code of a currency symbol ("$" -> "USD") or upper-case code word ("EUR"), or "".
std::string_view CurrencyOfSymbol(char32_t cp);
std::string_view CurrencyOfCode(std::string_view word);
// The unit of a currency word after a number ("dollars" -> "dollar", "euros" -> "EUR").
std::string_view CurrencyOfWord(W id);

// ---- numerals (numbers_numerals.cc, numbers_words.cc)

void FindNumerals(std::string_view text, const std::vector<Tok>& toks, const NumberOptions& options,
                  std::vector<RawNumeral>* out);

// Word-numeral parsing from token t. Appends the numerals read to *out and returns the token
// index after them (> t), or t when nothing starts there.
uint32_t ParseWordNumerals(std::string_view text, const std::vector<Tok>& toks, uint32_t t,
                           std::vector<RawNumeral>* out);

// ---- mentions (numbers_mentions.cc)

void ComposeMentions(std::string_view text, const std::vector<Tok>& toks,
                     const std::vector<RawNumeral>& numerals, std::vector<NumberMention>* out);

// Interval conventions (numbers_interval.cc).
Interval QualifiedInterval(Qualifier q, double x);

// True for a token that is a number word or could start a word numeral.
bool StartsWordNumeral(const Tok& tok);
// True when a digit numeral starts at toks[i] (digits, a glued sign or '.', a vulgar fraction).
bool DigitStart(const std::vector<Tok>& toks, uint32_t i);

}  // namespace witness::figures::internal

#endif  // WITNESS_SRC_COMPARE_NUMBERS_INTERNAL_H_
