// The WARC hook of ReadStream. Another component provides the WARC reader; until the lead wires
// it here (replace the body of ReadWarc in warc_stub.cc with a call to it), WARC input is
// refused with one clear Reject.
#ifndef WITNESS_INGEST_READ_WARC_H_
#define WITNESS_INGEST_READ_WARC_H_

#include <string_view>

#include "witness/ingest.h"

namespace witness::ingest_internal {

// Reads the WARC records in `stream` (already decompressed: gzip members and zstd frames are
// inflated and concatenated, so a Common Crawl .warc.gz arrives as plain WARC) and hands each
// article to `sink`, one Accept or Reject per record. `name` names the input in origins
// ("crawl.warc.gz:<offset>" style is up to the reader); `folder` is its parent folder's name.
void ReadWarc(std::string_view name, ByteStream* stream, const IngestOptions& options,
              ArticleSink* sink, std::string_view folder);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_READ_WARC_H_
