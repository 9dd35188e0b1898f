// Throughput of the text pipeline on real news text: the English texts of shared/data (the
// seed story, the PolNeAR articles and the TAC 2011 English source texts), one core.
//
//   build/release/text_bench [--benchmark_filter=Pipeline]
//
// Each benchmark reports bytes of input text per second (SetBytesProcessed).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "news_texts.h"
#include "witness/text.h"

namespace {

using namespace witness::text;

struct Corpus {
  std::vector<std::string> articles;  // as read from disk
  std::string all;                    // the articles joined by blank lines
  std::string normalized;             // Normalize(all).text
  Segmentation seg;                   // Segment(normalized)
};

const Corpus& TheCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    c.articles = witness::bench::ReadTexts();
    for (const std::string& article : c.articles) {
      c.all += article;
      c.all += "\n\n";
    }
    c.normalized = Normalize(c.all).text;
    c.seg = Segment(c.normalized);
    std::fprintf(stderr, "corpus: %zu files, %zu bytes, %zu tokens, %u words\n", c.articles.size(),
                 c.all.size(), c.seg.tokens.size(), c.seg.WordCount());
    return c;
  }();
  return corpus;
}

bool Ready(benchmark::State& state) {
  if (TheCorpus().all.empty()) {
    state.SkipWithError("no English texts under WITNESS_SHARED_DATA");
    return false;
  }
  return true;
}

void BM_IsValidUtf8(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::string& text = TheCorpus().all;
  for (auto _ : state) benchmark::DoNotOptimize(IsValidUtf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IsValidUtf8);

void BM_Normalize(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::string& text = TheCorpus().all;
  for (auto _ : state) {
    Normalized n = Normalize(text);
    benchmark::DoNotOptimize(n.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize);

void BM_Segment(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::string& text = TheCorpus().normalized;
  for (auto _ : state) {
    Segmentation seg = Segment(text);
    benchmark::DoNotOptimize(seg.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Segment);

void BM_MatchingForm(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::string& text = TheCorpus().normalized;
  for (auto _ : state) {
    std::string m = MatchingForm(text);
    benchmark::DoNotOptimize(m.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MatchingForm);

// Key() of every token (given the segmentation).
void BM_KeyAllTokens(benchmark::State& state) {
  if (!Ready(state)) return;
  const Corpus& c = TheCorpus();
  Analyzer analyzer;
  for (auto _ : state) {
    size_t total = 0;
    for (const Token& t : c.seg.tokens) total += analyzer.Key(c.normalized, t).size();
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.normalized.size()));
}
BENCHMARK(BM_KeyAllTokens);

// Key() + Stem() of every word and number token, with a warm stem cache.
void BM_KeyStemWords(benchmark::State& state) {
  if (!Ready(state)) return;
  const Corpus& c = TheCorpus();
  Analyzer analyzer;
  for (auto _ : state) {
    size_t total = 0;
    for (const Token& t : c.seg.tokens) {
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      total += analyzer.Stem(analyzer.Key(c.normalized, t)).size();
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.normalized.size()));
}
BENCHMARK(BM_KeyStemWords);

// Snowball without the cache, for comparison: a fresh Analyzer for every pass would be the
// same as the first pass; here each word goes to the stemmer through a cache that never hits.
void BM_StemUncached(benchmark::State& state) {
  if (!Ready(state)) return;
  const Corpus& c = TheCorpus();
  std::vector<std::string> keys;
  {
    Analyzer a;
    for (const Token& t : c.seg.tokens) {
      if (t.kind == TokenKind::kWord) keys.emplace_back(a.Key(c.normalized, t));
    }
  }
  size_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Analyzer analyzer;  // empty cache
    state.ResumeTiming();
    size_t total = 0;
    for (const std::string& k : keys) total += analyzer.Stem(k).size();
    benchmark::DoNotOptimize(total);
    bytes += c.normalized.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["words"] = static_cast<double>(keys.size());
}
BENCHMARK(BM_StemUncached)->Unit(benchmark::kMillisecond);

// The whole pipeline, article by article: Normalize + Segment + Key + Stem of every word and
// number token. One Analyzer (one per thread, as documented), warm after the first pass.
void BM_Pipeline(benchmark::State& state) {
  if (!Ready(state)) return;
  const Corpus& c = TheCorpus();
  Analyzer analyzer;
  size_t bytes = 0;
  for (auto _ : state) {
    size_t total = 0;
    for (const std::string& article : c.articles) {
      const Normalized n = Normalize(article);
      const Segmentation seg = Segment(n.text);
      for (const Token& t : seg.tokens) {
        if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
        total += analyzer.Stem(analyzer.Key(n.text, t)).size();
      }
      bytes += article.size();
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

// The same over the concatenated corpus as one text (fewer, larger allocations).
void BM_PipelineOneText(benchmark::State& state) {
  if (!Ready(state)) return;
  const Corpus& c = TheCorpus();
  Analyzer analyzer;
  for (auto _ : state) {
    const Normalized n = Normalize(c.all);
    const Segmentation seg = Segment(n.text);
    size_t total = 0;
    for (const Token& t : seg.tokens) {
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      total += analyzer.Stem(analyzer.Key(n.text, t)).size();
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.all.size()));
}
BENCHMARK(BM_PipelineOneText)->Unit(benchmark::kMillisecond);

// One pass of the whole pipeline over every article, for profilers (callgrind counts
// instructions, which the load of a shared machine does not disturb):
//   valgrind --tool=callgrind --toggle-collect='*OnePass*' build/release/text_bench --one-pass
[[gnu::noinline]] void OnePass() {
  const Corpus& c = TheCorpus();
  Analyzer analyzer;
  size_t total = 0;
  for (int pass = 0; pass < 2; ++pass) {  // the second pass runs with a warm stem cache
    for (const std::string& article : c.articles) {
      const Normalized n = Normalize(article);
      const Segmentation seg = Segment(n.text);
      for (const Token& t : seg.tokens) {
        if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
        total += analyzer.Stem(analyzer.Key(n.text, t)).size();
      }
    }
  }
  std::printf("one pass: %zu bytes of stems\n", total);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--one-pass") {
    OnePass();
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
