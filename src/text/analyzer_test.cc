// Analyzer: Snowball stems (and the stem cache), stopwords, and the abbreviation table.
#include <gtest/gtest.h>
#include <libstemmer.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>

#include "text/abbreviations.h"
#include "text/stopwords.h"
#include "witness/text.h"

namespace witness::text {
namespace {

// Direct libstemmer, without the cache, as the reference.
class RawStemmer {
 public:
  RawStemmer() : s_(sb_stemmer_new("english", "UTF_8")) {}
  ~RawStemmer() { sb_stemmer_delete(s_); }
  std::string Stem(const std::string& w) {
    const sb_symbol* out = sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(w.data()),
                                           static_cast<int>(w.size()));
    return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s_));
  }

 private:
  sb_stemmer* s_;
};

TEST(AnalyzerStemTest, EnglishSnowball) {
  // Expected stems worked out from the Porter2 (Snowball English) rules.
  const std::pair<const char*, const char*> cases[] = {
      {"revolutions", "revolut"},
      {"revolution", "revolut"},
      {"running", "run"},
      {"detained", "detain"},
      {"authorities", "author"},
      {"protests", "protest"},
      {"protesters", "protest"},
      {"generously", "generous"},
      {"news", "news"},
      {"skies", "sky"},
      {"dying", "die"},
      {"caresses", "caress"},
      {"ponies", "poni"},
      {"cats", "cat"},
      {"happily", "happili"},
      {"relational", "relat"},
      {"conditional", "condit"},
      {"hopefulness", "hope"},
      {"consolidated", "consolid"},
      {"conspirators", "conspir"},
      {"troops", "troop"},
      {"kazakhstan", "kazakhstan"},
      {"putin's", "putin"},
      {"killed", "kill"},
      {"8,000", "8,000"},
      {"it", "it"},
      {"\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},
  };
  Analyzer analyzer;
  for (int round = 0; round < 2; ++round) {  // the second round is served from the cache
    for (const auto& [word, stem] : cases) {
      EXPECT_EQ(analyzer.Stem(word), stem) << word << " round " << round;
    }
  }
}

TEST(AnalyzerStemTest, ShortcutsAgreeWithTheStemmer) {
  // Keys of one or two characters and keys without ASCII letters skip the stemmer: check that
  // the stemmer would indeed leave them alone.
  RawStemmer raw;
  Analyzer analyzer;
  std::string chars = "abcdefghijklmnopqrstuvwxyz'0123456789-.,";
  for (char a : chars) {
    EXPECT_EQ(analyzer.Stem(std::string(1, a)), raw.Stem(std::string(1, a)));
    for (char b : chars) {
      const std::string w{a, b};
      EXPECT_EQ(analyzer.Stem(w), raw.Stem(w)) << w;
    }
  }
  for (const std::string w : {"1,000,000", "19.5", "2022-01-10", "\xC3\xA9\xC3\xA9\xC3\xA9",
                              "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "---", "$$$"}) {
    EXPECT_EQ(analyzer.Stem(w), raw.Stem(w)) << w;
  }
}

TEST(AnalyzerStemTest, CacheIsBoundedAndStaysCorrect) {
  RawStemmer raw;
  Analyzer analyzer;
  std::mt19937 rng(5);
  const size_t bound = Analyzer::MaxCachedStems();
  size_t max_seen = 0;
  // More distinct words than the cache holds, with a Zipfian-ish core repeated throughout.
  for (size_t i = 0; i < bound + bound / 2; ++i) {
    std::string w;
    const int len = 3 + static_cast<int>(rng() % 9);
    for (int k = 0; k < len; ++k) w.push_back(static_cast<char>('a' + rng() % 26));
    if (i % 3 == 0) w += "ing";
    if (i % 5 == 0) w += "s";
    ASSERT_EQ(analyzer.Stem(w), raw.Stem(w)) << w;
    if (i % 10 == 0) ASSERT_EQ(analyzer.Stem("nations"), "nation");
    max_seen = std::max(max_seen, analyzer.CachedStems());
    ASSERT_LE(analyzer.CachedStems(), bound);
  }
  EXPECT_EQ(max_seen, bound);  // the cache filled up, and emptied itself
  EXPECT_LT(analyzer.CachedStems(), bound);
}

TEST(AnalyzerStemTest, LongKeysAndAliasing) {
  RawStemmer raw;
  Analyzer analyzer;
  std::string longword(1000, 'a');
  longword += "ations";
  EXPECT_EQ(analyzer.Stem(longword), raw.Stem(longword));
  // Stem of a view into the Analyzer's own stem storage.
  const std::string_view first = analyzer.Stem("nationalisations");
  EXPECT_EQ(first, raw.Stem("nationalisations"));
  EXPECT_EQ(analyzer.Stem(first), raw.Stem(std::string(first)));
  // Key then Stem, the documented use.
  const std::string_view key = analyzer.Key("Revolutions");
  EXPECT_EQ(analyzer.Stem(key), "revolut");
}

TEST(AnalyzerStopwordTest, List) {
  Analyzer analyzer;
  for (const char* w : {"the", "a", "of", "and", "he", "she", "it", "was", "were", "would", "don't",
                        "won't", "between", "because", "itself"}) {
    EXPECT_TRUE(analyzer.IsStopword(w)) << w;
  }
  for (const char* w :
       {"putin", "kazakhstan", "said", "troops", "", "The", "us", "8,000", "don’t", "thee", "th"}) {
    EXPECT_FALSE(analyzer.IsStopword(w)) << w;
  }
  // Through Key(): curly apostrophes and capitals are folded first.
  EXPECT_TRUE(analyzer.IsStopword(analyzer.Key("Don\xE2\x80\x99t")));
  EXPECT_TRUE(analyzer.IsStopword(analyzer.Key("THE")));
}

TEST(AnalyzerStopwordTest, TableIsWellFormed) {
  size_t n = 0;
  const std::string_view* words = internal::EnglishStopwords(&n);
  EXPECT_GE(n, 150u);
  std::set<std::string_view> seen;
  Analyzer analyzer;
  for (size_t i = 0; i < n; ++i) {
    EXPECT_TRUE(seen.insert(words[i]).second) << "duplicate " << words[i];
    EXPECT_EQ(analyzer.Key(words[i]), words[i]) << "not a matching key: " << words[i];
    EXPECT_TRUE(internal::IsEnglishStopword(words[i])) << words[i];
  }
}

TEST(AbbreviationTableTest, SortedAndLookedUp) {
  size_t n = 0;
  const internal::AbbrevEntry* table = internal::AbbreviationTable(&n);
  ASSERT_GT(n, 50u);
  for (size_t i = 1; i < n; ++i) {
    EXPECT_LT(table[i - 1].word, table[i].word) << "table not sorted at " << table[i].word;
  }
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(internal::LookupAbbreviation(table[i].word), table[i].kind) << table[i].word;
  }
  EXPECT_EQ(internal::LookupAbbreviation("Mr"), internal::AbbrevKind::kTitle);
  EXPECT_EQ(internal::LookupAbbreviation("Inc"), internal::AbbrevKind::kSuffix);
  EXPECT_EQ(internal::LookupAbbreviation("No"), internal::AbbrevKind::kBeforeDigit);
  EXPECT_EQ(internal::LookupAbbreviation("May"), internal::AbbrevKind::kNone);
  EXPECT_EQ(internal::LookupAbbreviation("mr"), internal::AbbrevKind::kNone);
  EXPECT_EQ(internal::LookupAbbreviation(""), internal::AbbrevKind::kNone);
}

}  // namespace
}  // namespace witness::text
