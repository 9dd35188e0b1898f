// MatchingForm() and Analyzer::Key(): hand-checked cases, and a comparison with a plain
// reference (map, ICU NFKC_Casefold over UTF-16, map again) on random text.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "witness/text.h"

namespace witness::text {
namespace {

// The mapping of the header, written out again: quote, prime and dash characters.
UChar32 RefMap(UChar32 c) {
  static const std::pair<UChar32, UChar32> kMap[] = {
      {0x2018, '\''}, {0x2019, '\''}, {0x201A, '\''}, {0x201B, '\''}, {0x2032, '\''},
      {0x0060, '\''}, {0x00B4, '\''}, {0x02BC, '\''}, {0x2039, '\''}, {0x203A, '\''},
      {0x201C, '"'},  {0x201D, '"'},  {0x201E, '"'},  {0x201F, '"'},  {0x00AB, '"'},
      {0x00BB, '"'},  {0x2033, '"'},  {0x2010, '-'},  {0x2011, '-'},  {0x2012, '-'},
      {0x2013, '-'},  {0x2014, '-'},  {0x2015, '-'},  {0x2212, '-'},  {0xFE58, '-'},
      {0xFE63, '-'},  {0xFF0D, '-'}};
  for (const auto& [from, to] : kMap) {
    if (c == from) return to;
  }
  return c;
}

icu::UnicodeString RefMapAll(const icu::UnicodeString& s) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    out.append(RefMap(c));
    i += U16_LENGTH(c);
  }
  return out;
}

std::string RefMatchingForm(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::UnicodeString folded =
      nfkc_cf->normalize(RefMapAll(icu::UnicodeString::fromUTF8(text)), status);
  std::string out;
  RefMapAll(folded).toUTF8String(out);
  return out;
}

struct Case {
  std::string in, want;
};

TEST(MatchingTest, Cases) {
  const Case cases[] = {
      {"Putin", "putin"},
      {"COLOUR", "colour"},
      {"8,000", "8,000"},
      {"Russia\xE2\x80\x99s", "russia's"},               // RIGHT SINGLE QUOTATION MARK
      {"d\xE2\x80\x99\xC3\xA9tat", "d'\xC3\xA9tat"},     // d’état
      {"\xE2\x80\x98quoted\xE2\x80\x99", "'quoted'"},    // ‘ ’
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D", "\"quoted\""},  // “ ”
      {"\xE2\x80\x9E\xE2\x80\x9F", "\"\""},              // „ ‟
      {"\xC2\xAB"
       "Bonjour"
       "\xC2\xBB",
       "\"bonjour\""},                            // « »
      {"`tick\xC2\xB4", "'tick'"},                // grave and acute accents
      {"5\xE2\x80\xB2 6\xE2\x80\xB3", "5' 6\""},  // prime, double prime
      {"a\xE2\x80\x90"
       "b\xE2\x80\x91"
       "c\xE2\x80\x92"
       "d\xE2\x80\x93"
       "e\xE2\x80\x94"
       "f\xE2\x80\x95g",
       "a-b-c-d-e-f-g"},  // U+2010..U+2015
      {"\xE2\x88\x92"
       "5",
       "-5"},                                                 // MINUS SIGN
      {"x\xEF\xB9\x98y\xEF\xB9\xA3z\xEF\xBC\x8D", "x-y-z-"},  // small and fullwidth dashes
      {"\xEF\xB8\xB1", "-"},                                  // U+FE31 -> (NFKC) U+2014 -> '-'
      {"\xE2\x80\xB4", "'''"},                                // TRIPLE PRIME -> three primes
      {"Stra\xC3\x9F"
       "e",
       "strasse"},                                                   // full case folding
      {"\xEF\xAC\x81nance", "finance"},                              // fi ligature (NFKC)
      {"\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x8C\xEF\xBD\x8C", "full"},  // fullwidth
      {"\xC2\xBD",
       "1\xE2\x81\x84"
       "2"},                                        // 1/2 -> 1 FRACTION SLASH 2
      {"x\xC2\xB2", "x2"},                          // superscript two
      {"E\xCC\x81t\xC3\x89", "\xC3\xA9t\xC3\xA9"},  // composes across the ASCII 'E'
      {"cafe\xCC\x81", "caf\xC3\xA9"},
      {"\xC4\xB0stanbul", "i\xCC\x87stanbul"},  // I WITH DOT ABOVE: full folding
      {"\xCE\xA3\xCE\x8A\xCE\xA3\xCE\xA5\xCE\xA6\xCE\x9F\xCE\xA3",
       "\xCF\x83\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x83"},  // ΣΊΣΥΦΟΣ -> σίσυφοσ
      {"co\xC2\xAD"
       "operate",
       "cooperate"},                 // soft hyphen is ignorable
      {"\xE2\x84\xA6", "\xCF\x89"},  // OHM SIGN -> omega
      {"", ""},
  };
  Analyzer analyzer;
  for (const Case& c : cases) {
    EXPECT_EQ(MatchingForm(c.in), c.want) << c.in;
    EXPECT_EQ(analyzer.Key(c.in), c.want) << c.in;
    EXPECT_EQ(RefMatchingForm(c.in), c.want) << "reference disagrees on " << c.in;
  }
}

TEST(MatchingTest, DefaultIgnorablesVanish) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.Key("\xC2\xAD"), "");            // a lone soft hyphen
  EXPECT_EQ(analyzer.Key("\xE2\x80\x8E" "abc"), "abc");  // LEFT-TO-RIGHT MARK
  EXPECT_EQ(MatchingForm("a\xE2\x80\x8D"
                         "b"),
            "ab");  // ZERO WIDTH JOINER
}

TEST(MatchingTest, WholeText) {
  EXPECT_EQ(MatchingForm("\xE2\x80\x9CWe won\xE2\x80\x99t,\xE2\x80\x9D said Mr. O\xE2\x80\x99Neil "
                         "\xE2\x80\x94 \xC3\x89T\xC3\x89 2022\xE2\x80\x93"
                         "23"),
            "\"we won't,\" said mr. o'neil - \xC3\xA9t\xC3\xA9 2022-23");
}

TEST(MatchingTest, KeyOfToken) {
  const std::string text =
      "Mr Putin\xE2\x80\x99s \xE2\x80\x9C"
      "coup\xE2\x80\x9D";
  const Segmentation seg = Segment(text);
  Analyzer analyzer;
  std::vector<std::string> keys;
  for (const Token& t : seg.tokens) keys.emplace_back(analyzer.Key(text, t));
  EXPECT_EQ(keys, (std::vector<std::string>{"mr", "putin's", "\"", "coup", "\""}));
  // A token outside the text gives an empty key instead of reading out of bounds.
  EXPECT_EQ(analyzer.Key(text, Token{{5, 500}, TokenKind::kWord}), "");
}

TEST(MatchingTest, KeyOfItsOwnResult) {
  Analyzer analyzer;
  const std::string_view k = analyzer.Key("\xC3\x89LAN");
  EXPECT_EQ(k, "\xC3\xA9lan");
  EXPECT_EQ(analyzer.Key(k), "\xC3\xA9lan");  // input aliases the output buffer
  const std::string_view a = analyzer.Key("ABC");
  EXPECT_EQ(analyzer.Key(a.substr(1)), "bc");
}

TEST(MatchingTest, AgreesWithReferenceOnRandomText) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "e",
                                           "I",
                                           " ",
                                           "'",
                                           "`",
                                           "-",
                                           ".",
                                           "1",
                                           "\xC3\x89",
                                           "\xC3\x9F",
                                           "\xCC\x81",
                                           "\xCC\x88",
                                           "\xCC\xA3",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x94",
                                           "\xC2\xB4",
                                           "\xE2\x80\xB3",
                                           "\xE2\x80\xB4",
                                           "\xEF\xB9\x98",
                                           "\xEF\xB8\xB1",
                                           "\xEF\xAC\x81",
                                           "\xEF\xBC\xA1",
                                           "\xC4\xB0",
                                           "\xCE\xA3",
                                           "\xC2\xAD",
                                           "\xE2\x80\x8D",
                                           "\xE1\x84\x80",
                                           "\xE1\x85\xA1",
                                           "\xE2\x84\xAB",
                                           "\xF0\x9D\x90\x80",
                                           "\xE3\x8C\x80",
                                           "\xD7\x90",
                                           "\xE0\xA4\x95",
                                           "\xE0\xA4\xBC",
                                           "\xF0\x9F\x98\x80",
                                           "\xE2\x80\x8B",
                                           "<",
                                           "\xCC\xB8",
                                           "="};
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 10);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    const std::string got = MatchingForm(s);
    ASSERT_EQ(got, RefMatchingForm(s)) << "input: " << s;
    ASSERT_EQ(MatchingForm(got), got) << "not idempotent: " << s;
    ASSERT_TRUE(IsValidUtf8(got));
  }
}

}  // namespace
}  // namespace witness::text
