// The story page's digest and comparison (story_hooks.h). They run once per story and store
// change: the server caches the whole story response and recomputes it only when the story's
// members or their relations change.
#include "server/story_hooks.h"

#include "witness/compare.h"
#include "witness/digest.h"
#include "witness/report.h"

namespace witness::server {

StoryAnalysis AnalyseStory(const StoryContext& story) {
  StoryAnalysis out;
  std::vector<Article> articles(story.articles.begin(), story.articles.end());
  std::vector<digest::DigestSection> sections;
  digest::DigestSection synd = report::SyndicationSection(articles, story.relations);
  if (!synd.key.empty()) sections.push_back(std::move(synd));
  out.comparison = nullptr;
  if (articles.size() >= 2) {
    const compare::StoryComparison c = compare::CompareStory(articles);
    for (digest::DigestSection& s : report::ComparisonSections(c)) sections.push_back(std::move(s));
    out.comparison = nlohmann::json::parse(compare::ComparisonToJson(c, -1), nullptr, false);
  }
  StatusOr<digest::Digest> d = digest::BuildDigest(articles);
  if (d.ok()) {
    out.digest = nlohmann::json::parse(digest::DigestToJson(*d, sections), nullptr, false);
  } else {
    out.digest = {{"error", d.status().message()}};
  }
  return out;
}

}  // namespace witness::server
