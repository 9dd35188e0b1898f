// minhash_bench: where signature time goes, on real text (the PAN source documents, or any
// folder of .txt files given with --benchmark_filter-compatible env WITNESS_BENCH_TEXTS).
//
//   build/release/minhash_bench [--benchmark_filter=...]
//
// Stages: words (scan + matching form + XXH3), shingles (words + 5-gram hashes), signature
// with the SIMD kernel and with the scalar reference, and the segmenter-based word path
// (text::Segment + Analyzer::Key) for comparison. Throughput is bytes of text per second.
#include <benchmark/benchmark.h>
#include <xxhash.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sketch/words.h"
#include "witness/sketch.h"
#include "witness/text.h"

namespace {

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    const char* env = std::getenv("WITNESS_BENCH_TEXTS");
    const std::filesystem::path dir =
        env ? env : std::filesystem::path(WITNESS_SHARED_DATA) / "text-reuse" / "src";
    if (std::filesystem::exists(dir)) {
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        out.push_back(witness::text::Normalize(ss.str()).text);
      }
    }
    if (out.empty()) out.push_back(std::string(100000, 'x'));
    return out;
  }();
  return texts;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const auto& t : Texts()) n += t.size();
  return n;
}

void BM_Words(benchmark::State& state) {
  std::vector<uint64_t> words;
  for (auto _ : state) {
    for (const auto& t : Texts()) witness::sketch::WordHashes(t, &words);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Words)->Unit(benchmark::kMillisecond);

// The character-by-character scanner the block scanner is checked against.
void BM_WordsScalarScanner(benchmark::State& state) {
  std::vector<uint64_t> words;
  for (auto _ : state) {
    for (const auto& t : Texts()) witness::sketch::internal::WordHashesScalar(t, &words);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_WordsScalarScanner)->Unit(benchmark::kMillisecond);

void BM_Shingles(benchmark::State& state) {
  std::vector<uint64_t> sh;
  for (auto _ : state) {
    for (const auto& t : Texts()) witness::sketch::ShingleHashes(t, 5, &sh);
    benchmark::DoNotOptimize(sh.data());
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Shingles)->Unit(benchmark::kMillisecond);

void BM_Signature(benchmark::State& state) {
  witness::sketch::MinHasher h;
  for (auto _ : state) {
    for (const auto& t : Texts()) benchmark::DoNotOptimize(h.Compute(t));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.SetItemsProcessed(state.iterations() * Texts().size());
  state.SetLabel(witness::sketch::SimdTarget());
}
BENCHMARK(BM_Signature)->Unit(benchmark::kMillisecond);

void BM_SignatureScalarKernel(benchmark::State& state) {
  witness::sketch::MinHasher h;
  std::vector<uint64_t> sh;
  for (auto _ : state) {
    for (const auto& t : Texts()) {
      witness::sketch::ShingleHashes(t, 5, &sh);
      benchmark::DoNotOptimize(h.ComputeFromShinglesScalar(sh));
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
  state.SetItemsProcessed(state.iterations() * Texts().size());
}
BENCHMARK(BM_SignatureScalarKernel)->Unit(benchmark::kMillisecond);

// The word path through the full segmenter, for comparison with the dedicated scanner.
void BM_WordsViaSegmenter(benchmark::State& state) {
  witness::text::Analyzer an;
  std::vector<uint64_t> words;
  for (auto _ : state) {
    for (const auto& t : Texts()) {
      words.clear();
      const auto seg = witness::text::Segment(t);
      for (const auto& tok : seg.tokens) {
        if (tok.kind != witness::text::TokenKind::kWord &&
            tok.kind != witness::text::TokenKind::kNumber) {
          continue;
        }
        const std::string_view k = an.Key(t, tok);
        words.push_back(XXH3_64bits(k.data(), k.size()));
      }
      benchmark::DoNotOptimize(words.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_WordsViaSegmenter)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
