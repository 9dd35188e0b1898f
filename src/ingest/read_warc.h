// The WARC hook of ReadStream (read_warc.cc, over the reader of witness/warc.h).
#ifndef WITNESS_INGEST_READ_WARC_H_
#define WITNESS_INGEST_READ_WARC_H_

#include <string_view>

#include "witness/ingest.h"

namespace witness::ingest_internal {

// Reads the WARC records in `stream` and hands each HTML response to `sink` as an HTML article
// (origin "name@offset", url, WARC-Date and record id in extra_json, the HTTP charset as
// "http_charset"); other records are skipped. `stream` is the input as stored (plain WARC, or
// gzip, one member per record or one for all: the reader inflates members itself, so a damaged
// member costs only its records) or already decompressed (zstd). Each damaged record is one
// Reject ("name: offset N: why") and the rest is read; a read error, or an archive holding no
// HTML page, is one Reject naming the input. `folder` is the input's parent folder's name (the
// source when a record's URL names no host).
void ReadWarc(std::string_view name, ByteStream* stream, const IngestOptions& options,
              ArticleSink* sink, std::string_view folder);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_READ_WARC_H_
