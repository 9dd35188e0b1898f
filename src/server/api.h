// server/api.h: the JSON documents of the HTTP API, built from a Store (no HTTP here).
//
// Each builder reads through the Store it is given (one thread at a time, store.h) and returns
// the document, or the Store's Status (NotFound for an unknown id, InvalidArgument for a bad
// filter). doc/manual.md ("witness serve") documents every field.
#ifndef WITNESS_SERVER_API_H_
#define WITNESS_SERVER_API_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "witness/pipeline.h"
#include "witness/status.h"
#include "witness/store.h"
#include "witness/stories.h"
#include "witness/syndication.h"

namespace witness::server {

// ---- GET /api/stories ----

struct StoryListQuery {
  std::string since;   // ISO 8601 date: stories active on or after it
  std::string source;  // stories this outlet reported
  std::string query;   // words of the label
  uint32_t min_articles = 1;
  uint64_t limit = 50;  // >= 1
  uint64_t offset = 0;
};

// {"stories": [StoryToJson + "sources"], "offset", "limit", "more": bool, "total": N|null}.
// "total" counts every live story and is given only when no filter is set.
StatusOr<nlohmann::json> StoryListJson(Store* store, const StoryListQuery& query);

// ---- GET /api/stories/{id} ----

// What a story page depends on that can change as articles arrive: the story row, its
// members, and the relations among the analysed ones.
struct StoryState {
  stories::Story story;
  std::vector<stories::StoryMember> members;
  size_t analysed = 0;                              // the first `analysed` members are read in full
  std::vector<syndication::RelatedPair> relations;  // among the analysed, each pair once
  // A digest of all of the above: equal fingerprints give equal story pages.
  std::string fingerprint;
};

StatusOr<StoryState> LoadStoryState(Store* store, std::string_view id_or_alias,
                                    uint32_t max_analysed_members);

// The story page: {"story", "members", "analysed", "truncated", "graph", "quotes", "figures",
// "digest", "comparison"}. Reads the analysed members' articles; runs quote extraction and
// collation, figure extraction and comparison, and the story hooks (story_hooks.h).
StatusOr<nlohmann::json> StoryDetailJson(Store* store, const StoryState& state);

// ---- GET /api/articles/{id} ----

// `witness show --json`'s document plus "story" ({"id", "label", "articles"} or null),
// "relations" (each with the other article's source, title (or the start of its text) and
// story), "likely_source" (an id; "" when none), "likely_source_article" ({"id", "source",
// "title", "published"} when that is another article, else null) and
// "reading": the clean paragraphs and the removed blocks in input order
// ([{"kind": "text", "begin", "end"} | {"kind": "removed", "rule", "reason", "text",
// "placed": bool}]).
StatusOr<nlohmann::json> ArticleDetailJson(Store* store, std::string_view id_or_prefix);

// The order in which the clean text's paragraphs and the removed blocks stood in the input,
// found by looking each up in `raw` (or `html`). Exposed for tests.
struct ReadingItem {
  bool removed = false;
  size_t index = 0;    // paragraph index (text) or boilerplate index (removed)
  bool placed = true;  // false: a removed block not found in the input, put at the end
};
std::vector<ReadingItem> ReadingOrder(const Article& article,
                                      const std::vector<std::pair<size_t, size_t>>& paragraphs);

// ---- POST /api/ingest ----

struct IngestReport {
  uint64_t read = 0;       // articles that parsed
  uint64_t added = 0;      // new ids stored
  uint64_t unchanged = 0;  // ids already stored
  uint64_t rejected = 0;   // lines (or the document) that were not articles
  struct Problem {
    std::string where;  // "api-ingest-...jsonl:3"
    uint64_t line = 0;  // 0 when unknown
    std::string message;
  };
  std::vector<Problem> errors;    // the first kMaxProblems rejections
  std::vector<Problem> warnings;  // the first kMaxProblems warnings
  Status failure;                 // the store failed: batches before it are stored
  static constexpr size_t kMaxProblems = 1000;
};

// Reads `body` as JSON Lines (or one JSON document) named `name` (origin "name:LINE"; use a
// name ending in .jsonl) and stores its articles through an IngestPipeline on `writer`.
IngestReport IngestBody(Store* writer, std::string_view body, const std::string& name,
                        const PipelineOptions& options);
nlohmann::json IngestReportJson(const IngestReport& report);

// ---- helpers ----

// A JSON document as UTF-8 text (invalid bytes replaced by U+FFFD; never throws).
std::string Dump(const nlohmann::json& j);
// A store message without the database path it starts with ("witness.db: no story ..." ->
// "no story ...").
std::string PublicMessage(const Status& s, std::string_view db_path);

}  // namespace witness::server

#endif  // WITNESS_SERVER_API_H_
