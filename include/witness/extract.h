// witness/extract.h: the article inside a news web page.
//
// Usage:
//   witness::ExtractOptions options;
//   options.url = "https://www.example.com/2022/01/10/story";   // when the crawl knows it
//   witness::StatusOr<witness::Extracted> page = witness::ExtractHtml(bytes, options, "a.html");
//   if (!page.ok()) { std::cerr << page.status().message() << "\n"; return; }
//   article.title = page->title;          // headline, "" when none
//   article.published = page->published;  // "2022-01-10T08:00:00Z", "2022-01-10" or ""
//   article.text = page->text;            // paragraphs separated by blank lines
//   std::cout << witness::ExtractedToJson(*page) << "\n";
//
// What it does, in order:
//   1. Character set: a byte-order mark wins; then ExtractOptions::http_charset; then the page's
//      own declaration (<meta charset>, <meta http-equiv="Content-Type" content="...charset=">,
//      <?xml encoding=?>) in its first ExtractOptions::charset_scan_bytes bytes. A declaration is
//      checked against the bytes: a page declared UTF-8 that is not (windows-1252, latin-1) and a
//      page declared as a legacy set that is valid UTF-8 are both read as what they are. With no
//      usable declaration the set is detected (ICU), falling back to windows-1252. Stray invalid
//      bytes inside an otherwise UTF-8 page are read as windows-1252 characters. The text is
//      converted to UTF-8 (ICU); Extracted::charset_detected names the set actually used.
//   2. A light pre-pass removes scripts, styles, comments, <svg> and <math> (keeping JSON-LD
//      scripts for the metadata) and the attributes nothing reads, and caps element nesting at
//      ExtractOptions::max_depth and the element count at ExtractOptions::max_elements, so
//      hostile pages (100,000 nested <div>s) parse in linear time and bounded memory. The page
//      is then parsed by gumbo (HTML5 rules: unclosed and misnested tags are repaired as a
//      browser would).
//   3. Metadata from <title>, <meta name/property/itemprop> (Open Graph, article:*, Dublin Core,
//      Twitter), <link rel=canonical>, <html lang> and JSON-LD (NewsArticle, Article,
//      BlogPosting, ReportageNewsArticle, ... also inside @graph and arrays).
//   4. The main content: page furniture is set aside (scripts, navigation, headers, footers,
//      asides, forms, figures and their captions, share bars, comment threads, related-link
//      lists, newsletter boxes); every block container is scored on its own text (length,
//      sentences, commas, paragraph structure), link density and class/id/role names; scores
//      flow to ancestors, the best container wins, climbs through wrappers that add article
//      text, and its qualifying siblings join it. Inside it, sections headed "Related",
//      "Comments", ... link lists, link-heavy lines, bylines and lines such as "Advertisement"
//      are dropped; the text of the other blocks (p, h2-h6, li, blockquote, pre, td, div text)
//      is emitted one paragraph per block. When that text has fewer than half the words of a
//      JSON-LD articleBody (of 30 words or more), the articleBody is used instead.
//
// Rules:
//   - Any bytes are accepted. Every string field of Extracted is valid UTF-8 in NFC; nothing
//     crashes, aborts, recurses without bound or takes more than linear time in the input
//     (times ExtractOptions::max_depth in the worst case).
//   - Errors, each one line naming `name`: kInvalidArgument for empty input ("a.html: empty
//     page") and for binary data, i.e. NUL bytes or more than 10% control characters in the
//     first 8 KiB after decoding ("a.html: binary data (NUL bytes), not HTML");
//     kResourceExhausted for a page larger than ExtractOptions::max_bytes (refused whole, never
//     truncated: a cut page would silently lose its end). A page that parses but holds no
//     article (a redirect stub, a paywall, an index page) is NOT an error: `text` may be empty
//     or short; callers decide what to do with it.
//   - `text`: paragraphs separated by one blank line ("\n\n"); inside a paragraph whitespace is
//     collapsed to single spaces, except that <br> gives a line break and <pre> keeps its lines
//     and indentation; no leading or trailing whitespace; the cells of a simple table row
//     make one line. The headline is not repeated in `text`; sub-headings inside the article
//     are. Soft hyphens, zero-width spaces and control characters are dropped.
//   - `published` is ISO 8601 as precise as the page says: "2019-11-19",
//     "2019-11-19T13:03:00Z" or "2019-11-19T08:03:00-05:00"; "" when unknown or unparseable.
//   - `language` is a BCP 47 tag ("en", "pt-BR") from the page's markup, "" when none; it is
//     not guessed from the text.
//   - `url` is the canonical URL (link rel=canonical, og:url, JSON-LD url, else
//     ExtractOptions::url); relative links are resolved against ExtractOptions::url when given.
//   - Deterministic: the same bytes and options give the same result on every machine.
//   - Thread-safe: ExtractHtml may run concurrently on many threads (each call owns its state;
//     a parse arena is kept per thread and reused: up to 16 MiB stays allocated per thread).
//   - Speed: about 75 MB/s of HTML per core on real news pages (doc/performance-extract.md).
#ifndef WITNESS_EXTRACT_H_
#define WITNESS_EXTRACT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "witness/status.h"

namespace witness {

struct ExtractOptions {
  // Pages larger than this are refused with kResourceExhausted. Default 32 MiB: the largest
  // real news pages (inline images, app state) are 2-5 MB; a bigger input is almost always a
  // dump fed in by mistake, and parsing it would take seconds and up to ~10x its size in
  // memory.
  size_t max_bytes = 32u << 20;

  // Element nesting deeper than this is flattened before parsing (the extra start and end tags
  // are dropped; their text is kept). Default 512: the 181 pages of the extraction benchmark
  // nest at most 51 levels (median 16). Lower values bound worst-case parse time further (the
  // HTML5 tree builder scans the open-element stack, so hostile input costs
  // O(bytes x max_depth)); higher values keep pathological markup intact. Values below 8 are
  // taken as 8.
  size_t max_depth = 512;

  // Elements kept: start tags after this many are dropped before parsing (their text is
  // kept, as plain text of the enclosing element); the count includes the formatting elements
  // the parser re-opens. Default 250,000: the benchmark pages hold at most 1,565 elements
  // (median 648), so this leaves room for pages a hundred times larger, while the parser's
  // ~500 bytes per element stay within a few hundred MB whatever the markup (32 MiB of
  // "<a><p>" would otherwise need several GB).
  size_t max_elements = 250000;

  // The page's URL as the crawl knows it ("" when unknown). Used for Extracted::url when the
  // page declares none, and to resolve a relative canonical link.
  std::string url;

  // The charset from the HTTP Content-Type header or the WARC record ("" when unknown). It
  // outranks the page's own <meta> declaration, as in browsers; a byte-order mark outranks it.
  std::string http_charset;

  // How far into the page to look for <meta charset>. Default 16 KiB; the HTML standard says
  // 1024 bytes, but many real pages put the declaration after large inline scripts, and a
  // longer scan costs almost nothing.
  size_t charset_scan_bytes = 16u << 10;

  // The charset assumed when a page declares none, is not UTF-8 and detection is unsure.
  // Default "windows-1252" (what browsers assume for Western pages; a superset of latin-1).
  std::string fallback_charset = "windows-1252";

  // Use JSON-LD articleBody when the DOM result is much shorter than it, or empty. Default
  // true: many sites publish the full body there. Set false to see the DOM result only.
  bool use_json_ld_body = true;

  // Keep figure captions (<figcaption>, caption classes) in `text`. Default false: captions
  // describe pictures the text reader does not see, and they repeat across syndicated copies.
  bool include_captions = false;

  // Fill Extracted::removed with the text of the blocks set aside as boilerplate (for
  // `witness extract --why`). Default false: it costs time and memory.
  bool collect_removed = false;
};

struct Extracted {
  std::string title;        // the headline: JSON-LD headline, og:title, <title> minus site name
  std::string published;    // ISO 8601 (see Rules) or ""
  std::string author;       // byline names, ", "-separated; "" when unknown
  std::string site;         // the outlet's name (og:site_name, JSON-LD publisher) or ""
  std::string url;          // the canonical URL or ""
  std::string language;     // BCP 47 or ""
  std::string description;  // meta/og description or ""
  std::string text;         // the article body (see Rules)
  std::string charset_detected;  // the set the bytes were read as: "UTF-8", "windows-1252", ...
  // With ExtractOptions::collect_removed: one entry per block set aside, "why: text"
  // ("nav: Home World Business ...", "link-dense: Read more ...").
  std::vector<std::string> removed;
};

// Extracts the article from one HTML page. `name` (a path, a URL, "feed.jsonl:17") names the
// input in error messages.
StatusOr<Extracted> ExtractHtml(std::string_view bytes, const ExtractOptions& options = {},
                                std::string_view name = "");

// One JSON object, one line: {"title","published","author","site","url","language","text"}
// (fields in that order, strings escaped as JSON; empty fields kept as "").
std::string ExtractedToJson(const Extracted& extracted);

}  // namespace witness

#endif  // WITNESS_EXTRACT_H_
