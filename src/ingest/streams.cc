#include "ingest/streams.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace witness::ingest_internal {

namespace {
// Reads start small (most articles are a few KB, and a folder may hold a million of them) and
// grow geometrically up to kChunk per read.
constexpr size_t kFirstChunk = 16u << 10;
constexpr size_t kChunk = 1u << 20;
}  // namespace

StatusOr<size_t> StringStream::Read(char* buf, size_t n) {
  const size_t k = std::min(n, data_.size() - pos_);
  if (k > 0) std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

StatusOr<size_t> ViewStream::Read(char* buf, size_t n) {
  const size_t k = std::min(n, data_.size() - pos_);
  if (k > 0) std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

StatusOr<size_t> PrefixedStream::Read(char* buf, size_t n) {
  if (pos_ < prefix_.size()) {
    const size_t k = std::min(n, prefix_.size() - pos_);
    std::memcpy(buf, prefix_.data() + pos_, k);
    pos_ += k;
    if (pos_ == prefix_.size()) {
      prefix_.clear();
      prefix_.shrink_to_fit();
      pos_ = 0;
    }
    return k;
  }
  if (rest_ == nullptr) return size_t{0};
  return rest_->Read(buf, n);
}

StatusOr<std::string_view> PeekStream::Peek(size_t n) {
  if (pos_ > 0) {
    head_.erase(0, pos_);
    pos_ = 0;
  }
  while (head_.size() < n && !eof_) {
    const size_t old = head_.size();
    head_.resize(n);
    StatusOr<size_t> r = source_->Read(head_.data() + old, n - old);
    if (!r.ok()) {
      head_.resize(old);
      if (old == 0) return r.status();
      // Hand out what was read; the error comes once it is consumed.
      error_ = r.status();
      eof_ = true;
      break;
    }
    head_.resize(old + *r);
    if (*r == 0) eof_ = true;
  }
  return std::string_view(head_).substr(0, std::min(n, head_.size()));
}

StatusOr<size_t> PeekStream::Read(char* buf, size_t n) {
  if (pos_ < head_.size()) {
    const size_t k = std::min(n, head_.size() - pos_);
    std::memcpy(buf, head_.data() + pos_, k);
    pos_ += k;
    if (pos_ == head_.size()) {
      head_.clear();
      pos_ = 0;
    }
    return k;
  }
  if (!error_.ok()) return error_;
  if (eof_) return size_t{0};
  return source_->Read(buf, n);
}

StatusOr<size_t> CountingStream::Read(char* buf, size_t n) {
  StatusOr<size_t> r = source_->Read(buf, n);
  if (r.ok()) {
    bytes_ += *r;
    if (sink_ != nullptr && bytes_ >= next_report_) {
      sink_->Progress(bytes_);
      next_report_ = (bytes_ / kStep + 1) * kStep;
    }
  }
  return r;
}

void CountingStream::Finish() {
  if (sink_ != nullptr) sink_->Progress(bytes_);
}

Status ReadAtMost(ByteStream* stream, size_t limit, std::string* out, bool* over, uint64_t* total,
                  uint64_t count_limit) {
  limit = std::min<size_t>(limit, SIZE_MAX - 1);
  out->clear();
  *over = false;
  *total = 0;
  // Read until limit + 1 bytes are held: one byte more than allowed proves the input too big.
  while (true) {
    const size_t step = std::clamp(out->size(), kFirstChunk, kChunk);
    const size_t want = std::min(step, limit + 1 - out->size());
    if (want == 0) break;
    const size_t old = out->size();
    out->resize(old + want);
    StatusOr<size_t> r = stream->Read(out->data() + old, want);
    if (!r.ok()) {
      out->resize(old);
      return r.status();
    }
    out->resize(old + *r);
    if (*r == 0) {
      *total = out->size();
      return Status::OK();
    }
  }
  *over = true;
  uint64_t counted = out->size();
  out->erase(limit);  // (erase, not resize: g++ 12 warns falsely on resize here)
  std::string scratch(kChunk, '\0');
  while (counted - limit < count_limit) {
    StatusOr<size_t> r = stream->Read(scratch.data(), scratch.size());
    if (!r.ok()) break;  // the size is a courtesy; the input is refused either way
    if (*r == 0) break;
    counted += *r;
  }
  *total = counted;
  return Status::OK();
}

LineReader::LineReader(ByteStream* source, size_t max_line)
    : source_(source), max_line_(std::max<size_t>(max_line, 1)) {}

std::string_view LineReader::Buffered() const {
  return std::string_view(buf_).substr(begin_, end_ - begin_);
}

Status LineReader::Fill() {
  if (begin_ > 0 && (begin_ == end_ || begin_ >= buf_.size() / 2)) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  const size_t free_space = buf_.size() - end_;
  if (free_space < kFirstChunk || free_space < std::min(buf_.size(), kChunk) / 4) {
    buf_.resize(std::max(std::max(buf_.size() * 2, kFirstChunk * 4), end_ + kFirstChunk));
  }
  StatusOr<size_t> r = source_->Read(buf_.data() + end_, buf_.size() - end_);
  if (!r.ok()) return r.status();
  if (*r == 0) eof_ = true;
  end_ += *r;
  return Status::OK();
}

LineReader::Kind LineReader::Next(std::string_view* line, uint64_t* line_number,
                                  uint64_t* too_long_size, Status* error) {
  if (scan_ < begin_) scan_ = begin_;
  while (true) {
    const char* nl =
        scan_ < end_
            ? static_cast<const char*>(std::memchr(buf_.data() + scan_, '\n', end_ - scan_))
            : nullptr;
    if (nl != nullptr) {
      const size_t pos = static_cast<size_t>(nl - buf_.data());
      const size_t len = pos - begin_;
      *line_number = ++line_number_;
      if (len > max_line_) {  // found whole but too long (buffer grew before the check)
        *too_long_size = len;
        begin_ = scan_ = pos + 1;
        return Kind::kTooLong;
      }
      *line = std::string_view(buf_).substr(begin_, len);
      begin_ = scan_ = pos + 1;
      return Kind::kLine;
    }
    scan_ = end_;
    if (eof_) {
      if (begin_ == end_) return Kind::kEnd;
      *line_number = ++line_number_;
      const size_t len = end_ - begin_;
      if (len > max_line_) {
        *too_long_size = len;
        begin_ = scan_ = end_;
        return Kind::kTooLong;
      }
      *line = std::string_view(buf_).substr(begin_, len);
      begin_ = scan_ = end_;
      return Kind::kLine;
    }
    if (end_ - begin_ > max_line_) {
      // Too long: drop what is held and skip to the next newline, counting.
      uint64_t skipped = end_ - begin_;
      begin_ = scan_ = end_ = 0;
      while (true) {
        Status s = Fill();
        if (!s.ok()) {
          *error = s;
          return Kind::kError;
        }
        const char* p = static_cast<const char*>(std::memchr(buf_.data(), '\n', end_));
        if (p != nullptr) {
          const size_t pos = static_cast<size_t>(p - buf_.data());
          skipped += pos;
          begin_ = scan_ = pos + 1;
          break;
        }
        skipped += end_;
        begin_ = scan_ = end_ = 0;
        if (eof_) break;
      }
      *line_number = ++line_number_;
      *too_long_size = skipped;
      return Kind::kTooLong;
    }
    Status s = Fill();
    if (!s.ok()) {
      *error = s;
      return Kind::kError;
    }
  }
}

}  // namespace witness::ingest_internal
