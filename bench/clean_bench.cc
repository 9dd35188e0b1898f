// CleanText throughput on real English text (PolNeAR articles, the seed reports) and WARC
// parsing throughput on a generated archive (plain, gzip per record).
//   build/release/clean_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/testing_sink.h"
#include "news_texts.h"
#include "witness/clean.h"
#include "witness/warc.h"

namespace {

using witness::testing::Gzip;

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts =
      witness::bench::ReadTexts({{"attribution/text", ".txt"}, {"seeds", ".txt"}});
  return texts;
}

void BM_CleanText(benchmark::State& state) {
  const auto& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("no text under WITNESS_SHARED_DATA");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      witness::clean::CleanResult r = witness::clean::CleanText(t);
      benchmark::DoNotOptimize(r.text.data());
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["articles"] = static_cast<double>(texts.size());
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond);

void BM_CleanTextWithTemplate(benchmark::State& state) {
  const auto& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("no text under WITNESS_SHARED_DATA");
    return;
  }
  witness::clean::SourceTemplate tmpl;
  for (const auto& t : texts) tmpl.AddArticle(t);
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      witness::clean::CleanResult r = witness::clean::CleanText(t, {}, &tmpl);
      benchmark::DoNotOptimize(r.text.data());
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CleanTextWithTemplate)->Unit(benchmark::kMillisecond);

void BM_TemplateAdd(benchmark::State& state) {
  const auto& texts = Texts();
  size_t bytes = 0;
  for (auto _ : state) {
    witness::clean::SourceTemplate tmpl;
    for (const auto& t : texts) {
      tmpl.AddArticle(t);
      bytes += t.size();
    }
    benchmark::DoNotOptimize(tmpl.entries());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_TemplateAdd)->Unit(benchmark::kMillisecond);

// A crawl-like archive: per page a request, a response (HTML made of real article text, some
// gzip-encoded and chunked), and a metadata record.
struct Archive {
  std::string plain, gzip_members;
  size_t pages = 0;
};

const Archive& MakeArchive() {
  static const Archive a = [] {
    Archive a;
    const auto& texts = Texts();
    for (size_t i = 0; i < texts.size(); ++i) {
      std::string html = "<!doctype html><html><head><title>t</title></head><body><article><p>" +
                         texts[i] + "</p></article></body></html>";
      std::string body = html, extra;
      if (i % 3 == 0) {
        body = Gzip(html);
        extra = "Content-Encoding: gzip\r\n";
      }
      std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra +
                         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
      std::string uri = "https://news.example/" + std::to_string(i);
      auto rec = [&](const char* type, const char* ct, const std::string& block) {
        return std::string("WARC/1.0\r\nWARC-Type: ") + type + "\r\nWARC-Target-URI: " + uri +
               "\r\nWARC-Date: 2022-01-10T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:" +
               std::to_string(i) + type + ">\r\nContent-Type: " + ct +
               "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
               "\r\n\r\n";
      };
      std::string recs[] = {
          rec("request", "application/http; msgtype=request",
              "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"),
          rec("response", "application/http; msgtype=response", http),
          rec("metadata", "application/warc-fields", "fetchTimeMs: 120\r\n"),
      };
      for (const auto& r : recs) {
        a.plain += r;
        a.gzip_members += Gzip(r);
      }
      ++a.pages;
    }
    return a;
  }();
  return a;
}

void ReadArchive(benchmark::State& state, const std::string& input) {
  if (input.empty()) {
    state.SkipWithError("no text under WITNESS_SHARED_DATA");
    return;
  }
  size_t pages = 0;
  for (auto _ : state) {
    witness::warc::WarcHtmlReader reader("bench", witness::warc::ReadFromMemory(input));
    witness::warc::HtmlPage page;
    for (;;) {
      witness::StatusOr<bool> more = reader.Next(&page);
      if (!more.ok()) {
        state.SkipWithError(more.status().ToString().c_str());
        return;
      }
      if (!*more) break;
      ++pages;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(input.size() * state.iterations()));
  state.counters["pages/s"] =
      benchmark::Counter(static_cast<double>(pages), benchmark::Counter::kIsRate);
  state.counters["archive_MB"] = static_cast<double>(input.size()) / 1e6;
}

void BM_WarcPlain(benchmark::State& state) { ReadArchive(state, MakeArchive().plain); }
void BM_WarcGzipMembers(benchmark::State& state) { ReadArchive(state, MakeArchive().gzip_members); }
BENCHMARK(BM_WarcPlain)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcGzipMembers)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
