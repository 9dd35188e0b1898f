// Rendering for the CLI: JSON documents and terminal tables.
#ifndef WITNESS_CLI_OUTPUT_H_
#define WITNESS_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/store.h"
#include "witness/syndication.h"
#include "witness/text.h"

namespace witness::cli {

// Every metadata field of an article, and its text. With `seg`, also "paragraphs":
// [{"begin","end","sentences":[{"begin","end","text"}]}] with byte spans into "text".
nlohmann::json ArticleToJson(const Article& a, const text::Segmentation* seg);
nlohmann::json SummaryToJson(const ArticleSummary& s);

// Cuts `s` to at most `width` terminal columns (counting East Asian wide characters as two),
// ending with "…" when cut.
std::string FitColumns(std::string_view s, size_t width);
// A title for a listing: "(no title)" when the article has none.
std::string ListedTitle(std::string_view title);
// The terminal's width in columns (stdout), or 100 when it is not a terminal.
size_t TerminalWidth();

// A syndication relation seen from its `a` article: {"other", "relation", "shared_this",
// "shared_other", "jaccard", "verified", "origin" ("this", "other", "common source",
// "unknown"), "agency", "reasons"}.
nlohmann::json RelationToJson(const syndication::RelatedPair& pair);
// The copy relations of the group of copies `id` belongs to (each pair once), read through
// the store's relations; empty when it has none.
StatusOr<std::vector<syndication::RelatedPair>> CopyGroupRelations(Store* store,
                                                                   const std::string& id);

// Opens the database of a read command: read-only, never created.
StatusOr<std::unique_ptr<Store>> OpenForReading(const std::string& db);
// Prints "witness: MESSAGE" on stderr; returns kSomeRejected for NotFound and InvalidArgument
// (the user named something that is not there), kFailure otherwise.
int Fail(const Status& s);

// Writes `j` to stdout, pretty when stdout is a terminal, compact otherwise; then a newline.
void PrintJson(const nlohmann::json& j);

}  // namespace witness::cli

#endif  // WITNESS_CLI_OUTPUT_H_
