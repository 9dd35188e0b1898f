// RawMap and AlignRaw: offsets into the bytes exactly as given (CRLF, Latin-1, NUL, NFD).
#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace std::string_literals;

#include "syndication/raw_map.h"
#include "witness/syndication.h"
#include "witness/text.h"

namespace witness::syndication {
namespace {

using internal::RawMap;

TEST(RawMap, TextEqualsNormalize) {
  const std::string cases[] = {
      "",
      "plain ascii\n",
      "crlf line\r\nnext\r\n\r\nlast",
      "lone\rcr",
      "caf\xE9 na\xEFve",              // Latin-1
      "nul\0byte"s,
      "e\xCC\x81t\xC3\xA9 cafe\xCC\x81",  // NFD accents
      "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 hangul",  // conjoining jamo
      "<\xCC\xB8 not less",            // ASCII + combining overlay composes
      "\xF0\x9F\x98\x80 emoji \xED\xA0\x80 surrogate \xC0\xAF overlong \xF4\x90\x80\x80",
      "trailing cut \xE2\x82",
  };
  for (const std::string& raw : cases) {
    EXPECT_EQ(RawMap(raw).text(), text::Normalize(raw).text) << testing::PrintToString(raw);
  }
}

TEST(RawMap, RandomBytesNormalizeTheSameAndMapInside) {
  const std::string pieces[] = {"a", "b", " ", "\n", "\r\n", "\r", std::string(1, '\0'), "\xE9",
                                "\xCC\x81", "\xC3\xA9", "\xE2\x80\x9C", "\x80", "\xF0\x9F",
                                "\xE1\x85\xA1", "\xE1\x84\x80", "\xEF\xBB\xBF", "."};
  std::mt19937 rng(42);
  for (int t = 0; t < 3000; ++t) {
    std::string raw;
    const int n = rng() % 30;
    for (int i = 0; i < n; ++i) raw += pieces[rng() % std::size(pieces)];
    const RawMap map(raw);
    ASSERT_EQ(map.text(), text::Normalize(raw).text) << testing::PrintToString(raw);
    const uint32_t len = static_cast<uint32_t>(map.text().size());
    for (uint32_t b = 0; b < len; ++b) {
      const text::Span r = map.ToRaw({b, len});
      ASSERT_LE(r.begin, r.end);
      ASSERT_LE(r.end, raw.size());
    }
  }
}

TEST(RawMap, SpansAtSpacesMapToTheSameText) {
  const std::string raw = "Caf\xE9 owners\r\nsaid e\xCC\x81te\xCC\x81 sales\0 rose\r\n\r\nby 8,000 euros"s;
  const RawMap map(raw);
  const std::string& norm = map.text();
  // Every span between two spaces (or ends) of the normalised text maps to raw bytes that
  // normalise back to it.
  std::vector<uint32_t> cuts{0};
  for (uint32_t i = 0; i < norm.size(); ++i) {
    if (norm[i] == ' ' || norm[i] == '\n') cuts.push_back(i), cuts.push_back(i + 1);
  }
  cuts.push_back(static_cast<uint32_t>(norm.size()));
  for (size_t x = 0; x < cuts.size(); ++x) {
    for (size_t y = x + 1; y < cuts.size(); ++y) {
      if (cuts[y] <= cuts[x]) continue;
      const text::Span r = map.ToRaw({cuts[x], cuts[y]});
      EXPECT_EQ(text::Normalize(std::string_view(raw).substr(r.begin, r.size())).text,
                norm.substr(cuts[x], cuts[y] - cuts[x]))
          << cuts[x] << ".." << cuts[y];
    }
  }
}

const char kBody[] =
    "President Vladimir Putin vowed to protect Russia and its ex-Soviet allies from what he "
    "called outside efforts to destabilise their governments with public protests, just days "
    "after Russian-led troops helped Kazakh authorities subdue nationwide demonstrations. "
    "The dramatic intervention helped embattled Kazakh President Kassym-Jomart Tokayev crush an "
    "uprising that started in protests over fuel-price increases but rapidly led to the seizure "
    "of government buildings around the country.";

TEST(AlignRaw, OffsetsAreIntoTheBytesAsGiven) {
  // A: CRLF line ends and a Latin-1 byte before the copy; B: UTF-8 with LF and NFD accents.
  std::string a = "Caf\xE9 society notes\r\n\r\n";
  const size_t a_at = a.size();
  for (const char* p = kBody; *p; ++p) {
    if (*p == ' ' && p > kBody + 200 && p < kBody + 210) a += "\r\n";  // a wrapped line
    else a += *p;
  }
  a += "\r\n\r\nCaf\xE9 closes.\r\n";
  std::string b = "Cafe\xCC\x81 news\n\n";
  const size_t b_at = b.size();
  b += kBody;
  b += "\n";
  const auto ps = AlignRaw(a, b);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].a.begin, a_at);
  EXPECT_EQ(a.substr(ps[0].a.end - 8, 8), "country.");
  EXPECT_EQ(ps[0].b.begin, b_at);
  EXPECT_EQ(b.substr(ps[0].b.end - 8, 8), "country.");
  EXPECT_EQ(PassagesToJson(ps),
            "[{\"a_start\":" + std::to_string(ps[0].a.begin) + ",\"a_end\":" +
                std::to_string(ps[0].a.end) + ",\"b_start\":" + std::to_string(ps[0].b.begin) +
                ",\"b_end\":" + std::to_string(ps[0].b.end) + "}]\n");
  EXPECT_EQ(PassagesToJson({}), "[]\n");
}

}  // namespace
}  // namespace witness::syndication
