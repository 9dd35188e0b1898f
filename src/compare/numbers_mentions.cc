// ComposeMentions: numerals -> number mentions, with currency and percent units, ranges,
// qualifiers before ("more than", "at least", "about", ">=") and after ("or more", "or so",
// "-plus"), and pairs of one-sided bounds joined into ranges.
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>

#include "compare/numbers_internal.h"

namespace witness::figures::internal {
namespace {

// One element of a qualifier phrase: a word id, or a symbol code point.
struct M {
  bool sym;
  uint32_t code;
};
constexpr M Wd(W w) { return {false, static_cast<uint32_t>(w)}; }
constexpr M Sy(char32_t c) { return {true, static_cast<uint32_t>(c)}; }

struct Phrase {
  Qualifier q;
  std::initializer_list<M> m;
};

// Phrases before a number. The longest match wins.
const Phrase kPrefix[] = {
    {Qualifier::kMoreThan, {Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kMoreThan, {Wd(W::kGreater), Wd(W::kThan)}},
    {Qualifier::kMoreThan, {Wd(W::kLarger), Wd(W::kThan)}},
    {Qualifier::kMoreThan, {Wd(W::kBigger), Wd(W::kThan)}},
    {Qualifier::kMoreThan, {Wd(W::kHigher), Wd(W::kThan)}},
    {Qualifier::kMoreThan, {Wd(W::kOver)}},
    {Qualifier::kMoreThan, {Wd(W::kAbove)}},
    {Qualifier::kMoreThan, {Wd(W::kExceeding)}},
    {Qualifier::kMoreThan, {Wd(W::kExceeds)}},
    {Qualifier::kMoreThan, {Wd(W::kExceeded)}},
    {Qualifier::kMoreThan, {Wd(W::kExceed)}},
    {Qualifier::kMoreThan, {Wd(W::kSurpassing)}},
    {Qualifier::kMoreThan, {Wd(W::kSurpasses)}},
    {Qualifier::kMoreThan, {Wd(W::kSurpassed)}},
    {Qualifier::kMoreThan, {Wd(W::kSurpass)}},
    {Qualifier::kMoreThan, {Wd(W::kUpwards), Wd(W::kOf)}},
    {Qualifier::kMoreThan, {Wd(W::kIn), Wd(W::kExcess), Wd(W::kOf)}},
    {Qualifier::kMoreThan, {Wd(W::kWell), Wd(W::kOver)}},
    {Qualifier::kMoreThan, {Wd(W::kWell), Wd(W::kAbove)}},
    {Qualifier::kMoreThan, {Wd(W::kWell), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kMoreThan, {Wd(W::kNorth), Wd(W::kOf)}},
    {Qualifier::kMoreThan, {Sy('>')}},
    {Qualifier::kJustOver, {Wd(W::kJust), Wd(W::kOver)}},
    {Qualifier::kJustOver, {Wd(W::kJust), Wd(W::kAbove)}},
    {Qualifier::kJustOver, {Wd(W::kJust), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kJustOver, {Wd(W::kSlightly), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kJustOver, {Wd(W::kSlightly), Wd(W::kOver)}},
    {Qualifier::kJustOver, {Wd(W::kSlightly), Wd(W::kAbove)}},
    {Qualifier::kJustOver, {Wd(W::kA), Wd(W::kLittle), Wd(W::kOver)}},
    {Qualifier::kJustOver, {Wd(W::kA), Wd(W::kLittle), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kJustOver, {Wd(W::kJust), Wd(W::kNorth), Wd(W::kOf)}},
    {Qualifier::kAtLeast, {Wd(W::kAt), Wd(W::kLeast)}},
    {Qualifier::kAtLeast, {Wd(W::kNo), Wd(W::kLess), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kNot), Wd(W::kLess), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kNo), Wd(W::kFewer), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kNot), Wd(W::kFewer), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kA), Wd(W::kMinimum), Wd(W::kOf)}},
    {Qualifier::kAtLeast, {Wd(W::kMinimum), Wd(W::kOf)}},
    {Qualifier::kAtLeast, {Sy('>'), Sy('=')}},
    {Qualifier::kAtLeast, {Sy(0x2265)}},
    {Qualifier::kAtLeast, {Wd(W::kHigher), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kBigger), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kGreater), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kLarger), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kMore), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kGreater), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtLeast, {Wd(W::kMore), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtLeast, {Wd(W::kHigher), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtLeast, {Wd(W::kLarger), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtLeast, {Wd(W::kBigger), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtLeast, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kGreater), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kHigher), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kLarger), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kBigger), Wd(W::kThan)}},
    {Qualifier::kAtLeast, {Wd(W::kAt), Wd(W::kLeast), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kLessThan, {Wd(W::kLess), Wd(W::kThan)}},
    {Qualifier::kLessThan, {Wd(W::kFewer), Wd(W::kThan)}},
    {Qualifier::kLessThan, {Wd(W::kLower), Wd(W::kThan)}},
    {Qualifier::kLessThan, {Wd(W::kSmaller), Wd(W::kThan)}},
    {Qualifier::kLessThan, {Wd(W::kUnder)}},
    {Qualifier::kLessThan, {Wd(W::kBelow)}},
    {Qualifier::kLessThan, {Wd(W::kWell), Wd(W::kUnder)}},
    {Qualifier::kLessThan, {Wd(W::kWell), Wd(W::kBelow)}},
    {Qualifier::kLessThan, {Sy('<')}},
    {Qualifier::kNearly, {Wd(W::kNearly)}},
    {Qualifier::kNearly, {Wd(W::kAlmost)}},
    {Qualifier::kNearly, {Wd(W::kJust), Wd(W::kUnder)}},
    {Qualifier::kNearly, {Wd(W::kJust), Wd(W::kBelow)}},
    {Qualifier::kNearly, {Wd(W::kJust), Wd(W::kShy), Wd(W::kOf)}},
    {Qualifier::kNearly, {Wd(W::kShy), Wd(W::kOf)}},
    {Qualifier::kNearly, {Wd(W::kNot), Wd(W::kQuite)}},
    {Qualifier::kAtMost, {Wd(W::kAt), Wd(W::kMost)}},
    {Qualifier::kAtMost, {Wd(W::kNo), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kNot), Wd(W::kMore), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kA), Wd(W::kMaximum), Wd(W::kOf)}},
    {Qualifier::kAtMost, {Wd(W::kMaximum), Wd(W::kOf)}},
    {Qualifier::kAtMost, {Sy('<'), Sy('=')}},
    {Qualifier::kAtMost, {Sy(0x2264)}},
    {Qualifier::kAtMost, {Wd(W::kSmaller), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kLess), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kLower), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kFewer), Wd(W::kOr), Wd(W::kEqual), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kLess), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtMost, {Wd(W::kFewer), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtMost, {Wd(W::kSmaller), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtMost, {Wd(W::kLower), Wd(W::kThan), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kAtMost, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kLess), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kFewer), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kLower), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kEqual), Wd(W::kTo), Wd(W::kOr), Wd(W::kSmaller), Wd(W::kThan)}},
    {Qualifier::kAtMost, {Wd(W::kAt), Wd(W::kMost), Wd(W::kOr), Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kUpTo, {Wd(W::kUp), Wd(W::kTo)}},
    {Qualifier::kUpTo, {Wd(W::kAs), Wd(W::kMany), Wd(W::kAs)}},
    {Qualifier::kUpTo, {Wd(W::kAs), Wd(W::kMuch), Wd(W::kAs)}},
    {Qualifier::kUpTo, {Wd(W::kAs), Wd(W::kHigh), Wd(W::kAs)}},
    {Qualifier::kAbout, {Wd(W::kAbout)}},
    {Qualifier::kAbout, {Wd(W::kAround)}},
    {Qualifier::kAbout, {Wd(W::kRoughly)}},
    {Qualifier::kAbout, {Wd(W::kApproximately)}},
    {Qualifier::kAbout, {Wd(W::kApprox)}},
    {Qualifier::kAbout, {Wd(W::kApprox), Sy('.')}},
    {Qualifier::kAbout, {Wd(W::kSome)}},
    {Qualifier::kAbout, {Wd(W::kAn), Wd(W::kEstimated)}},
    {Qualifier::kAbout, {Wd(W::kEstimated)}},
    {Qualifier::kAbout, {Wd(W::kClose), Wd(W::kTo)}},
    {Qualifier::kAbout, {Wd(W::kCirca)}},
    {Qualifier::kAbout, {Sy('~')}},
    {Qualifier::kEqual, {Wd(W::kEqual), Wd(W::kTo)}},
    {Qualifier::kEqual, {Wd(W::kEquals)}},
    {Qualifier::kEqual, {Wd(W::kEquals), Wd(W::kTo)}},
    {Qualifier::kEqual, {Wd(W::kEqualing)}},
    {Qualifier::kEqual, {Wd(W::kEqualing), Wd(W::kTo)}},
    {Qualifier::kEqual, {Wd(W::kExactly)}},
    {Qualifier::kEqual, {Wd(W::kPrecisely)}},
};

bool MatchTok(const Tok& t, const M& m) {
  if (m.sym) return t.type == TokType::kSym && t.cp == m.code;
  return t.IsWord() && static_cast<uint32_t>(t.id()) == m.code;
}

// The longest phrase ending just before token `end` (exclusive); returns its first token
// and qualifier, or end when none.
uint32_t MatchPrefix(const std::vector<Tok>& toks, uint32_t end, Qualifier* q) {
  uint32_t best = end;
  for (const Phrase& p : kPrefix) {
    const uint32_t len = static_cast<uint32_t>(p.m.size());
    if (len > end) continue;
    const uint32_t b = end - len;
    bool ok = true;
    uint32_t i = b;
    for (const M& m : p.m) {
      if (!MatchTok(toks[i], m) || (i > b && toks[i].gap == kBlank)) {
        ok = false;
        break;
      }
      ++i;
    }
    if (!ok || toks[end].gap == kBlank) continue;
    // "<>30", "=>30", "=<30": comparison symbols glued after another one are not qualifiers.
    if (p.m.begin()->sym && b > 0 && toks[b].gap == kGlued && toks[b - 1].type == TokType::kSym &&
        (toks[b - 1].cp == '<' || toks[b - 1].cp == '>' || toks[b - 1].cp == '=')) {
      continue;
    }
    if (b < best) {
      best = b;
      *q = p.q;
    }
  }
  return best;
}

bool IsPercentWord(const Tok& t) {
  const W id = t.id();
  return t.IsWord() && (id == W::kPercent || id == W::kPercents || id == W::kPercentage ||
                        id == W::kPercentages || id == W::kPct);
}

// A unit after a numeral ending at token e: "%", "percent", "per cent", "percentage
// point(s)", currency words and codes. Returns the token after the unit (e when none).
uint32_t UnitAfter(std::string_view text, const std::vector<Tok>& toks, uint32_t e, Kind* kind,
                   std::string* unit) {
  const uint32_t n = static_cast<uint32_t>(toks.size());
  if (e >= n || toks[e].gap > kSpace) return e;
  const Tok& t = toks[e];
  if (t.type == TokType::kSym && (t.cp == '%' || t.cp == 0xFF05)) {
    *kind = Kind::kPercent;
    *unit = "%";
    return e + 1;
  }
  if (!t.IsWord()) return e;
  uint32_t k = e;
  bool percent = false;
  if (IsPercentWord(t)) {
    percent = true;
    k = e + 1;
  } else if (t.id() == W::kPer && e + 1 < n && toks[e + 1].id() == W::kCent &&
             toks[e + 1].gap <= kSpace) {
    percent = true;
    k = e + 2;
  } else if (t.id() == W::kPer && e + 2 < n && toks[e + 1].IsSym('-') &&
             toks[e + 2].id() == W::kCent) {
    percent = true;
    k = e + 3;
  }
  if (percent) {
    *kind = Kind::kPercent;
    *unit = "%";
    if (k < n && toks[k].gap <= kSpace && toks[k].IsWord() &&
        (toks[k].id() == W::kPoints || toks[k].id() == W::kPoint) &&
        (t.id() == W::kPercentage || t.id() == W::kPercent)) {
      *unit = "percentage point";
      ++k;
    }
    return k;
  }
  // "US dollars", "Hong Kong dollars" are read as the currency word alone.
  uint32_t c = e;
  std::string_view prefix_code;
  if (t.IsWord() && t.all_upper && text.substr(t.begin, t.size()) == "US" && e + 1 < n &&
      toks[e + 1].IsWord() && (toks[e + 1].id() == W::kDollars || toks[e + 1].id() == W::kDollar)) {
    prefix_code = "USD";
    c = e + 1;
  }
  const std::string_view cw = CurrencyOfWord(toks[c].id());
  if (!cw.empty()) {
    *kind = Kind::kMoney;
    *unit = prefix_code.empty() ? std::string(cw) : std::string(prefix_code);
    return c + 1;
  }
  if (t.all_upper) {
    const std::string_view code = CurrencyOfCode(text.substr(t.begin, t.size()));
    if (!code.empty() && (e + 1 >= n || !toks[e + 1].IsWord() || toks[e + 1].gap != kGlued)) {
      *kind = Kind::kMoney;
      *unit = std::string(code);
      return e + 1;
    }
  }
  return e;
}

// A currency before the numeral starting at token b: "$", "US$", "€", "EUR ". Returns the
// first token of the currency (b when none).
uint32_t CurrencyPrefix(std::string_view text, const std::vector<Tok>& toks, uint32_t b,
                        std::string* unit) {
  if (b == 0 || toks[b].gap > kSpace) return b;
  const Tok& p = toks[b - 1];
  if (p.type == TokType::kSym) {
    const std::string_view code = CurrencyOfSymbol(p.cp);
    if (code.empty()) return b;
    *unit = std::string(code);
    if (p.cp == '$' && b >= 2 && p.gap == kGlued && toks[b - 2].IsWord() &&
        toks[b - 2].all_upper == (toks[b - 2].size() >= 2)) {
      const std::string_view w = text.substr(toks[b - 2].begin, toks[b - 2].size());
      struct Dollar {
        const char* prefix;
        const char* code;
      };
      static const Dollar kDollars[] = {{"US", "USD"}, {"A", "AUD"},  {"AU", "AUD"}, {"C", "CAD"},
                                        {"CA", "CAD"}, {"HK", "HKD"}, {"NZ", "NZD"}, {"S", "SGD"},
                                        {"SG", "SGD"}, {"R", "BRL"},  {"NT", "TWD"}, {"M", "MXN"}};
      for (const Dollar& d : kDollars) {
        if (w == d.prefix) {
          *unit = d.code;
          return b - 2;
        }
      }
    }
    return b - 1;
  }
  if (p.IsWord() && p.all_upper && toks[b].gap == kSpace) {
    const std::string_view code = CurrencyOfCode(text.substr(p.begin, p.size()));
    if (!code.empty()) {
      *unit = std::string(code);
      return b - 1;
    }
  }
  return b;
}

bool NumberAt(const std::vector<Tok>& toks, uint32_t i) {
  return i < toks.size() && (DigitStart(toks, i) || StartsWordNumeral(toks[i]));
}

// Qualifiers after a number: "or more", "and more", "or greater (than)", "or less", "or
// fewer", "or so", "or equal (to)", "plus", "+", "-plus". Returns the token after it.
uint32_t MatchPost(const std::vector<Tok>& toks, uint32_t e, Qualifier* q, bool* or_equal) {
  const uint32_t n = static_cast<uint32_t>(toks.size());
  *or_equal = false;
  if (e >= n || toks[e].gap == kBlank) return e;
  const Tok& t = toks[e];
  if (t.type == TokType::kSym && t.cp == '+' && t.gap == kGlued &&
      (e + 1 >= n || !DigitStart(toks, e + 1))) {
    *q = Qualifier::kAtLeast;
    return e + 1;
  }
  if (t.type == TokType::kSym && IsDashCp(t.cp) && t.gap == kGlued && e + 1 < n &&
      toks[e + 1].id() == W::kPlus && toks[e + 1].gap == kGlued) {
    *q = Qualifier::kAtLeast;
    return e + 2;
  }
  if (t.id() == W::kPlus && (e + 1 >= n || !NumberAt(toks, e + 1))) {
    *q = Qualifier::kAtLeast;
    return e + 1;
  }
  if (!(t.id() == W::kOr || t.id() == W::kAnd) || e + 1 >= n || toks[e + 1].gap == kBlank) {
    return e;
  }
  const W w = toks[e + 1].id();
  const bool than = e + 2 < n && toks[e + 2].id() == W::kThan && toks[e + 2].gap != kBlank;
  const bool to = e + 2 < n && toks[e + 2].id() == W::kTo && toks[e + 2].gap != kBlank;
  const uint32_t after = than || to ? e + 3 : e + 2;
  if ((than || to) && NumberAt(toks, after)) return e;  // "or greater than 190": its own
  if (t.id() == W::kAnd && w != W::kMore) return e;
  switch (w) {
    case W::kMore:
    case W::kGreater:
    case W::kHigher:
    case W::kAbove:
    case W::kOver:
    case W::kLarger:
    case W::kBigger:
      *q = Qualifier::kAtLeast;
      return after;
    case W::kLess:
    case W::kFewer:
    case W::kBelow:
    case W::kLower:
    case W::kUnder:
    case W::kSmaller:
      *q = Qualifier::kAtMost;
      return after;
    case W::kSo:
      *q = Qualifier::kAbout;
      return e + 2;
    case W::kEqual:
      if (than) return e;
      *or_equal = true;
      return to ? e + 3 : e + 2;
    default:
      return e;
  }
}

struct Item {
  uint32_t nb, ne;  // numeral tokens
  uint32_t b, e;    // with currency prefix and unit suffix
  Kind kind = Kind::kCardinal;
  std::string unit;
  uint32_t index = 0;  // numeral index
};

bool IsLower(Qualifier q) { return q == Qualifier::kMoreThan || q == Qualifier::kAtLeast; }
bool IsUpper(Qualifier q) {
  return q == Qualifier::kLessThan || q == Qualifier::kAtMost || q == Qualifier::kUpTo;
}

}  // namespace

void ComposeMentions(std::string_view text, const std::vector<Tok>& toks,
                     const std::vector<RawNumeral>& nums, std::vector<NumberMention>* out) {
  out->clear();
  const uint32_t n = static_cast<uint32_t>(toks.size());
  // Items: numerals with their units. Relative ordinals have no mention.
  std::vector<Item> items;
  items.reserve(nums.size());
  uint32_t consumed = 0;  // tokens before this belong to an earlier item
  for (uint32_t i = 0; i < nums.size(); ++i) {
    const RawNumeral& r = nums[i];
    if (r.n.relative) continue;
    Item it;
    it.nb = r.tok_b;
    it.ne = r.tok_e;
    it.b = r.tok_b;
    it.e = r.tok_e;
    it.index = i;
    if (r.n.ordinal) {
      it.kind = Kind::kOrdinal;
    } else {
      std::string unit;
      const uint32_t cb = CurrencyPrefix(text, toks, r.tok_b, &unit);
      if (cb < r.tok_b && cb >= consumed) {
        it.b = cb;
        it.kind = Kind::kMoney;
        it.unit = unit;
      }
      Kind k = it.kind;
      std::string u2;
      const uint32_t ue = UnitAfter(text, toks, r.tok_e, &k, &u2);
      if (ue > r.tok_e && (it.kind == Kind::kCardinal || k == Kind::kMoney)) {
        if (it.kind == Kind::kCardinal || it.unit == "USD" || it.unit.empty()) {
          if (!(it.kind == Kind::kMoney && k == Kind::kPercent)) {
            it.kind = k;
            if (!(it.kind == Kind::kMoney && !it.unit.empty() && u2 == "dollar")) it.unit = u2;
          }
        }
        it.e = ue;
      }
      // "percent of 10", "per cent of twenty-two": a percentage written before its number.
      if (it.kind == Kind::kCardinal && r.tok_b >= 2 && toks[r.tok_b - 1].id() == W::kOf) {
        uint32_t pb = r.tok_b - 2;
        bool pct = IsPercentWord(toks[pb]);
        if (!pct && toks[pb].id() == W::kCent && pb >= 1 && toks[pb - 1].id() == W::kPer) {
          pct = true;
          --pb;
        }
        if (pct && pb >= consumed &&
            (pb == 0 || !NumberAt(toks, pb - 1) || toks[pb].gap == kBlank)) {
          it.b = pb;
          it.kind = Kind::kPercent;
          it.unit = "%";
        }
      }
    }
    consumed = it.e;
    items.push_back(std::move(it));
  }

  std::vector<NumberMention> ms;
  ms.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& a = items[i];
    const RawNumeral& ra = nums[a.index];
    NumberMention m;
    m.kind = a.kind;
    m.unit = a.unit;
    m.first_numeral = a.index;
    m.numeral_count = 1;
    m.value = ra.n.vague ? std::numeric_limits<double>::quiet_NaN() : ra.n.value;
    uint32_t mb = a.b, me = a.e;
    // Ranges with the next item.
    if (i + 1 < items.size() && !ra.n.vague && !ra.n.label && !ra.n.in_chain) {
      const Item& b = items[i + 1];
      const RawNumeral& rb = nums[b.index];
      const bool kinds_ok =
          !rb.n.vague && !rb.n.label && !rb.n.in_chain &&
          (a.kind == Kind::kOrdinal) == (b.kind == Kind::kOrdinal) &&
          (a.kind == b.kind || a.kind == Kind::kCardinal || b.kind == Kind::kCardinal) &&
          (a.unit.empty() || b.unit.empty() || a.unit == b.unit);
      RangeForm form = RangeForm::kNone;
      uint32_t start = a.b;
      if (kinds_ok && ra.n.value < rb.n.value && b.b > a.e && toks[b.b].gap != kBlank) {
        const uint32_t gap = b.b - a.e;
        const Tok& c = toks[a.e];
        const bool the_b = gap == 2 && toks[a.e + 1].id() == W::kThe;
        uint32_t before = a.b;
        if (before > 0 && toks[before - 1].id() == W::kThe && a.kind == Kind::kOrdinal) --before;
        const W prev =
            before > 0 && toks[before].gap != kBlank ? toks[before - 1].id() : W::kUnknown;
        if (prev == W::kBetween && c.id() == W::kAnd && (gap == 1 || the_b)) {
          form = RangeForm::kBetween;
          start = before - 1;
        } else if (gap == 1 || the_b) {
          const bool dash = c.type == TokType::kSym && IsRangeDashCp(c.cp);
          const bool to = c.id() == W::kTo;
          const bool through = c.id() == W::kThrough || c.id() == W::kThru;
          if (prev == W::kFrom && (dash || to || through)) {
            form = RangeForm::kFromTo;
            start = before - 1;
          } else if (dash && gap == 1 && !rb.leading_zero && !ra.n.words && !rb.n.words) {
            form = RangeForm::kDash;
          } else if (dash && gap == 1 && !rb.leading_zero && ra.n.words && rb.n.words &&
                     c.gap != kGlued) {
            form = RangeForm::kDash;  // "twenty – thirty"
          } else if (c.type == TokType::kSym && c.cp == '~' && gap == 1) {
            form = RangeForm::kTilde;
          } else if (to && prev != W::kBy && prev != W::kUp) {
            form = RangeForm::kTo;
          } else if (through) {
            form = RangeForm::kThrough;
          }
        }
      }
      if (form != RangeForm::kNone) {
        m.qualifier = Qualifier::kRange;
        m.range_form = form;
        m.value2 = rb.n.value;
        m.interval = Interval::Closed(ra.n.value, rb.n.value);
        m.numeral_count = b.index - a.index + 1;
        if (m.kind == Kind::kCardinal) {
          m.kind = b.kind;
          m.unit = b.unit;
        }
        mb = start;
        me = b.e;
        m.span = {toks[mb].begin, toks[me - 1].end};
        ms.push_back(std::move(m));
        ++i;
        continue;
      }
    }
    // Qualifiers.
    Qualifier pre = Qualifier::kExact;
    uint32_t qb = a.b;
    {
      uint32_t end = a.b;
      if (a.kind == Kind::kOrdinal && end > 0 && toks[end - 1].id() == W::kThe) --end;
      Qualifier q = Qualifier::kExact;
      const uint32_t b = MatchPrefix(toks, end, &q);
      if (b < end && (i == 0 || b >= items[i - 1].e)) {
        pre = q;
        qb = b;
      }
    }
    Qualifier post = Qualifier::kExact;
    bool or_equal = false;
    const uint32_t pe = MatchPost(toks, a.e, &post, &or_equal);
    Qualifier q = pre;
    if (or_equal) {
      if (pre == Qualifier::kMoreThan)
        q = Qualifier::kAtLeast;
      else if (pre == Qualifier::kLessThan)
        q = Qualifier::kAtMost;
      if (q != pre) me = pe;
    } else if (post != Qualifier::kExact) {
      if (pre == Qualifier::kExact || pre == Qualifier::kAbout || pre == Qualifier::kEqual) {
        if (pre == Qualifier::kAbout) qb = a.b;
        q = post;
        me = pe;
      }
    }
    if (ra.n.vague) {
      m.qualifier = Qualifier::kVague;
      m.interval = ra.n.vague_interval;
      // A qualifier on a vague quantity narrows it: "more than thousands" is still thousands.
      if (q == Qualifier::kMoreThan || q == Qualifier::kAtLeast) {
        m.interval.hi = kInf;
        m.interval.hi_closed = false;
      } else if (q == Qualifier::kLessThan || q == Qualifier::kAtMost || q == Qualifier::kUpTo) {
        m.interval.lo = -kInf;
        m.interval.lo_closed = false;
      }
      if (q != Qualifier::kExact) mb = qb;
    } else {
      m.qualifier = q;
      m.interval = QualifiedInterval(q, ra.n.value);
      if (q != Qualifier::kExact) mb = qb;
    }
    m.span = {toks[mb].begin, toks[me - 1].end};
    ms.push_back(std::move(m));
  }

  // Pairs of one-sided bounds: "more than 20 but fewer than 30", "at most 100 and at least 20".
  out->reserve(ms.size());
  for (size_t i = 0; i < ms.size(); ++i) {
    if (i + 1 < ms.size()) {
      const NumberMention& a = ms[i];
      const NumberMention& b = ms[i + 1];
      const bool sides = (IsLower(a.qualifier) && IsUpper(b.qualifier)) ||
                         (IsUpper(a.qualifier) && IsLower(b.qualifier));
      const bool kinds = (a.kind == Kind::kOrdinal) == (b.kind == Kind::kOrdinal) &&
                         (a.unit.empty() || b.unit.empty() || a.unit == b.unit);
      if (sides && kinds) {
        // Tokens between: "and", "but", "," (one or two of them).
        const auto first_after = [&](uint32_t byte) {
          return static_cast<uint32_t>(
              std::lower_bound(toks.begin(), toks.end(), byte,
                               [](const Tok& t, uint32_t x) { return t.begin < x; }) -
              toks.begin());
        };
        const uint32_t ta = first_after(a.span.end);
        uint32_t tb = ta;
        while (tb < n && tb - ta < 3 && toks[tb].begin < b.span.begin) ++tb;
        if (tb >= n || toks[tb].begin != b.span.begin) tb = ta + 3;  // too far apart
        bool joined = tb > ta && tb - ta <= 2 && toks[tb].gap != kBlank;
        for (uint32_t k = ta; joined && k < tb; ++k) {
          const Tok& t = toks[k];
          joined = t.IsSym(',') || t.id() == W::kAnd || t.id() == W::kBut;
        }
        const Interval meet = a.interval.Intersect(b.interval);
        if (joined && !meet.Empty() && std::isfinite(meet.lo) && std::isfinite(meet.hi)) {
          NumberMention m = a;
          m.span = {a.span.begin, b.span.end};
          m.qualifier = Qualifier::kRange;
          m.range_form = RangeForm::kBounds;
          m.interval = meet;
          m.value = std::min(a.value, b.value);
          m.value2 = std::max(a.value, b.value);
          m.numeral_count = b.first_numeral + b.numeral_count - a.first_numeral;
          if (m.kind == Kind::kCardinal) {
            m.kind = b.kind;
            m.unit = b.unit;
          }
          out->push_back(std::move(m));
          ++i;
          continue;
        }
      }
    }
    out->push_back(std::move(ms[i]));
  }
}

}  // namespace witness::figures::internal
