// Transparent decompression: a ByteStream wrapper that recognises gzip (also multi-member, as
// Common Crawl WARC files are) and zstd (also multi-frame) by their magic bytes and inflates
// them; anything else passes through unchanged. Also used by the WARC reader.
#ifndef WITNESS_INGEST_DECOMPRESS_H_
#define WITNESS_INGEST_DECOMPRESS_H_

#include <memory>
#include <string>
#include <string_view>

#include "witness/ingest.h"
#include "witness/status.h"

namespace witness::ingest_internal {

enum class Compression {
  kNone,
  kGzip,
  kZstd,
  // Recognised but not read: refused with a clear message instead of "binary file".
  kBzip2,
  kXz,
  kLz4,
  kZip,
};

// The compression the first bytes of a stream announce (at least 6 bytes are needed to tell
// them all apart; fewer give kNone unless they suffice).
Compression SniffCompression(std::string_view head);
std::string_view CompressionName(Compression c);

// A stream of the gzip members in `source` (not owned), inflated and concatenated. Errors are
// kCorruption and name `name`: "feed.jsonl.gz: gzip stream is truncated".
std::unique_ptr<ByteStream> NewGzipStream(ByteStream* source, std::string name);
// The same for zstd frames (skippable frames are skipped).
std::unique_ptr<ByteStream> NewZstdStream(ByteStream* source, std::string name);

// Wraps `source` (not owned) in a stream of its decompressed bytes: gzip and zstd are inflated
// whatever the name, other input is passed through. kUnsupported for bzip2, xz, lz4 and zip.
// `*detected` (optional) receives what was found.
StatusOr<std::unique_ptr<ByteStream>> OpenDecompressed(ByteStream* source, std::string name,
                                                       Compression* detected = nullptr);

// Decompresses a whole buffer (gzip, zstd or plain), keeping at most `max_output` bytes:
// kResourceExhausted beyond that. For callers holding one record in memory (WARC).
StatusOr<std::string> DecompressBuffer(std::string_view bytes, std::string_view name,
                                       size_t max_output);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_DECOMPRESS_H_
