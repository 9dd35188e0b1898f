// Scores ExtractHtml on the article extraction benchmark (Zyte/Scrapinghub, 181 pages):
// precision, recall and F1 of 4-token shingles as its evaluate.py computes them (see
// src/clean/html_eval.h), plus exact-match accuracy and the worst pages.
//
//   build/release/extract_eval                       # summary + worst 10
//   build/release/extract_eval --worst 30
//   build/release/extract_eval --page 0a1b...        # one page: text, truth, removed blocks
//   build/release/extract_eval --dump out.json       # predictions as {"id": {"articleBody"}}
//   build/release/extract_eval --no-json-ld          # DOM result only
//   build/release/extract_eval --scores FILE         # "id f1 precision recall" per page
//   build/release/extract_eval --meta                # metadata per page, tab-separated
//   build/release/extract_eval --data DIR            # another copy of the benchmark
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clean/html_eval.h"
#include "witness/extract.h"

int main(int argc, char** argv) {
  std::string data = std::string(WITNESS_SHARED_DATA) + "/article-extraction";
  std::string page_id, dump, scores_path;
  size_t worst = 10;
  bool json_ld = true;
  bool meta = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "extract_eval: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data")
      data = next();
    else if (a == "--page")
      page_id = next();
    else if (a == "--dump")
      dump = next();
    else if (a == "--scores")
      scores_path = next();
    else if (a == "--worst")
      worst = std::stoul(next());
    else if (a == "--no-json-ld")
      json_ld = false;
    else if (a == "--meta")
      meta = true;
    else {
      std::fprintf(stderr,
                   "usage: extract_eval [--data DIR] [--page ID] [--dump FILE] "
                   "[--worst N] [--no-json-ld] [--scores FILE] [--meta]\n");
      return 2;
    }
  }
  auto pages = witness::clean::LoadBenchmark(data);
  if (!pages.ok()) {
    std::fprintf(stderr, "extract_eval: %s\n", pages.status().ToString().c_str());
    return 1;
  }
  std::vector<witness::clean::PageScore> scores;
  std::vector<std::pair<double, size_t>> by_f1;
  nlohmann::json predictions = nlohmann::json::object();
  size_t failed = 0;
  for (size_t k = 0; k < pages->size(); ++k) {
    const auto& page = (*pages)[k];
    if (!page_id.empty() && page.id.rfind(page_id, 0) != 0) continue;
    witness::ExtractOptions options;
    options.url = page.url;
    options.use_json_ld_body = json_ld;
    options.collect_removed = !page_id.empty();
    auto result = witness::ExtractHtml(page.html, options, page.id);
    std::string text;
    if (result.ok()) {
      text = result->text;
    } else {
      ++failed;
      std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    }
    scores.push_back(witness::clean::ScorePage(page.truth, text));
    if (meta && result.ok()) {
      std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", page.id.substr(0, 12).c_str(),
                  result->published.c_str(), result->language.c_str(), result->site.c_str(),
                  result->author.c_str(), result->title.c_str(), page.url.c_str());
    }
    by_f1.emplace_back(scores.back().F1(), k);
    if (!dump.empty()) predictions[page.id] = {{"articleBody", text}};
    if (!page_id.empty() && result.ok()) {
      const auto& s = scores.back();
      std::printf(
          "== %s %s\nP=%.3f R=%.3f F1=%.3f charset=%s\ntitle: %s\npublished: %s\n"
          "author: %s\nsite: %s\nurl: %s\nlanguage: %s\n\n== TEXT\n%s\n\n== TRUTH\n%s\n\n"
          "== REMOVED\n",
          page.id.c_str(), page.url.c_str(), s.Precision(), s.Recall(), s.F1(),
          result->charset_detected.c_str(), result->title.c_str(), result->published.c_str(),
          result->author.c_str(), result->site.c_str(), result->url.c_str(),
          result->language.c_str(), result->text.c_str(), page.truth.c_str());
      for (const auto& r : result->removed) std::printf("- %s\n", r.c_str());
    }
  }
  if (!dump.empty()) {
    std::ofstream out(dump);
    out << predictions.dump(1) << "\n";
  }
  if (!scores_path.empty() && page_id.empty()) {
    std::ofstream out(scores_path);
    for (size_t k = 0; k < scores.size(); ++k) {
      out << (*pages)[k].id.substr(0, 12) << " " << scores[k].F1() << " " << scores[k].Precision()
          << " " << scores[k].Recall() << "\n";
    }
  }
  const auto sum = witness::clean::Summarize(scores);
  std::printf("pages=%zu failed=%zu precision=%.4f recall=%.4f F1=%.4f accuracy=%.4f\n", sum.pages,
              failed, sum.precision, sum.recall, sum.f1, sum.accuracy);
  std::sort(by_f1.begin(), by_f1.end());
  if (page_id.empty()) {
    std::printf("worst %zu:\n", std::min(worst, by_f1.size()));
    for (size_t k = 0; k < std::min(worst, by_f1.size()); ++k) {
      const auto& page = (*pages)[by_f1[k].second];
      const auto& s = scores[by_f1[k].second];  // one score per page when no --page
      std::printf("  F1=%.3f P=%.3f R=%.3f %s %s\n", by_f1[k].first, s.Precision(), s.Recall(),
                  page.id.substr(0, 12).c_str(), page.url.c_str());
    }
  }
  return 0;
}
