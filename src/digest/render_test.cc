// The JSON, Markdown and text renderings of a digest built by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "witness/digest.h"

namespace witness::digest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Digest Sample() {
  Digest d;
  d.title = "Putin vows to defend allies";
  d.articles = 3;
  d.sources = 2;
  d.sentences = 40;
  d.candidates = 35;
  SummarySentence s;
  s.text = "Putin vowed to protect allies from *outside* efforts.";
  s.article_id = "a1";
  s.source = "bloomberg";
  s.span = {10, 63};
  s.words = 8;
  s.score = 2.345678;
  s.citations = {{"a1", "bloomberg", {10, 63}, 1.0, true}, {"c3", "reuters", {0, 50}, 0.71, false}};
  d.brief.target_words = 100;
  d.brief.words = 8;
  d.brief.sentences = {s};
  d.full = d.brief;
  d.full.target_words = 250;
  SummarySentence t = s;
  t.text = "About 8,000 people were detained.";
  t.citations = {{"b2", "reuters", {5, 40}, 1.0, true}};
  d.full.sentences.push_back(t);
  d.full.words = 14;
  d.timeline = {{"2022-01-10", "a1", "bloomberg", "Putin | vows", false},
                {"2022-01-11", "b2", "reuters", "About 8,000 detained", true},
                {"", "c3", "reuters", "Kazakhs mourn", false}};
  d.warnings = {"digest: article z: no sentences; skipped"};
  return d;
}

TEST(Render, JsonHasEverythingAndParses) {
  const std::vector<DigestSection> sections = {
      {"divergent_figures", "Divergent figures", "- 164 vs 26 killed\n", "", R"([{"a":1}])"},
      {"broken", "Broken", "", "", "{not json"},
      {"markdown_only", "Only Markdown", "text", "", ""}};
  const std::string out = DigestToJson(Sample(), sections);
  EXPECT_EQ(out.find('\n'), std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["title"], "Putin vows to defend allies");
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["sources"], 2);
  EXPECT_EQ(j["brief"]["target_words"], 100);
  EXPECT_EQ(j["brief"]["text"], "Putin vowed to protect allies from *outside* efforts.");
  const auto& s0 = j["brief"]["sentences"][0];
  EXPECT_EQ(s0["article"], "a1");
  EXPECT_EQ(s0["begin"], 10);
  EXPECT_EQ(s0["end"], 63);
  EXPECT_DOUBLE_EQ(s0["score"].get<double>(), 2.3457);
  ASSERT_EQ(s0["citations"].size(), 2u);
  EXPECT_EQ(s0["citations"][1]["article"], "c3");
  EXPECT_EQ(s0["citations"][1]["copy"], false);
  EXPECT_DOUBLE_EQ(s0["citations"][1]["similarity"].get<double>(), 0.71);
  EXPECT_EQ(j["full"]["sentences"].size(), 2u);
  EXPECT_EQ(j["timeline"][1]["headline_from_text"], true);
  EXPECT_EQ(j["timeline"][2]["published"], "");
  EXPECT_EQ(j["warnings"][0], "digest: article z: no sentences; skipped");
  EXPECT_EQ(j["sections"]["divergent_figures"][0]["a"], 1);
  EXPECT_EQ(j["sections"]["broken"], "{not json");  // embedded as a string
  EXPECT_FALSE(j["sections"].contains("markdown_only"));
  // Without sections there is no "sections" key.
  EXPECT_FALSE(nlohmann::json::parse(DigestToJson(Sample())).contains("sections"));
}

TEST(Render, JsonReplacesInvalidUtf8) {
  Digest d = Sample();
  d.title = "bad \xff title";
  const nlohmann::json j = nlohmann::json::parse(DigestToJson(d));
  EXPECT_EQ(j["title"], "bad \uFFFD title");
}

TEST(Render, MarkdownLayout) {
  const std::vector<DigestSection> sections = {
      {"divergent_figures", "Divergent figures", "- 164 vs 26 killed", "", ""}};
  const std::string md = DigestToMarkdown(Sample(), sections);
  EXPECT_TRUE(md.starts_with("# Putin vows to defend allies\n\n"));
  EXPECT_THAT(md, HasSubstr("3 articles from 2 sources, 2022-01-10 to 2022-01-11."));
  // The sentence, escaped, with its references numbered in timeline order (a1 = 1, c3 = 3).
  EXPECT_THAT(md, HasSubstr("## Summary\n\nPutin vowed to protect allies from \\*outside\\* "
                            "efforts. [1, 3]\n"));
  EXPECT_THAT(md, HasSubstr("## In more detail\n"));
  EXPECT_THAT(md, HasSubstr("About 8,000 people were detained. [2]"));
  EXPECT_THAT(md, HasSubstr("| Published | Source | Headline |"));
  EXPECT_THAT(md, HasSubstr("| 2022-01-10 | bloomberg | Putin \\| vows |"));
  EXPECT_THAT(md, HasSubstr("| undated | reuters | Kazakhs mourn |"));
  EXPECT_THAT(md, HasSubstr("*(opening)*"));
  EXPECT_THAT(md, HasSubstr("## Divergent figures\n\n- 164 vs 26 killed\n"));
  EXPECT_THAT(md, HasSubstr("## Warnings\n"));
  EXPECT_THAT(md, HasSubstr("## Sources\n\n1. `a1` bloomberg, 2022-01-10: Putin \\| vows\n"
                            "2. `b2` reuters, 2022-01-11: About 8,000 detained\n"
                            "3. `c3` reuters: Kazakhs mourn\n"));
  // Sections come after the timeline and before the sources.
  EXPECT_LT(md.find("## Timeline"), md.find("## Divergent figures"));
  EXPECT_LT(md.find("## Divergent figures"), md.find("## Sources"));
}

TEST(Render, MarkdownOfAnEmptyDigest) {
  Digest d;
  const std::string md = DigestToMarkdown(d);
  EXPECT_TRUE(md.starts_with("# Story digest\n"));
  EXPECT_THAT(md, Not(HasSubstr("## Summary")));
  EXPECT_THAT(md, HasSubstr("0 articles from 0 sources."));
}

TEST(Render, PlainText) {
  const std::vector<DigestSection> sections = {
      {"quotes", "Collated quotes", "**md body**", "plain body", ""},
      {"synd", "Syndication", "md only", "", ""}};
  const std::string t = DigestToText(Sample(), sections);
  EXPECT_TRUE(t.starts_with("Putin vows to defend allies\n"));
  EXPECT_THAT(
      t, HasSubstr("Summary:\n  Putin vowed to protect allies from *outside* efforts. [1, 3]\n"));
  EXPECT_THAT(t, HasSubstr("Timeline:\n  2022-01-10  bloomberg  Putin | vows\n"));
  EXPECT_THAT(t, HasSubstr("Collated quotes:\nplain body\n"));
  EXPECT_THAT(t, HasSubstr("Syndication:\nmd only\n"));
  EXPECT_THAT(t, HasSubstr("[3] c3  reuters  Kazakhs mourn\n"));
  EXPECT_THAT(t, Not(HasSubstr("**md body**")));
}

}  // namespace
}  // namespace witness::digest
