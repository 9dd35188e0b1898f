// FindNumerals: the numeral pass over the tokens, then two joins:
//   - "X over Y" (Y not followed by a word), "X out of Y" (X <= Y) and "X in Y" (X < Y, Y not
//     a year) are fractions: "one over three", "two out of five hundred", "1 in twenty-one";
//   - three or more digit numerals joined by glued dashes ("+1-222-2222") are a chain.
// With NumberOptions::relative_ordinals, "last", "next", "penultimate"... are read first.
#include <algorithm>

#include "compare/numbers_internal.h"

namespace witness::figures::internal {
namespace {

struct Rel {
  uint32_t b, e;  // tokens
  bool end_anchor;
  double offset;
};

bool WordIs(const std::vector<Tok>& toks, uint32_t i, W id) {
  return i < toks.size() && toks[i].IsWord() && toks[i].id() == id && toks[i].gap != kBlank;
}

// Relative ordinals, longest patterns first.
void FindRelative(const std::vector<Tok>& toks, std::vector<Rel>* out) {
  const uint32_t n = static_cast<uint32_t>(toks.size());
  for (uint32_t t = 0; t < n; ++t) {
    if (!toks[t].IsWord()) continue;
    const W id = toks[t].id();
    const bool the = id == W::kThe;
    const uint32_t u = the ? t + 1 : t;
    if (u >= n) continue;
    // [the] last but one
    if (WordIs(toks, u, W::kLast) && WordIs(toks, u + 1, W::kBut) && WordIs(toks, u + 2, W::kOne)) {
      out->push_back({t, u + 3, true, -1});
      t = u + 2;
      continue;
    }
    // the one before the last [one]
    if (the && WordIs(toks, u, W::kOne) && WordIs(toks, u + 1, W::kBefore) &&
        WordIs(toks, u + 2, W::kThe) && WordIs(toks, u + 3, W::kLast)) {
      const uint32_t e = WordIs(toks, u + 4, W::kOne) ? u + 5 : u + 4;
      out->push_back({t, e, true, -1});
      t = e - 1;
      continue;
    }
    // [the] second/third to last; next to last
    if (toks[u].IsWord() && WordIs(toks, u + 1, W::kTo) && WordIs(toks, u + 2, W::kLast)) {
      const WordInfo& i = *toks[u].info;
      if (i.cls == NumClass::kOrd && !i.plural && i.value >= 2 && i.value <= 10) {
        out->push_back({t, u + 3, true, -(i.value - 1)});
        t = u + 2;
        continue;
      }
      if (i.id == W::kNext) {
        out->push_back({u, u + 3, true, -1});
        t = u + 2;
        continue;
      }
    }
    if (the) continue;
    switch (id) {
      case W::kPenultimate:
        out->push_back({t, t + 1, true, -1});
        break;
      case W::kAntepenultimate:
        out->push_back({t, t + 1, true, -2});
        break;
      case W::kLast:
        out->push_back({t, t + 1, true, 0});
        break;
      case W::kNext:
      case W::kPrevious:
      case W::kCurrent: {
        const double off = id == W::kNext ? 1 : id == W::kPrevious ? -1 : 0;
        const uint32_t e = WordIs(toks, t + 1, W::kOne) ? t + 2 : t + 1;
        out->push_back({t, e, false, off});
        t = e - 1;
        break;
      }
      default:
        break;
    }
  }
}

bool YearLike(const RawNumeral& r) {
  return r.plain && !r.n.words && r.n.value >= 1000 && r.n.value <= 2999 && r.n.span.size() == 4;
}

bool Joinable(const RawNumeral& r) {
  return !r.n.ordinal && !r.n.fraction && !r.n.vague && !r.n.in_chain && !r.n.label &&
         !r.n.relative;
}

// "X over Y", "X out of Y", "X in Y" as fractions.
void JoinFractions(const std::vector<Tok>& toks, std::vector<RawNumeral>* nums) {
  std::vector<RawNumeral>& v = *nums;
  if (v.size() < 2) return;
  size_t w = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i + 1 < v.size() && Joinable(v[i]) && Joinable(v[i + 1]) && v[i + 1].n.value > 0 &&
        v[i + 1].integer && v[i].integer) {
      const RawNumeral& x = v[i];
      const RawNumeral& y = v[i + 1];
      const uint32_t gap = y.tok_b - x.tok_e;
      bool join = false;
      if (gap == 1 && WordIs(toks, x.tok_e, W::kOver) && toks[y.tok_b].gap != kBlank) {
        join = y.tok_e >= toks.size() || !toks[y.tok_e].IsWord() || toks[y.tok_e].gap == kBlank;
      } else if (gap == 2 && WordIs(toks, x.tok_e, W::kOut) && WordIs(toks, x.tok_e + 1, W::kOf) &&
                 toks[y.tok_b].gap != kBlank) {
        join = x.n.value <= y.n.value;
      } else if (gap == 1 && WordIs(toks, x.tok_e, W::kIn) && toks[y.tok_b].gap != kBlank) {
        join = x.n.value >= 0 && x.n.value < y.n.value && !YearLike(y) && !x.multiplied &&
               !y.multiplied;
      }
      if (join) {
        RawNumeral r = x;
        r.tok_e = y.tok_e;
        r.n.span.end = y.n.span.end;
        r.n.value = x.n.value / y.n.value;
        r.n.fraction = true;
        r.n.words = x.n.words || y.n.words;
        r.integer = false;
        r.plain = false;
        r.grouped = false;
        v[w++] = r;
        ++i;
        continue;
      }
    }
    v[w++] = v[i];
  }
  v.resize(w);
}

// Digit numerals joined by glued dashes, three or more: phone numbers and the like.
void MarkDashChains(const std::vector<Tok>& toks, std::vector<RawNumeral>* nums) {
  std::vector<RawNumeral>& v = *nums;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j + 1 < v.size() && v[j + 1].tok_b == v[j].tok_e + 1 && !v[j].n.words &&
           !v[j + 1].n.words && toks[v[j].tok_e].type == TokType::kSym &&
           IsRangeDashCp(toks[v[j].tok_e].cp) && toks[v[j].tok_e].gap == kGlued &&
           toks[v[j + 1].tok_b].gap == kGlued) {
      ++j;
    }
    if (j - i >= 2) {
      for (size_t k = i; k <= j; ++k) v[k].n.in_chain = true;
    }
    i = j + 1;
  }
}

}  // namespace

void FindNumerals(std::string_view text, const std::vector<Tok>& toks, const NumberOptions& options,
                  std::vector<RawNumeral>* out) {
  out->clear();
  std::vector<Rel> rel;
  if (options.relative_ordinals) FindRelative(toks, &rel);
  size_t next_rel = 0;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t t = 0;
  while (t < n) {
    while (next_rel < rel.size() && rel[next_rel].e <= t) ++next_rel;
    if (next_rel < rel.size() && rel[next_rel].b <= t) {
      t = rel[next_rel].e;
      continue;
    }
    const Tok& tok = toks[t];
    if (tok.type == TokType::kOpaque) {
      ++t;
      continue;
    }
    if (DigitStart(toks, t) || StartsWordNumeral(tok)) {
      uint32_t stop = n;
      if (next_rel < rel.size()) stop = rel[next_rel].b;
      const size_t before = out->size();
      const uint32_t next = ParseWordNumerals(text, toks, t, out);
      // Numerals never overlap a relative ordinal.
      while (out->size() > before && out->back().tok_e > stop) out->pop_back();
      t = std::max(next, t + 1);
      if (t > stop && out->size() == before) t = stop;
      continue;
    }
    ++t;
  }
  JoinFractions(toks, out);
  MarkDashChains(toks, out);
  for (const Rel& r : rel) {
    RawNumeral x;
    x.tok_b = r.b;
    x.tok_e = r.e;
    x.n.span = {toks[r.b].begin, toks[r.e - 1].end};
    x.n.ordinal = true;
    x.n.relative = true;
    x.n.anchor_end = r.end_anchor;
    x.n.value = r.offset;
    x.n.words = true;
    out->push_back(x);
  }
  if (!rel.empty()) {
    std::stable_sort(out->begin(), out->end(), [](const RawNumeral& a, const RawNumeral& b) {
      return a.n.span.begin < b.n.span.begin;
    });
  }
}

}  // namespace witness::figures::internal
