// Loading and running the PAN text-alignment corpus.
#include "syndication/pan_corpus.h"

#include <chrono>
#include <fstream>
#include <sstream>

namespace witness::syndication::eval {
namespace {

StatusOr<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Stem(const std::string& name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0
             ? name.substr(0, name.size() - 4)
             : name;
}

}  // namespace

std::vector<std::string> PanClasses() {
  return {"01-no-plagiarism", "02-no-obfuscation", "03-random-obfuscation",
          "04-translation-obfuscation", "05-summary-obfuscation"};
}

StatusOr<std::vector<PanPair>> LoadPanClass(const std::string& root, const std::string& klass,
                                            size_t limit) {
  auto list = ReadAll(root + "/" + klass + "/pairs");
  if (!list.ok()) return list.status();
  std::vector<std::pair<std::string, std::string>> names;
  std::istringstream lines(*list);
  std::string susp, src;
  while (lines >> susp >> src) names.emplace_back(susp, src);
  std::vector<PanPair> out;
  const size_t n = names.size();
  const size_t take = limit == 0 || limit > n ? n : limit;
  for (size_t k = 0; k < take; ++k) {
    const auto& [s, r] = names[k * n / take];
    PanPair p{klass, s, r, {}};
    const std::string xml_path = root + "/" + klass + "/" + Stem(s) + "-" + Stem(r) + ".xml";
    auto xml = ReadAll(xml_path);
    if (!xml.ok()) return xml.status();
    auto truth = ParsePanXml(*xml, xml_path);
    if (!truth.ok()) return truth.status();
    p.truth = std::move(*truth);
    out.push_back(std::move(p));
  }
  return out;
}

StatusOr<PanResult> RunPan(const std::string& root, const std::vector<PanPair>& pairs,
                           const AlignOptions& options) {
  PanResult r;
  const auto t0 = std::chrono::steady_clock::now();
  for (const PanPair& p : pairs) {
    auto a = ReadAll(root + "/susp/" + p.susp);
    if (!a.ok()) return a.status();
    auto b = ReadAll(root + "/src/" + p.src);
    if (!b.ok()) return b.status();
    for (const Passage& ps : AlignRaw(*a, *b, options)) {
      Annotation d;
      d.this_ref = p.susp;
      d.source_ref = p.src;
      d.this_offset = CharOffset(*a, ps.a.begin);
      d.this_length = CharOffset(*a, ps.a.end) - d.this_offset;
      d.source_offset = CharOffset(*b, ps.b.begin);
      d.source_length = CharOffset(*b, ps.b.end) - d.source_offset;
      r.detections.push_back(std::move(d));
    }
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace witness::syndication::eval
