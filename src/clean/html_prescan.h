// The pass over a page's UTF-8 text that runs before the HTML parser.
//
//   clean::Prescanned p = clean::Prescan(utf8, {.max_depth = 512});
//   gumbo_parse(p.html)...;  for (auto& json : p.json_ld) ...
//
// It tokenizes the page the way the HTML standard does (tags, attributes with quoted values,
// comments, raw-text elements, script escape states) without building a tree, and:
//   - removes what text extraction never reads and the parser would spend most of its time on:
//     the contents of <script>, <style>, <noscript>, <iframe>, <noembed>, <noframes>, comments
//     and processing instructions (together 50-60% of a typical news page);
//   - removes <svg> and <math> elements whole (drawings and formulas, never article text);
//   - writes start tags again without the attributes nothing downstream reads (href, src,
//     srcset, data-*, on*, ...: a third of a page's markup), turning style="display:none"
//     into `hidden`; <meta>, <link>, <html>, <time> keep all of theirs;
//   - keeps the text of every <script type="application/ld+json"> in `json_ld`;
//   - follows how deep the parser's stack of open elements will grow (implied end tags of p,
//     li, dd/dt, table cells, headings; nested forms and formatting elements; foreign content)
//     and drops start tags that would nest deeper than max_depth, with their end tags, and
//     formatting start tags (b, i, a, font, ...) left open beyond max_open_formatting (each
//     open one is re-opened by the parser at every paragraph: quadratic work otherwise),
//     and every start tag once the parser would hold max_elements elements (it needs some
//     500 bytes per element: this bounds its memory whatever the markup);
//   - keeps at most 32 attributes per tag (the parser compares each with all before it).
// The text between tags is never changed, so the parser sees the same content.
#ifndef WITNESS_CLEAN_HTML_PRESCAN_H_
#define WITNESS_CLEAN_HTML_PRESCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace witness::clean {

struct PrescanOptions {
  size_t max_depth = 512;           // nesting kept (see ExtractOptions::max_depth)
  size_t max_open_formatting = 64;  // unclosed formatting elements kept
  // Elements the parser may create (start tags passed on, plus the formatting elements it
  // re-opens); start tags beyond are dropped, their text kept.
  size_t max_elements = 250000;
};

struct Prescanned {
  std::string html;                  // what the parser reads
  std::vector<std::string> json_ld;  // raw contents of the JSON-LD scripts, in page order
  size_t dropped_tags = 0;           // start and end tags removed by the limits
  size_t max_depth = 0;              // the deepest nesting the model reached (after limits)
};

Prescanned Prescan(std::string_view html, const PrescanOptions& options = {});

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_PRESCAN_H_
