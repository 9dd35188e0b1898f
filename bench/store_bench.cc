// store_bench: how fast the SQLite store writes and reads.
//
//   build/release/store_bench                      # everything
//   build/release/store_bench --benchmark_filter=Put
//
// Articles are the PolNeAR texts from the development data (840 real news articles, 2-8 KB
// each, cycled with fresh ids) when ../shared/data is present, else generated English-like
// text of the same sizes. HTML variants attach the article-extraction pages (real pages,
// about 190 KB each) when present. Files live in a temporary folder removed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "clean/html_eval.h"
#include "witness/store.h"

namespace {

namespace fs = std::filesystem;
using witness::Article;
using witness::Store;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A temporary folder for the databases, removed at exit.
const std::string& WorkDir() {
  static const std::string dir = [] {
    std::string templ = (fs::temp_directory_path() / "witness_store_bench_XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) std::abort();
    std::atexit([] { fs::remove_all(WorkDir()); });
    return templ;
  }();
  return dir;
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

// Texts of 2-8 KB: real articles when the data is there.
const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    fs::path dir = fs::path(WITNESS_SHARED_DATA) / "attribution" / "text";
    if (fs::exists(dir)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::string t = ReadAll(f);
        if (t.size() >= 2048 && t.size() <= 8192) out.push_back(std::move(t));
      }
    }
    if (out.empty()) {
      std::mt19937 rng(1);
      std::vector<std::string> words;
      for (int i = 0; i < 3000; ++i) {
        std::string w;
        int len = 2 + static_cast<int>(rng() % 8);
        for (int k = 0; k < len; ++k) w.push_back(static_cast<char>('a' + rng() % 26));
        words.push_back(w);
      }
      for (int i = 0; i < 800; ++i) {
        std::string t;
        size_t target = 2048 + rng() % 6144;
        while (t.size() < target) t += words[std::min(rng() % 3000, rng() % 3000)] + " ";
        out.push_back(std::move(t));
      }
    }
    return out;
  }();
  return texts;
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    fs::path dir = fs::path(WITNESS_SHARED_DATA) / "article-extraction" / "html";
    if (fs::exists(dir)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        witness::StatusOr<std::string> html = witness::clean::ReadGzipFile(f.string());
        out.push_back(html.ok() ? std::move(*html) : std::string());
      }
    }
    if (out.empty()) {
      for (const std::string& t : Texts()) {
        out.push_back("<html><head><title>t</title></head><body><div class=\"a\"><p>" + t +
                      "</p></div></body></html>");
      }
    }
    return out;
  }();
  return pages;
}

std::string HexId(uint64_t n) {
  // A content-hash-like id: 16 hex digits of a mixed counter.
  uint64_t x = n * 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(x));
  return buf;
}

Article MakeArticle(uint64_t n, bool html) {
  const auto& texts = Texts();
  Article a;
  a.id = HexId(n);
  a.source = "outlet" + std::to_string(n % 40) + ".com";
  a.url = "https://" + a.source + "/news/" + std::to_string(n);
  a.title = "Headline " + std::to_string(n);
  if (n % 10 != 0) {  // a tenth without a date
    a.published = "2022-" + std::string(n % 12 < 9 ? "0" : "") + std::to_string(n % 12 + 1) + "-" +
                  std::string(n % 28 < 9 ? "0" : "") + std::to_string(n % 28 + 1);
  }
  a.language = "en";
  a.places = {"WASHINGTON"};
  a.agencies = {"AP"};
  a.text = texts[n % texts.size()];
  a.raw = a.text;  // the common case: plain-text input stored as read
  if (html) {
    a.content_type = witness::ContentType::kHtml;
    a.html = Pages()[n % Pages().size()];
    a.raw = a.html;
  }
  a.extra_json = "{}";
  a.origin = "bench:" + std::to_string(n);
  a.word_count = static_cast<uint32_t>(a.text.size() / 6);
  return a;
}

size_t Bytes(const Article& a) { return a.text.size() + a.html.size(); }

std::unique_ptr<Store> OpenOrDie(const std::string& path, witness::StoreOptions o = {}) {
  auto s = Store::Open(path, o);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
    std::abort();
  }
  return std::move(*s);
}

// Args: batch size, html (0/1), sync_full (0/1).
void BM_Put(benchmark::State& state) {
  const size_t batch_size = static_cast<size_t>(state.range(0));
  const bool html = state.range(1) != 0;
  std::string path = WorkDir() + "/put.db";
  RemoveDb(path);
  auto store = OpenOrDie(path, {.sync_full = state.range(2) != 0});
  std::vector<Article> batch;
  for (size_t i = 0; i < batch_size; ++i) batch.push_back(MakeArticle(i, html));
  uint64_t next = 0, bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (Article& a : batch) a.id = HexId(next++);  // fresh ids: every article is new
    state.ResumeTiming();
    auto r = store->Put(batch);
    if (!r.ok() || r->added != batch_size) state.SkipWithError("put failed");
    for (const Article& a : batch) bytes += Bytes(a);
  }
  state.SetItemsProcessed(static_cast<int64_t>(next));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  store.reset();
  state.counters["db_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
  RemoveDb(path);
}
BENCHMARK(BM_Put)
    ->ArgNames({"batch", "html", "sync_full"})
    ->Args({100, 0, 0})
    ->Args({1000, 0, 0})
    ->Args({100, 0, 1})
    ->Args({1000, 0, 1})
    ->Args({100, 1, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Re-ingesting what is already stored (every article unchanged).
void BM_PutUnchanged(benchmark::State& state) {
  const size_t batch_size = static_cast<size_t>(state.range(0));
  std::string path = WorkDir() + "/unchanged.db";
  RemoveDb(path);
  auto store = OpenOrDie(path);
  std::vector<Article> batch;
  for (size_t i = 0; i < batch_size; ++i) batch.push_back(MakeArticle(i, false));
  if (!store->Put(batch).ok()) state.SkipWithError("put failed");
  uint64_t n = 0;
  for (auto _ : state) {
    auto r = store->Put(batch);
    if (!r.ok() || r->unchanged != batch_size) state.SkipWithError("re-put failed");
    n += batch_size;
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
  store.reset();
  RemoveDb(path);
}
BENCHMARK(BM_PutUnchanged)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

// A store of kReadArticles plain-text articles shared by the read benchmarks.
constexpr uint64_t kReadArticles = 100000;

const std::string& ReadDb() {
  static const std::string path = [] {
    std::string p = WorkDir() + "/read.db";
    auto store = OpenOrDie(p);
    std::vector<Article> batch;
    for (uint64_t n = 0; n < kReadArticles; ++n) {
      batch.push_back(MakeArticle(n, false));
      if (batch.size() == 1000) {
        if (!store->Put(batch).ok()) std::abort();
        batch.clear();
      }
    }
    return p;
  }();
  return path;
}

void BM_GetById(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  std::mt19937_64 rng(5);
  for (auto _ : state) {
    auto a = store->Get(HexId(rng() % kReadArticles));
    if (!a.ok()) state.SkipWithError("get failed");
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GetById)->Unit(benchmark::kMicrosecond);

void BM_GetByPrefix(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  std::mt19937_64 rng(6);
  for (auto _ : state) {
    auto a = store->Get(HexId(rng() % kReadArticles).substr(0, 10));
    if (!a.ok()) state.SkipWithError(a.status().ToString().c_str());
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GetByPrefix)->Unit(benchmark::kMicrosecond);

// Args: 0 = no filter, 1 = source, 2 = since, 3 = source + since; range(1) = offset.
void BM_List(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  witness::ListOptions o;
  o.limit = 50;
  o.offset = static_cast<uint64_t>(state.range(1));
  if (state.range(0) & 1) o.source = "outlet7.com";
  if (state.range(0) & 2) o.since = "2022-06-15";
  size_t rows = 0;
  for (auto _ : state) {
    auto r = store->List(o);
    if (!r.ok() || r->empty()) state.SkipWithError("list failed");
    rows += r.ok() ? r->size() : 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(rows));
}
BENCHMARK(BM_List)
    ->ArgNames({"filter", "offset"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({2, 0})
    ->Args({3, 0})
    ->Args({0, 50000})
    ->Unit(benchmark::kMicrosecond);

void BM_ListAll(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  for (auto _ : state) {
    auto r = store->List({});
    if (!r.ok() || r->size() != kReadArticles) state.SkipWithError("list failed");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kReadArticles));
}
BENCHMARK(BM_ListAll)->Unit(benchmark::kMillisecond);

void BM_Count(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  for (auto _ : state) {
    auto n = store->CountArticles();
    if (!n.ok() || *n != kReadArticles) state.SkipWithError("count failed");
  }
}
BENCHMARK(BM_Count)->Unit(benchmark::kMillisecond);

void BM_Scan(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  uint64_t n = 0, bytes = 0;
  for (auto _ : state) {
    witness::Status s = store->Scan({}, [&](Article&& a) {
      ++n;
      bytes += a.text.size();
      return witness::Status::OK();
    });
    if (!s.ok()) state.SkipWithError("scan failed");
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Scan)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Check(benchmark::State& state) {
  auto store = OpenOrDie(ReadDb(), {.read_only = true});
  for (auto _ : state) {
    if (!store->Check().ok()) state.SkipWithError("check failed");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kReadArticles));
  state.counters["db_MB"] = static_cast<double>(fs::file_size(ReadDb())) / 1e6;
}
BENCHMARK(BM_Check)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
