#include "ingest/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <vector>

#include "ingest/streams.h"

namespace witness::ingest_internal {

namespace {

constexpr size_t kInChunk = 64u << 10;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// gzip members, one after another. Between members, zero bytes (padding some writers add) are
// skipped; anything else that is not a new member is corruption.
class GzipStream : public ByteStream {
 public:
  GzipStream(ByteStream* source, std::string name)
      : source_(source), name_(std::move(name)), in_(kInChunk) {
    std::memset(&z_, 0, sizeof(z_));
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
      status_ = Status::Internal(name_ + ": cannot start the gzip decoder (out of memory?)");
    } else {
      initialised_ = true;
    }
  }
  ~GzipStream() override {
    if (initialised_) inflateEnd(&z_);
  }

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    if (done_ || n == 0) return size_t{0};
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    // zlib counts in uInt; a larger request is simply served in part.
    z_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt want = z_.avail_out;
    while (z_.avail_out == want) {
      if (z_.avail_in == 0 && !eof_) {
        StatusOr<size_t> r = source_->Read(reinterpret_cast<char*>(in_.data()), in_.size());
        if (!r.ok()) return Fail(r.status());
        if (*r == 0) {
          eof_ = true;
        } else {
          z_.next_in = in_.data();
          z_.avail_in = static_cast<uInt>(*r);
        }
      }
      if (between_members_) {
        if (z_.avail_in == 0) {
          if (eof_) {
            done_ = true;
            break;
          }
          continue;
        }
        if (*z_.next_in == 0) {  // padding after the last member
          ++z_.next_in;
          --z_.avail_in;
          ++consumed_;
          saw_padding_ = true;
          continue;
        }
        if (saw_padding_ || *z_.next_in != 0x1f) {
          return Fail(Status::Corruption(name_ + ": unexpected data after gzip member " +
                                         std::to_string(members_) + " (at byte " +
                                         std::to_string(consumed_) + ")"));
        }
        inflateReset(&z_);
        between_members_ = false;
      }
      const uInt avail_in_before = z_.avail_in;
      const uInt avail_out_before = z_.avail_out;
      const int ret = inflate(&z_, Z_NO_FLUSH);
      consumed_ += avail_in_before - z_.avail_in;
      if (ret == Z_STREAM_END) {
        ++members_;
        between_members_ = true;
        continue;
      }
      if (ret == Z_OK || ret == Z_BUF_ERROR) {
        const bool progress = z_.avail_in != avail_in_before || z_.avail_out != avail_out_before;
        if (!progress && z_.avail_in == 0 && eof_) {
          return Fail(Status::Corruption(name_ +
                                         ": gzip stream is truncated (it ends inside member " +
                                         std::to_string(members_ + 1) + ")"));
        }
        if (!progress && z_.avail_in > 0) {  // cannot happen with zlib; never spin
          return Fail(Status::Corruption(name_ + ": gzip decoder made no progress"));
        }
        continue;
      }
      if (ret == Z_MEM_ERROR)
        return Fail(Status::ResourceExhausted(name_ + ": out of memory in gzip decoder"));
      std::string why = z_.msg != nullptr ? z_.msg : "invalid data";
      return Fail(Status::Corruption(name_ + ": corrupt gzip data (" + why + ") in member " +
                                     std::to_string(members_ + 1)));
    }
    return static_cast<size_t>(want - z_.avail_out);
  }

 private:
  Status Fail(Status s) {
    status_ = std::move(s);
    return status_;
  }

  ByteStream* source_;
  std::string name_;
  std::vector<Bytef> in_;
  z_stream z_;
  bool initialised_ = false;
  bool eof_ = false;
  bool done_ = false;
  bool between_members_ = false;
  bool saw_padding_ = false;
  uint64_t members_ = 0;
  uint64_t consumed_ = 0;
  Status status_;
};

class ZstdStream : public ByteStream {
 public:
  ZstdStream(ByteStream* source, std::string name)
      : source_(source), name_(std::move(name)), in_(ZSTD_DStreamInSize()) {
    dctx_ = ZSTD_createDCtx();
    if (dctx_ == nullptr) status_ = Status::Internal(name_ + ": cannot start the zstd decoder");
    input_ = ZSTD_inBuffer{in_.data(), 0, 0};
  }
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    if (done_ || n == 0) return size_t{0};
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size && !eof_) {
        StatusOr<size_t> r = source_->Read(in_.data(), in_.size());
        if (!r.ok()) return Fail(r.status());
        if (*r == 0) {
          eof_ = true;
        } else {
          input_ = ZSTD_inBuffer{in_.data(), *r, 0};
        }
      }
      const size_t in_before = input_.pos;
      const size_t ret = ZSTD_decompressStream(dctx_, &out, &input_);
      if (ZSTD_isError(ret)) {
        return Fail(
            Status::Corruption(name_ + ": corrupt zstd data (" + ZSTD_getErrorName(ret) + ")"));
      }
      const bool progress = input_.pos != in_before || out.pos != 0;
      // 0: a frame just ended and is flushed. A call that did nothing says nothing new (its
      // hint is the size of the next frame's header).
      if (progress) frame_open_ = ret != 0;
      if (!progress && input_.pos == input_.size && eof_) {
        if (frame_open_) {
          return Fail(
              Status::Corruption(name_ + ": zstd stream is truncated (it ends inside a frame)"));
        }
        done_ = true;
        break;
      }
    }
    return out.pos;
  }

 private:
  Status Fail(Status s) {
    status_ = std::move(s);
    return status_;
  }

  ByteStream* source_;
  std::string name_;
  std::vector<char> in_;
  ZSTD_DCtx* dctx_ = nullptr;
  ZSTD_inBuffer input_;
  bool eof_ = false;
  bool done_ = false;
  bool frame_open_ = false;
  Status status_;
};

// Owns the look-ahead and the decoder stacked on a caller's source.
class DecompressedStream : public ByteStream {
 public:
  DecompressedStream(std::unique_ptr<PeekStream> head, std::unique_ptr<ByteStream> decoder)
      : head_(std::move(head)), decoder_(std::move(decoder)) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    return decoder_ ? decoder_->Read(buf, n) : head_->Read(buf, n);
  }

 private:
  std::unique_ptr<PeekStream> head_;
  std::unique_ptr<ByteStream> decoder_;
};

}  // namespace

Compression SniffCompression(std::string_view h) {
  const auto u = [&](size_t i) { return i < h.size() ? static_cast<unsigned char>(h[i]) : 0x100u; };
  if (u(0) == 0x1f && u(1) == 0x8b) return Compression::kGzip;
  if (u(0) == 0x28 && u(1) == 0xb5 && u(2) == 0x2f && u(3) == 0xfd) return Compression::kZstd;
  if (u(0) >= 0x50 && u(0) <= 0x5f && u(1) == 0x2a && u(2) == 0x4d && u(3) == 0x18) {
    return Compression::kZstd;  // a skippable frame first (pzstd and others write one)
  }
  if (StartsWith(h, "BZh") && u(3) >= '1' && u(3) <= '9' && h.substr(4, 6) == "1AY&SY") {
    return Compression::kBzip2;
  }
  if (StartsWith(h, std::string_view("\xFD"
                                     "7zXZ\0",
                                     6)))
    return Compression::kXz;
  if (StartsWith(h, std::string_view("\x04\x22\x4D\x18", 4))) return Compression::kLz4;
  if (StartsWith(h, std::string_view("PK\x03\x04", 4))) return Compression::kZip;
  return Compression::kNone;
}

std::string_view CompressionName(Compression c) {
  switch (c) {
    case Compression::kNone:
      return "none";
    case Compression::kGzip:
      return "gzip";
    case Compression::kZstd:
      return "zstd";
    case Compression::kBzip2:
      return "bzip2";
    case Compression::kXz:
      return "xz";
    case Compression::kLz4:
      return "lz4";
    case Compression::kZip:
      return "zip";
  }
  return "unknown";
}

std::unique_ptr<ByteStream> NewGzipStream(ByteStream* source, std::string name) {
  return std::make_unique<GzipStream>(source, std::move(name));
}

std::unique_ptr<ByteStream> NewZstdStream(ByteStream* source, std::string name) {
  return std::make_unique<ZstdStream>(source, std::move(name));
}

StatusOr<std::unique_ptr<ByteStream>> OpenDecompressed(ByteStream* source, std::string name,
                                                       Compression* detected) {
  auto head = std::make_unique<PeekStream>(source);
  StatusOr<std::string_view> magic = head->Peek(16);
  if (!magic.ok()) return magic.status();
  const Compression c = SniffCompression(*magic);
  if (detected != nullptr) *detected = c;
  std::unique_ptr<ByteStream> decoder;
  switch (c) {
    case Compression::kNone:
      break;
    case Compression::kGzip:
      decoder = NewGzipStream(head.get(), std::move(name));
      break;
    case Compression::kZstd:
      decoder = NewZstdStream(head.get(), std::move(name));
      break;
    case Compression::kBzip2:
    case Compression::kXz:
    case Compression::kLz4:
    case Compression::kZip:
      return Status::Unsupported(name + ": " + std::string(CompressionName(c)) +
                                 "-compressed input is not supported (decompress it first, or "
                                 "recompress with gzip or zstd)");
  }
  std::unique_ptr<ByteStream> out =
      std::make_unique<DecompressedStream>(std::move(head), std::move(decoder));
  return out;
}

StatusOr<std::string> DecompressBuffer(std::string_view bytes, std::string_view name,
                                       size_t max_output) {
  ViewStream source(bytes);
  StatusOr<std::unique_ptr<ByteStream>> stream = OpenDecompressed(&source, std::string(name));
  if (!stream.ok()) return stream.status();
  std::string out;
  bool over = false;
  uint64_t total = 0;
  WITNESS_RETURN_IF_ERROR(ReadAtMost(stream->get(), max_output, &out, &over, &total, 0));
  if (over) {
    return Status::ResourceExhausted(std::string(name) + ": decompresses to more than " +
                                     std::to_string(max_output) + " bytes");
  }
  return out;
}

}  // namespace witness::ingest_internal
