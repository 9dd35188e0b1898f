// WARC reading over archives built here: plain, gzip per record, gzip whole; record mixes;
// chunked and compressed bodies; damage of every kind, after which the rest must still be read.
#include "witness/warc.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "ingest/testing_watchdog.h"

namespace witness::warc {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Gzip(std::string_view data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string RawDeflate(std::string_view data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

int g_id = 0;

std::string Record(std::string_view type, std::string_view uri, std::string_view content_type,
                   std::string_view block, std::string_view extra = "") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2022-01-10T08:0" + std::to_string(g_id % 10) + ":00Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:0000-" + std::to_string(++g_id) + ">\r\n";
  r += extra;
  r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string Http(int status, std::string_view ctype, std::string_view body,
                 std::string_view extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + std::string(ctype) +
         "\r\n" + std::string(extra_headers) + "\r\n" + std::string(body);
}

std::string Chunked(std::string_view body, size_t piece) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += piece) {
    std::string_view p = body.substr(i, piece);
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx", p.size());
    out += std::string(hex) + (i == 0 ? ";ext=1" : "") + "\r\n" + std::string(p) + "\r\n";
  }
  return out + "0\r\nX-Trailer: t\r\n\r\n";
}

const std::string kPage1 =
    "<!doctype html><html><head><title>One</title></head><body><p>First page "
    "about the harbour.</p></body></html>";
const std::string kPage2 = "<html><body><p>Second page, sent chunked and gzipped.</p>" +
                           std::string(3000, 'x') + "</body></html>";
const std::string kPage3 =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<body>Third</body></html>";

// The records of a typical crawl: 9 records, 3 of them HTML pages.
std::vector<std::string> Records() {
  return {
      Record("warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC 1.0\r\n"),
      Record("request", "https://a.example/1", "application/http; msgtype=request",
             "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"),
      Record("response", "<https://a.example/1>", "application/http; msgtype=response",
             Http(200, "text/html; charset=utf-8", kPage1)),
      Record("metadata", "https://a.example/1", "application/warc-fields", "fetchTimeMs: 12\r\n"),
      Record("response", "https://a.example/logo.png", "application/http; msgtype=response",
             Http(200, "image/png", "\x89PNG....")),
      Record("response", "https://a.example/gone", "application/http; msgtype=response",
             Http(404, "text/html", "<html>not found</html>")),
      Record("response", "https://b.example/2", "application/http; msgtype=response",
             Http(200, "text/html", Chunked(Gzip(kPage2), 700),
                  "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
      Record("revisit", "https://a.example/1", "application/http; msgtype=response",
             "HTTP/1.1 200 OK\r\n\r\n",
             "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n"),
      Record(
          "response", "https://c.example/3", "application/http;msgtype=response",
          Http(200, "application/xhtml+xml", RawDeflate(kPage3), "Content-Encoding: deflate\r\n")),
  };
}

std::string Concat(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::string GzipEach(const std::vector<std::string>& parts,
                     std::vector<uint64_t>* offsets = nullptr) {
  std::string out;
  for (const auto& p : parts) {
    if (offsets) offsets->push_back(out.size());
    out += Gzip(p);
  }
  return out;
}

struct ReadAll {
  std::vector<WarcRecord> records;
  std::vector<Status> errors;
  int calls = 0;
};

ReadAll ReadRecords(const std::string& name, ReadFn fn, const WarcOptions& o = {}) {
  ReadAll out;
  WarcReader reader(name, std::move(fn), o);
  for (;;) {
    WarcRecord r;
    ++out.calls;
    if (out.calls > 100000) {
      ADD_FAILURE() << "reader does not end";
      break;
    }
    StatusOr<bool> more = reader.Next(&r);
    if (!more.ok()) {
      out.errors.push_back(more.status());
      continue;
    }
    if (!*more) break;
    out.records.push_back(std::move(r));
  }
  return out;
}

ReadAll ReadRecords(const std::string& name, const std::string& bytes, const WarcOptions& o = {}) {
  return ReadRecords(name, ReadFromMemory(bytes), o);
}

void ExpectTypical(const ReadAll& all) {
  ASSERT_EQ(all.records.size(), 9u);
  const char* types[] = {"warcinfo", "request",  "response", "metadata", "response",
                         "response", "response", "revisit",  "response"};
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(all.records[i].type, types[i]) << i;
  const WarcRecord& page = all.records[2];
  EXPECT_EQ(page.target_uri, "https://a.example/1");  // brackets removed
  EXPECT_EQ(page.http_status, 200);
  EXPECT_EQ(page.http_content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page.payload, kPage1);
  EXPECT_EQ(page.date.substr(0, 11), "2022-01-10T");
  EXPECT_THAT(page.record_id, StartsWith("<urn:uuid:"));
  EXPECT_EQ(all.records[6].payload, kPage2);  // de-chunked and gunzipped
  EXPECT_EQ(all.records[6].http_error, "");
  EXPECT_EQ(all.records[8].payload, kPage3);  // raw deflate
  EXPECT_EQ(all.records[5].http_status, 404);
  EXPECT_EQ(all.records[0].block, "software: test\r\nformat: WARC 1.0\r\n");
}

TEST(WarcReader, PlainArchive) {
  std::vector<std::string> recs = Records();
  std::string warc = Concat(recs);
  ReadAll all = ReadRecords("t.warc", warc);
  EXPECT_TRUE(all.errors.empty()) << all.errors[0].ToString();
  ExpectTypical(all);
  // Offsets are where each record starts.
  uint64_t at = 0;
  for (size_t i = 0; i < recs.size(); ++i) {
    EXPECT_EQ(all.records[i].offset, at) << i;
    EXPECT_EQ(warc.substr(at, 9), "WARC/1.0\r");
    at += recs[i].size();
  }
}

TEST(WarcReader, GzipPerRecordMembersGiveMemberOffsets) {
  std::vector<uint64_t> offsets;
  std::string gz = GzipEach(Records(), &offsets);
  WarcReader probe("t.warc.gz", ReadFromMemory(gz));
  ReadAll all = ReadRecords("t.warc.gz", gz);
  EXPECT_TRUE(all.errors.empty()) << all.errors[0].ToString();
  ExpectTypical(all);
  for (size_t i = 0; i < all.records.size(); ++i) EXPECT_EQ(all.records[i].offset, offsets[i]) << i;
  WarcRecord r;
  ASSERT_TRUE(probe.Next(&r).ok());
  EXPECT_TRUE(probe.compressed());
}

TEST(WarcReader, GzipWholeFileAndSmallReads) {
  std::string gz = Gzip(Concat(Records()));
  ReadAll all = ReadRecords("t.warc.gz", gz);
  EXPECT_TRUE(all.errors.empty());
  ExpectTypical(all);
  // The same through a stream that hands out 1..7 bytes at a time.
  for (const std::string& input : {gz, Concat(Records()), GzipEach(Records())}) {
    auto pos = std::make_shared<size_t>(0);
    auto step = std::make_shared<size_t>(0);
    ReadFn tiny = [input, pos, step](char* buf, size_t n) -> StatusOr<size_t> {
      size_t k = std::min({n, input.size() - *pos, (*step)++ % 7 + 1});
      std::memcpy(buf, input.data() + *pos, k);
      *pos += k;
      return k;
    };
    ReadAll t = ReadRecords("tiny", tiny);
    EXPECT_TRUE(t.errors.empty()) << t.errors[0].ToString();
    ExpectTypical(t);
  }
}

TEST(WarcReader, ByteStreamAdapter) {
  class Stream : public ByteStream {
   public:
    explicit Stream(std::string s) : s_(std::move(s)) {}
    StatusOr<size_t> Read(char* buf, size_t n) override {
      size_t k = std::min(n, s_.size() - pos_);
      std::memcpy(buf, s_.data() + pos_, k);
      pos_ += k;
      return k;
    }

   private:
    std::string s_;
    size_t pos_ = 0;
  } stream(GzipEach(Records()));
  ReadAll all = ReadRecords("s", ReadFromStream(&stream));
  ExpectTypical(all);
}

TEST(WarcReader, HeaderContinuationAndBareLineFeeds) {
  std::string warc =
      "WARC/1.1\nWARC-Type: resource\nWARC-Target-URI: https://x.example/a\nX-Long: first\n"
      "  second\n\tthird\nContent-Length: 5\n\nhello\n\n" +
      Record("resource", "https://x.example/b", "text/plain", "world");
  ReadAll all = ReadRecords("t.warc", warc);
  ASSERT_TRUE(all.errors.empty()) << all.errors[0].ToString();
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].version, "WARC/1.1");
  EXPECT_EQ(all.records[0].Header("x-long"), "first second third");
  EXPECT_EQ(all.records[0].block, "hello");
  EXPECT_EQ(all.records[1].block, "world");
}

TEST(WarcReader, TruncatedLastRecord) {
  std::vector<std::string> recs = Records();
  std::string warc = Concat(recs);
  std::string cut = warc.substr(0, warc.size() - 40);  // inside the last block
  ReadAll all = ReadRecords("t.warc", cut);
  ASSERT_EQ(all.records.size(), 8u);
  ASSERT_EQ(all.errors.size(), 1u);
  EXPECT_EQ(all.errors[0].code(), Status::Code::kCorruption);
  uint64_t last = warc.size() - recs.back().size();
  EXPECT_THAT(all.errors[0].message(),
              StartsWith("t.warc: offset " + std::to_string(last) + ": truncated record"));
  // Cut inside the header.
  ReadAll h = ReadRecords("t.warc", warc.substr(0, last + 30));
  ASSERT_EQ(h.records.size(), 8u);
  ASSERT_EQ(h.errors.size(), 1u);
  EXPECT_THAT(h.errors[0].message(), HasSubstr("inside its header"));
  // gzip per record, the last member cut short.
  std::vector<uint64_t> offsets;
  std::string gz = GzipEach(recs, &offsets);
  ReadAll g = ReadRecords("t.warc.gz", gz.substr(0, gz.size() - 30));
  ASSERT_EQ(g.records.size(), 8u);
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_THAT(g.errors[0].message(),
              StartsWith("t.warc.gz: offset " + std::to_string(offsets.back()) +
                         ": truncated gzip member"));
}

TEST(WarcReader, GarbageBetweenRecords) {
  std::vector<std::string> recs = Records();
  std::string warc = recs[0] + recs[1] + "this is not a record\r\nWARC/ nor this\r\n" + recs[2];
  for (size_t i = 3; i < recs.size(); ++i) warc += recs[i];
  ReadAll all = ReadRecords("t.warc", warc);
  ASSERT_EQ(all.errors.size(), 1u);
  EXPECT_THAT(all.errors[0].message(),
              StartsWith("t.warc: offset " + std::to_string(recs[0].size() + recs[1].size()) +
                         ": no WARC record starts here"));
  EXPECT_THAT(all.errors[0].message(), HasSubstr("38 bytes skipped"));
  ExpectTypical(all);
}

TEST(WarcReader, CorruptGzipMemberInTheMiddle) {
  std::vector<std::string> recs = Records();
  std::vector<uint64_t> offsets;
  std::string gz = GzipEach(recs, &offsets);
  // Damage the deflate data of record 4 (the image response).
  size_t mid = offsets[4] + 12;
  for (size_t i = mid; i < mid + 6; ++i) gz[i] = static_cast<char>(gz[i] ^ 0xA5);
  ReadAll all = ReadRecords("t.warc.gz", gz);
  ASSERT_GE(all.errors.size(), 1u);
  EXPECT_THAT(all.errors[0].message(),
              StartsWith("t.warc.gz: offset " + std::to_string(offsets[4]) + ": "));
  EXPECT_EQ(all.errors[0].code(), Status::Code::kCorruption);
  // Every other record is read, intact.
  ASSERT_EQ(all.records.size(), 8u);
  EXPECT_EQ(all.records[3].type, "metadata");
  EXPECT_EQ(all.records[4].target_uri, "https://a.example/gone");
  EXPECT_EQ(all.records[5].payload, kPage2);
  EXPECT_EQ(all.records[7].payload, kPage3);
}

TEST(WarcReader, CorruptCrcIsCaughtBeforeTheRecordIsHandedOut) {
  std::vector<std::string> recs = Records();
  std::vector<uint64_t> offsets;
  std::string gz = GzipEach(recs, &offsets);
  // The CRC32 of member 2 is the 8 bytes before member 3.
  gz[offsets[3] - 8] = static_cast<char>(gz[offsets[3] - 8] ^ 1);
  ReadAll all = ReadRecords("t.warc.gz", gz);
  ASSERT_EQ(all.errors.size(), 1u);
  EXPECT_THAT(all.errors[0].message(), HasSubstr("offset " + std::to_string(offsets[2])));
  ASSERT_EQ(all.records.size(), 8u);
  for (const WarcRecord& r : all.records) {
    EXPECT_FALSE(r.type == "response" && r.target_uri == "https://a.example/1");
  }
}

TEST(WarcReader, GarbageBetweenGzipMembers) {
  std::vector<std::string> recs = Records();
  std::string gz = Gzip(recs[0]) + Gzip(recs[1]) + std::string("\0\0garbage!", 10);
  uint64_t at = gz.size() - 10;
  for (size_t i = 2; i < recs.size(); ++i) gz += Gzip(recs[i]);
  ReadAll all = ReadRecords("t.warc.gz", gz);
  ASSERT_EQ(all.errors.size(), 1u);
  EXPECT_EQ(all.errors[0].message(), "t.warc.gz: offset " + std::to_string(at) +
                                         ": 10 bytes that are not a gzip member skipped");
  ExpectTypical(all);
}

TEST(WarcReader, MissingOrBadContentLength) {
  std::vector<std::string> recs = Records();
  std::string bad = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n";
  std::string none = "WARC/1.0\r\nWARC-Type: response\r\n\r\nabc\r\n\r\n";
  ReadAll all = ReadRecords("t.warc", recs[0] + bad + recs[1] + none + recs[2]);
  ASSERT_EQ(all.errors.size(), 2u);
  EXPECT_THAT(all.errors[0].message(), HasSubstr("bad Content-Length '12x'"));
  EXPECT_THAT(all.errors[1].message(), HasSubstr("without Content-Length"));
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[2].payload, kPage1);
}

TEST(WarcReader, OversizedRecordIsSkippedAndReported) {
  std::vector<std::string> recs = Records();
  WarcOptions o;
  o.max_record_bytes = 1000;
  std::string big =
      Record("resource", "https://x.example/big", "text/plain", std::string(5000, 'b'));
  ReadAll all = ReadRecords("t.warc", recs[0] + big + recs[1] + big, o);
  ASSERT_EQ(all.errors.size(), 2u);
  EXPECT_EQ(all.errors[0].code(), Status::Code::kResourceExhausted);
  EXPECT_THAT(all.errors[0].message(), HasSubstr("exceeds the limit of 1000"));
  EXPECT_THAT(all.errors[0].message(),
              StartsWith("t.warc: offset " + std::to_string(recs[0].size())));
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[1].type, "request");
  // A decoded payload over its limit is reported on the record, which still comes.
  WarcOptions p;
  p.max_payload_bytes = 1000;
  ReadAll q = ReadRecords("t.warc", Concat(recs), p);
  ASSERT_EQ(q.records.size(), 9u);
  EXPECT_THAT(q.records[6].http_error, HasSubstr("exceeds 1000 bytes"));
  EXPECT_EQ(q.records[6].http_status, 200);
}

TEST(WarcReader, ReadErrorEndsTheInput) {
  std::string warc = Concat(Records());
  auto pos = std::make_shared<size_t>(0);
  ReadFn failing = [warc, pos](char* buf, size_t n) -> StatusOr<size_t> {
    if (*pos >= 1500) return Status::IoError("disk on fire");
    size_t k = std::min({n, warc.size() - *pos, size_t{100}});
    std::memcpy(buf, warc.data() + *pos, k);
    *pos += k;
    return k;
  };
  ReadAll all = ReadRecords("t.warc", failing);
  ASSERT_GE(all.errors.size(), 1u);
  EXPECT_EQ(all.errors[0].code(), Status::Code::kIoError);
  EXPECT_THAT(all.errors[0].message(), HasSubstr("disk on fire"));
  EXPECT_LT(all.records.size(), 9u);
}

// A stream that hands out `head` (in pieces of `step` bytes) and then fails on every read.
ReadFn FailingAfter(std::string head, size_t step) {
  auto pos = std::make_shared<size_t>(0);
  return [head, step, pos](char* buf, size_t n) -> StatusOr<size_t> {
    if (*pos >= head.size()) return Status::Corruption("t.warc: stream is truncated");
    size_t k = std::min({n, head.size() - *pos, step});
    std::memcpy(buf, head.data() + *pos, k);
    *pos += k;
    return k;
  };
}

// The hang fuzz.stream_fuzz found: a cut zstd stream hands out a byte or two, then fails.
// Before the fix the first bytes stayed in the raw buffer (format detection stopped at the
// error), the window stayed empty and the end never came: Next() spun forever. Now the bytes
// read before a read error are read, the error is reported once, and the input ends.
TEST(WarcReader, ReadErrorWhileDetectingTheFormatEnds) {
  witness::testing::Watchdog watchdog("WarcReader.ReadErrorWhileDetectingTheFormatEnds", 60);
  for (const std::string head :
       {std::string("#"), std::string("\x23\xbf"), std::string("\0\"0", 3), std::string("\x1f"),
        std::string("\x1f\x8b"), std::string("\x1f\x8b\x08"), std::string("\n"),
        std::string("WARC/1.0\r\n"), Records()[0].substr(0, 40), Gzip(Records()[0]).substr(0, 12),
        std::string()}) {
    for (size_t step : {size_t{1}, size_t{2}, size_t{4096}}) {
      SCOPED_TRACE(::testing::PrintToString(head) + " step " + std::to_string(step));
      ReadAll all = ReadRecords("t.warc", FailingAfter(head, step));
      ASSERT_LE(all.calls, 4);
      ASSERT_GE(all.errors.size(), 1u);
      // The read error comes once, as the stream worded it (it names the input already).
      int read_errors = 0;
      for (const Status& e : all.errors) {
        EXPECT_THAT(e.message(), StartsWith("t.warc: "));
        if (e.message() == "t.warc: stream is truncated") ++read_errors;
      }
      EXPECT_EQ(read_errors, 1);
      EXPECT_TRUE(all.records.empty());
    }
  }
  // The bytes read before the error are read, not lost: one stray byte is reported as such.
  for (const std::string head : {std::string("#"), std::string("\x23\xbf")}) {
    ReadAll all = ReadRecords("t.warc", FailingAfter(head, 1));
    ASSERT_EQ(all.errors.size(), 2u);
    EXPECT_EQ(all.errors[0].message(), "t.warc: stream is truncated");
    EXPECT_EQ(all.errors[1].message(), "t.warc: offset 0: no WARC record starts here (" +
                                           std::to_string(head.size()) +
                                           (head.size() == 1 ? " byte" : " bytes") + " skipped)");
  }
}

// The same through WarcHtmlReader, and with a complete record before the failure: it is read.
TEST(WarcReader, RecordsBeforeAReadErrorAreRead) {
  witness::testing::Watchdog watchdog("WarcReader.RecordsBeforeAReadErrorAreRead", 60);
  std::vector<std::string> recs = Records();
  for (const std::string& head :
       {Concat(recs).substr(0, recs[0].size() + recs[1].size() + recs[2].size() + 10),
        GzipEach({recs[0], recs[1], recs[2]}) + "\x1f"}) {
    WarcHtmlReader pages("t.warc", FailingAfter(head, 3));
    HtmlPage p;
    std::vector<std::string> got, errors;
    for (int calls = 0; calls < 10; ++calls) {
      StatusOr<bool> more = pages.Next(&p);
      if (!more.ok()) {
        errors.push_back(more.status().message());
        continue;
      }
      if (!*more) break;
      got.push_back(p.target_uri);
    }
    EXPECT_THAT(got, ::testing::ElementsAre("https://a.example/1"));
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0], "t.warc: stream is truncated");
    for (size_t i = 1; i < errors.size(); ++i)
      EXPECT_THAT(errors[i], StartsWith("t.warc: offset "));
  }
}

// One gzip member for the whole archive: records after the first carry how far into the
// member they start, and every report names its own place.
TEST(WarcReader, RecordsInsideOneMemberHaveDistinctLocations) {
  std::vector<std::string> recs = Records();
  ReadAll all = ReadRecords("t.warc.gz", Gzip(Concat(recs)));
  ASSERT_EQ(all.records.size(), 9u);
  uint64_t at = 0;
  for (size_t i = 0; i < recs.size(); ++i) {
    EXPECT_EQ(all.records[i].offset, 0u);
    EXPECT_EQ(all.records[i].offset_in_member, at) << i;
    at += recs[i].size();
  }
  EXPECT_EQ(FormatOffset(0, 0), "0");
  EXPECT_EQ(FormatOffset(18234, 0), "18234");
  EXPECT_EQ(FormatOffset(0, 5120), "0+5120");
  // Two garbage stretches and a cut record inside one member: three reports, three places.
  std::string damaged = recs[0] + "junk\r\n" + recs[1] + "more junk\r\n" + recs[2] +
                        recs[3].substr(0, recs[3].size() / 2);
  ReadAll d = ReadRecords("t.warc.gz", Gzip(damaged));
  ASSERT_EQ(d.records.size(), 3u);
  ASSERT_EQ(d.errors.size(), 3u);
  const size_t g1 = recs[0].size(), g2 = g1 + 6 + recs[1].size();
  const size_t cut = g2 + 11 + recs[2].size();
  EXPECT_THAT(d.errors[0].message(), StartsWith("t.warc.gz: offset 0+" + std::to_string(g1) +
                                                ": no WARC record starts here"));
  EXPECT_THAT(d.errors[1].message(), StartsWith("t.warc.gz: offset 0+" + std::to_string(g2) +
                                                ": no WARC record starts here"));
  EXPECT_THAT(d.errors[2].message(),
              StartsWith("t.warc.gz: offset 0+" + std::to_string(cut) + ": truncated record"));
}

// A member whose CRC is wrong is reported at the record it held, before the record is handed
// out; a cut member after complete ones is reported at its own offset.
TEST(WarcReader, DamagedMemberIsReportedAtItsRecord) {
  std::vector<std::string> recs = Records();
  std::vector<uint64_t> offsets;
  std::string gz = GzipEach(recs, &offsets);
  gz[offsets[3] - 8] = static_cast<char>(gz[offsets[3] - 8] ^ 1);
  ReadAll all = ReadRecords("t.warc.gz", gz);
  ASSERT_EQ(all.errors.size(), 1u);
  EXPECT_THAT(all.errors[0].message(),
              StartsWith("t.warc.gz: offset " + std::to_string(offsets[2]) + ": corrupt gzip"));
}

TEST(WarcHtmlReader, OnlyHtmlResponses) {
  for (const std::string& input : {Concat(Records()), GzipEach(Records())}) {
    WarcHtmlReader pages("t.warc", ReadFromMemory(input));
    std::vector<HtmlPage> got;
    HtmlPage p;
    for (;;) {
      StatusOr<bool> more = pages.Next(&p);
      ASSERT_TRUE(more.ok()) << more.status().ToString();
      if (!*more) break;
      got.push_back(p);
    }
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0].target_uri, "https://a.example/1");
    EXPECT_EQ(got[0].html, kPage1);
    EXPECT_EQ(got[0].content_type, "text/html; charset=utf-8");
    EXPECT_FALSE(got[0].date.empty());
    EXPECT_EQ(got[1].target_uri, "https://b.example/2");
    EXPECT_EQ(got[1].html, kPage2);
    EXPECT_EQ(got[2].html, kPage3);
    const auto& st = pages.stats();
    EXPECT_EQ(st.records, 9u);
    EXPECT_EQ(st.pages, 3u);
    EXPECT_EQ(st.skipped_type, 4u);    // warcinfo, request, metadata, revisit
    EXPECT_EQ(st.skipped_status, 1u);  // 404
    EXPECT_EQ(st.skipped_media, 1u);   // png
    EXPECT_EQ(st.errors, 0u);
  }
}

TEST(WarcHtmlReader, UndecodableHtmlBodyIsReported) {
  std::string rec = Record("response", "https://d.example/", "application/http; msgtype=response",
                           Http(200, "text/html", "not gzip at all", "Content-Encoding: gzip\r\n"));
  std::string input = rec + Records()[2];
  WarcHtmlReader pages("t.warc", ReadFromMemory(input));
  HtmlPage p;
  StatusOr<bool> first = pages.Next(&p);
  ASSERT_FALSE(first.ok());
  EXPECT_THAT(first.status().message(), HasSubstr("https://d.example/"));
  EXPECT_THAT(first.status().message(), HasSubstr("damaged"));
  StatusOr<bool> second = pages.Next(&p);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(*second);
  EXPECT_EQ(p.html, kPage1);
}

TEST(ParseHttpResponse, Parts) {
  StatusOr<HttpResponse> r =
      ParseHttpResponse("HTTP/2 301\r\nLocation: https://x/\r\nX-Folded: a\r\n b\r\n\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 301);
  EXPECT_EQ(r->Header("location"), "https://x/");
  EXPECT_EQ(r->Header("X-Folded"), "a b");
  EXPECT_EQ(r->body, "");
  EXPECT_EQ(ParseHttpResponse("GARBAGE").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 abc\r\n\r\n").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n")
                .status()
                .code(),
            Status::Code::kCorruption);
  EXPECT_EQ(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx").status().code(),
            Status::Code::kUnsupported);
  StatusOr<HttpResponse> c = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Chunked("hello chunked world", 4));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->body, "hello chunked world");
  EXPECT_EQ(MediaType(" Text/HTML ; charset=UTF-8"), "text/html");
  // A compression bomb stops at the limit.
  std::string bomb = Gzip(std::string(10u << 20, 'a'));
  StatusOr<HttpResponse> b =
      ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + bomb, 1u << 20);
  EXPECT_EQ(b.status().code(), Status::Code::kResourceExhausted);
}

// Random damage to valid archives: the reader always ends, never crashes, and reads at least
// the records before the first damaged byte.
TEST(WarcReader, RandomDamageAlwaysEnds) {
  std::mt19937 rng(11);
  std::vector<std::string> recs = Records();
  std::string plain = Concat(recs);
  std::string gz = GzipEach(recs);
  for (int iter = 0; iter < 200; ++iter) {
    std::string input = iter % 2 ? gz : plain;
    int edits = 1 + rng() % 4;
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % input.size();
      switch (rng() % 3) {
        case 0:
          input[at] = static_cast<char>(rng());
          break;
        case 1:
          input.erase(at, 1 + rng() % 50);
          break;
        default:
          input.insert(at, std::string(1 + rng() % 30, static_cast<char>(rng())));
          break;
      }
    }
    ReadAll all = ReadRecords("r", input);
    EXPECT_LE(all.calls, static_cast<int>(input.size()) + 20);
  }
}

}  // namespace
}  // namespace witness::warc
