// Speed of ExtractHtml on one core over the article extraction benchmark's 181 pages (31 MB of
// HTML): pages/s, MB/s of input HTML, time per stage, and peak RSS.
//
//   build/release/extract_bench                 # 5 rounds, best round reported
//   build/release/extract_bench --rounds 20
//   build/release/extract_bench --data DIR
//   build/release/extract_bench --hostile       # 32 MiB pathological pages instead
// Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), best of the rounds.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "clean/charset.h"
#include "clean/html_content.h"
#include "clean/html_dom.h"
#include "clean/html_eval.h"
#include "clean/html_prescan.h"
#include "clean/metadata.h"
#include "witness/extract.h"

namespace {

// Thread CPU time: the machine may be shared, and waiting for a core is not extraction time.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(double a, double b) { return b - a; }

long PeakRssKiB() {
  struct rusage u {};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

// Pages built to hurt: deep nesting, millions of tiny elements, unclosed formatting
// elements, one huge text node. Each is just under the default 32 MiB limit.
int Hostile() {
  struct Case {
    const char* name;
    std::string unit;
  };
  const Case cases[] = {
      {"nested <div>", "<div>"},
      {"<a><p> pairs", "<a><p>"},
      {"<p>x paragraphs", "<p>x"},
      {"<b> left open", "<b>"},
      {"<p><b id=N> (reopened formatting)", "<p><b id=1>x"},
      {"<table><td>x", "<table><td>x"},
      {"<svg><g>", "<svg><g>"},
      {"attributes", "<p a=1 b=2 c=3 d=4>x</p>"},
      {"plain text", "hello world, "},
  };
  std::printf("hostile pages, 32 MiB each (thread CPU time; peak RSS is the process's so far)\n");
  for (const Case& c : cases) {
    std::string html;
    html.reserve(32u << 20);
    while (html.size() + c.unit.size() < (32u << 20) - 64) html += c.unit;
    const double t0 = Clock::now();
    auto e = witness::ExtractHtml(html, {}, c.name);
    const double t = Clock::now() - t0;
    std::printf("  %-36s %s %6.2f s  %5.1f MB/s  text %5.1f MB  peak RSS %6.1f MiB\n", c.name,
                e.ok() ? "ok " : "err", t, static_cast<double>(html.size()) / 1e6 / t,
                e.ok() ? static_cast<double>(e->text.size()) / 1e6 : 0.0,
                static_cast<double>(PeakRssKiB()) / 1024.0);
  }
  return 0;
}

int main(int argc, char** argv) {
  std::string data = std::string(WITNESS_SHARED_DATA) + "/article-extraction";
  int rounds = 5;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--rounds" && i + 1 < argc)
      rounds = std::max(1, std::stoi(argv[++i]));
    else if (a == "--hostile")
      return Hostile();
    else {
      std::fprintf(stderr, "usage: extract_bench [--data DIR] [--rounds N] [--hostile]\n");
      return 2;
    }
  }
  auto pages = witness::clean::LoadBenchmark(data);
  if (!pages.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", pages.status().ToString().c_str());
    return 1;
  }
  size_t bytes = 0;
  for (const auto& p : *pages) bytes += p.html.size();
  const long rss_loaded = PeakRssKiB();

  // Whole calls.
  double best = 1e30;
  size_t text_bytes = 0;
  for (int r = 0; r < rounds; ++r) {
    text_bytes = 0;
    const auto t0 = Clock::now();
    for (const auto& p : *pages) {
      auto e = witness::ExtractHtml(p.html);
      if (e.ok()) text_bytes += e->text.size();
    }
    best = std::min(best, Seconds(t0, Clock::now()));
  }

  // Stages, one round (the best of `rounds`).
  double t_charset = 1e30, t_prescan = 1e30, t_parse = 1e30, t_meta = 1e30, t_content = 1e30;
  for (int r = 0; r < rounds; ++r) {
    double c = 0, s = 0, g = 0, m = 0, x = 0;
    for (const auto& p : *pages) {
      auto a = Clock::now();
      witness::clean::Decoded d = witness::clean::DecodeHtml(p.html);
      auto b = Clock::now();
      witness::clean::Prescanned pre = witness::clean::Prescan(d.utf8);
      auto e = Clock::now();
      {
        witness::clean::Dom dom(pre.html);
        auto f = Clock::now();
        witness::clean::PageMetadata meta =
            witness::clean::ExtractMetadata(dom, pre.json_ld, p.url);
        auto h = Clock::now();
        witness::clean::ContentOptions co;
        co.title = meta.title;
        witness::clean::ContentResult content = witness::clean::ExtractContent(dom, co);
        auto k = Clock::now();
        g += Seconds(e, f);
        m += Seconds(f, h);
        x += Seconds(h, k);
      }
      c += Seconds(a, b);
      s += Seconds(b, e);
    }
    t_charset = std::min(t_charset, c);
    t_prescan = std::min(t_prescan, s);
    t_parse = std::min(t_parse, g);
    t_meta = std::min(t_meta, m);
    t_content = std::min(t_content, x);
  }

  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("pages=%zu html=%.1f MB rounds=%d (best round, thread CPU time)\n", pages->size(), mb,
              rounds);
  std::printf("ExtractHtml: %.3f s  %.1f pages/s  %.1f MB/s  (%.2f ms/page; text out %.1f MB)\n",
              best, static_cast<double>(pages->size()) / best, mb / best,
              1000.0 * best / static_cast<double>(pages->size()),
              static_cast<double>(text_bytes) / 1e6);
  std::printf(
      "stages: charset %.3f s | prescan %.3f s | gumbo parse + flat DOM %.3f s | "
      "metadata %.3f s | content %.3f s\n",
      t_charset, t_prescan, t_parse, t_meta, t_content);
  std::printf("peak RSS: %.1f MiB (%.1f MiB with the pages loaded, before extracting)\n",
              static_cast<double>(PeakRssKiB()) / 1024.0, static_cast<double>(rss_loaded) / 1024.0);
  return 0;
}
