#include "store/codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zstd.h>

#include <random>
#include <regex>

namespace witness::store {
namespace {

using ::testing::HasSubstr;

// The reference: decode one code point the slow way (Unicode 15, table 3-7 spelled as
// "decode, then reject what is not a scalar value or not the shortest form").
bool ReferenceUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k])); };
    unsigned lead = b(i);
    size_t len;
    unsigned cp;
    if (lead < 0x80) {
      len = 1, cp = lead;
    } else if ((lead >> 5) == 0x6) {
      len = 2, cp = lead & 0x1F;
    } else if ((lead >> 4) == 0xE) {
      len = 3, cp = lead & 0x0F;
    } else if ((lead >> 3) == 0x1E) {
      len = 4, cp = lead & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((b(i + k) >> 6) != 0x2) return false;
      cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    const unsigned min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len]) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

TEST(Utf8Test, KnownCases) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x82"));       // truncated at the end
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));  // bad continuation
}

TEST(Utf8Test, AgreesWithReferenceOnAllShortSequences) {
  // Every 1- and 2-byte string, and every 3-byte string starting with a lead byte.
  std::string s;
  for (int a = 0; a < 256; ++a) {
    s.assign(1, static_cast<char>(a));
    ASSERT_EQ(IsValidUtf8(s), ReferenceUtf8(s)) << a;
    for (int b = 0; b < 256; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      ASSERT_EQ(IsValidUtf8(s), ReferenceUtf8(s)) << a << " " << b;
    }
  }
  for (int a = 0xC0; a < 0x100; ++a) {
    for (int b = 0x70; b < 0xD0; ++b) {
      for (int c = 0x70; c < 0xD0; ++c) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        ASSERT_EQ(IsValidUtf8(s), ReferenceUtf8(s)) << a << " " << b << " " << c;
      }
    }
  }
}

TEST(Utf8Test, AgreesWithReferenceOnRandomStrings) {
  std::mt19937 rng(7);
  // Bytes drawn mostly from the interesting range so multi-byte forms are common.
  std::uniform_int_distribution<int> len(0, 12), pick(0, 3), any(0, 255), high(0x80, 0xF5);
  for (int i = 0; i < 200000; ++i) {
    std::string s(len(rng), '\0');
    for (char& c : s) c = static_cast<char>(pick(rng) == 0 ? any(rng) : high(rng));
    ASSERT_EQ(IsValidUtf8(s), ReferenceUtf8(s));
  }
}

TEST(Utf8Test, AgreesWithReferenceAcrossLongAsciiRuns) {
  // The ASCII fast path reads eight bytes at a time: put each interesting sequence at every
  // alignment between runs of ASCII.
  const std::vector<std::string> middles = {
      "",     "\xC3\xA9",     "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF",
      "\xC3", "\xED\xA0\x80", "\x80\x80",     "\xE2\x82"};
  for (const std::string& mid : middles) {
    for (int before = 0; before < 20; ++before) {
      for (int after = 0; after < 20; ++after) {
        std::string s = std::string(before, 'a') + mid + std::string(after, 'z');
        ASSERT_EQ(IsValidUtf8(s), ReferenceUtf8(s)) << before << " " << after;
      }
    }
  }
}

TEST(CodecTest, RoundTrips) {
  Codec codec;
  for (std::string in : {std::string(), std::string("x"), std::string(100000, 'a'),
                         std::string("\x00\xff\xfe binary", 10)}) {
    std::string frame, out;
    ASSERT_TRUE(codec.Compress(in, &frame).ok());
    EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), in.size());
    ASSERT_TRUE(codec.Decompress(frame, "t", &out).ok());
    EXPECT_EQ(out, in);
  }
}

TEST(CodecTest, CompressesRepetitiveText) {
  Codec codec;
  std::string html;
  for (int i = 0; i < 2000; ++i)
    html += "<p class=\"para\">Paragraph " + std::to_string(i) + "</p>\n";
  std::string frame;
  ASSERT_TRUE(codec.Compress(html, &frame).ok());
  EXPECT_LT(frame.size() * 5, html.size());
}

TEST(CodecTest, DamagedFramesAreCorruptionNamingTheBlob) {
  Codec codec;
  std::string text;
  std::mt19937 rng(1);
  for (int i = 0; i < 5000; ++i) text += "word" + std::to_string(rng() % 1000) + " ";
  std::string frame, out;
  ASSERT_TRUE(codec.Compress(text, &frame).ok());

  auto expect_corrupt = [&](const std::string& bad, const char* why) {
    Status s = codec.Decompress(bad, "witness.db: article abc: html", &out);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << why;
    EXPECT_THAT(s.message(), ::testing::StartsWith("witness.db: article abc: html: stored blob is "
                                                   "damaged: "))
        << why;
  };
  expect_corrupt("", "empty");
  expect_corrupt("not zstd at all", "no magic");
  expect_corrupt(frame.substr(0, frame.size() / 2), "truncated");
  expect_corrupt(frame + "xx", "trailing bytes");
  std::string flipped = frame;
  flipped[flipped.size() / 2] ^= 0x5A;
  flipped[flipped.size() / 2 + 1] ^= 0x33;
  // A flipped byte in the payload is caught by zstd (or by the size check); never a crash.
  Status s = codec.Decompress(flipped, "x", &out);
  if (s.ok()) {
    EXPECT_EQ(out.size(), text.size());
  } else {
    EXPECT_EQ(s.code(), Status::Code::kCorruption);
  }

  // A frame without a content size (streaming API) is refused: witness always writes one.
  std::string streamed(ZSTD_compressBound(text.size()), '\0');
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0);
  size_t n = ZSTD_compress2(cctx, streamed.data(), streamed.size(), text.data(), text.size());
  ZSTD_freeCCtx(cctx);
  ASSERT_FALSE(ZSTD_isError(n));
  streamed.resize(n);
  Status no_size = codec.Decompress(streamed, "y", &out);
  EXPECT_EQ(no_size.code(), Status::Code::kCorruption);
  EXPECT_THAT(no_size.message(), HasSubstr("without a content size"));
}

TEST(CodecTest, HugeClaimedSizeIsRefusedWithoutAllocating) {
  Codec codec;
  std::string frame;
  ASSERT_TRUE(codec.Compress("tiny", &frame).ok());
  // Rewrite the header to a frame claiming 2^40 bytes: magic, descriptor with an 8-byte
  // content size field and single-segment flag, then the size, then the original blocks.
  std::string fake("\x28\xB5\x2F\xFD", 4);
  fake.push_back(static_cast<char>(0xE0));  // FCS 8 bytes, single segment
  uint64_t size = uint64_t{1} << 40;
  for (int i = 0; i < 8; ++i) fake.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
  fake += std::string("\x01\x00\x00", 3);  // a raw last block of size 0
  std::string out;
  Status s = codec.Decompress(fake, "big", &out);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_THAT(s.message(), HasSubstr("claims 1099511627776 bytes"));
}

TEST(StringArrayTest, RoundTrips) {
  std::vector<std::string> out;
  EXPECT_EQ(EncodeStringArray({}), "[]");
  ASSERT_TRUE(DecodeStringArray("[]", "x", &out).ok());
  EXPECT_TRUE(out.empty());

  std::vector<std::string> in = {"MOSCOW", "SÃO PAULO", "quote \" and \\ back", "", "a\nb"};
  std::string json = EncodeStringArray(in);
  EXPECT_EQ(json.front(), '[');
  ASSERT_TRUE(DecodeStringArray(json, "x", &out).ok());
  EXPECT_EQ(out, in);
}

TEST(StringArrayTest, InvalidUtf8IsReplacedNotThrown) {
  std::string json = EncodeStringArray({"ok", "bad\xff"});
  std::vector<std::string> out;
  ASSERT_TRUE(DecodeStringArray(json, "x", &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1], "bad\xEF\xBF\xBD");
}

TEST(StringArrayTest, DamagedJsonIsCorruption) {
  std::vector<std::string> out;
  for (const char* bad : {"", "[", "{}", "[1]", "[\"a\", null]", "\"a\""}) {
    Status s = DecodeStringArray(bad, "article a: places", &out);
    EXPECT_EQ(s.code(), Status::Code::kCorruption) << bad;
    EXPECT_THAT(s.message(), ::testing::StartsWith("article a: places: ")) << bad;
  }
}

TEST(JsonTest, Validity) {
  EXPECT_TRUE(IsValidJson("{}"));
  EXPECT_TRUE(IsValidJson("{\"a\": [1, 2, {\"b\": null}]}"));
  EXPECT_FALSE(IsValidJson("{"));
  EXPECT_FALSE(IsValidJson("{'a': 1}"));
  EXPECT_FALSE(IsValidJson(""));
  EXPECT_TRUE(IsValidJson(std::string(100000, '[') + std::string(100000, ']')));  // no recursion
}

TEST(TimeTest, NowIsIsoUtc) {
  std::string now = NowUtcIso();
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"))) << now;
  EXPECT_GE(now, "2024-01-01");
}

TEST(IsoDateTest, Shapes) {
  for (const char* ok :
       {"2022", "2022-01", "2022-01-10", "2022-01-10T08:00:00Z", "2022-01-10 08"}) {
    EXPECT_TRUE(LooksLikeIsoDate(ok)) << ok;
  }
  for (const char* bad : {"", "22", "yesterday", "2022-1", "2022/01/10", "2022-01-10x", "20220"}) {
    EXPECT_FALSE(LooksLikeIsoDate(bad)) << bad;
  }
}

}  // namespace
}  // namespace witness::store
