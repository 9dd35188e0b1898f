// server/story_hooks.h: where the story page's digest and comparison come from.
//
// GET /api/stories/{id} fills its "digest" and "comparison" fields from the two functions
// below, each given the story's analysed members as full articles. They return JSON null
// until the libraries behind them are wired in (see story_hooks.cc); the web UI renders them
// when they are not null, in the shapes documented beside each.
#ifndef WITNESS_SERVER_STORY_HOOKS_H_
#define WITNESS_SERVER_STORY_HOOKS_H_

#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "witness/article.h"
#include "witness/stories.h"
#include "witness/syndication.h"

namespace witness::server {

struct StoryContext {
  const stories::Story& story;
  // Every member, by time (undated last), as the store lists them.
  const std::vector<stories::StoryMember>& members;
  // The analysed members (the first ServerOptions::max_analysed_members of `members`), in the
  // same order, as stored: clean text, metadata.
  std::span<const Article> articles;
  // Syndication relations among the analysed members, each pair once, seen from the later
  // member (`a` comes after `b` in `members`).
  const std::vector<syndication::RelatedPair>& relations;
};

// The story's digest and the comparison of its sources, computed together (the digest's
// sections condense the comparison):
//   digest: digest.h DigestToJson's object ({"title", "brief": {"sentences": [{"text",
//     "article", "source", "begin", "end", "citations": [...]}]}, "full", "timeline",
//     "warnings", "sections": {"syndication", "agreed_facts", "divergent_figures", "quotes"}}),
//     or {"error"} when no digest can be made;
//   comparison: compare.h ComparisonToJson's object ({"articles", "copy_groups", "entities",
//     "facts", "agreed", "coverage", ...}), null for a story of one article.
struct StoryAnalysis {
  nlohmann::json digest;
  nlohmann::json comparison;
};
StoryAnalysis AnalyseStory(const StoryContext& story);

}  // namespace witness::server

#endif  // WITNESS_SERVER_STORY_HOOKS_H_
