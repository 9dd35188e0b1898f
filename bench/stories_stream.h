// A deterministic synthetic news stream for the story-clustering benchmark.
//
// The same options always give the same articles in the same order, on every machine (a
// splitmix64 generator, no std:: distributions). What it models:
//   - Vocabulary: `background_words` invented lower-case words drawn with a Zipf law
//     (exponent 1.05) for the common language of news, plus per-story topic words taken from the
//     less frequent part of that vocabulary, invented capitalised names (people, places,
//     organisations: one to three words) and numbers with units ("1,214 dockworkers").
//   - Stories: sizes from a heavy-tailed law (many singletons, a few stories of dozens of
//     articles: mean about 4.5), each story spread over 0 to 3 days; `articles_per_day` articles a
//     day; about one story in six is a follow-up that reuses another story's names but not its
//     topic words (same people, different event), as real news does.
//   - Articles: a title of 6-11 words and a body of about `words_per_article` words in sentences
//     of 12-22 words: a quarter topic words, some names and numbers, the rest background words;
//     every article of a story draws its own mix, so two reports of one story share perhaps
//     30-50% of their content words.
//   - Order: publication time (ties by story, then article), with published in ISO 8601 UTC.
// Generation is cheap (a few microseconds an article): texts are made on demand from each
// article's (story, index) seed, and only the 16-byte schedule of the whole stream is held.
#ifndef WITNESS_BENCH_STORIES_STREAM_H_
#define WITNESS_BENCH_STORIES_STREAM_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "witness/stories.h"

namespace witness::stories::stream {

struct StreamOptions {
  uint64_t articles = 1000000;
  uint64_t seed = 42;
  uint32_t articles_per_day = 10000;
  uint32_t words_per_article = 320;
  uint32_t background_words = 40000;
  uint32_t sources = 400;
  int64_t start = 1735732800;  // 2025-01-01T12:00:00Z
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>((Next() >> 32) * n >> 32); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t s_;
};

class StreamGenerator {
 public:
  struct Slot {
    int64_t time;
    uint32_t story;
    uint32_t index;  // article number within its story
  };

  explicit StreamGenerator(const StreamOptions& o) : o_(o) {
    BuildWords();
    BuildSchedule();
  }

  uint64_t size() const { return schedule_.size(); }
  const Slot& slot(uint64_t i) const { return schedule_[i]; }
  uint32_t stories() const { return static_cast<uint32_t>(story_size_.size()); }

  // The i-th article of the stream.
  void Make(uint64_t i, ArticleInput* a) const {
    const Slot& s = schedule_[i];
    Rng r(Mix(o_.seed ^ (static_cast<uint64_t>(s.story) << 20) ^ s.index));
    const Story st = StoryOf(s.story);
    a->id = "g" + std::to_string(s.story) + "-" + std::to_string(s.index);
    a->source = "outlet" + std::to_string(r.Below(o_.sources));
    a->published = FormatTime(s.time);
    a->copy_of.clear();
    // Title: names and topic words.
    a->title.clear();
    uint32_t tw = 6 + r.Below(6);
    for (uint32_t w = 0; w < tw; ++w) {
      if (w) a->title += ' ';
      uint32_t k = r.Below(10);
      if (k < 3)
        a->title += names_[st.names[r.Below(st.n_names)]];
      else if (k < 8)
        a->title += words_[st.topic[r.Below(kTopicWords)]];
      else
        a->title += words_[Zipf(&r)];
    }
    a->title[0] = static_cast<char>(a->title[0] >= 'a' && a->title[0] <= 'z' ? a->title[0] - 32
                                                                             : a->title[0]);
    // Body.
    a->text.clear();
    const double topic_share = 0.18 + 0.14 * r.Unit();
    uint32_t words = 0;
    const uint32_t target = o_.words_per_article * 3 / 4 + r.Below(o_.words_per_article / 2);
    while (words < target) {
      uint32_t len = 12 + r.Below(11);
      for (uint32_t w = 0; w < len; ++w, ++words) {
        if (w) a->text += ' ';
        double u = r.Unit();
        if (u < 0.05) {
          a->text += names_[st.names[r.Below(st.n_names)]];
        } else if (u < 0.065) {
          const Quantity& q = st.quantities[r.Below(kQuantities)];
          a->text += q.number;
          a->text += ' ';
          a->text += words_[q.unit];
        } else if (u < 0.065 + topic_share) {
          a->text += words_[st.topic[r.Below(kTopicWords)]];
        } else {
          const std::string& bw = words_[Zipf(&r)];
          if (w == 0) {
            a->text += static_cast<char>(bw[0] - 32);
            a->text.append(bw, 1);
          } else {
            a->text += bw;
          }
        }
      }
      a->text += r.Below(8) == 0 ? ".\n\n" : ". ";
    }
  }

  // The true story of the i-th article.
  uint32_t TruthOf(uint64_t i) const { return schedule_[i].story; }

 private:
  static constexpr uint32_t kTopicWords = 14;
  static constexpr uint32_t kQuantities = 3;
  static constexpr uint32_t kMaxNames = 4;
  struct Quantity {
    std::string number;
    uint32_t unit;
  };
  struct Story {
    uint32_t topic[kTopicWords];
    uint32_t names[kMaxNames];
    uint32_t n_names;
    Quantity quantities[kQuantities];
  };

  static uint64_t Mix(uint64_t x) {
    Rng r(x);
    return r.Next();
  }

  Story StoryOf(uint32_t story) const {
    Story st;
    Rng r(Mix(o_.seed * 31 + story));
    // A follow-up (one story in six) shares the names of an earlier story.
    uint32_t name_story = story;
    if (story > 50 && r.Below(6) == 0) name_story = story - 1 - r.Below(50);
    Rng rn(Mix(o_.seed * 37 + name_story));
    st.n_names = 2 + rn.Below(kMaxNames - 1);
    for (uint32_t k = 0; k < st.n_names; ++k)
      st.names[k] = rn.Below(static_cast<uint32_t>(names_.size()));
    const uint32_t lo = 300, span = o_.background_words - lo;
    for (uint32_t k = 0; k < kTopicWords; ++k) st.topic[k] = lo + r.Below(span);
    for (uint32_t k = 0; k < kQuantities; ++k) {
      uint32_t n = 2 + r.Below(5000);
      std::string num = std::to_string(n);
      if (num.size() > 3) num.insert(num.size() - 3, ",");
      st.quantities[k] = {num, lo + r.Below(span)};
    }
    return st;
  }

  uint32_t Zipf(Rng* r) const { return zipf_table_[r->Next() >> (64 - kZipfBits)]; }

  void BuildWords() {
    static const char* kSyll[] = {"ka",  "lo",  "ren", "ti",   "mar", "ves", "do",  "ul",
                                  "sen", "bra", "qui", "te",   "nor", "al",  "pe",  "ris",
                                  "mon", "gar", "le",  "this", "ost", "ha",  "wel", "dun",
                                  "fi",  "cor", "ba",  "nu",   "zel", "om"};
    constexpr uint32_t kS = sizeof(kSyll) / sizeof(kSyll[0]);
    Rng r(o_.seed + 7);
    words_.reserve(o_.background_words);
    for (uint32_t i = 0; i < o_.background_words; ++i) {
      // Frequent words are short, like real ones.
      uint32_t n = i < 200 ? 1 + r.Below(2) : 2 + r.Below(3);
      std::string w;
      for (uint32_t k = 0; k < n; ++k) w += kSyll[r.Below(kS)];
      w += static_cast<char>('a' + i % 26);  // keeps words distinct enough
      words_.push_back(std::move(w));
    }
    const uint32_t kNames = 400000;
    names_.reserve(kNames);
    for (uint32_t i = 0; i < kNames; ++i) {
      uint32_t parts = 1 + r.Below(2) + (r.Below(5) == 0);
      std::string n;
      for (uint32_t p = 0; p < parts; ++p) {
        if (p) n += ' ';
        std::string part;
        uint32_t syl = 2 + r.Below(2);
        for (uint32_t k = 0; k < syl; ++k) part += kSyll[r.Below(kS)];
        part[0] = static_cast<char>(part[0] - 32);
        n += part;
      }
      names_.push_back(std::move(n));
    }
    // Zipf inverse-CDF table.
    std::vector<double> cdf(o_.background_words);
    double sum = 0;
    for (uint32_t i = 0; i < o_.background_words; ++i) sum += 1.0 / std::pow(i + 1.0, 1.05);
    double acc = 0;
    for (uint32_t i = 0; i < o_.background_words; ++i) {
      acc += 1.0 / std::pow(i + 1.0, 1.05) / sum;
      cdf[i] = acc;
    }
    zipf_table_.resize(size_t{1} << kZipfBits);
    uint32_t w = 0;
    for (size_t k = 0; k < zipf_table_.size(); ++k) {
      double u = (k + 0.5) / static_cast<double>(zipf_table_.size());
      while (w + 1 < o_.background_words && cdf[w] < u) ++w;
      zipf_table_[k] = w;
    }
  }

  void BuildSchedule() {
    Rng r(o_.seed + 11);
    schedule_.reserve(o_.articles + 64);
    const double secs_per_article = 86400.0 / o_.articles_per_day;
    double clock = 0;
    uint64_t made = 0;
    for (uint32_t story = 0; made < o_.articles; ++story) {
      // Heavy-tailed sizes: 1 + floor(Pareto(alpha 1.25, xmin 1) - 1), capped at 200.
      double u = 1.0 - r.Unit();
      uint32_t size =
          1 + static_cast<uint32_t>(std::min(199.0, std::pow(u, -1.0 / 1.25) - 1.0) * 1.6);
      size = static_cast<uint32_t>(std::min<uint64_t>(size, o_.articles - made));
      const double spread = 86400.0 * 3 * r.Unit() * r.Unit();
      for (uint32_t k = 0; k < size; ++k) {
        double t = clock + spread * r.Unit();
        schedule_.push_back({o_.start + static_cast<int64_t>(t), story, k});
      }
      story_size_.push_back(size);
      made += size;
      clock += secs_per_article * size;
    }
    std::sort(schedule_.begin(), schedule_.end(), [](const Slot& a, const Slot& b) {
      if (a.time != b.time) return a.time < b.time;
      if (a.story != b.story) return a.story < b.story;
      return a.index < b.index;
    });
  }

  static constexpr int kZipfBits = 20;
  StreamOptions o_;
  std::vector<std::string> words_;
  std::vector<std::string> names_;
  std::vector<uint32_t> zipf_table_;
  std::vector<Slot> schedule_;
  std::vector<uint32_t> story_size_;
};

}  // namespace witness::stories::stream

#endif  // WITNESS_BENCH_STORIES_STREAM_H_
