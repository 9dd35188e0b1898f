// WARC archives through ReadStream / ReadInputs: HTML responses become HTML articles; other
// records are skipped; damage is reported record by record and the rest is read; every input
// ends, with one verdict per origin (the rule fuzz.stream_fuzz checks).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "ingest/streams.h"
#include "ingest/testing_sink.h"
#include "ingest/testing_watchdog.h"
#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using witness::testing::CollectingSink;
using witness::testing::Gzip;
using witness::testing::Zstd;

int g_record = 0;

// One WARC record around `block` (an HTTP message for responses and requests).
std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view block,
                       std::string content_type = "") {
  if (content_type.empty()) {
    content_type =
        std::string("application/http; msgtype=") + (type == "request" ? "request" : "response");
  }
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:rec-" +
       std::to_string(++g_record) + ">\r\nContent-Type: " + content_type +
       "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string HttpPage(std::string_view body, std::string_view type = "text/html; charset=utf-8",
                     int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + std::string(type) +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

std::string Page(std::string_view title, std::string_view body) {
  return "<html><head><title>" + std::string(title) + "</title></head><body><p>" +
         std::string(body) + "</p></body></html>";
}

std::string Concat(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

// Common Crawl's layout: each record its own gzip member; `offsets` gets where each starts.
std::string GzipEach(const std::vector<std::string>& parts, std::vector<size_t>* offsets) {
  std::string out;
  for (const std::string& p : parts) {
    offsets->push_back(out.size());
    out += Gzip(p);
  }
  return out;
}

// The origin of a verdict, as fuzz.stream_fuzz reads it: an article's origin; a rejection's
// first field, with its offset when it names one ("a.warc: offset 120").
std::string OriginOf(const Status& s) {
  const std::string& m = s.message();
  size_t end = m.find(": ");
  if (end != std::string::npos && m.compare(end + 2, 7, "offset ") == 0) {
    end = m.find(": ", end + 2);
  }
  return m.substr(0, end);
}

// Every input gets a verdict, no origin gets two, and every message is one line naming it.
void ExpectOneVerdictPerOrigin(const CollectingSink& sink, const std::string& name) {
  std::set<std::string> origins;
  for (const Article& a : sink.accepted) {
    EXPECT_THAT(a.origin, StartsWith(name));
    EXPECT_TRUE(origins.insert(a.origin).second) << "reported twice: " << a.origin;
  }
  for (const Status& s : sink.rejected) {
    EXPECT_THAT(s.message(), StartsWith(name));
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
    EXPECT_TRUE(origins.insert(OriginOf(s)).second) << "reported twice: " << s.message();
  }
  EXPECT_FALSE(origins.empty()) << name << ": no verdict at all";
}

CollectingSink ReadBytes(std::string_view name, std::string bytes, IngestOptions options = {}) {
  ingest_internal::StringStream s(std::move(bytes));
  CollectingSink sink;
  ReadStream(name, &s, options, &sink);
  ExpectOneVerdictPerOrigin(sink, std::string(name));
  return sink;
}

// Every test here fails, rather than stalls, if reading hangs.
class ReadWarcTest : public ::testing::Test {
 protected:
  ReadWarcTest()
      : watchdog_(::testing::UnitTest::GetInstance()->current_test_info()->name(), 180) {}

 private:
  witness::testing::Watchdog watchdog_;
};

const std::string kPage =
    "<html><head><title>Harbour reopens</title></head><body><p>The harbour reopened on "
    "Monday.</p></body></html>";

// A request, the HTML response it got, an image response, a metadata record.
std::vector<std::string> Crawl() {
  return {WarcRecord("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n"),
          WarcRecord("response", "https://www.news.example/a", HttpPage(kPage)),
          WarcRecord("response", "https://news.example/logo.png", HttpPage("PNG", "image/png")),
          WarcRecord("metadata", "https://news.example/a", "fetchTimeMs: 12\r\n",
                     "application/warc-fields")};
}

TEST_F(ReadWarcTest, HtmlResponsesBecomeHtmlArticles) {
  const std::vector<std::string> records = Crawl();
  const std::string plain = Concat(records);
  std::vector<size_t> member;
  const std::string members = GzipEach(records, &member);
  const std::string request_size = std::to_string(records[0].size());
  struct Case {
    std::string name, bytes, origin;
  };
  const std::vector<Case> cases = {
      {"crawl.warc", plain, "crawl.warc@" + request_size},
      {"crawl.warc.gz", members, "crawl.warc.gz@" + std::to_string(member[1])},
      // One member for the whole archive: the member's offset and how far into it.
      {"crawl.warc.gz", Gzip(plain), "crawl.warc.gz@0+" + request_size},
      // zstd is inflated before the reader: offsets are of the inflated archive.
      {"crawl.warc.zst", Zstd(plain), "crawl.warc.zst@" + request_size},
      // Recognised by content on stdin, compressed or not.
      {"-", plain, "-@" + request_size},
      {"-", Gzip(plain), "-@" + request_size},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.origin);
    CollectingSink sink = ReadBytes(c.name, c.bytes);
    EXPECT_THAT(sink.RejectMessages(), IsEmpty());
    EXPECT_THAT(sink.warnings, IsEmpty());
    ASSERT_EQ(sink.accepted.size(), 1u);
    const Article& a = sink.accepted[0];
    EXPECT_EQ(a.origin, c.origin);
    EXPECT_EQ(a.content_type, ContentType::kHtml);
    EXPECT_EQ(a.html, kPage);
    EXPECT_EQ(a.raw, kPage);
    EXPECT_EQ(a.text, "");  // the page's text is extracted by the pipeline
    EXPECT_EQ(a.url, "https://www.news.example/a");
    EXPECT_EQ(a.source, "news.example");  // the URL's host, www. dropped
    EXPECT_EQ(a.id, ContentId(a));
    nlohmann::json extra = nlohmann::json::parse(a.extra_json);
    EXPECT_EQ(extra, nlohmann::json({{"warc_date", "2024-05-01T10:00:00Z"},
                                     {"warc_record_id", extra.value("warc_record_id", "")},
                                     {"http_charset", "utf-8"}}));
    EXPECT_THAT(extra.value("warc_record_id", ""), StartsWith("<urn:uuid:rec-"));
    EXPECT_TRUE(a.published.empty());  // the fetch date is not the publication date
  }
}

TEST_F(ReadWarcTest, HttpCharsetIsPassedOnAndSourceFallsBackToTheFolder) {
  const std::string cyrillic = "<html><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>";
  std::string archive =
      WarcRecord("response", "https://gazeta.example/1",
                 HttpPage(cyrillic, "text/html; Charset=\"Windows-1251\"")) +
      WarcRecord("response", "https://gazeta.example/2", HttpPage(kPage, "text/html")) +
      WarcRecord("response", "/relative/3", HttpPage(kPage + " ", "application/xhtml+xml"));
  MemEnv env;
  env.AddFile("crawls/outlet/a.warc", archive);
  CollectingSink sink;
  ReadInputs(&env, {"crawls"}, IngestOptions{}, &sink);
  EXPECT_THAT(sink.RejectMessages(), IsEmpty());
  ASSERT_EQ(sink.accepted.size(), 3u);
  EXPECT_EQ(sink.accepted[0].raw, cyrillic);  // the bytes as served; the pipeline decodes them
  EXPECT_EQ(nlohmann::json::parse(sink.accepted[0].extra_json).value("http_charset", ""),
            "windows-1251");
  EXPECT_FALSE(nlohmann::json::parse(sink.accepted[1].extra_json).contains("http_charset"));
  EXPECT_EQ(sink.accepted[1].source, "gazeta.example");
  EXPECT_EQ(sink.accepted[2].source, "outlet");  // no host in the URL: the folder's name
}

TEST_F(ReadWarcTest, OtherRecordsAreSkipped) {
  std::string archive =
      WarcRecord("warcinfo", "", "software: test\r\n", "application/warc-fields") +
      WarcRecord("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n") +
      WarcRecord("response", "https://news.example/gone", HttpPage(kPage, "text/html", 404)) +
      WarcRecord("response", "https://news.example/a.json", HttpPage("{}", "application/json")) +
      WarcRecord("revisit", "https://news.example/a", "HTTP/1.1 200 OK\r\n\r\n") +
      WarcRecord("resource", "https://news.example/r", kPage, "text/html") +
      WarcRecord("metadata", "https://news.example/a", "a: b\r\n", "application/warc-fields") +
      WarcRecord("response", "https://news.example/b", HttpPage(Page("B", "Body b."))) +
      WarcRecord("conversion", "https://news.example/a", "text", "text/plain");
  CollectingSink sink = ReadBytes("crawl.warc", archive);
  EXPECT_THAT(sink.RejectMessages(), IsEmpty());
  ASSERT_EQ(sink.accepted.size(), 1u);
  EXPECT_EQ(sink.accepted[0].url, "https://news.example/b");
}

TEST_F(ReadWarcTest, ArchiveWithoutHtmlIsReportedOnce) {
  const std::vector<std::string> records = {
      WarcRecord("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n"),
      WarcRecord("response", "https://news.example/logo.png", HttpPage("PNG", "image/png")),
      WarcRecord("response", "https://news.example/gone", HttpPage(kPage, "text/html", 404)),
      WarcRecord("metadata", "https://news.example/a", "a: b\r\n", "application/warc-fields")};
  const std::string expected =
      "crawl.warc.gz: no HTML pages in this WARC archive (4 records: 2 not HTTP responses, 1 "
      "with an HTTP status other than 200, 1 not HTML)";
  std::vector<size_t> offsets;
  for (const std::string& bytes : {Gzip(Concat(records)), GzipEach(records, &offsets)}) {
    CollectingSink sink = ReadBytes("crawl.warc.gz", bytes);
    EXPECT_TRUE(sink.accepted.empty());
    EXPECT_THAT(sink.RejectMessages(), ElementsAre(expected));
    EXPECT_EQ(sink.rejected[0].code(), Status::Code::kNotFound);
  }
  // Nothing but blank lines; no record at all; an empty file.
  EXPECT_THAT(ReadBytes("a.warc", "\r\n\r\n").RejectMessages(),
              ElementsAre("a.warc: no HTML pages in this WARC archive (no complete record)"));
  EXPECT_THAT(ReadBytes("a.warc", "").RejectMessages(), ElementsAre("a.warc: empty file"));
  // Damage and no page: the damaged record is the archive's report (nothing more is said).
  CollectingSink cut = ReadBytes("a.warc", records[0] + records[1].substr(0, 100));
  EXPECT_THAT(cut.RejectMessages(),
              ElementsAre("a.warc: offset " + std::to_string(records[0].size()) +
                          ": truncated record (the input ends inside its header)"));
}

TEST_F(ReadWarcTest, TruncatedArchiveKeepsTheRecordsBeforeTheCut) {
  const std::vector<std::string> records = {
      WarcRecord("response", "https://news.example/1", HttpPage(Page("One", "First."))),
      WarcRecord("response", "https://news.example/2", HttpPage(Page("Two", "Second."))),
      WarcRecord("response", "https://news.example/3", HttpPage(Page("Three", "Third.")))};
  std::vector<size_t> offsets;
  const std::string gz = GzipEach(records, &offsets);
  // Cut inside the last gzip member.
  CollectingSink sink = ReadBytes("crawl.warc.gz", gz.substr(0, gz.size() - 25));
  ASSERT_EQ(sink.accepted.size(), 2u);
  EXPECT_EQ(sink.accepted[0].url, "https://news.example/1");
  EXPECT_EQ(sink.accepted[1].url, "https://news.example/2");
  EXPECT_EQ(sink.accepted[1].origin, "crawl.warc.gz@" + std::to_string(offsets[1]));
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_EQ(sink.rejected[0].code(), Status::Code::kCorruption);
  EXPECT_EQ(sink.rejected[0].message(),
            "crawl.warc.gz: offset " + std::to_string(offsets[2]) + ": truncated gzip member");
  // The plain archive cut inside the last record's block.
  const std::string plain = Concat(records);
  const size_t last = records[0].size() + records[1].size();
  CollectingSink p = ReadBytes("crawl.warc", plain.substr(0, plain.size() - 30));
  ASSERT_EQ(p.accepted.size(), 2u);
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_THAT(p.rejected[0].message(), StartsWith("crawl.warc: offset " + std::to_string(last) +
                                                  ": truncated record <urn:"));
  EXPECT_THAT(p.rejected[0].message(), HasSubstr("bytes follow"));
  // One member for the whole archive, cut: the pages before the cut come.
  const std::string whole = Gzip(plain);
  CollectingSink w = ReadBytes("crawl.warc.gz", whole.substr(0, whole.size() - 20));
  EXPECT_GE(w.accepted.size(), 2u);
  ASSERT_EQ(w.rejected.size(), 1u);
  EXPECT_THAT(w.rejected[0].message(), HasSubstr("truncated gzip member"));
}

TEST_F(ReadWarcTest, DamagedMiddleRecordIsSkippedAndTheRestRead) {
  const std::vector<std::string> records = {
      WarcRecord("response", "https://news.example/1", HttpPage(Page("One", "First."))),
      WarcRecord("response", "https://news.example/2",
                 HttpPage(Page("Two",
                               "Second page, long enough to damage in the middle of its "
                               "compressed bytes without touching the header."))),
      WarcRecord("response", "https://news.example/3", HttpPage(Page("Three", "Third.")))};
  // A corrupt gzip member.
  std::vector<size_t> offsets;
  std::string gz = GzipEach(records, &offsets);
  for (size_t i = offsets[1] + 20; i < offsets[1] + 30; ++i)
    gz[i] = static_cast<char>(gz[i] ^ 0x55);
  CollectingSink sink = ReadBytes("crawl.warc.gz", gz);
  ASSERT_EQ(sink.accepted.size(), 2u);
  EXPECT_EQ(sink.accepted[0].url, "https://news.example/1");
  EXPECT_EQ(sink.accepted[1].url, "https://news.example/3");
  EXPECT_EQ(sink.accepted[1].origin, "crawl.warc.gz@" + std::to_string(offsets[2]));
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_THAT(sink.rejected[0].message(),
              StartsWith("crawl.warc.gz: offset " + std::to_string(offsets[1]) +
                         ": corrupt gzip member: "));
  // A plain record with a broken Content-Length, and garbage between records.
  std::string broken = records[1];
  broken.replace(broken.find("Content-Length: ") + 16, 1, "x");
  const std::string plain = records[0] + broken + "\x01\x02 not a record\r\n" + records[2];
  CollectingSink p = ReadBytes("crawl.warc", plain);
  ASSERT_EQ(p.accepted.size(), 2u);
  EXPECT_EQ(p.accepted[1].url, "https://news.example/3");
  EXPECT_EQ(p.accepted[1].origin, "crawl.warc@" + std::to_string(plain.size() - records[2].size()));
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_THAT(p.rejected[0].message(),
              StartsWith("crawl.warc: offset " + std::to_string(records[0].size()) +
                         ": record with a bad Content-Length"));
}

TEST_F(ReadWarcTest, PagesOverTheLimitAndEmptyPagesAreReported) {
  IngestOptions options;
  options.max_article_bytes = 1000;
  const std::string big = Page("Big", std::string(2000, 'b'));
  const std::vector<std::string> records = {
      WarcRecord("response", "https://news.example/big", HttpPage(big)),
      WarcRecord("response", "https://news.example/blank", HttpPage(" \r\n\t")),
      WarcRecord("response", "https://news.example/ok", HttpPage(std::string("<p>a\0b</p>", 10)))};
  CollectingSink sink = ReadBytes("c.warc", Concat(records), options);
  ASSERT_EQ(sink.rejected.size(), 2u);
  EXPECT_EQ(sink.rejected[0].code(), Status::Code::kResourceExhausted);
  EXPECT_THAT(sink.rejected[0].message(), StartsWith("c.warc: offset 0: record <urn:"));
  EXPECT_THAT(sink.rejected[0].message(), HasSubstr("(https://news.example/big)"));
  EXPECT_THAT(sink.rejected[0].message(), HasSubstr("exceeds 1000 bytes"));
  EXPECT_EQ(sink.rejected[1].message(), "c.warc@" + std::to_string(records[0].size()) +
                                            ": empty HTML page (https://news.example/blank)");
  ASSERT_EQ(sink.accepted.size(), 1u);
  EXPECT_EQ(sink.accepted[0].html, "<p>ab</p>");
  EXPECT_THAT(sink.warnings, ElementsAre(sink.accepted[0].origin + ": removed 1 NUL byte"));
}

TEST_F(ReadWarcTest, ReadErrorIsTheInputsOneReport) {
  // A zstd archive cut short: the decompressor fails after handing out the first blocks
  // (zstd blocks hold up to 128 KiB), whose pages are read.
  std::string archive;
  for (int i = 0; i < 400; ++i) archive += Concat(Crawl());
  ASSERT_GT(archive.size(), 300000u);
  const std::string zst = Zstd(archive);
  CollectingSink sink = ReadBytes("crawl.warc.zst", zst.substr(0, zst.size() - 10));
  EXPECT_GT(sink.accepted.size(), 100u);
  EXPECT_LT(sink.accepted.size(), 400u);
  ASSERT_GE(sink.rejected.size(), 1u);
  int about_input = 0;
  for (const Status& s : sink.rejected) {
    if (s.message().rfind("crawl.warc.zst: offset ", 0) != 0) ++about_input;
  }
  EXPECT_EQ(about_input, 1) << ::testing::PrintToString(sink.RejectMessages());
  EXPECT_THAT(sink.RejectMessages(), ::testing::Contains(HasSubstr("zstd")));
}

// What fuzz.stream_fuzz does with its input: byte 0 picks a compression (and a cut), byte 1 a
// name, the rest is the content.
std::pair<std::string, std::string> AsStreamFuzzDoes(const std::string& data) {
  static const char* kNames[] = {
      "-",      "fz/feed.jsonl", "fz/story.txt", "fz/page.html", "fz/feed.json.gz", "fz/crawl.warc",
      "fz/data"};
  const unsigned char b0 = static_cast<unsigned char>(data[0]);
  const std::string name = kNames[static_cast<unsigned char>(data[1]) % 7];
  const std::string body = data.substr(2);
  std::string bytes;
  switch (b0 % 6) {
    case 0:
      bytes = body;
      break;
    case 1:
      bytes = Gzip(body, 1);
      break;
    case 2:
      bytes = Zstd(body, 1);
      break;
    case 3:
      bytes = Gzip(body.substr(0, body.size() / 2), 1) + Gzip(body.substr(body.size() / 2), 1);
      break;
    case 4:
      bytes = Gzip(body, 1);
      bytes.resize(bytes.size() * (b0 % 16) / 16);
      break;
    default:
      bytes = Zstd(body, 1);
      bytes.resize(bytes.size() * (b0 % 16) / 16);
      break;
  }
  return {name, bytes};
}

// The inputs on which fuzz.stream_fuzz hung (a cut zstd stream named .warc: a byte or two,
// then a read error), and their neighbours: every one ends, with one verdict per origin.
TEST_F(ReadWarcTest, TheStreamFuzzHangsEnd) {
  // The cut zstd stream hands out a byte or two (the rest of its block is missing), then
  // fails: the failure is reported, then what those bytes were.
  const std::string truncated = "fz/crawl.warc: zstd stream is truncated (it ends inside a frame)";
  struct Case {
    std::string data, garbage;
  } cases[] = {{std::string("\xef\xbb\x23\xbf", 4),  // "#"
                "fz/crawl.warc: offset 0: no WARC record starts here (1 byte skipped)"},
               {std::string("\xef\xbb\x00\x22\x30", 5),  // NUL (skipped as blank) and '"'
                "fz/crawl.warc: offset 1: no WARC record starts here (1 byte skipped)"}};
  for (const Case& c : cases) {
    auto [name, bytes] = AsStreamFuzzDoes(c.data);
    EXPECT_EQ(name, "fz/crawl.warc");
    CollectingSink sink = ReadBytes(name, bytes);
    EXPECT_TRUE(sink.accepted.empty());
    EXPECT_THAT(sink.RejectMessages(), ElementsAre(truncated, c.garbage));
  }
  // Every compression and cut of those bodies and of small archives (byte 0 mod 48 covers
  // them all), under the names that lead to the WARC reader: by name, and by content.
  const std::string warc = Concat(Crawl());
  for (const std::string& body :
       {std::string("\x23\xbf", 2), std::string("\x00\x22\x30", 3), std::string("WARC/1.0\r\n"),
        std::string("\x1f\x8b"), std::string("WARC/1.0\r\nContent-Length: 99\r\n\r\nshort"),
        warc.substr(0, 300), warc}) {
    for (int b0 = 0; b0 < 48; ++b0) {
      for (int b1 : {0, 5, 6}) {
        std::string data =
            std::string(1, static_cast<char>(b0)) + std::string(1, static_cast<char>(b1)) + body;
        auto [name, bytes] = AsStreamFuzzDoes(data);
        SCOPED_TRACE(name + " " + std::to_string(b0) + " " + std::to_string(body.size()));
        IngestOptions options;
        options.max_article_bytes = 1 << 16;
        options.max_line_bytes = 1 << 12;
        ReadBytes(name, bytes, options);
      }
    }
  }
}

// Every cut of a small archive, plain and gzip (per record and whole), ends with one verdict
// per origin, keeps the pages before the cut, and never yields a page that was not there.
TEST_F(ReadWarcTest, EveryTruncationEnds) {
  const std::vector<std::string> records = {
      WarcRecord("response", "https://news.example/1", HttpPage(Page("One", "First."))),
      WarcRecord("request", "https://news.example/2", "GET /2 HTTP/1.1\r\n\r\n"),
      WarcRecord("response", "https://news.example/2", HttpPage(Page("Two", "Second.")))};
  const std::string plain = Concat(records);
  std::vector<size_t> offsets;
  const std::string members = GzipEach(records, &offsets);
  const std::string whole = Gzip(plain);
  for (const std::string* input : {&plain, &members, &whole}) {
    for (size_t cut = 1; cut <= input->size(); ++cut) {
      SCOPED_TRACE(cut);
      CollectingSink sink = ReadBytes("t.warc", input->substr(0, cut));
      for (const Article& a : sink.accepted) {
        EXPECT_THAT(a.url, ::testing::AnyOf("https://news.example/1", "https://news.example/2"));
      }
      if (input == &members && cut >= offsets[1]) EXPECT_GE(sink.accepted.size(), 1u);
      if (input == &plain && cut >= records[0].size()) EXPECT_GE(sink.accepted.size(), 1u);
      if (cut == input->size()) EXPECT_EQ(sink.accepted.size(), 2u);
    }
  }
}

}  // namespace
}  // namespace witness
