// `witness claims`: the figures (numeric claims) of files or stored articles, and how the
// figures of several compare.
#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "witness/cli.h"
#include "witness/figures.h"
#include "witness/store.h"

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
  std::vector<Target> targets;
  std::unique_ptr<Store> store;
  int rc = kOk;
  for (const std::string& name : f.targets) {
    std::error_code ec;
    if (name == "-" || std::filesystem::is_regular_file(name, ec)) {
      std::string bytes;
      Status read = ReadWholeFile(name, &bytes);
      if (!read.ok()) {
        std::fprintf(stderr, "witness: %s\n", read.message().c_str());
        rc = kSomeRejected;
        continue;
      }
      targets.push_back({name, fig::FiguresForFile(bytes)});
      continue;
    }
    if (!store) {
      StoreOptions options;
      options.create_if_missing = false;
      options.read_only = true;
      StatusOr<std::unique_ptr<Store>> opened = Store::Open(g.db, options);
      if (!opened.ok()) {
        std::fprintf(stderr, "witness: %s is neither a file nor, without a database, an article id: %s\n",
                     name.c_str(), opened.status().message().c_str());
        return kSomeRejected;
      }
      store = std::move(*opened);
    }
    StatusOr<Article> a = store->Get(name);
    if (!a.ok()) {
      std::fprintf(stderr, "witness: %s\n", a.status().message().c_str());
      rc = kSomeRejected;
      continue;
    }
    Target t{a->id, {}};
    t.found.figures = fig::ExtractFigures(a->text);
    t.found.text = a->text;
    targets.push_back(std::move(t));
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
