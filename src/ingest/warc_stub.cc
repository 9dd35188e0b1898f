// WARC input until the WARC reader is wired in (see read_warc.h).
#include <string>

#include "ingest/read_warc.h"

namespace witness::ingest_internal {

void ReadWarc(std::string_view name, ByteStream* stream, const IngestOptions& options,
              ArticleSink* sink, std::string_view folder) {
  sink->Reject(
      Status::Unsupported(std::string(name) + ": WARC reading is not available in this build"));
}

}  // namespace witness::ingest_internal
