// Digit numerals: separators, decimal points and commas, signs, exponents, multipliers,
// ordinal suffixes, fractions and chains.
//
// A digit numeral is read from the bytes as a "chain": digit runs joined by single ',', '.',
// '/', ':' or grouping spaces. The chain is then read as one number when it has one of the
// shapes below, else as a list of separate integers (in_chain):
//   1,234,567.89   comma groups of three, optional decimal point
//   12,34,567.89   Indian grouping (2-digit groups, last group of three)
//   1.234.567,89   dot groups of three and a decimal comma
//   1 234 567.89   space groups (ASCII space, NBSP, NNBSP, thin space) of three
//   19.5  4.800    one decimal point;    1,3  5,00   one comma before 1 or 2 digits
//   3/4            a common fraction (denominators 2..10, 12, 16, 20, 25, 32, 50, 64, 100, 1000)
// Chains with ':' are times ("10:30"); other '/' chains are dates ("5/17/2018").
#include <charconv>
#include <cmath>
#include <string>

#include "compare/numbers_internal.h"

namespace witness::figures::internal {
namespace {

bool IsDigit(uint8_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(uint8_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Bytes of a grouping space at p: ' ' (1), NBSP C2 A0 (2), NNBSP E2 80 AF or thin space
// E2 80 89 (3); 0 when none.
size_t GroupSpaceLen(std::string_view s, size_t p) {
  if (p >= s.size()) return 0;
  const auto c = static_cast<uint8_t>(s[p]);
  if (c == ' ') return 1;
  if (c == 0xC2 && p + 1 < s.size() && static_cast<uint8_t>(s[p + 1]) == 0xA0) return 2;
  if (c == 0xE2 && p + 2 < s.size() && static_cast<uint8_t>(s[p + 1]) == 0x80) {
    const auto c2 = static_cast<uint8_t>(s[p + 2]);
    if (c2 == 0xAF || c2 == 0x89) return 3;
  }
  return 0;
}

// True when the byte at p does not continue a word or number (end of text counts).
bool BoundaryAt(std::string_view s, size_t p) {
  if (p >= s.size()) return true;
  const auto c = static_cast<uint8_t>(s[p]);
  if (c < 0x80) return !IsDigit(c) && !IsAsciiLetter(c);
  // Non-ASCII: letters glued to digits are rare; treat U+00C0..U+024F (Latin letters) as
  // glued, everything else as a boundary.
  if (c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xC6 || c == 0xC7 || c == 0xC8 || c == 0xC9) {
    return false;
  }
  return true;
}

struct Run {
  size_t b, e;
};

double VulgarFraction(char32_t cp) {
  switch (cp) {
    case 0x00BD:
      return 1.0 / 2;
    case 0x00BC:
      return 1.0 / 4;
    case 0x00BE:
      return 3.0 / 4;
    case 0x2150:
      return 1.0 / 7;
    case 0x2151:
      return 1.0 / 9;
    case 0x2152:
      return 1.0 / 10;
    case 0x2153:
      return 1.0 / 3;
    case 0x2154:
      return 2.0 / 3;
    case 0x2155:
      return 1.0 / 5;
    case 0x2156:
      return 2.0 / 5;
    case 0x2157:
      return 3.0 / 5;
    case 0x2158:
      return 4.0 / 5;
    case 0x2159:
      return 1.0 / 6;
    case 0x215A:
      return 5.0 / 6;
    case 0x215B:
      return 1.0 / 8;
    case 0x215C:
      return 3.0 / 8;
    case 0x215D:
      return 5.0 / 8;
    case 0x215E:
      return 7.0 / 8;
    default:
      return 0;
  }
}

bool CommonDenominator(double d) {
  static const int kDens[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 25, 32, 50, 64, 100, 1000};
  for (int x : kDens) {
    if (d == x) return true;
  }
  return false;
}

// Parses digits (and at most one '.') into a double; false when out of range.
bool ToDouble(const std::string& digits, double* out) {
  if (digits.empty()) return false;
  double v = 0;
  const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (r.ec != std::errc() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

uint32_t TokenAfter(const std::vector<Tok>& toks, uint32_t from, size_t byte_end) {
  uint32_t i = from;
  while (i < toks.size() && toks[i].begin < byte_end) ++i;
  return i;
}

// Tokens glued together from t on (letters and digits without space): where a rejected
// numeral ends.
uint32_t SkipGlued(const std::vector<Tok>& toks, uint32_t t) {
  uint32_t i = t + 1;
  while (i < toks.size() && toks[i].gap == kGlued &&
         (toks[i].type == TokType::kWord || toks[i].type == TokType::kDigits)) {
    ++i;
  }
  return i;
}

bool OrdinalSuffixMatches(double v, std::string_view suffix) {
  if (suffix.size() != 2 || v < 0 || v != std::floor(v) || v > 1e15) return false;
  const char a = static_cast<char>(suffix[0] | 0x20);
  const char b = static_cast<char>(suffix[1] | 0x20);
  const auto n = static_cast<uint64_t>(v);
  const uint64_t last2 = n % 100;
  const uint64_t last = n % 10;
  std::string_view want = "th";
  if (last2 < 11 || last2 > 13) {
    if (last == 1) want = "st";
    if (last == 2) want = "nd";
    if (last == 3) want = "rd";
  }
  return a == want[0] && b == want[1];
}

// A multiplier written after digits ("k", "bn", "M"), glued or after one space. 0 if none.
double MultiplierWord(std::string_view w, bool glued, bool currency, double v, bool decimal) {
  if (w == "k" || w == "K") return 1e3;
  if (w == "M") return 1e6;
  if (w == "m" || w == "mm" || w == "MM") return glued && currency ? 1e6 : 0;
  if (w == "G") return (v >= 6 || decimal) ? 1e9 : 0;
  if (w == "b" || w == "B") return glued ? 1e9 : 0;
  if (w == "bn" || w == "Bn" || w == "BN" || w == "bln" || w == "Bln" || w == "BLN") return 1e9;
  if (w == "mn" || w == "Mn" || w == "MN" || w == "mln" || w == "Mln" || w == "MLN" || w == "mil" ||
      w == "Mil") {
    return 1e6;
  }
  if (w == "tn" || w == "Tn" || w == "TN" || w == "trn" || w == "tln" || w == "Tln") return 1e12;
  return 0;
}

}  // namespace

std::string_view CurrencyOfSymbol(char32_t cp) {
  switch (cp) {
    case '$':
      return "USD";
    case 0x20AC:
      return "EUR";
    case 0x00A3:
      return "GBP";
    case 0x00A5:
      return "JPY";
    case 0x20B9:
      return "INR";
    case 0x20BD:
      return "RUB";
    case 0x20A9:
      return "KRW";
    case 0x20BA:
      return "TRY";
    case 0x20B8:
      return "KZT";
    case 0x20A6:
      return "NGN";
    case 0x20B4:
      return "UAH";
    case 0x20AA:
      return "ILS";
    default:
      return "";
  }
}

std::string_view CurrencyOfCode(std::string_view w) {
  static const char* kCodes[] = {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "AUD", "CAD",
                                 "INR", "RUB", "KZT", "SEK", "NOK", "DKK", "HKD", "SGD", "NZD",
                                 "KRW", "BRL", "MXN", "ZAR", "TRY", "PLN", "UAH", "NGN", "SAR",
                                 "AED", "ILS", "EGP", "PKR", "IDR", "THB", "MYR", "PHP"};
  if (w.size() != 3) return "";
  for (const char* c : kCodes) {
    if (w == c) return w == "RMB" ? std::string_view("CNY") : std::string_view(c);
  }
  return "";
}

std::string_view CurrencyOfWord(W id) {
  switch (id) {
    case W::kDollars:
    case W::kDollar:
      return "dollar";
    case W::kEuros:
    case W::kEuro:
      return "EUR";
    case W::kPounds:
    case W::kPound:
    case W::kSterling:
      return "pound";
    case W::kYen:
      return "JPY";
    case W::kYuan:
    case W::kRenminbi:
      return "CNY";
    case W::kRupees:
    case W::kRupee:
      return "rupee";
    case W::kRoubles:
    case W::kRouble:
      return "RUB";
    case W::kTenge:
      return "KZT";
    case W::kFrancs:
    case W::kFranc:
      return "franc";
    case W::kPesos:
    case W::kPeso:
      return "peso";
    case W::kRand:
      return "ZAR";
    case W::kNaira:
      return "NGN";
    case W::kShillings:
      return "shilling";
    case W::kLira:
    case W::kLire:
      return "lira";
    case W::kRiyals:
      return "riyal";
    case W::kDirhams:
      return "dirham";
    case W::kBaht:
      return "THB";
    case W::kRinggit:
      return "MYR";
    case W::kReais:
      return "BRL";
    case W::kCents:
      return "cent";
    default:
      return "";
  }
}

bool CurrencyBefore(std::string_view text, const std::vector<Tok>& toks, uint32_t t) {
  if (t == 0) return false;
  uint32_t i = t - 1;
  if (toks[i].type == TokType::kSym && (toks[i].cp == '-' || toks[i].cp == 0x2212) &&
      toks[t].gap == kGlued && i > 0) {
    --i;  // a sign
  }
  const Tok& p = toks[i];
  if (p.type == TokType::kSym) return !CurrencyOfSymbol(p.cp).empty();
  if (p.type == TokType::kWord && p.all_upper) {
    return !CurrencyOfCode(text.substr(p.begin, p.size())).empty();
  }
  return false;
}

void ParseDigitNumeral(std::string_view text, const std::vector<Tok>& toks, uint32_t t,
                       DigitParse* out) {
  out->result = DigitResult::kNone;
  out->chain.clear();
  out->number = RawNumeral{};
  out->skip_to = t + 1;
  const Tok& first = toks[t];

  // Vulgar fraction alone.
  if (first.type == TokType::kSym) {
    const double vf = VulgarFraction(first.cp);
    if (vf > 0) {
      RawNumeral& r = out->number;
      r.n.span = {first.begin, first.end};
      r.n.value = vf;
      r.n.fraction = true;
      r.tok_b = t;
      r.tok_e = t + 1;
      out->result = DigitResult::kFraction;
      return;
    }
  }

  // Where the digits start: a sign or a leading '.' may come first.
  uint32_t d = t;
  bool negative = false;
  bool leading_dot = false;
  if (first.type == TokType::kSym) {
    if (t + 1 >= toks.size() || toks[t + 1].type != TokType::kDigits || toks[t + 1].gap != kGlued) {
      return;
    }
    if (first.cp == '.') {
      if (t > 0 && toks[t].gap == kGlued &&
          (toks[t - 1].type == TokType::kDigits || toks[t - 1].type == TokType::kWord)) {
        return;
      }
      leading_dot = true;
    } else if (first.cp == '-' || first.cp == 0x2212) {
      if (t > 0) {
        const Tok& p = toks[t - 1];
        if (p.type == TokType::kDigits) return;                       // 1000-5000: a range dash
        if (p.type == TokType::kWord && first.gap == kGlued) return;  // SCP-173: a label
        if (p.type == TokType::kSym && first.gap == kGlued &&
            (p.cp == ')' || p.cp == ']' || p.cp == '%' || IsDashCp(p.cp))) {
          return;
        }
      }
      negative = true;
    } else {
      return;
    }
    d = t + 1;
  }
  const Tok& dt = toks[d];
  // Digits glued after letters ("G7", "MH17", "x10") are not numerals.
  if (d == t && dt.gap == kGlued && t > 0 && toks[t - 1].type == TokType::kWord) {
    out->skip_to = SkipGlued(toks, t);
    return;
  }
  // A label: letters, a hyphen, digits ("COVID-19", "SCP-173").
  bool label = false;
  if (d == t && dt.gap == kGlued && t >= 2 && toks[t - 1].type == TokType::kSym &&
      IsDashCp(toks[t - 1].cp) && toks[t - 1].gap == kGlued && toks[t - 2].type == TokType::kWord &&
      !(t >= 3 && toks[t - 2].gap == kGlued && toks[t - 3].type == TokType::kDigits)) {
    label = true;  // not "5k-20k", where the word is a multiplier glued to digits
  }

  // Collect the chain.
  Run runs[64];
  char seps[64];
  int nruns = 0;
  size_t p = dt.begin;
  {
    size_t e = p;
    while (e < text.size() && IsDigit(static_cast<uint8_t>(text[e]))) ++e;
    runs[nruns++] = {p, e};
  }
  bool all_space_groups = true;
  while (nruns < 64 && !leading_dot) {
    const size_t e = runs[nruns - 1].e;
    if (e >= text.size()) break;
    const char c = text[e];
    if ((c == ',' || c == '.' || c == '/' || c == ':') && e + 1 < text.size() &&
        IsDigit(static_cast<uint8_t>(text[e + 1]))) {
      size_t f = e + 1;
      while (f < text.size() && IsDigit(static_cast<uint8_t>(text[f]))) ++f;
      seps[nruns] = c;
      runs[nruns++] = {e + 1, f};
      all_space_groups = false;
      continue;
    }
    const size_t sp = GroupSpaceLen(text, e);
    if (sp > 0 && all_space_groups) {
      const Run& last = runs[nruns - 1];
      const size_t len = last.e - last.b;
      const bool ok_left = nruns == 1 ? (len >= 1 && len <= 3) : len == 3;
      size_t f = e + sp;
      size_t g = f;
      while (g < text.size() && IsDigit(static_cast<uint8_t>(text[g]))) ++g;
      bool ok_right = g - f == 3;
      if (ok_right && g < text.size()) {
        const auto nc = static_cast<uint8_t>(text[g]);
        ok_right = !IsAsciiLetter(nc) && !IsDigit(nc) && nc != '-' && nc != '/' && nc != ':';
        if (sp == 1 && nc == ',') ok_right = false;
      }
      if (ok_left && ok_right) {
        seps[nruns] = 'S';
        runs[nruns++] = {f, g};
        continue;
      }
    }
    break;
  }
  const size_t chain_end = runs[nruns - 1].e;

  auto make_chain = [&](bool time_like) {
    for (int i = 0; i < nruns; ++i) {
      RawNumeral r;
      std::string digits(text.substr(runs[i].b, runs[i].e - runs[i].b));
      double v = 0;
      if (!ToDouble(digits, &v)) continue;
      r.n.span = {static_cast<uint32_t>(runs[i].b), static_cast<uint32_t>(runs[i].e)};
      r.n.value = v;
      r.n.in_chain = true;
      r.n.time_like = time_like;
      r.integer = true;
      r.plain = true;
      r.leading_zero = runs[i].e - runs[i].b > 1 && text[runs[i].b] == '0';
      r.tok_b = TokenAfter(toks, t, runs[i].b);
      r.tok_e = TokenAfter(toks, r.tok_b, runs[i].e);
      out->chain.push_back(r);
    }
    out->result = DigitResult::kChain;
    out->skip_to = TokenAfter(toks, t, chain_end);
    // Letters glued to the chain's end are skipped too.
    if (out->skip_to < toks.size() && toks[out->skip_to].gap == kGlued &&
        toks[out->skip_to].type == TokType::kWord) {
      out->skip_to = SkipGlued(toks, out->skip_to);
    }
  };

  // Classify the chain.
  std::string digits;
  digits.reserve(chain_end - p + 2);
  uint8_t decimals = 0;
  bool grouped = false;
  bool have_number = false;
  bool fraction = false;
  double frac_num = 0, frac_den = 0;
  int n_comma = 0, n_dot = 0, n_slash = 0, n_colon = 0, n_space = 0;
  for (int i = 1; i < nruns; ++i) {
    n_comma += seps[i] == ',';
    n_dot += seps[i] == '.';
    n_slash += seps[i] == '/';
    n_colon += seps[i] == ':';
    n_space += seps[i] == 'S';
  }
  auto run_len = [&](int i) { return runs[i].e - runs[i].b; };
  auto append_run = [&](int i) { digits.append(text.substr(runs[i].b, run_len(i))); };
  if (leading_dot) {
    digits = "0.";
    append_run(0);
    decimals = static_cast<uint8_t>(std::min<size_t>(run_len(0), 255));
    have_number = true;
  } else if (n_colon > 0) {
    make_chain(true);
    return;
  } else if (n_slash > 0) {
    if (nruns == 2 && n_slash == 1) {
      std::string a(text.substr(runs[0].b, run_len(0)));
      std::string b(text.substr(runs[1].b, run_len(1)));
      double x = 0, y = 0;
      if (ToDouble(a, &x) && ToDouble(b, &y) && x < y && CommonDenominator(y) &&
          text[runs[1].b] != '0') {
        fraction = true;
        frac_num = x;
        frac_den = y;
        have_number = true;
      }
    }
    if (!have_number) {
      make_chain(false);
      return;
    }
  } else if (nruns == 1) {
    append_run(0);
    have_number = true;
  } else {
    const int last = nruns - 1;
    const bool final_dot = seps[last] == '.';
    const bool final_comma = seps[last] == ',';
    const int group_end = final_dot ? last : nruns;  // runs [0, group_end) are integer groups
    auto groups_all = [&](char sep, size_t len, int from, int to) {
      for (int i = from; i < to; ++i) {
        if (seps[i] != sep || run_len(i) != len) return false;
      }
      return true;
    };
    if (n_space > 0 && n_comma == 0 && n_dot <= 1 && (n_dot == 0 || final_dot)) {
      // Space groups were validated while collecting.
      for (int i = 0; i < group_end; ++i) append_run(i);
      grouped = true;
      have_number = true;
    } else if (n_space == 0 && group_end >= 2 && run_len(0) <= 3 &&
               groups_all(',', 3, 1, group_end)) {
      for (int i = 0; i < group_end; ++i) append_run(i);
      grouped = true;
      have_number = true;
    } else if (n_space == 0 && group_end >= 3 && run_len(0) <= 2 &&
               groups_all(',', 2, 1, group_end - 1) && seps[group_end - 1] == ',' &&
               run_len(group_end - 1) == 3) {
      for (int i = 0; i < group_end; ++i) append_run(i);  // Indian grouping
      grouped = true;
      have_number = true;
    } else if (n_space == 0 && final_comma && nruns >= 3 && run_len(0) <= 3 &&
               groups_all('.', 3, 1, last)) {
      for (int i = 0; i < last; ++i) append_run(i);  // 1.234.567,89
      digits.push_back('.');
      append_run(last);
      decimals = static_cast<uint8_t>(std::min<size_t>(run_len(last), 255));
      grouped = true;
      have_number = true;
    } else if (nruns == 2 && n_dot == 1) {
      append_run(0);
      digits.push_back('.');
      append_run(1);
      decimals = static_cast<uint8_t>(std::min<size_t>(run_len(1), 255));
      have_number = true;
    } else if (nruns == 2 && n_comma == 1 && run_len(1) <= 2) {
      append_run(0);  // a decimal comma: 1,3  5,00
      digits.push_back('.');
      append_run(1);
      decimals = static_cast<uint8_t>(run_len(1));
      have_number = true;
    }
    if (have_number && final_dot && group_end < nruns && digits.find('.') == std::string::npos) {
      digits.push_back('.');
      append_run(last);
      decimals = static_cast<uint8_t>(std::min<size_t>(run_len(last), 255));
    }
    if (!have_number) {
      make_chain(false);
      return;
    }
  }

  RawNumeral& r = out->number;
  double v = 0;
  if (fraction) {
    v = frac_num / frac_den;
  } else if (!ToDouble(digits, &v)) {
    out->skip_to = SkipGlued(toks, TokenAfter(toks, t, chain_end) - 1);
    return;
  }
  size_t end = chain_end;
  bool multiplied = false;
  bool ordinal = false;
  bool exponent = false;
  const bool currency = CurrencyBefore(text, toks, t);

  // Scientific notation: e10, e+14, e-1.
  if (!fraction && end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    size_t q = end + 1;
    int esign = 1;
    if (q < text.size() && (text[q] == '+' || text[q] == '-')) {
      esign = text[q] == '-' ? -1 : 1;
      ++q;
    }
    size_t qe = q;
    while (qe < text.size() && IsDigit(static_cast<uint8_t>(text[qe])) && qe - q < 6) ++qe;
    if (qe > q && BoundaryAt(text, qe)) {
      const double ex = std::stod(std::string(text.substr(q, qe - q)));
      v = v * std::pow(10.0, esign * ex);
      end = qe;
      exponent = true;
    }
  }
  // Powers: 1.1^23, 2.5^-1, -1.1^--23; and 1.3x10^6.
  if (!fraction && !exponent && end + 1 < text.size()) {
    size_t q = end;
    bool times_ten = false;
    if ((text[q] == 'x' || text[q] == 'X') && text.substr(q + 1, 3) == "10^") {
      times_ten = true;
      q += 4;
    } else if (text.substr(q, 4) ==
                   "\xC3\x97"
                   "10" &&
               text.substr(q + 4, 1) == "^") {
      times_ten = true;  // ×10^
      q += 5;
    } else if (text[q] == '^') {
      q += 1;
    } else {
      q = std::string_view::npos;
    }
    if (q != std::string_view::npos) {
      int esign = 1;
      while (q < text.size() && (text[q] == '+' || text[q] == '-')) {
        if (text[q] == '-') esign = -esign;
        ++q;
      }
      size_t qe = q;
      while (qe < text.size() && IsDigit(static_cast<uint8_t>(text[qe])) && qe - q < 6) ++qe;
      if (qe > q && BoundaryAt(text, qe)) {
        const double ex = esign * std::stod(std::string(text.substr(q, qe - q)));
        v = times_ten ? v * std::pow(10.0, ex) : std::pow(v, ex);
        end = qe;
        exponent = true;
      }
    }
  }
  // Letters glued to the digits: a multiplier, an ordinal suffix, or a unit (rejected).
  if (!exponent && end < text.size() && IsAsciiLetter(static_cast<uint8_t>(text[end]))) {
    size_t q = end;
    while (q < text.size() && IsAsciiLetter(static_cast<uint8_t>(text[q]))) ++q;
    const std::string_view w = text.substr(end, q - end);
    bool ok = false;
    if (BoundaryAt(text, q) && !fraction) {
      if (decimals == 0 && OrdinalSuffixMatches(v, w) && !negative) {
        ordinal = true;
        ok = true;
      } else if (const double m = MultiplierWord(w, true, currency, v, decimals > 0); m > 0) {
        v *= m;
        multiplied = true;
        ok = true;
      }
    }
    if (!ok) {
      out->skip_to = SkipGlued(toks, TokenAfter(toks, t, end) - 1);
      return;
    }
    end = q;
  } else if (!exponent && !fraction && !BoundaryAt(text, end)) {
    out->skip_to = SkipGlued(toks, TokenAfter(toks, t, end) - 1);
    return;
  }
  uint32_t tok_e = TokenAfter(toks, t, end);
  // A multiplier after one space: "2.33 k", "10 bln", "1,674.5 G".
  if (!exponent && !ordinal && !multiplied && !fraction && tok_e < toks.size() &&
      toks[tok_e].type == TokType::kWord && toks[tok_e].gap == kSpace &&
      (tok_e + 1 >= toks.size() || toks[tok_e + 1].gap != kGlued ||
       toks[tok_e + 1].type == TokType::kSym)) {
    const Tok& w = toks[tok_e];
    const double m =
        MultiplierWord(text.substr(w.begin, w.size()), false, currency, v, decimals > 0);
    if (m > 0) {
      v *= m;
      multiplied = true;
      end = w.end;
      tok_e += 1;
    }
  }
  if (!std::isfinite(v) || std::fabs(v) > 1e300) {
    out->skip_to = tok_e;
    return;
  }
  if (negative) v = -v;
  r.n.span = {toks[t].begin, static_cast<uint32_t>(end)};
  r.n.value = v;
  r.n.decimals = decimals;
  r.n.label = label;
  r.n.fraction = fraction;
  r.n.ordinal = ordinal;
  r.tok_b = t;
  r.tok_e = tok_e;
  r.grouped = grouped;
  r.multiplied = multiplied;
  r.negative = negative;
  r.integer = decimals == 0 && !fraction && !leading_dot && !exponent && !multiplied;
  r.plain = r.integer && !grouped && !negative && !label && !ordinal;
  r.leading_zero = !leading_dot && run_len(0) > 1 && text[runs[0].b] == '0' && nruns == 1;
  out->skip_to = tok_e;
  out->result = ordinal    ? DigitResult::kOrdinal
                : fraction ? DigitResult::kFraction
                           : DigitResult::kNumber;
}

}  // namespace witness::figures::internal
