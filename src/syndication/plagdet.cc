// The PAN measures; see plagdet.h for the definitions.
#include "syndication/plagdet.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace witness::syndication::eval {
namespace {

bool Overlaps(int64_t o1, int64_t l1, int64_t o2, int64_t l2) { return o2 + l2 > o1 && o2 < o1 + l1; }

bool Detects(const Annotation& c, const Annotation& d) {
  return c.this_ref == d.this_ref && c.source_ref == d.source_ref &&
         Overlaps(c.this_offset, c.this_length, d.this_offset, d.this_length) &&
         Overlaps(c.source_offset, c.source_length, d.source_offset, d.source_length);
}

// Characters of [off, off + len) covered by the union of the given ranges.
int64_t Covered(int64_t off, int64_t len, std::vector<std::pair<int64_t, int64_t>> ranges) {
  for (auto& r : ranges) {
    r.first = std::clamp(r.first, off, off + len);
    r.second = std::clamp(r.second, off, off + len);
  }
  std::sort(ranges.begin(), ranges.end());
  int64_t total = 0, reach = off;
  for (const auto& [b, e] : ranges) {
    const int64_t from = std::max(b, reach);
    if (e > from) total += e - from;
    reach = std::max(reach, e);
  }
  return total;
}

std::map<std::string, std::vector<const Annotation*>> ByThisRef(const std::vector<Annotation>& v) {
  std::map<std::string, std::vector<const Annotation*>> index;
  for (const Annotation& a : v) index[a.this_ref].push_back(&a);
  return index;
}

}  // namespace

double MacroRecall(const std::vector<Annotation>& cases, const std::vector<Annotation>& dets) {
  if (cases.empty() && dets.empty()) return 1;
  if (cases.empty() || dets.empty()) return 0;
  const auto det_index = ByThisRef(dets);
  double sum = 0;
  for (const Annotation& c : cases) {
    auto it = det_index.find(c.this_ref);
    if (it == det_index.end()) continue;
    std::vector<std::pair<int64_t, int64_t>> t, s;
    for (const Annotation* d : it->second) {
      if (!Detects(c, *d)) continue;
      t.emplace_back(d->this_offset, d->this_offset + d->this_length);
      s.emplace_back(d->source_offset, d->source_offset + d->source_length);
    }
    if (t.empty()) continue;
    const int64_t chars = c.this_length + c.source_length;
    if (chars <= 0) continue;
    sum += double(Covered(c.this_offset, c.this_length, t) +
                  Covered(c.source_offset, c.source_length, s)) / chars;
  }
  return sum / cases.size();
}

double MacroPrecision(const std::vector<Annotation>& cases, const std::vector<Annotation>& dets) {
  return MacroRecall(dets, cases);
}

double Granularity(const std::vector<Annotation>& cases, const std::vector<Annotation>& dets) {
  if (dets.empty()) return 1;
  const auto det_index = ByThisRef(dets);
  size_t detected = 0, total = 0;
  for (const Annotation& c : cases) {
    auto it = det_index.find(c.this_ref);
    if (it == det_index.end()) continue;
    size_t n = 0;
    for (const Annotation* d : it->second) n += Detects(c, *d);
    total += n;
    detected += n > 0;
  }
  return detected == 0 ? 1 : double(total) / detected;
}

double PlagdetScore(double recall, double precision, double granularity) {
  if ((recall == 0 && precision == 0) || recall < 0 || precision < 0 || granularity < 1) return 0;
  return (2 * recall * precision / (recall + precision)) / std::log2(1 + granularity);
}

Scores Evaluate(std::vector<Annotation> cases, std::vector<Annotation> detections) {
  for (auto* v : {&cases, &detections}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  Scores s;
  s.cases = cases.size();
  s.detections = detections.size();
  s.recall = MacroRecall(cases, detections);
  s.precision = MacroPrecision(cases, detections);
  s.granularity = Granularity(cases, detections);
  s.plagdet = PlagdetScore(s.recall, s.precision, s.granularity);
  return s;
}

namespace {

// The value of attribute `name` inside one tag's text; false when absent.
bool Attr(std::string_view tag, std::string_view name, std::string* out) {
  size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    const bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    size_t k = at + name.size();
    while (k < tag.size() && tag[k] == ' ') ++k;
    if (starts && k < tag.size() && tag[k] == '=') {
      ++k;
      while (k < tag.size() && tag[k] == ' ') ++k;
      if (k < tag.size() && (tag[k] == '"' || tag[k] == '\'')) {
        const char q = tag[k];
        const size_t end = tag.find(q, k + 1);
        if (end == std::string_view::npos) return false;
        out->assign(tag.substr(k + 1, end - k - 1));
        return true;
      }
    }
    at += name.size();
  }
  return false;
}

bool ToInt(const std::string& s, int64_t* v) {
  if (s.empty() || s.size() > 18) return false;
  int64_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + (c - '0');
  }
  *v = x;
  return true;
}

}  // namespace

StatusOr<std::vector<Annotation>> ParsePanXml(std::string_view xml, std::string_view name,
                                              std::string_view tag) {
  const size_t doc = xml.find("<document");
  if (doc == std::string_view::npos) {
    return Status::InvalidArgument(std::string(name) + ": no <document> element");
  }
  const size_t doc_end = xml.find('>', doc);
  std::string ref;
  if (doc_end == std::string_view::npos || !Attr(xml.substr(doc, doc_end - doc), "reference", &ref)) {
    return Status::InvalidArgument(std::string(name) + ": <document> has no reference");
  }
  std::vector<Annotation> out;
  size_t at = doc_end;
  while ((at = xml.find("<feature", at)) != std::string_view::npos) {
    const size_t end = xml.find('>', at);
    if (end == std::string_view::npos) {
      return Status::InvalidArgument(std::string(name) + ": unterminated <feature>");
    }
    const std::string_view t = xml.substr(at, end - at);
    at = end;
    std::string fname, v;
    if (!Attr(t, "name", &fname) || fname.size() < tag.size() ||
        fname.compare(fname.size() - tag.size(), tag.size(), tag) != 0) {
      continue;
    }
    Annotation a;
    a.this_ref = ref;
    bool ok = Attr(t, "this_offset", &v) && ToInt(v, &a.this_offset);
    ok = ok && Attr(t, "this_length", &v) && ToInt(v, &a.this_length);
    if (!ok) continue;
    if (Attr(t, "source_reference", &a.source_ref) && Attr(t, "source_offset", &v) &&
        ToInt(v, &a.source_offset) && Attr(t, "source_length", &v) && ToInt(v, &a.source_length)) {
      out.push_back(a);
    }
  }
  return out;
}

int64_t CharOffset(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  int64_t n = 0;
  for (size_t i = 0; i < byte; ++i) n += (static_cast<uint8_t>(text[i]) & 0xC0) != 0x80;
  return n;
}

}  // namespace witness::syndication::eval
