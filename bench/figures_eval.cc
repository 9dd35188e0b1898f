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
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "witness/figures.h"

namespace fs = std::filesystem;
using witness::figures::Kind;
using witness::figures::Qualifier;
using witness::figures::RangeForm;

namespace {

using Result = std::tuple<int, int, std::string, std::string>;  // start, end, type, value

std::string FormatNet(double v) {
  char buf[64];
  if (v == 0) return "0";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.15G", v);
  }
  return buf;
}

// UTF-16 code unit offset of each byte offset.
std::vector<int> Utf16Offsets(const std::string& s) {
  std::vector<int> off(s.size() + 1, 0);
  int u = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    off[i] = u;
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) u += (c >= 0xF0) ? 2 : 1;
  }
  off[s.size()] = u;
  return off;
}

enum class Model { kNumber, kRange, kOrdinal, kPercent };

struct FileSpec {
  std::string name;
  Model model;
  bool core;
  bool experimental = false;
  bool relative = true;
};

std::string RangeValue(const witness::figures::NumberMention& m, bool experimental) {
  const auto& iv = m.interval;
  auto bound = [](double x) { return std::isfinite(x) ? FormatNet(x) : std::string(); };
  if (m.qualifier == Qualifier::kRange && m.range_form != RangeForm::kBounds) {
    return "[" + bound(iv.lo) + "," + bound(iv.hi) + (experimental ? "]" : ")");
  }
  std::string s;
  s += iv.lo_closed ? "[" : "(";
  s += bound(iv.lo);
  s += ",";
  s += bound(iv.hi);
  s += iv.hi_closed ? "]" : ")";
  return s;
}

std::set<Result> Recognise(const std::string& input, const FileSpec& spec) {
  witness::figures::NumberOptions opt;
  opt.relative_ordinals = spec.model == Model::kOrdinal && spec.relative;
  const auto scan = witness::figures::ScanNumbers(input, opt);
  const auto off = Utf16Offsets(input);
  std::set<Result> out;
  auto add = [&](witness::text::Span sp, std::string type, std::string value) {
    out.insert({off[sp.begin], off[sp.end] - 1, std::move(type), std::move(value)});
  };
  switch (spec.model) {
    case Model::kNumber:
      for (const auto& n : scan.numerals) {
        if (n.ordinal || n.vague || n.relative) continue;
        add(n.span, "number", FormatNet(n.value));
      }
      break;
    case Model::kOrdinal:
      for (const auto& n : scan.numerals) {
        if (!n.ordinal) continue;
        if (n.relative) {
          const int off_v = static_cast<int>(n.value);
          std::string v = n.anchor_end ? "end" : "current";
          v += off_v < 0 ? "-" : "+";
          v += std::to_string(std::abs(off_v));
          add(n.span, "ordinal.relative", v);
        } else {
          add(n.span, "ordinal", FormatNet(n.value));
        }
      }
      break;
    case Model::kRange:
      for (const auto& m : scan.mentions) {
        switch (m.qualifier) {
          case Qualifier::kMoreThan: case Qualifier::kAtLeast: case Qualifier::kLessThan:
          case Qualifier::kAtMost: case Qualifier::kUpTo: case Qualifier::kEqual:
          case Qualifier::kRange:
            add(m.span, "numberrange", RangeValue(m, spec.experimental));
            break;
          default:
            break;
        }
      }
      break;
    case Model::kPercent:
      for (const auto& m : scan.mentions) {
        if (m.kind != Kind::kPercent || m.IsRange()) continue;
        add(m.span, "percentage", FormatNet(m.value) + "%");
      }
      break;
  }
  return out;
}

std::string Show(const std::set<Result>& s) {
  std::string o = "{";
  for (const auto& [b, e, t, v] : s) {
    o += " (" + std::to_string(b) + "," + std::to_string(e) + "," + t + "," + v + ")";
  }
  return o + " }";
}

}  // namespace

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
  const std::vector<FileSpec> specs = {
      {"NumberModel", Model::kNumber, true},
      {"NumberRangeModel", Model::kRange, true},
      {"OrdinalModel", Model::kOrdinal, true},
      {"PercentModel", Model::kPercent, true},
      {"NumberModelExperimentalMode", Model::kNumber, false},
      {"NumberModelPercentMode", Model::kNumber, false},
      {"NumberRangeModelExperimentalMode", Model::kRange, false, true},
      {"OrdinalModelSuppressExtendedTypes", Model::kOrdinal, false, false, false},
      {"PercentModelPercentMode", Model::kPercent, false},
  };
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
    std::string body = ss.str();
    if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
    nlohmann::json cases;
    try {
      cases = nlohmann::json::parse(body);
    } catch (const std::exception& e) {
      std::cerr << "figures_eval: " << path.string() << ": bad JSON: " << e.what() << "\n";
      return 1;
    }
    int pass = 0, total = 0;
    for (const auto& c : cases) {
      const std::string input = c.at("Input").get<std::string>();
      std::set<Result> want;
      for (const auto& r : c.at("Results")) {
        std::string value = "null";
        if (r.contains("Resolution") && r["Resolution"].is_object() &&
            r["Resolution"].contains("value") && r["Resolution"]["value"].is_string()) {
          value = r["Resolution"]["value"].get<std::string>();
        }
        want.insert({r.at("Start").get<int>(), r.at("End").get<int>(),
                     r.at("TypeName").get<std::string>(), value});
      }
      const std::set<Result> got = Recognise(input, spec);
      ++total;
      if (got == want) {
        ++pass;
      } else if (verbose) {
        std::printf("FAIL %s: %s\n  want %s\n  got  %s\n", spec.name.c_str(), input.c_str(),
                    Show(want).c_str(), Show(got).c_str());
      }
    }
    std::printf("%-36s %6d %6d %7.1f%%%s\n", spec.name.c_str(), pass, total,
                total ? 100.0 * pass / total : 0.0, spec.core ? "" : "  (optional)");
    (spec.core ? core_pass : opt_pass) += pass;
    (spec.core ? core_total : opt_total) += total;
  }
  if (core_total > 0) {
    std::printf("%-36s %6d %6d %7.1f%%\n", "CORE (NumberModel, NumberRangeModel, OrdinalModel, PercentModel)",
                core_pass, core_total, 100.0 * core_pass / core_total);
  }
  if (opt_total > 0) {
    std::printf("%-36s %6d %6d %7.1f%%\n", "OPTIONAL", opt_pass, opt_total,
                100.0 * opt_pass / opt_total);
  }
  return 0;
}
