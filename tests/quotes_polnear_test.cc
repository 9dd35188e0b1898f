// Quote and speaker extraction on PolNeAR (shared/data/attribution): floors just below the
// figures measured with bench/quotes_eval (doc/performance.md), so a regression fails.
#include <gtest/gtest.h>

#include <filesystem>

#include "compare/quote_eval.h"

namespace witness::quotes::eval {
namespace {

namespace fs = std::filesystem;

TEST(QuotesPolnear, DirectQuotesWithTheRightSpeaker) {
  const fs::path dir = fs::path(WITNESS_SHARED_DATA) / "attribution";
  if (!fs::is_directory(dir / "text")) GTEST_SKIP() << "PolNeAR not found: " << dir;
  auto report = EvaluatePolnear(dir.string(), Options{});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const Scores& all = report->overall;
  ASSERT_GE(all.articles, 800u);
  ASSERT_GE(all.direct.gold, 3500u);  // the gold definition finds the direct quotes
  const Counts& d = all.direct;
  // Measured: content F1 0.898, content + speaker F1 0.871 (held-out 0.876).
  EXPECT_GE(F1(d.match, d.pred, d.gold), 0.88);
  EXPECT_GE(F1(d.speaker, d.pred, d.gold), 0.855);
  const Counts& h = report->held_out.direct;
  EXPECT_GE(F1(h.speaker, h.pred, h.gold), 0.85);
  // All attributions (indirect included): precision matters most there.
  EXPECT_GE(double(all.all.match) / double(all.all.pred), 0.80);
}

}  // namespace
}  // namespace witness::quotes::eval
