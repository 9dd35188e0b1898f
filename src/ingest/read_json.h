// Reading JSON input as a stream: JSON Lines (one record per line, any size, bounded memory) and
// whole JSON documents (one object, an array of objects, or pretty-printed objects one after
// another), told apart by their first lines.
#ifndef WITNESS_INGEST_READ_JSON_H_
#define WITNESS_INGEST_READ_JSON_H_

#include <string>
#include <string_view>

#include "witness/ingest.h"

namespace witness::ingest_internal {

struct JsonReadOptions {
  std::string_view name;    // names the input in origins ("feed.jsonl:17")
  std::string_view folder;  // parent folder name: the source when a record names none
  // True when only the content said JSON (no .jsonl/.json name): if the first record is not
  // JSON and the next one is not either, the input is handed back as plain text.
  bool allow_plain_text_fallback = false;
};

// Reads UTF-8 text from `stream`. Every record reaches sink->Accept or sink->Reject once; a
// stream error ends the input with one Reject. Returns false only when it gave up on JSON
// (allow_plain_text_fallback): *consumed then holds every byte it took from `stream`, so that
// the caller can read the input again as plain text from consumed + the rest of `stream`.
bool ReadJsonRecords(ByteStream* stream, const JsonReadOptions& read, const IngestOptions& options,
                     ArticleSink* sink, std::string* consumed);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_READ_JSON_H_
