// The store over the real development data: every page and article must read back byte for
// byte, and HTML must actually shrink on disk.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "clean/html_eval.h"
#include "store/test_util.h"
#include "witness/store.h"

namespace witness {
namespace {

namespace fs = std::filesystem;
using store::testing::ReadFileBytes;
using store::testing::TempDir;

const fs::path kData = WITNESS_SHARED_DATA;

// The 181 article-extraction pages as HTML articles (text = the human-checked body).
std::vector<Article> ExtractionPages() {
  std::vector<Article> out;
  fs::path dir = kData / "article-extraction";
  auto truth =
      nlohmann::json::parse(ReadFileBytes((dir / "ground-truth.json").string()), nullptr, false);
  if (truth.is_discarded()) return out;
  for (auto& [hash, entry] : truth.items()) {
    Article a;
    a.id = hash;
    a.url = entry.value("url", "");
    a.source = "article-extraction";
    a.content_type = ContentType::kHtml;
    a.text = entry.value("articleBody", "");
    StatusOr<std::string> html = clean::ReadGzipFile((dir / "html" / (hash + ".html.gz")).string());
    a.html = html.ok() ? std::move(*html) : std::string();
    a.raw = a.html;
    a.origin = "article-extraction/html/" + hash + ".html.gz";
    a.extra_json = "{}";
    out.push_back(std::move(a));
  }
  return out;
}

// The 840 PolNeAR texts as plain-text articles (raw == text, the common case).
std::vector<Article> AttributionTexts() {
  std::vector<Article> out;
  fs::path dir = kData / "attribution" / "text";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    Article a;
    a.id = "polnear-" + f.stem().string();
    a.source = f.stem().string().substr(0, f.stem().string().find('_'));
    a.text = ReadFileBytes(f.string());
    a.raw = a.text;
    a.origin = f.string();
    out.push_back(std::move(a));
  }
  return out;
}

TEST(StoreDataTest, RealPagesAndArticlesRoundTrip) {
  if (!fs::exists(kData / "article-extraction" / "ground-truth.json") ||
      !fs::exists(kData / "attribution" / "text")) {
    GTEST_SKIP() << "development data not found under " << kData
                 << " (article-extraction/, attribution/text/)";
  }
  std::vector<Article> pages = ExtractionPages();
  std::vector<Article> texts = AttributionTexts();
  ASSERT_EQ(pages.size(), 181u);
  ASSERT_EQ(texts.size(), 840u);
  size_t input_bytes = 0;
  for (const Article& a : pages) {
    ASSERT_FALSE(a.html.empty()) << a.id;
    input_bytes += a.html.size() + a.raw.size() + a.text.size();
  }
  for (const Article& a : texts) input_bytes += a.text.size() + a.raw.size();

  TempDir dir;
  std::string path = dir.File("data.db");
  {
    ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {}));
    ASSERT_OK_AND_ASSIGN(r1, store->Put(pages));
    EXPECT_EQ(r1.added, pages.size());
    ASSERT_OK_AND_ASSIGN(r2, store->Put(texts));
    EXPECT_EQ(r2.added, texts.size());
  }
  ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {.read_only = true}));
  for (const auto* set : {&pages, &texts}) {
    for (const Article& a : *set) {
      ASSERT_OK_AND_ASSIGN(got, store->Get(a.id));
      ASSERT_EQ(got.text, a.text) << a.id;
      ASSERT_TRUE(got.html == a.html) << a.id;
      ASSERT_TRUE(got.raw == a.raw) << a.id;
      ASSERT_EQ(got.url, a.url) << a.id;
    }
  }
  EXPECT_OK(store->Check());

  // One zstd frame per page and raw stored once for the plain texts: the file is much
  // smaller than what went in (measured about a third; assert a safe margin).
  size_t file_bytes = fs::file_size(path);
  if (fs::exists(path + "-wal")) file_bytes += fs::file_size(path + "-wal");
  RecordProperty("input_bytes", std::to_string(input_bytes));
  RecordProperty("file_bytes", std::to_string(file_bytes));
  EXPECT_LT(file_bytes * 2, input_bytes) << file_bytes << " bytes on disk for " << input_bytes;
}

}  // namespace
}  // namespace witness
