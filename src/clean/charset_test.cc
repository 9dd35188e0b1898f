#include "clean/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace witness::clean {
namespace {

TEST(CanonicalCharset, FollowsTheEncodingStandard) {
  EXPECT_EQ(CanonicalCharset("utf-8"), "UTF-8");
  EXPECT_EQ(CanonicalCharset(" UTF8 "), "UTF-8");
  EXPECT_EQ(CanonicalCharset("ISO-8859-1"), "windows-1252");  // WHATWG: latin1 is cp1252
  EXPECT_EQ(CanonicalCharset("latin1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("us-ascii"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("GB2312"), "GB18030");
  EXPECT_EQ(CanonicalCharset("x-sjis"), "Shift_JIS");
  EXPECT_EQ(CanonicalCharset("ks_c_5601-1987"), "EUC-KR");
  EXPECT_EQ(CanonicalCharset("koi8-r"), "KOI8-R");
  EXPECT_EQ(CanonicalCharset("\"windows-1251\""), "windows-1251");
  EXPECT_EQ(CanonicalCharset("no-such-charset"), "");
  EXPECT_EQ(CanonicalCharset(""), "");
  EXPECT_EQ(CanonicalCharset("utf-32"), "");  // cannot be declared from inside a page
}

TEST(FindDeclaredCharset, ReadsTheUsualDeclarations) {
  EXPECT_EQ(FindDeclaredCharset("<html><head><meta charset=\"iso-8859-2\">", 1024), "iso-8859-2");
  EXPECT_EQ(FindDeclaredCharset("<META CHARSET=utf-8>", 1024), "utf-8");
  EXPECT_EQ(FindDeclaredCharset("<meta http-equiv='Content-Type' "
                                "content='text/html; charset=windows-1251'>",
                                1024),
            "windows-1251");
  EXPECT_EQ(FindDeclaredCharset("<meta content=\"text/html;charset=Shift_JIS\" "
                                "http-equiv=\"content-type\">",
                                1024),
            "Shift_JIS");
  EXPECT_EQ(FindDeclaredCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", 1024),
            "ISO-8859-15");
}

TEST(FindDeclaredCharset, SkipsCommentsAndOtherAttributes) {
  EXPECT_EQ(FindDeclaredCharset("<!-- <meta charset=koi8-r> --><meta charset=utf-8>", 1024),
            "utf-8");
  EXPECT_EQ(FindDeclaredCharset("<div title='<meta charset=koi8-r>'></div>", 1024), "");
  // Content without http-equiv is not a declaration.
  EXPECT_EQ(FindDeclaredCharset("<meta content='charset=koi8-r'>", 1024), "");
  // Only the first `limit` bytes are read.
  std::string late = std::string(2000, ' ') + "<meta charset=koi8-r>";
  EXPECT_EQ(FindDeclaredCharset(late, 1024), "");
  EXPECT_EQ(FindDeclaredCharset(late, 4096), "koi8-r");
}

TEST(ScanUtf8, CountsSequences) {
  Utf8Stats s = ScanUtf8("plain ascii");
  EXPECT_EQ(s.multibyte, 0u);
  EXPECT_EQ(s.invalid, 0u);
  s = ScanUtf8("caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80");
  EXPECT_EQ(s.multibyte, 3u);
  EXPECT_EQ(s.invalid, 0u);
  s = ScanUtf8("caf\xE9 \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80");  // latin-1, overlong, surrogate,
                                                                   // > U+10FFFF
  EXPECT_EQ(s.multibyte, 0u);
  // Maximal subparts (Unicode 3.9): E9 | C0 | AF | ED | A0 | 80 | F4 | 90 | 80 | 80.
  EXPECT_EQ(s.invalid, 1u + 2u + 3u + 4u);
}

TEST(AppendUtf8Repaired, ReadsBadBytesAsWindows1252) {
  std::string out;
  EXPECT_EQ(AppendUtf8Repaired("caf\xE9 \x93ok\x94 \xC3\xA9", &out), 3u);
  EXPECT_EQ(out, "caf\u00e9 \u201cok\u201d \u00e9");
}

TEST(ReplaceInvalidUtf8, ReplacesMaximalSubparts) {
  std::string s = "ok \xC3\xA9 \xDF six \xE2\x80 \xF0\x9F\x98\x80";
  EXPECT_EQ(ReplaceInvalidUtf8(&s), 2u);
  EXPECT_EQ(s, "ok \u00e9 \ufffd six \ufffd \U0001F600");
  std::string valid = "caf\xC3\xA9";
  EXPECT_EQ(ReplaceInvalidUtf8(&valid), 0u);
  EXPECT_EQ(valid, "caf\u00e9");
}

TEST(DecodeHtml, ByteOrderMarksWin) {
  Decoded d = DecodeHtml("\xEF\xBB\xBF<meta charset=koi8-r>caf\xC3\xA9");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, CharsetSource::kBom);
  EXPECT_EQ(d.utf8, "<meta charset=koi8-r>caf\u00e9");

  const std::string be("\xFE\xFF\x00<\x00p\x00>\x00\xE9", 10);
  d = DecodeHtml(be);
  EXPECT_EQ(d.charset, "UTF-16BE");
  EXPECT_EQ(d.utf8, "<p>\u00e9");
}

TEST(DecodeHtml, Utf16WithoutBomIsRecognised) {
  std::string ascii = "<html><body><p>Hello, world, in UTF-16 without a mark.</p></body></html>";
  std::string le;
  for (char c : ascii) le += std::string(1, c) + std::string(1, '\0');
  Decoded d = DecodeHtml(le);
  EXPECT_EQ(d.charset, "UTF-16LE");
  EXPECT_EQ(d.utf8, ascii);
}

TEST(DecodeHtml, HttpCharsetOutranksMeta) {
  CharsetOptions o;
  o.http_charset = "windows-1251";
  Decoded d = DecodeHtml("<meta charset=koi8-r>\xCF\xF0\xE8\xE2\xE5\xF2", o);
  EXPECT_EQ(d.charset, "windows-1251");
  EXPECT_EQ(d.source, CharsetSource::kHttp);
  EXPECT_EQ(d.utf8, "<meta charset=koi8-r>\u041f\u0440\u0438\u0432\u0435\u0442");  // Привет
}

TEST(DecodeHtml, MetaDeclarationConvertsWithIcu) {
  Decoded d = DecodeHtml("<meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>");
  EXPECT_EQ(d.charset, "KOI8-R");
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  EXPECT_EQ(d.utf8, "<meta charset=koi8-r><p>\u041f\u0440\u0438\u0432\u0435\u0442</p>");
}

TEST(DecodeHtml, Utf8DeclaredWithStrayBytesIsRepaired) {
  // Mostly UTF-8, one windows-1252 byte pasted in.
  Decoded d = DecodeHtml("<meta charset=utf-8>\xE2\x80\x9CS\xC3\xA3o\xE2\x80\x9D caf\xE9");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.repaired, 1u);
  EXPECT_EQ(d.utf8, "<meta charset=utf-8>\u201cS\u00e3o\u201d caf\u00e9");
}

TEST(DecodeHtml, Utf8DeclaredOnLatinBytesIsReadAsLatin) {
  Decoded d = DecodeHtml(
      "<meta charset=utf-8><p>Fran\xE7ois et Ren\xE9"
      "e \xE0 la f\xEAte</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.utf8, "<meta charset=utf-8><p>Fran\u00e7ois et Ren\u00e9e \u00e0 la f\u00eate</p>");
}

TEST(DecodeHtml, UndeclaredUtf8AndAscii) {
  Decoded d = DecodeHtml("<p>na\xC3\xAFve</p>");
  EXPECT_EQ(d.charset, "UTF-8");
  EXPECT_EQ(d.source, CharsetSource::kUtf8);
  d = DecodeHtml("<p>plain</p>");
  EXPECT_EQ(d.charset, "UTF-8");
}

TEST(DecodeHtml, AnyBytesGiveValidUtf8) {
  std::string bytes;
  uint32_t x = 7;
  for (int round = 0; round < 50; ++round) {
    bytes.clear();
    for (int i = 0; i < 300; ++i) {
      x = x * 1664525u + 1013904223u;
      bytes.push_back(static_cast<char>(x >> 24));
    }
    if (round % 3 == 0) bytes = "<meta charset=utf-8>" + bytes;
    if (round % 3 == 1) bytes = "<meta charset=shift_jis>" + bytes;
    Decoded d = DecodeHtml(bytes);
    Utf8Stats s = ScanUtf8(d.utf8);
    EXPECT_EQ(s.invalid, 0u) << d.charset;
    EXPECT_FALSE(d.charset.empty());
  }
}

}  // namespace
}  // namespace witness::clean
