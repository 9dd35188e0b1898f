// Readers for the labelled story-clustering sets, shared by bench/stories_eval.cc and
// tests/stories_eval_test.cc. Header-only; reads the data in place (nothing is copied into the
// repository).
//
//   TAC 2011 MultiLing (shared/data/story-clusters/tac2011_multiling_pilot/SourceTexts):
//     the 100 English files M00TD.english, topic T, document D. Line 1 is the title, the rest
//     the text (a WikiNews date line such as "Saturday, January 8, 2005" comes second). The set
//     gives no publication dates as metadata, so articles are undated unless
//     `dates_from_text` asks for the date line to be read (an extra, informational run).
//   BASIL (shared/data/story-clusters/basil/articles/<year>/<triplet>_<n>.json): title, date,
//     source, body-paragraphs; the truth is the triplet-uuid.
//   The witness sample corpus (examples/corpus with examples/truth.json): 30 articles, stories
//     A, B, C and 8 singletons; titles and dates from truth.json (what ingest would find),
//     texts from the files (HTML stripped of tags, JSON Lines records decoded).
#ifndef WITNESS_BENCH_STORIES_DATASETS_H_
#define WITNESS_BENCH_STORIES_DATASETS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "witness/stories.h"

namespace witness::stories::datasets {

struct LabeledArticle {
  ArticleInput input;
  std::string truth;  // the true cluster
};

struct Dataset {
  std::string name;
  std::vector<LabeledArticle> articles;
  std::string error;  // why it could not be read; "" when it was
};

inline std::optional<std::string> ReadFile(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// "Saturday, January 8, 2005" -> "2005-01-08"; "" when the line is not such a date.
inline std::string WikinewsDate(std::string line) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  for (int m = 0; m < 12; ++m) {
    size_t p = line.find(kMonths[m]);
    if (p == std::string::npos) continue;
    int day = 0, year = 0;
    if (sscanf(line.c_str() + p + std::string(kMonths[m]).size(), " %d, %d", &day, &year) == 2 &&
        day >= 1 && day <= 31 && year >= 1900 && year < 2100) {
      char buf[16];
      snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, m + 1, day);
      return buf;
    }
  }
  return "";
}

inline Dataset LoadTac(const std::string& shared_data, bool dates_from_text) {
  Dataset d;
  d.name = dates_from_text ? "tac2011-en (dates from text)" : "tac2011-en";
  std::filesystem::path dir =
      std::filesystem::path(shared_data) / "story-clusters/tac2011_multiling_pilot/SourceTexts";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    d.error = dir.string() + ": not found";
    return d;
  }
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.size() == 13 && n.rfind("M00", 0) == 0 && n.substr(5) == ".english") names.push_back(n);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::optional<std::string> body = ReadFile(dir / n);
    if (!body) continue;
    LabeledArticle a;
    a.input.id = n.substr(0, 5);
    a.input.source = "wikinews";
    size_t nl = body->find('\n');
    a.input.title = body->substr(0, nl);
    a.input.text = nl == std::string::npos ? "" : body->substr(nl + 1);
    if (dates_from_text) {
      std::istringstream lines(a.input.text);
      std::string line;
      for (int i = 0; i < 4 && std::getline(lines, line); ++i) {
        std::string date = WikinewsDate(line);
        if (!date.empty()) {
          a.input.published = date;
          break;
        }
      }
    }
    a.truth = "topic" + n.substr(3, 1);
    d.articles.push_back(std::move(a));
  }
  if (d.articles.empty()) d.error = dir.string() + ": no English files";
  return d;
}

inline Dataset LoadBasil(const std::string& shared_data) {
  Dataset d;
  d.name = "basil";
  std::filesystem::path dir = std::filesystem::path(shared_data) / "story-clusters/basil/articles";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    d.error = dir.string() + ": not found";
    return d;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::optional<std::string> body = ReadFile(f);
    if (!body) continue;
    nlohmann::json j = nlohmann::json::parse(*body, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) continue;
    LabeledArticle a;
    a.input.id = f.stem().string();
    a.input.source = j.value("source", "");
    std::transform(a.input.source.begin(), a.input.source.end(), a.input.source.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    a.input.title = j.value("title", "");
    a.input.published = j.value("date", "");
    std::string text;
    if (j.contains("body-paragraphs") && j["body-paragraphs"].is_array()) {
      for (const auto& para : j["body-paragraphs"]) {
        if (!para.is_array()) continue;
        std::string p;
        for (const auto& s : para)
          if (s.is_string()) p += (p.empty() ? "" : " ") + s.get<std::string>();
        if (!p.empty()) text += (text.empty() ? "" : "\n\n") + p;
      }
    }
    a.input.text = std::move(text);
    a.truth = j.value("triplet-uuid", "");
    d.articles.push_back(std::move(a));
  }
  if (d.articles.empty()) d.error = dir.string() + ": no articles";
  return d;
}

// Tags removed (script/style dropped), block ends as paragraph breaks, a few entities decoded.
inline std::string StripTags(const std::string& h) {
  std::string out;
  for (size_t i = 0; i < h.size();) {
    if (h[i] == '<') {
      for (const char* drop : {"<script", "<style", "<head"}) {
        if (h.compare(i, strlen(drop), drop) == 0) {
          std::string close = std::string("</") + (drop + 1) + ">";
          size_t e = h.find(close, i);
          i = e == std::string::npos ? h.size() : e;
          break;
        }
      }
      size_t e = h.find('>', i);
      std::string tag = h.substr(i, std::min<size_t>(4, h.size() - i));
      out += (tag.rfind("</p", 0) == 0 || tag.rfind("<br", 0) == 0 || tag.rfind("</h", 0) == 0 ||
              tag.rfind("</d", 0) == 0 || tag.rfind("</l", 0) == 0)
                 ? "\n\n"
                 : " ";
      i = e == std::string::npos ? h.size() : e + 1;
      continue;
    }
    if (h.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 5;
      continue;
    }
    if (h.compare(i, 6, "&nbsp;") == 0) {
      out += ' ';
      i += 6;
      continue;
    }
    if (h.compare(i, 6, "&quot;") == 0) {
      out += '"';
      i += 6;
      continue;
    }
    if (h.compare(i, 5, "&#39;") == 0) {
      out += '\'';
      i += 5;
      continue;
    }
    out += h[i++];
  }
  return out;
}

inline Dataset LoadExamples(const std::string& source_dir) {
  Dataset d;
  d.name = "examples";
  std::filesystem::path root = std::filesystem::path(source_dir) / "examples";
  std::optional<std::string> truth = ReadFile(root / "truth.json");
  if (!truth) {
    d.error = (root / "truth.json").string() + ": not found";
    return d;
  }
  nlohmann::json j = nlohmann::json::parse(*truth, nullptr, false);
  if (!j.is_object() || !j.contains("articles")) {
    d.error = "truth.json: unexpected shape";
    return d;
  }
  for (const auto& e : j["articles"]) {
    LabeledArticle a;
    std::string path = e.value("path", "");
    a.input.id = e.value("key", path);
    a.input.source = e.value("source", "");
    a.input.title = e.value("title", "");
    a.input.published = e.value("published", "");
    std::string story = e.value("story", "none");
    a.truth = story == "none" ? "none:" + a.input.id : story;
    size_t colon = path.rfind(':');
    if (colon != std::string::npos && path.find(".jsonl") != std::string::npos) {
      std::optional<std::string> feed = ReadFile(root / "corpus" / path.substr(0, colon));
      int want = std::stoi(path.substr(colon + 1));
      if (!feed) continue;
      std::istringstream lines(*feed);
      std::string line;
      for (int n = 1; std::getline(lines, line); ++n) {
        if (n != want) continue;
        nlohmann::json r = nlohmann::json::parse(line, nullptr, false);
        if (r.is_object()) {
          a.input.text = r.value("text", "");
          if (a.input.text.empty()) a.input.text = StripTags(r.value("html", ""));
        }
      }
    } else {
      std::optional<std::string> body = ReadFile(root / "corpus" / path);
      if (!body) continue;
      a.input.text = path.ends_with(".html") ? StripTags(*body) : *body;
    }
    d.articles.push_back(std::move(a));
  }
  if (d.articles.empty()) d.error = "examples: no articles read";
  return d;
}

// Publication order, stable; undated articles keep their place among themselves, after the
// dated ones.
inline void SortByPublished(Dataset* d) {
  std::stable_sort(d->articles.begin(), d->articles.end(),
                   [](const LabeledArticle& x, const LabeledArticle& y) {
                     std::optional<int64_t> tx = ParsePublished(x.input.published);
                     std::optional<int64_t> ty = ParsePublished(y.input.published);
                     if (tx.has_value() != ty.has_value()) return tx.has_value();
                     return tx.has_value() && *tx < *ty;
                   });
}

// Round-robin over the true clusters in their file order (first article of every cluster, then
// the second of each ...): the hardest interleaving for an undated set.
inline void Interleave(Dataset* d) {
  std::vector<std::string> order;
  std::vector<std::vector<LabeledArticle>> groups;
  for (LabeledArticle& a : d->articles) {
    auto it = std::find(order.begin(), order.end(), a.truth);
    if (it == order.end()) {
      order.push_back(a.truth);
      groups.emplace_back();
      it = order.end() - 1;
    }
    groups[it - order.begin()].push_back(std::move(a));
  }
  d->articles.clear();
  for (size_t round = 0;; ++round) {
    bool any = false;
    for (auto& g : groups)
      if (round < g.size()) {
        d->articles.push_back(std::move(g[round]));
        any = true;
      }
    if (!any) break;
  }
}

struct RunResult {
  ClusteringScores scores;
  std::vector<std::string> predicted;  // per article, in the dataset's order
  size_t stories = 0;
};

// Streams the set through a fresh Clusterer in its current order.
inline RunResult Run(const Dataset& d, const StoryOptions& options) {
  RunResult r;
  Clusterer c(options);
  for (const LabeledArticle& a : d.articles) (void)c.Add(a.input);
  std::vector<std::string> truth;
  for (const LabeledArticle& a : d.articles) {
    truth.push_back(a.truth);
    r.predicted.push_back(c.StoryOf(a.input.id).value_or("?"));
  }
  r.stories = c.story_count();
  StatusOr<ClusteringScores> s = ScoreClustering(truth, r.predicted);
  if (s.ok()) r.scores = *s;
  return r;
}

}  // namespace witness::stories::datasets

#endif  // WITNESS_BENCH_STORIES_DATASETS_H_
