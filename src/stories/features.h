// Features of one article for story clustering: stems of content words, names and numbers with
// units, each with a sublinear, boosted term frequency. See stories.h ("How an article is
// compared") for the model; this file only turns text into weighted features.
#ifndef WITNESS_STORIES_FEATURES_H_
#define WITNESS_STORIES_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "witness/stories.h"
#include "witness/text.h"

namespace witness::stories::internal {

enum class FeatureKind : uint8_t { kWord = 0, kName = 1, kNumber = 2 };

// The 64-bit hash of a feature's text in its kind's namespace.
uint64_t FeatureHash(FeatureKind kind, std::string_view text);

struct Feature {
  uint64_t hash = 0;
  float tf = 0;  // (1 + ln count) * kind boost * (title boost when in the title)
};

// For tests and explanations: the features with their text.
struct DebugFeature {
  FeatureKind kind;
  std::string text;
  uint32_t count = 0;
  bool in_title = false;
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(const StoryOptions& options) : options_(options) {}

  // Features of an article, sorted by hash, one entry per distinct feature. `title` and
  // `text` must be valid UTF-8 (Normalize()d). `headline` receives the title, or the text's
  // first sentence when the title has no words (at most 200 bytes, cut on a character).
  void Extract(std::string_view title, std::string_view text, std::vector<Feature>* out,
               std::string* headline, std::vector<DebugFeature>* debug = nullptr);

 private:
  struct Item {
    uint64_t hash;
    uint32_t count;
    FeatureKind kind;
    bool in_title;
  };
  void Field(std::string_view text, const text::Segmentation& seg, bool is_title,
             std::vector<DebugFeature>* debug);
  void EmitRun(const std::vector<std::string>& run, bool in_title,
               std::vector<DebugFeature>* debug);
  void Emit(FeatureKind kind, std::string_view s, bool in_title,
            std::vector<DebugFeature>* debug);

  StoryOptions options_;
  text::Analyzer analyzer_;
  std::vector<Item> items_;
  std::string buf_;
  std::string unit_;
  std::vector<std::string> run_;
  std::vector<uint64_t> mid_caps_;  // hashes of words seen capitalised inside a sentence
  std::vector<std::pair<std::vector<std::string>, bool>> deferred_;  // sentence-initial runs
};

}  // namespace witness::stories::internal

#endif  // WITNESS_STORIES_FEATURES_H_
