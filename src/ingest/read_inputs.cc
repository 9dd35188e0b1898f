// ReadInputs / ReadStream: list, open, decompress, detect and dispatch each input.
#include <exception>
#include <new>

#include "ingest/decompress.h"
#include "ingest/detect.h"
#include "ingest/ingest_internal.h"
#include "ingest/read_json.h"
#include "ingest/read_warc.h"
#include "ingest/streams.h"
#include "witness/ingest.h"

namespace witness {
namespace ingest_internal {

namespace {

void Deliver(StatusOr<Article> a, const std::vector<std::string>& warnings, ArticleSink* sink) {
  if (!a.ok()) {
    sink->Reject(a.status());
    return;
  }
  for (const std::string& w : warnings) sink->Warn(w);
  sink->Accept(std::move(*a));
}

Status TooBig(const std::string& name, uint64_t total, size_t limit, bool exact) {
  return Status::ResourceExhausted(name + ": article is " + (exact ? "" : "more than ") +
                                   FormatBytes(total) + ", over the limit of " +
                                   FormatBytes(limit) + " (max_article_bytes)");
}

// Reads the whole (decompressed) input, refusing more than max_article_bytes.
StatusOr<std::string> ReadArticleBytes(const std::string& name, ByteStream* stream,
                                       const IngestOptions& options) {
  std::string bytes;
  bool over = false;
  uint64_t total = 0;
  constexpr uint64_t kCountLimit = uint64_t{1} << 30;
  WITNESS_RETURN_IF_ERROR(
      ReadAtMost(stream, options.max_article_bytes, &bytes, &over, &total, kCountLimit));
  if (over) {
    const bool exact = total - options.max_article_bytes < kCountLimit;
    return TooBig(name, total, options.max_article_bytes, exact);
  }
  return bytes;
}

void ReadPlainText(const std::string& name, ByteStream* stream, const IngestOptions& options,
                   ArticleSink* sink, std::string_view folder) {
  StatusOr<std::string> bytes = ReadArticleBytes(name, stream, options);
  if (!bytes.ok()) {
    sink->Reject(bytes.status());
    return;
  }
  std::vector<std::string> warnings;
  Deliver(ParsePlainTextImpl(*bytes, name, folder, options, &warnings), warnings, sink);
}

void ReadHtml(const std::string& name, ByteStream* stream, const IngestOptions& options,
              ArticleSink* sink, std::string_view folder) {
  StatusOr<std::string> bytes = ReadArticleBytes(name, stream, options);
  if (!bytes.ok()) {
    sink->Reject(bytes.status());
    return;
  }
  StatusOr<std::string> html = DecodeToUtf8(*bytes, name);
  if (!html.ok()) {
    sink->Reject(html.status());
    return;
  }
  Status binary = CheckNotBinary(*html, name, options.max_control_fraction);
  if (!binary.ok()) {
    sink->Reject(binary);
    return;
  }
  std::vector<std::string> warnings;
  Article a;
  a.origin = name;
  a.content_type = ContentType::kHtml;
  a.source = std::string(folder);
  // The page's own charset is the HTML cleaner's business; only NUL bytes go now.
  size_t nuls = 0;
  std::string cleaned;
  cleaned.reserve(html->size());
  for (char c : *html) {
    if (c == '\0') {
      ++nuls;
    } else {
      cleaned.push_back(c);
    }
  }
  if (nuls > 0) {
    warnings.push_back(name + ": removed " + std::to_string(nuls) +
                       (nuls == 1 ? " NUL byte" : " NUL bytes"));
  }
  a.html = std::move(cleaned);
  a.raw = std::move(*bytes);
  if (a.html.find_first_not_of(" \t\r\n") == std::string::npos) {
    sink->Reject(Status::InvalidArgument(name + ": empty HTML page"));
    return;
  }
  FinishArticleImpl(&a, options.default_source, true, &warnings);
  Deliver(std::move(a), warnings, sink);
}

void ReadJson(const std::string& name, PeekStream* body, std::string_view sniffed, bool by_name,
              const IngestOptions& options, ArticleSink* sink, std::string_view folder) {
  Status binary = CheckNotBinary(sniffed, name, options.max_control_fraction);
  if (!binary.ok()) {
    sink->Reject(binary);
    return;
  }
  StatusOr<std::unique_ptr<ByteStream>> text = OpenUtf8(body, name);
  if (!text.ok()) {
    sink->Reject(text.status());
    return;
  }
  JsonReadOptions read;
  read.name = name;
  read.folder = folder;
  read.allow_plain_text_fallback = !by_name;
  std::string consumed;
  if (ReadJsonRecords(text->get(), read, options, sink, &consumed)) return;
  PrefixedStream again(std::move(consumed), text->get());
  ReadPlainText(name, &again, options, sink, folder);
}

void ReadDecompressed(const std::string& name, ByteStream* counted, const IngestOptions& options,
                      ArticleSink* sink, std::string_view folder) {
  // A WARC archive named as one goes to the WARC reader as it is on disk: it inflates gzip
  // members one by one itself, so a damaged member costs only its own record.
  // zstd (and anything else) goes through the decompressors first.
  if (FormatByName(name) == Format::kWarc) {
    PeekStream raw(counted);
    StatusOr<std::string_view> magic = raw.Peek(5);
    if (!magic.ok()) {
      sink->Reject(magic.status());
      return;
    }
    if (magic->empty()) {
      sink->Reject(Status::InvalidArgument(name + ": empty file"));
      return;
    }
    if (magic->substr(0, 2) == "\x1f\x8b" || magic->substr(0, 5) == "WARC/") {
      ReadWarc(name, &raw, options, sink, folder);
      return;
    }
    StatusOr<std::unique_ptr<ByteStream>> inflated = OpenDecompressed(&raw, name);
    if (!inflated.ok()) {
      sink->Reject(inflated.status());
      return;
    }
    ReadWarc(name, inflated->get(), options, sink, folder);
    return;
  }
  StatusOr<std::unique_ptr<ByteStream>> decompressed = OpenDecompressed(counted, name);
  if (!decompressed.ok()) {
    sink->Reject(decompressed.status());
    return;
  }
  PeekStream body(decompressed->get());
  StatusOr<std::string_view> head = body.Peek(kSniffBytes + 4);
  if (!head.ok()) {
    sink->Reject(head.status());
    return;
  }
  if (head->empty()) {
    sink->Reject(Status::InvalidArgument(name + ": empty file"));
    return;
  }
  // What the content looks like, as UTF-8.
  const Bom bom = SniffBom(*head);
  if (bom == Bom::kUtf32Le || bom == Bom::kUtf32Be) {
    sink->Reject(
        Status::Unsupported(name + ": UTF-32 text is not supported (convert it to UTF-8 first)"));
    return;
  }
  std::string sniffed;
  if (bom == Bom::kUtf16Le || bom == Bom::kUtf16Be) {
    std::string_view units = head->substr(2);
    units = units.substr(0, units.size() - units.size() % 2);
    sniffed = Utf16ToUtf8(units, bom == Bom::kUtf16Be);
  } else {
    sniffed = std::string(head->substr(BomSize(bom)));
  }
  const std::optional<Format> by_name = FormatByName(name);
  const Format format = by_name ? *by_name : FormatByContent(sniffed);
  switch (format) {
    case Format::kWarc:
      ReadWarc(name, &body, options, sink, folder);
      return;
    case Format::kHtml:
      ReadHtml(name, &body, options, sink, folder);
      return;
    case Format::kJson:
      ReadJson(name, &body, sniffed, by_name.has_value(), options, sink, folder);
      return;
    case Format::kPlainText:
      ReadPlainText(name, &body, options, sink, folder);
      return;
  }
}

void ReadOne(std::string_view name_view, ByteStream* stream, const IngestOptions& options,
             ArticleSink* sink, std::string_view folder) {
  const std::string name(name_view);
  CountingStream counted(stream, sink);
  try {
    ReadDecompressed(name, &counted, options, sink, folder);
  } catch (const std::bad_alloc&) {
    sink->Reject(Status::ResourceExhausted(name + ": out of memory while reading"));
  } catch (const std::exception& e) {
    sink->Reject(Status::Internal(name + ": unexpected error while reading: " + e.what()));
  }
  counted.Finish();
}

}  // namespace
}  // namespace ingest_internal

void ReadStream(std::string_view name, ByteStream* stream, const IngestOptions& options,
                ArticleSink* sink) {
  ingest_internal::ReadOne(name, stream, options, sink, ingest_internal::LexicalParentName(name));
}

void ReadInputs(Env* env, const std::vector<std::string>& paths, const IngestOptions& options,
                ArticleSink* sink) {
  for (const std::string& path : paths) {
    StatusOr<std::vector<std::string>> files = env->ListFiles(path);
    if (!files.ok()) {
      sink->Reject(files.status());
      continue;
    }
    if (files->empty()) {
      sink->Reject(Status::NotFound(path + ": folder holds no files (hidden ones are skipped)"));
      continue;
    }
    for (const std::string& file : *files) {
      StatusOr<std::unique_ptr<ByteStream>> stream = env->Open(file);
      if (!stream.ok()) {
        sink->Reject(stream.status());
        continue;
      }
      ingest_internal::ReadOne(file, stream->get(), options, sink, env->ParentFolderName(file));
    }
  }
}

}  // namespace witness
