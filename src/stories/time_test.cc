#include <gtest/gtest.h>

#include "witness/stories.h"

namespace witness::stories {
namespace {

TEST(ParsePublished, DateAloneIsNoonUtc) {
  // 2022-01-10 00:00:00Z is 1641772800 (19002 days after 1970-01-01).
  EXPECT_EQ(ParsePublished("2022-01-10"), 1641772800 + 12 * 3600);
  EXPECT_EQ(ParsePublished("1970-01-01"), 12 * 3600);
}

TEST(ParsePublished, TimesAndOffsets) {
  EXPECT_EQ(ParsePublished("2022-01-10T08:00:00Z"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T08:00Z"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T08:00"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10 08:00:00"), 1641772800 + 8 * 3600);
  // 14:00 at +06:00 is 08:00 UTC, in every offset spelling.
  EXPECT_EQ(ParsePublished("2022-01-10T14:00:00+06:00"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T14:00:00+0600"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T14:00:00+06"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T03:30:00-04:30"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T08:00:00.123456Z"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("  2022-01-10T08:00:00Z \n"), 1641772800 + 8 * 3600);
  EXPECT_EQ(ParsePublished("2022-01-10T24:00:00Z"), 1641772800 + 24 * 3600);
}

TEST(ParsePublished, CalendarRules) {
  EXPECT_TRUE(ParsePublished("2024-02-29").has_value());   // leap year
  EXPECT_FALSE(ParsePublished("2023-02-29").has_value());  // not one
  EXPECT_FALSE(ParsePublished("1900-02-29").has_value());  // century, not leap
  EXPECT_TRUE(ParsePublished("2000-02-29").has_value());   // 400-year leap
  EXPECT_FALSE(ParsePublished("2022-04-31").has_value());
  EXPECT_FALSE(ParsePublished("2022-13-01").has_value());
  EXPECT_FALSE(ParsePublished("2022-00-10").has_value());
  // Consecutive days are 86400 s apart across month and year ends.
  EXPECT_EQ(*ParsePublished("2022-01-01") - *ParsePublished("2021-12-31"), 86400);
  EXPECT_EQ(*ParsePublished("2024-03-01") - *ParsePublished("2024-02-29"), 86400);
}

TEST(ParsePublished, RejectsWhatIsNotIso) {
  for (const char* s :
       {"", "yesterday", "10 Jan 2022", "2022/01/10", "2022-1-10", "2022-01-10T8:00",
        "2022-01-10T08:60", "2022-01-10T25:00", "2022-01-10T08:00:00+25:00", "2022-01-10T08:00:00Q",
        "2022-01-10T08:00:00Zjunk", "2022-01-10x", "2022-01-10T08:00:00.", "20220110"}) {
    EXPECT_FALSE(ParsePublished(s).has_value()) << s;
  }
}

TEST(FormatTime, RoundTripsAndHandlesNegativeTimes) {
  EXPECT_EQ(FormatTime(1641772800 + 8 * 3600), "2022-01-10T08:00:00Z");
  EXPECT_EQ(FormatTime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatTime(-1), "1969-12-31T23:59:59Z");
  for (const char* s : {"1900-03-01T00:00:00Z", "2000-02-29T23:59:59Z", "2099-12-31T12:34:56Z",
                        "1969-07-20T20:17:40Z"}) {
    std::optional<int64_t> t = ParsePublished(s);
    ASSERT_TRUE(t.has_value()) << s;
    EXPECT_EQ(FormatTime(*t), s);
  }
}

}  // namespace
}  // namespace witness::stories
