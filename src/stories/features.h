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

// Key -> (stopword?, word feature hash), so that a word seen before costs one hash and one
// probe instead of a stopword check, a stem and a second hash. Open addressing over the key's
// 64-bit hash; emptied when half full at its maximum size, like the Analyzer's stem cache.
class WordCache {
 public:
  static constexpr size_t kMaxSlots = size_t{1} << 17;  // 3 MiB at most
  struct Entry {
    uint64_t key = 0;      // XXH3 of the key; 0 = empty slot
    uint64_t feature = 0;  // word feature hash; 0 = not a feature (stopword, too short ...)
    bool stopword = false;
  };
  // The entry for `key_hash`, or null.
  const Entry* Find(uint64_t key_hash) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = key_hash & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key_hash) return &slots_[i];
      if (slots_[i].key == 0) return nullptr;
    }
  }
  void Put(uint64_t key_hash, uint64_t feature, bool stopword);
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Entry); }

 private:
  std::vector<Entry> slots_;
  size_t used_ = 0;
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(const StoryOptions& options) : options_(options) {}

  // Features of an article, one entry per distinct feature, in order of first appearance. `title`
  // and `text` must be valid UTF-8 (Normalize()d). `headline` receives the title, or the text's
  // first sentence when the title has no words (at most 200 bytes, cut on a character).
  size_t MemoryBytes() const { return word_cache_.MemoryBytes(); }

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
  void Emit(FeatureKind kind, std::string_view s, bool in_title, std::vector<DebugFeature>* debug);

  // The word feature of a key (0 when it is none) and whether it is a stopword, cached.
  uint64_t WordFeature(std::string_view key, bool* stopword);

  StoryOptions options_;
  text::Analyzer analyzer_;
  WordCache word_cache_;
  std::vector<Item> items_;
  std::vector<Item> merged_;
  std::vector<uint32_t> agg_;        // open-addressing slots -> index into merged_
  std::vector<uint32_t> agg_stamp_;  // slot in use in this Extract when == stamp_
  uint32_t stamp_ = 0;
  std::string buf_;
  std::string unit_;
  std::vector<std::string> run_;
  std::vector<uint64_t> mid_caps_;  // hashes of words seen capitalised inside a sentence
  std::vector<std::pair<std::vector<std::string>, bool>> deferred_;  // sentence-initial runs
};

}  // namespace witness::stories::internal

#endif  // WITNESS_STORIES_FEATURES_H_
