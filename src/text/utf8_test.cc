// IsValidUtf8 and the repair pass, checked against a byte-by-byte reference decoder written
// from Unicode's Table 3-7, and against hand-worked cases.
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "witness/text.h"

namespace witness::text {
namespace {

// ---- The reference: Table 3-7 as data ------------------------------------------------------

struct Row {
  uint8_t lead_lo, lead_hi;
  int trail_count;
  uint8_t lo[3], hi[3];  // allowed range of each trailing byte
};

constexpr Row kTable37[] = {
    {0xC2, 0xDF, 1, {0x80}, {0xBF}},
    {0xE0, 0xE0, 2, {0xA0, 0x80}, {0xBF, 0xBF}},
    {0xE1, 0xEC, 2, {0x80, 0x80}, {0xBF, 0xBF}},
    {0xED, 0xED, 2, {0x80, 0x80}, {0x9F, 0xBF}},
    {0xEE, 0xEF, 2, {0x80, 0x80}, {0xBF, 0xBF}},
    {0xF0, 0xF0, 3, {0x90, 0x80, 0x80}, {0xBF, 0xBF, 0xBF}},
    {0xF1, 0xF3, 3, {0x80, 0x80, 0x80}, {0xBF, 0xBF, 0xBF}},
    {0xF4, 0xF4, 3, {0x80, 0x80, 0x80}, {0x8F, 0xBF, 0xBF}},
};

struct RefUnit {
  bool valid;
  size_t len;
};

// One unit at position i: a well-formed sequence, or a maximal subpart of an ill-formed one.
RefUnit RefDecode(const std::string& s, size_t i) {
  const uint8_t b = static_cast<uint8_t>(s[i]);
  if (b <= 0x7F) return {true, 1};
  for (const Row& row : kTable37) {
    if (b < row.lead_lo || b > row.lead_hi) continue;
    size_t k = 0;
    while (k < static_cast<size_t>(row.trail_count) && i + 1 + k < s.size()) {
      const uint8_t t = static_cast<uint8_t>(s[i + 1 + k]);
      if (t < row.lo[k] || t > row.hi[k]) break;
      ++k;
    }
    if (k == static_cast<size_t>(row.trail_count)) return {true, 1 + k};
    return {false, 1 + k};
  }
  return {false, 1};
}

bool RefValid(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const RefUnit u = RefDecode(s, i);
    if (!u.valid) return false;
    i += u.len;
  }
  return true;
}

std::string RefRepair(const std::string& s, uint32_t* repaired) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const RefUnit u = RefDecode(s, i);
    if (u.valid) {
      out.append(s, i, u.len);
    } else {
      out += "\xEF\xBF\xBD";
      ++*repaired;
    }
    i += u.len;
  }
  return out;
}

// Random strings that hit the interesting corners: uniform bytes, boundary bytes of Table 3-7,
// and valid encodings cut short or followed by stray continuation bytes.
std::string RandomBytes(std::mt19937& rng) {
  static const uint8_t kEdges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                   0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                   0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFE, 0xFF};
  std::string s;
  const int n = std::uniform_int_distribution<int>(0, 40)(rng);
  const int mode = std::uniform_int_distribution<int>(0, 2)(rng);
  for (int i = 0; i < n; ++i) {
    if (mode == 0) {
      s.push_back(static_cast<char>(rng() & 0xFF));
    } else if (mode == 1) {
      s.push_back(static_cast<char>(kEdges[rng() % std::size(kEdges)]));
    } else {
      // A valid code point, sometimes damaged.
      char32_t c;
      do {
        const int plane = static_cast<int>(rng() % 4);
        c = plane == 0   ? rng() % 0x80
            : plane == 1 ? rng() % 0x800
            : plane == 2 ? rng() % 0x10000
                         : rng() % 0x110000;
      } while (c >= 0xD800 && c <= 0xDFFF);
      std::string enc;
      internal::AppendUtf8(c, &enc);
      const int damage = static_cast<int>(rng() % 16);
      if (damage == 0 && enc.size() > 1) enc.pop_back();                           // truncated
      if (damage == 1) enc.push_back(static_cast<char>(0x80 | (rng() & 0x3F)));    // stray
      if (damage == 2) enc[rng() % enc.size()] = static_cast<char>(rng() & 0xFF);  // flipped
      s += enc;
    }
  }
  return s;
}

// ---- Tests ----------------------------------------------------------------------------------

TEST(Utf8Test, ValidityMatchesReferenceOnRandomBytes) {
  int valid = 0, invalid = 0;
  for (uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 500; ++i) {
      const std::string s = RandomBytes(rng);
      const bool ref = RefValid(s);
      ASSERT_EQ(IsValidUtf8(s), ref) << "seed " << seed << " case " << i;
      (ref ? valid : invalid)++;
    }
  }
  EXPECT_GT(valid, 5000);  // both outcomes are well represented
  EXPECT_GT(invalid, 5000);
}

TEST(Utf8Test, RepairMatchesReferenceOnRandomBytes) {
  for (uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed * 7919);
    for (int i = 0; i < 500; ++i) {
      std::string s = RandomBytes(rng);
      // The repair pass also drops NULs and rewrites CR; keep them out of this comparison.
      for (char& c : s) {
        if (c == '\0' || c == '\r') c = 'x';
      }
      uint32_t ref_repaired = 0;
      const std::string ref = RefRepair(s, &ref_repaired);
      std::string out;
      internal::RepairStats stats;
      internal::RepairUtf8(s, &out, &stats);
      ASSERT_EQ(out, ref) << "seed " << seed << " case " << i;
      ASSERT_EQ(stats.repaired_sequences, ref_repaired);
      ASSERT_TRUE(IsValidUtf8(out));
    }
  }
}

TEST(Utf8Test, ValidPrefixMatchesReference) {
  std::mt19937 rng(42);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = RandomBytes(rng);
    size_t ref = 0;
    while (ref < s.size()) {
      const RefUnit u = RefDecode(s, ref);
      if (!u.valid) break;
      ref += u.len;
    }
    ASSERT_EQ(internal::ValidPrefixLength(s), ref) << i;
  }
}

TEST(Utf8Test, EveryPositionOfLongAsciiRuns) {
  // One bad (or multi-byte) sequence at every offset around the 8- and 16-byte word loops.
  const std::vector<std::string> bads = {
      "\x80", "\xC3\xA9",     "\xE2\x80\x99",       "\xF0\x9F\x98\x80",
      "\xC3", "\xED\xA0\x80", std::string(1, '\0'), "\r"};
  for (const std::string& bad : bads) {
    for (size_t pos = 0; pos < 40; ++pos) {
      std::string s(pos, 'a');
      s += bad;
      s += std::string(37, 'b');
      EXPECT_EQ(IsValidUtf8(s), RefValid(s)) << pos;
      const size_t clean = internal::CleanPrefixLength(s);
      const bool bad_is_clean = RefValid(bad) && bad != std::string(1, '\0') && bad != "\r";
      EXPECT_EQ(clean, bad_is_clean ? s.size() : pos) << pos << " " << bad.size();
    }
  }
}

TEST(Utf8Test, KnownValidAndInvalid) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x80\x9Cquote\xE2\x80\x9D \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBF"));           // U+FFFF (a noncharacter, still valid)
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));   // NUL is valid UTF-8
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));          // overlong U+07FF
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));      // overlong U+FFFF
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));          // surrogate U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
  EXPECT_FALSE(IsValidUtf8("\x80"));                  // lone continuation
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x80"));           // truncated at the end
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

}  // namespace
}  // namespace witness::text
