// Fuzz target: CompareStory on a story cut from any bytes.
//
// The input is split into up to 8 articles at form feeds (U+000C); the first line of each
// becomes its source, the rest its text (any bytes: invalid UTF-8 is repaired by the
// comparison itself). Checks: nothing crashes or hangs; every span of the result lies inside
// its article's text; indices point where they should; the JSON parses and is valid UTF-8;
// the text rendering is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "witness/compare.h"
#include "witness/text.h"

namespace {

namespace cmp = witness::compare;

void CheckAt(bool ok, int line) {
  if (ok) return;
  std::fprintf(stderr, "compare_fuzz.cc:%d: check failed\n", line);
  std::abort();
}
#define Check(x) CheckAt((x), __LINE__)

void CheckRef(const cmp::StoryComparison& c, uint32_t article, witness::text::Span s) {
  Check(article < c.articles.size());
  Check(s.begin <= s.end);
  Check(s.end <= c.articles[article].text.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<witness::Article> articles;
  size_t from = 0;
  while (from <= bytes.size() && articles.size() < 8) {
    size_t cut = bytes.find('\f', from);
    if (cut == std::string_view::npos || articles.size() == 7) cut = bytes.size();
    const std::string_view piece = bytes.substr(from, cut - from);
    witness::Article a;
    const size_t nl = piece.find('\n');
    a.source = std::string(piece.substr(0, nl == std::string_view::npos ? 0 : nl));
    a.text = std::string(nl == std::string_view::npos ? piece : piece.substr(nl + 1));
    a.id = articles.size() % 3 == 2 ? "" : "a" + std::to_string(articles.size() % 2);
    articles.push_back(std::move(a));
    from = cut + 1;
  }
  const cmp::StoryComparison c = cmp::CompareStory(articles);
  Check(c.articles.size() == articles.size());
  Check(c.coverage.size() == articles.size());
  size_t grouped = 0;
  for (const auto& g : c.copy_groups) grouped += g.size();
  Check(grouped == articles.size());
  for (const auto& a : c.articles) Check(witness::text::IsValidUtf8(a.text));
  for (const auto& s : c.statements) CheckRef(c, s.where.article, s.where.span);
  for (const auto& f : c.facts) {
    Check(f.statement < c.statements.size());
    Check(!f.carriers.empty() && f.carriers[0].article == f.where.article);
    Check(f.independent >= 1 && f.independent <= c.copy_groups.size());
    for (const auto& k : f.carriers) CheckRef(c, k.article, k.span);
  }
  for (uint32_t f : c.agreed) Check(f < c.facts.size());
  for (const auto& cov : c.coverage) {
    for (const auto& u : cov.unique) {
      CheckRef(c, u.where.article, u.where.span);
      if (u.has_closest) CheckRef(c, u.closest.article, u.closest.span);
    }
    for (uint32_t f : cov.omitted) Check(f < c.facts.size());
    for (uint32_t f : cov.group_exclusive) Check(f < c.facts.size());
  }
  for (const auto& e : c.entities) {
    for (const auto& in : e.articles) CheckRef(c, in.article, in.first);
  }
  for (const auto& q : c.quotes) CheckRef(c, q.article, q.quote.content);
  Check(c.figure_article.size() == c.figures.size());
  for (size_t i = 0; i < c.figures.size(); ++i) {
    CheckRef(c, c.figure_article[i], c.figures[i].figure.span);
  }
  const std::string json = cmp::ComparisonToJson(c, -1);
  Check(witness::text::IsValidUtf8(json));
  Check(!nlohmann::json::parse(json, nullptr, false).is_discarded());
  Check(witness::text::IsValidUtf8(cmp::ComparisonToText(c, 80)));
  return 0;
}
