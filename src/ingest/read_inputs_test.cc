#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/streams.h"
#include "ingest/testing_sink.h"
#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using witness::testing::CollectingSink;
using witness::testing::Gzip;
using witness::testing::Zstd;

std::vector<std::string> Origins(const CollectingSink& sink) {
  std::vector<std::string> out;
  for (const Article& a : sink.accepted) out.push_back(a.origin);
  return out;
}

CollectingSink Read(MemEnv* env, const std::vector<std::string>& paths,
                    IngestOptions options = {}) {
  CollectingSink sink;
  ReadInputs(env, paths, options, &sink);
  return sink;
}

CollectingSink ReadBytes(std::string_view name, std::string bytes, IngestOptions options = {}) {
  ingest_internal::StringStream s(std::move(bytes));
  CollectingSink sink;
  ReadStream(name, &s, options, &sink);
  return sink;
}

std::string Line(int i, std::string_view extra = "") {
  return "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"Record number " + std::to_string(i) +
         ".\"" + std::string(extra) + "}";
}

TEST(ReadInputsTest, FoldersInSortedOrderAndSourceFromFolder) {
  MemEnv env;
  env.AddFile("corpus/daily-planet/b.txt", "Second story.");
  env.AddFile("corpus/daily-planet/a.txt", "First story.");
  env.AddFile("corpus/daily-planet/.DS_Store", std::string("\0\0\1", 3));
  env.AddFile("corpus/gazette/x.txt", "Third story.");
  CollectingSink sink = Read(&env, {"corpus"});
  EXPECT_THAT(sink.RejectMessages(), IsEmpty());
  EXPECT_THAT(Origins(sink), ElementsAre("corpus/daily-planet/a.txt", "corpus/daily-planet/b.txt",
                                         "corpus/gazette/x.txt"));
  EXPECT_EQ(sink.accepted[0].source, "daily-planet");
  EXPECT_EQ(sink.accepted[2].source, "gazette");
  // A file at the top of the given path still uses its real parent folder's name.
  CollectingSink top = Read(&env, {"corpus/daily-planet"});
  ASSERT_EQ(top.accepted.size(), 2u);
  EXPECT_EQ(top.accepted[0].source, "daily-planet");
}

TEST(ReadInputsTest, MissingPathsAndEmptyFolders) {
  MemEnv env;
  env.AddFile("only/.hidden", "x");
  CollectingSink sink = Read(&env, {"nope", "only", "nope/deeper.txt"});
  EXPECT_THAT(sink.RejectMessages(),
              ElementsAre("nope: no such file or folder",
                          "only: folder holds no files (hidden ones are skipped)",
                          "nope/deeper.txt: no such file or folder"));
  EXPECT_TRUE(sink.accepted.empty());
}

TEST(ReadInputsTest, JsonLinesGoodAndBadMixed) {
  std::string feed;
  std::vector<std::string> expected_ok;
  std::vector<std::string> expected_bad;
  for (int i = 1; i <= 60; ++i) {
    if (i % 10 == 3) {
      feed += "{\"text\": \"broken\"\n";
      expected_bad.push_back("feed.jsonl:" + std::to_string(i) + ": invalid JSON");
    } else if (i % 10 == 6) {
      feed += "{\"title\": \"no body\"}\n";
      expected_bad.push_back("feed.jsonl:" + std::to_string(i) + ": missing text or html");
    } else if (i % 10 == 8) {
      feed += "   \r\n";  // blank: skipped, but counted
    } else {
      feed += Line(i, ", \"extra_field\": [1, 2]") + "\n";
      expected_ok.push_back("feed.jsonl:" + std::to_string(i));
    }
  }
  MemEnv env;
  env.AddFile("feed.jsonl", feed);
  CollectingSink sink = Read(&env, {"feed.jsonl"});
  EXPECT_EQ(Origins(sink), expected_ok);
  ASSERT_EQ(sink.rejected.size(), expected_bad.size());
  for (size_t i = 0; i < expected_bad.size(); ++i) {
    EXPECT_THAT(sink.rejected[i].message(), ::testing::StartsWith(expected_bad[i]));
  }
  for (const Article& a : sink.accepted) {
    EXPECT_EQ(a.extra_json, "{\"extra_field\":[1,2]}");
    EXPECT_EQ(a.source, "unknown");  // no source, no URL, no folder
  }
}

TEST(ReadInputsTest, CompressedJsonLinesWhateverTheName) {
  std::string feed;
  for (int i = 1; i <= 1000; ++i) feed += Line(i) + "\n";
  MemEnv env;
  env.AddFile("a/feed.jsonl.gz", Gzip(feed));
  env.AddFile("a/feed2.jsonl", Zstd(feed));  // zstd under a plain name
  env.AddFile("a/feed3.data", Gzip(feed.substr(0, 30000)) + Gzip(feed.substr(30000)));
  CollectingSink sink = Read(&env, {"a"});
  EXPECT_THAT(sink.RejectMessages(), IsEmpty());
  ASSERT_EQ(sink.accepted.size(), 3000u);
  EXPECT_EQ(sink.accepted[999].origin, "a/feed.jsonl.gz:1000");
  EXPECT_EQ(sink.accepted[1000].origin, "a/feed2.jsonl:1");
  EXPECT_EQ(sink.accepted[2999].id, "r1000");
  EXPECT_EQ(sink.accepted[0].source, "a");
}

TEST(ReadInputsTest, TruncatedGzipKeepsWhatWasReadAndRejectsOnce) {
  std::string feed;
  for (int i = 1; i <= 2000; ++i) feed += Line(i) + "\n";
  const std::string gz = Gzip(feed);
  CollectingSink sink = ReadBytes("feed.jsonl.gz", gz.substr(0, gz.size() / 2));
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_EQ(sink.rejected[0].code(), Status::Code::kCorruption);
  EXPECT_THAT(sink.rejected[0].message(), HasSubstr("feed.jsonl.gz: gzip stream is truncated"));
  EXPECT_GT(sink.accepted.size(), 10u);
  EXPECT_LT(sink.accepted.size(), 2000u);
  EXPECT_THAT(sink.rejected[0].message(),
              HasSubstr("(after line " + std::to_string(sink.accepted.size()) + ")"));
  // A truncated plain-text article is one rejection.
  CollectingSink text = ReadBytes("a.txt.gz", Gzip(std::string(5000, 'x')).substr(0, 20));
  EXPECT_TRUE(text.accepted.empty());
  ASSERT_EQ(text.rejected.size(), 1u);
  EXPECT_EQ(text.rejected[0].code(), Status::Code::kCorruption);
}

TEST(ReadInputsTest, StdinLikeStreamsAreDetectedByContent) {
  CollectingSink json = ReadBytes("-", Line(1) + "\n\n" + Line(2) + "\n");
  EXPECT_THAT(Origins(json), ElementsAre("-:1", "-:3"));
  EXPECT_EQ(json.accepted[0].source, "unknown");
  CollectingSink text = ReadBytes("-", "Headline\n\nBody.");
  ASSERT_EQ(text.accepted.size(), 1u);
  EXPECT_EQ(text.accepted[0].origin, "-");
  EXPECT_EQ(text.accepted[0].title, "Headline");
  CollectingSink html = ReadBytes("-", Gzip("\xEF\xBB\xBF  <!DOCTYPE html><p>x</p>"));
  ASSERT_EQ(html.accepted.size(), 1u);
  EXPECT_EQ(html.accepted[0].content_type, ContentType::kHtml);
  EXPECT_EQ(html.accepted[0].html, "  <!DOCTYPE html><p>x</p>");
  IngestOptions options;
  options.default_source = "stdin-feed";
  CollectingSink named = ReadBytes("-", "Body.", options);
  EXPECT_EQ(named.accepted[0].source, "stdin-feed");
}

TEST(ReadInputsTest, HtmlFilesKeepThePage) {
  const std::string page = "<html><head><title>T</title></head><body><p>Hello</p></body></html>";
  CollectingSink sink = ReadBytes("site/page.htm", page);
  ASSERT_EQ(sink.accepted.size(), 1u);
  const Article& a = sink.accepted[0];
  EXPECT_EQ(a.content_type, ContentType::kHtml);
  EXPECT_EQ(a.html, page);
  EXPECT_EQ(a.raw, page);
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(a.source, "site");
  EXPECT_EQ(a.id, ContentId(a));
  // HTML by name even without markup at the start; UTF-16 pages become UTF-8.
  EXPECT_EQ(ReadBytes("x.html", "just words").accepted.size(), 1u);
  CollectingSink u16 = ReadBytes("x.html", std::string("\xFF\xFE<\0p\0>\0", 8));
  ASSERT_EQ(u16.accepted.size(), 1u);
  EXPECT_EQ(u16.accepted[0].html, "<p>");
  CollectingSink blank = ReadBytes("x.html", "  \n");
  EXPECT_THAT(blank.RejectMessages(), ElementsAre("x.html: empty HTML page"));
}

TEST(ReadInputsTest, EmptyBinaryAndEncodingProblems) {
  MemEnv env;
  env.AddFile("d/1-empty.txt", "");
  env.AddFile("d/2-empty.txt.gz", Gzip(""));
  env.AddFile("d/3-image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  env.AddFile("d/4-controls.txt", std::string(100, '\x01') + "text");
  env.AddFile("d/5-utf16.txt", std::string("\xFF\xFEH\0i\0.\0", 8));
  env.AddFile("d/6-utf16be.jsonl",
              std::string("\xFE\xFF\0{\0\"\0t\0e\0x\0t\0\"\0:\0\"\0x\0\"\0}", 26));
  env.AddFile("d/7-utf32.txt", std::string("\xFF\xFE\0\0H\0\0\0", 8));
  env.AddFile("d/8-bad-utf8.txt", "Mixed caf\xC3\xA9 and \xFF bytes.");
  env.AddFile("d/9-xz.txt", std::string("\xFD"
                                        "7zXZ\0\0\0\0",
                                        10));
  env.AddFile("d/a-binary.jsonl", std::string("{\"text\": \"x\0\"}", 14));
  CollectingSink sink = Read(&env, {"d"});
  EXPECT_THAT(
      sink.RejectMessages(),
      ElementsAre("d/1-empty.txt: empty file", "d/2-empty.txt.gz: empty file",
                  "d/3-image.png: binary file (3 NUL bytes, the first at offset 8)",
                  "d/4-controls.txt: binary file (96% control bytes in the first 104 bytes)",
                  "d/7-utf32.txt: UTF-32 text is not supported (convert it to UTF-8 first)",
                  "d/9-xz.txt: xz-compressed input is not supported (decompress it first, "
                  "or recompress with gzip or zstd)",
                  "d/a-binary.jsonl: binary file (a NUL byte at offset 11)"));
  ASSERT_EQ(sink.accepted.size(), 3u);
  EXPECT_EQ(sink.accepted[0].text, "Hi.");
  EXPECT_EQ(sink.accepted[1].text, "x");
  EXPECT_EQ(sink.accepted[1].origin, "d/6-utf16be.jsonl:1");
  EXPECT_EQ(sink.accepted[2].text, "Mixed caf\xC3\xA9 and \xEF\xBF\xBD bytes.");
  EXPECT_THAT(sink.warnings,
              ElementsAre("d/8-bad-utf8.txt: replaced 1 invalid UTF-8 sequence with U+FFFD"));
}

TEST(ReadInputsTest, OversizedArticlesAndLines) {
  IngestOptions options;
  options.max_article_bytes = 1000;
  options.max_line_bytes = 200;
  MemEnv env;
  env.AddFile("big/a.txt", std::string(5000, 'x'));
  env.AddFile("big/b.txt.zst", Zstd(std::string(3000, 'y')));
  env.AddFile("big/c.html", "<html>" + std::string(2000, 'z'));
  env.AddFile("big/d.jsonl", Line(1) + "\n{\"text\": \"" + std::string(300, 'w') + "\"}\n" +
                                 Line(3) + "\n{\"text\": \"" + std::string(150, 'v') + "\"}\n");
  env.AddFile("big/e.txt", std::string(1000, 'k'));
  CollectingSink sink = Read(&env, {"big"}, options);
  EXPECT_THAT(sink.RejectMessages(),
              ElementsAre("big/a.txt: article is 5,000 bytes, over the limit of 1,000 bytes "
                          "(max_article_bytes)",
                          "big/b.txt.zst: article is 3,000 bytes, over the limit of 1,000 bytes "
                          "(max_article_bytes)",
                          "big/c.html: article is 2,006 bytes, over the limit of 1,000 bytes "
                          "(max_article_bytes)",
                          "big/d.jsonl:2: line is 312 bytes, over the limit of 200 bytes "
                          "(max_line_bytes)"));
  for (const Status& s : sink.rejected) EXPECT_EQ(s.code(), Status::Code::kResourceExhausted);
  EXPECT_THAT(Origins(sink),
              ElementsAre("big/d.jsonl:1", "big/d.jsonl:3", "big/d.jsonl:4", "big/e.txt"));
}

TEST(ReadInputsTest, JsonDocumentsArraysAndPrettyPrintedObjects) {
  MemEnv env;
  env.AddFile("j/1-array.json",
              "[\n  " + Line(1) + ",\n  {\"no\": \"text\"},\n\n  " + Line(3) + "\n]\n");
  env.AddFile("j/2-object.json", "{\n  \"title\": \"T\",\n  \"text\": \"Body.\"\n}\n");
  env.AddFile("j/3-objects.json", "{\n \"text\": \"A.\"\n}\n{\n \"text\": \"B.\"\n}\n");
  env.AddFile("j/4-empty.json", "[ ]");
  env.AddFile("j/5-cut.json", "[" + Line(1) + ", {\"text\": \"cut");
  CollectingSink sink = Read(&env, {"j"});
  EXPECT_THAT(Origins(sink),
              ElementsAre("j/1-array.json:2", "j/1-array.json:5", "j/2-object.json",
                          "j/3-objects.json:1", "j/3-objects.json:4", "j/5-cut.json:1:2"));
  EXPECT_EQ(sink.accepted[2].title, "T");
  // Values sharing a line are told apart by their column.
  EXPECT_THAT(sink.RejectMessages(),
              ElementsAre("j/1-array.json:3: missing text or html",
                          "j/4-empty.json: JSON array holds no records",
                          "j/5-cut.json:1:" + std::to_string(Line(1).size() + 4) +
                              ": invalid JSON: unterminated string"));
  EXPECT_THAT(sink.warnings,
              ElementsAre("j/5-cut.json: JSON array is not closed (is the file cut short?)"));
}

TEST(ReadInputsTest, BrokenFirstLineOfJsonLinesIsOneRejection) {
  // An open first line followed by records: JSON Lines with a broken line, not a document.
  CollectingSink sink =
      ReadBytes("f.jsonl", "{\"text\": \"a\", \"x\": [\n" + Line(2) + "\n" + Line(3) + "\n");
  EXPECT_THAT(Origins(sink), ElementsAre("f.jsonl:2", "f.jsonl:3"));
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_THAT(sink.rejected[0].message(), ::testing::StartsWith("f.jsonl:1: invalid JSON"));
}

TEST(ReadInputsTest, TextThatMerelyStartsWithABraceIsPlainText) {
  const std::string story = "{Editor's note: updated}\n\nThe story itself.\n\nMore of it.";
  CollectingSink sink = ReadBytes("notes/story.txt", story);
  EXPECT_THAT(sink.RejectMessages(), IsEmpty());
  ASSERT_EQ(sink.accepted.size(), 1u);
  EXPECT_EQ(sink.accepted[0].raw, story);
  EXPECT_EQ(sink.accepted[0].origin, "notes/story.txt");
  // With a .jsonl name it is JSON Lines, broken ones rejected line by line.
  CollectingSink named = ReadBytes("notes/story.jsonl", story);
  EXPECT_EQ(named.rejected.size(), 3u);
}

TEST(ReadInputsTest, ProgressIsReported) {
  std::string feed;
  for (int i = 1; i <= 60000; ++i) feed += Line(i) + "\n";
  ASSERT_GT(feed.size(), 2u << 20);
  CollectingSink sink = ReadBytes("feed.jsonl", feed);
  EXPECT_EQ(sink.accepted.size(), 60000u);
  EXPECT_GE(sink.progress_calls, 3);
  EXPECT_EQ(sink.last_progress, feed.size());
}

TEST(ReadInputsTest, EveryInputEndsInExactlyOneVerdict) {
  // Many small inputs of every kind: each file (or line) is accepted or rejected once.
  MemEnv env;
  int expected = 0;
  for (int i = 0; i < 40; ++i) {
    const std::string dir = "m/" + std::to_string(i % 4) + "/";
    switch (i % 8) {
      case 0:
        env.AddFile(dir + std::to_string(i) + ".txt", "Story " + std::to_string(i));
        expected += 1;
        break;
      case 1:
        env.AddFile(dir + std::to_string(i) + ".txt", "");
        expected += 1;
        break;
      case 2:
        env.AddFile(dir + std::to_string(i) + ".jsonl", Line(1) + "\nbad\n" + Line(3));
        expected += 3;
        break;
      // The record has no newline and the stream fails after it: one rejection.
      case 3:
        env.AddFile(dir + std::to_string(i) + ".gz", Gzip(Line(1)) + "junk");
        expected += 1;
        break;
      case 4:
        env.AddFile(dir + std::to_string(i) + ".html", "<html>x");
        expected += 1;
        break;
      case 5:
        env.AddFile(dir + std::to_string(i) + ".bin", std::string(64, '\0'));
        expected += 1;
        break;
      case 6:
        env.AddFile(dir + std::to_string(i) + ".warc", "WARC/1.0\r\n");
        expected += 1;
        break;
      case 7:
        env.AddFile(dir + std::to_string(i) + ".zst", Zstd("Plain story."));
        expected += 1;
        break;
    }
  }
  CollectingSink sink = Read(&env, {"m"});
  EXPECT_EQ(static_cast<int>(sink.accepted.size() + sink.rejected.size()), expected);
}

}  // namespace
}  // namespace witness
