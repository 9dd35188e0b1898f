// Internal entry points shared by the ingest readers (src/ingest only).
#ifndef WITNESS_INGEST_INGEST_INTERNAL_H_
#define WITNESS_INGEST_INGEST_INTERNAL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/ingest.h"
#include "witness/status.h"

namespace witness::ingest_internal {

// The name of the folder a path's text names as its parent: "corpus/daily-planet/a.txt" ->
// "daily-planet"; "" for "a.txt", "/a.txt" and "-".
std::string LexicalParentName(std::string_view path);

// "70,123,456 bytes" style sizes for messages.
std::string FormatBytes(uint64_t n);

// ParsePlainText with the folder name that supplies the source ("" for none) and the caveats
// it finds appended to *warnings (may be null).
StatusOr<Article> ParsePlainTextImpl(std::string_view bytes, std::string_view name,
                                     std::string_view folder, const IngestOptions& options,
                                     std::vector<std::string>* warnings);

// text::Normalize in place, with a warning per kind of repair ("who: removed 2 NUL bytes").
void NormalizeText(std::string* text, std::string_view who, std::vector<std::string>* warnings);

// FinishArticle; `text_is_normalized` skips the Normalize pass for text that already went
// through it.
void FinishArticleImpl(Article* article, std::string_view fallback_source, bool text_is_normalized,
                       std::vector<std::string>* warnings);

// Fills places, agencies (and published, from a dated dateline, when empty) from a dateline
// opening one of the first paragraphs of article->text; records it in *extra as JSON members
// (",\"dateline\":...").
void ApplyDateline(Article* article, std::string* extra_members);

// Parses JSON records with a reusable parser and buffer (one per thread or reader).
class JsonRecordParser {
 public:
  JsonRecordParser();
  ~JsonRecordParser();
  JsonRecordParser(const JsonRecordParser&) = delete;
  JsonRecordParser& operator=(const JsonRecordParser&) = delete;

  // One record: `json` is an object's text; `origin` names it ("feed.jsonl:17");
  // `fallback_source` is the source when the record names none and has no URL.
  StatusOr<Article> Parse(std::string_view json, std::string_view origin,
                          const IngestOptions& options, std::string_view fallback_source,
                          std::vector<std::string>* warnings);

  // True when `json` is one well-formed JSON object (whatever its fields).
  bool IsJsonObjectText(std::string_view json);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_INGEST_INTERNAL_H_
