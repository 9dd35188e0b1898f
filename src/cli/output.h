// Rendering for the CLI: JSON documents and terminal tables.
#ifndef WITNESS_CLI_OUTPUT_H_
#define WITNESS_CLI_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/store.h"
#include "witness/text.h"

namespace witness::cli {

// Every metadata field of an article, and its text. With `seg`, also "paragraphs":
// [{"begin","end","sentences":[{"begin","end","text"}]}] with byte spans into "text".
nlohmann::json ArticleToJson(const Article& a, const text::Segmentation* seg);
nlohmann::json SummaryToJson(const ArticleSummary& s);

// Cuts `s` to at most `width` terminal columns (counting East Asian wide characters as two),
// ending with "…" when cut.
std::string FitColumns(std::string_view s, size_t width);
// The terminal's width in columns (stdout), or 100 when it is not a terminal.
size_t TerminalWidth();

// Writes `j` to stdout, pretty when stdout is a terminal, compact otherwise; then a newline.
void PrintJson(const nlohmann::json& j);

}  // namespace witness::cli

#endif  // WITNESS_CLI_OUTPUT_H_
