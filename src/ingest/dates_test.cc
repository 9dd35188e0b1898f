#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace witness::ingest_internal {
namespace {

TEST(NormalizeDateTest, IsoForms) {
  EXPECT_EQ(NormalizeDate("2022-01-10"), "2022-01-10");
  EXPECT_EQ(NormalizeDate(" 2022-01-10 "), "2022-01-10");
  EXPECT_EQ(NormalizeDate("2022-01-10T08:00:00Z"), "2022-01-10T08:00:00Z");
  EXPECT_EQ(NormalizeDate("2022-01-10t08:00z"), "2022-01-10T08:00:00Z");
  EXPECT_EQ(NormalizeDate("2022-01-10T08:00:00.123456Z"), "2022-01-10T08:00:00Z");
  EXPECT_EQ(NormalizeDate("2022-01-10T08:00:00,5+03:00"), "2022-01-10T08:00:00+03:00");
  EXPECT_EQ(NormalizeDate("2022-01-10T08:00:00+0300"), "2022-01-10T08:00:00+03:00");
  EXPECT_EQ(NormalizeDate("2022-01-10T08:00:00-05"), "2022-01-10T08:00:00-05:00");
  EXPECT_EQ(NormalizeDate("2022-01-10 08:00:00"), "2022-01-10T08:00:00");
  EXPECT_EQ(NormalizeDate("2022-01-10 08:00:00 +00:00"), "2022-01-10T08:00:00+00:00");
  EXPECT_EQ(NormalizeDate("2020-02-29"), "2020-02-29");
  EXPECT_EQ(NormalizeDate("2000-02-29"), "2000-02-29");
  EXPECT_EQ(NormalizeDate("2016-12-31T23:59:60Z"), "2016-12-31T23:59:60Z");  // leap second
}

TEST(NormalizeDateTest, InvalidIso) {
  for (const char* bad : {"",
                          "yesterday",
                          "2022",
                          "2022-01",
                          "2022-1-10",
                          "2022-13-01",
                          "2022-00-10",
                          "2022-01-32",
                          "2022-02-29",
                          "1900-02-29",
                          "2022-04-31",
                          "2022-01-10T24:00:00Z",
                          "2022-01-10T08:60",
                          "2022-01-10T08:00:61",
                          "2022-01-10T08",
                          "2022-01-10T08:00:00+24:00",
                          "2022-01-10T08:00:00+03:60",
                          "2022-01-10T08:00:00.",
                          "2022-01-10T08:00:00Zjunk",
                          "2022-01-10x",
                          "20220110",
                          "2022-01-10T08:00:00 EST"}) {
    EXPECT_EQ(NormalizeDate(bad), std::nullopt) << bad;
  }
}

TEST(NormalizeDateTest, Rfc2822) {
  EXPECT_EQ(NormalizeDate("Mon, 10 Jan 2022 08:00:00 GMT"), "2022-01-10T08:00:00Z");
  EXPECT_EQ(NormalizeDate("10 Jan 2022 08:00 +0300"), "2022-01-10T08:00:00+03:00");
  EXPECT_EQ(NormalizeDate("Mon, 10 January 2022 08:00:00 -0500"), "2022-01-10T08:00:00-05:00");
  EXPECT_EQ(NormalizeDate("Mon, 10 Jan 2022 08:00:00 EST"), "2022-01-10T08:00:00-05:00");
  EXPECT_EQ(NormalizeDate("Mon, 10 Jan 2022 08:00:00 PDT"), "2022-01-10T08:00:00-07:00");
  EXPECT_EQ(NormalizeDate("10 Jan 2022"), "2022-01-10");
  EXPECT_EQ(NormalizeDate("Mon, 31 Feb 2022 08:00:00 GMT"), std::nullopt);
  EXPECT_EQ(NormalizeDate("Mon, 10 Foo 2022 08:00:00 GMT"), std::nullopt);
  EXPECT_EQ(NormalizeDate("Mon, 10 Jan 2022 08:00:00 XYZ"), std::nullopt);
  EXPECT_EQ(NormalizeDate("10 Jan 22"), std::nullopt);
}

TEST(MonthTest, NamesAndAbbreviations) {
  EXPECT_EQ(MonthFromName("Jan"), 1);
  EXPECT_EQ(MonthFromName("jan."), 1);
  EXPECT_EQ(MonthFromName("SEPTEMBER"), 9);
  EXPECT_EQ(MonthFromName("Sept"), 9);
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("May"), 5);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Monday"), 0);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2022, 13), 0);
}

}  // namespace
}  // namespace witness::ingest_internal
