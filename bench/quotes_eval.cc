// Quote and speaker extraction scored against PolNeAR (shared/data/attribution).
//
//   build/release/quotes_eval [DATA_DIR] [--min-conf=X] [--verbose]
//
// Definitions (gold direct quotes, matching, speaker, splits): src/compare/quote_eval.h.
#include <cstdio>
#include <filesystem>
#include <string>

#include "compare/quote_eval.h"

namespace {

using witness::quotes::eval::Counts;
using witness::quotes::eval::F1;
using witness::quotes::eval::Scores;

void PrintPRF(const char* name, uint64_t tp, uint64_t pred, uint64_t gold) {
  const double p = pred ? double(tp) / pred : 0, r = gold ? double(tp) / gold : 0;
  std::printf("  %-34s P %.3f  R %.3f  F1 %.3f   (tp %llu, predicted %llu, gold %llu)\n", name, p,
              r, F1(tp, pred, gold), static_cast<unsigned long long>(tp),
              static_cast<unsigned long long>(pred), static_cast<unsigned long long>(gold));
}

void Print(const char* title, const Scores& s) {
  std::printf("%s: %zu articles\n", title, s.articles);
  PrintPRF("direct quotes, content (overlap)", s.direct.match, s.direct.pred, s.direct.gold);
  PrintPRF("direct quotes, content (exact)", s.direct.exact, s.direct.pred, s.direct.gold);
  PrintPRF("direct quotes + right speaker", s.direct.speaker, s.direct.pred, s.direct.gold);
  PrintPRF("all attributions, content", s.all.match, s.all.pred, s.all.gold);
  PrintPRF("all attributions + right speaker", s.all.speaker, s.all.pred, s.all.gold);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = (std::filesystem::path(WITNESS_SHARED_DATA) / "attribution").string();
  witness::quotes::eval::Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--verbose") {
      options.verbose = true;
    } else if (a.rfind("--min-conf=", 0) == 0) {
      options.min_confidence = std::stof(a.substr(11));
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "usage: quotes_eval [DATA_DIR] [--min-conf=X] [--verbose]\n");
      return 2;
    } else {
      dir = a;
    }
  }
  auto report = witness::quotes::eval::EvaluatePolnear(dir, options);
  if (!report.ok()) {
    std::fprintf(stderr, "quotes_eval: %s\n", report.status().ToString().c_str());
    return 2;
  }
  std::printf(
      "PolNeAR (%s), first annotator per article; matching: Jaccard >= 0.5 of trimmed bytes%s\n",
      dir.c_str(), options.min_confidence > 0 ? ", low-confidence quotes ignored" : "");
  Print("dev (80%)", report->dev);
  Print("held-out (20%)", report->held_out);
  Print("overall", report->overall);
  return 0;
}
