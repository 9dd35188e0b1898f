#include "ingest/detect.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include "ingest/streams.h"

namespace witness::ingest_internal {
namespace {

using ::testing::HasSubstr;

TEST(FormatByNameTest, ExtensionsThroughCompressionSuffixes) {
  EXPECT_EQ(FormatByName("feed.jsonl"), Format::kJson);
  EXPECT_EQ(FormatByName("a/b/feed.NDJSON"), Format::kJson);
  EXPECT_EQ(FormatByName("x.json.gz"), Format::kJson);
  EXPECT_EQ(FormatByName("x.jsonl.zst"), Format::kJson);
  EXPECT_EQ(FormatByName("page.HTML"), Format::kHtml);
  EXPECT_EQ(FormatByName("page.htm.gz"), Format::kHtml);
  EXPECT_EQ(FormatByName("crawl.warc"), Format::kWarc);
  EXPECT_EQ(FormatByName("CC-MAIN-1.warc.gz"), Format::kWarc);
  EXPECT_EQ(FormatByName("a.txt"), std::nullopt);
  EXPECT_EQ(FormatByName("a.txt.gz"), std::nullopt);
  EXPECT_EQ(FormatByName("-"), std::nullopt);
  EXPECT_EQ(FormatByName("json"), std::nullopt);
  EXPECT_EQ(FormatByName(".gz"), std::nullopt);
  EXPECT_EQ(FormatByName("dir.json/file"), std::nullopt);  // the folder's name does not count
}

TEST(FormatByContentTest, JsonHtmlWarcAndText) {
  EXPECT_EQ(FormatByContent("{\"text\":\"x\"}"), Format::kJson);
  EXPECT_EQ(FormatByContent("\n  \t{"), Format::kJson);
  EXPECT_EQ(FormatByContent("\xEF\xBB\xBF{"), Format::kJson);
  EXPECT_EQ(FormatByContent("[\n  {\"a\":1}]"), Format::kJson);
  EXPECT_EQ(FormatByContent("[Updated] the story"), Format::kPlainText);
  EXPECT_EQ(FormatByContent("<!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(FormatByContent("  <!doctype HTML>"), Format::kHtml);
  EXPECT_EQ(FormatByContent("<HTML lang=en>"), Format::kHtml);
  EXPECT_EQ(FormatByContent("\xEF\xBB\xBF<html>"), Format::kHtml);
  EXPECT_EQ(FormatByContent("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC>"), Format::kHtml);
  EXPECT_EQ(FormatByContent("<!-- saved from url=(0042)https://x/ -->\n<html>"), Format::kHtml);
  EXPECT_EQ(FormatByContent("<p>a fragment</p>"), Format::kPlainText);
  EXPECT_EQ(FormatByContent("WARC/1.0\r\nWARC-Type: warcinfo"), Format::kWarc);
  EXPECT_EQ(FormatByContent("WARC/ is a word"), Format::kPlainText);
  EXPECT_EQ(FormatByContent("Title\n\nBody."), Format::kPlainText);
  EXPECT_EQ(FormatByContent(""), Format::kPlainText);
}

TEST(BomTest, Sniff) {
  EXPECT_EQ(SniffBom("\xEF\xBB\xBFx"), Bom::kUtf8);
  EXPECT_EQ(SniffBom("\xFF\xFEx\0"), Bom::kUtf16Le);
  EXPECT_EQ(SniffBom("\xFE\xFF\0x"), Bom::kUtf16Be);
  EXPECT_EQ(SniffBom(std::string("\xFF\xFE\0\0", 4)), Bom::kUtf32Le);
  EXPECT_EQ(SniffBom(std::string("\0\0\xFE\xFF", 4)), Bom::kUtf32Be);
  EXPECT_EQ(SniffBom("abc"), Bom::kNone);
  EXPECT_EQ(BomSize(Bom::kUtf16Be), 2u);
}

// The reference for UTF-16: ICU.
std::string Utf16Bytes(const std::u16string& s, bool big_endian) {
  std::string out;
  for (char16_t u : s) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    if (big_endian) {
      out += hi;
      out += lo;
    } else {
      out += lo;
      out += hi;
    }
  }
  return out;
}

TEST(Utf16Test, MatchesIcu) {
  const std::u16string s = u"Kazakhstan — Қазақстан, “colour”, 𝄞 music, café";
  std::string expected;
  icu::UnicodeString(s.data(), static_cast<int32_t>(s.size())).toUTF8String(expected);
  EXPECT_EQ(Utf16ToUtf8(Utf16Bytes(s, false), false), expected);
  EXPECT_EQ(Utf16ToUtf8(Utf16Bytes(s, true), true), expected);
}

TEST(Utf16Test, BrokenInputBecomesReplacementCharacters) {
  // Lone high surrogate, lone low surrogate, odd trailing byte.
  const std::string lone_high = Utf16Bytes(std::u16string{u'a', char16_t(0xD83D), u'b'}, false);
  EXPECT_EQ(Utf16ToUtf8(lone_high, false),
            "a\xEF\xBF\xBD"
            "b");
  const std::string lone_low = Utf16Bytes(std::u16string{char16_t(0xDC00)}, false);
  EXPECT_EQ(Utf16ToUtf8(lone_low, false), "\xEF\xBF\xBD");
  EXPECT_EQ(Utf16ToUtf8(std::string("a\0b", 3), false), "a\xEF\xBF\xBD");
  const std::string high_at_end = Utf16Bytes(std::u16string{char16_t(0xD83D)}, false);
  EXPECT_EQ(Utf16ToUtf8(high_at_end, false), "\xEF\xBF\xBD");
}

TEST(Utf16Test, StreamMatchesWholeConversionAcrossChunks) {
  std::u16string s;
  for (int i = 0; i < 200000; ++i) s += (i % 7 == 0) ? u"𝄞" : (i % 3 == 0 ? u"é" : u"x");
  const std::string bytes = "\xFF\xFE" + Utf16Bytes(s, false);
  ViewStream source(bytes);
  PeekStream peek(&source);
  StatusOr<std::unique_ptr<ByteStream>> text = OpenUtf8(&peek, "u16.txt");
  ASSERT_TRUE(text.ok());
  std::string out;
  char buf[1001];  // odd size: code points split across reads
  while (true) {
    StatusOr<size_t> r = (*text)->Read(buf, sizeof(buf));
    ASSERT_TRUE(r.ok());
    if (*r == 0) break;
    out.append(buf, *r);
  }
  EXPECT_EQ(out, Utf16ToUtf8(Utf16Bytes(s, false), false));
}

TEST(DecodeToUtf8Test, BomsAndUtf32) {
  EXPECT_EQ(*DecodeToUtf8("\xEF\xBB\xBFhello", "a"), "hello");
  EXPECT_EQ(*DecodeToUtf8("plain", "a"), "plain");
  EXPECT_EQ(*DecodeToUtf8(std::string("\xFE\xFF\0h\0i", 6), "a"), "hi");
  StatusOr<std::string> u32 = DecodeToUtf8(std::string("\xFF\xFE\0\0h\0\0\0", 8), "a.txt");
  ASSERT_FALSE(u32.ok());
  EXPECT_EQ(u32.status().code(), Status::Code::kUnsupported);
  EXPECT_THAT(u32.status().message(), HasSubstr("a.txt: UTF-32"));
}

TEST(CheckNotBinaryTest, NulAndControlBytes) {
  EXPECT_TRUE(CheckNotBinary("Plain text.\n\tIndented.\r\n\f", "a", 0.10).ok());
  EXPECT_TRUE(CheckNotBinary("", "a", 0.10).ok());
  Status nul = CheckNotBinary(std::string("abc\0def", 7), "dir/a.bin", 0.10);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(nul.message(), "dir/a.bin: binary file (a NUL byte at offset 3)");
  // A few stray NULs in a long text do not make it binary (they are removed later)...
  std::string text(8192, 'a');
  text[100] = text[5000] = '\0';
  EXPECT_TRUE(CheckNotBinary(text, "t.txt", 0.10).ok());
  // ...but more than 8 do, however long the text.
  for (int i = 0; i < 9; ++i) text[200 + i * 10] = '\0';
  Status many = CheckNotBinary(text, "t.txt", 0.10);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.message(), "t.txt: binary file (11 NUL bytes, the first at offset 100)");
  // 2 control bytes in 20: 10% is allowed, 3 in 20 is not.
  EXPECT_TRUE(CheckNotBinary(std::string(18, 'a') + "\x01\x02", "a", 0.10).ok());
  Status ctl = CheckNotBinary(std::string(17, 'a') + "\x01\x02\x7F", "a", 0.10);
  ASSERT_FALSE(ctl.ok());
  EXPECT_EQ(ctl.message(), "a: binary file (15% control bytes in the first 20 bytes)");
  // Only the first 8 KiB count.
  EXPECT_TRUE(CheckNotBinary(std::string(kSniffBytes, 'a') + std::string("\0", 1), "a", 0.1).ok());
  // High bytes (Latin-1, broken UTF-8) are not control bytes.
  EXPECT_TRUE(CheckNotBinary("caf\xE9 \xFF\xFE", "a", 0.10).ok());
}

TEST(Windows1252Test, OnlyTextWithoutAnyUtf8) {
  EXPECT_TRUE(LooksLikeWindows1252("caf\xE9 \x93quoted\x94"));
  EXPECT_EQ(Windows1252ToUtf8("caf\xE9 \x93quoted\x94 \x80"), "café “quoted” €");
  EXPECT_FALSE(LooksLikeWindows1252("café caf\xE9"));  // some real UTF-8: repair instead
  EXPECT_FALSE(LooksLikeWindows1252("plain ascii"));
  EXPECT_FALSE(LooksLikeWindows1252("undefined \x81 byte"));
}

}  // namespace
}  // namespace witness::ingest_internal
