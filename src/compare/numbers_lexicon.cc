// The word table behind LookupWord: a static list, indexed once into an open-addressing hash
// table of lower-case keys.
#include "compare/numbers_lexicon.h"

#include <array>
#include <cstring>
#include <vector>

namespace witness::figures::internal {
namespace {

struct Entry {
  const char* word;
  WordInfo info;
};

constexpr WordInfo Num(NumClass c, double v, bool plural = false, W id = W::kNumber) {
  return WordInfo{id, c, NumClass::kNone, plural, v};
}
constexpr WordInfo Ord(NumClass as, double v, bool plural = false, W id = W::kNumber) {
  return WordInfo{id, NumClass::kOrd, as, plural, v};
}
constexpr WordInfo Fn(W id) { return WordInfo{id, NumClass::kNone, NumClass::kNone, false, 0}; }

using C = NumClass;

const Entry kEntries[] = {
    // Cardinals.
    {"zero", Num(C::kUnit, 0, false, W::kZero)},
    {"nought", Num(C::kUnit, 0, false, W::kZero)},
    {"naught", Num(C::kUnit, 0, false, W::kZero)},
    {"one", Num(C::kUnit, 1, false, W::kOne)},
    {"two", Num(C::kUnit, 2)},
    {"three", Num(C::kUnit, 3)},
    {"four", Num(C::kUnit, 4)},
    {"five", Num(C::kUnit, 5)},
    {"six", Num(C::kUnit, 6)},
    {"seven", Num(C::kUnit, 7)},
    {"eight", Num(C::kUnit, 8)},
    {"nine", Num(C::kUnit, 9)},
    {"ten", Num(C::kTeen, 10)},
    {"eleven", Num(C::kTeen, 11)},
    {"twelve", Num(C::kTeen, 12)},
    {"thirteen", Num(C::kTeen, 13)},
    {"fourteen", Num(C::kTeen, 14)},
    {"fifteen", Num(C::kTeen, 15)},
    {"sixteen", Num(C::kTeen, 16)},
    {"seventeen", Num(C::kTeen, 17)},
    {"eighteen", Num(C::kTeen, 18)},
    {"nineteen", Num(C::kTeen, 19)},
    {"twenty", Num(C::kTens, 20)},
    {"thirty", Num(C::kTens, 30)},
    {"forty", Num(C::kTens, 40)},
    {"fourty", Num(C::kTens, 40)},
    {"fifty", Num(C::kTens, 50)},
    {"sixty", Num(C::kTens, 60)},
    {"seventy", Num(C::kTens, 70)},
    {"eighty", Num(C::kTens, 80)},
    {"ninety", Num(C::kTens, 90)},
    {"hundred", Num(C::kHundred, 100)},
    {"hundreds", Num(C::kHundred, 100, true, W::kHundredsWord)},
    {"thousand", Num(C::kScale, 1e3)},
    {"thousands", Num(C::kScale, 1e3, true)},
    {"million", Num(C::kScale, 1e6)},
    {"millions", Num(C::kScale, 1e6, true)},
    {"billion", Num(C::kScale, 1e9)},
    {"billions", Num(C::kScale, 1e9, true)},
    {"trillion", Num(C::kScale, 1e12)},
    {"trillions", Num(C::kScale, 1e12, true)},
    {"lakh", Num(C::kScale, 1e5)},
    {"lakhs", Num(C::kScale, 1e5, true)},
    {"crore", Num(C::kScale, 1e7)},
    {"crores", Num(C::kScale, 1e7, true)},
    {"dozen", Num(C::kDozen, 12)},
    {"dozens", Num(C::kDozen, 12, true)},
    {"doz", Num(C::kDozen, 12)},
    {"dozs", Num(C::kDozen, 12, true)},
    {"dz", Num(C::kDozen, 12)},
    {"dzs", Num(C::kDozen, 12, true)},
    // Ordinals (and fraction denominators).
    {"first", Ord(C::kUnit, 1)},
    {"firsts", Ord(C::kUnit, 1, true)},
    {"second", Ord(C::kUnit, 2, false, W::kSecond)},
    {"seconds", Ord(C::kUnit, 2, true, W::kSecond)},
    {"third", Ord(C::kUnit, 3)},
    {"thirds", Ord(C::kUnit, 3, true)},
    {"fourth", Ord(C::kUnit, 4)},
    {"fourths", Ord(C::kUnit, 4, true)},
    {"fifth", Ord(C::kUnit, 5)},
    {"fifths", Ord(C::kUnit, 5, true)},
    {"sixth", Ord(C::kUnit, 6)},
    {"sixths", Ord(C::kUnit, 6, true)},
    {"seventh", Ord(C::kUnit, 7)},
    {"sevenths", Ord(C::kUnit, 7, true)},
    {"eighth", Ord(C::kUnit, 8)},
    {"eighths", Ord(C::kUnit, 8, true)},
    {"ninth", Ord(C::kUnit, 9)},
    {"ninths", Ord(C::kUnit, 9, true)},
    {"nineth", Ord(C::kUnit, 9)},
    {"nineths", Ord(C::kUnit, 9, true)},
    {"tenth", Ord(C::kTeen, 10)},
    {"tenths", Ord(C::kTeen, 10, true)},
    {"eleventh", Ord(C::kTeen, 11)},
    {"elevenths", Ord(C::kTeen, 11, true)},
    {"twelfth", Ord(C::kTeen, 12)},
    {"twelfths", Ord(C::kTeen, 12, true)},
    {"thirteenth", Ord(C::kTeen, 13)},
    {"thirteenths", Ord(C::kTeen, 13, true)},
    {"fourteenth", Ord(C::kTeen, 14)},
    {"fourteenths", Ord(C::kTeen, 14, true)},
    {"fifteenth", Ord(C::kTeen, 15)},
    {"fifteenths", Ord(C::kTeen, 15, true)},
    {"sixteenth", Ord(C::kTeen, 16)},
    {"sixteenths", Ord(C::kTeen, 16, true)},
    {"seventeenth", Ord(C::kTeen, 17)},
    {"seventeenths", Ord(C::kTeen, 17, true)},
    {"eighteenth", Ord(C::kTeen, 18)},
    {"eighteenths", Ord(C::kTeen, 18, true)},
    {"nineteenth", Ord(C::kTeen, 19)},
    {"nineteenths", Ord(C::kTeen, 19, true)},
    {"twentieth", Ord(C::kTens, 20)},
    {"twentieths", Ord(C::kTens, 20, true)},
    {"thirtieth", Ord(C::kTens, 30)},
    {"thirtieths", Ord(C::kTens, 30, true)},
    {"fortieth", Ord(C::kTens, 40)},
    {"fortieths", Ord(C::kTens, 40, true)},
    {"fiftieth", Ord(C::kTens, 50)},
    {"fiftieths", Ord(C::kTens, 50, true)},
    {"sixtieth", Ord(C::kTens, 60)},
    {"sixtieths", Ord(C::kTens, 60, true)},
    {"seventieth", Ord(C::kTens, 70)},
    {"seventieths", Ord(C::kTens, 70, true)},
    {"eightieth", Ord(C::kTens, 80)},
    {"eightieths", Ord(C::kTens, 80, true)},
    {"ninetieth", Ord(C::kTens, 90)},
    {"ninetieths", Ord(C::kTens, 90, true)},
    {"hundredth", Ord(C::kHundred, 100)},
    {"hundredths", Ord(C::kHundred, 100, true)},
    {"thousandth", Ord(C::kScale, 1e3)},
    {"thousandths", Ord(C::kScale, 1e3, true)},
    {"millionth", Ord(C::kScale, 1e6)},
    {"millionths", Ord(C::kScale, 1e6, true)},
    {"billionth", Ord(C::kScale, 1e9)},
    {"billionths", Ord(C::kScale, 1e9, true)},
    {"trillionth", Ord(C::kScale, 1e12)},
    {"trillionths", Ord(C::kScale, 1e12, true)},
    {"half", Num(C::kHalf, 2, false, W::kHalfWord)},
    {"halves", Num(C::kHalf, 2, true)},
    {"quarter", Num(C::kQuarter, 4)},
    {"quarters", Num(C::kQuarter, 4, true)},
    // Function words.
    {"a", Fn(W::kA)},
    {"an", Fn(W::kAn)},
    {"and", Fn(W::kAnd)},
    {"point", Fn(W::kPoint)},
    {"negative", Fn(W::kNegative)},
    {"minus", Fn(W::kMinus)},
    {"of", Fn(W::kOf)},
    {"over", Fn(W::kOver)},
    {"out", Fn(W::kOut)},
    {"in", Fn(W::kIn)},
    {"the", Fn(W::kThe)},
    {"more", Fn(W::kMore)},
    {"less", Fn(W::kLess)},
    {"fewer", Fn(W::kFewer)},
    {"than", Fn(W::kThan)},
    {"at", Fn(W::kAt)},
    {"least", Fn(W::kLeast)},
    {"most", Fn(W::kMost)},
    {"no", Fn(W::kNo)},
    {"not", Fn(W::kNot)},
    {"up", Fn(W::kUp)},
    {"to", Fn(W::kTo)},
    {"as", Fn(W::kAs)},
    {"many", Fn(W::kMany)},
    {"much", Fn(W::kMuch)},
    {"high", Fn(W::kHigh)},
    {"about", Fn(W::kAbout)},
    {"around", Fn(W::kAround)},
    {"roughly", Fn(W::kRoughly)},
    {"approximately", Fn(W::kApproximately)},
    {"approx", Fn(W::kApprox)},
    {"some", Fn(W::kSome)},
    {"estimated", Fn(W::kEstimated)},
    {"close", Fn(W::kClose)},
    {"nearly", Fn(W::kNearly)},
    {"almost", Fn(W::kAlmost)},
    {"just", Fn(W::kJust)},
    {"under", Fn(W::kUnder)},
    {"below", Fn(W::kBelow)},
    {"above", Fn(W::kAbove)},
    {"slightly", Fn(W::kSlightly)},
    {"little", Fn(W::kLittle)},
    {"well", Fn(W::kWell)},
    {"quite", Fn(W::kQuite)},
    {"shy", Fn(W::kShy)},
    {"between", Fn(W::kBetween)},
    {"from", Fn(W::kFrom)},
    {"through", Fn(W::kThrough)},
    {"thru", Fn(W::kThru)},
    {"or", Fn(W::kOr)},
    {"so", Fn(W::kSo)},
    {"plus", Fn(W::kPlus)},
    {"odd", Fn(W::kOdd)},
    {"but", Fn(W::kBut)},
    {"greater", Fn(W::kGreater)},
    {"larger", Fn(W::kLarger)},
    {"bigger", Fn(W::kBigger)},
    {"higher", Fn(W::kHigher)},
    {"lower", Fn(W::kLower)},
    {"smaller", Fn(W::kSmaller)},
    {"equal", Fn(W::kEqual)},
    {"equals", Fn(W::kEquals)},
    {"equaling", Fn(W::kEqualing)},
    {"equalling", Fn(W::kEqualing)},
    {"exceed", Fn(W::kExceed)},
    {"exceeding", Fn(W::kExceeding)},
    {"exceeds", Fn(W::kExceeds)},
    {"exceeded", Fn(W::kExceeded)},
    {"surpass", Fn(W::kSurpass)},
    {"surpassing", Fn(W::kSurpassing)},
    {"surpasses", Fn(W::kSurpasses)},
    {"surpassed", Fn(W::kSurpassed)},
    {"upwards", Fn(W::kUpwards)},
    {"upward", Fn(W::kUpwards)},
    {"excess", Fn(W::kExcess)},
    {"minimum", Fn(W::kMinimum)},
    {"maximum", Fn(W::kMaximum)},
    {"exactly", Fn(W::kExactly)},
    {"precisely", Fn(W::kPrecisely)},
    {"circa", Fn(W::kCirca)},
    {"top", Fn(W::kTop)},
    {"topping", Fn(W::kTopping)},
    {"north", Fn(W::kNorth)},
    {"south", Fn(W::kSouth)},
    {"percent", Fn(W::kPercent)},
    {"percents", Fn(W::kPercents)},
    {"percentage", Fn(W::kPercentage)},
    {"percentages", Fn(W::kPercentages)},
    {"per", Fn(W::kPer)},
    {"cent", Fn(W::kCent)},
    {"pct", Fn(W::kPct)},
    {"points", Fn(W::kPoints)},
    {"pts", Fn(W::kPointsWord)},
    {"several", Fn(W::kSeveral)},
    {"few", Fn(W::kFew)},
    {"couple", Fn(W::kCouple)},
    {"tens", Fn(W::kTens)},
    {"scores", Fn(W::kScores)},
    {"last", Fn(W::kLast)},
    {"next", Fn(W::kNext)},
    {"previous", Fn(W::kPrevious)},
    {"current", Fn(W::kCurrent)},
    {"penultimate", Fn(W::kPenultimate)},
    {"antepenultimate", Fn(W::kAntepenultimate)},
    {"before", Fn(W::kBefore)},
    {"this", Fn(W::kThis)},
    {"that", Fn(W::kThat)},
    {"which", Fn(W::kWhich)},
    {"each", Fn(W::kEach)},
    {"every", Fn(W::kEvery)},
    {"any", Fn(W::kAny)},
    {"another", Fn(W::kAnother)},
    {"only", Fn(W::kOnly)},
    {"whichever", Fn(W::kWhichever)},
    {"his", Fn(W::kHis)},
    {"her", Fn(W::kHer)},
    {"its", Fn(W::kIts)},
    {"their", Fn(W::kTheir)},
    {"my", Fn(W::kMy)},
    {"your", Fn(W::kYour)},
    {"our", Fn(W::kOur)},
    {"by", Fn(W::kBy)},
    // Currencies.
    {"dollars", Fn(W::kDollars)},
    {"dollar", Fn(W::kDollar)},
    {"euros", Fn(W::kEuros)},
    {"euro", Fn(W::kEuro)},
    {"pounds", Fn(W::kPounds)},
    {"pound", Fn(W::kPound)},
    {"yen", Fn(W::kYen)},
    {"yuan", Fn(W::kYuan)},
    {"renminbi", Fn(W::kRenminbi)},
    {"rupees", Fn(W::kRupees)},
    {"rupee", Fn(W::kRupee)},
    {"roubles", Fn(W::kRoubles)},
    {"rubles", Fn(W::kRoubles)},
    {"rouble", Fn(W::kRouble)},
    {"ruble", Fn(W::kRouble)},
    {"tenge", Fn(W::kTenge)},
    {"francs", Fn(W::kFrancs)},
    {"franc", Fn(W::kFranc)},
    {"pesos", Fn(W::kPesos)},
    {"peso", Fn(W::kPeso)},
    {"rand", Fn(W::kRand)},
    {"naira", Fn(W::kNaira)},
    {"shillings", Fn(W::kShillings)},
    {"sterling", Fn(W::kSterling)},
    {"cents", Fn(W::kCents)},
    {"lira", Fn(W::kLira)},
    {"lire", Fn(W::kLire)},
    {"riyals", Fn(W::kRiyals)},
    {"dirhams", Fn(W::kDirhams)},
    {"baht", Fn(W::kBaht)},
    {"ringgit", Fn(W::kRinggit)},
    {"reais", Fn(W::kReais)},
};

constexpr size_t kSlots = 1024;  // power of two, > 2x the entries

uint32_t HashLower(const char* s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<uint8_t>(s[i]);
    h *= 16777619u;
  }
  return h;
}

struct Slot {
  uint32_t hash = 0;
  int16_t entry = -1;
  uint8_t len = 0;
};

struct Table {
  std::array<Slot, kSlots> slot;
  Table() {
    static_assert(sizeof(kEntries) / sizeof(kEntries[0]) < kSlots / 2);
    for (size_t e = 0; e < sizeof(kEntries) / sizeof(kEntries[0]); ++e) {
      const size_t n = std::strlen(kEntries[e].word);
      const uint32_t h = HashLower(kEntries[e].word, n);
      size_t i = h & (kSlots - 1);
      while (slot[i].entry >= 0) i = (i + 1) & (kSlots - 1);
      slot[i] = Slot{h, static_cast<int16_t>(e), static_cast<uint8_t>(n)};
    }
  }
};

const Table& GetTable() {
  static const Table table;
  return table;
}

const WordInfo kUnknownInfo{};

}  // namespace

const WordInfo& LookupWord(std::string_view word) {
  if (word.empty() || word.size() > kMaxLexiconWord) return kUnknownInfo;
  char buf[kMaxLexiconWord];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'A' && c <= 'Z') {
      buf[i] = static_cast<char>(c + 32);
    } else if (c >= 'a' && c <= 'z') {
      buf[i] = c;
    } else {
      return kUnknownInfo;
    }
  }
  const Table& table = GetTable();
  const uint32_t h = HashLower(buf, word.size());
  size_t i = h & (kSlots - 1);
  while (table.slot[i].entry >= 0) {
    const Slot& s = table.slot[i];
    if (s.hash == h && s.len == word.size() &&
        std::memcmp(kEntries[s.entry].word, buf, word.size()) == 0) {
      return kEntries[s.entry].info;
    }
    i = (i + 1) & (kSlots - 1);
  }
  return kUnknownInfo;
}

}  // namespace witness::figures::internal
