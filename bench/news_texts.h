// bench/news_texts.h: the real news text that the text, figure, quote and cleaning
// benchmarks read from ../shared/data (WITNESS_SHARED_DATA).
#ifndef WITNESS_BENCH_NEWS_TEXTS_H_
#define WITNESS_BENCH_NEWS_TEXTS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace witness::bench {

// A folder under the shared data and the file name ending to read there.
using TextDir = std::pair<const char*, const char*>;

// The PolNeAR articles, the seed story and the English TAC 2011 story clusters (about 4 MB),
// in path order.
inline constexpr std::initializer_list<TextDir> kNewsDirs = {
    {"attribution/text", ".txt"},
    {"seeds", ".txt"},
    {"story-clusters/tac2011_multiling_pilot/SourceTexts", ".english"},
};

// Every matching file's bytes as read: folder by folder in the order given, files in path
// order. A folder that is missing is skipped (the caller reports an empty corpus).
inline std::vector<std::string> ReadTexts(std::initializer_list<TextDir> dirs = kNewsDirs) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& [sub, ending] : dirs) {
    const fs::path dir = fs::path(WITNESS_SHARED_DATA) / sub;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && name.ends_with(ending)) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
  }
  return out;
}

}  // namespace witness::bench

#endif  // WITNESS_BENCH_NEWS_TEXTS_H_
