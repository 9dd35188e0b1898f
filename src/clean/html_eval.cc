#include "clean/html_eval.h"

#include <unicode/uchar.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "clean/html_text.h"

namespace witness::clean {

namespace {

// Python's str.isalnum() or '_' (the \w of a str pattern).
bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

using ShingleCounts = std::unordered_map<std::string, int>;

ShingleCounts Shingles(const std::vector<std::string>& tokens) {
  ShingleCounts counts;
  constexpr size_t kN = 4;
  if (tokens.empty()) return counts;
  const size_t count = tokens.size() >= kN ? tokens.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string key;
    for (size_t k = i; k < std::min(tokens.size(), i + kN); ++k) {
      key += tokens[k];
      key.push_back('\x1f');
    }
    ++counts[key];
  }
  return counts;
}

}  // namespace

double PageScore::Precision() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fp == 0) return 0.0;
  return tp / (tp + fp);
}

double PageScore::Recall() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fn == 0) return 0.0;
  return tp / (tp + fn);
}

double PageScore::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

std::vector<std::string> WordTokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string cur;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    const uint32_t cp = NextCodePoint(text, &i);
    if (IsWordCodePoint(cp)) {
      cur.append(text.data() + start, i - start);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

PageScore ScorePage(std::string_view truth, std::string_view prediction) {
  const std::vector<std::string> t = WordTokens(truth), p = WordTokens(prediction);
  PageScore s;
  s.exact = t == p;
  const ShingleCounts ts = Shingles(t), ps = Shingles(p);
  for (const auto& [key, tc] : ts) {
    auto it = ps.find(key);
    const int pc = it == ps.end() ? 0 : it->second;
    s.tp += std::min(tc, pc);
    s.fn += std::max(0, tc - pc);
  }
  for (const auto& [key, pc] : ps) {
    auto it = ts.find(key);
    const int tc = it == ts.end() ? 0 : it->second;
    s.fp += std::max(0, pc - tc);
  }
  const double sum = s.tp + s.fp + s.fn;
  if (sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  return s;
}

EvalSummary Summarize(const std::vector<PageScore>& pages) {
  EvalSummary sum;
  sum.pages = pages.size();
  double p = 0, r = 0;
  size_t np = 0, nr = 0, exact = 0;
  for (const PageScore& s : pages) {
    if (s.tp + s.fp > 0) p += s.Precision(), ++np;
    if (s.tp + s.fn > 0) r += s.Recall(), ++nr;
    exact += s.exact;
  }
  sum.precision = np ? p / static_cast<double>(np) : 0;
  sum.recall = nr ? r / static_cast<double>(nr) : 0;
  sum.f1 = sum.precision + sum.recall > 0
               ? 2 * sum.precision * sum.recall / (sum.precision + sum.recall)
               : 0;
  sum.accuracy = pages.empty() ? 0 : static_cast<double>(exact) / static_cast<double>(pages.size());
  return sum;
}

StatusOr<std::string> ReadGzipFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(path + ": cannot open");
  std::string out;
  char buf[1 << 16];
  for (;;) {
    const int n = gzread(f, buf, sizeof buf);
    if (n < 0) {
      int err = 0;
      std::string msg = gzerror(f, &err);
      gzclose(f);
      return Status::Corruption(path + ": " + msg);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  gzclose(f);
  return out;
}

StatusOr<std::vector<BenchmarkPage>> LoadBenchmark(const std::string& dir) {
  const std::string truth_path = dir + "/ground-truth.json";
  std::ifstream in(truth_path);
  if (!in) return Status::NotFound(truth_path + ": no such file");
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json truth = nlohmann::json::parse(ss.str(), nullptr, false);
  if (truth.is_discarded() || !truth.is_object()) {
    return Status::Corruption(truth_path + ": not a JSON object");
  }
  std::vector<BenchmarkPage> pages;
  for (auto it = truth.begin(); it != truth.end(); ++it) {
    BenchmarkPage page;
    page.id = it.key();
    const nlohmann::json& v = it.value();
    if (v.contains("url") && v["url"].is_string()) page.url = v["url"].get<std::string>();
    if (v.contains("articleBody") && v["articleBody"].is_string()) {
      page.truth = v["articleBody"].get<std::string>();
    }
    StatusOr<std::string> html = ReadGzipFile(dir + "/html/" + page.id + ".html.gz");
    if (!html.ok()) return html.status();
    page.html = std::move(*html);
    pages.push_back(std::move(page));
  }
  std::sort(pages.begin(), pages.end(),
            [](const BenchmarkPage& a, const BenchmarkPage& b) { return a.id < b.id; });
  return pages;
}

}  // namespace witness::clean
