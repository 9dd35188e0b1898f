// CleanText on real text: the five seed reports (every boilerplate line removed, no body
// paragraph lost) and clean corpora (WikiNews, PolNeAR) where almost nothing may go.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "witness/clean.h"

namespace witness::clean {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

fs::path DataDir() { return fs::path(WITNESS_SHARED_DATA); }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Seed {
  const char* file;
  const char* title;                   // as ingest would find it; "" when none
  std::vector<const char*> removed;    // a substring of each boilerplate line
  std::vector<const char*> body;       // a substring of each body paragraph (kept whole)
  std::vector<const char*> headlines;  // title/standfirst lines: kept unless equal to the title
};

// Written by reading the files: every paragraph is in exactly one of the three lists.
const std::vector<Seed>& Seeds() {
  static const std::vector<Seed> seeds = {
      {"000_4fa4c5953c9d4789.txt",
       "",
       {},
       {"President Vladimir Putin vowed to protect Russia and its ex-Soviet allies",
        "We won't let anyone disturb the situation in our homes",
        "Of course, we understand that the events in Kazakhstan aren't the first",
        "The dramatic intervention by the CSTO helped embattled Kazakh President",
        "Mr Tokayev called the events \"an attempted coup\"",
        "More than two dozen people were killed",
        "Russia and China have long denounced the \"colour revolutions\"",
        "Using Internet communications and social networks",
        "Kazakh authorities suspended Internet access",
        "Mr Putin said that the Russian-led troops would leave Kazakhstan"},
       {}},
      {"001_b549dda8c9ccdc3d.txt",
       "Russia's Putin vows to defend ex-Soviet allies like Kazakhstan after unrest",
       {"PHOTO: REUTERS", "PHOTO: AFP", "Remote video URL", "Join ST's Telegram"},
       {"MOSCOW/ALMATY (BLOOMBERG, AFP) - Russia's President Vladimir Putin on Monday",
        "And Kazakhstan's President Kassym-Jomart Tokayev said that his country",
        "We won't let anyone disturb the situation in our homes",
        "Of course, we understand that the events in Kazakhstan aren't the first",
        "Mr Tokayev told the video conference that \"armed militants\"",
        "The main goal was obvious",
        "The dramatic intervention by the CSTO - Russia's version of Nato",
        "Mr Tokayev has fired a number of top security officials",
        "At least two dozen people were killed",
        "China backed the crackdown, while the United States",
        "Russia and China have long denounced the \"colour revolutions\"",
        "Mr Putin blamed technology for fuelling",
        "Using Internet communications and social networks",
        "Kazakh authorities suspended Internet access",
        "Mr Putin said that the Russian-led troops would leave Kazakhstan",
        "The Central Asian country of 19 million people",
        "just over 2,000 troops",
        "The government said Monday that foreign media reports",
        "Our security forces have been engaging with violent mobs",
        "have never fired and will never fire on peaceful demonstrators",
        "Kazakhstan's government has struggled to firm up its narrative",
        "more than 164 people had died in the unrest",
        "Officials previously said 26 \"armed criminals\"",
        "In total, nearly 8,000 people have been detained",
        "Nur-Sultan, the city that replaced Almaty as capital in 1997",
        "The contours of the political crisis",
        "On Saturday, authorities announced the arrest on treason charges",
        "Nazarbayev, now 81, who was widely regarded",
        "Nazarbayev's press secretary said Saturday",
        "Nazarbayev hand-picked Tokayev, who is 68"},
       {"Russia's Putin vows to defend ex-Soviet allies like Kazakhstan after unrest"}},
      {"002_b87f51cfc6e39bfa.txt",
       "Vladimir Putin vows to stop \xE2\x80\x98"
       "colour revolutions\xE2\x80\x99 after sending "
       "troops to Kazakhstan",
       {"Subscribe or upgrade", "Alexei Nikolsky/Sputnik/AP", "Copyright The Financial Times",
        "All rights reserved"},
       {"vowed that a Moscow-led security bloc would protect allies",
        "He said that the Russian-led forces were securing critical infrastructure",
        "his first public comments since the unrest began",
        "Of course, we understand that the events in", "He claimed that protesters had used",
        "let anyone destabilise the situation in our home", "At least 164 people were killed",
        "The protests began as peaceful demonstrations", "Authorities have blamed the violence on",
        "described the unrest as", "2,030 troops", "Putin praised Tokayev for his",
        "destructive internal and external forces",
        "He said that unnamed foreign forces had used the internet"},
       {"Russian president blames foreign forces for orchestrating protests"}},
      {"003_5a9343e1b697f94e.txt",
       "Putin, after Kazakh unrest, says Russian-led bloc will stymie any coups",
       {"via REUTERS", "read more", "Reporting by", "Our Standards", "Trust Principles"},
       {"NUR-SULTAN, Jan 10 (Reuters) - Russian President Vladimir Putin on Monday blamed",
        "He told an online meeting of the leaders",
        "Of course, we understand the events in Kazakhstan are not the first",
        "Thousands of people were detained", "The measures taken by the CSTO have clearly shown",
        "He said the CSTO contingent would be withdrawn",
        "Putin made the comments after a speech by Tokayev",
        "Demonstrations started against a fuel price rise",
        "The threat to Kazakhstan's statehood arose"},
       {"Putin, after Kazakh unrest, says Russian-led bloc will stymie any coups"}},
      {"004_2261502d2fe41ba1.txt",
       "Putin vows to defend ex-Soviet allies from 'color revolutions",
       {"1 week ago 25", "Russia\xC2\xA0|\xC2\xA0Vladimir Putin", "ALSO READ",
        "164 killed, more than 5,000 detained", "Dear Reader", "Business Standard has always",
        "We, however, have a request", "we need your support", "Support quality journalism",
        "Digital Editor", "Read Entire Article"},
       {"President Vladimir Putin vowed to protect Russia and its ex-Soviet allies",
        "won\xE2\x80\x99t let anyone disturb the situation in our homes",
        "Of course, we understand that the events in Kazakhstan",
        "The dramatic intervention by the CSTO helped embattled",
        "Tokayev fired a number of top security officials", "have long denounced the",
        "Putin blamed technology for fueling", "Using internet communications and social networks",
        "Kazakh authorities suspended internet access",
        "Putin said that the Russian-led troops would leave Kazakhstan"},
       {"Putin vows to defend ex-Soviet allies from 'color revolutions",
        "The dramatic intervention by CSTO helped embattled Kazakh President Kassym-Jomart "
        "Tokayev crush an uprising that started in protests over fuel-price increases but led "
        "to seizure of government building"}},
  };
  return seeds;
}

// The whole input line that holds `needle`, without a trailing " read more" link.
std::string LineWith(const std::string& text, std::string_view needle) {
  size_t pos = text.find(needle);
  if (pos == std::string::npos) return "";
  size_t b = text.rfind('\n', pos);
  b = b == std::string::npos ? 0 : b + 1;
  size_t e = text.find('\n', pos);
  std::string line = text.substr(b, (e == std::string::npos ? text.size() : e) - b);
  if (line.size() > 10 && line.ends_with(" read more")) line.resize(line.size() - 10);
  while (!line.empty() && line.front() == ' ') line.erase(0, 1);
  return line;
}

class SeedTest : public ::testing::TestWithParam<bool> {};  // with or without the title

TEST_P(SeedTest, RemovesBoilerplateKeepsEveryBodyParagraph) {
  const bool with_title = GetParam();
  fs::path dir = DataDir() / "seeds";
  if (!fs::exists(dir)) GTEST_SKIP() << "no seed data at " << dir;
  for (const Seed& seed : Seeds()) {
    SCOPED_TRACE(seed.file);
    std::string text = ReadFile(dir / seed.file);
    ASSERT_FALSE(text.empty());
    CleanResult r = CleanText(text, {}, nullptr, with_title ? seed.title : "");
    for (const char* needle : seed.removed) {
      ASSERT_THAT(text, HasSubstr(needle));  // the list itself must match the file
      EXPECT_THAT(r.text, Not(HasSubstr(needle))) << "boilerplate kept: " << needle;
    }
    for (const char* needle : seed.body) {
      std::string line = LineWith(text, needle);
      ASSERT_FALSE(line.empty()) << "not in the file: " << needle;
      EXPECT_THAT(r.text, HasSubstr(line)) << "body paragraph lost: " << needle;
    }
    for (const char* needle : seed.headlines) {
      std::string line = LineWith(text, needle);
      ASSERT_FALSE(line.empty()) << needle;
      bool is_title = with_title && line == seed.title;
      if (is_title) {
        EXPECT_THAT(r.text, Not(HasSubstr(line))) << "title kept: " << needle;
      } else {
        EXPECT_THAT(r.text, HasSubstr(line)) << "headline lost: " << needle;
      }
    }
    // Every removed block says why.
    for (const Block& b : r.blocks) {
      if (!b.keep) EXPECT_FALSE(b.reason.empty());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "WithTitle" : "NoTitle"; });

TEST(CleanSeeds, MetadataAndSpecificRules) {
  fs::path dir = DataDir() / "seeds";
  if (!fs::exists(dir)) GTEST_SKIP() << "no seed data at " << dir;
  std::string reuters = ReadFile(dir / "003_5a9343e1b697f94e.txt");
  CleanResult r = CleanText(reuters);
  ASSERT_EQ(r.credits.size(), 1u);
  EXPECT_THAT(r.credits[0], HasSubstr("Reporting by Tamara Vaal"));
  // The "read more" link is cut from its paragraph; the paragraph stays.
  EXPECT_THAT(r.text, HasSubstr("the hunt for \"terrorists\" was ongoing.\n\n"));

  std::map<std::string, std::string> expect = {
      {"1 week ago 25", "timestamp"},    {"Russia\xC2\xA0|", "breadcrumb"},
      {"ALSO READ", "related_link"},     {"Dear Reader", "appeal"},
      {"Read Entire Article", "appeal"},
  };
  std::string bs = ReadFile(dir / "004_2261502d2fe41ba1.txt");
  CleanResult r4 = CleanText(bs);
  for (const auto& [needle, rule] : expect) {
    bool found = false;
    for (const Block& b : r4.blocks) {
      if (b.in(bs).find(needle) != std::string_view::npos) {
        EXPECT_EQ(RuleName(b.rule), rule) << needle << ": " << b.reason;
        found = true;
      }
    }
    EXPECT_TRUE(found) << needle;
  }
}

// Clean corpora: WikiNews (TAC 2011 English) and PolNeAR bodies. Removing is allowed only for
// the boilerplate these texts really hold (date lines, image credits, "Follow X on Twitter",
// separators); the share of prose removed must stay tiny.
struct CorpusStats {
  size_t files = 0, blocks = 0, removed_blocks = 0;
  size_t words = 0, removed_words = 0;
  size_t sentences = 0, removed_sentences = 0;  // in prose blocks (>= 8 words, full stop)
  std::map<std::string, size_t> by_rule;
};

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = !(c == ' ' || c == '\n' || c == '\t' || c == '\r');
    n += (w && !in);
    in = w;
  }
  return n;
}

size_t Sentences(std::string_view s) {
  size_t n = 1;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ') ++n;
  }
  return n;
}

bool IsProse(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == ' ')) s.remove_suffix(1);
  return Words(s) >= 8 && !s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!');
}

CorpusStats Measure(const std::vector<fs::path>& files) {
  CorpusStats st;
  for (const fs::path& p : files) {
    std::string text = ReadFile(p);
    CleanResult r = CleanText(text);
    ++st.files;
    for (const Block& b : r.blocks) {
      std::string_view s = b.in(text);
      size_t w = Words(s);
      ++st.blocks;
      st.words += w;
      size_t sent = IsProse(s) ? Sentences(s) : 0;
      st.sentences += sent;
      if (b.keep) continue;
      ++st.removed_blocks;
      st.removed_words += w;
      // A repeat of a sentence kept earlier loses nothing.
      if (b.rule != BoilerplateRule::kDuplicate && b.rule != BoilerplateRule::kRepeatedTitle) {
        st.removed_sentences += sent;
      }
      ++st.by_rule[RuleName(b.rule)];
    }
  }
  return st;
}

void Report(const char* name, const CorpusStats& st) {
  std::cout << name << ": " << st.files << " files, " << st.blocks << " blocks, removed "
            << st.removed_blocks << " blocks (" << 100.0 * st.removed_blocks / st.blocks << "%), "
            << 100.0 * st.removed_words / st.words << "% of words, " << st.removed_sentences
            << " of " << st.sentences << " prose sentences ("
            << 100.0 * st.removed_sentences / st.sentences << "%)\n  by rule:";
  for (const auto& [rule, n] : st.by_rule) std::cout << " " << rule << "=" << n;
  std::cout << "\n";
}

std::vector<fs::path> FilesIn(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CleanCorpus, WikiNewsBodiesStayWhole) {
  auto files =
      FilesIn(DataDir() / "story-clusters/tac2011_multiling_pilot/SourceTexts", ".english");
  if (files.empty()) GTEST_SKIP() << "no TAC 2011 English texts under " << DataDir();
  CorpusStats st = Measure(files);
  Report("WikiNews (TAC 2011 English)", st);
  EXPECT_EQ(st.removed_sentences, 0u);
  EXPECT_LT(double(st.removed_words) / st.words, 0.02);  // the date lines: ~4 words a file
  // What goes is the dateline under the title and image credits.
  for (const auto& [rule, n] : st.by_rule) {
    EXPECT_TRUE(rule == "timestamp" || rule == "credit") << rule << " removed " << n;
  }
}

TEST(CleanCorpus, PolnearBodiesLoseAlmostNothing) {
  auto files = FilesIn(DataDir() / "attribution/text", ".txt");
  if (files.empty()) GTEST_SKIP() << "no PolNeAR texts under " << DataDir();
  CorpusStats st = Measure(files);
  Report("PolNeAR (attribution)", st);
  EXPECT_LT(double(st.removed_sentences) / st.sentences, 0.01);
  EXPECT_LT(double(st.removed_words) / st.words, 0.01);
  EXPECT_LT(double(st.removed_blocks) / st.blocks, 0.03);
}

}  // namespace
}  // namespace witness::clean
