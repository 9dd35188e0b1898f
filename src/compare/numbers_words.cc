// Word numerals: "two hundred and forty-five", "2 million", "half a dozen", "three quarters",
// "one hundred thirty fifths", "twenty-first", "two point five", "tens of thousands".
//
// A run of number-ish tokens is turned into atoms (number words, digit numerals, "a", "and",
// hyphens, "point", "minus", "of"), and numerals are read from the atoms left to right:
//   - ParseCardinal reads the longest cardinal prefix with the usual English grammar: units
//     after tens ("fifty two", "fifty-two"), "hundred" once per group, scale words in
//     decreasing order ("one million two thousand"), "and" after hundred/scale ("one hundred
//     and six"), digits before scale words ("2 million", "322 hundred") and after them ("4
//     thousand 3 hundred and 21"), "point" and digit words ("two hundred point zero three").
//     When a group cannot take a following hundred or scale word ("3 hundred and 2 hundred"),
//     the numeral ends before that group, which starts a new numeral.
//   - Fractions: a numerator and an ordinal, "half" or "quarter" denominator. A plural
//     denominator may take preceding words when they form an ordinal that starts with a unit,
//     teen or tens word not bound by a hyphen ("one hundred thirty fifths" = 100/35, "twenty
//     one fifths" = 21/5); a singular one needs the numerator "a"/"an"/"one" ("a fifth",
//     "one twenty-fifth"). "X and F" adds a proper fraction F ("one hundred and three
//     quarters" = 100.75; after a scale of a million or more it scales: "3 million and a half").
//     A following scale multiplies ("half a million", "two thirds of a million").
//     "a <ordinal>" followed by a noun is the ordinal ("a third term"), not a fraction;
//     "second(s)" alone is never a denominator (time), nor is "first(s)".
//   - Ordinals: an ordinal word ends a phrase that is a valid cardinal with that word read
//     as its cardinal ("twenty-first", "two hundredth", "a hundred trillionth").
#include <cmath>
#include <string>

#include "compare/numbers_internal.h"

namespace witness::figures::internal {
namespace {

enum class AK : uint8_t { kWord, kNum, kDigitFrac, kA, kAnd, kHyphen, kPoint, kNeg, kOf };

struct Atom {
  AK k = AK::kWord;
  NumClass cls = NumClass::kNone;
  NumClass ord_class = NumClass::kNone;
  bool plural = false;
  W id = W::kUnknown;
  double v = 0;
  bool integer = false;
  bool multiplied = false;
  uint32_t tb = 0, te = 0;  // token range
  uint8_t gap = 0;          // gap before the first token
  RawNumeral raw;           // kNum, kDigitFrac
};

enum Last : uint8_t {
  kStart,
  kNeg,
  kA,
  kUnit,
  kTeen,
  kTens,
  kHundred,
  kScale,
  kAnd,
  kHyphen,
  kNum,
  kDozen,
  kDecimal,
  kFracDone,
  kZero
};

struct Card {
  int end = -1;  // atom index after the best complete prefix; -1: none
  double value = 0;
  double total = 0, cur = 0;
  double last_big = kInf;
  bool ended_ord = false;
  bool words = false;
  bool multiplied = false;
  bool negative = false;
};

bool IsDen(const Atom& a) {
  return a.k == AK::kWord &&
         (a.cls == NumClass::kOrd || a.cls == NumClass::kHalf || a.cls == NumClass::kQuarter);
}
bool IsSmallWord(const Atom& a) {
  return a.k == AK::kWord && a.v > 0 &&
         (a.cls == NumClass::kUnit || a.cls == NumClass::kTeen || a.cls == NumClass::kTens);
}
bool IsScaleLike(const Atom& a) {
  return a.k == AK::kWord &&
         (a.cls == NumClass::kScale || a.cls == NumClass::kHundred || a.cls == NumClass::kDozen);
}

// Digits of a decimal part written in words after "point": "zero three" -> "03",
// "seventy-one" -> "71", "eleven" -> "11". Returns the atom index after them.
int DecimalWords(const std::vector<Atom>& a, int j, int e, std::string* digits) {
  while (j < e) {
    const Atom& x = a[j];
    if (x.k != AK::kWord) break;
    if (x.cls == NumClass::kUnit) {
      digits->push_back(static_cast<char>('0' + static_cast<int>(x.v)));
      ++j;
    } else if (x.cls == NumClass::kTeen) {
      const int v = static_cast<int>(x.v);
      digits->push_back(static_cast<char>('0' + v / 10));
      digits->push_back(static_cast<char>('0' + v % 10));
      ++j;
    } else if (x.cls == NumClass::kTens) {
      digits->push_back(static_cast<char>('0' + static_cast<int>(x.v) / 10));
      int k = j + 1;
      if (k < e && a[k].k == AK::kHyphen) ++k;
      if (k < e && a[k].k == AK::kWord && a[k].cls == NumClass::kUnit && a[k].v > 0) {
        digits->push_back(static_cast<char>('0' + static_cast<int>(a[k].v)));
        j = k + 1;
      } else {
        digits->push_back('0');
        ++j;
      }
    } else {
      break;
    }
  }
  return j;
}

// The longest cardinal reading of a[b..e). With ord_final, an ordinal word may end it (read
// as the cardinal it names) and then ended_ord is set.
Card ParseCardinal(const std::vector<Atom>& a, int b, int e, bool ord_final) {
  Card best;
  Card before_group;  // the reading before the current group began
  bool have_group = false;
  double total = 0, cur = 0, small = 0, last_big = kInf;
  bool has_hundred = false, tens_open = false, neg = false, words = false, mult = false;
  bool num_integer = false, num_multiplied = false, decimal_used = false;
  Last last = kStart, before_and = kStart;
  auto snapshot = [&](int end, bool ended_ord) {
    best.end = end;
    best.value = neg ? -(total + cur) : total + cur;
    best.total = total;
    best.cur = cur;
    best.last_big = last_big;
    best.ended_ord = ended_ord;
    best.words = words;
    best.multiplied = mult;
    best.negative = neg;
  };
  auto begin_group = [&](int j) {
    if (last == kHundred || last == kScale || last == kAnd) {
      before_group = best;
      have_group = j > b;
    }
  };
  for (int j = b; j < e; ++j) {
    const Atom& x = a[j];
    const bool is_ord = x.k == AK::kWord && x.cls == NumClass::kOrd;
    if (is_ord && !ord_final) break;
    const NumClass cls = is_ord ? x.ord_class : x.cls;
    bool ok = false;
    bool backtrack = false;
    switch (x.k) {
      case AK::kNeg:
        ok = j == b;
        if (ok) {
          neg = true;
          last = kNeg;
        }
        break;
      case AK::kA:
        ok = j == b;
        if (ok) last = kA;
        break;
      case AK::kAnd:
        ok = last == kHundred || last == kScale || (last == kTens && tens_open);
        if (ok) {
          before_group = best;
          have_group = true;
          before_and = last;
          last = kAnd;
        }
        break;
      case AK::kHyphen:
        ok = last == kTens && tens_open && j + 1 < e && a[j + 1].k == AK::kWord && a[j + 1].v > 0 &&
             (a[j + 1].cls == NumClass::kUnit || (ord_final && a[j + 1].cls == NumClass::kOrd &&
                                                  a[j + 1].ord_class == NumClass::kUnit));
        if (ok) last = kHyphen;
        break;
      case AK::kOf:
        break;
      case AK::kPoint: {
        if (decimal_used || !(last == kUnit || last == kTeen || last == kTens || last == kHundred ||
                              last == kScale || last == kZero ||
                              (last == kNum && num_integer && !num_multiplied))) {
          break;
        }
        std::string digits = "0.";
        const int k = DecimalWords(a, j + 1, e, &digits);
        if (k == j + 1) break;
        const double frac = std::stod(digits);
        cur += frac;
        small += frac;
        decimal_used = true;
        words = true;
        last = kDecimal;
        ok = true;
        j = k - 1;
        break;
      }
      case AK::kDigitFrac:
        if (last == kStart || last == kNeg) {
          ok = true;
        } else if (last == kNum && num_integer && !num_multiplied && x.gap == kSpace) {
          ok = true;
        }
        if (ok) {
          cur += x.v;
          last = kFracDone;
        }
        break;
      case AK::kNum: {
        if (last == kStart || last == kNeg) {
          ok = true;
        } else if (x.integer && !x.multiplied && x.v >= 1) {
          const Last prev = last == kAnd ? before_and : last;
          if (prev == kHundred) ok = x.v < 100;
          if (prev == kScale) ok = x.v < last_big;
        }
        if (ok) {
          begin_group(j);
          cur += x.v;
          small += x.v;
          num_integer = x.integer;
          num_multiplied = x.multiplied;
          mult = mult || x.multiplied;
          last = kNum;
        }
        break;
      }
      case AK::kWord:
        switch (cls) {
          case NumClass::kUnit:
            if (x.v == 0) {
              ok = (last == kStart || last == kNeg) && !is_ord;
              if (ok) last = kZero;
              break;
            }
            ok = last == kStart || last == kNeg || last == kHundred || last == kScale ||
                 last == kAnd || (last == kTens && tens_open) || last == kHyphen;
            if (ok) {
              if (last != kTens && last != kHyphen) begin_group(j);
              cur += x.v;
              small += x.v;
              tens_open = false;
              last = kUnit;
            }
            break;
          case NumClass::kTeen:
          case NumClass::kTens:
            ok = last == kStart || last == kNeg || last == kHundred || last == kScale ||
                 (last == kAnd && before_and != kTens);
            if (ok) {
              begin_group(j);
              cur += x.v;
              small += x.v;
              tens_open = cls == NumClass::kTens;
              last = cls == NumClass::kTens ? kTens : kTeen;
            }
            break;
          case NumClass::kHundred:
            ok = !has_hundred && !decimal_used &&
                 (last == kA || last == kUnit || last == kTeen || last == kTens ||
                  (last == kNum && !num_multiplied) ||
                  ((last == kStart || last == kNeg) && !x.plural));
            if (ok) {
              const double m = small == 0 ? 1 : small;
              cur = cur - small + m * 100;
              small = 0;
              has_hundred = true;
              tens_open = false;
              last = kHundred;
            } else if (have_group &&
                       (last == kUnit || last == kTeen || last == kTens || last == kNum)) {
              backtrack = true;
            }
            break;
          case NumClass::kScale:
            if (last == kScale && cur == 0 && total > 0 && total < x.v && !is_ord) {
              total *= x.v;  // "three lakh crore"
              last_big = std::min(last_big, x.v);
              ok = true;
              break;
            }
            ok = x.v < last_big &&
                 (last == kA || last == kUnit || last == kTeen || last == kTens ||
                  last == kHundred || last == kDecimal || (last == kNum && !num_multiplied) ||
                  ((last == kStart || last == kNeg) && !x.plural));
            if (ok) {
              total += (cur == 0 ? 1 : cur) * x.v;
              cur = 0;
              small = 0;
              has_hundred = false;
              tens_open = false;
              last_big = x.v;
              last = kScale;
              mult = true;
            } else if (have_group && (last == kUnit || last == kTeen || last == kTens ||
                                      last == kNum || last == kHundred)) {
              backtrack = true;
            }
            break;
          case NumClass::kDozen:
            ok = !is_ord && (last == kA || last == kUnit || last == kTeen || last == kTens ||
                             (last == kNum && !num_multiplied) ||
                             ((last == kStart || last == kNeg) && !x.plural));
            if (ok) {
              const double m = small == 0 ? 1 : small;
              cur = cur - small + m * 12;
              small = 0;
              last = kDozen;
            }
            break;
          default:
            break;
        }
        if (ok) words = true;
        break;
    }
    if (backtrack) return before_group;
    if (!ok) break;
    if (is_ord) {
      snapshot(j + 1, true);
      break;
    }
    if (last != kStart && last != kNeg && last != kA && last != kAnd && last != kHyphen) {
      snapshot(j + 1, false);
    }
    if (last == kFracDone || last == kDozen) break;
  }
  return best;
}

struct Frac {
  bool ok = false;
  double value = 0;
  int end = 0;  // atom after the denominator
  bool a_numerator = false;
};

// A numerator in words (digits before a word denominator are not a fraction: "100
// millionths" is 100 and a stray word).
bool NumeratorValue(const std::vector<Atom>& a, int from, int to, double* v, bool* is_a) {
  if (to <= from) return false;
  for (int i = from; i < to; ++i) {
    if (a[i].k == AK::kNum || a[i].k == AK::kDigitFrac) return false;
  }
  if (to == from + 1 && (a[from].k == AK::kA)) {
    *v = 1;
    *is_a = true;
    return true;
  }
  const Card c = ParseCardinal(a, from, to, false);
  if (c.end != to) return false;
  *v = c.value;
  return true;
}

// A fraction whose denominator word is a[d] and whose numerator starts at a[s].
Frac FractionAt(const std::vector<Atom>& a, int s, int d) {
  const Atom& den = a[d];
  const int num_end = (d > s && a[d - 1].k == AK::kHyphen) ? d - 1 : d;
  if (num_end <= s) return {};
  double n = 0;
  bool is_a = false;
  if (den.cls == NumClass::kHalf || den.cls == NumClass::kQuarter) {
    if (!NumeratorValue(a, s, num_end, &n, &is_a)) return {};
    return {true, n / den.v, d + 1, is_a};
  }
  if (den.plural) {
    for (int t = s + 1; t < d; ++t) {
      if (!IsSmallWord(a[t]) || a[t - 1].k == AK::kHyphen || a[t - 1].k == AK::kAnd) continue;
      if (!NumeratorValue(a, s, t, &n, &is_a)) continue;
      const Card dc = ParseCardinal(a, t, d + 1, true);
      if (dc.end != d + 1 || !dc.ended_ord || dc.value < 2) continue;
      return {true, n / dc.value, d + 1, is_a};
    }
    if (den.v < 3) return {};  // "firsts", "seconds" alone
    if (!NumeratorValue(a, s, num_end, &n, &is_a)) return {};
    return {true, n / den.v, d + 1, is_a};
  }
  // Singular: the numerator is one "a", "an" or "one".
  const Atom& nu = a[s];
  const bool one = nu.k == AK::kA || (nu.k == AK::kWord && nu.id == W::kOne);
  if (!one) return {};
  int t = s + 1;
  if (t < d && a[t].k == AK::kHyphen) {
    if (nu.k == AK::kA) return {};
    ++t;
  }
  if (t < d && !IsSmallWord(a[t])) return {};
  const Card dc = ParseCardinal(a, t, d + 1, true);
  if (dc.end != d + 1 || !dc.ended_ord) return {};
  if (dc.value < 3 && !(t < d && dc.value >= 2)) return {};
  return {true, 1.0 / dc.value, d + 1, nu.k == AK::kA};
}

// A scale after a fraction: "million", "of a million", "a dozen". Returns the multiplier
// (1 when none) and moves *end past it.
double FractionScale(const std::vector<Atom>& a, int* end) {
  int k = *end;
  const int n = static_cast<int>(a.size());
  if (k < n && a[k].k == AK::kHyphen) ++k;  // "a half-billion"
  if (k < n && a[k].k == AK::kOf) ++k;
  if (k < n && (a[k].k == AK::kA)) ++k;
  if (k < n && IsScaleLike(a[k]) && !a[k].plural) {
    *end = k + 1;
    return a[k].cls == NumClass::kDozen ? 12 : a[k].v;
  }
  return 1;
}

// The value of "X and F" (F a proper fraction ending at *end): "one and a half" 1.5; after a
// scale of a million or more F scales with it ("3 million and a half" 3,500,000); a smaller
// scale word after F multiplies ("five and a half million", "one billion and a half million").
double CombineAndFraction(const std::vector<Atom>& a, const Card& c, const Frac& f, int* end) {
  const int before = *end;
  const double m = FractionScale(a, end);
  if (*end != before && m < c.last_big) return c.total + (std::fabs(c.cur) + f.value) * m;
  *end = before;
  if (c.cur == 0 && c.last_big >= 1e6 && std::isfinite(c.last_big)) {
    return c.total + f.value * c.last_big;
  }
  return std::fabs(c.value) + f.value;
}

class WordParser {
 public:
  WordParser(std::string_view text, const std::vector<Tok>& toks, std::vector<Atom>& atoms,
             std::vector<RawNumeral>* out)
      : text_(text), toks_(toks), a_(atoms), out_(out) {}

  // Reads numerals from a_[s...]; returns the atom index to continue at (> s).
  int ParseAt(int s);

 private:
  void Emit(int s, int e, double value, bool ordinal, bool fraction, bool words_hint);
  bool PronounOne(int s) const;
  bool FractionGuardOk(int d) const;

  std::string_view text_;
  const std::vector<Tok>& toks_;
  std::vector<Atom>& a_;
  std::vector<RawNumeral>* out_;
};

bool WordParser::PronounOne(int s) const {
  const uint32_t tb = a_[s].tb;
  if (tb + 1 < toks_.size() && toks_[tb + 1].id() == W::kAnother) return true;
  if (tb == 0) return false;
  const Tok& p = toks_[tb - 1];
  if (!p.IsWord()) return false;
  if (p.info->cls == NumClass::kOrd) return true;  // "the first one"
  switch (p.id()) {
    case W::kLast:
    case W::kNext:
    case W::kPrevious:
    case W::kCurrent:
    case W::kPenultimate:
    case W::kAntepenultimate:
    case W::kThe:
    case W::kThis:
    case W::kThat:
    case W::kWhich:
    case W::kEach:
    case W::kEvery:
    case W::kAny:
    case W::kNo:
    case W::kAnother:
    case W::kOnly:
    case W::kA:
    case W::kAn:
    case W::kWhichever:
    case W::kHis:
    case W::kHer:
    case W::kIts:
    case W::kTheir:
    case W::kMy:
    case W::kYour:
    case W::kOur:
    case W::kSome:
      return true;
    default:
      return false;
  }
}

// "a third" is a fraction only when nothing noun-like follows: the end, punctuation, "of",
// "and", "or", or a scale word.
bool WordParser::FractionGuardOk(int d) const {
  const uint32_t t = a_[d].te;
  if (t >= toks_.size()) return true;
  const Tok& n = toks_[t];
  if (n.gap == kBlank) return true;
  if (!n.IsWord()) return !(n.type == TokType::kSym && IsDashCp(n.cp) && n.gap == kGlued);
  const W id = n.id();
  return id == W::kOf || id == W::kAnd || id == W::kOr ||
         (n.info->cls == NumClass::kScale || n.info->cls == NumClass::kHundred);
}

void WordParser::Emit(int s, int e, double value, bool ordinal, bool fraction, bool words_hint) {
  if (!std::isfinite(value) || std::fabs(value) > 1e300) return;
  if (e == s + 1 && a_[s].k == AK::kNum && !ordinal) {
    out_->push_back(a_[s].raw);  // a lone digit numeral keeps its own flags
    return;
  }
  RawNumeral r;
  r.tok_b = a_[s].tb;
  r.tok_e = a_[e - 1].te;
  r.n.span = {toks_[r.tok_b].begin, toks_[r.tok_e - 1].end};
  r.n.value = value;
  r.n.ordinal = ordinal;
  r.n.fraction = fraction;
  bool words = words_hint;
  bool label = false;
  for (int i = s; i < e; ++i) {
    if (a_[i].k == AK::kWord) words = true;
    if (a_[i].k == AK::kDigitFrac) r.n.fraction = true;
    if (a_[i].k == AK::kNum || a_[i].k == AK::kDigitFrac) {
      r.multiplied = r.multiplied || a_[i].raw.multiplied;
      r.negative = r.negative || a_[i].raw.negative;
      r.grouped = r.grouped || a_[i].raw.grouped;
      if (i == s) label = a_[i].raw.n.label;
      r.n.decimals = std::max(r.n.decimals, a_[i].raw.n.decimals);
    }
    if (a_[i].k == AK::kWord && (a_[i].cls == NumClass::kScale)) r.multiplied = true;
  }
  r.n.words = words;
  r.n.label = label;
  r.negative = r.negative || value < 0;
  r.integer = !r.n.fraction && value == std::floor(value);
  r.one_word = e == s + 1 && a_[s].k == AK::kWord && a_[s].id == W::kOne;
  out_->push_back(r);
}

int WordParser::ParseAt(int s) {
  const int n = static_cast<int>(a_.size());
  const Atom& x = a_[s];
  if (x.k == AK::kAnd || x.k == AK::kHyphen || x.k == AK::kPoint || x.k == AK::kOf) {
    return s + 1;
  }
  // "half", "half a dozen", "half million"; "quarter million".
  if (x.k == AK::kWord && (x.cls == NumClass::kHalf || x.cls == NumClass::kQuarter) && !x.plural) {
    int end = s + 1;
    const double m = FractionScale(a_, &end);
    if (x.cls == NumClass::kQuarter && m == 1) return s + 1;
    Emit(s, end, m / x.v, false, m == 1, true);
    return end;
  }
  const Card c = ParseCardinal(a_, s, n, false);
  const int k = c.end >= 0 ? c.end : s;
  // The denominator, if any: the first fraction word after the cardinal prefix with only
  // number words between ("one one hundred fifth", "twenty twenty fifths").
  int d = -1;
  {
    const int from = c.end >= 0 ? k : (x.k == AK::kA ? s + 1 : s);
    for (int j = from; j < n && j - from < 10; ++j) {
      if (IsDen(a_[j])) {
        d = j;
        break;
      }
      const Atom& y = a_[j];
      const bool cardinalish =
          y.k == AK::kHyphen || (y.k == AK::kAnd && j > from) ||
          (y.k == AK::kWord &&
           (y.cls == NumClass::kUnit || y.cls == NumClass::kTeen || y.cls == NumClass::kTens ||
            y.cls == NumClass::kHundred || y.cls == NumClass::kScale));
      if (!cardinalish) break;
    }
  }
  // "X and <proper fraction>": one and a half, two and fifty-four hundredths.
  if (c.end >= 0 && d < 0 && k < n && a_[k].k == AK::kAnd) {
    int dd = k + 1;
    while (dd < n && !IsDen(a_[dd]) && a_[dd].k != AK::kNum && a_[dd].k != AK::kDigitFrac &&
           dd - k < 12) {
      ++dd;
    }
    if (dd < n && IsDen(a_[dd])) {
      const Frac f = FractionAt(a_, k + 1, dd);
      if (f.ok && f.value < 1) {
        int end = f.end;
        const double value = CombineAndFraction(a_, c, f, &end);
        Emit(s, end, c.negative ? -value : value, false, true, true);
        return end;
      }
    }
  }
  if (d >= 0) {
    // "X and F" inside what looked like one numerator: one hundred and three quarters.
    for (int q = d - 1; q > s; --q) {
      if (a_[q].k != AK::kAnd) continue;
      const Card c2 = ParseCardinal(a_, s, q, false);
      if (c2.end != q) continue;
      const Frac f = FractionAt(a_, q + 1, d);
      if (!f.ok || f.value >= 1) continue;
      int end = f.end;
      const double value = CombineAndFraction(a_, c2, f, &end);
      Emit(s, end, c2.negative ? -value : value, false, true, true);
      return end;
    }
    const Frac f = FractionAt(a_, s, d);
    const bool singular_ord = a_[d].cls == NumClass::kOrd && !a_[d].plural;
    if (f.ok && !(f.a_numerator && singular_ord && !FractionGuardOk(d))) {
      int end = f.end;
      const double m = FractionScale(a_, &end);
      Emit(s, end, f.value * m, false, m == 1, true);
      return end;
    }
    if (singular_ord) {
      const Card o = ParseCardinal(a_, s, d + 1, true);
      if (o.end == d + 1 && o.ended_ord) {
        Emit(s, d + 1, o.value, true, false, true);
        return d + 1;
      }
      if (x.k == AK::kA) return s + 1;
    }
  }
  if (c.end >= 0) {
    if (c.end == s + 1 && x.k == AK::kWord && x.id == W::kOne && PronounOne(s)) return s + 1;
    Emit(s, c.end, c.value, false, false, c.words);
    return c.end;
  }
  return s + 1;
}

}  // namespace

bool DigitStart(const std::vector<Tok>& toks, uint32_t i) {
  const Tok& t = toks[i];
  if (t.type == TokType::kDigits) return true;
  if (t.type != TokType::kSym) return false;
  if ((t.cp == '-' || t.cp == 0x2212 || t.cp == '.') && i + 1 < toks.size() &&
      toks[i + 1].type == TokType::kDigits && toks[i + 1].gap == kGlued) {
    return true;
  }
  return (t.cp >= 0x2150 && t.cp <= 0x215E) || t.cp == 0xBC || t.cp == 0xBD || t.cp == 0xBE;
}

namespace {

// Vague quantities from token t: "thousands", "tens of thousands", "several hundred",
// "a few thousand", "a couple of dozen". Returns the token after them, or t.
uint32_t ParseVague(const std::vector<Tok>& toks, uint32_t t, std::vector<RawNumeral>* out) {
  const uint32_t n = static_cast<uint32_t>(toks.size());
  const Tok& w = toks[t];
  if (!w.IsWord()) return t;
  const WordInfo& info = *w.info;
  auto scale_of = [](const Tok& x) -> double {
    if (!x.IsWord()) return 0;
    const WordInfo& i = *x.info;
    if (i.cls == NumClass::kScale || i.cls == NumClass::kHundred) return i.value;
    if (i.cls == NumClass::kDozen) return 12;
    return 0;
  };
  double lo_factor = 0, hi_factor = 0;
  bool hi_closed = false;
  uint32_t k = t;
  double u = 0;
  const bool plural_scale =
      info.plural && (info.cls == NumClass::kScale || info.cls == NumClass::kHundred ||
                      info.cls == NumClass::kDozen);
  if (plural_scale || info.id == W::kTens) {
    const double m = info.id == W::kTens ? 10 : scale_of(w);
    // "tens of thousands", "hundreds of millions"
    if (t + 2 < n && toks[t + 1].id() == W::kOf && toks[t + 2].IsWord() &&
        toks[t + 2].info->plural && toks[t + 2].info->cls == NumClass::kScale &&
        toks[t + 2].info->value > m && toks[t + 1].gap != kBlank && toks[t + 2].gap != kBlank) {
      u = m * toks[t + 2].info->value;
      k = t + 3;
    } else if (plural_scale) {
      u = m;
      k = t + 1;
    } else {
      return t;
    }
    lo_factor = 2;
    hi_factor = 10;
  } else {
    uint32_t j = t;
    if (info.id == W::kSeveral) {
      lo_factor = 3, hi_factor = 10, j = t + 1;
    } else if (info.id == W::kMany) {
      lo_factor = 2, hi_factor = 10, j = t + 1;
    } else if ((info.id == W::kA) && t + 1 < n && toks[t + 1].id() == W::kFew) {
      lo_factor = 2, hi_factor = 6, j = t + 2;
    } else if ((info.id == W::kA) && t + 1 < n && toks[t + 1].id() == W::kCouple) {
      lo_factor = 2, hi_factor = 3, hi_closed = true, j = t + 2;
      if (j < n && toks[j].id() == W::kOf) ++j;
    } else {
      return t;
    }
    u = 1;
    uint32_t q = j;
    while (q < n && toks[q].gap != kBlank && scale_of(toks[q]) > 0 && q - j < 4) {
      u *= scale_of(toks[q]);
      ++q;
    }
    if (q == j) return t;
    k = q;
  }
  RawNumeral r;
  r.tok_b = t;
  r.tok_e = k;
  r.n.span = {toks[t].begin, toks[k - 1].end};
  r.n.vague = true;
  r.n.words = true;
  r.n.vague_interval = Interval{lo_factor * u, hi_factor * u, true, hi_closed};
  r.n.value = lo_factor * u;
  out->push_back(r);
  return k;
}

}  // namespace

bool StartsWordNumeral(const Tok& tok) {
  if (!tok.IsWord()) return false;
  const WordInfo& i = *tok.info;
  if (i.cls != NumClass::kNone) return true;
  switch (i.id) {
    case W::kA:
    case W::kAn:
    case W::kNegative:
    case W::kMinus:
    case W::kSeveral:
    case W::kMany:
    case W::kTens:
      return true;
    default:
      return false;
  }
}

uint32_t ParseWordNumerals(std::string_view text, const std::vector<Tok>& toks, uint32_t t,
                           std::vector<RawNumeral>* out) {
  // Vague quantities first: "several hundred", "tens of thousands", "thousands".
  if (toks[t].IsWord()) {
    const uint32_t v = ParseVague(toks, t, out);
    if (v > t) return v;
  }
  thread_local std::vector<Atom> atoms;
  atoms.clear();
  constexpr size_t kMaxAtoms = 48;
  DigitParse dp;
  uint32_t i = t;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  while (i < n && atoms.size() < kMaxAtoms) {
    const Tok& tok = toks[i];
    if (!atoms.empty() && tok.gap == kBlank) break;
    Atom at;
    at.tb = i;
    at.te = i + 1;
    at.gap = tok.gap;
    if (DigitStart(toks, i)) {
      ParseDigitNumeral(text, toks, i, &dp);
      if (dp.result == DigitResult::kNumber || dp.result == DigitResult::kFraction) {
        at.k = dp.result == DigitResult::kNumber ? AK::kNum : AK::kDigitFrac;
        at.v = dp.number.n.value;
        at.integer = dp.number.integer;
        at.multiplied = dp.number.multiplied;
        at.te = dp.skip_to;
        at.raw = dp.number;
        atoms.push_back(at);
        i = dp.skip_to;
        continue;
      }
      if (atoms.empty()) {
        if (dp.result == DigitResult::kChain) {
          for (const auto& r : dp.chain) out->push_back(r);
        } else if (dp.result == DigitResult::kOrdinal) {
          out->push_back(dp.number);
        }
        return std::max(dp.skip_to, t + 1);
      }
      break;
    }
    if (tok.IsWord()) {
      const WordInfo& info = *tok.info;
      if (info.cls != NumClass::kNone) {
        // "first-time", "second-largest", "half-brother", "quarter-final": adjectives.
        if ((info.cls == NumClass::kOrd || info.cls == NumClass::kHalf ||
             info.cls == NumClass::kQuarter) &&
            i + 2 < n && toks[i + 1].gap == kGlued && toks[i + 1].type == TokType::kSym &&
            IsDashCp(toks[i + 1].cp) && toks[i + 2].gap == kGlued && toks[i + 2].IsWord() &&
            toks[i + 2].info->cls == NumClass::kNone) {
          break;
        }
        at.k = AK::kWord;
        at.cls = info.cls;
        at.ord_class = info.ord_class;
        at.plural = info.plural;
        at.id = info.id;
        at.v = info.value;
      } else if (info.id == W::kA || info.id == W::kAn) {
        at.k = AK::kA;
      } else if (info.id == W::kAnd && !atoms.empty()) {
        at.k = AK::kAnd;
      } else if (info.id == W::kPoint && !atoms.empty()) {
        at.k = AK::kPoint;
      } else if ((info.id == W::kNegative || info.id == W::kMinus) && atoms.empty()) {
        at.k = AK::kNeg;
      } else if (info.id == W::kOf && !atoms.empty()) {
        at.k = AK::kOf;
      } else {
        break;
      }
      atoms.push_back(at);
      ++i;
      continue;
    }
    if (tok.type == TokType::kSym && !atoms.empty() &&
        (tok.cp == '-' || tok.cp == 0x2010 || tok.cp == 0x2011) && atoms.back().k == AK::kWord &&
        i + 1 < n && toks[i + 1].IsWord() && toks[i + 1].info->cls != NumClass::kNone) {
      at.k = AK::kHyphen;
      atoms.push_back(at);
      ++i;
      continue;
    }
    break;
  }
  if (atoms.empty()) return t + 1;
  WordParser parser(text, toks, atoms, out);
  int s = 0;
  const int count = static_cast<int>(atoms.size());
  while (s < count) {
    // A plural scale with nothing before it is vague: "4000 thousands" never happens, but
    // "..., thousands of" after a failed numeral might.
    if (s > 0 && atoms[s].k == AK::kWord && atoms[s].plural &&
        (atoms[s].cls == NumClass::kScale || atoms[s].cls == NumClass::kHundred ||
         atoms[s].cls == NumClass::kDozen)) {
      const uint32_t v = ParseVague(toks, atoms[s].tb, out);
      if (v > atoms[s].tb) {
        while (s < count && atoms[s].tb < v) ++s;
        continue;
      }
    }
    s = parser.ParseAt(s);
  }
  return std::max(atoms.back().te, t + 1);
}

}  // namespace witness::figures::internal
