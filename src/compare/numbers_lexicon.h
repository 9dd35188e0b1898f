// src/compare/numbers_lexicon.h: the English words the number recogniser and the figure
// extractor look up: number words with their classes and values, and the function words of
// qualifiers, ranges, units and fractions. One lookup per word token, case-insensitive for
// ASCII words of up to kMaxLexiconWord letters.
#ifndef WITNESS_SRC_COMPARE_NUMBERS_LEXICON_H_
#define WITNESS_SRC_COMPARE_NUMBERS_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace witness::figures::internal {

inline constexpr size_t kMaxLexiconWord = 16;

// The grammatical class of a number word.
enum class NumClass : uint8_t {
  kNone = 0,
  kUnit,     // zero..nine (value 0..9)
  kTeen,     // ten..nineteen
  kTens,     // twenty..ninety
  kHundred,  // hundred(s)
  kScale,    // thousand, million, billion, trillion, lakh, crore (and plurals)
  kDozen,    // dozen(s), doz, dz
  kOrd,      // first..ninth, tenth.., twentieth.., hundredth, thousandth..: value = the rank;
             // ord_class says which cardinal class it stands for
  kHalf,     // half, halves
  kQuarter,  // quarter, quarters
};

// Word identities the grammar tests directly. Number words with no special role are kNumber.
enum class W : uint16_t {
  kUnknown = 0,
  kNumber,
  kOne,
  kA,
  kAn,
  kSecond,
  kHalfWord,
  kZero,
  kAnd,
  kPoint,
  kNegative,
  kMinus,
  kOf,
  kOver,
  kOut,
  kIn,
  kThe,
  kMore,
  kLess,
  kFewer,
  kThan,
  kAt,
  kLeast,
  kMost,
  kNo,
  kNot,
  kUp,
  kTo,
  kAs,
  kMany,
  kMuch,
  kHigh,
  kAbout,
  kAround,
  kRoughly,
  kApproximately,
  kApprox,
  kSome,
  kEstimated,
  kClose,
  kNearly,
  kAlmost,
  kJust,
  kUnder,
  kBelow,
  kAbove,
  kSlightly,
  kLittle,
  kWell,
  kQuite,
  kShy,
  kBetween,
  kFrom,
  kThrough,
  kThru,
  kOr,
  kSo,
  kPlus,
  kOdd,
  kBut,
  kGreater,
  kLarger,
  kBigger,
  kHigher,
  kLower,
  kSmaller,
  kEqual,
  kEquals,
  kEqualing,
  kExceed,
  kExceeding,
  kExceeds,
  kExceeded,
  kSurpass,
  kSurpassing,
  kSurpasses,
  kSurpassed,
  kUpwards,
  kExcess,
  kMinimum,
  kMaximum,
  kExactly,
  kPrecisely,
  kCirca,
  kTop,
  kTopping,
  kNorth,
  kSouth,
  kPercent,
  kPercents,
  kPercentage,
  kPercentages,
  kPer,
  kCent,
  kPct,
  kPoints,
  kPointsWord,
  kSeveral,
  kFew,
  kCouple,
  kTens,
  kScores,
  kHundredsWord,
  kLast,
  kNext,
  kPrevious,
  kCurrent,
  kPenultimate,
  kAntepenultimate,
  kBefore,
  kThis,
  kThat,
  kWhich,
  kEach,
  kEvery,
  kAny,
  kAnother,
  kOnly,
  kWhichever,
  kHis,
  kHer,
  kIts,
  kTheir,
  kMy,
  kYour,
  kOur,
  kBy,
  kDollars,
  kEuros,
  kPounds,
  kYen,
  kYuan,
  kRenminbi,
  kRupees,
  kRoubles,
  kTenge,
  kFrancs,
  kPesos,
  kRand,
  kNaira,
  kShillings,
  kSterling,
  kCents,
  kDollar,
  kEuro,
  kPound,
  kRupee,
  kRouble,
  kFranc,
  kPeso,
  kWon,
  kLira,
  kLire,
  kRiyals,
  kDirhams,
  kBaht,
  kRinggit,
  kReais,
};

struct WordInfo {
  W id = W::kUnknown;
  NumClass cls = NumClass::kNone;
  NumClass ord_class = NumClass::kNone;  // for kOrd: the class of the cardinal it names
  bool plural = false;
  double value = 0;  // the number (for kOrd: the rank; for kScale/kHundred: the multiplier)
};

// Looks up a word (any case; ASCII letters only). Unknown words give id kUnknown.
const WordInfo& LookupWord(std::string_view word);

}  // namespace witness::figures::internal

#endif  // WITNESS_SRC_COMPARE_NUMBERS_LEXICON_H_
