#include "ingest/streams.h"

#include <gtest/gtest.h>

#include <cstring>

#include "ingest/testing_sink.h"

namespace witness::ingest_internal {
namespace {

using witness::testing::TrickleStream;

class FailingStream : public ByteStream {
 public:
  explicit FailingStream(std::string first) : first_(std::move(first)) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (!done_) {
      done_ = true;
      const size_t k = std::min(n, first_.size());
      std::memcpy(buf, first_.data(), k);
      return k;
    }
    return Status::IoError("f: read failed: Input/output error");
  }

 private:
  std::string first_;
  bool done_ = false;
};

struct Line {
  enum Kind { kLine, kTooLong } kind;
  uint64_t number;
  std::string text;  // or the size, for kTooLong
  friend bool operator==(const Line&, const Line&) = default;
};

// The reference: split on '\n' in one go.
std::vector<Line> ReferenceLines(const std::string& data, size_t max_line) {
  std::vector<Line> out;
  size_t start = 0;
  uint64_t n = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    const std::string line = data.substr(start, end - start);
    ++n;
    if (line.size() > max_line) {
      out.push_back({Line::kTooLong, n, std::to_string(line.size())});
    } else {
      out.push_back({Line::kLine, n, line});
    }
    start = end + 1;
  }
  return out;
}

std::vector<Line> ReadAllLines(ByteStream* s, size_t max_line) {
  LineReader reader(s, max_line);
  std::vector<Line> out;
  std::string_view line;
  uint64_t n, size;
  Status error;
  while (true) {
    switch (reader.Next(&line, &n, &size, &error)) {
      case LineReader::Kind::kLine:
        out.push_back({Line::kLine, n, std::string(line)});
        break;
      case LineReader::Kind::kTooLong:
        out.push_back({Line::kTooLong, n, std::to_string(size)});
        break;
      case LineReader::Kind::kEnd:
        return out;
      case LineReader::Kind::kError:
        ADD_FAILURE() << error.ToString();
        return out;
    }
  }
}

TEST(LineReaderTest, MatchesReferenceSplitAcrossBufferBoundaries) {
  // Lines of many lengths, some over the limit, some around the 1 MiB read chunk.
  std::string data;
  for (int i = 0; i < 300; ++i) {
    const size_t len = (i * 7919u) % 5000 + (i % 50 == 0 ? 1500000 : 0);
    data += std::string(len, static_cast<char>('a' + i % 26));
    if (i % 17 == 0) data += "\r";
    data += "\n";
    if (i % 23 == 0) data += "\n";  // blank lines count
  }
  data += "last line without newline";
  for (size_t max_line : {size_t{4000}, size_t{2000000}}) {
    for (size_t step : {size_t{1} << 20, size_t{65536}, size_t{4093}}) {
      TrickleStream s(data, step);
      EXPECT_EQ(ReadAllLines(&s, max_line), ReferenceLines(data, max_line))
          << "max " << max_line << " step " << step;
    }
  }
}

TEST(LineReaderTest, EmptyAndNewlineOnly) {
  TrickleStream empty("", 10);
  EXPECT_TRUE(ReadAllLines(&empty, 10).empty());
  TrickleStream newlines("\n\n", 1);
  const std::vector<Line> expected = {{Line::kLine, 1, ""}, {Line::kLine, 2, ""}};
  EXPECT_EQ(ReadAllLines(&newlines, 10), expected);
}

TEST(LineReaderTest, TooLongLastLineWithoutNewline) {
  TrickleStream s("ok\n" + std::string(100, 'x'), 7);
  const std::vector<Line> expected = {{Line::kLine, 1, "ok"}, {Line::kTooLong, 2, "100"}};
  EXPECT_EQ(ReadAllLines(&s, 10), expected);
}

TEST(LineReaderTest, StreamErrorIsReported) {
  FailingStream s("a\nb");
  LineReader reader(&s, 100);
  std::string_view line;
  uint64_t n, size;
  Status error;
  ASSERT_EQ(reader.Next(&line, &n, &size, &error), LineReader::Kind::kLine);
  EXPECT_EQ(line, "a");
  ASSERT_EQ(reader.Next(&line, &n, &size, &error), LineReader::Kind::kError);
  EXPECT_EQ(error.code(), Status::Code::kIoError);
}

TEST(PeekStreamTest, PeekThenReadSeesEveryByteOnce) {
  const std::string data = witness::testing::RandomBytes(10000, 5);
  TrickleStream source(data, 100);
  PeekStream s(&source);
  StatusOr<std::string_view> head = s.Peek(4000);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(*head, data.substr(0, 4000));
  std::string out;
  char buf[333];
  while (true) {
    StatusOr<size_t> r = s.Read(buf, sizeof(buf));
    ASSERT_TRUE(r.ok());
    if (*r == 0) break;
    out.append(buf, *r);
    if (out.size() == 999) {
      StatusOr<std::string_view> again = s.Peek(10);
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(*again, data.substr(999, 10));
    }
  }
  EXPECT_EQ(out, data);
}

TEST(PeekStreamTest, PeekPastTheEnd) {
  TrickleStream source("abc", 1);
  PeekStream s(&source);
  StatusOr<std::string_view> head = s.Peek(100);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(*head, "abc");
}

TEST(ReadAtMostTest, UnderAtAndOverTheLimit) {
  std::string out;
  bool over;
  uint64_t total;
  TrickleStream a("12345", 2);
  ASSERT_TRUE(ReadAtMost(&a, 5, &out, &over, &total).ok());
  EXPECT_FALSE(over);
  EXPECT_EQ(out, "12345");
  EXPECT_EQ(total, 5u);
  TrickleStream b("123456789", 2);
  ASSERT_TRUE(ReadAtMost(&b, 5, &out, &over, &total).ok());
  EXPECT_TRUE(over);
  EXPECT_EQ(out, "12345");
  EXPECT_EQ(total, 9u);
  TrickleStream c(std::string(5000, 'x'), 1000);
  ASSERT_TRUE(ReadAtMost(&c, 10, &out, &over, &total, 100).ok());
  EXPECT_TRUE(over);
  EXPECT_LE(total, 10u + 100u + (1u << 20));  // counting stops soon after the count limit
  EXPECT_GT(total, 10u);
}

TEST(CountingStreamTest, ReportsProgress) {
  witness::testing::CollectingSink sink;
  TrickleStream source(std::string(3u << 20, 'x'), 1 << 16);
  CountingStream s(&source, &sink);
  std::string buf(1 << 16, '\0');
  while (*s.Read(buf.data(), buf.size()) > 0) {
  }
  s.Finish();
  EXPECT_EQ(sink.last_progress, 3u << 20);
  EXPECT_GE(sink.progress_calls, 3);
  EXPECT_LE(sink.progress_calls, 5);
}

}  // namespace
}  // namespace witness::ingest_internal
