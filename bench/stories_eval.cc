// stories_eval: story clustering quality on the labelled sets, with one configuration.
//
// Pools every article of a set, streams them through a Clusterer in publication order (stable
// order for undated articles) and prints pairwise and BCubed precision, recall and F1.
//
//   build/release/stories_eval                 # every set, default StoryOptions
//   build/release/stories_eval --verbose       # also each predicted story with its members
//   build/release/stories_eval --set basil --opt join_threshold=0.25   # explore an option
//   build/release/stories_eval --witness build/release/witness   # also through `witness cluster`
//
// Rows: tac2011-en (file order, undated as the set is given), tac2011-en interleaved (round
// robin over topics: the hardest order), tac2011-en with the WikiNews date lines read as
// publication dates (the set's topics span months and years, so an event clusterer splits them
// by design: informational), basil, examples (the witness sample corpus).
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "../bench/stories_datasets.h"
#include "../bench/stories_options.h"
#include "stories/features.h"
#include "witness/clean.h"
#include "witness/stories.h"

namespace ws = witness::stories;
namespace wd = witness::stories::datasets;

namespace {

void PrintRow(const std::string& name, const wd::RunResult& r) {
  const ws::ClusteringScores& s = r.scores;
  printf("%-32s %5zu %5zu %5zu | %.3f %.3f %.3f | %.3f %.3f %.3f\n", name.c_str(), s.items,
         s.truth_clusters, r.stories, s.pair_precision, s.pair_recall, s.pair_f1,
         s.bcubed_precision, s.bcubed_recall, s.bcubed_f1);
}

void PrintClusters(const wd::Dataset& d, const wd::RunResult& r) {
  std::map<std::string, std::vector<size_t>> by_story;
  for (size_t i = 0; i < d.articles.size(); ++i) by_story[r.predicted[i]].push_back(i);
  for (const auto& [story, members] : by_story) {
    printf("  %s\n", story.c_str());
    for (size_t i : members)
      printf("    [%s] %s %s | %.70s\n", d.articles[i].truth.substr(0, 8).c_str(),
             d.articles[i].input.id.c_str(), d.articles[i].input.published.c_str(),
             d.articles[i].input.title.c_str());
  }
}

// Writes the set as JSON Lines in its order, runs `witness cluster` on it (a separate process,
// exactly as a user would) and scores its output lines.
wd::RunResult RunThroughCli(const wd::Dataset& d, const std::string& witness) {
  wd::RunResult r;
  char path[] = "/tmp/stories_eval_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return r;
  FILE* f = fdopen(fd, "w");
  for (const wd::LabeledArticle& a : d.articles) {
    nlohmann::json j = {{"id", a.input.id},
                        {"source", a.input.source},
                        {"title", a.input.title},
                        {"published", a.input.published},
                        {"text", a.input.text}};
    fprintf(f, "%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  fclose(f);
  std::string cmd = "'" + witness + "' cluster -q " + path;
  FILE* out = popen(cmd.c_str(), "r");
  std::map<std::string, std::string> story;
  if (out != nullptr) {
    char* line = nullptr;
    size_t cap = 0;
    while (getline(&line, &cap, out) > 0) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("id") && j.contains("story")) {
        story[j["id"].get<std::string>()] = j["story"].get<std::string>();
      }
    }
    free(line);
    pclose(out);
  }
  unlink(path);
  std::vector<std::string> truth;
  std::set<std::string> distinct;
  for (const wd::LabeledArticle& a : d.articles) {
    truth.push_back(a.truth);
    auto it = story.find(a.input.id);
    r.predicted.push_back(it == story.end() ? "missing:" + a.input.id : it->second);
    distinct.insert(r.predicted.back());
  }
  r.stories = distinct.size();
  witness::StatusOr<ws::ClusteringScores> s = ws::ScoreClustering(truth, r.predicted);
  if (s.ok()) r.scores = *s;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  ws::StoryOptions options;
  options.clean_text = true;  // as `witness cluster` runs: raw texts in
  std::string only;
  bool verbose = false;
  std::string features_of;  // an article id: print its features and exit
  bool dump = false;        // print every article's features as JSON Lines and exit
  std::string shared = WITNESS_SHARED_DATA;
  std::string witness_binary;  // --witness: also score `witness cluster` run on each set
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose") {
      verbose = true;
    } else if (a == "--set" && i + 1 < argc) {
      only = argv[++i];
    } else if (a == "--dump") {
      dump = true;
    } else if (a == "--features" && i + 1 < argc) {
      features_of = argv[++i];
    } else if (a == "--witness" && i + 1 < argc) {
      witness_binary = argv[++i];
    } else if (a == "--data" && i + 1 < argc) {
      shared = argv[++i];
    } else if (a == "--opt" && i + 1 < argc) {
      if (!ws::SetOption(&options, argv[++i])) {
        fprintf(stderr, "stories_eval: unknown option '%s'\n", argv[i]);
        return 2;
      }
    } else {
      fprintf(stderr,
              "usage: stories_eval [--set tac|basil|examples] [--data DIR] [--verbose] "
              "[--witness PATH] [--opt name=value ...]\n");
      return 2;
    }
  }

  struct Row {
    std::string name;
    wd::Dataset data;
  };
  std::vector<Row> rows;
  if (only.empty() || only == "tac") {
    wd::Dataset t = wd::LoadTac(shared, false);
    rows.push_back({"tac2011-en", t});
    wd::Dataset ti = t;
    wd::Interleave(&ti);
    rows.push_back({"tac2011-en interleaved", ti});
    wd::Dataset td = wd::LoadTac(shared, true);
    wd::SortByPublished(&td);
    rows.push_back({"tac2011-en dated (info)", td});
  }
  if (only.empty() || only == "basil") {
    wd::Dataset b = wd::LoadBasil(shared);
    wd::SortByPublished(&b);
    rows.push_back({"basil", b});
  }
  if (only.empty() || only == "examples") {
    wd::Dataset e = wd::LoadExamples(WITNESS_SOURCE_DIR);
    wd::SortByPublished(&e);
    rows.push_back({"examples", e});
  }

  if (dump) {
    for (const Row& row : rows)
      for (const wd::LabeledArticle& a : row.data.articles) {
        ws::internal::FeatureExtractor fx(options);
        std::vector<ws::internal::Feature> f;
        std::vector<ws::internal::DebugFeature> dbg;
        std::string headline;
        std::string text = a.input.text;
        if (options.clean_text)
          text = witness::clean::CleanText(text, {}, nullptr, a.input.title).text;
        fx.Extract(a.input.title, text, &f, &headline, &dbg);
        nlohmann::json j;
        j["set"] = row.name;
        j["id"] = a.input.id;
        j["truth"] = a.truth;
        j["published"] = a.input.published;
        j["title"] = a.input.title;
        nlohmann::json fs = nlohmann::json::array();
        for (const auto& d : dbg)
          fs.push_back({static_cast<int>(d.kind), d.text, d.count, d.in_title});
        j["features"] = fs;
        printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
      }
    return 0;
  }
  if (!features_of.empty()) {
    for (const Row& row : rows)
      for (const wd::LabeledArticle& a : row.data.articles) {
        if (a.input.id != features_of) continue;
        ws::internal::FeatureExtractor fx(options);
        std::vector<ws::internal::Feature> f;
        std::vector<ws::internal::DebugFeature> dbg;
        std::string headline;
        std::string text = a.input.text;
        if (options.clean_text)
          text = witness::clean::CleanText(text, {}, nullptr, a.input.title).text;
        fx.Extract(a.input.title, text, &f, &headline, &dbg);
        printf("%s: %s\n", a.input.id.c_str(), headline.c_str());
        for (const auto& d : dbg)
          printf("  %c %-40s %u%s\n", "wnq"[static_cast<int>(d.kind)], d.text.c_str(), d.count,
                 d.in_title ? " title" : "");
        return 0;
      }
    fprintf(stderr, "stories_eval: no article '%s'\n", features_of.c_str());
    return 1;
  }
  printf("%-32s %5s %5s %5s | %-17s | %-17s\n", "set", "docs", "true", "found", "pairwise P R F1",
         "BCubed P R F1");
  int status = 0;
  for (const Row& row : rows) {
    if (!row.data.error.empty()) {
      printf("%-32s skipped: %s\n", row.name.c_str(), row.data.error.c_str());
      continue;
    }
    wd::RunResult r = wd::Run(row.data, options);
    PrintRow(row.name, r);
    if (verbose) PrintClusters(row.data, r);
    if (!witness_binary.empty()) {
      wd::RunResult cli = RunThroughCli(row.data, witness_binary);
      PrintRow("  via witness cluster", cli);
      if (cli.predicted != r.predicted) status = 1;  // the CLI must agree with the library
    }
  }
  return status;
}
