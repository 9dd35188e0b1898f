// figures_bench: throughput of number recognition and figure extraction on real news text:
// the seed story, the PolNeAR articles (attribution/text) and the English TAC 2011 story
// clusters, about 4 MB in all.
//
//   build/release/figures_bench [--benchmark_filter=...]
//
// Each benchmark runs over every document once per iteration and reports bytes/second
// (MB/s = 1e6 bytes). Figures per MB are reported as a counter.
#include <benchmark/benchmark.h>

#include <iostream>
#include <string>
#include <vector>

#include "news_texts.h"
#include "witness/figures.h"
#include "witness/text.h"


namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string>* docs = [] {
    auto* v = new std::vector<std::string>(witness::bench::ReadTexts());
    for (std::string& d : *v) d = witness::text::Normalize(d).text;
    size_t bytes = 0;
    for (const auto& d : *v) bytes += d.size();
    std::cerr << "figures_bench: " << v->size() << " documents, " << bytes << " bytes\n";
    return v;
  }();
  return *docs;
}

size_t CorpusBytes() {
  size_t n = 0;
  for (const auto& d : Corpus()) n += d.size();
  return n;
}

void BM_ScanNumbers(benchmark::State& state) {
  const auto& docs = Corpus();
  size_t mentions = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      const auto scan = witness::figures::ScanNumbers(d);
      mentions += scan.mentions.size();
      benchmark::DoNotOptimize(scan.mentions.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["mentions_per_MB"] =
      benchmark::Counter(static_cast<double>(mentions) * 1e6 /
                         (static_cast<double>(state.iterations()) * CorpusBytes()));
}
BENCHMARK(BM_ScanNumbers)->Unit(benchmark::kMillisecond);

// All figure extraction, sentence segmentation of the blocks with figures included.
void BM_ExtractFigures(benchmark::State& state) {
  const auto& docs = Corpus();
  size_t figures = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      const auto figs = witness::figures::ExtractFigures(d);
      figures += figs.size();
      benchmark::DoNotOptimize(figs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["figures_per_MB"] =
      benchmark::Counter(static_cast<double>(figures) * 1e6 /
                         (static_cast<double>(state.iterations()) * CorpusBytes()));
}
BENCHMARK(BM_ExtractFigures)->Unit(benchmark::kMillisecond);

// Figure extraction given the pipeline's Segmentation (segmenting not timed).
void BM_ExtractFiguresPresegmented(benchmark::State& state) {
  const auto& docs = Corpus();
  std::vector<witness::text::Segmentation> segs;
  for (const auto& d : docs) segs.push_back(witness::text::Segment(d));
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      const auto figs = witness::figures::ExtractFigures(docs[i], segs[i]);
      benchmark::DoNotOptimize(figs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_ExtractFiguresPresegmented)->Unit(benchmark::kMillisecond);

// `witness claims --json`: normalise, extract, map offsets, write JSON.
void BM_FiguresForFileToJson(benchmark::State& state) {
  const auto& docs = Corpus();
  for (auto _ : state) {
    for (const auto& d : docs) {
      const std::string json = witness::figures::FiguresToJson(witness::figures::FiguresForFile(d));
      benchmark::DoNotOptimize(json.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_FiguresForFileToJson)->Unit(benchmark::kMillisecond);

// One paragraph of 10,000 words full of numbers: the work stays linear.
void BM_LongNumericParagraph(benchmark::State& state) {
  std::string p;
  for (int i = 0; i < 2000; ++i) p += "more than 2,000 troops and about eight thousand ";
  for (auto _ : state) {
    const auto figs = witness::figures::ExtractFigures(p);
    benchmark::DoNotOptimize(figs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * p.size()));
}
BENCHMARK(BM_LongNumericParagraph)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
