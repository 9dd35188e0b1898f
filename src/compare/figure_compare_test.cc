// CompareFigures: grouping and verdicts on hand-built claims, and the JSON of a comparison.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "witness/figures.h"

namespace witness::figures {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

// The claims of each (source, text) pair, in order.
std::vector<SourcedFigure> Claims(std::initializer_list<std::pair<std::string, std::string>> docs) {
  std::vector<SourcedFigure> out;
  for (const auto& [source, text] : docs) {
    for (Figure& f : ExtractFigures(text)) out.push_back({source, std::move(f)});
  }
  return out;
}

const FigureGroup* Group(const std::vector<FigureGroup>& groups, std::string_view key) {
  for (const auto& g : groups) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

Verdict PairVerdict(const std::string& a, const std::string& b) {
  const auto claims = Claims({{"A", a}, {"B", b}});
  const auto groups = CompareFigures(claims);
  EXPECT_THAT(groups, SizeIs(1)) << a << " | " << b;
  if (groups.empty()) return Verdict::kSingle;
  return groups[0].verdict;
}

TEST(FigureCompare, PairVerdicts) {
  // Likely intervals meet.
  EXPECT_EQ(PairVerdict("about 8,000 people were detained", "nearly 8,000 people were detained"),
            Verdict::kAgree);
  EXPECT_EQ(PairVerdict("just over 2,000 troops", "2,030 troops"), Verdict::kAgree);
  EXPECT_EQ(PairVerdict("Thousands of people were detained", "about 8,000 were detained"),
            Verdict::kAgree);
  // Close but apart: 164 vs 170 (gap 6 of 170).
  EXPECT_EQ(PairVerdict("164 people were killed", "170 people were killed"), Verdict::kDiffer);
  // Both lower bounds, far apart: each can be true, but they say different things.
  EXPECT_EQ(
      PairVerdict("more than two dozen people were killed", "at least 164 people were killed"),
      Verdict::kDiverge);
  // Incompatible: exactly 24 against exactly 164.
  EXPECT_EQ(PairVerdict("24 people were killed", "164 people were killed"), Verdict::kConflict);
  EXPECT_EQ(PairVerdict("fewer than 10 people died", "at least 100 people died"),
            Verdict::kConflict);
}

TEST(FigureCompare, AnotherYearIsAnotherQuantity) {
  // Last election's share is not a disagreement with this one's. A year mention dates the
  // figure of its sentence nearest to it: in C, the 57 and not the 48.3.
  const auto claims = Claims(
      {{"A", "Civic Union won it in 2022 with 57 per cent of the vote."},
       {"B", "Ms Rask took 48.3 per cent of the vote."},
       {"C", "Ms Rask won 48.3 per cent of the vote; Civic Union had 57 per cent of the vote in "
             "2022."},
       {"D", "Civic Union won the 2022 general election with 57 per cent of the vote."}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(2));
  const FigureGroup* now = Group(groups, "percent|vote|%");
  const FigureGroup* then = Group(groups, "percent|vote|%|2022");
  ASSERT_NE(now, nullptr);
  ASSERT_NE(then, nullptr);
  EXPECT_EQ(now->label, "vote");
  EXPECT_EQ(then->label, "vote (2022)");
  EXPECT_EQ(now->source_count, 2u);  // B and C
  EXPECT_EQ(then->source_count, 3u);  // A, C and D
  EXPECT_EQ(now->verdict, Verdict::kAgree);
  EXPECT_EQ(then->verdict, Verdict::kAgree);
  // Undated, the same claims set 57 against 48.3.
  const auto undated = CompareFigures(Claims({{"A", "Civic Union won 57 per cent of the vote."},
                                              {"B", "Ms Rask took 48.3 per cent of the vote."}}));
  ASSERT_THAT(undated, SizeIs(1));
  EXPECT_NE(undated[0].verdict, Verdict::kAgree);
}

TEST(FigureCompare, GroupsBySemanticClass) {
  // killed / died / dead / death toll are one quantity; detained / arrested another.
  const auto claims = Claims({{"a", "20 people were killed."},
                              {"b", "The death toll rose to 21."},
                              {"c", "21 people died, and 300 people were arrested."},
                              {"d", "About 300 were detained."}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(2));
  EXPECT_EQ(groups[0].key, "death|people");
  EXPECT_THAT(groups[0].claims, ElementsAre(0, 1, 2));
  EXPECT_EQ(groups[0].source_count, 3u);
  EXPECT_EQ(groups[0].verdict, Verdict::kDiffer);  // 20 vs 21
  EXPECT_EQ(groups[1].key, "detention|people");
  EXPECT_EQ(groups[1].verdict, Verdict::kAgree);
  EXPECT_EQ(groups[1].label, "people arrested");
}

TEST(FigureCompare, DifferentThingsAreNotCompared) {
  const auto claims = Claims({{"a", "26 armed criminals were killed"},
                              {"b", "16 security officers died"},
                              {"c", "the 81-year-old leader"},
                              {"d", "the 68-year-old president"},
                              {"e", "for three days"}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(2));  // ages and durations are never grouped
  EXPECT_EQ(groups[0].key, "death|arm crimin");
  EXPECT_EQ(groups[1].key, "death|secur offic");
  EXPECT_EQ(groups[0].verdict, Verdict::kSingle);
}

TEST(FigureCompare, RetractedClaimsAreSetApart) {
  const auto claims =
      Claims({{"001",
               "At least two dozen people were killed. On Sunday, the information ministry "
               "retracted a statement that said more than 164 people had died."},
              {"002", "At least 164 people were killed, according to the country's authorities."}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(1));
  const FigureGroup& g = groups[0];
  EXPECT_THAT(g.claims, ElementsAre(0, 1, 2));
  EXPECT_THAT(g.retracted, ElementsAre(1));
  EXPECT_THAT(g.echoes_retracted, ElementsAre(2));
  ASSERT_THAT(g.pairs, SizeIs(1));  // the retracted claim is in no pair
  EXPECT_EQ(g.pairs[0].a, 0u);
  EXPECT_EQ(g.pairs[0].b, 2u);
  EXPECT_EQ(g.verdict, Verdict::kDiverge);
  EXPECT_NE(g.summary.find("retracted by the information ministry"), std::string::npos)
      << g.summary;
  EXPECT_NE(g.summary.find("repeated by 002"), std::string::npos) << g.summary;
}

TEST(FigureCompare, OneSourceRepeatingItselfIsSingle) {
  const auto claims = Claims({{"a",
                               "About 8,000 were detained. Nearly 8,000 people were "
                               "detained."}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_EQ(groups[0].verdict, Verdict::kAgree);  // two wordings, one source: still judged
  const auto same = Claims({{"a", "About 8,000 were detained."}, {"a", "about 8,000 detained"}});
  EXPECT_EQ(CompareFigures(same).at(0).verdict, Verdict::kSingle);
}

TEST(FigureCompare, ValuesOneSourceGivesTogetherAreNoConflict) {
  // Each candidate's votes and the margin, in full by two outlets and in part by a third: the
  // values are different quantities, and every outlet that gives one agrees on it.
  const auto claims = Claims(
      {{"a", "Rask won 18,402 votes. Vander received 16,529 votes, a margin of 1,873 votes."},
       {"b", "Rask won 18,402 votes and Vander 16,529 votes: a margin of 1,873 votes."},
       {"c", "She won by 1,873 votes."},
       {"d", "She won by fewer than 2,000 votes."}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_EQ(groups[0].verdict, Verdict::kAgree) << groups[0].summary;
  for (const FigurePair& p : groups[0].pairs) {
    EXPECT_EQ(p.verdict, Verdict::kAgree);
    EXPECT_NE(claims[p.a].source, claims[p.b].source);
  }
  // Outlets that each give one different value still differ (by 10%: kDiffer).
  const auto two = Claims({{"a", "Rask won 18,402 votes."}, {"b", "Rask won 16,529 votes."}});
  EXPECT_EQ(CompareFigures(two).at(0).verdict, Verdict::kDiffer);
  // And an outlet giving both does not hide the difference of two that give one each.
  const auto three = Claims({{"a", "Rask won 18,402 votes."},
                             {"b", "Rask won 16,529 votes."},
                             {"c", "Rask won 18,402 votes and Vander 16,529 votes."}});
  EXPECT_EQ(CompareFigures(three).at(0).verdict, Verdict::kDiffer);
}

TEST(FigureCompare, LabelReadsAsAParticiple) {
  const auto claims = Claims({{"a", "Police broke up the blockade, injuring dozens of people."},
                              {"b", "Police broke up the blockade, injuring 43 people."}});
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_EQ(groups[0].label, "people injured");
}

TEST(FigureCompare, PercentagesAndMoneyByUnit) {
  const auto claims = Claims({{"a", "He won 52% of the vote."},
                              {"b", "He won 48% of the vote."},
                              {"c", "a $5m contract"},
                              {"d", "Turnout was 60%."}});
  const auto groups = CompareFigures(claims);
  // "$5m contract" and "60%" alone say nothing comparable without a counted thing... the
  // contract is counted: one group each.
  const FigureGroup* vote = Group(groups, "percent|vote|%");
  ASSERT_NE(vote, nullptr);
  EXPECT_EQ(vote->verdict, Verdict::kDiffer);  // 48 vs 52: gap 4 of 52
  EXPECT_EQ(Group(groups, "percent||%"), nullptr);
}

TEST(FigureCompare, Json) {
  const auto claims = Claims(
      {{"x", "about 8,000 people were detained"}, {"y", "nearly 8,000 people were arrested"}});
  const auto groups = CompareFigures(claims);
  const auto j = nlohmann::json::parse(FigureGroupsToJson(claims, groups));
  ASSERT_EQ(j["groups"].size(), 1u);
  EXPECT_EQ(j["groups"][0]["verdict"], "agree");
  EXPECT_EQ(j["groups"][0]["claims"][1]["source"], "y");
  EXPECT_EQ(j["groups"][0]["claims"][0]["interval"]["lo"], 7200);
  EXPECT_EQ(j["groups"][0]["pairs"][0]["verdict"], "agree");
}

TEST(FigureCompare, EmptyInput) { EXPECT_THAT(CompareFigures({}), SizeIs(0)); }

}  // namespace
}  // namespace witness::figures
