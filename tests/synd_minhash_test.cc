// MinHash estimates against exact Jaccard on real text: the sample story's pairs, and PAN
// source documents paired with trimmed and spliced versions of themselves (Jaccard from 0 to
// 1), each estimate within the binomial error 128 permutations promise.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "witness/sketch.h"
#include "witness/text.h"

namespace witness::sketch {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return text::Normalize(ss.str()).text;
}

double Exact(std::string_view a, std::string_view b) {
  std::vector<uint64_t> x, y;
  ShingleHashes(a, 5, &x);
  ShingleHashes(b, 5, &y);
  // The signature works on 32-bit folds of the shingle hashes; so does the exact count.
  auto fold = [](const std::vector<uint64_t>& v) {
    std::unordered_set<uint32_t> s;
    for (uint64_t h : v) s.insert(static_cast<uint32_t>(h ^ (h >> 32)));
    return s;
  };
  const auto sa = fold(x), sb = fold(y);
  size_t inter = 0;
  for (uint32_t h : sa) inter += sb.count(h);
  const size_t uni = sa.size() + sb.size() - inter;
  return uni == 0 ? 0 : double(inter) / uni;
}

TEST(MinHashRealText, EstimatesWithinStatisticalError) {
  const fs::path seeds = fs::path(WITNESS_SHARED_DATA) / "seeds";
  const fs::path src = fs::path(WITNESS_SHARED_DATA) / "text-reuse" / "src";
  if (!fs::exists(seeds) || !fs::exists(src)) GTEST_SKIP() << "shared data not found";
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::string> seed_texts;
  for (const auto& e : fs::directory_iterator(seeds)) seed_texts.push_back(Read(e.path()));
  for (size_t i = 0; i < seed_texts.size(); ++i) {
    for (size_t j = i + 1; j < seed_texts.size(); ++j) pairs.emplace_back(seed_texts[i], seed_texts[j]);
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(src)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (size_t k = 0; k < files.size() && pairs.size() < 300; k += 7) {
    const std::string t = Read(files[k]);
    if (t.size() < 2000) continue;
    const std::string other = Read(files[(k + 3) % files.size()]);
    const size_t cut = t.size() * (10 + (k * 37) % 85) / 100;  // keep 10% .. 94%
    pairs.emplace_back(t, t.substr(0, cut));                       // a trim
    pairs.emplace_back(t.substr(0, cut), t.substr(0, cut / 2) + "\n\n" + other);  // a splice
  }
  MinHasher h;
  int outside = 0, n = 0;
  double bias = 0;
  for (const auto& [a, b] : pairs) {
    const double j = Exact(a, b);
    const double est = EstimateOverlap(h.Compute(a), h.Compute(b)).jaccard;
    const double sigma = std::sqrt(std::max(j * (1 - j), 1.0 / 128) / 128);
    outside += std::abs(est - j) > 3 * sigma;
    bias += est - j;
    ++n;
  }
  ASSERT_GT(n, 100);
  EXPECT_LE(outside, n / 100 + 2) << "of " << n;  // 3 sigma: 0.3% expected
  EXPECT_LT(std::abs(bias / n), 0.01);
}

}  // namespace
}  // namespace witness::sketch
