// Number recognition: hand-checked cases, bad inputs, and a round trip against a reference
// English number speller.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>

#include "witness/figures.h"

namespace witness::figures {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

std::string Text(std::string_view s, text::Span sp) { return std::string(sp.in(s)); }

// The only mention in `s` (fails the test when there is not exactly one).
NumberMention Only(std::string_view s) {
  const NumberScan scan = ScanNumbers(s);
  EXPECT_EQ(scan.mentions.size(), 1u) << "in: " << s;
  if (scan.mentions.empty()) return NumberMention{};
  return scan.mentions.front();
}

std::vector<double> NumeralValues(std::string_view s) {
  std::vector<double> v;
  for (const Numeral& n : ScanNumbers(s).numerals) v.push_back(n.value);
  return v;
}

std::vector<std::string> MentionTexts(std::string_view s) {
  std::vector<std::string> v;
  for (const NumberMention& m : ScanNumbers(s).mentions) v.push_back(Text(s, m.span));
  return v;
}

// ---- digits

TEST(NumbersDigits, SeparatorsAndDecimals) {
  EXPECT_EQ(Only("about 8,000 have").value, 8000);
  EXPECT_EQ(Only("1,000,000").value, 1e6);
  EXPECT_EQ(Only("19.5").value, 19.5);
  EXPECT_EQ(Only("12,34,567.89").value, 1234567.89);  // Indian grouping
  EXPECT_EQ(Only("1 234 567").value, 1234567);        // space groups
  EXPECT_EQ(Only("40\xE2\x80\xAF"
                 "000")
                .value,
            40000);                            // NNBSP
  EXPECT_EQ(Only("1.111,11").value, 1111.11);  // decimal comma
  EXPECT_EQ(Only("4.800").value, 4.8);         // one dot: a decimal point
  EXPECT_EQ(Only("5,00").value, 5);            // decimal comma, 2 digits
  EXPECT_EQ(Only(".08").value, 0.08);
  EXPECT_EQ(Only("2,030 troops").value, 2030);
}

TEST(NumbersDigits, SignsAndExponents) {
  EXPECT_EQ(Only("it fell to -4 today").value, -4);
  EXPECT_EQ(Only("it fell to \xE2\x88\x92"
                 "4 today")
                .value,
            -4);  // U+2212 minus
  EXPECT_EQ(Only("1e10").value, 1e10);
  EXPECT_EQ(Only("1.3e6").value, 1.3e6);
  EXPECT_EQ(Only("1.3x10^6").value, 1.3e6);
  EXPECT_DOUBLE_EQ(Only("2.5^-1").value, 0.4);
  EXPECT_EQ(Only("10^100").value, 1e100);
}

TEST(NumbersDigits, Multipliers) {
  EXPECT_EQ(Only("10k").value, 1e4);
  EXPECT_EQ(Only("1.2bn").value, 1.2e9);
  EXPECT_DOUBLE_EQ(Only("14.2mn").value, 14.2e6);
  EXPECT_EQ(Only("2 million").value, 2e6);
  EXPECT_EQ(Only("2.5 billion").value, 2.5e9);
  // A lower-case "m" is a million only after a currency sign (else metres).
  EXPECT_THAT(ScanNumbers("a 1m wall").mentions, SizeIs(0));
  const NumberMention m = Only("a $5m deal");
  EXPECT_EQ(m.kind, Kind::kMoney);
  EXPECT_EQ(m.unit, "USD");
  EXPECT_EQ(m.value, 5e6);
}

TEST(NumbersDigits, GluedLettersAreNotNumbers) {
  EXPECT_THAT(ScanNumbers("the 180ml liquid, a 29km road, G7 leaders, 3D, 5G, the 1990s").mentions,
              SizeIs(0));
}

TEST(NumbersDigits, ChainsAreListsOfIntegers) {
  // "1,2,3": three integers, marked as a chain (not one number, not decimals).
  const NumberScan scan = ScanNumbers("1,2,3");
  ASSERT_THAT(scan.numerals, SizeIs(3));
  EXPECT_EQ(scan.numerals[0].value, 1);
  EXPECT_EQ(scan.numerals[1].value, 2);
  EXPECT_EQ(scan.numerals[2].value, 3);
  for (const Numeral& n : scan.numerals) EXPECT_TRUE(n.in_chain);
  EXPECT_THAT(NumeralValues("192.168.1.2"), ElementsAre(192, 168, 1, 2));
  EXPECT_THAT(NumeralValues("on 5/17/2018"), ElementsAre(5, 17, 2018));
  EXPECT_THAT(NumeralValues("call +1-222-2222"), ElementsAre(1, 222, 2222));
  for (const Numeral& n : ScanNumbers("call +1-222-2222").numerals) EXPECT_TRUE(n.in_chain);
  const NumberScan t = ScanNumbers("at 10:30");
  ASSERT_THAT(t.numerals, SizeIs(2));
  EXPECT_TRUE(t.numerals[0].time_like);
  // "9/11" is no common fraction: a chain.
  EXPECT_TRUE(ScanNumbers("after 9/11").numerals.at(0).in_chain);
}

TEST(NumbersDigits, Fractions) {
  EXPECT_EQ(Only("3/4").value, 0.75);
  EXPECT_EQ(Only("2 1/4").value, 2.25);
  EXPECT_EQ(Only("\xC2\xBD").value, 0.5);  // ½
  EXPECT_TRUE(ScanNumbers("3/4").numerals.at(0).fraction);
}

TEST(NumbersDigits, OrdinalSuffixes) {
  const NumberScan s = ScanNumbers("the 21st and the 2nd, but not 2th");
  ASSERT_THAT(s.numerals, SizeIs(2));
  EXPECT_TRUE(s.numerals[0].ordinal);
  EXPECT_EQ(s.numerals[0].value, 21);
  EXPECT_EQ(s.numerals[1].value, 2);
  EXPECT_EQ(s.mentions[0].kind, Kind::kOrdinal);
}

TEST(NumbersDigits, Labels) {
  const NumberScan s = ScanNumbers("COVID-19 cases");
  ASSERT_THAT(s.numerals, SizeIs(1));
  EXPECT_TRUE(s.numerals[0].label);
  EXPECT_EQ(s.numerals[0].value, 19);
}

// ---- words

TEST(NumbersWords, Compositions) {
  EXPECT_EQ(Only("two hundred and forty-five").value, 245);
  EXPECT_EQ(Only("Twenty-six people").value, 26);
  EXPECT_EQ(Only("one million two thousand").value, 1002000);
  EXPECT_EQ(Only("twenty-one trillion and three hundred").value, 21000000000300.0);
  EXPECT_EQ(Only("a dozen").value, 12);
  EXPECT_EQ(Only("more than two dozen").value, 24);
  EXPECT_EQ(Only("half a dozen").value, 6);
  EXPECT_EQ(Only("a country of 19 million people").value, 19e6);
  EXPECT_EQ(Only("two point five million").value, 2.5e6);
  EXPECT_DOUBLE_EQ(Only("two hundred point zero three").value, 200.03);
  EXPECT_EQ(Only("3 hundred and 21").value, 321);
  EXPECT_EQ(Only("three lakh crore").value, 3e12);
}

TEST(NumbersWords, SplitsWhatDoesNotCompose) {
  // "nineteen eighty-four" is two numbers (no year reading).
  EXPECT_THAT(NumeralValues("nineteen eighty-four"), ElementsAre(19, 84));
  EXPECT_THAT(NumeralValues("3 hundred and 2 hundred"), ElementsAre(300, 200));
  EXPECT_THAT(NumeralValues("one million two million"), ElementsAre(1e6, 2e6));
  EXPECT_THAT(NumeralValues("three-nought-four"), ElementsAre(3, 0, 4));
}

TEST(NumbersWords, Fractions) {
  EXPECT_EQ(Only("a quarter of them").value, 0.25);
  EXPECT_EQ(Only("more than half of voters").value, 0.5);
  EXPECT_EQ(Only("three quarters").value, 0.75);
  EXPECT_DOUBLE_EQ(Only("a third of").value, 1.0 / 3);
  EXPECT_DOUBLE_EQ(Only("two thirds of a million").value, 2e6 / 3);
  EXPECT_EQ(Only("one and a half").value, 1.5);
  EXPECT_EQ(Only("five and a half million").value, 5.5e6);
  EXPECT_EQ(Only("3 million and a half").value, 3.5e6);
  EXPECT_EQ(Only("one hundred and three quarters").value, 100.75);
  EXPECT_DOUBLE_EQ(Only("one hundred thirty fifths").value, 100.0 / 35);
  EXPECT_DOUBLE_EQ(Only("twenty one fifths").value, 21.0 / 5);
  EXPECT_DOUBLE_EQ(Only("one over three").value, 1.0 / 3);
  EXPECT_DOUBLE_EQ(Only("one in five adults").value, 0.2);
  EXPECT_EQ(Only("two out of five hundred").value, 0.004);
}

TEST(NumbersWords, OrdinalsAndFractionsOfA) {
  // "a third" before a noun is the ordinal; before "of" or at the end, a fraction.
  const NumberMention term = Only("won a third term");
  EXPECT_EQ(term.kind, Kind::kOrdinal);
  EXPECT_EQ(term.value, 3);
  EXPECT_EQ(Only("the twenty-first").value, 21);
  EXPECT_EQ(Only("the twenty-first").kind, Kind::kOrdinal);
  EXPECT_EQ(Only("two hundredth").value, 200);
  // "seconds" is time, never a denominator: 30 and nothing else.
  EXPECT_THAT(NumeralValues("30 seconds"), ElementsAre(30));
  // "first-time" is an adjective, not a rank.
  EXPECT_THAT(ScanNumbers("first-time voters").numerals, SizeIs(0));
}

TEST(NumbersWords, PronounOneAndArticles) {
  EXPECT_THAT(ScanNumbers("the one you mentioned, no one came, which one").numerals, SizeIs(0));
  EXPECT_THAT(ScanNumbers("a man and an idea").numerals, SizeIs(0));
  EXPECT_THAT(NumeralValues("charged one with treason"), ElementsAre(1));
}

TEST(NumbersWords, VagueQuantities) {
  const NumberMention t = Only("Thousands of people");
  EXPECT_EQ(t.qualifier, Qualifier::kVague);
  EXPECT_EQ(t.interval, (Interval{2000, 10000, true, false}));
  EXPECT_TRUE(std::isnan(t.value));
  EXPECT_EQ(Only("tens of thousands").interval, (Interval{20000, 100000, true, false}));
  EXPECT_EQ(Only("hundreds of thousands").interval, (Interval{2e5, 1e6, true, false}));
  EXPECT_EQ(Only("dozens").interval, (Interval{24, 120, true, false}));
  EXPECT_EQ(Only("several hundred").interval, (Interval{300, 1000, true, false}));
  EXPECT_EQ(Only("a few thousand").interval, (Interval{2000, 6000, true, false}));
  EXPECT_EQ(Only("a couple of hundred").interval, (Interval{200, 300, true, true}));
}

// ---- qualifiers, ranges, units

TEST(NumbersQualifiers, Intervals) {
  EXPECT_EQ(Only("more than 24").interval, Interval::MoreThan(24));
  EXPECT_EQ(Only("at least 164").interval, Interval::AtLeast(164));
  EXPECT_EQ(Only("about 8,000").interval, Interval::Closed(7200, 8800));
  EXPECT_EQ(Only("around 100").qualifier, Qualifier::kAbout);
  EXPECT_EQ(Only("some 300 people").qualifier, Qualifier::kAbout);
  EXPECT_EQ(Only("an estimated 5,000").qualifier, Qualifier::kAbout);
  EXPECT_EQ(Only("nearly 8,000").interval, (Interval{7200, 8000, true, false}));
  EXPECT_EQ(Only("almost 8,000").qualifier, Qualifier::kNearly);
  EXPECT_EQ(Only("just over 2,000").interval, (Interval{2000, 2200, false, true}));
  EXPECT_EQ(Only("as many as 20,000").interval, Interval::AtMost(20000));
  EXPECT_EQ(Only("up to 30").qualifier, Qualifier::kUpTo);
  EXPECT_EQ(Only("fewer than 10").interval, Interval::LessThan(10));
  EXPECT_EQ(Only("no more than 50").interval, Interval::AtMost(50));
  EXPECT_EQ(Only("30 or more").interval, Interval::AtLeast(30));
  EXPECT_EQ(Only("100+ people").interval, Interval::AtLeast(100));
  EXPECT_EQ(Only("exactly 12").interval, Interval::Point(12));
  EXPECT_EQ(Only(">= 30").interval, Interval::AtLeast(30));
  EXPECT_EQ(Only("the 2,030").interval, Interval::Point(2030));
}

TEST(NumbersQualifiers, SpansCoverTheQualifier) {
  EXPECT_THAT(MentionTexts("More than two dozen people were killed and about 8,000 have been "
                           "detained"),
              ElementsAre("More than two dozen", "about 8,000"));
}

TEST(NumbersRanges, Forms) {
  NumberMention m = Only("between 20 and 30 people");
  EXPECT_EQ(m.qualifier, Qualifier::kRange);
  EXPECT_EQ(m.range_form, RangeForm::kBetween);
  EXPECT_EQ(m.interval, Interval::Closed(20, 30));
  EXPECT_EQ(m.value, 20);
  EXPECT_EQ(m.value2, 30);
  EXPECT_EQ(Only("20-30").range_form, RangeForm::kDash);
  EXPECT_EQ(Only("20 \xE2\x80\x93 30").range_form, RangeForm::kDash);  // en dash
  EXPECT_EQ(Only("from 20 to 30").range_form, RangeForm::kFromTo);
  EXPECT_EQ(Only("20 to 30").range_form, RangeForm::kTo);
  m = Only("more than 20 but fewer than 30");
  EXPECT_EQ(m.range_form, RangeForm::kBounds);
  EXPECT_EQ(m.interval, (Interval{20, 30, false, false}));
  EXPECT_EQ(Only("at most 100 and at least 20").interval, Interval::Closed(20, 100));
  m = Only("between 20 and 30 percent");
  EXPECT_EQ(m.kind, Kind::kPercent);
  EXPECT_EQ(m.interval, Interval::Closed(20, 30));
  EXPECT_EQ(Only("20-30%").kind, Kind::kPercent);
}

TEST(NumbersRanges, NotRanges) {
  // A revision is no range: the first number is larger.
  EXPECT_THAT(ScanNumbers("from 164 to 26").mentions, SizeIs(2));
  EXPECT_THAT(ScanNumbers("1995-01").mentions, SizeIs(2));  // leading zero
  EXPECT_THAT(ScanNumbers("more than 40 and less than 10").mentions, SizeIs(2));
  EXPECT_THAT(ScanNumbers("a 3-1 win").mentions, SizeIs(2));
}

TEST(NumbersUnits, PercentAndMoney) {
  NumberMention m = Only("3.5%");
  EXPECT_EQ(m.kind, Kind::kPercent);
  EXPECT_EQ(m.value, 3.5);
  EXPECT_EQ(m.unit, "%");
  EXPECT_EQ(Only("10 per cent").kind, Kind::kPercent);
  EXPECT_EQ(Only("ten percent").value, 10);
  EXPECT_EQ(Only("2 percentage points").unit, "percentage point");
  m = Only(
      "\xE2\x82\xAC"
      "35 million");  // €35 million
  EXPECT_EQ(m.kind, Kind::kMoney);
  EXPECT_EQ(m.unit, "EUR");
  EXPECT_EQ(m.value, 35e6);
  m = Only("US$ 1MM");
  EXPECT_EQ(m.unit, "USD");
  EXPECT_EQ(m.value, 1e6);
  m = Only("5 million dollars");
  EXPECT_EQ(m.kind, Kind::kMoney);
  EXPECT_EQ(m.unit, "dollar");
  EXPECT_EQ(Only("1,000 tenge").unit, "KZT");
  m = Only("more than $5bn");
  EXPECT_EQ(m.kind, Kind::kMoney);
  EXPECT_EQ(m.qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(m.value, 5e9);
}

TEST(NumbersOptions, RelativeOrdinalsOnlyWhenAsked) {
  EXPECT_THAT(ScanNumbers("last week").numerals, SizeIs(0));
  NumberOptions opt;
  opt.relative_ordinals = true;
  const NumberScan s = ScanNumbers("the penultimate one", opt);
  ASSERT_THAT(s.numerals, SizeIs(1));
  EXPECT_TRUE(s.numerals[0].relative);
  EXPECT_TRUE(s.numerals[0].anchor_end);
  EXPECT_EQ(s.numerals[0].value, -1);
}

// ---- bad input

TEST(NumbersBadInput, OverflowAndHugeNumbers) {
  EXPECT_THAT(ScanNumbers("10^1000").mentions, SizeIs(0));  // not a finite double
  EXPECT_EQ(Only("123456789012345678901234567890").value, 1.2345678901234568e29);
  const std::string digits(400, '9');
  EXPECT_THAT(ScanNumbers(digits).mentions, SizeIs(0));  // beyond a double
  EXPECT_THAT(ScanNumbers("1e999999").mentions, SizeIs(0));
}

TEST(NumbersBadInput, InvalidBytesAndEmpty) {
  EXPECT_THAT(ScanNumbers("").mentions, SizeIs(0));
  EXPECT_THAT(ScanNumbers("%%%---,,,...^^^").mentions, SizeIs(0));
  const std::string bad = std::string("\xFF\xFE 12 \xC3") + std::string(1, '\0') + " 7";
  EXPECT_THAT(NumeralValues(bad), ElementsAre(12, 7));
}

TEST(NumbersBadInput, UrlsAndEmails) {
  EXPECT_THAT(NumeralValues("see https://x.com/a?q=30%25 and www.b.org/2019 or a1@b2.com, 5 "
                            "people"),
              ElementsAre(5));
}

TEST(NumbersBadInput, TenThousandWordParagraphIsLinear) {
  std::string p;
  for (int i = 0; i < 2500; ++i) p += "about 8,000 and one two three ";  // 10,000 words+
  const auto t0 = std::chrono::steady_clock::now();
  const NumberScan s = ScanNumbers(p);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // "one two three" are three numbers (units never follow units).
  EXPECT_EQ(s.mentions.size(), 2500u * 4);
  EXPECT_LT(secs, 5.0);
  // A run of number words longer than the grammar's window still ends and splits.
  std::string words;
  for (int i = 0; i < 10000; ++i) words += "one ";
  EXPECT_EQ(ScanNumbers(words).numerals.size(), 10000u);
}

// ---- round trip against a reference speller

std::string Spell(int64_t n) {
  static const char* kUnits[] = {"zero",    "one",     "two",       "three",    "four",
                                 "five",    "six",     "seven",     "eight",    "nine",
                                 "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                 "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static const char* kTens[] = {"",      "",      "twenty",  "thirty", "forty",
                                "fifty", "sixty", "seventy", "eighty", "ninety"};
  auto below_thousand = [&](int64_t x, bool and_word) {
    std::string s;
    if (x >= 100) {
      s += std::string(kUnits[x / 100]) + " hundred";
      x %= 100;
      if (x == 0) return s;
      s += and_word ? " and " : " ";
    }
    if (x < 20) return s + kUnits[x];
    s += kTens[x / 10];
    if (x % 10) s += std::string("-") + kUnits[x % 10];
    return s;
  };
  if (n < 1000) return below_thousand(n, true);
  static const std::pair<int64_t, const char*> kScales[] = {
      {1000000000, "billion"}, {1000000, "million"}, {1000, "thousand"}};
  std::string s;
  for (const auto& [v, name] : kScales) {
    if (n >= v) {
      if (!s.empty()) s += " ";
      s += below_thousand(n / v, true) + " " + name;
      n %= v;
    }
  }
  if (n > 0) s += (n < 100 ? " and " : " ") + below_thousand(n, true);
  return s;
}

TEST(NumbersWords, RoundTripWithReferenceSpeller) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int64_t> small(0, 9999);
  std::uniform_int_distribution<int64_t> large(1, 999999999999LL);
  for (int i = 0; i < 3000; ++i) {
    const int64_t n = i % 2 == 0 ? small(rng) : large(rng);
    const std::string words = Spell(n);
    const NumberScan s = ScanNumbers("they counted " + words + " ballots");
    ASSERT_EQ(s.mentions.size(), 1u) << words;
    EXPECT_EQ(s.mentions[0].value, static_cast<double>(n)) << words;
  }
}

TEST(NumbersDigits, RoundTripWithGroupedDigits) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> dist(0, 999999999999999LL);
  for (int i = 0; i < 3000; ++i) {
    const int64_t n = dist(rng) >> (i % 40);
    std::string plain = std::to_string(n), grouped;
    for (size_t k = 0; k < plain.size(); ++k) {
      if (k > 0 && (plain.size() - k) % 3 == 0) grouped += ',';
      grouped += plain[k];
    }
    const NumberScan s = ScanNumbers("a total of " + grouped + " votes");
    ASSERT_EQ(s.mentions.size(), 1u) << grouped;
    EXPECT_EQ(s.mentions[0].value, static_cast<double>(n)) << grouped;
  }
}

TEST(Interval, Operations) {
  const Interval a = Interval::MoreThan(24);
  const Interval b = Interval::AtLeast(164);
  EXPECT_TRUE(a.Intersects(b));
  EXPECT_FALSE(Interval::Point(24).Intersects(Interval::Point(164)));
  EXPECT_EQ(Interval::Point(24).Gap(Interval::Point(164)), 140);
  EXPECT_TRUE(Interval::LessThan(5).Intersect(Interval::AtLeast(5)).Empty());
  EXPECT_FALSE(Interval::AtMost(5).Intersect(Interval::AtLeast(5)).Empty());
  EXPECT_EQ(a.ToString(), "(24,inf)");
  EXPECT_EQ(Interval::Closed(7200, 8800).ToString(), "[7200,8800]");
  EXPECT_TRUE(Interval::Closed(1, 2).Contains(2));
  EXPECT_FALSE((Interval{1, 2, true, false}).Contains(2));
}

}  // namespace
}  // namespace witness::figures
