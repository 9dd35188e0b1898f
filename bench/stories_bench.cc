// stories_bench: story assignment speed, latency and memory with a large index.
//
// Fills a Clusterer with the first --index articles of a generated stream (bench/
// stories_stream.h), then times Add() for the next --measure articles one by one: throughput
// (articles per second of one core), latency percentiles, index bytes per article
// (Clusterer::IndexBytes, and the process's resident memory for comparison), the size and
// speed of Serialize/Deserialize, and the BCubed score against the generator's stories.
//
//   build/release/stories_bench                       # 1,000,000 indexed, 50,000 measured
//   build/release/stories_bench --index 100000 --measure 20000
//
// Texts of the measured articles are generated before timing; each timed Add includes the
// text analysis (segmentation, keys, stems), candidate search, scoring and index updates.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "../bench/stories_options.h"
#include "../bench/stories_stream.h"
#include "witness/stories.h"

namespace ws = witness::stories;

namespace {

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

long RssKiB() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::string LoadAverage() {
  std::ifstream f("/proc/loadavg");
  std::string a, b, c;
  f >> a >> b >> c;
  return a + " " + b + " " + c;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t index = 1000000, measure = 50000;
  bool quality = true;
  ws::StoryOptions options;  // defaults unless --opt
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--index" && i + 1 < argc)
      index = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--measure" && i + 1 < argc)
      measure = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--no-quality")
      quality = false;
    else if (a == "--opt" && i + 1 < argc) {
      if (!ws::SetOption(&options, argv[++i])) {
        fprintf(stderr, "stories_bench: unknown option '%s'\n", argv[i]);
        return 2;
      }
    } else {
      fprintf(
          stderr,
          "usage: stories_bench [--index N] [--measure N] [--no-quality] [--opt name=value ...]\n");
      return 2;
    }
  }
  ws::stream::StreamOptions so;
  so.articles = index + measure;
  auto g0 = std::chrono::steady_clock::now();
  ws::stream::StreamGenerator gen(so);
  printf("stream: %llu articles in %u stories (%.1f s to schedule)\n",
         static_cast<unsigned long long>(gen.size()), gen.stories(),
         Seconds(std::chrono::steady_clock::now() - g0));

  const long rss0 = RssKiB();
  ws::Clusterer clusterer(options);
  ws::ArticleInput a;
  uint64_t text_bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  double gen_s = 0;
  for (uint64_t i = 0; i < index; ++i) {
    auto q0 = std::chrono::steady_clock::now();
    gen.Make(i, &a);
    gen_s += Seconds(std::chrono::steady_clock::now() - q0);
    text_bytes += a.text.size() + a.title.size();
    (void)clusterer.Add(a);
    if ((i + 1) % 200000 == 0) {
      double s = Seconds(std::chrono::steady_clock::now() - t0);
      printf(
          "  indexed %llu: %.0f articles/s (generation excluded), %zu stories, %.0f index "
          "bytes/article\n",
          static_cast<unsigned long long>(i + 1), (i + 1) / (s - gen_s), clusterer.story_count(),
          static_cast<double>(clusterer.IndexBytes()) / clusterer.article_count());
      fflush(stdout);
    }
  }
  double fill_s = Seconds(std::chrono::steady_clock::now() - t0) - gen_s;
  const size_t bytes = clusterer.IndexBytes();
  const long rss1 = RssKiB();
  printf(
      "fill: %llu articles (%.0f bytes of text each) in %.1f s: %.0f articles/s; generation %.1f "
      "s\n",
      static_cast<unsigned long long>(index),
      static_cast<double>(text_bytes) / std::max<uint64_t>(index, 1), fill_s, index / fill_s,
      gen_s);
  printf(
      "memory: IndexBytes %.1f MiB = %.0f bytes/article; resident growth %.1f MiB = %.0f "
      "bytes/article\n",
      bytes / 1048576.0, static_cast<double>(bytes) / index, (rss1 - rss0) / 1024.0,
      (rss1 - rss0) * 1024.0 / index);

  for (const auto& [part, b] : clusterer.MemoryBreakdown())
    printf("  %-28s %8.1f MiB  %6.0f bytes/article\n", part.c_str(), b / 1048576.0,
           static_cast<double>(b) / index);

  // Measured phase.
  std::vector<ws::ArticleInput> batch(measure);
  for (uint64_t i = 0; i < measure; ++i) gen.Make(index + i, &batch[i]);
  std::vector<double> lat(measure), cpu_lat(measure);
  std::vector<size_t> stories_at(measure);
  const double c0 = CpuSeconds();
  auto m0 = std::chrono::steady_clock::now();
  for (uint64_t i = 0; i < measure; ++i) {
    const double tc = ThreadCpuSeconds();
    auto s = std::chrono::steady_clock::now();
    (void)clusterer.Add(batch[i]);
    lat[i] = Seconds(std::chrono::steady_clock::now() - s);
    cpu_lat[i] = ThreadCpuSeconds() - tc;
    stories_at[i] = clusterer.story_count();
  }
  {
    size_t worst = std::max_element(lat.begin(), lat.end()) - lat.begin();
    printf("slowest Add: article %llu of the measured phase (%.1f ms), %zu live stories then\n",
           static_cast<unsigned long long>(worst), lat[worst] * 1e3, stories_at[worst]);
  }
  const double wall = Seconds(std::chrono::steady_clock::now() - m0);
  const double cpu = CpuSeconds() - c0;
  std::vector<double> sorted = lat;
  std::sort(sorted.begin(), sorted.end());
  auto pct = [&](double p) {
    return sorted[std::min<size_t>(sorted.size() - 1, static_cast<size_t>(p * sorted.size()))] *
           1e3;
  };
  printf(
      "assign (with %llu indexed): %llu articles in %.2f s wall, %.2f s CPU: %.0f articles/s wall, "
      "%.0f per CPU-second\n",
      static_cast<unsigned long long>(index), static_cast<unsigned long long>(measure), wall, cpu,
      measure / wall, measure / cpu);
  printf("latency ms (wall): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n", pct(0.5),
         pct(0.9), pct(0.99), pct(0.999), sorted.back() * 1e3);
  sorted = cpu_lat;
  std::sort(sorted.begin(), sorted.end());
  printf("latency ms (thread CPU time): p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f\n",
         pct(0.5), pct(0.9), pct(0.99), pct(0.999), sorted.back() * 1e3);
  printf("load average at the end: %s\n", LoadAverage().c_str());

  // Persistence.
  auto s0 = std::chrono::steady_clock::now();
  std::string blob = clusterer.Serialize();
  double ser = Seconds(std::chrono::steady_clock::now() - s0);
  s0 = std::chrono::steady_clock::now();
  auto back = ws::Clusterer::Deserialize(blob);
  double de = Seconds(std::chrono::steady_clock::now() - s0);
  printf("serialize: %.1f MiB (%.0f bytes/article) in %.2f s; deserialize %.2f s (%s)\n",
         blob.size() / 1048576.0, static_cast<double>(blob.size()) / (index + measure), ser, de,
         back.ok() ? "ok" : back.status().ToString().c_str());

  if (quality) {
    std::vector<std::string> truth, pred;
    truth.reserve(index + measure);
    pred.reserve(index + measure);
    for (uint64_t i = 0; i < index + measure; ++i) {
      const auto& slot = gen.slot(i);
      truth.push_back(std::to_string(gen.TruthOf(i)));
      pred.push_back(
          clusterer.StoryOf("g" + std::to_string(slot.story) + "-" + std::to_string(slot.index))
              .value_or("?"));
    }
    auto sc = ws::ScoreClustering(truth, pred);
    if (sc.ok())
      printf(
          "quality on the generated stories: BCubed P %.3f R %.3f F1 %.3f; pairwise P %.3f R %.3f "
          "F1 %.3f; %zu true, %zu found\n",
          sc->bcubed_precision, sc->bcubed_recall, sc->bcubed_f1, sc->pair_precision,
          sc->pair_recall, sc->pair_f1, sc->truth_clusters, sc->predicted_clusters);
  }
  return 0;
}
