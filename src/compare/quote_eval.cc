// PolNeAR scoring of quote extraction (see quote_eval.h for the definitions).
#include "compare/quote_eval.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::quotes::eval {
namespace {

namespace fs = std::filesystem;
using witness::text::Span;

struct Gold {
  std::vector<Span> content;
  std::vector<Span> source;
  bool direct = false;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

uint32_t Fnv(const std::string& s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

// Byte offset of each character index (code point), plus one past the end.
std::vector<uint32_t> CharToByte(const std::string& t) {
  std::vector<uint32_t> m;
  m.reserve(t.size() + 1);
  for (uint32_t i = 0; i < t.size(); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) m.push_back(i);
  }
  m.push_back(static_cast<uint32_t>(t.size()));
  return m;
}

// The code point at byte i and its length.
char32_t At(const std::string& t, uint32_t i, uint32_t* len) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if ((c >> 5) == 6 && i + 1 < t.size()) {
    *len = 2;
    return ((c & 0x1F) << 6) | (t[i + 1] & 0x3F);
  }
  if ((c >> 4) == 14 && i + 2 < t.size()) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}
char32_t Before(const std::string& t, uint32_t i) {
  if (i == 0) return 0;
  uint32_t b = i - 1;
  while (b > 0 && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
  uint32_t len;
  return At(t, b, &len);
}

bool IsOpenMark(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201E || c == 0xAB || c == 0x2018;
}
bool IsCloseMark(char32_t c) {
  return c == '"' || c == 0x201D || c == 0xBB || c == 0x2019 || c == 0x201C;
}
bool IsTrim(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == 0xA0 || IsOpenMark(c) || IsCloseMark(c) ||
         c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '-' ||
         c == 0x2014 || c == 0x2013 || c == '\'';
}

Span Trim(const std::string& t, Span s) {
  while (s.begin < s.end) {
    uint32_t len;
    if (!IsTrim(At(t, s.begin, &len))) break;
    s.begin += len;
  }
  while (s.end > s.begin) {
    uint32_t b = s.end - 1;
    while (b > s.begin && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
    uint32_t len;
    if (!IsTrim(At(t, b, &len))) break;
    s.end = b;
  }
  return s;
}

bool IsDirect(const std::string& t, const std::vector<Span>& segs) {
  if (segs.empty()) return false;
  Span first = segs.front(), last = segs.back();
  uint32_t b = first.begin;
  while (b < first.end && (t[b] == ' ' || t[b] == '\n')) ++b;
  uint32_t len;
  auto two = [&](uint32_t i) { return i + 1 < t.size() && t[i] == '\'' && t[i + 1] == '\''; };
  const bool opens = (b < first.end && IsOpenMark(At(t, b, &len))) ||
                     IsOpenMark(Before(t, first.begin)) || two(b) || (b >= 1 && two(b - 1)) ||
                     (first.begin >= 2 && two(first.begin - 2));
  uint32_t e = last.end;
  while (e > last.begin) {
    uint32_t p = e - 1;
    while (p > last.begin && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
    const char32_t c = At(t, p, &len);
    if (c == ' ' || c == '\n' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
        c == '?') {
      e = p;
      continue;
    }
    break;
  }
  bool closes = false;
  if (e > last.begin)
    closes = IsCloseMark(Before(t, e)) || (e >= 2 && two(e - 2)) || (e >= 1 && two(e - 1));
  if (!closes && last.end < t.size()) {
    uint32_t p = last.end;
    while (p < t.size() && (t[p] == '.' || t[p] == ',' || t[p] == ' ')) ++p;
    if (p < t.size()) closes = IsCloseMark(At(t, p, &len)) || two(p);
  }
  return opens && closes;
}

// Sorted, merged byte intervals of trimmed pieces.
std::vector<Span> Normalized(const std::string& t, const std::vector<Span>& pieces) {
  std::vector<Span> v;
  for (Span s : pieces) {
    s = Trim(t, s);
    if (s.end > s.begin) v.push_back(s);
  }
  std::sort(v.begin(), v.end(), [](Span a, Span b) { return a.begin < b.begin; });
  std::vector<Span> out;
  for (Span s : v) {
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

uint64_t Size(const std::vector<Span>& v) {
  uint64_t n = 0;
  for (Span s : v) n += s.end - s.begin;
  return n;
}
uint64_t Overlap(const std::vector<Span>& a, const std::vector<Span>& b) {
  uint64_t n = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const uint32_t lo = std::max(a[i].begin, b[j].begin), hi = std::min(a[i].end, b[j].end);
    if (hi > lo) n += hi - lo;
    if (a[i].end < b[j].end)
      ++i;
    else
      ++j;
  }
  return n;
}
bool Touches(const std::vector<Span>& a, Span s) {
  for (Span x : a) {
    if (x.begin < s.end && s.begin < x.end) return true;
  }
  return false;
}

std::vector<Gold> ParseAnn(const std::string& ann, const std::vector<uint32_t>& c2b) {
  std::map<std::string, std::vector<Span>> spans;
  std::vector<std::map<std::string, std::string>> events;
  std::istringstream in(ann);
  std::string line;
  const uint32_t nchars = static_cast<uint32_t>(c2b.size() - 1);
  auto byte = [&](uint32_t c) { return c2b[std::min(c, nchars)]; };
  while (std::getline(in, line)) {
    if (line.size() > 1 && line[0] == 'T' && isdigit(static_cast<unsigned char>(line[1]))) {
      const size_t tab1 = line.find('\t');
      const size_t tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string::npos) continue;
      const std::string id = line.substr(0, tab1);
      std::string mid =
          line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
      const size_t sp = mid.find(' ');
      if (sp == std::string::npos) continue;
      std::string offs = mid.substr(sp + 1);
      std::vector<Span> segs;
      std::istringstream os(offs);
      std::string seg;
      while (std::getline(os, seg, ';')) {
        unsigned a = 0, b = 0;
        if (std::sscanf(seg.c_str(), "%u %u", &a, &b) == 2 && b >= a)
          segs.push_back({byte(a), byte(b)});
      }
      spans[id] = segs;
    } else if (line.size() > 1 && line[0] == 'E') {
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      std::istringstream es(line.substr(tab + 1));
      std::string kv;
      std::map<std::string, std::string> ev;
      while (es >> kv) {
        const size_t colon = kv.find(':');
        if (colon != std::string::npos) ev[kv.substr(0, colon)] = kv.substr(colon + 1);
      }
      events.push_back(ev);
    }
  }
  std::vector<Gold> out;
  for (auto& ev : events) {
    Gold g;
    for (const char* k : {"Content", "Content2"}) {
      auto it = ev.find(k);
      if (it != ev.end() && spans.count(it->second)) {
        for (Span s : spans[it->second]) g.content.push_back(s);
      }
    }
    if (g.content.empty()) continue;
    std::sort(g.content.begin(), g.content.end(), [](Span a, Span b) { return a.begin < b.begin; });
    auto src = ev.find("Source");
    if (src != ev.end() && spans.count(src->second)) g.source = spans[src->second];
    out.push_back(std::move(g));
  }
  return out;
}

// Scores one set of predictions against one set of gold attributions.
Counts Score(const std::string& text, const witness::quotes::Extraction& ex,
             const std::vector<Gold>& gold, bool direct_only, const std::string& article,
             float min_conf, bool verbose) {
  Counts c;
  std::vector<std::vector<Span>> P, G;
  std::vector<const witness::quotes::Quote*> pq;
  std::vector<const Gold*> gq;
  for (const auto& q : ex.quotes) {
    if (q.confidence < min_conf) continue;
    if (direct_only && q.kind != witness::quotes::QuoteKind::kDirect) continue;
    P.push_back(Normalized(text, direct_only ? q.parts : std::vector<Span>{q.content}));
    pq.push_back(&q);
  }
  for (const auto& g : gold) {
    if (direct_only && !g.direct) continue;
    G.push_back(Normalized(text, g.content));
    gq.push_back(&g);
  }
  c.pred = P.size();
  c.gold = G.size();
  struct Pair {
    double j;
    size_t p, g;
  };
  std::vector<Pair> pairs;
  for (size_t i = 0; i < P.size(); ++i) {
    for (size_t k = 0; k < G.size(); ++k) {
      const uint64_t o = Overlap(P[i], G[k]);
      if (o == 0) continue;
      const double jac = double(o) / double(Size(P[i]) + Size(G[k]) - o);
      if (jac >= 0.5) pairs.push_back({jac, i, k});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.j > b.j; });
  std::vector<char> pu(P.size()), gu(G.size());
  for (const Pair& pr : pairs) {
    if (pu[pr.p] || gu[pr.g]) continue;
    pu[pr.p] = gu[pr.g] = 1;
    ++c.match;
    if (P[pr.p] == G[pr.g]) ++c.exact;
    const auto& q = *pq[pr.p];
    const Gold& g = *gq[pr.g];
    bool ok = false;
    if (q.speaker.end > q.speaker.begin) {
      ok = Touches(g.source, q.speaker);
      if (!ok && q.speaker_entity >= 0) {
        for (const auto& m : ex.mentions) {
          if (m.entity == q.speaker_entity && Touches(g.source, m.span)) ok = true;
        }
      }
    }
    if (ok) {
      ++c.speaker;
    } else if (verbose && direct_only) {
      std::string gs;
      for (Span s : g.source) gs += text.substr(s.begin, s.end - s.begin) + " ";
      std::printf("SPK %s: pred [%s -> %s] gold [%s] :: %.80s\n", article.c_str(),
                  text.substr(q.speaker.begin, q.speaker.end - q.speaker.begin).c_str(),
                  q.speaker_name.c_str(), gs.c_str(),
                  text.substr(q.content.begin, q.content.end - q.content.begin).c_str());
    }
  }
  if (verbose && direct_only) {
    for (size_t i = 0; i < P.size(); ++i) {
      if (!pu[i]) {
        const auto& q = *pq[i];
        std::printf("FP %s: [%s] %.1f %.120s\n", article.c_str(),
                    text.substr(q.speaker.begin, q.speaker.end - q.speaker.begin).c_str(),
                    q.confidence,
                    text.substr(q.content.begin, q.content.end - q.content.begin).c_str());
      }
    }
    for (size_t k = 0; k < G.size(); ++k) {
      if (!gu[k]) {
        const Gold& g = *gq[k];
        const Span s{g.content.front().begin, g.content.back().end};
        std::string gs;
        for (Span x : g.source) gs += text.substr(x.begin, x.end - x.begin) + " ";
        double best = 0;
        for (size_t i = 0; i < P.size(); ++i) {
          const uint64_t o = Overlap(P[i], G[k]);
          if (o) best = std::max(best, double(o) / double(Size(P[i]) + Size(G[k]) - o));
        }
        std::printf("FN %s: (best %.2f) [%s] %.120s\n", article.c_str(), best, gs.c_str(),
                    text.substr(s.begin, std::min<uint32_t>(s.end - s.begin, 400)).c_str());
      }
    }
  }
  return c;
}

void Add(Counts* c, const Counts& d) {
  c->pred += d.pred;
  c->gold += d.gold;
  c->match += d.match;
  c->exact += d.exact;
  c->speaker += d.speaker;
}

}  // namespace

double F1(uint64_t tp, uint64_t pred, uint64_t gold) {
  const double p = pred ? double(tp) / pred : 0, r = gold ? double(tp) / gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

bool IsHeldOut(const std::string& article) { return Fnv(article) % 5 == 0; }

StatusOr<Report> EvaluatePolnear(const std::string& dir_path, const Options& options) {
  const fs::path dir(dir_path);
  if (!fs::is_directory(dir / "text") || !fs::is_directory(dir / "attributions")) {
    return Status::NotFound(dir_path + ": no text/ and attributions/ folders (PolNeAR)");
  }
  std::map<std::string, std::string> ann_of;  // article -> first .ann by name
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".ann") continue;
    const size_t us = name.rfind('_');
    if (us == std::string::npos) continue;
    const std::string art = name.substr(0, us);
    auto it = ann_of.find(art);
    if (it == ann_of.end() || name < fs::path(it->second).filename().string())
      ann_of[art] = e.path().string();
  }
  Report report;
  for (const auto& [art, ann_path] : ann_of) {
    const fs::path txt = dir / "text" / (art + ".txt");
    if (!fs::exists(txt)) continue;
    const bool is_test = IsHeldOut(art);
    const std::string text = ReadAll(txt);
    const std::vector<uint32_t> c2b = CharToByte(text);
    std::vector<Gold> gold = ParseAnn(ReadAll(ann_path), c2b);
    for (Gold& g : gold) g.direct = IsDirect(text, g.content);
    auto ex = witness::quotes::ExtractFromBytes(text);
    if (!ex.ok()) return ex.status().Annotate(art);
    Scores& s = is_test ? report.held_out : report.dev;
    ++s.articles;
    Add(&s.direct, Score(text, *ex, gold, true, art, options.min_confidence, options.verbose));
    Add(&s.all, Score(text, *ex, gold, false, art, options.min_confidence, options.verbose));
  }
  report.overall = report.dev;
  report.overall.articles += report.held_out.articles;
  Add(&report.overall.direct, report.held_out.direct);
  Add(&report.overall.all, report.held_out.all);
  return report;
}

}  // namespace witness::quotes::eval
