#include "witness/report.h"

#include <fmt/core.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "witness/syndication.h"

namespace witness::report {
namespace {

bool IsCopy(syndication::Relation r) {
  return r == syndication::Relation::kNearCopy || r == syndication::Relation::kContains ||
         r == syndication::Relation::kContainedIn;
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

digest::DigestSection SyndicationSection(const std::vector<Article>& articles,
                                         const std::vector<syndication::RelatedPair>& relations) {
  digest::DigestSection section;
  if (articles.size() < 2) return section;
  std::map<std::string, const Article*> by_id;
  for (const Article& a : articles) by_id[a.id] = &a;
  std::vector<syndication::RelatedPair> copies;
  std::set<std::string> related;
  for (const syndication::RelatedPair& p : relations) {
    if (!by_id.count(p.a) || !by_id.count(p.b)) continue;
    related.insert(p.a);
    related.insert(p.b);
    if (IsCopy(p.relation)) copies.push_back(p);
  }
  auto name = [&](const std::string& id) {
    const Article& a = *by_id.at(id);
    return a.source + " (" + id + ")";
  };
  section.key = "syndication";
  section.heading = "Syndication";
  nlohmann::json groups = nlohmann::json::array();
  std::string md, text;
  for (const std::vector<std::string>& group : syndication::CopyGroups(copies)) {
    std::optional<std::string> origin = syndication::LikelySource(group.front(), copies);
    std::string members;
    for (const std::string& id : group) {
      if (origin && id == *origin) continue;
      if (!members.empty()) members += ", ";
      members += name(id);
    }
    const std::string line =
        origin ? fmt::format("{} ran the text of {}", members, name(*origin))
               : fmt::format("{} ran the same text (no member stands out as its source)", members);
    md += "- " + line + "\n";
    text += "  " + line + "\n";
    groups.push_back({{"members", group}, {"likely_source", origin.value_or("")}});
  }
  std::vector<std::string> independent;
  nlohmann::json own = nlohmann::json::array();
  for (const Article& a : articles) {
    if (related.count(a.id)) continue;
    independent.push_back(name(a.id));
    own.push_back(a.id);
  }
  if (!independent.empty()) {
    std::string list;
    for (const std::string& s : independent) {
      if (!list.empty()) list += ", ";
      list += s;
    }
    const std::string line = "Reported on their own (no passage found shared with another article): " + list;
    md += "- " + line + "\n";
    text += "  " + line + "\n";
  }
  if (groups.empty() && own.empty()) {
    md = "- The articles share passages but none copies another.\n";
    text = "  The articles share passages but none copies another.\n";
  }
  section.markdown = md;
  section.text = text;
  section.json = Dump({{"copy_groups", groups}, {"independent", own}});
  return section;
}

StatusOr<StoryReport> BuildStoryReport(Store* store, std::string_view story_id,
                                       const ReportOptions& options) {
  StoryReport r;
  StatusOr<stories::Story> story = store->GetStory(story_id);
  if (!story.ok()) return story.status();
  r.story = std::move(*story);
  StatusOr<std::vector<stories::StoryMember>> members = store->StoryMembers(r.story.id);
  if (!members.ok()) return members.status();
  std::vector<syndication::RelatedPair> relations;
  for (const stories::StoryMember& m : *members) {
    StatusOr<Article> a = store->Get(m.article);
    if (!a.ok()) return a.status();
    r.articles.push_back(std::move(*a));
    StatusOr<std::vector<syndication::RelatedPair>> rel = store->RelationsOf(m.article);
    if (!rel.ok()) return rel.status();
    for (syndication::RelatedPair& p : *rel) {
      if (p.a < p.b) relations.push_back(std::move(p));  // each pair once
    }
  }
  StatusOr<digest::Digest> d = digest::BuildDigest(r.articles, options.digest);
  if (d.ok()) {
    r.digest = std::move(*d);
  } else {
    r.digest.title = r.story.label;
    r.digest.articles = static_cast<uint32_t>(r.articles.size());
    r.digest.warnings.push_back("no digest: " + d.status().message());
  }
  digest::DigestSection synd = SyndicationSection(r.articles, relations);
  if (!synd.key.empty()) r.sections.push_back(std::move(synd));
  return r;
}

}  // namespace witness::report
