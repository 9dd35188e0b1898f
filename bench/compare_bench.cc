// Throughput of CompareStory (witness/compare.h) on stories of 5 to 50 articles: bytes of story
// text compared per second, one core, everything included (segmentation, quotes and entities,
// figures, sentence matching, copy alignment, facts, coverage; not rendering).
//
//   build/release/compare_bench [--benchmark_filter=Syndicated]
//
// Stories (from shared/data; a story whose files are absent is skipped with a message):
//   BM_CompareSeeds          the sample story: five real reports of one event, three of them
//                            copies of one wire story
//   BM_CompareTacTopic       the ten English TAC 2011 topics, ten WikiNews articles each, one
//                            story per iteration (reported per topic round)
//   BM_CompareSyndicated/N   N articles made from the five seeds the way syndication makes
//                            them: each a seed with a paragraph dropped, paragraphs swapped and
//                            about 3% of the words replaced (deterministic); heavy copying, so
//                            many pairs are aligned
//   BM_CompareTacMixed/N     the first N TAC articles as one "story" (N/10 topics): little
//                            shared text, the sentence matching's scaling
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "witness/article.h"
#include "witness/compare.h"
#include "witness/text.h"

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ReadDir(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> files;
  if (fs::is_directory(dir)) {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ext) files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const fs::path& f : files) out.push_back(witness::text::Normalize(ReadFile(f)).text);
  return out;
}

const std::vector<std::string>& Seeds() {
  static const auto v = ReadDir(fs::path(WITNESS_SHARED_DATA) / "seeds", ".txt");
  return v;
}

const std::vector<std::string>& Tac() {
  static const auto v =
      ReadDir(fs::path(WITNESS_SHARED_DATA) / "story-clusters/tac2011_multiling_pilot/SourceTexts",
              ".english");
  return v;
}

witness::Article Make(size_t i, std::string text) {
  witness::Article a;
  a.id = "a" + std::to_string(i);
  a.source = "outlet" + std::to_string(i);
  a.text = std::move(text);
  return a;
}

// A syndicated copy of `text`: one paragraph dropped, two swapped, ~3% of words replaced.
std::string Edit(const std::string& text, std::mt19937* rng) {
  std::vector<std::string> paras;
  size_t from = 0;
  while (from < text.size()) {
    size_t cut = text.find("\n\n", from);
    if (cut == std::string::npos) cut = text.size();
    if (cut > from) paras.push_back(text.substr(from, cut - from));
    from = cut + 2;
  }
  if (paras.size() > 3)
    paras.erase(paras.begin() + static_cast<long>(1 + (*rng)() % (paras.size() - 1)));
  if (paras.size() > 3) std::swap(paras[1 + (*rng)() % (paras.size() - 1)], paras.back());
  static const char* kWords[] = {"officials", "reportedly", "on Monday", "the region", "sources"};
  std::string out;
  for (const std::string& p : paras) {
    std::string q;
    size_t i = 0;
    while (i < p.size()) {
      size_t sp = p.find(' ', i);
      if (sp == std::string::npos) sp = p.size();
      if ((*rng)() % 33 == 0) {
        q += kWords[(*rng)() % 5];
      } else {
        q.append(p, i, sp - i);
      }
      if (sp < p.size()) q += ' ';
      i = sp + 1;
    }
    out += q + "\n\n";
  }
  return out;
}

void Run(benchmark::State& state, const std::vector<witness::Article>& story) {
  size_t bytes = 0;
  for (const witness::Article& a : story) bytes += a.text.size();
  size_t facts = 0, agreed = 0, groups = 0;
  for (auto _ : state) {
    const witness::compare::StoryComparison c = witness::compare::CompareStory(story);
    facts = c.facts.size();
    agreed = c.agreed.size();
    groups = c.copy_groups.size();
    benchmark::DoNotOptimize(c.facts.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles"] = static_cast<double>(story.size());
  state.counters["KB"] = static_cast<double>(bytes) / 1024;
  state.counters["facts"] = static_cast<double>(facts);
  state.counters["agreed"] = static_cast<double>(agreed);
  state.counters["accounts"] = static_cast<double>(groups);
}

void BM_CompareSeeds(benchmark::State& state) {
  if (Seeds().size() < 5) {
    state.SkipWithError("shared/data/seeds not found");
    return;
  }
  std::vector<witness::Article> story;
  for (size_t i = 0; i < Seeds().size(); ++i) story.push_back(Make(i, Seeds()[i]));
  Run(state, story);
}
BENCHMARK(BM_CompareSeeds)->Unit(benchmark::kMillisecond);

void BM_CompareTacTopic(benchmark::State& state) {
  if (Tac().size() < 100) {
    state.SkipWithError("shared/data/story-clusters/tac2011_multiling_pilot not found");
    return;
  }
  std::vector<std::vector<witness::Article>> stories(10);
  size_t bytes = 0;
  for (size_t i = 0; i < 100; ++i) {
    stories[i / 10].push_back(Make(i, Tac()[i]));
    bytes += Tac()[i].size();
  }
  for (auto _ : state) {
    for (const auto& story : stories) {
      const witness::compare::StoryComparison c = witness::compare::CompareStory(story);
      benchmark::DoNotOptimize(c.facts.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["stories"] = 10;
}
BENCHMARK(BM_CompareTacTopic)->Unit(benchmark::kMillisecond);

void BM_CompareSyndicated(benchmark::State& state) {
  if (Seeds().size() < 5) {
    state.SkipWithError("shared/data/seeds not found");
    return;
  }
  std::mt19937 rng(42);
  std::vector<witness::Article> story;
  for (int64_t i = 0; i < state.range(0); ++i) {
    const std::string& seed = Seeds()[static_cast<size_t>(i) % 5];
    story.push_back(Make(static_cast<size_t>(i), i < 5 ? seed : Edit(seed, &rng)));
  }
  Run(state, story);
}
BENCHMARK(BM_CompareSyndicated)->Arg(5)->Arg(10)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond);

void BM_CompareTacMixed(benchmark::State& state) {
  if (Tac().size() < 100) {
    state.SkipWithError("shared/data/story-clusters/tac2011_multiling_pilot not found");
    return;
  }
  std::vector<witness::Article> story;
  for (int64_t i = 0; i < state.range(0); ++i) {
    story.push_back(Make(static_cast<size_t>(i), Tac()[static_cast<size_t>(i)]));
  }
  Run(state, story);
}
BENCHMARK(BM_CompareTacMixed)->Arg(20)->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
