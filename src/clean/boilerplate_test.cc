// Unit tests of CleanText on made-up sites: every rule on examples not taken from the sample
// story, the body kept beside them, and the block invariants.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "witness/clean.h"

namespace witness::clean {
namespace {

using ::testing::HasSubstr;

// A paragraph of ordinary reporting, used to pad texts so that positions are realistic.
const char* kBody[] = {
    "The city council voted on Tuesday to extend the curfew by two weeks, officials said.",
    "\"We had no other choice,\" Mayor Ana Ruiz told reporters after the vote, adding that the "
    "decision would be reviewed next month.",
    "Police said 43 people had been arrested since the protests began, most of them for "
    "breaking the curfew.",
    "Shops in the old town reopened on Wednesday morning, although many stayed shuttered.",
    "The opposition accused the government of using the curfew to silence critics.",
    "Independent observers counted about 3,000 demonstrators on the main square on Sunday.",
};

std::string Join(const std::vector<std::string>& paras) {
  std::string out;
  for (const auto& p : paras) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

// The block whose text contains `needle` (fails the test when none).
const Block* Find(const CleanResult& r, std::string_view text, std::string_view needle) {
  for (const Block& b : r.blocks) {
    if (b.in(text).find(needle) != std::string_view::npos) return &b;
  }
  ADD_FAILURE() << "no block contains '" << needle << "'";
  return nullptr;
}

struct Case {
  const char* line;
  BoilerplateRule rule;
};

// Each boilerplate line sits in the middle or at the end of an article of ordinary body text.
void ExpectRemoved(const Case& c, bool at_end) {
  std::vector<std::string> paras(std::begin(kBody), std::end(kBody));
  if (at_end) {
    paras.push_back(c.line);
  } else {
    paras.insert(paras.begin() + 3, c.line);
  }
  std::string text = Join(paras);
  CleanResult r = CleanText(text);
  const Block* b = Find(r, text, c.line);
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->keep) << c.line;
  EXPECT_EQ(b->rule, c.rule) << c.line << " -> " << RuleName(b->rule) << ": " << b->reason;
  EXPECT_FALSE(b->reason.empty());
  for (const char* body : kBody) {
    EXPECT_THAT(r.text, HasSubstr(body)) << "lost body next to " << c.line;
  }
}

TEST(CleanText, CaptionsAndCredits) {
  const Case cases[] = {
      {"Firefighters battle a blaze in the hills above Athens on Aug. 3, 2023. PHOTO: EPA",
       BoilerplateRule::kCaption},
      {"Protesters gather outside parliament in Lima, Peru, March 4, 2023. REUTERS/Sebastian "
       "Castaneda",
       BoilerplateRule::kCaption},
      {"A rescue worker carries a child through floodwater (AP Photo/Rajesh Kumar Singh)",
       BoilerplateRule::kCaption},
      {"The prime minister arrives for the summit in Brussels © Olivier Hoslet/EPA",
       BoilerplateRule::kCaption},
      {"Supporters wait for the candidate in Des Moines. Photo by John Smith/Getty Images",
       BoilerplateRule::kCaption},
      {"Riot police fire tear gas at striking dockworkers outside Gate 4 in Harlsund, March 11, "
       "2025. LODESTAR/Mikkel Aune",
       BoilerplateRule::kCaption},  // any agency in capitals, not only the listed ones
      {"Delegates leave the hall after the vote. NORD-FOTO/J. van der Berg.",
       BoilerplateRule::kCaption},
      {"Photo: AFP", BoilerplateRule::kCredit},
      {"Getty Images", BoilerplateRule::kCredit},
      {"Photograph: Alamy", BoilerplateRule::kCredit},
      {"Bloomberg via Getty Images.", BoilerplateRule::kCredit},
  };
  for (const Case& c : cases) ExpectRemoved(c, false);
}

TEST(CleanText, CallsToAction) {
  const Case cases[] = {
      {"Sign up for our morning newsletter to get the day's top stories.",
       BoilerplateRule::kCallToAction},
      {"Follow us on Instagram and Facebook for the latest updates.",
       BoilerplateRule::kCallToAction},
      {"Download the Daily Gazette app for breaking news alerts.", BoilerplateRule::kCallToAction},
      {"Click here to read the full report.", BoilerplateRule::kCallToAction},
      {"Join our WhatsApp channel to stay informed.", BoilerplateRule::kCallToAction},
      {"Already a subscriber? Log in to continue reading.", BoilerplateRule::kCallToAction},
      {"Get the latest news delivered straight to your inbox.", BoilerplateRule::kCallToAction},
  };
  for (const Case& c : cases) ExpectRemoved(c, false);
  ExpectRemoved({"Continue Reading", BoilerplateRule::kCallToAction}, true);
}

TEST(CleanText, RelatedLinks) {
  const Case cases[] = {
      {"ALSO READ: Curfew extended in three more provinces", BoilerplateRule::kRelatedLink},
      {"Related: How the protests spread across the country", BoilerplateRule::kRelatedLink},
      {"READ MORE: Ten dead as storms hit the coast", BoilerplateRule::kRelatedLink},
      {"See also | The mayor's first year in office", BoilerplateRule::kRelatedLink},
  };
  for (const Case& c : cases) ExpectRemoved(c, false);
}

TEST(CleanText, CopyrightBylinesCredits) {
  const Case cases[] = {
      {"Copyright 2023 The Daily Gazette. All rights reserved.", BoilerplateRule::kCopyright},
      {"© 2024 Example Media Group", BoilerplateRule::kCopyright},
      {"This material may not be published, broadcast, rewritten or redistributed.",
       BoilerplateRule::kCopyright},
      {"Editing by Jane Doe and Richard Roe", BoilerplateRule::kStaffCredit},
      {"(Reporting by Ana Lopez in Lima; Additional reporting by Tom Ng; Editing by Sam Hill)",
       BoilerplateRule::kStaffCredit},
      {"Associated Press writer Maria Garcia in Madrid contributed to this report.",
       BoilerplateRule::kStaffCredit},
  };
  for (const Case& c : cases) ExpectRemoved(c, true);
}

TEST(CleanText, TimestampsPlaceholdersBreadcrumbsShare) {
  const Case cases[] = {
      {"Updated 3 hours ago", BoilerplateRule::kTimestamp},
      {"5 min read", BoilerplateRule::kTimestamp},
      {"Published: 10 Jan 2022, 08:15 GMT", BoilerplateRule::kTimestamp},
      {"2 days ago 114", BoilerplateRule::kTimestamp},
      {"Advertisement", BoilerplateRule::kMediaPlaceholder},
      {"Watch: The moment the bridge collapsed", BoilerplateRule::kMediaPlaceholder},
      {"Image: A map of the affected region", BoilerplateRule::kMediaPlaceholder},
      {"Story continues below advertisement", BoilerplateRule::kMediaPlaceholder},
      {"Home > World > Asia", BoilerplateRule::kBreadcrumb},
      {"Politics | Elections 2024", BoilerplateRule::kBreadcrumb},
      {"Tags: curfew, protests, Lima", BoilerplateRule::kBreadcrumb},
      {"Facebook Twitter WhatsApp Email", BoilerplateRule::kShareWidget},
      {"* * *", BoilerplateRule::kSeparator},
  };
  for (const Case& c : cases) ExpectRemoved(c, false);
}

TEST(CleanText, BylineKeptAsMetadata) {
  std::string text = "By Maria Fernandez and Tom Ng, Reuters\n\n" + Join({kBody[0], kBody[1]});
  CleanResult r = CleanText(text);
  ASSERT_FALSE(r.blocks.empty());
  EXPECT_EQ(r.blocks[0].rule, BoilerplateRule::kByline);
  EXPECT_EQ(r.byline, "Maria Fernandez and Tom Ng");
  EXPECT_EQ(r.text, Join({kBody[0], kBody[1]}));
  // "By" opening a sentence is not a byline.
  std::string s = "By Monday, officials had restored power to most of the city.";
  EXPECT_TRUE(CleanText(s).blocks[0].keep);
}

TEST(CleanText, StaffCreditsKeptAsMetadata) {
  std::string text = Join({kBody[0], kBody[2], "Reporting by Ana Lopez; Editing by Sam Hill"});
  CleanResult r = CleanText(text);
  ASSERT_EQ(r.credits.size(), 1u);
  EXPECT_EQ(r.credits[0], "Reporting by Ana Lopez; Editing by Sam Hill");
  EXPECT_EQ(r.text, Join({kBody[0], kBody[2]}));
}

TEST(CleanText, TrailingReadMoreIsCutButParagraphKept) {
  std::string body = "The minister resigned on Friday after weeks of pressure.";
  std::string text = Join({kBody[0], body + " Read more", kBody[1]});
  CleanResult r = CleanText(text);
  EXPECT_EQ(r.text, Join({kBody[0], body, kBody[1]}));
  ASSERT_EQ(r.blocks.size(), 4u);
  EXPECT_TRUE(r.blocks[1].keep);
  EXPECT_EQ(r.blocks[1].in(text), body);
  EXPECT_FALSE(r.blocks[2].keep);
  EXPECT_EQ(r.blocks[2].rule, BoilerplateRule::kRelatedLink);
  EXPECT_EQ(r.blocks[2].in(text), "Read more");
  // "read more" inside a sentence is body.
  std::string inside = "Voters said they wanted to read more about the candidates' plans.";
  EXPECT_TRUE(CleanText(inside).blocks[0].keep);
}

TEST(CleanText, RepeatedTitleAndShortLineTwice) {
  std::string title = "Curfew extended as protests continue";
  std::string text = Join({title, "Curfew extended as protests continue", kBody[0], kBody[1],
                           "Breaking: the curfew in numbers", "Breaking: the curfew in numbers"});
  CleanResult r = CleanText(text, {}, nullptr, title);
  EXPECT_EQ(r.blocks[0].rule, BoilerplateRule::kRepeatedTitle);
  EXPECT_EQ(r.blocks[1].rule, BoilerplateRule::kRepeatedTitle);
  EXPECT_TRUE(r.blocks[4].keep);  // the first of the two equal lines stays
  EXPECT_EQ(r.blocks[5].rule, BoilerplateRule::kRepeatedTitle);
  // A dated title line ("2005/01/08 Title") is the title too.
  std::string dated = "2005/01/08 " + title + "\n\n" + kBody[0];
  EXPECT_EQ(CleanText(dated, {}, nullptr, title).blocks[0].rule, BoilerplateRule::kRepeatedTitle);
  // Without a title the headline stays.
  EXPECT_TRUE(CleanText(Join({title, kBody[0]})).blocks[0].keep);
}

TEST(CleanText, AppealBlockAtTheEnd) {
  std::vector<std::string> paras(std::begin(kBody), std::end(kBody));
  paras.insert(
      paras.end(),
      {
          "Dear reader,",
          "Independent reporting costs money. Every month thousands of you choose to back our "
          "newsroom, and that support keeps our work free for everyone.",
          "If you can, please consider a monthly contribution. It takes a minute.",
          "The Editors",
      });
  std::string text = Join(paras);
  CleanResult r = CleanText(text);
  ASSERT_EQ(r.blocks.size(), paras.size());
  for (size_t i = 0; i < std::size(kBody); ++i) EXPECT_TRUE(r.blocks[i].keep) << i;
  for (size_t i = std::size(kBody); i < paras.size(); ++i) {
    EXPECT_EQ(r.blocks[i].rule, BoilerplateRule::kAppeal) << paras[i];
  }
  // The same salutation at the top of a letter-style column is not taken as an appeal.
  std::string column = Join({"Dear reader,", kBody[0], kBody[1], kBody[2], kBody[3]});
  EXPECT_TRUE(CleanText(column).blocks[1].keep);
}

TEST(CleanText, RelatedListUnderALabel) {
  std::string text = Join({kBody[0], kBody[1], "Related stories", "Mayor faces recall vote",
                           "Five things to know about the curfew", kBody[2]});
  CleanResult r = CleanText(text);
  EXPECT_EQ(r.blocks[2].rule, BoilerplateRule::kRelatedLink);
  EXPECT_EQ(r.blocks[3].rule, BoilerplateRule::kRelatedLink);
  EXPECT_EQ(r.blocks[4].rule, BoilerplateRule::kRelatedLink);
  EXPECT_TRUE(r.blocks[5].keep);  // the list ends at the next body paragraph
}

TEST(CleanText, ReportedSpeechIsKept) {
  // Body sentences that share words with the rules.
  const char* body[] = {
      "\"Subscribe to our values or leave,\" the party leader told supporters on Sunday.",
      "A spokesman for Getty Images said the photographer had been released.",
      "Copyright lawsuits against AI companies have multiplied this year, lawyers say.",
      "Follow-up talks are planned for next week in Geneva.",
      "Join the two halves of the bridge, engineers said, and traffic can resume by May.",
      "The company said it had 2 million subscribers to its newsletter by December.",
      "Readers of the paper donated more than $40,000 to the relief fund, the editor said.",
      "By the end of the week, 12 people had been charged.",
      "The video, posted on Twitter, shows police firing tear gas at the crowd.",
      "60.",
      "Officials met in Brussels for talks with NATO/Ukraine.",
      "The vote was split 52/48. TURNOUT/Low was the headline.",
      "The number of countries that sent observers, according to the election commission.",
  };
  std::vector<std::string> paras(std::begin(kBody), std::end(kBody));
  paras.insert(paras.begin() + 2, std::begin(body), std::end(body));
  std::string text = Join(paras);
  CleanResult r = CleanText(text);
  for (const Block& b : r.blocks) {
    EXPECT_TRUE(b.keep) << b.in(text) << " -> " << RuleName(b.rule) << ": " << b.reason;
  }
  EXPECT_EQ(r.text, text);
}

TEST(CleanText, LineBlocksAndHardWrappedParagraphs) {
  // Separate lines inside one paragraph are separate blocks.
  std::string lines = std::string(kBody[0]) + "\nAdvertisement\n" + kBody[1];
  CleanResult r = CleanText(lines);
  ASSERT_EQ(r.blocks.size(), 3u);
  EXPECT_EQ(r.blocks[1].rule, BoilerplateRule::kMediaPlaceholder);
  EXPECT_EQ(r.text, std::string(kBody[0]) + "\n" + kBody[1]);
  // A hard-wrapped paragraph is one block.
  std::string wrapped =
      "The council met for six hours on Tuesday and heard from more than\n"
      "forty residents, most of whom asked for the curfew to be lifted before\n"
      "the start of the school year.";
  std::vector<BlockSpan> spans = SplitBlocks(wrapped);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].begin, 0u);
  EXPECT_EQ(spans[0].end, wrapped.size());
}

TEST(CleanText, OptionsDisableRules) {
  std::string text = Join({kBody[0], "Advertisement", kBody[1]});
  CleanOptions o;
  o.Disable(BoilerplateRule::kMediaPlaceholder);
  EXPECT_TRUE(o.Enabled(BoilerplateRule::kCaption));
  EXPECT_FALSE(o.Enabled(BoilerplateRule::kMediaPlaceholder));
  EXPECT_EQ(CleanText(text, o).text, text);
}

TEST(CleanText, RuleNamesRoundTrip) {
  for (int i = 0; i < kBoilerplateRuleCount; ++i) {
    auto rule = static_cast<BoilerplateRule>(i);
    std::string name = RuleName(rule);
    EXPECT_NE(name, "unknown");
    EXPECT_GT(std::string(RuleDescription(rule)).size(), 10u);
    EXPECT_EQ(RuleFromName(name), rule);
  }
  EXPECT_EQ(RuleFromName("no_such_rule"), std::nullopt);
}

// Invariants on random texts built from body and boilerplate lines: blocks in order, no
// overlap, every non-blank line covered, the output equal to the kept blocks joined.
TEST(CleanText, BlockInvariantsOnRandomTexts) {
  const char* pieces[] = {kBody[0],
                          kBody[1],
                          kBody[2],
                          "Advertisement",
                          "PHOTO: AFP",
                          "Read more",
                          "",
                          "   ",
                          "Dear Reader,",
                          "By Jane Doe",
                          "\t\xC2\xA0 x",
                          "\xFF\xFE broken \xC3",
                          "ALSO READ: x y z",
                          "Some text ending in read more",
                          "1 week ago 25"};
  std::mt19937 rng(7);
  for (int iter = 0; iter < 300; ++iter) {
    std::string text;
    int n = rng() % 12;
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % std::size(pieces)];
      text += (rng() % 3 == 0) ? "\n" : "\n\n";
    }
    CleanResult r = CleanText(text);
    std::string rebuilt;
    uint32_t prev_end = 0;
    std::vector<bool> covered(text.size(), false);
    for (const Block& b : r.blocks) {
      ASSERT_LE(prev_end, b.begin);
      ASSERT_LT(b.begin, b.end);
      ASSERT_LE(b.end, text.size());
      prev_end = b.end;
      for (uint32_t k = b.begin; k < b.end; ++k) covered[k] = true;
      EXPECT_EQ(b.keep, b.rule == BoilerplateRule::kNone);
      EXPECT_EQ(b.keep, b.reason.empty());
      if (b.keep) {
        ASSERT_NE(b.out_begin, Block::kNotInOutput);
        EXPECT_EQ(r.text.substr(b.out_begin, b.end - b.begin), b.in(text));
      } else {
        EXPECT_EQ(b.out_begin, Block::kNotInOutput);
      }
    }
    for (size_t k = 0; k < text.size(); ++k) {
      char c = text[k];
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (!space) EXPECT_TRUE(covered[k]) << "byte " << k << " of " << text;
    }
    EXPECT_EQ(CleanText(text).text, r.text);  // deterministic
  }
}

TEST(CleanText, EmptyAndBlankInput) {
  EXPECT_TRUE(CleanText("").blocks.empty());
  EXPECT_TRUE(CleanText("\n\n  \n\t\n").blocks.empty());
  EXPECT_EQ(CleanText("").text, "");
}

}  // namespace
}  // namespace witness::clean
