// figures_eval: runs witness's number recogniser over the Microsoft Recognizers-Text English
// number specs (../shared/data/number-ranges) and prints pass rates per file.
//
//   build/release/figures_eval [--data DIR] [--verbose] [--file NAME]
//
// A case passes when the set of results equals the expected set exactly: each result is
// (Start, End inclusive, in UTF-16 code units; TypeName; Resolution value). witness's kinds
// are mapped to the specs' conventions here, and only here:
//   NumberModel*       numerals that are not ordinals, relative ordinals or vague
//                      quantities -> "number", value in .NET "G15" form ("0.5", "1E-07")
//   NumberRangeModel*  mentions with a comparative qualifier or a range -> "numberrange",
//                      "(20,35]", "[30,)", "(,100]"; ranges written with two numbers
//                      ("between 20 and 30", "20-30", "from 20 to 30") are "[20,30)" in
//                      the standard files and "[20,30]" in ExperimentalMode
//   OrdinalModel*      ordinal numerals -> "ordinal" with the rank; with relative ordinals
//                      on (not in SuppressExtendedTypes) -> "ordinal.relative", "end-1"
//   PercentModel*      percentage mentions -> "percentage", "20%"
// Core files (the goal): NumberModel, NumberRangeModel, OrdinalModel, PercentModel.
// Optional (they change the expected behaviour): the ExperimentalMode, PercentMode and
// SuppressExtendedTypes variants.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "compare/figure_recognizers_eval.h"
#include "witness/figures.h"

namespace fs = std::filesystem;
using witness::figures::eval::FileSpec;

int main(int argc, char** argv) {
  std::string dir = std::string(WITNESS_SHARED_DATA) + "/number-ranges";
  bool verbose = false;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--verbose" || a == "-v") {
      verbose = true;
    } else if (a == "--file" && i + 1 < argc) {
      only = argv[++i];
    } else {
      std::cerr << "usage: figures_eval [--data DIR] [--verbose] [--file NAME]\n";
      return 2;
    }
  }
  if (!fs::is_directory(dir)) {
    std::cerr << "figures_eval: " << dir << ": no such directory (the number-ranges data)\n";
    return 1;
  }
  const std::vector<FileSpec>& specs = witness::figures::eval::SpecFiles();
  int core_pass = 0, core_total = 0, opt_pass = 0, opt_total = 0;
  std::printf("%-36s %6s %6s %8s\n", "file", "pass", "cases", "rate");
  for (const auto& spec : specs) {
    if (!only.empty() && spec.name != only) continue;
    const fs::path path = fs::path(dir) / (spec.name + ".json");
    std::ifstream in(path);
    if (!in) {
      std::cerr << "figures_eval: " << path.string() << ": cannot read\n";
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<std::string> failures;
    witness::figures::eval::FileScore score;
    try {
      score = witness::figures::eval::EvaluateFile(ss.str(), spec, verbose ? &failures : nullptr);
    } catch (const std::exception& e) {
      std::cerr << "figures_eval: " << path.string() << ": bad JSON: " << e.what() << "\n";
      return 1;
    }
    for (const auto& f : failures) std::printf("FAIL %s\n", f.c_str());
    const int pass = score.pass, total = score.total;
    std::printf("%-36s %6d %6d %7.1f%%%s\n", spec.name.c_str(), pass, total,
                total ? 100.0 * pass / total : 0.0, spec.core ? "" : "  (optional)");
    (spec.core ? core_pass : opt_pass) += pass;
    (spec.core ? core_total : opt_total) += total;
  }
  if (core_total > 0) {
    std::printf("%-36s %6d %6d %7.1f%%\n",
                "CORE (NumberModel, NumberRangeModel, OrdinalModel, PercentModel)", core_pass,
                core_total, 100.0 * core_pass / core_total);
  }
  if (opt_total > 0) {
    std::printf("%-36s %6d %6d %7.1f%%\n", "OPTIONAL", opt_pass, opt_total,
                100.0 * opt_pass / opt_total);
  }
  return 0;
}
