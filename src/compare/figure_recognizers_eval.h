// src/compare/figure_recognizers_eval.h: the evaluation mapping from witness's number
// mentions to the Microsoft Recognizers-Text spec conventions (TypeName, Resolution value,
// Start/End in UTF-16 code units, End inclusive). Used only by bench/figures_eval.cc and
// tests/figures_number_ranges_test.cc; the core types never carry these conventions.
//
//   NumberModel*       numerals that are not ordinals, relative ordinals or vague
//                      quantities -> "number", value in .NET "G15" form ("0.5", "1E-07")
//   NumberRangeModel*  mentions with a comparative qualifier or a range -> "numberrange",
//                      "(20,35]", "[30,)", "(,100]"; ranges written with two numbers
//                      ("between 20 and 30", "20-30", "from 20 to 30") are "[20,30)" in
//                      the standard files and "[20,30]" in ExperimentalMode
//   OrdinalModel*      ordinal numerals -> "ordinal" with the rank; with relative ordinals
//                      on (not in SuppressExtendedTypes) -> "ordinal.relative", "end-1"
//   PercentModel*      percentage mentions -> "percentage", "20%"
#ifndef WITNESS_SRC_COMPARE_FIGURE_RECOGNIZERS_EVAL_H_
#define WITNESS_SRC_COMPARE_FIGURE_RECOGNIZERS_EVAL_H_

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "witness/figures.h"

namespace witness::figures::eval {

using Result = std::tuple<int, int, std::string, std::string>;  // start, end, type, value

inline std::string FormatNet(double v) {
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
inline std::vector<int> Utf16Offsets(const std::string& s) {
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

inline std::string RangeValue(const witness::figures::NumberMention& m, bool experimental) {
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

inline std::set<Result> Recognise(const std::string& input, const FileSpec& spec) {
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
          case Qualifier::kMoreThan:
          case Qualifier::kAtLeast:
          case Qualifier::kLessThan:
          case Qualifier::kAtMost:
          case Qualifier::kUpTo:
          case Qualifier::kEqual:
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

inline std::string Show(const std::set<Result>& s) {
  std::string o = "{";
  for (const auto& [b, e, t, v] : s) {
    o += " (" + std::to_string(b) + "," + std::to_string(e) + "," + t + "," + v + ")";
  }
  return o + " }";
}

struct FileScore {
  int pass = 0;
  int total = 0;
};

// Scores one spec file's JSON text. A failure is described in *failures when given.
// Throws nlohmann::json::exception on malformed JSON (callers catch it).
inline FileScore EvaluateFile(std::string body, const FileSpec& spec,
                              std::vector<std::string>* failures) {
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
  const nlohmann::json cases = nlohmann::json::parse(body);
  FileScore score;
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
    ++score.total;
    if (got == want) {
      ++score.pass;
    } else if (failures != nullptr) {
      failures->push_back(spec.name + ": " + input + "\n  want " + Show(want) + "\n  got  " +
                          Show(got));
    }
  }
  return score;
}

// One spec file: its name, model, and whether it is one of the four core files.
inline const std::vector<FileSpec>& SpecFiles() {
  static const std::vector<FileSpec> specs = {
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
  return specs;
}

}  // namespace witness::figures::eval

#endif  // WITNESS_SRC_COMPARE_FIGURE_RECOGNIZERS_EVAL_H_
