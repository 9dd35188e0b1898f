// Finding the article in a parsed page and writing out its text.
//
//   clean::ContentResult r = clean::ExtractContent(dom, {.title = metadata.title});
//   r.text   // paragraphs separated by blank lines
//
// The method (see html_content.cc for the weights):
//   1. Elements that are never article text are set aside with their subtrees: head, scripts,
//      forms controls, media, SVG/MathML, hidden elements, figures and captions (unless asked).
//      Page furniture (nav, header, footer, aside, form, ARIA landmarks other than main) and
//      elements whose class/id name furniture (comment, share, related, newsletter, ...) are
//      marked as such; so is everything inside them.
//   2. Each block element (p, div, li, td, h2, ...) owns the text of its inline content. Blocks
//      with enough text are paragraphs; a paragraph's score grows with its length and its
//      commas and shrinks with its link density.
//   3. Paragraph scores flow to the enclosing containers, decaying with distance. A container's
//      score is then weighed by its own link density and its class/id/itemprop signals; the
//      best container wins. Siblings that score well, or that are themselves good
//      paragraphs, join it (articles split by ads or teaser boxes).
//   4. Inside the chosen containers, furniture, link lists and the headline are skipped; every
//      other block's text becomes one paragraph; known boilerplate lines are dropped.
#ifndef WITNESS_CLEAN_HTML_CONTENT_H_
#define WITNESS_CLEAN_HTML_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean/html_dom.h"

namespace witness::clean {

struct ContentOptions {
  std::string_view title;         // the page's headline: a paragraph equal to it is dropped
  bool include_captions = false;  // keep <figure>/<figcaption> text
  bool collect_removed = false;   // fill ContentResult::removed
};

struct ContentResult {
  std::string text;                  // paragraphs separated by "\n\n"
  std::vector<std::string> removed;  // "why: text" per block set aside (collect_removed)
  uint32_t container = kNoNode;      // the winning container
  double score = 0;                  // its score
  size_t paragraphs = 0;             // paragraphs in `text`
};

ContentResult ExtractContent(const Dom& dom, const ContentOptions& options = {});

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_CONTENT_H_
