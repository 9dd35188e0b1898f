#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/ingest_internal.h"
#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Article Parse(std::string_view bytes, std::string_view path = "corpus/daily-planet/a.txt") {
  StatusOr<Article> a = ParsePlainText(bytes, path);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Article{};
}

TEST(ParsePlainTextTest, FinishedArticleFromAFolder) {
  const std::string bytes = "Body text with six words here.\n";
  Article a = Parse(bytes);
  EXPECT_EQ(a.source, "daily-planet");
  EXPECT_EQ(a.origin, "corpus/daily-planet/a.txt");
  EXPECT_EQ(a.raw, bytes);
  EXPECT_EQ(a.text, "Body text with six words here.");
  EXPECT_EQ(a.content_type, ContentType::kText);
  EXPECT_EQ(a.id.size(), 16u);
  EXPECT_EQ(a.id, ContentId(a));
  EXPECT_GT(a.word_count, 0u);
  EXPECT_EQ(a.extra_json, "{}");
  EXPECT_EQ(a.title, "");
}

TEST(ParsePlainTextTest, SourceWithoutAFolderIsTheDefault) {
  EXPECT_EQ(Parse("Text.", "a.txt").source, "unknown");
  IngestOptions options;
  options.default_source = "wire";
  StatusOr<Article> a = ParsePlainText("Text.", "a.txt", options);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->source, "wire");
}

TEST(ParsePlainTextTest, DatePrefixIsRemovedAndParsed) {
  Article a = Parse(
      " date 2022-01-10 NUR-SULTAN (BLOOMBERG) - President Putin vowed things.\n\n"
      "Second paragraph.");
  EXPECT_EQ(a.published, "2022-01-10");
  EXPECT_EQ(a.title, "");
  EXPECT_THAT(a.text, ::testing::StartsWith("NUR-SULTAN (BLOOMBERG) - President"));
  EXPECT_THAT(a.places, ElementsAre("NUR-SULTAN"));
  EXPECT_THAT(a.agencies, ElementsAre("BLOOMBERG"));
  EXPECT_EQ(a.extra_json, "{\"dateline\":\"NUR-SULTAN (BLOOMBERG)\"}");

  EXPECT_EQ(Parse("Date: Mon, 10 Jan 2022 08:00:00 GMT\nText.").published, "2022-01-10T08:00:00Z");
  EXPECT_EQ(Parse("Published 2022-01-10T08:00:00+03:00\n\nText.").published,
            "2022-01-10T08:00:00+03:00");
  // Not a prefix: no label, a bad date, or a word that merely starts with "date".
  EXPECT_EQ(Parse("2022-01-10 was the day.").published, "");
  EXPECT_EQ(Parse("date 2022-13-10 is wrong.").published, "");
  EXPECT_EQ(Parse("dates 2022-01-10 differ.").published, "");
  EXPECT_EQ(Parse("date 2022-13-10 is wrong.").text, "date 2022-13-10 is wrong.");
}

TEST(ParsePlainTextTest, TitleLineIsMetadata) {
  Article a =
      Parse("Putin vows to defend allies\n\nThe president said so on Monday.\n\nMore text.");
  EXPECT_EQ(a.title, "Putin vows to defend allies");
  EXPECT_EQ(a.text, "The president said so on Monday.\n\nMore text.");
  EXPECT_EQ(a.raw, "Putin vows to defend allies\n\nThe president said so on Monday.\n\nMore text.");
}

TEST(ParsePlainTextTest, RepeatedTitleIsOneTitle) {
  Article a = Parse(
      "Prompt to subscribe:\n\nSame headline here\n\n\nSame  headline here\n\n"
      "Standfirst without a period\n\nBody.");
  EXPECT_EQ(a.title, "Same headline here");
  EXPECT_EQ(a.text, "Prompt to subscribe:\n\nStandfirst without a period\n\nBody.");
}

TEST(ParsePlainTextTest, WhatIsNotATitle) {
  // Prose paragraph first.
  EXPECT_EQ(Parse("He said it was over.\n\nBody.").title, "");
  // A dateline lede.
  EXPECT_EQ(Parse("MOSCOW (Reuters) - Short lede\n\nBody.").title, "");
  // Starts in lower case: a continuation, not a headline.
  EXPECT_EQ(Parse("and then it rained\n\nBody.").title, "");
  // Only one line: that line is the text.
  EXPECT_EQ(Parse("Just a headline-like line").title, "");
  EXPECT_EQ(Parse("Just a headline-like line").text, "Just a headline-like line");
  // Hard-wrapped prose: the first line runs on into the next.
  EXPECT_EQ(Parse("The quick brown fox jumped over the lazy dog and then it\nran away.").title, "");
  // Too long to be a headline.
  EXPECT_EQ(Parse(std::string(400, 'A') + "\n\nBody.").title, "");
  // Only prompts before the text.
  EXPECT_EQ(Parse("Subscribe or upgrade your account to read:\n\nBody text.").title, "");
  // No letters.
  EXPECT_EQ(Parse("1 2 3\n\nBody.").title, "");
}

TEST(ParsePlainTextTest, TitleInTextsWithoutBlankLines) {
  const std::string body(200, 'x');
  Article a = Parse("A headline\n" + body + ".\nMore.");
  EXPECT_EQ(a.title, "A headline");
  EXPECT_EQ(a.text, body + ".\nMore.");
}

TEST(ParsePlainTextTest, FurnitureBeforeTheTitleIsSkipped) {
  Article a = Parse("Advertisement\n\nThe real headline\n\nBody.");
  EXPECT_EQ(a.title, "The real headline");
  EXPECT_EQ(a.text, "Advertisement\n\nBody.");
}

TEST(ParsePlainTextTest, DatelineStaysInTheText) {
  Article a = Parse(
      "A headline\n\nCaption of a photo. PHOTO: REUTERS\n\n"
      "NUR-SULTAN, Jan 10 (Reuters) - Russian President Vladimir Putin said.");
  EXPECT_EQ(a.title, "A headline");
  EXPECT_THAT(a.places, ElementsAre("NUR-SULTAN"));
  EXPECT_THAT(a.agencies, ElementsAre("REUTERS"));
  EXPECT_EQ(a.published, "");
  EXPECT_THAT(a.text, HasSubstr("NUR-SULTAN, Jan 10 (Reuters) - Russian"));
  EXPECT_EQ(a.extra_json,
            "{\"dateline\":\"NUR-SULTAN, Jan 10 (Reuters)\",\"dateline_date\":\"Jan 10\"}");
}

TEST(ParsePlainTextTest, DatelineWithYearFillsPublished) {
  Article a = Parse("WASHINGTON, Jan. 10, 2022 (AP) — The Senate voted.");
  EXPECT_EQ(a.published, "2022-01-10");
  a = Parse("date 2021-12-31 WASHINGTON, Jan. 10, 2022 (AP) — The Senate voted.");
  EXPECT_EQ(a.published, "2021-12-31");  // the explicit date wins
}

TEST(ParsePlainTextTest, RejectsEmptyBinaryAndOversized) {
  StatusOr<Article> empty = ParsePlainText("", "d/e.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(empty.status().message(), "d/e.txt: empty file");

  StatusOr<Article> blank = ParsePlainText(" \n\t\r\n", "d/e.txt");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().message(), "d/e.txt: empty article (only whitespace)");

  StatusOr<Article> binary = ParsePlainText(std::string("GIF89a\0\0\x01", 9), "d/i.gif");
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().message(), "d/i.gif: binary file (2 NUL bytes, the first at offset 6)");

  IngestOptions small;
  small.max_article_bytes = 10;
  StatusOr<Article> big = ParsePlainText("01234567890", "d/big.txt", small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), Status::Code::kResourceExhausted);
  EXPECT_EQ(big.status().message(),
            "d/big.txt: article is 11 bytes, over the limit of 10 bytes (max_article_bytes)");
  EXPECT_TRUE(ParsePlainText("0123456789", "d/ok.txt", small).ok());
}

TEST(ParsePlainTextTest, EncodingsAndRepairs) {
  // UTF-8 BOM dropped; UTF-16 converted.
  EXPECT_EQ(Parse("\xEF\xBB\xBFText.").text, "Text.");
  EXPECT_EQ(Parse(std::string("\xFF\xFE"
                              "T\0e\0x\0t\0.\0",
                              12))
                .text,
            "Text.");
  EXPECT_EQ(Parse(std::string("\xFE\xFF\0T\0\xE9", 6)).text, "Té");
  // CRLF to LF, NFC.
  EXPECT_EQ(Parse("Line one.\r\nLine two.").text, "Line one.\nLine two.");
  EXPECT_EQ(Parse("Cafe\xCC\x81.").text, "Caf\xC3\xA9.");
  // Invalid UTF-8 next to valid UTF-8 is repaired, with a warning.
  std::vector<std::string> warnings;
  StatusOr<Article> a =
      ingest_internal::ParsePlainTextImpl("caf\xC3\xA9 \xFF ok", "x/y.txt", "x", {}, &warnings);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "caf\xC3\xA9 \xEF\xBF\xBD ok");
  EXPECT_EQ(a->raw, "caf\xC3\xA9 \xFF ok");
  EXPECT_THAT(warnings, ElementsAre("x/y.txt: replaced 1 invalid UTF-8 sequence with U+FFFD"));
  // Text with no UTF-8 at all but Windows-1252 bytes is read as Windows-1252.
  warnings.clear();
  a = ingest_internal::ParsePlainTextImpl("caf\xE9 \x93ok\x94", "x/w.txt", "x", {}, &warnings);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, "café “ok”");
  EXPECT_THAT(warnings, ElementsAre("x/w.txt: not UTF-8; read as Windows-1252"));
  // NUL bytes after the first 8 KiB are removed with a warning.
  warnings.clear();
  const std::string late_nul = std::string(9000, 'a') + std::string("\0b", 2);
  a = ingest_internal::ParsePlainTextImpl(late_nul, "x/n.txt", "x", {}, &warnings);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text, std::string(9000, 'a') + "b");
  EXPECT_THAT(warnings, ElementsAre("x/n.txt: removed 1 NUL byte"));
}

TEST(ParsePlainTextTest, NeverFailsOnOddShapes) {
  for (const char* s :
       {"\n\n\nX", "date", "date ", " date 2022-01-10 ", "Title\n\n", "A:\n\nB:\n\nC:\n\nD",
        "X\n\nX", "X\n\nX\n\nX", "(Reuters) - x", "—", "\xE2\x80"}) {
    StatusOr<Article> a = ParsePlainText(s, "f/g.txt");
    if (a.ok()) {
      EXPECT_FALSE(a->text.empty()) << s;
    }
  }
  StatusOr<Article> only_title = ParsePlainText(" date 2022-01-10 ", "f/g.txt");
  ASSERT_FALSE(only_title.ok());
  EXPECT_THAT(only_title.status().message(), HasSubstr("f/g.txt: empty article"));
}

}  // namespace
}  // namespace witness
