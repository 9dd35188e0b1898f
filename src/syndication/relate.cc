// Relate(): relation, shared fractions and likely origin of two aligned articles.
//
// Fractions count words. Passages that are quotation in both texts are set aside (outlets
// quoting one speech did not copy each other). When judging the relation, paragraphs of a
// text that share nothing and look like page furniture do not count in its body: headline,
// caption and tag lines (short, no sentence-final punctuation), blocks with a boilerplate cue
// ("subscribe", "all rights reserved", "read more", ...), and text that addresses the reader
// (you, your, we, our outside quotation marks).
#include <algorithm>
#include <cctype>

#include "syndication/prepare.h"
#include "syndication/relate_internal.h"

namespace witness::syndication {
namespace {

constexpr std::string_view kFurnitureCues[] = {
    "subscribe",        "subscription",     "newsletter",       "all rights reserved",
    "copyright",        "\u00A9",           "read more",        "also read",
    "click here",       "sign up",          "follow us",        "telegram channel",
    "whatsapp",         "advertisement",    "cookies",          "download the app",
    "share this",       "photo:",           "reporting by",     "editing by",
    "writing by",       "our standards",    "trust principles", "dear reader",
    "read entire article", "support quality journalism", "related articles", "recommended for you",
};

bool HasCue(std::string_view lower) {
  for (std::string_view cue : kFurnitureCues) {
    if (lower.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

bool EndsSentence(std::string_view para) {
  while (!para.empty() && (para.back() == ' ' || para.back() == '\n')) para.remove_suffix(1);
  if (para.empty()) return false;
  const char c = para.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')') return true;
  // Closing curly quotes (U+201D, U+2019) end sentences too.
  return para.size() >= 3 && (para.substr(para.size() - 3) == "\u201D" ||
                              para.substr(para.size() - 3) == "\u2019");
}

bool IsReaderAddress(std::string_view lower_word) {
  return lower_word == "you" || lower_word == "your" || lower_word == "we" ||
         lower_word == "our" || lower_word == "us" || lower_word == "you're";
}

// Words of each paragraph that count in the body: 0 for furniture that shares nothing.
uint32_t BodyWords(const internal::Prepared& p, const std::vector<uint8_t>& covered,
                   bool discount) {
  uint32_t body = 0;
  for (const internal::Paragraph& para : p.paragraphs) {
    const uint32_t n = para.end_word - para.first_word;
    bool shared = false;
    uint32_t address = 0;
    for (uint32_t w = para.first_word; w < para.end_word; ++w) {
      shared = shared || covered[w];
      if (!p.words[w].quoted) {
        std::string word(p.text.substr(p.words[w].begin, p.words[w].end - p.words[w].begin));
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        address += IsReaderAddress(word);
      }
    }
    if (discount && !shared) {
      const std::string_view text = p.text.substr(para.begin, para.end - para.begin);
      std::string lower(text);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const bool short_line = n < 4 || (n < 20 && !EndsSentence(text));
      const bool reader = address >= 3 && address * 25 >= n;
      if (short_line || HasCue(lower) || reader) continue;
    }
    body += n;
  }
  return body;
}

// Indices [lo, hi) of the words of `p` inside span `s`.
std::pair<uint32_t, uint32_t> WordRange(const internal::Prepared& p, text::Span s) {
  auto lo = std::lower_bound(p.words.begin(), p.words.end(), s.begin,
                             [](const internal::Word& w, uint32_t x) { return w.begin < x; });
  auto hi = lo;
  while (hi != p.words.end() && hi->end <= s.end) ++hi;
  return {static_cast<uint32_t>(lo - p.words.begin()), static_cast<uint32_t>(hi - p.words.begin())};
}

// Marks in *ca / *cb the words of passage (sa, sb) that were copied: words inside runs of
// kRun content words that occur in the same order on both sides, with gaps of at most kGap
// words between runs filled (a word changed, added or dropped). Runs that are nearly all
// quotation on both sides are left out: two outlets quoting one speech did not copy.
// Returns false when everything shared was quotation.
bool MarkCopied(const internal::Prepared& pa, text::Span sa, const internal::Prepared& pb,
                text::Span sb, std::vector<uint8_t>* ca, std::vector<uint8_t>* cb) {
  constexpr uint32_t kRun = 4, kGap = 8, kMinStretch = 8;
  auto [a0, a1] = WordRange(pa, sa);
  auto [b0, b1] = WordRange(pb, sb);
  auto content = [](const internal::Prepared& p, uint32_t lo, uint32_t hi) {
    std::vector<uint32_t> c;
    for (uint32_t w = lo; w < hi; ++w) {
      if (!p.words[w].stop) c.push_back(w);
    }
    return c;
  };
  const std::vector<uint32_t> xa = content(pa, a0, a1), xb = content(pb, b0, b1);
  if (xa.size() < kRun || xb.size() < kRun) return false;
  auto key = [](const internal::Prepared& p, const std::vector<uint32_t>& x, size_t at) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (uint32_t d = 0; d < kRun; ++d) h = (h ^ p.words[x[at + d]].term) * 0x100000001B3ull;
    return h;
  };
  std::vector<std::pair<uint64_t, uint32_t>> wb;
  for (size_t i = 0; i + kRun <= xb.size(); ++i) wb.emplace_back(key(pb, xb, i), i);
  std::sort(wb.begin(), wb.end());
  std::vector<uint8_t> ma(a1 - a0, 0), mb(b1 - b0, 0);
  for (size_t i = 0; i + kRun <= xa.size(); ++i) {
    const uint64_t h = key(pa, xa, i);
    auto it = std::lower_bound(wb.begin(), wb.end(), std::make_pair(h, uint32_t{0}));
    if (it == wb.end() || it->first != h) continue;
    for (uint32_t w = xa[i]; w <= xa[i + kRun - 1]; ++w) ma[w - a0] = 1;
    for (; it != wb.end() && it->first == h; ++it) {
      for (uint32_t w = xb[it->second]; w <= xb[it->second + kRun - 1]; ++w) mb[w - b0] = 1;
    }
  }
  auto fill = [](std::vector<uint8_t>* m) {
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < m->size(); ++i) {
      if (!(*m)[i]) continue;
      if (last != SIZE_MAX && i - last - 1 <= kGap) {
        for (size_t k = last + 1; k < i; ++k) (*m)[k] = 1;
      }
      last = i;
    }
  };
  fill(&ma);
  fill(&mb);
  // Keep stretches of at least kMinStretch content words that are not mostly quotation
  // (shared names and quoted phrases are what independent reports have in common).
  auto keep = [](const internal::Prepared& p, std::vector<uint8_t>* m, uint32_t lo) {
    bool any = false;
    for (size_t i = 0; i < m->size();) {
      if (!(*m)[i]) {
        ++i;
        continue;
      }
      size_t j = i;
      uint32_t n = 0, q = 0;
      while (j < m->size() && (*m)[j]) {
        if (!p.words[lo + j].stop) {
          ++n;
          q += p.words[lo + j].quoted;
        }
        ++j;
      }
      const bool drop = n < kMinStretch || q * 10 >= n * 7;
      for (size_t k = i; k < j; ++k) (*m)[k] = drop ? 0 : 1;
      any = any || !drop;
      i = j;
    }
    return any;
  };
  const bool kept_a = keep(pa, &ma, a0), kept_b = keep(pb, &mb, b0);
  if (!kept_a || !kept_b) return false;
  for (size_t i = 0; i < ma.size(); ++i) (*ca)[a0 + i] |= ma[i];
  for (size_t i = 0; i < mb.size(); ++i) (*cb)[b0 + i] |= mb[i];
  return true;
}

}  // namespace

const char* RelationName(Relation r) {
  switch (r) {
    case Relation::kNone: return "none";
    case Relation::kNearCopy: return "near-copy";
    case Relation::kContains: return "contains";
    case Relation::kContainedIn: return "contained-in";
    case Relation::kSharesPassages: return "shares-passages";
  }
  return "none";
}

Relation Reverse(Relation r) {
  if (r == Relation::kContains) return Relation::kContainedIn;
  if (r == Relation::kContainedIn) return Relation::kContains;
  return r;
}

PairReport Relate(const Article& a, const Article& b, const std::vector<Passage>& passages,
                  const RelateOptions& o) {
  PairReport r;
  thread_local text::Analyzer analyzer;
  internal::Prepared pa, pb;
  internal::Prepare(a.text, 3, &analyzer, &pa);
  internal::Prepare(b.text, 3, &analyzer, &pb);
  std::vector<uint8_t> ca(pa.words.size(), 0), cb(pb.words.size(), 0);
  for (const Passage& p : passages) {
    if (p.a.end > a.text.size() || p.b.end > b.text.size() || p.a.end < p.a.begin ||
        p.b.end < p.b.begin) {
      continue;  // not passages of these texts
    }
    if (p.quoted || !MarkCopied(pa, p.a, pb, p.b, &ca, &cb)) {
      ++r.quoted_passages;
      continue;
    }
    ++r.passages;
  }
  r.shared_words_a = static_cast<uint32_t>(std::count(ca.begin(), ca.end(), 1));
  r.shared_words_b = static_cast<uint32_t>(std::count(cb.begin(), cb.end(), 1));
  r.words_a = std::max(BodyWords(pa, ca, o.discount_furniture), r.shared_words_a);
  r.words_b = std::max(BodyWords(pb, cb, o.discount_furniture), r.shared_words_b);
  r.shared_a = r.words_a ? double(r.shared_words_a) / r.words_a : 0;
  r.shared_b = r.words_b ? double(r.shared_words_b) / r.words_b : 0;

  const uint32_t most = std::max(r.shared_words_a, r.shared_words_b);
  const bool significant =
      r.passages > 0 && (most >= o.min_shared_words ||
                         (most >= 12 && std::max(r.shared_a, r.shared_b) >= o.min_shared_fraction));
  if (!significant) {
    r.relation = Relation::kNone;
  } else if (r.shared_a >= o.near_copy && r.shared_b >= o.near_copy) {
    r.relation = Relation::kNearCopy;
  } else if (r.shared_b >= o.contained) {
    r.relation = Relation::kContains;
  } else if (r.shared_a >= o.contained) {
    r.relation = Relation::kContainedIn;
  } else {
    r.relation = Relation::kSharesPassages;
  }
  if (r.relation != Relation::kNone) {
    r.origin = internal::JudgeOrigin(internal::FactsOf(a), internal::FactsOf(b), r.relation);
  }
  return r;
}

}  // namespace witness::syndication
