// Throughput of quote, speaker and entity extraction on real news text: the English texts of
// shared/data (the seed story, the PolNeAR articles, the TAC 2011 English sources), one core,
// one article at a time.
//
//   build/release/quotes_bench [--benchmark_filter=FromBytes]
//
// BM_ExtractFromBytes is the whole path of `witness quotes`: normalisation with the offset
// map, segmentation, quotes, speakers, entities, offsets mapped back. BM_Extract starts from
// normalised text; BM_ExtractSegmented from a segmentation too (quotes and entities alone).
// Each reports bytes of input text per second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "news_texts.h"
#include "witness/quotes.h"
#include "witness/text.h"

namespace {


struct Corpus {
  std::vector<std::string> raw;         // as read
  std::vector<std::string> normalized;  // text::Normalize
  std::vector<witness::text::Segmentation> segs;
  size_t bytes = 0;
};

const Corpus& TheCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    c.raw = witness::bench::ReadTexts();
    for (const std::string& raw : c.raw) {
      c.bytes += raw.size();
      c.normalized.push_back(witness::text::Normalize(raw).text);
      c.segs.push_back(witness::text::Segment(c.normalized.back()));
    }
    size_t quotes = 0;
    for (const std::string& t : c.normalized) quotes += witness::quotes::Extract(t).quotes.size();
    std::fprintf(stderr, "corpus: %zu files, %zu bytes, %zu quotes\n", c.raw.size(), c.bytes,
                 quotes);
    return c;
  }();
  return corpus;
}

void BM_ExtractFromBytes(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  for (auto _ : state) {
    for (const std::string& r : c.raw) {
      auto ex = witness::quotes::ExtractFromBytes(r);
      benchmark::DoNotOptimize(ex);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_ExtractFromBytes)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  for (auto _ : state) {
    for (const std::string& t : c.normalized) {
      auto ex = witness::quotes::Extract(t);
      benchmark::DoNotOptimize(ex);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

void BM_ExtractSegmented(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  for (auto _ : state) {
    for (size_t i = 0; i < c.normalized.size(); ++i) {
      auto ex = witness::quotes::Extract(c.normalized[i], c.segs[i]);
      benchmark::DoNotOptimize(ex);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_ExtractSegmented)->Unit(benchmark::kMillisecond);

// Collation of a story: the five seed reports' quotes.
void BM_CollateSeeds(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  std::vector<std::string> texts;
  for (size_t i = 0; i < c.raw.size() && texts.size() < 5; ++i) texts.push_back(c.normalized[i]);
  std::vector<witness::quotes::Extraction> exs;
  for (const auto& t : texts) exs.push_back(witness::quotes::Extract(t));
  std::vector<witness::quotes::QuoteInput> in;
  for (size_t i = 0; i < exs.size(); ++i) {
    for (const auto& q : exs[i].quotes) in.push_back({std::to_string(i), "", texts[i], q});
  }
  for (auto _ : state) {
    auto groups = witness::quotes::CollateQuotes(in);
    benchmark::DoNotOptimize(groups);
  }
  state.counters["quotes"] = static_cast<double>(in.size());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}
BENCHMARK(BM_CollateSeeds)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
