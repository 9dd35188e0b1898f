// Stream plumbing shared by the ingest readers: look-ahead, progress counting, bounded
// whole-input reads and a line reader with a length limit. None of these own their source.
#ifndef WITNESS_INGEST_STREAMS_H_
#define WITNESS_INGEST_STREAMS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "witness/ingest.h"
#include "witness/status.h"

namespace witness::ingest_internal {

// Bytes from a fixed buffer: for tests, MemEnv and re-reading what was already taken.
class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string data) : data_(std::move(data)) {}
  StatusOr<size_t> Read(char* buf, size_t n) override;

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Bytes of a buffer the caller keeps alive.
class ViewStream : public ByteStream {
 public:
  explicit ViewStream(std::string_view data) : data_(data) {}
  StatusOr<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Replays `prefix`, then continues with `rest`.
class PrefixedStream : public ByteStream {
 public:
  PrefixedStream(std::string prefix, ByteStream* rest) : prefix_(std::move(prefix)), rest_(rest) {}
  StatusOr<size_t> Read(char* buf, size_t n) override;

 private:
  std::string prefix_;
  size_t pos_ = 0;
  ByteStream* rest_;
};

// A stream whose head can be inspected before it is consumed.
class PeekStream : public ByteStream {
 public:
  explicit PeekStream(ByteStream* source) : source_(source) {}
  // The first `n` unread bytes (fewer only at the end of the stream, or before a read error,
  // which Read then returns once those bytes are consumed). The view stays valid until the
  // next Read or Peek.
  StatusOr<std::string_view> Peek(size_t n);
  StatusOr<size_t> Read(char* buf, size_t n) override;

 private:
  ByteStream* source_;
  std::string head_;
  size_t pos_ = 0;
  bool eof_ = false;
  Status error_;  // a read error met while peeking, returned after the bytes before it
};

// Counts the bytes that pass and reports them to a sink's Progress() about every MiB.
class CountingStream : public ByteStream {
 public:
  CountingStream(ByteStream* source, ArticleSink* sink) : source_(source), sink_(sink) {}
  StatusOr<size_t> Read(char* buf, size_t n) override;
  uint64_t bytes() const { return bytes_; }
  // Reports the final count (once per input).
  void Finish();

 private:
  static constexpr uint64_t kStep = 1u << 20;
  ByteStream* source_;
  ArticleSink* sink_;
  uint64_t bytes_ = 0;
  uint64_t next_report_ = kStep;
};

// Reads the whole stream into `out` when it holds at most `limit` bytes. When it holds more,
// `out` keeps the first `limit` bytes, *total receives the full size (counted by reading on
// without keeping, up to `count_limit` further bytes) and *over is set.
Status ReadAtMost(ByteStream* stream, size_t limit, std::string* out, bool* over, uint64_t* total,
                  uint64_t count_limit = uint64_t{1} << 30);

// Splits a stream into lines ("\n"; a trailing "\r" stays on the line), keeping at most
// `max_line` bytes of any line in memory. Line numbers count from 1 and include blank lines.
class LineReader {
 public:
  enum class Kind {
    kLine,     // *line holds the line, without its "\n"
    kTooLong,  // the line was longer than max_line and was skipped; *too_long_size is its size
    kEnd,      // no more lines
    kError,    // the stream failed; *error says why
  };
  LineReader(ByteStream* source, size_t max_line);
  Kind Next(std::string_view* line, uint64_t* line_number, uint64_t* too_long_size, Status* error);
  // The unread bytes already buffered (after the last line returned), for handing the rest of
  // the stream to another reader together with `source`.
  std::string_view Buffered() const;
  // Lines returned so far (kLine and kTooLong).
  uint64_t lines_read() const { return line_number_; }

 private:
  Status Fill();  // appends more bytes; sets eof_

  ByteStream* source_;
  size_t max_line_;
  std::string buf_;
  size_t begin_ = 0;  // start of the unread part of buf_
  size_t end_ = 0;    // end of valid data in buf_
  size_t scan_ = 0;   // no "\n" in [begin_, scan_)
  bool eof_ = false;
  uint64_t line_number_ = 0;
};

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_STREAMS_H_
