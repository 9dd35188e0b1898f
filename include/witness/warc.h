// witness/warc.h: reading web archives (WARC, ISO 28500), plain or gzip-compressed.
//
// Usage:
//   witness::warc::WarcHtmlReader pages("news.warc.gz", witness::warc::ReadFromStream(stream));
//   witness::warc::HtmlPage page;
//   for (;;) {
//     witness::StatusOr<bool> more = pages.Next(&page);
//     if (!more.ok()) { sink->Reject(more.status()); continue; }  // one damaged record; go on
//     if (!*more) break;                                         // end of the archive
//     use(page.target_uri, page.date, page.html);
//   }
//
// Rules:
//   - Input is a plain .warc or a gzip file, recognised by its first bytes (never by name). A
//     gzip file may hold one member for the whole archive or one member per record (Common
//     Crawl); members are inflated one after another.
//   - Records are framed by their Content-Length. Header lines end in CRLF (a bare LF is
//     accepted); a line that starts with a space or tab continues the previous header.
//   - Next() returns true with a record, false at the end, or a non-ok Status for one damaged
//     stretch of input (a truncated or malformed record, garbage between records, a corrupt
//     gzip member). The message is one line naming the input and the byte offset ("a.warc.gz:
//     offset 18234: corrupt gzip member: invalid distance too far back"). The reader has then
//     already resynchronised (at the next "WARC/1." line in plain input, at the next gzip
//     member in compressed input): call Next() again to read the rest. Never throws, never
//     aborts, always advances. A read error from the ReadFn is returned once, as the stream
//     worded it (named with the input unless it already starts "name: "); the input ends
//     there, after what was read before it.
//   - Offsets are of the input as given: the record's first byte in a plain file, the start of
//     the gzip member holding its first byte in a compressed one (as CDX indexes give them).
//     When a member holds more than one record (a whole archive gzipped as one member), the
//     later ones also carry how far into the member's inflated bytes they start
//     (offset_in_member), and messages write both: "offset 0+5120". Every report and every
//     record of one input has its own location.
//   - Response records whose Content-Type is application/http are parsed: status line, headers,
//     chunked Transfer-Encoding removed, gzip/deflate Content-Encoding decoded. A payload that
//     cannot be decoded is reported in `http_error`, and the record is still returned.
//   - Limits (WarcOptions) bound memory: a record or decoded payload over its limit is skipped
//     and reported (kResourceExhausted), and the reader goes on.
#ifndef WITNESS_WARC_H_
#define WITNESS_WARC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "witness/ingest.h"
#include "witness/status.h"

namespace witness::warc {

// A source of bytes: fills up to n bytes into buf, returns how many (0 at the end).
using ReadFn = std::function<StatusOr<size_t>(char* buf, size_t n)>;

// Adapters: a ByteStream (not owned; must outlive the reader) or bytes held in memory (the
// view must outlive the reader).
inline ReadFn ReadFromStream(ByteStream* stream) {
  return [stream](char* buf, size_t n) { return stream->Read(buf, n); };
}
ReadFn ReadFromMemory(std::string_view bytes);

struct WarcOptions {
  // A record whose content block is larger than this is skipped (kResourceExhausted). Default
  // 96 MiB: an HTML page with its HTTP headers stays far below it.
  uint64_t max_record_bytes = 96ull << 20;
  // The WARC header section of one record may not exceed this. Default 1 MiB.
  size_t max_header_bytes = 1u << 20;
  // A decoded HTTP payload (after un-chunking and inflating) may not exceed this. Default
  // 64 MiB, the ingest limit of one article; it also stops compression bombs.
  size_t max_payload_bytes = 64u << 20;
  // Parse response records' HTTP messages. Default true.
  bool parse_http = true;
};

struct WarcRecord {
  std::string version;       // "WARC/1.0", "WARC/1.1"
  std::string type;          // WARC-Type as written: "response", "request", "warcinfo", ...
  std::string target_uri;    // WARC-Target-URI ("" when absent); "<...>" brackets removed
  std::string date;          // WARC-Date, ISO 8601 as written ("2022-01-10T08:00:00Z")
  std::string record_id;     // WARC-Record-ID ("<urn:uuid:...>")
  std::string content_type;  // Content-Type of the block ("application/http; msgtype=response")
  std::vector<std::pair<std::string, std::string>> headers;  // every WARC header, in order
  uint64_t content_length = 0;
  uint64_t offset = 0;            // see Rules
  uint64_t offset_in_member = 0;  // gzip: where in its member's inflated bytes it starts
  std::string block;              // the content block as stored

  // Filled for response records with an application/http block (when parse_http is on).
  int http_status = 0;            // 200, 404, ...; 0 when not parsed
  std::string http_headers;       // the status line and header lines, as stored
  std::string http_content_type;  // the HTTP Content-Type header ("text/html; charset=utf-8")
  std::string payload;            // the HTTP body, de-chunked and decoded
  std::string http_error;         // why the body could not be decoded; "" when it could
  Status::Code http_error_code = Status::Code::kOk;  // its code (kResourceExhausted: too big)

  // The value of a WARC header (case-insensitive name); "" when absent.
  std::string_view Header(std::string_view name) const;
};

class WarcReader {
 public:
  // `name` names the input in messages (a path, "-").
  WarcReader(std::string name, ReadFn read, const WarcOptions& options = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // See Rules.
  StatusOr<bool> Next(WarcRecord* record);

  // Input bytes consumed so far (compressed bytes for gzip input): for progress.
  uint64_t bytes_read() const;
  // True once the input turned out to be gzip.
  bool compressed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One HTML page fetched by the crawler.
struct HtmlPage {
  std::string target_uri;  // the URL fetched
  std::string date;        // the fetch time (WARC-Date)
  std::string record_id;
  std::string content_type;  // the HTTP Content-Type ("text/html; charset=windows-1251")
  std::string html;          // the decoded HTTP body
  uint64_t offset = 0;       // as WarcRecord::offset
  uint64_t offset_in_member = 0;
};

// Yields only successful HTML responses: WARC-Type "response", an application/http block,
// HTTP status 200 and Content-Type text/html or application/xhtml+xml. warcinfo, request,
// metadata, revisit, resource and conversion records, redirects and errors, and other media
// are skipped (counted in stats()). A response whose body could not be decoded is reported,
// with the code of the failure (kResourceExhausted for a body over max_payload_bytes).
class WarcHtmlReader {
 public:
  struct Stats {
    uint64_t records = 0;         // records read whole
    uint64_t pages = 0;           // HTML pages returned
    uint64_t skipped_type = 0;    // not a response record
    uint64_t skipped_status = 0;  // HTTP status other than 200
    uint64_t skipped_media = 0;   // not HTML
    uint64_t errors = 0;          // damaged stretches reported
  };
  WarcHtmlReader(std::string name, ReadFn read, const WarcOptions& options = {});
  StatusOr<bool> Next(HtmlPage* page);
  const Stats& stats() const { return stats_; }
  const WarcReader& reader() const { return reader_; }

 private:
  std::string name_;
  WarcReader reader_;
  Stats stats_;
  WarcRecord record_;
};

// ---- Parts, public for tests and fuzzers ----

struct HttpResponse {
  int status = 0;
  std::string status_line;
  std::string headers;  // status line and header lines as stored, up to the blank line
  std::vector<std::pair<std::string, std::string>> header_list;
  std::string body;                                 // de-chunked and decoded
  std::string Header(std::string_view name) const;  // case-insensitive; "" when absent
};

// Parses one HTTP response message. InvalidArgument for a missing or malformed status line or
// header section; Corruption for a body whose chunking or Content-Encoding is damaged;
// ResourceExhausted when the decoded body would exceed `max_body`; Unsupported for a
// Content-Encoding witness cannot decode (br).
StatusOr<HttpResponse> ParseHttpResponse(std::string_view message, size_t max_body = 64u << 20);

// A record's location as messages write it: "18234", or "0+5120" for a record 5120 inflated
// bytes into the gzip member at offset 0.
std::string FormatOffset(uint64_t offset, uint64_t offset_in_member);

// "text/html; charset=UTF-8" -> "text/html" (lower case, parameters and spaces removed).
std::string MediaType(std::string_view content_type);

}  // namespace witness::warc

#endif  // WITNESS_WARC_H_
