// Relate(): relations with furniture and quotations discounted; origin and its reasons.
#include <gtest/gtest.h>

#include "syndication/relate_internal.h"
#include "witness/syndication.h"

namespace witness::syndication {
namespace {

const char kWire[] =
    "LONDON (REUTERS) - The central bank raised its benchmark interest rate by half a "
    "percentage point on Tuesday, the third increase this year, and signalled that more were "
    "likely as inflation stayed well above its two percent target.\n\n"
    "Economists polled last week had expected a smaller move of a quarter point. Shares in "
    "banks rose while the currency strengthened against the dollar and the euro, traders said, "
    "as investors bet that the tightening cycle would last well into next year.\n\n"
    "The governor told reporters after the meeting that the committee would act as needed to "
    "bring prices under control, and that wage growth remained a concern for policy makers.";

const char kOtherStory[] =
    "Heavy rain flooded hundreds of homes in the north of the country over the weekend, forcing "
    "emergency services to evacuate several villages as rivers burst their banks and roads "
    "were closed.\n\n"
    "Forecasters warned that more storms were expected through Wednesday and urged residents "
    "to avoid travel, while the army sent troops and boats to help with rescues in the worst "
    "hit districts along the coast.";

Article Make(std::string id, std::string text, std::string source = "", std::string date = "") {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.source = std::move(source);
  a.published = std::move(date);
  return a;
}

TEST(Relate, NearCopyDespitePageFurniture) {
  const std::string page = std::string("Bank lifts rates again\n\nBusiness | Economy\n\n") + kWire +
                           "\n\nSubscribe to our newsletter for the day's top stories.\n\n"
                           "Dear reader, we have always strived to bring you news you can "
                           "trust. Your support helps us do our work; we thank you for it.\n\n"
                           "Copyright 2022 Daily Example. All rights reserved.";
  const Article a = Make("a", kWire, "reuters.com"), b = Make("b", page, "example.com");
  const PairReport r = Relate(a, b, Align(a.text, b.text));
  EXPECT_EQ(r.relation, Relation::kNearCopy);
  EXPECT_GT(r.shared_a, 0.9);
  EXPECT_GT(r.shared_b, 0.9);
  EXPECT_EQ(r.origin.who, Origin::Who::kA);  // B credits Reuters, and A is reuters.com
  ASSERT_FALSE(r.origin.reasons.empty());
  EXPECT_NE(r.origin.reasons[0].find("REUTERS"), std::string::npos);
  // Without the discount the furniture counts, and B holds A plus "other material".
  RelateOptions plain;
  plain.discount_furniture = false;
  EXPECT_EQ(Relate(a, b, Align(a.text, b.text), plain).relation, Relation::kContainedIn);
}

TEST(Relate, MergeContainsTheWireStory) {
  const std::string merged = std::string(kWire) + "\n\n" + kOtherStory;
  const Article a = Make("m", merged, "", "2022-01-11"), b = Make("w", kWire, "", "2022-01-10");
  const PairReport r = Relate(a, b, Align(a.text, b.text));
  EXPECT_EQ(r.relation, Relation::kContains);
  EXPECT_GT(r.shared_b, 0.9);
  EXPECT_LT(r.shared_a, 0.8);
  EXPECT_EQ(r.origin.who, Origin::Who::kB);  // earlier, and contained
  // Seen from the other side.
  const PairReport back = Relate(b, a, Align(b.text, a.text));
  EXPECT_EQ(back.relation, Relation::kContainedIn);
  EXPECT_EQ(back.origin.who, Origin::Who::kA);
}

TEST(Relate, SharedQuotationIsNoCopy) {
  const std::string quote =
      "\"We will not allow anyone to disturb the situation in our homes, and we will not allow "
      "so-called colour revolutions to be played out in the countries of our alliance,\" ";
  const std::string a = quote + "the president told a video conference of allied leaders on "
                                "Monday, after troops were sent to quell unrest last week.";
  const std::string b = "Speaking by video link from his residence outside the capital, he "
                        "said: " + quote + "the remarks came days after the deployment.";
  const Article x = Make("x", a), y = Make("y", b);
  const auto ps = Align(x.text, y.text);
  const PairReport r = Relate(x, y, ps);
  EXPECT_EQ(r.relation, Relation::kNone);
  EXPECT_EQ(r.passages, 0u);
}

TEST(Relate, UnrelatedAndEmpty) {
  const Article a = Make("a", kWire), b = Make("b", kOtherStory), e = Make("e", "");
  EXPECT_EQ(Relate(a, b, Align(a.text, b.text)).relation, Relation::kNone);
  EXPECT_EQ(Relate(a, e, Align(a.text, e.text)).relation, Relation::kNone);
  EXPECT_EQ(Relate(e, e, {}).relation, Relation::kNone);
  // Passages that do not fit the texts are ignored, not trusted.
  Passage bogus;
  bogus.a = {0, 100000};
  bogus.b = {0, 5};
  EXPECT_EQ(Relate(a, b, {bogus}).relation, Relation::kNone);
}

TEST(Relate, IdenticalDocumentsFromDifferentSources) {
  const Article a = Make("a", kWire, "one.example"), b = Make("b", kWire, "two.example");
  const PairReport r = Relate(a, b, Align(a.text, b.text));
  EXPECT_EQ(r.relation, Relation::kNearCopy);
  EXPECT_DOUBLE_EQ(r.shared_a, 1.0);
  EXPECT_DOUBLE_EQ(r.shared_b, 1.0);
  EXPECT_EQ(r.origin.who, Origin::Who::kCommonSource);  // both carry the REUTERS credit
  EXPECT_EQ(r.origin.agency, "REUTERS");
}

TEST(Origin, DatelineCredits) {
  using internal::DatelineCredits;
  EXPECT_EQ(DatelineCredits("NUR-SULTAN (BLOOMBERG) - President"),
            std::vector<std::string>{"BLOOMBERG"});
  EXPECT_EQ(DatelineCredits("MOSCOW/ALMATY (BLOOMBERG, AFP) - Russia's"),
            (std::vector<std::string>{"BLOOMBERG", "AFP"}));
  EXPECT_EQ(DatelineCredits("NUR-SULTAN, Jan 10 (Reuters) - Russian"),
            std::vector<std::string>{"REUTERS"});
  EXPECT_EQ(DatelineCredits("WASHINGTON (AP) \u2014 The Senate"), std::vector<std::string>{"AP"});
  EXPECT_TRUE(DatelineCredits("The bloc (CSTO) - a Moscow-led alliance").empty());
  EXPECT_TRUE(DatelineCredits("No dateline here.").empty());
  EXPECT_TRUE(DatelineCredits("").empty());
}

TEST(Origin, NamesAndReverse) {
  EXPECT_STREQ(RelationName(Relation::kNearCopy), "near-copy");
  EXPECT_STREQ(RelationName(Relation::kContains), "contains");
  EXPECT_STREQ(RelationName(Relation::kContainedIn), "contained-in");
  EXPECT_STREQ(RelationName(Relation::kSharesPassages), "shares-passages");
  EXPECT_STREQ(RelationName(Relation::kNone), "none");
  EXPECT_EQ(Reverse(Relation::kContains), Relation::kContainedIn);
  EXPECT_EQ(Reverse(Relation::kNearCopy), Relation::kNearCopy);
}

}  // namespace
}  // namespace witness::syndication
