// witness/report.h: everything witness says about one stored story, in one place.
//
// A StoryReport gathers a story's articles from the store, its digest (digest.h), and the
// sections that condense how its sources relate: who ran wire copy and who reported on their
// own (from the syndication relations the store holds), and, from the story comparison
// (compare.h), the facts most sources agree on, the figures they disagree about, and the
// quotes they render differently. `witness digest` and the server's story page both use it.
//
// Usage:
//   witness::StatusOr<witness::report::StoryReport> r =
//       witness::report::BuildStoryReport(store.get(), "s12");
//   if (!r.ok()) ...;                                  // NotFound for an unknown story
//   std::cout << witness::digest::DigestToMarkdown(r->digest, r->sections);
//
// Rules:
//   - The articles are the story's members in the store's member order (by time).
//   - Sections appear in this order, each only when it has something to say: "syndication",
//     "agreed_facts", "divergent_figures", "quotes". Every section has Markdown, plain text and
//     JSON bodies (digest.h DigestSection).
//   - Reading is all it does: the store is not written.
#ifndef WITNESS_REPORT_H_
#define WITNESS_REPORT_H_

#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/compare.h"
#include "witness/digest.h"
#include "witness/status.h"
#include "witness/stories.h"
#include "witness/store.h"

namespace witness::report {

struct StoryReport {
  stories::Story story;
  std::vector<Article> articles;  // the members, by time
  digest::Digest digest;
  std::vector<digest::DigestSection> sections;
};

struct ReportOptions {
  digest::DigestOptions digest;
};

// NotFound when no story (or alias) has that id; the store's errors otherwise. A story whose
// articles cannot be digested (none has a usable sentence) still gets a report: its digest
// is empty with a warning.
StatusOr<StoryReport> BuildStoryReport(Store* store, std::string_view story_id,
                                       const ReportOptions& options = {});

// The "syndication" section of a story's articles given the copy relations among them:
// groups of copies with their likely source, and the articles that share no text with any
// other (independent reporting). Empty `key` when the story has one article.
digest::DigestSection SyndicationSection(const std::vector<Article>& articles,
                                         const std::vector<syndication::RelatedPair>& relations);

// The "agreed_facts", "divergent_figures" and "quotes" sections of a story comparison (each
// only when it has lines; at most 8 lines each, the strongest first).
std::vector<digest::DigestSection> ComparisonSections(const compare::StoryComparison& comparison);

}  // namespace witness::report

#endif  // WITNESS_REPORT_H_
