// witness/article.h: the article, as every stage sees it.
//
// An Article is one report by one outlet. Ingest fills it from a file, a JSON line or a WARC
// record; the store keeps it; later stages read `text` and cite byte spans into it.
//
// Rules:
//   - `text` is valid UTF-8 in Unicode NFC. Every span any stage reports is a byte range
//     [begin, end) into `text` as stored.
//   - `raw` keeps the input exactly as read (bytes, possibly invalid UTF-8), so nothing is lost.
//   - `id` is unique in a store. When the input gives none, it is derived from the content
//     (see ingest.h), so re-ingesting the same input yields the same id.
#ifndef WITNESS_ARTICLE_H_
#define WITNESS_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace witness {

// What the input was, before witness read it.
enum class ContentType : uint8_t {
  kText = 0,  // a plain-text article
  kHtml = 1,  // an HTML page; `html` holds it, `text` is its extracted body (empty until cleaned)
};

// A block of the input that cleaning removed, and why (`witness show --why`).
struct RemovedBlock {
  std::string rule;    // "caption", "call_to_action", ... (clean.h RuleName), or "html"
  std::string reason;  // one line naming the evidence
  std::string text;    // the block as it stood in the text
};

struct Article {
  std::string id;         // given id, or a content hash (ingest.h: ContentId)
  std::string source;     // the outlet: given, else URL host, else parent folder name, else "unknown"
  std::string url;        // canonical URL when known
  std::string title;      // headline when known
  std::string published;  // ISO 8601 as precise as known: "2022-01-10" or "2022-01-10T08:00:00Z"; "" unknown
  std::string language;   // BCP 47 tag when known ("en"); "" unknown
  std::vector<std::string> places;    // dateline places as written: {"MOSCOW", "ALMATY"}
  std::vector<std::string> agencies;  // wire credits, upper case: {"BLOOMBERG", "AFP"}
  std::string author;     // byline when known
  ContentType content_type = ContentType::kText;
  std::string text;        // body text: valid UTF-8, NFC; metadata lines (title, date prefix) removed
  std::string html;        // the raw page when content_type == kHtml
  std::string raw;         // the input bytes this article came from, unchanged
  std::string extra_json;  // a JSON object of input fields witness does not model; "{}" when none
  std::string origin;      // where it came from: "path", "path:line", "-:line" for stdin
  uint32_t word_count = 0; // words in `text` (text.h tokenizer)
  std::vector<RemovedBlock> boilerplate;  // what cleaning removed from the text, in order
};

}  // namespace witness

#endif  // WITNESS_ARTICLE_H_
