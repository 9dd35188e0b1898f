// store/test_util.h: helpers for the store's tests (test code only).
#ifndef WITNESS_STORE_TEST_UTIL_H_
#define WITNESS_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "witness/article.h"
#include "witness/store.h"

namespace witness::store::testing {

// A fresh folder under the test temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string base = ::testing::TempDir();
    if (base.empty()) base = "/tmp/";
    if (base.back() != '/') base += '/';
    std::string templ = base + "witness_store_XXXXXX";
    if (::mkdtemp(templ.data()) == nullptr) std::abort();
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// A plain-text article with every field set, distinct for each `n`.
inline Article SampleArticle(int n, const std::string& source = "example.com") {
  Article a;
  a.id = "art" + std::to_string(1000000 + n);
  a.source = source;
  a.url = "https://" + source + "/news/" + std::to_string(n);
  a.title = "Headline number " + std::to_string(n);
  a.published = "2022-01-" + std::string(n % 28 + 1 < 10 ? "0" : "") + std::to_string(n % 28 + 1);
  a.language = "en";
  a.places = {"MOSCOW"};
  a.agencies = {"AFP", "REUTERS"};
  a.author = "A. Writer";
  a.content_type = ContentType::kText;
  a.text =
      "Body of article " + std::to_string(n) + ". Officials said on Monday that talks went on.";
  a.raw = a.text;
  a.extra_json = "{}";
  a.origin = "feed.jsonl:" + std::to_string(n + 1);
  a.word_count = 14;
  return a;
}

inline StoreOptions DefaultOptions() { return StoreOptions{}; }

}  // namespace witness::store::testing

// Asserts that a StatusOr holds a value and yields it.
#define ASSERT_OK_AND_ASSIGN(lhs, expr)                       \
  auto lhs##_or = (expr);                                     \
  ASSERT_TRUE(lhs##_or.ok()) << lhs##_or.status().ToString(); \
  auto lhs = std::move(lhs##_or).value()

#define ASSERT_OK(expr)                    \
  do {                                     \
    ::witness::Status _s = (expr);         \
    ASSERT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)

#define EXPECT_OK(expr)                    \
  do {                                     \
    ::witness::Status _s = (expr);         \
    EXPECT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)

#endif  // WITNESS_STORE_TEST_UTIL_H_
