// `witness claims`: the figures (numeric claims) of files or stored articles, and how the
// figures of several compare.
#include <fmt/core.h>

#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/targets.h"
#include "witness/cli.h"
#include "witness/figures.h"

namespace witness::cli {

namespace {

namespace fig = witness::figures;

struct Target {
  std::string name;        // the file path or the article id
  fig::FileFigures found;  // spans into the file's bytes, or into the article's text
};

void PrintFigures(const Target& t) {
  std::printf("%s: %zu figure%s\n", t.name.c_str(), t.found.figures.size(),
              t.found.figures.size() == 1 ? "" : "s");
  for (const fig::Figure& f : t.found.figures) {
    std::string what = f.counted.empty() ? "" : " " + f.counted;
    if (!f.event.empty()) what += " " + f.event;
    std::string line = fmt::format("  [{}-{}] {}{}  ({}", f.span.begin, f.span.end, f.text, what,
                                   fig::TopicName(f.topic));
    if (!f.attribution.empty()) {
      line += fmt::format("; {} {}", f.attribution.source, f.attribution.cue);
    }
    if (f.status != fig::Status::kPlain) {
      line += fmt::format("; {}: '{}'", fig::StatusName(f.status), f.status_cue_text);
    }
    line += ")";
    std::puts(FitColumns(line, 2 * TerminalWidth()).c_str());
  }
}

}  // namespace

int RunClaims(const GlobalFlags& g, const ClaimsFlags& f) {
  int rc = kOk;
  std::vector<Target> targets;
  for (TargetText& t : LoadTargets(g, f.targets, &rc)) {
    Target one{t.name, {}};
    if (t.is_file) {
      one.found = fig::FiguresForFile(t.bytes);
    } else {
      one.found.figures = fig::ExtractFigures(t.bytes);
      one.found.text = std::move(t.bytes);
    }
    targets.push_back(std::move(one));
  }

  std::vector<fig::SourcedFigure> claims;
  for (const Target& t : targets) {
    for (const fig::Figure& figure : t.found.figures) claims.push_back({t.name, figure});
  }
  std::vector<fig::FigureGroup> groups;
  if (targets.size() > 1) groups = fig::CompareFigures(claims);

  if (g.json) {
    if (targets.size() == 1 && f.targets.size() == 1) {
      PrintJson(nlohmann::json::parse(fig::FiguresToJson(targets[0].found)));
      return rc;
    }
    nlohmann::json out;
    out["targets"] = nlohmann::json::array();
    for (const Target& t : targets) {
      nlohmann::json one = nlohmann::json::parse(fig::FiguresToJson(t.found));
      one["name"] = t.name;
      out["targets"].push_back(std::move(one));
    }
    out["comparison"] = nlohmann::json::parse(fig::FigureGroupsToJson(claims, groups))["groups"];
    PrintJson(out);
    return rc;
  }
  for (const Target& t : targets) PrintFigures(t);
  if (!groups.empty()) {
    std::puts("\ncomparison:");
    for (const fig::FigureGroup& group : groups) {
      if (group.source_count < 2) continue;
      std::printf("  %s [%s]: %s\n", group.label.c_str(),
                  std::string(fig::VerdictName(group.verdict)).c_str(), group.summary.c_str());
    }
  }
  return rc;
}

}  // namespace witness::cli
