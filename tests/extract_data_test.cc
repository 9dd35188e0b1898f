// ExtractHtml over the article extraction benchmark (181 real pages, human-checked bodies).
// Floors sit a little below what the extractor reaches (see doc/performance.md), so
// that a change that makes extraction worse fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "clean/html_dom.h"
#include "clean/html_eval.h"
#include "clean/html_prescan.h"
#include "witness/extract.h"
#include "witness/text.h"

namespace witness {
namespace {

const std::string kDir = std::string(WITNESS_SHARED_DATA) + "/article-extraction";

class ExtractDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kDir + "/ground-truth.json")) return;
    auto loaded = clean::LoadBenchmark(kDir);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    pages_ = new std::vector<clean::BenchmarkPage>(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete pages_;
    pages_ = nullptr;
  }
  void SetUp() override {
    if (pages_ == nullptr) {
      GTEST_SKIP() << "article extraction benchmark not found at " << kDir
                   << " (ground-truth.json, html/*.html.gz)";
    }
  }
  static std::vector<clean::BenchmarkPage>* pages_;
};

std::vector<clean::BenchmarkPage>* ExtractDataTest::pages_ = nullptr;

TEST_F(ExtractDataTest, ShingleF1MeetsTheFloor) {
  ASSERT_EQ(pages_->size(), 181u);
  std::vector<clean::PageScore> scores;
  size_t titled = 0, dated = 0;
  for (const auto& page : *pages_) {
    ExtractOptions options;
    options.url = page.url;
    StatusOr<Extracted> e = ExtractHtml(page.html, options, page.id);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    EXPECT_TRUE(witness::text::IsValidUtf8(e->text)) << page.id;
    EXPECT_TRUE(witness::text::IsValidUtf8(e->title)) << page.id;
    EXPECT_FALSE(e->url.empty()) << page.id;
    titled += !e->title.empty();
    dated += !e->published.empty();
    scores.push_back(clean::ScorePage(page.truth, e->text));
  }
  const clean::EvalSummary sum = clean::Summarize(scores);
  // Measured: precision 0.980, recall 0.988, F1 0.984, accuracy 0.49.
  EXPECT_GE(sum.f1, 0.975);
  EXPECT_GE(sum.precision, 0.970);
  EXPECT_GE(sum.recall, 0.978);
  EXPECT_GE(sum.accuracy, 0.42);
  // Every page has a headline; most say when they were published.
  EXPECT_EQ(titled, pages_->size());
  EXPECT_GE(dated, pages_->size() * 80 / 100);  // measured: 157 of 181
  RecordProperty("f1", std::to_string(sum.f1));
}

// The pre-pass removes scripts, styles, comments, svg and unused attributes and caps
// nesting: on real pages the parser must still see exactly the same text.
TEST_F(ExtractDataTest, PrescanKeepsTheVisibleText) {
  auto visible = [](std::string_view html) {
    clean::Dom dom(html);
    std::string out;
    for (uint32_t i = 0; i < dom.size(); ++i) {
      if (!dom[i].is_text()) continue;
      bool hidden = false;
      for (uint32_t a = dom[i].parent; a != clean::kNoNode && !hidden; a = dom[a].parent) {
        const GumboTag t = dom[a].tag;
        hidden = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
                 t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_NOEMBED || t == GUMBO_TAG_NOFRAMES ||
                 dom[a].foreign;
      }
      if (!hidden) out += dom.Text(i);
    }
    return out;
  };
  size_t same = 0;
  for (const auto& page : *pages_) {
    clean::Prescanned p = clean::Prescan(page.html);
    const std::string before = visible(page.html), after = visible(p.html);
    if (before == after) {
      ++same;
    } else {
      size_t k = 0;
      while (k < before.size() && k < after.size() && before[k] == after[k]) ++k;
      ADD_FAILURE() << page.id << ": text differs at " << k << ": \""
                    << before.substr(k > 40 ? k - 40 : 0, 120) << "\" vs \""
                    << after.substr(k > 40 ? k - 40 : 0, 120) << "\"";
    }
  }
  EXPECT_EQ(same, pages_->size());
}

}  // namespace
}  // namespace witness
