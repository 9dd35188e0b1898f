// The digest evaluation, shared by bench/digest_rouge.cc and tests/digest_rouge_test.cc.
// Header-only; reads the data in place (nothing is copied into the repository).
//
//   TAC 2011 MultiLing pilot, English (shared/data/story-clusters/tac2011_multiling_pilot):
//     10 topics of 10 WikiNews articles, SourceTexts/M00TD.english (line 1 the title, then a
//     date line "Saturday, January 8, 2005", then the text), and three human summaries of
//     about 250 words per topic, Model_Summaries/English/M00T.{A,B,C}.250.
//   BASIL (shared/data/story-clusters/basil/articles/<year>/<triplet>_<n>.json): 50 events of
//     3 articles (Fox, NYT, HuffPost). It has no summaries; its human-written "main-event"
//     line (one per article, usually the same for the three) is the only reference, so only
//     recall means anything there.
//   The seeds (shared/data/seeds): five reports of one event, no reference.
//
// Articles go through the path `witness ingest` takes: ParsePlainText (or the JSON fields),
// FinishArticle, PrepareArticle (boilerplate cleaning), so the digest sees stored text.
#ifndef WITNESS_BENCH_DIGEST_EVAL_H_
#define WITNESS_BENCH_DIGEST_EVAL_H_

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "digest/rouge.h"
#include "witness/article.h"
#include "witness/digest.h"
#include "witness/ingest.h"
#include "witness/pipeline.h"
#include "witness/text.h"

namespace witness::digest::eval {

namespace fs = std::filesystem;

struct Story {
  std::string name;
  std::vector<Article> articles;        // as stored
  std::vector<std::string> references;  // human summaries
};

struct Set {
  std::string name;
  std::vector<Story> stories;
  std::string error;  // why it could not be read; "" when it was
};

inline std::optional<std::string> ReadFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return std::nullopt;
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// "Saturday, January 8, 2005" -> "2005-01-08"; "" when the line is not such a date.
inline std::string WikinewsDate(const std::string& line) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  for (int m = 0; m < 12; ++m) {
    const size_t p = line.find(kMonths[m]);
    if (p == std::string::npos) continue;
    int day = 0, year = 0;
    if (sscanf(line.c_str() + p + strlen(kMonths[m]), " %d, %d", &day, &year) == 2 && day >= 1 &&
        day <= 31 && year >= 1900 && year < 2100) {
      char buf[16];
      snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, m + 1, day);
      return buf;
    }
  }
  return "";
}

// Ingest's path for one plain-text file: parse, finish, clean. nullopt when ingest rejects it.
inline std::optional<Article> IngestText(const std::string& bytes, const std::string& path,
                                         const std::string& source) {
  StatusOr<Article> a = ParsePlainText(bytes, path);
  if (!a.ok()) return std::nullopt;
  a->source = source;
  FinishArticle(&*a, source);
  if (!PrepareArticle(&*a, nullptr, PipelineOptions{}).ok()) return std::nullopt;
  return std::move(*a);
}

// TAC English. `dates`: read the WikiNews date line into `published` (the data has it as text).
inline Set LoadTac(const std::string& shared, bool dates = true) {
  Set set;
  set.name = "tac2011-en";
  const fs::path root = fs::path(shared) / "story-clusters/tac2011_multiling_pilot";
  std::error_code ec;
  if (!fs::is_directory(root / "SourceTexts", ec)) {
    set.error = (root / "SourceTexts").string() + ": not found";
    return set;
  }
  for (int topic = 0; topic < 10; ++topic) {
    Story story;
    story.name = "M00" + std::to_string(topic);
    for (int doc = 0; doc < 10; ++doc) {
      const std::string name = story.name + std::to_string(doc);
      const fs::path path = root / "SourceTexts" / (name + ".english");
      std::optional<std::string> bytes = ReadFile(path);
      if (!bytes) continue;
      std::optional<Article> a = IngestText(*bytes, path.string(), "wikinews");
      if (!a) continue;
      a->id = name;
      if (dates) {
        std::istringstream lines(*bytes);
        std::string line;
        for (int i = 0; i < 4 && std::getline(lines, line); ++i) {
          if (std::string d = WikinewsDate(line); !d.empty()) {
            a->published = d;
            break;
          }
        }
      }
      story.articles.push_back(std::move(*a));
    }
    for (const char* who : {"A", "B", "C"}) {
      const fs::path p = root / "Model_Summaries/English" / (story.name + "." + who + ".250");
      if (std::optional<std::string> ref = ReadFile(p)) story.references.push_back(*ref);
    }
    if (!story.articles.empty() && !story.references.empty())
      set.stories.push_back(std::move(story));
  }
  if (set.stories.empty()) set.error = root.string() + ": no English topics with summaries";
  return set;
}

inline Set LoadBasil(const std::string& shared) {
  Set set;
  set.name = "basil";
  const fs::path dir = fs::path(shared) / "story-clusters/basil/articles";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    set.error = dir.string() + ": not found";
    return set;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::optional<std::string> body = ReadFile(f);
    if (!body) continue;
    nlohmann::json j = nlohmann::json::parse(*body, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) continue;
    const std::string triplet = j.value("triplet-uuid", "");
    Article a;
    a.id = f.stem().string();
    a.source = j.value("source", "");
    std::transform(a.source.begin(), a.source.end(), a.source.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    a.title = j.value("title", "");
    a.published = j.value("date", "");
    a.url = j.value("url", "");
    if (j.contains("body-paragraphs") && j["body-paragraphs"].is_array()) {
      for (const auto& para : j["body-paragraphs"]) {
        if (!para.is_array()) continue;
        std::string p;
        for (const auto& s : para) {
          if (s.is_string()) p += (p.empty() ? "" : " ") + s.get<std::string>();
        }
        if (!p.empty()) a.text += (a.text.empty() ? "" : "\n\n") + p;
      }
    }
    FinishArticle(&a, a.source);
    if (!PrepareArticle(&a, nullptr, PipelineOptions{}).ok()) continue;
    if (set.stories.empty() || set.stories.back().name != triplet) {
      set.stories.push_back({triplet, {}, {}});
    }
    Story& story = set.stories.back();
    const std::string event = j.value("main-event", "");
    if (!event.empty() && std::find(story.references.begin(), story.references.end(), event) ==
                              story.references.end()) {
      story.references.push_back(event);
    }
    story.articles.push_back(std::move(a));
  }
  // Files sort by triplet, so each event's files are adjacent.
  if (set.stories.empty()) set.error = dir.string() + ": no articles";
  return set;
}

// The five seed reports, each as ingest stores it; sources named after the outlets.
inline Set LoadSeeds(const std::string& shared) {
  Set set;
  set.name = "seeds";
  const fs::path dir = fs::path(shared) / "seeds";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"000_4fa4c5953c9d4789.txt", "bloomberg-copy"},
      {"001_b549dda8c9ccdc3d.txt", "straitstimes.com"},
      {"002_b87f51cfc6e39bfa.txt", "ft.com"},
      {"003_5a9343e1b697f94e.txt", "reuters.com"},
      {"004_2261502d2fe41ba1.txt", "business-standard.com"}};
  Story story;
  story.name = "seeds";
  for (const auto& [file, source] : files) {
    std::optional<std::string> bytes = ReadFile(dir / file);
    if (!bytes) continue;
    std::optional<Article> a = IngestText(*bytes, (dir / file).string(), source);
    if (!a) continue;
    a->id = file.substr(0, 3);
    story.articles.push_back(std::move(*a));
  }
  if (story.articles.size() != files.size()) {
    set.error = dir.string() + ": the five seed reports were not all read";
    return set;
  }
  set.stories.push_back(std::move(story));
  return set;
}

// ---- Systems and scores ----

// The lead baseline: the opening of the story's first article (input order).
inline std::string Lead(const Story& s) { return s.articles.empty() ? "" : s.articles[0].text; }

// Sentences drawn uniformly at random (without replacement) from all the story's articles
// until `words` words; deterministic for a seed.
inline std::string RandomSentences(const Story& s, size_t words, uint32_t seed) {
  std::vector<std::string> pool;
  for (const Article& a : s.articles) {
    const text::Segmentation seg = text::Segment(a.text);
    for (const text::Sentence& sent : seg.sentences) {
      pool.emplace_back(sent.span.in(a.text));
    }
  }
  std::mt19937 rng(seed);
  std::string out;
  size_t have = 0;
  while (!pool.empty() && have < words) {
    const size_t i = rng() % pool.size();
    out += (out.empty() ? "" : " ") + pool[i];
    const text::Segmentation seg = text::Segment(pool[i]);
    have += seg.WordCount();
    pool.erase(pool.begin() + static_cast<long>(i));
  }
  return out;
}

struct Result {
  rouge::Scores system, lead, random, human;
  // Per story, for spreads and paired comparisons: recall of system and lead.
  std::vector<double> system_r1, system_r2, lead_r1, lead_r2;
  size_t stories = 0;
  double system_words = 0;  // mean words of the system summaries before truncation
};

inline void Add(rouge::Scores* sum, const rouge::Scores& x, double w = 1.0) {
  for (auto [m, v] : {std::pair{&sum->rouge1, &x.rouge1}, std::pair{&sum->rouge2, &x.rouge2}}) {
    m->recall += w * v->recall;
    m->precision += w * v->precision;
    m->f1 += w * v->f1;
  }
}

// Means over the stories of the set. `words`: ROUGE's length limit for the systems (and the
// human ceiling, where each reference, cut to `words`, is scored against the others). `full`:
// score the digest's fuller summary instead of the brief one.
inline Result Evaluate(const Set& set, size_t words, bool full, const DigestOptions& options,
                       int random_draws = 20) {
  Result r;
  rouge::Rouge rg;
  for (const Story& s : set.stories) {
    std::vector<std::vector<std::string>> refs;
    for (const std::string& ref : s.references) refs.push_back(rg.Tokens(ref));
    StatusOr<Digest> d = BuildDigest(s.articles, options);
    const std::string summary = d.ok() ? (full ? d->full.Text() : d->brief.Text()) : "";
    if (d.ok()) r.system_words += full ? d->full.words : d->brief.words;
    const rouge::Scores sys = rg.Average(rg.Tokens(summary, words), refs);
    const rouge::Scores lead = rg.Average(rg.Tokens(Lead(s), words), refs);
    Add(&r.system, sys);
    Add(&r.lead, lead);
    r.system_r1.push_back(sys.rouge1.recall);
    r.system_r2.push_back(sys.rouge2.recall);
    r.lead_r1.push_back(lead.rouge1.recall);
    r.lead_r2.push_back(lead.rouge2.recall);
    for (int k = 0; k < random_draws; ++k) {
      Add(&r.random, rg.Average(rg.Tokens(RandomSentences(s, words, 1000u + k), words), refs),
          1.0 / random_draws);
    }
    if (refs.size() > 1) {
      rouge::Scores h;
      for (size_t i = 0; i < s.references.size(); ++i) {
        std::vector<std::vector<std::string>> others;
        for (size_t k = 0; k < refs.size(); ++k) {
          if (k != i) others.push_back(refs[k]);
        }
        Add(&h, rg.Average(rg.Tokens(s.references[i], words), others), 1.0 / refs.size());
      }
      Add(&r.human, h);
    }
    ++r.stories;
  }
  if (r.stories > 0) {
    const double k = 1.0 / r.stories;
    for (rouge::Scores* x : {&r.system, &r.lead, &r.random, &r.human}) {
      rouge::Scores scaled;
      Add(&scaled, *x, k);
      *x = scaled;
    }
    r.system_words *= k;
  }
  return r;
}

// Standard error of the mean of `x`.
inline double StandardError(const std::vector<double>& x) {
  if (x.size() < 2) return 0;
  double mean = 0, ss = 0;
  for (double v : x) mean += v;
  mean /= x.size();
  for (double v : x) ss += (v - mean) * (v - mean);
  return std::sqrt(ss / (x.size() - 1) / x.size());
}

// Stories where a > b, a == b, a < b.
inline std::array<int, 3> WinsTiesLosses(const std::vector<double>& a,
                                         const std::vector<double>& b) {
  std::array<int, 3> w = {0, 0, 0};
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) ++w[a[i] > b[i] ? 0 : a[i] == b[i] ? 1 : 2];
  return w;
}

}  // namespace witness::digest::eval

#endif  // WITNESS_BENCH_DIGEST_EVAL_H_
