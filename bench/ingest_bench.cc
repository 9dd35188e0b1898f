// Ingest throughput on generated data: the two parsers, decompression, and whole streams.
//   build/release/ingest_bench --benchmark_min_time=1
// Figures are bytes of input per second (decompressed bytes for the decompression runs).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "ingest/decompress.h"
#include "ingest/streams.h"
#include "ingest/testing_sink.h"
#include "witness/ingest.h"
#include "witness/text.h"

namespace {

using witness::testing::Gzip;
using witness::testing::Zstd;

// Deterministic news-like prose: sentences of words from a small vocabulary.
std::string Prose(size_t bytes, uint64_t seed) {
  static const char* kWords[] = {
      "the",       "president",  "said",       "on",
      "Monday",    "that",       "troops",     "would",
      "leave",     "Kazakhstan", "after",      "unrest",
      "in",        "Almaty",     "security",   "bloc",
      "leaders",   "protests",   "government", "official",
      "8,000",     "people",     "were",       "detained",
      "and",       "a",          "spokesman",  "told",
      "reporters", "of",         "Russia's",   "\u201ccolour revolutions\u201d",
      "ex-Soviet", "2022"};
  constexpr size_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  std::string out;
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
  size_t in_sentence = 0;
  while (out.size() < bytes) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    std::string w = kWords[x % kCount];
    if (in_sentence == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
    out += w;
    if (++in_sentence > 8 + x % 14) {
      out += (x % 5 == 0) ? ".\n\n" : ". ";
      in_sentence = 0;
    } else {
      out += ' ';
    }
  }
  return out;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string JsonLine(int i, size_t text_bytes) {
  return "{\"id\":\"a" + std::to_string(i) +
         "\",\"source\":\"Daily Planet\",\"url\":\"https://www." + "dailyplanet.example/news/" +
         std::to_string(i) + "\",\"title\":\"Headline number " + std::to_string(i) +
         "\",\"published\":\"2022-01-10T08:00:00Z\",\"language\":\"en\"," +
         "\"tags\":[\"world\",\"asia\"],\"text\":\"MOSCOW (Reuters) - " +
         JsonEscape(Prose(text_bytes, i)) + "\"}";
}

std::string PlainArticle(size_t bytes, int i) {
  return " date 2022-01-10 Headline number " + std::to_string(i) +
         " about the unrest\n\nCaption line. PHOTO: REUTERS\n\nNUR-SULTAN, Jan 10 (Reuters) - " +
         Prose(bytes, i) + "\n";
}

std::string Feed(size_t bytes) {
  std::string feed;
  for (int i = 0; feed.size() < bytes; ++i) feed += JsonLine(i, 3000) + "\n";
  return feed;
}

class CountingSink : public witness::ArticleSink {
 public:
  void Accept(witness::Article a) override { ++accepted; }
  void Reject(const witness::Status&) override { ++rejected; }
  int accepted = 0, rejected = 0;
};

void BM_ParseJsonLine(benchmark::State& state) {
  std::vector<std::string> lines;
  size_t total = 0;
  for (int i = 0; i < 64; ++i) {
    lines.push_back(JsonLine(i, static_cast<size_t>(state.range(0))));
    total += lines.back().size();
  }
  for (auto _ : state) {
    for (const std::string& l : lines) {
      witness::StatusOr<witness::Article> a = witness::ParseJsonLine(l, "bench.jsonl:1");
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_ParseJsonLine)->Arg(500)->Arg(4000)->Arg(40000);

void BM_ParsePlainText(benchmark::State& state) {
  std::vector<std::string> docs;
  size_t total = 0;
  for (int i = 0; i < 16; ++i) {
    docs.push_back(PlainArticle(static_cast<size_t>(state.range(0)), i));
    total += docs.back().size();
  }
  for (auto _ : state) {
    for (const std::string& d : docs) {
      witness::StatusOr<witness::Article> a = witness::ParsePlainText(d, "corpus/daily/a.txt");
      benchmark::DoNotOptimize(a);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_ParsePlainText)->Arg(4000)->Arg(40000);

// The share of the parsers' time that belongs to the text pipeline (text.h), on the same
// kind of text: Normalize + Segment().WordCount(), which FinishArticle runs once per article.
void BM_TextPipelineShare(benchmark::State& state) {
  std::vector<std::string> texts;
  size_t total = 0;
  for (int i = 0; i < 16; ++i) {
    texts.push_back(Prose(static_cast<size_t>(state.range(0)), i));
    total += texts.back().size();
  }
  for (auto _ : state) {
    for (const std::string& t : texts) {
      witness::text::Normalized n = witness::text::Normalize(t);
      benchmark::DoNotOptimize(witness::text::Segment(n.text).WordCount());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_TextPipelineShare)->Arg(4000)->Arg(40000);

void Decompress(benchmark::State& state, const std::string& compressed, size_t plain_size) {
  std::string buf(1 << 16, '\0');
  for (auto _ : state) {
    witness::ingest_internal::ViewStream source(compressed);
    auto s = witness::ingest_internal::OpenDecompressed(&source, "bench");
    size_t n = 0;
    while (true) {
      witness::StatusOr<size_t> r = (*s)->Read(buf.data(), buf.size());
      if (!r.ok() || *r == 0) break;
      n += *r;
    }
    if (n != plain_size) state.SkipWithError("size mismatch");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * plain_size));
}

void BM_GzipDecompress(benchmark::State& state) {
  static const std::string plain = Feed(32u << 20);
  static const std::string gz = Gzip(plain);
  state.counters["ratio"] = static_cast<double>(plain.size()) / gz.size();
  Decompress(state, gz, plain.size());
}
BENCHMARK(BM_GzipDecompress)->Unit(benchmark::kMillisecond);

void BM_ZstdDecompress(benchmark::State& state) {
  static const std::string plain = Feed(32u << 20);
  static const std::string z = Zstd(plain);
  state.counters["ratio"] = static_cast<double>(plain.size()) / z.size();
  Decompress(state, z, plain.size());
}
BENCHMARK(BM_ZstdDecompress)->Unit(benchmark::kMillisecond);

// Whole streams: detection, line splitting, parsing, finishing; bytes are the stream's size.
void BM_ReadStreamJsonl(benchmark::State& state) {
  static const std::string plain = Feed(16u << 20);
  static const std::string gz = Gzip(plain);
  const std::string& input = state.range(0) == 0 ? plain : gz;
  for (auto _ : state) {
    witness::ingest_internal::ViewStream s(input);
    CountingSink sink;
    witness::ReadStream(state.range(0) == 0 ? "feed.jsonl" : "feed.jsonl.gz", &s, {}, &sink);
    if (sink.rejected != 0) state.SkipWithError("rejections");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * plain.size()));
}
BENCHMARK(BM_ReadStreamJsonl)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
