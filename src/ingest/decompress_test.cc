#include "ingest/decompress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

#include "ingest/streams.h"
#include "ingest/testing_sink.h"

namespace witness::ingest_internal {
namespace {

using ::testing::HasSubstr;
using witness::testing::Gzip;
using witness::testing::RandomBytes;
using witness::testing::Zstd;

using witness::testing::TrickleStream;

// Reads everything, `chunk` bytes per call.
StatusOr<std::string> Drain(ByteStream* s, size_t chunk = 4096) {
  std::string out;
  std::string buf(chunk, '\0');
  while (true) {
    StatusOr<size_t> r = s->Read(buf.data(), buf.size());
    if (!r.ok()) return r.status();
    if (*r == 0) return out;
    out.append(buf.data(), *r);
  }
}

StatusOr<std::string> Decompress(const std::string& bytes, size_t step = 1 << 20,
                                 size_t chunk = 4096, Compression* found = nullptr) {
  TrickleStream source(bytes, step);
  StatusOr<std::unique_ptr<ByteStream>> s = OpenDecompressed(&source, "in.gz", found);
  if (!s.ok()) return s.status();
  return Drain(s->get(), chunk);
}

std::string SomeText(size_t n) {
  std::string out;
  for (size_t i = 0; out.size() < n; ++i)
    out += "line " + std::to_string(i * 7919 % 1000) + " of text\n";
  out.resize(n);
  return out;
}

TEST(SniffCompressionTest, RecognisesMagicBytes) {
  EXPECT_EQ(SniffCompression(Gzip("x")), Compression::kGzip);
  EXPECT_EQ(SniffCompression(Zstd("x")), Compression::kZstd);
  EXPECT_EQ(SniffCompression(std::string("\x50\x2A\x4D\x18\0\0\0\0", 8)), Compression::kZstd);
  EXPECT_EQ(SniffCompression(std::string("\xFD"
                                         "7zXZ\0\0",
                                         7)),
            Compression::kXz);
  EXPECT_EQ(SniffCompression("BZh91AY&SY...."), Compression::kBzip2);
  EXPECT_EQ(SniffCompression(std::string("PK\x03\x04", 4)), Compression::kZip);
  EXPECT_EQ(SniffCompression("BZh is a word"), Compression::kNone);
  EXPECT_EQ(SniffCompression("plain text"), Compression::kNone);
  EXPECT_EQ(SniffCompression(""), Compression::kNone);
  EXPECT_EQ(SniffCompression("\x1f"), Compression::kNone);
}

TEST(DecompressTest, PlainInputPassesThrough) {
  const std::string text = SomeText(100000);
  Compression found;
  StatusOr<std::string> out = Decompress(text, 333, 1000, &found);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
  EXPECT_EQ(found, Compression::kNone);
  StatusOr<std::string> empty = Decompress("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, "");
}

TEST(DecompressTest, GzipSingleMember) {
  const std::string text = SomeText(300000);
  for (size_t step : {1u, 7u, 4096u, 1u << 20}) {
    StatusOr<std::string> out = Decompress(Gzip(text), step, 777);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, text) << "step " << step;
  }
}

TEST(DecompressTest, GzipIncompressibleData) {
  const std::string data = RandomBytes(200000, 3);
  StatusOr<std::string> out = Decompress(Gzip(data, 1), 5000, 100000);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, data);
}

TEST(DecompressTest, GzipMultiMemberIsConcatenated) {
  // Common Crawl WARC files: one gzip member per record.
  std::string joined, expected;
  for (int i = 0; i < 50; ++i) {
    const std::string part = "record " + std::to_string(i) + "\n" + SomeText(i * 37);
    joined += Gzip(part);
    expected += part;
  }
  joined += Gzip("");  // an empty member too
  for (size_t step : {1u, 13u, 1u << 20}) {
    StatusOr<std::string> out = Decompress(joined, step, 100);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, expected) << "step " << step;
  }
}

TEST(DecompressTest, GzipZeroPaddingAfterLastMemberIsAccepted) {
  const std::string text = SomeText(5000);
  StatusOr<std::string> out = Decompress(Gzip(text) + std::string(512, '\0'));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);
}

TEST(DecompressTest, GzipTruncatedIsCorruptionNamingTheInput) {
  const std::string gz = Gzip(SomeText(100000));
  for (size_t cut : {size_t{3}, size_t{10}, gz.size() / 2, gz.size() - 4, gz.size() - 1}) {
    StatusOr<std::string> out = Decompress(gz.substr(0, cut), 1000);
    ASSERT_FALSE(out.ok()) << "cut at " << cut;
    EXPECT_EQ(out.status().code(), Status::Code::kCorruption);
    EXPECT_THAT(out.status().message(), HasSubstr("in.gz: "));
  }
  StatusOr<std::string> second_cut = Decompress(Gzip("first") + gz.substr(0, gz.size() / 2));
  ASSERT_FALSE(second_cut.ok());
  EXPECT_THAT(second_cut.status().message(), HasSubstr("truncated"));
  EXPECT_THAT(second_cut.status().message(), HasSubstr("member 2"));
}

TEST(DecompressTest, GzipCorruptDataAndTrailingGarbage) {
  std::string gz = Gzip(SomeText(50000));
  std::string flipped = gz;
  for (size_t i = 20; i < 60; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
  StatusOr<std::string> bad = Decompress(flipped);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);

  StatusOr<std::string> garbage = Decompress(gz + "trailing words");
  ASSERT_FALSE(garbage.ok());
  EXPECT_THAT(garbage.status().message(), HasSubstr("unexpected data after gzip member 1"));

  StatusOr<std::string> pad_then_garbage = Decompress(gz + std::string(4, '\0') + "x");
  ASSERT_FALSE(pad_then_garbage.ok());
}

TEST(DecompressTest, ErrorIsSticky) {
  TrickleStream source(Gzip(SomeText(10000)).substr(0, 30), 100);
  auto s = OpenDecompressed(&source, "x.gz");
  ASSERT_TRUE(s.ok());
  StatusOr<std::string> first = Drain(s->get());
  ASSERT_FALSE(first.ok());
  char buf[16];
  StatusOr<size_t> again = (*s)->Read(buf, sizeof(buf));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status(), first.status());
}

TEST(DecompressTest, ZstdSingleAndMultiFrame) {
  const std::string a = SomeText(200000), b = RandomBytes(70000, 9), c = SomeText(10);
  for (size_t step : {1u, 999u, 1u << 20}) {
    StatusOr<std::string> one = Decompress(Zstd(a), step, 5000);
    ASSERT_TRUE(one.ok()) << one.status().ToString();
    EXPECT_EQ(*one, a);
    StatusOr<std::string> many = Decompress(Zstd(a) + Zstd(b) + Zstd("") + Zstd(c), step, 3000);
    ASSERT_TRUE(many.ok()) << many.status().ToString();
    EXPECT_EQ(*many, a + b + c);
  }
}

TEST(DecompressTest, ZstdSkippableFrameFirst) {
  std::string skippable(
      "\x50\x2A\x4D\x18\x04\x00\x00\x00"
      "meta",
      12);
  StatusOr<std::string> out = Decompress(skippable + Zstd("hello"));
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "hello");
}

TEST(DecompressTest, ZstdTruncatedAndCorrupt) {
  const std::string z = Zstd(SomeText(100000));
  for (size_t cut : {size_t{4}, size_t{8}, z.size() / 2, z.size() - 1}) {
    StatusOr<std::string> out = Decompress(z.substr(0, cut), 100);
    ASSERT_FALSE(out.ok()) << "cut at " << cut;
    EXPECT_EQ(out.status().code(), Status::Code::kCorruption);
    EXPECT_THAT(out.status().message(), HasSubstr("in.gz: "));
  }
  StatusOr<std::string> garbage = Decompress(z + "garbage!");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().code(), Status::Code::kCorruption);
}

TEST(DecompressTest, UnsupportedCompressionIsRefusedClearly) {
  StatusOr<std::string> xz =
      Decompress(std::string("\xFD"
                             "7zXZ\0\0\0\0\0\0",
                             11));
  ASSERT_FALSE(xz.ok());
  EXPECT_EQ(xz.status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(xz.status().message(),
            "in.gz: xz-compressed input is not supported (decompress it first, or recompress "
            "with gzip or zstd)");
}

TEST(DecompressBufferTest, InflatesAndLimits) {
  const std::string text = SomeText(10000);
  StatusOr<std::string> out = DecompressBuffer(Gzip(text), "rec", 1 << 20);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, text);
  StatusOr<std::string> plain = DecompressBuffer("as is", "rec", 100);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "as is");
  StatusOr<std::string> big = DecompressBuffer(Zstd(text), "rec", 100);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), Status::Code::kResourceExhausted);
  EXPECT_THAT(big.status().message(), HasSubstr("rec: "));
}

}  // namespace
}  // namespace witness::ingest_internal
