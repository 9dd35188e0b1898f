// witness/ingest.h: reading articles from files, folders, stdin and streams.
//
// Usage:
//   class Printer : public witness::ArticleSink {
//     void Accept(witness::Article a) override { ... }
//     void Reject(const witness::Status& why) override { std::cerr << why.message() << "\n"; }
//   } sink;
//   witness::ReadInputs(witness::Env::Default(), {"articles/", "feed.jsonl.gz", "-"}, {}, &sink);
//
// Rules:
//   - A path is a file, a folder (read recursively, files in sorted order, hidden files and
//     folders skipped) or "-" for standard input.
//   - gzip (also multi-member) and zstd input is recognised by its magic bytes, whatever its name.
//   - Format by name, then by content: *.jsonl / *.ndjson / *.json, or text whose first
//     non-space byte is '{', is JSON Lines; *.html / *.htm, or text starting with '<!doctype' or
//     '<html' (any case, after spaces/BOM), is HTML; *.warc / *.warc.gz is WARC; anything else is a
//     plain-text article, one per file.
//   - Every input that cannot become an article (an empty or binary file, a malformed JSON line,
//     an oversized article, an unreadable path) reaches Reject() exactly once, with a one-line
//     message that names it ("feed.jsonl:17: ...", "a/b.txt: ...") and the reason. Every other
//     input still reaches Accept(). ReadInputs never throws and never aborts on bad input.
//   - Articles reach Accept() finished: `text` normalised (text.h Normalize), `id`, `source`,
//     `origin` and `word_count` set. HTML articles have `html` set; `text` holds the extracted
//     body when an extractor is available and is empty otherwise.
//
// Details (additions to the rules above):
//   - JSON input whose first line opens a document ('[' or a lone '{' not followed by another
//     record line) is read as one document of at most max_line_bytes: one object (origin =
//     the path), an array of objects or objects one after another (origin = path:line where
//     each starts, path:line:column when several start on one line). A text found to start
//     with '{' by content only, whose first two lines are not JSON, is read as plain text.
//   - Text with a UTF-8 BOM loses it; UTF-16 with a BOM is converted; UTF-32 is refused
//     (kUnsupported), and so are bzip2, xz, lz4 and zip input. Plain text that holds no valid
//     multi-byte UTF-8 at all but Windows-1252 bytes is read as Windows-1252, with a warning.
//   - Corrupt or truncated gzip/zstd is one Reject (kCorruption) for the file; in JSON Lines
//     the records before the damage have landed already.
//   - WARC input goes to a WARC reader (src/ingest/read_warc.h); without one it is refused.
#ifndef WITNESS_INGEST_H_
#define WITNESS_INGEST_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/status.h"

namespace witness {

// A source of bytes. Read() returns the number of bytes read, 0 at the end.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  virtual StatusOr<size_t> Read(char* buf, size_t n) = 0;
};

// The file system as ingest sees it; tests use an in-memory one.
class Env {
 public:
  virtual ~Env() = default;
  // Opens a file for reading ("-" is standard input).
  virtual StatusOr<std::unique_ptr<ByteStream>> Open(const std::string& path) = 0;
  // The regular files a path names: itself when it is a file, every file below it (sorted,
  // hidden entries skipped) when it is a folder. NotFound/IoError when it cannot be read.
  virtual StatusOr<std::vector<std::string>> ListFiles(const std::string& path) = 0;
  // The name of the folder that holds `path`, which supplies an article's source when nothing
  // else names one: "corpus/daily-planet/a.txt" -> "daily-planet". This default reads it from
  // the path's text ("" for "a.txt" and "-"); Env::Default() also resolves a relative path
  // against the working folder, so "a.txt" read inside daily-planet/ gives "daily-planet".
  virtual std::string ParentFolderName(const std::string& path);
  // The process's real file system. Never null; owned by witness.
  static Env* Default();
};

// An Env over files held in memory: for tests and for the fuzzers.
class MemEnv : public Env {
 public:
  MemEnv();
  ~MemEnv() override;
  void AddFile(const std::string& path, std::string contents);
  StatusOr<std::unique_ptr<ByteStream>> Open(const std::string& path) override;
  StatusOr<std::vector<std::string>> ListFiles(const std::string& path) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct IngestOptions {
  // An article whose text or HTML is larger than this is rejected (kResourceExhausted). Default
  // 64 MiB: far above any real article (the longest news pages are a few MB), low enough that a
  // stray log or dump fed in by mistake is refused rather than stored as one "article".
  size_t max_article_bytes = 64u << 20;
  // A JSON line longer than this is rejected. Default 128 MiB (an HTML page inside JSON).
  size_t max_line_bytes = 128u << 20;
  // A file whose first 8 KiB hold more than 8 NUL bytes (or more than 1% of them), or more
  // than this fraction of control bytes, is binary, and is rejected. The few NUL bytes of a
  // file that passes are removed with a warning.
  double max_control_fraction = 0.10;
  // The source used when nothing names one. Default "unknown".
  std::string default_source = "unknown";
};

class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  virtual void Accept(Article article) = 0;
  // One input that did not become an article; `why.message()` names it and says why.
  virtual void Reject(const Status& why) = 0;
  // An article that landed with a caveat (repaired UTF-8, removed NULs); names it.
  virtual void Warn(const std::string& message) {}
  // Bytes read so far from the current input (for a progress bar); may be called often.
  virtual void Progress(uint64_t bytes_read) {}
};

// Reads every path in order and hands each article to `sink`.
void ReadInputs(Env* env, const std::vector<std::string>& paths, const IngestOptions& options,
                ArticleSink* sink);

// Reads one already-opened stream named `name` (e.g. "-" or a path) in the same way.
void ReadStream(std::string_view name, ByteStream* stream, const IngestOptions& options,
                ArticleSink* sink);

// ---- The parsers behind ReadInputs, public for tests, fuzzers and other front ends. ----

// One plain-text article file. Recognises the leading metadata real sites put there: a
// " date 2022-01-10 " prefix, a title line, datelines such as "NUR-SULTAN (BLOOMBERG) -",
// "MOSCOW/ALMATY (BLOOMBERG, AFP) -", "NUR-SULTAN, Jan 10 (Reuters) -", and fills `published`,
// `title`, `places`, `agencies`. `path` names the input in errors and supplies the source
// (its parent folder's name). InvalidArgument for empty or binary input.
//   - The date prefix ("date", "dated" or "published", optional ':', an ISO 8601 or RFC 2822
//     date) and the title are removed from `text` (`raw` keeps everything).
//   - The title is the first non-blank line that is a paragraph of its own, at most 300 bytes
//     and 40 words, not ending like prose or a prompt (. : ; ,), not starting in lower case,
//     not a dateline, and followed by more text. Up to three prompt lines ending in ':' or
//     page-furniture lines ("Advertisement") before it are skipped and stay in the text. The
//     title repeated on the next non-blank line is removed too.
//   - The dateline stays in the text (it is part of the lede); a month-day without a year goes
//     to extra_json as "dateline_date", a full date fills `published` when it is empty.
//     Grammar: src/ingest/dateline.h.
StatusOr<Article> ParsePlainText(std::string_view bytes, std::string_view path,
                                 const IngestOptions& options = {});

// One JSON Lines record: {"id","source","url","title","published","language","text"|"html"};
// other fields land in extra_json. `origin` ("feed.jsonl:17") names it in errors.
//   - Also read: "author", "places", "agencies" (a string or an array of strings); "text" may
//     be an array of paragraphs (joined by blank lines); a numeric "id" is kept as written.
//   - Common other names count when the field's own is absent or null and their value has the
//     right type: url <- link, canonical_url; title <- headline; published <- date,
//     date_publish, datePublished, published_at, publish_date, pubdate; language <- lang;
//     text <- body, maintext, articleBody, content, paragraphs, body_paragraphs,
//     body-paragraphs; author <- authors, byline, creator; source <- source_domain, outlet,
//     publisher. Otherwise they are unknown fields.
//   - Unknown fields are kept in extra_json as written (minified), in input order.
//   - published: ISO 8601 date or date-time (or RFC 2822), normalised to "2022-01-10",
//     "2022-01-10T08:00:00Z" or "...+03:00" (fraction dropped, zone as given). An invalid date
//     or language tag is a warning: the field stays empty and the value goes to extra_json.
//   - A dateline opening the text fills places and agencies when the record has none.
//   - Rejected: invalid JSON, not an object, a known field of the wrong type, no text and no
//     html, text or html over max_article_bytes. Invalid UTF-8 is repaired (a warning).
StatusOr<Article> ParseJsonLine(std::string_view line, std::string_view origin,
                                const IngestOptions& options = {});

// Completes an article: normalises `text`, derives `source` when empty (URL host, else
// `fallback_source`), `id` when empty (ContentId), and `word_count`. Also makes `title`,
// `author` and `source` one NFC line each (whitespace runs become one space), trims `url` and
// `id`, and sets `extra_json` to "{}" when empty.
void FinishArticle(Article* article, std::string_view fallback_source);
// The same, appending one message per caveat (repaired UTF-8, removed NUL bytes) to *warnings,
// each naming article->origin.
void FinishArticle(Article* article, std::string_view fallback_source,
                   std::vector<std::string>* warnings);

// The stable id of an article with none given: 16 hex digits of XXH3-64 over source, URL and
// normalised text (html when text is empty). Same content, same id, on every machine.
std::string ContentId(const Article& article);

// "https://www.ft.com/content/x" -> "ft.com" (lower case, "www." removed); "" when none.
std::string HostOfUrl(std::string_view url);

}  // namespace witness

#endif  // WITNESS_INGEST_H_
