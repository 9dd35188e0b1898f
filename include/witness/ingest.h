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
  // A file whose first 8 KiB hold a NUL byte or more than 10% control bytes is binary, and is
  // rejected. NUL bytes in a file that passes are removed with a warning.
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
StatusOr<Article> ParsePlainText(std::string_view bytes, std::string_view path,
                                 const IngestOptions& options = {});

// One JSON Lines record: {"id","source","url","title","published","language","text"|"html"};
// other fields land in extra_json. `origin` ("feed.jsonl:17") names it in errors.
StatusOr<Article> ParseJsonLine(std::string_view line, std::string_view origin,
                                const IngestOptions& options = {});

// Completes an article: normalises `text`, derives `source` when empty (URL host, else
// `fallback_source`), `id` when empty (ContentId), and `word_count`.
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
