#include "ingest/dateline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace witness::ingest_internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DatelineTest, PlaceAndAgency) {
  std::optional<Dateline> d = ParseDateline("NUR-SULTAN (BLOOMBERG) - President Putin vowed");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("NUR-SULTAN"));
  EXPECT_THAT(d->agencies, ElementsAre("BLOOMBERG"));
  EXPECT_EQ(d->date, "");
  EXPECT_EQ(d->text, "NUR-SULTAN (BLOOMBERG)");
  EXPECT_EQ(std::string_view("NUR-SULTAN (BLOOMBERG) - President").substr(d->length), "President");
}

TEST(DatelineTest, SeveralPlacesAndAgencies) {
  std::optional<Dateline> d = ParseDateline("MOSCOW/ALMATY (BLOOMBERG, AFP) - Russia's President");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("MOSCOW", "ALMATY"));
  EXPECT_THAT(d->agencies, ElementsAre("BLOOMBERG", "AFP"));
}

TEST(DatelineTest, DatePartAndMixedCaseAgency) {
  std::optional<Dateline> d = ParseDateline("NUR-SULTAN, Jan 10 (Reuters) - Russian President");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("NUR-SULTAN"));
  EXPECT_THAT(d->agencies, ElementsAre("REUTERS"));
  EXPECT_EQ(d->date, "Jan 10");
  EXPECT_EQ(d->published, "");  // no year: not a publication date
}

TEST(DatelineTest, DashesAndDatesWithYears) {
  std::optional<Dateline> d = ParseDateline("WASHINGTON, Jan. 10, 2022 (AP) — The Senate");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("WASHINGTON"));
  EXPECT_EQ(d->date, "Jan. 10, 2022");
  EXPECT_EQ(d->published, "2022-01-10");
  d = ParseDateline("LONDON, 10 January (Reuters) – Britain");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date, "10 January");
  d = ParseDateline("PARIS (AFP) -- France");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->agencies, ElementsAre("AFP"));
  d = ParseDateline("BERLIN (dpa)-Germany's");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->agencies, ElementsAre("DPA"));
}

TEST(DatelineTest, RegionAndPressRelease) {
  std::optional<Dateline> d = ParseDateline("KYIV, Ukraine (AP) — Russian forces");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("KYIV"));
  EXPECT_THAT(d->agencies, ElementsAre("AP"));
  d = ParseDateline("NEW YORK, Jan. 10, 2022 /PRNewswire/ -- Acme Corp today");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("NEW YORK"));
  EXPECT_THAT(d->agencies, ElementsAre("PRNEWSWIRE"));
  d = ParseDateline("ST. LOUIS (Reuters) - A");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("ST. LOUIS"));
  d = ParseDateline("SÃO PAULO (Reuters) - Brazil");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("SÃO PAULO"));
  d = ParseDateline("BRASÍLIA (Agência Brasil) - O");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->agencies, ElementsAre("AGÊNCIA BRASIL"));
}

TEST(DatelineTest, AgencyLessNeedsATypographicDash) {
  std::optional<Dateline> d = ParseDateline("WASHINGTON — Michael Steele, chairman");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->places, ElementsAre("WASHINGTON"));
  EXPECT_THAT(d->agencies, IsEmpty());
  EXPECT_FALSE(ParseDateline("WASHINGTON - Michael Steele"));  // a plain hyphen is too weak
  EXPECT_FALSE(ParseDateline("BREAKING — Markets fall"));
  EXPECT_FALSE(ParseDateline("UPDATE (Reuters) - x"));
  EXPECT_FALSE(ParseDateline("TRUMP WINS - the headline"));
  EXPECT_FALSE(ParseDateline("OFF SEASON CONDITIONING – WATCH FOR HEAT STROKE"));
  d = ParseDateline("NEW YORK (CNN/Money) -- Stocks rose");
  ASSERT_TRUE(d);
  EXPECT_THAT(d->agencies, ElementsAre("CNN/MONEY"));
}

TEST(DatelineTest, NotDatelines) {
  for (const char* p :
       {"President Vladimir Putin at the Council (CSTO) - a meeting", "Russia | Vladimir Putin",
        "I (too) - am", "A (B) - c", "NATO (North Atlantic Treaty Organization) said on Monday",
        "MOSCOW (BLOOMBERG) -", "MOSCOW (BLOOMBERG) - \nnext", "MOSCOW (BLOOMBERG - missing paren",
        "1 week ago 25", "Moscow (Reuters) - mixed case place", "", "(Reuters) - no place",
        "MOSCOW (Reuters (nested)) - x", "MOSCOW (a, , b) - x"}) {
    EXPECT_FALSE(ParseDateline(p)) << p;
  }
}

TEST(FindDatelineTest, LooksAtTheFirstParagraphsOnly) {
  const std::string text =
      "President Vladimir Putin at the meeting. PHOTO: REUTERS\n\n"
      "MOSCOW/ALMATY (BLOOMBERG, AFP) - Russia's President\n\nMore.";
  size_t offset = 0;
  std::optional<Dateline> d = FindDateline(text, 8, &offset);
  ASSERT_TRUE(d);
  EXPECT_EQ(offset, text.find("MOSCOW"));
  std::string late;
  for (int i = 0; i < 10; ++i) late += "Paragraph " + std::to_string(i) + ".\n\n";
  late += "LONDON (Reuters) - Too late.";
  EXPECT_FALSE(FindDateline(late));
}

TEST(ToUpperTest, Unicode) {
  EXPECT_EQ(ToUpperUtf8("Reuters"), "REUTERS");
  EXPECT_EQ(ToUpperUtf8("straße"), "STRASSE");
  EXPECT_EQ(ToUpperUtf8("ağ"), "AĞ");
}

}  // namespace
}  // namespace witness::ingest_internal
