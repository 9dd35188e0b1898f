// align_eval: the aligner on the PAN 2013 text-alignment pairs, scored with PAN's plagdet
// (macro precision and recall, granularity) overall and per obfuscation class.
//
//   build/release/align_eval [--data DIR] [--limit N] [--set key=value ...]
//
// --limit N takes N pairs per class (spread evenly); --set overrides an AlignOptions field:
// seed_cosine, seed_dice, min_sentence_words, max_gap, passage_cosine, min_passage_words,
// summary_ratio, summary_gap, trim_to_matches (0/1), max_postings.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "syndication/pan_corpus.h"

using namespace witness::syndication;

namespace {

bool SetOption(AlignOptions* o, const std::string& kv) {
  const size_t eq = kv.find('=');
  if (eq == std::string::npos) return false;
  const std::string k = kv.substr(0, eq);
  const double v = std::atof(kv.c_str() + eq + 1);
  if (k == "seed_cosine") o->seed_cosine = v;
  else if (k == "ngram_words") o->ngram_words = static_cast<uint32_t>(v);
  else if (k == "seed_dice") o->seed_dice = v;
  else if (k == "seed_best_ratio") o->seed_best_ratio = v;
  else if (k == "extend_cosine") o->extend_cosine = v;
  else if (k == "strict_trim_cosine") o->strict_trim_cosine = v;
  else if (k == "min_sentence_words") o->min_sentence_words = static_cast<uint32_t>(v);
  else if (k == "max_gap") o->max_gap = static_cast<uint32_t>(v);
  else if (k == "passage_cosine") o->passage_cosine = v;
  else if (k == "min_passage_words") o->min_passage_words = static_cast<uint32_t>(v);
  else if (k == "summary_ratio") o->summary_ratio = v;
  else if (k == "summary_gap") o->summary_gap = static_cast<uint32_t>(v);
  else if (k == "trim_to_matches") o->trim_to_matches = v != 0;
  else if (k == "max_postings") o->max_postings = static_cast<uint32_t>(v);
  else return false;
  return true;
}

void Print(const char* name, const eval::Scores& s, size_t pairs) {
  std::printf("%-28s %5zu %6zu %6zu  %.4f  %.4f  %.4f  %.4f\n", name, pairs, s.cases,
              s.detections, s.precision, s.recall, s.granularity, s.plagdet);
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = std::string(WITNESS_SHARED_DATA) + "/text-reuse";
  size_t limit = 0;
  std::string verbose;  // a class whose pairs are listed one by one
  AlignOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--data" && i + 1 < argc) {
      root = argv[++i];
    } else if (arg == "--limit" && i + 1 < argc) {
      limit = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--verbose" && i + 1 < argc) {
      verbose = argv[++i];
    } else if (arg == "--set" && i + 1 < argc) {
      if (!SetOption(&options, argv[++i])) {
        std::fprintf(stderr, "align_eval: unknown option %s\n", argv[i]);
        return 2;
      }
    } else {
      std::fprintf(stderr, "usage: align_eval [--data DIR] [--limit N] [--set key=value]...\n");
      return 2;
    }
  }
  std::printf("%-28s %5s %6s %6s  %-6s  %-6s  %-6s  %-6s\n", "class", "pairs", "cases", "dets",
              "prec", "rec", "gran", "plagdet");
  std::vector<eval::Annotation> all_cases, all_dets;
  size_t all_pairs = 0;
  double seconds = 0;
  for (const std::string& klass : eval::PanClasses()) {
    auto pairs = eval::LoadPanClass(root, klass, limit);
    if (!pairs.ok()) {
      std::fprintf(stderr, "align_eval: %s\n", pairs.status().ToString().c_str());
      return 1;
    }
    auto run = eval::RunPan(root, *pairs, options);
    if (!run.ok()) {
      std::fprintf(stderr, "align_eval: %s\n", run.status().ToString().c_str());
      return 1;
    }
    std::vector<eval::Annotation> cases;
    for (const auto& p : *pairs) cases.insert(cases.end(), p.truth.begin(), p.truth.end());
    if (klass == verbose) {
      for (const auto& p : *pairs) {
        std::vector<eval::Annotation> dets;
        for (const auto& d : run->detections) {
          if (d.this_ref == p.susp && d.source_ref == p.src) dets.push_back(d);
        }
        const eval::Scores s = eval::Evaluate(p.truth, dets);
        std::printf("%s %s  plagdet %.3f\n", p.susp.c_str(), p.src.c_str(), s.plagdet);
        for (const auto& t : p.truth) {
          std::printf("   truth %6lld+%-5lld  %6lld+%-5lld\n", (long long)t.this_offset,
                      (long long)t.this_length, (long long)t.source_offset, (long long)t.source_length);
        }
        for (const auto& d : dets) {
          std::printf("   found %6lld+%-5lld  %6lld+%-5lld\n", (long long)d.this_offset,
                      (long long)d.this_length, (long long)d.source_offset, (long long)d.source_length);
        }
      }
    }
    Print(klass.c_str(), eval::Evaluate(cases, run->detections), pairs->size());
    all_cases.insert(all_cases.end(), cases.begin(), cases.end());
    all_dets.insert(all_dets.end(), run->detections.begin(), run->detections.end());
    all_pairs += pairs->size();
    seconds += run->seconds;
  }
  Print("overall", eval::Evaluate(all_cases, all_dets), all_pairs);
  std::printf("aligned %zu pairs in %.2f s (%.0f pairs/s)\n", all_pairs, seconds,
              all_pairs / seconds);
  return 0;
}
