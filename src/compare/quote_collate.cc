// CollateQuotes and DiffWords (rules in witness/quotes.h).
//
// Each quote becomes a sequence of content stems: its quoted words (direct and partial: the
// parts; indirect: the clause), matching keys with British spellings folded to American
// ones ("colour" -> "color", "destabilise" -> "destabilize", "fuelling" -> "fueling"),
// stopwords and punctuation dropped, Snowball-stemmed. Two quotes score
//   0.5 * shared / min(|a|, |b|) + 0.5 * LCS(a, b) / min(|a|, |b|)
// (shared: multiset intersection). Quotes are taken longest first; each joins the existing
// group where its best score with a member is highest, when that score reaches the
// threshold, at least `min_shared` stems are shared and the speakers are compatible (same
// canonical name or surname; a quote without a speaker needs the threshold + 0.15); else it
// starts a group. Long quotes thus seed the groups and fragments attach to their best match;
// groups never merge, so a short fragment cannot chain two utterances together.
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>

#include "compare/speaker_lexicon.h"
#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::quotes {
namespace {

constexpr size_t kMaxLcs = 400;  // stems per quote considered by the LCS (quotes are short)

// The most common key (ties: the longest, then the first in order); "" when there is none.
std::string MostCommon(const std::map<std::string, size_t>& counts) {
  std::string best;
  size_t best_count = 0;
  for (const auto& [key, count] : counts) {
    if (count > best_count || (count == best_count && key.size() > best.size())) {
      best = key;
      best_count = count;
    }
  }
  return best;
}

// The speaker mention of an unresolved quote as written, when it describes someone
// ("the regional electoral office", "a police spokesman"): "" for no mention or a pronoun.
// A leading capital "The"/"A" (the mention opened the sentence) is lowered.
std::string SpeakerPhrase(const QuoteInput& q) {
  const Span s = q.quote.speaker;
  if (s.end <= s.begin || s.end > q.text.size()) return "";
  std::string phrase(s.in(q.text));
  if (phrase.find(' ') == std::string::npos) {
    char buf[16];
    const std::string_view lower = internal::LowerAscii(phrase, buf, sizeof buf);
    const internal::LexEntry* e = lower.empty() ? nullptr : internal::Lookup(lower);
    if (e != nullptr && (e->cats & internal::kPronoun) != 0) return "";
  }
  for (std::string_view det : {"The ", "A ", "An "}) {
    if (phrase.size() > det.size() && phrase.compare(0, det.size(), det) == 0) {
      phrase[0] = static_cast<char>(phrase[0] - 'A' + 'a');
      break;
    }
  }
  return phrase;
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// British -> American spelling on a matching key. Both sides get the same fold, so a fold
// that over-reaches only merges words that were alike already.
std::string FoldSpelling(std::string_view key) {
  std::string k(key);
  // Accents off: "d'état" = "d'etat".
  for (unsigned char c : k) {
    if (c >= 0x80) {
      utf8proc_uint8_t* out = nullptr;
      const utf8proc_ssize_t n = utf8proc_map(
          reinterpret_cast<const utf8proc_uint8_t*>(k.data()),
          static_cast<utf8proc_ssize_t>(k.size()), &out,
          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
      if (n >= 0 && out != nullptr) k.assign(reinterpret_cast<char*>(out), static_cast<size_t>(n));
      std::free(out);
      break;
    }
  }
  if (k.size() > 5 && EndsWith(k, "our") && k != "favour") k.erase(k.size() - 2, 1);  // colour
  if (k.size() > 5 && EndsWith(k, "ours")) k.erase(k.size() - 3, 1);
  static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
      {"isation", "ization"},   {"isations", "izations"}, {"ise", "ize"},
      {"ised", "ized"},         {"ises", "izes"},         {"ising", "izing"},
      {"yse", "yze"},           {"ysed", "yzed"},         {"lled", "led"},
      {"lling", "ling"},        {"centre", "center"},     {"defence", "defense"},
      {"programme", "program"}, {"favour", "favor"},
  };
  for (const auto& [from, to] : kSuffixes) {
    if (k.size() > from.size() + 2 && EndsWith(k, from)) {
      k.replace(k.size() - from.size(), from.size(), to);
      break;
    }
  }
  return k;
}

struct Wording {
  std::string display;             // parts joined by " ... "
  std::vector<std::string> stems;  // content stems in order
  std::string key;                 // all word keys joined: the variant identity
};

Wording MakeWording(const QuoteInput& in, text::Analyzer* analyzer) {
  Wording w;
  std::vector<text::Span> pieces = in.quote.parts;
  if (pieces.empty() || in.quote.kind == QuoteKind::kIndirect) pieces = {in.quote.content};
  for (const text::Span& p : pieces) {
    if (p.end <= p.begin || p.end > in.text.size()) continue;
    std::string_view piece = in.text.substr(p.begin, p.end - p.begin);
    std::string owned;
    if (!text::IsValidUtf8(piece)) {
      owned = text::Normalize(piece).text;
      piece = owned;
    }
    if (!w.display.empty()) w.display += " ... ";
    w.display.append(piece);
    const text::Segmentation seg = text::Segment(piece);
    for (const text::Token& t : seg.tokens) {
      if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
      const std::string key = FoldSpelling(analyzer->Key(piece, t));
      if (!w.key.empty()) w.key += ' ';
      w.key += key;
      if (analyzer->IsStopword(key)) continue;
      w.stems.emplace_back(analyzer->Stem(key));
    }
  }
  return w;
}

size_t Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = std::min(a.size(), kMaxLcs), m = std::min(b.size(), kMaxLcs);
  std::vector<uint16_t> prev(m + 1, 0), cur(m + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? static_cast<uint16_t>(prev[j - 1] + 1)
                                    : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[m];
}

size_t Shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::string_view, int> count;
  for (const std::string& s : a) ++count[s];
  size_t n = 0;
  for (const std::string& s : b) {
    auto it = count.find(s);
    if (it != count.end() && it->second > 0) {
      --it->second;
      ++n;
    }
  }
  return n;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string Surname(std::string_view name) {
  const size_t sp = name.rfind(' ');
  return Lower(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

bool SpeakersCompatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return true;
  return Lower(a) == Lower(b) || Surname(a) == Surname(b);
}

// One analyzer per thread, reused across calls (text.h: building one costs a 1 MiB table).
text::Analyzer& ThreadAnalyzer() {
  thread_local text::Analyzer analyzer;
  return analyzer;
}

}  // namespace

std::string_view DiffOpName(DiffOp::Op op) {
  switch (op) {
    case DiffOp::Op::kEqual:
      return "equal";
    case DiffOp::Op::kInsert:
      return "insert";
    case DiffOp::Op::kDelete:
      return "delete";
    case DiffOp::Op::kReplace:
      return "replace";
  }
  return "equal";
}

namespace {

std::vector<DiffOp> Diff(std::string_view reference, std::string_view variant,
                         text::Analyzer& analyzer) {
  struct Words {
    std::string text;
    std::vector<text::Span> spans;
    std::vector<std::string> keys;
  };
  auto words_of = [&](std::string_view s) {
    Words w;
    w.text = text::IsValidUtf8(s) ? std::string(s) : text::Normalize(s).text;
    const text::Segmentation seg = text::Segment(w.text);
    for (const text::Token& t : seg.tokens) {
      if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
      w.spans.push_back(t.span);
      w.keys.push_back(FoldSpelling(analyzer.Key(w.text, t)));
    }
    return w;
  };
  const Words a = words_of(reference), b = words_of(variant);
  const size_t n = a.keys.size(), m = b.keys.size();
  // Common prefix and suffix first; the LCS table covers the middle only (bounded).
  size_t pre = 0;
  while (pre < n && pre < m && a.keys[pre] == b.keys[pre]) ++pre;
  size_t suf = 0;
  while (suf < n - pre && suf < m - pre && a.keys[n - 1 - suf] == b.keys[m - 1 - suf]) ++suf;
  const size_t an = n - pre - suf, bm = m - pre - suf;
  // Edit script of the middle: 0 equal, 1 delete (from a), 2 insert (from b).
  struct Step {
    int kind;
    size_t ai, bi;
  };
  std::vector<Step> script;
  if (an * bm <= 4'000'000) {
    std::vector<std::vector<uint16_t>> L(an + 1, std::vector<uint16_t>(bm + 1, 0));
    for (size_t i = an; i-- > 0;) {
      for (size_t j = bm; j-- > 0;) {
        L[i][j] = a.keys[pre + i] == b.keys[pre + j] ? static_cast<uint16_t>(L[i + 1][j + 1] + 1)
                                                     : std::max(L[i + 1][j], L[i][j + 1]);
      }
    }
    size_t i = 0, j = 0;
    while (i < an || j < bm) {
      if (i < an && j < bm && a.keys[pre + i] == b.keys[pre + j]) {
        script.push_back({0, pre + i, pre + j});
        ++i;
        ++j;
      } else if (j < bm && (i == an || L[i][j + 1] >= L[i + 1][j])) {
        script.push_back({2, 0, pre + j++});
      } else {
        script.push_back({1, pre + i++, 0});
      }
    }
  } else {  // too long for a table: the middle is one replacement
    for (size_t i = 0; i < an; ++i) script.push_back({1, pre + i, 0});
    for (size_t j = 0; j < bm; ++j) script.push_back({2, 0, pre + j});
  }
  std::vector<DiffOp> ops;
  auto word = [](const Words& w, size_t i) {
    return std::string(w.text.substr(w.spans[i].begin, w.spans[i].end - w.spans[i].begin));
  };
  auto append = [](std::string* s, const std::string& w) {
    if (!s->empty()) *s += ' ';
    *s += w;
  };
  auto push = [&](DiffOp::Op op, const std::string& from, const std::string& to) {
    if (!ops.empty()) {
      DiffOp& last = ops.back();
      const bool change = op != DiffOp::Op::kEqual;
      const bool last_change = last.op != DiffOp::Op::kEqual;
      if (last.op == op || (change && last_change)) {
        if (!from.empty()) append(&last.from, from);
        if (!to.empty()) append(&last.to, to);
        if (change && last.op != op) last.op = DiffOp::Op::kReplace;
        if (last.op == DiffOp::Op::kReplace && (last.from.empty() || last.to.empty())) {
          last.op = last.from.empty() ? DiffOp::Op::kInsert : DiffOp::Op::kDelete;
        }
        return;
      }
    }
    ops.push_back({op, from, to});
  };
  for (size_t i = 0; i < pre; ++i) push(DiffOp::Op::kEqual, word(a, i), word(b, i));
  for (const Step& st : script) {
    if (st.kind == 0) {
      push(DiffOp::Op::kEqual, word(a, st.ai), word(b, st.bi));
    } else if (st.kind == 1) {
      push(DiffOp::Op::kDelete, word(a, st.ai), "");
    } else {
      push(DiffOp::Op::kInsert, "", word(b, st.bi));
    }
  }
  for (size_t k = 0; k < suf; ++k)
    push(DiffOp::Op::kEqual, word(a, n - suf + k), word(b, m - suf + k));
  return ops;
}

}  // namespace

std::vector<DiffOp> DiffWords(std::string_view reference, std::string_view variant) {
  return Diff(reference, variant, ThreadAnalyzer());
}

std::string QuoteGroup::SpeakerLabel() const {
  if (!speaker.empty()) return speaker;
  return speaker_phrase.empty() ? "(speaker unknown)" : speaker_phrase;
}

std::vector<QuoteGroup> CollateQuotes(const std::vector<QuoteInput>& in,
                                      const CollateOptions& options) {
  text::Analyzer& analyzer = ThreadAnalyzer();
  std::vector<Wording> words;
  words.reserve(in.size());
  for (const QuoteInput& q : in) words.push_back(MakeWording(q, &analyzer));
  // Longest first (stable: ties by input order).
  std::vector<size_t> order(in.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return words[a].stems.size() > words[b].stems.size();
  });
  // The best group for quote q among `groups` (skipping `self`), and its score.
  auto best_group = [&](size_t q, const std::vector<std::vector<size_t>>& groups, size_t self,
                        float* score) {
    int best = -1;
    float best_score = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (g == self || groups[g].empty()) continue;
      bool compatible = true;
      for (size_t m : groups[g]) {
        if (!SpeakersCompatible(in[q].quote.speaker_name, in[m].quote.speaker_name)) {
          compatible = false;
          break;
        }
      }
      if (!compatible) continue;
      float g_best = 0;
      for (size_t m : groups[g]) {
        const auto& a = words[q].stems;
        const auto& b = words[m].stems;
        const size_t shared = Shared(a, b);
        if (shared < options.min_shared) continue;
        const double shorter = static_cast<double>(std::min(a.size(), b.size()));
        const float sc = static_cast<float>(0.5 * shared / shorter + 0.5 * Lcs(a, b) / shorter);
        const float need =
            options.threshold +
            (in[q].quote.speaker_name.empty() || in[m].quote.speaker_name.empty() ? 0.15f : 0.f);
        if (sc >= need) g_best = std::max(g_best, sc);
      }
      if (g_best > best_score) {
        best_score = g_best;
        best = static_cast<int>(g);
      }
    }
    *score = best_score;
    return best;
  };
  std::vector<std::vector<size_t>> groups;
  std::vector<float> group_min;
  for (size_t q : order) {
    if (words[q].stems.empty()) continue;
    float score = 0;
    const int best = best_group(q, groups, SIZE_MAX, &score);
    if (best < 0) {
      groups.push_back({q});
      group_min.push_back(1.f);
    } else {
      groups[best].push_back(q);
      group_min[best] = std::min(group_min[best], score);
    }
  }
  // Second pass: a quote left alone may join a group that shorter quotes completed later.
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].size() != 1) continue;
    float score = 0;
    const int best = best_group(groups[g][0], groups, g, &score);
    if (best < 0 || groups[best].size() < 2) continue;
    groups[best].push_back(groups[g][0]);
    group_min[best] = std::min(group_min[best], score);
    groups[g].clear();
  }
  std::vector<QuoteGroup> out;
  for (size_t g = 0; g < groups.size(); ++g) {
    std::vector<size_t>& members = groups[g];
    if (members.empty() || (members.size() < 2 && !options.singletons)) continue;
    std::sort(members.begin(), members.end());
    QuoteGroup group;
    group.similarity = members.size() > 1 ? group_min[g] : 1.f;
    // The speaker: the most common canonical name (ties: the longest).
    std::map<std::string, size_t> names;
    for (size_t m : members) {
      if (!in[m].quote.speaker_name.empty()) ++names[in[m].quote.speaker_name];
    }
    group.speaker = MostCommon(names);
    if (group.speaker.empty()) {
      std::map<std::string, size_t> phrases;
      for (size_t m : members) {
        const std::string phrase = SpeakerPhrase(in[m]);
        if (!phrase.empty()) ++phrases[phrase];
      }
      group.speaker_phrase = MostCommon(phrases);
    }
    // Variants: members with the same word keys.
    std::vector<QuoteVariant> variants;
    std::map<std::string, size_t> by_key;
    for (size_t m : members) {
      auto it = by_key.find(words[m].key);
      if (it == by_key.end()) {
        by_key[words[m].key] = variants.size();
        QuoteVariant v;
        v.text = words[m].display;
        variants.push_back(std::move(v));
        it = by_key.find(words[m].key);
      }
      QuoteVariant& v = variants[it->second];
      v.members.push_back(m);
      if (std::find(v.article_ids.begin(), v.article_ids.end(), in[m].article_id) ==
          v.article_ids.end()) {
        v.article_ids.push_back(in[m].article_id);
      }
      if (!in[m].source.empty() &&
          std::find(v.sources.begin(), v.sources.end(), in[m].source) == v.sources.end()) {
        v.sources.push_back(in[m].source);
      }
    }
    // The reference: among the full wordings (at least half the stems of the longest; a
    // quoted fragment is not a wording of the whole), the one with most members, then the
    // longest, then the earliest.
    size_t longest = 0;
    for (size_t m : members) longest = std::max(longest, words[m].stems.size());
    auto full = [&](const QuoteVariant& v) {
      return 2 * words[v.members.front()].stems.size() >= longest;
    };
    std::stable_sort(variants.begin(), variants.end(),
                     [&](const QuoteVariant& a, const QuoteVariant& b) {
                       if (full(a) != full(b)) return full(a);
                       if (a.members.size() != b.members.size())
                         return a.members.size() > b.members.size();
                       return a.text.size() > b.text.size();
                     });
    for (QuoteVariant& v : variants) v.diff = Diff(variants.front().text, v.text, analyzer);
    group.variants = std::move(variants);
    group.reference = 0;
    out.push_back(std::move(group));
  }
  std::sort(out.begin(), out.end(), [](const QuoteGroup& a, const QuoteGroup& b) {
    size_t fa = SIZE_MAX, fb = SIZE_MAX;
    for (const auto& v : a.variants) fa = std::min(fa, v.members.front());
    for (const auto& v : b.variants) fb = std::min(fb, v.members.front());
    return fa < fb;
  });
  return out;
}

}  // namespace witness::quotes
