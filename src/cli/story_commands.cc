// `witness stories`, `witness story`, `witness dups` and `witness cluster`.
#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/output.h"
#include "witness/cli.h"
#include "witness/digest.h"
#include "witness/report.h"
#include "witness/stories.h"
#include "witness/store.h"
#include "witness/syndication.h"

namespace witness::cli {

namespace {

std::string Plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "2022-01-10" or "2022-01-10 .. 2022-01-12" or "-".
std::string Span(const stories::Story& s) {
  std::string first = s.first.substr(0, 10), last = s.last.substr(0, 10);
  if (first.empty()) return "-";
  return first == last ? first : first + " .. " + last;
}

std::string SourceList(const std::vector<stories::SourceCount>& sources) {
  std::string out;
  for (const stories::SourceCount& s : sources) {
    if (!out.empty()) out += ", ";
    out += s.articles > 1 ? fmt::format("{} ({})", s.source, s.articles) : s.source;
  }
  return out;
}

nlohmann::json Parsed(const std::string& json) { return nlohmann::json::parse(json); }

}  // namespace

nlohmann::json RelationToJson(const syndication::RelatedPair& p) {
  const char* who = "unknown";
  switch (p.origin.who) {
    case syndication::Origin::Who::kA: who = "this"; break;
    case syndication::Origin::Who::kB: who = "other"; break;
    case syndication::Origin::Who::kCommonSource: who = "common source"; break;
    case syndication::Origin::Who::kUnknown: break;
  }
  return {{"other", p.b},
          {"relation", syndication::RelationName(p.relation)},
          {"shared_this", p.shared_a},
          {"shared_other", p.shared_b},
          {"jaccard", p.jaccard},
          {"verified", p.verified},
          {"origin", who},
          {"agency", p.origin.agency},
          {"reasons", p.origin.reasons}};
}

StatusOr<std::vector<syndication::RelatedPair>> CopyGroupRelations(Store* store,
                                                                   const std::string& id) {
  // Breadth-first over copy relations; a group is a handful of articles in practice, the
  // bound keeps a pathological one from reading the whole store.
  constexpr size_t kMaxGroup = 2000;
  std::vector<syndication::RelatedPair> pairs;
  std::set<std::string> seen{id};
  std::vector<std::string> queue{id};
  for (size_t i = 0; i < queue.size() && seen.size() < kMaxGroup; ++i) {
    StatusOr<std::vector<syndication::RelatedPair>> rel = store->RelationsOf(queue[i]);
    if (!rel.ok()) return rel.status();
    for (syndication::RelatedPair& p : *rel) {
      if (p.relation == syndication::Relation::kNone ||
          p.relation == syndication::Relation::kSharesPassages) {
        continue;
      }
      if (seen.insert(p.b).second) queue.push_back(p.b);
      if (p.a < p.b) pairs.push_back(std::move(p));  // each pair once
    }
  }
  return pairs;
}

int RunStories(const GlobalFlags& g, const StoriesFlags& f) {
  auto store = OpenForReading(g.db);
  if (!store.ok()) return Fail(store.status());
  StoryListOptions options;
  options.since = f.since;
  options.source = f.source;
  options.query = f.query;
  options.min_articles = f.min_articles;
  options.limit = f.limit;
  StatusOr<std::vector<stories::Story>> list = (*store)->ListStories(options);
  if (!list.ok()) return Fail(list.status());
  if (g.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const stories::Story& s : *list) out.push_back(Parsed(stories::StoryToJson(s)));
    PrintJson(out);
    return kOk;
  }
  const size_t width = TerminalWidth();
  for (const stories::Story& s : *list) {
    std::string line = fmt::format("{:<8}  {:<24}  {:>4}  {:>3}  ", s.id, Span(s), s.articles,
                                   s.sources.size());
    line += FitColumns(s.label.empty() ? "(no headline)" : s.label,
                       width > line.size() + 20 ? width - line.size() : 20);
    std::puts(line.c_str());
  }
  if (!g.quiet) {
    std::fprintf(stderr, "%s (columns: id, dates, articles, sources, label)\n",
                 Plural(list->size(), "story", "stories").c_str());
  }
  return kOk;
}

int RunStory(const GlobalFlags& g, const StoryFlags& f) {
  auto store = OpenForReading(g.db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<stories::Story> story = (*store)->GetStory(f.id);
  if (!story.ok()) return Fail(story.status());
  StatusOr<std::vector<stories::StoryMember>> members = (*store)->StoryMembers(story->id);
  if (!members.ok()) return Fail(members.status());
  // Copies inside the story: each member's strongest copy relation with another member.
  std::set<std::string> ids;
  for (const stories::StoryMember& m : *members) ids.insert(m.article);
  std::map<std::string, syndication::RelatedPair> copies;
  for (const stories::StoryMember& m : *members) {
    StatusOr<std::vector<syndication::RelatedPair>> rel = (*store)->RelationsOf(m.article);
    if (!rel.ok()) return Fail(rel.status());
    for (const syndication::RelatedPair& p : *rel) {
      if (p.relation != syndication::Relation::kSharesPassages && ids.count(p.b)) {
        copies.emplace(m.article, p);
        break;
      }
    }
  }
  if (g.json) {
    nlohmann::json out = Parsed(stories::StoryToJson(*story));
    out["members"] = nlohmann::json::array();
    for (const stories::StoryMember& m : *members) {
      nlohmann::json j = Parsed(stories::MemberToJson(m));
      if (auto c = copies.find(m.article); c != copies.end()) j["copy"] = RelationToJson(c->second);
      out["members"].push_back(std::move(j));
    }
    PrintJson(out);
    return kOk;
  }
  std::printf("%s  %s\n", story->id.c_str(), story->label.c_str());
  std::printf("%-10s %s\n", "dates", Span(*story).c_str());
  std::printf("%-10s %u\n", "articles", story->articles);
  std::printf("%-10s %s\n", "sources", SourceList(story->sources).c_str());
  if (!story->aliases.empty()) {
    std::string aliases;
    for (const std::string& a : story->aliases) {
      if (!aliases.empty()) aliases += ' ';
      aliases += a;
    }
    std::printf("%-10s %s\n", "merged", aliases.c_str());
  }
  std::puts("");
  const size_t width = TerminalWidth();
  for (const stories::StoryMember& m : *members) {
    std::string date = m.published.empty() ? "-" : m.published.substr(0, 16);
    std::string line = fmt::format("{:<16}  {:<16}  {:<18}  ", FitColumns(m.article, 16), date,
                                   FitColumns(m.source, 18));
    line += FitColumns(m.headline, width > line.size() + 20 ? width - line.size() : 20);
    std::puts(line.c_str());
    if (auto c = copies.find(m.article); c != copies.end()) {
      std::printf("%18s%s %s (%.0f%% of this, %.0f%% of it)\n", "",
                  syndication::RelationName(c->second.relation), c->second.b.c_str(),
                  100 * c->second.shared_a, 100 * c->second.shared_b);
    }
  }
  return kOk;
}

int RunDups(const GlobalFlags& g, const DupsFlags& f) {
  auto store = OpenForReading(g.db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<std::vector<syndication::RelatedPair>> pairs = (*store)->CopyRelations();
  if (!pairs.ok()) return Fail(pairs.status());
  std::vector<std::vector<std::string>> groups = syndication::CopyGroups(*pairs);
  if (f.limit > 0 && groups.size() > f.limit) groups.resize(f.limit);
  nlohmann::json out = nlohmann::json::array();
  for (const std::vector<std::string>& group : groups) {
    std::optional<std::string> origin = syndication::LikelySource(group.front(), *pairs);
    nlohmann::json members = nlohmann::json::array();
    for (const std::string& id : group) {
      StatusOr<Article> a = (*store)->Get(id);
      if (!a.ok()) return Fail(a.status());
      StatusOr<std::optional<std::string>> story = (*store)->StoryOf(id);
      if (!story.ok()) return Fail(story.status());
      members.push_back({{"id", id},
                         {"source", a->source},
                         {"published", a->published},
                         {"title", a->title},
                         {"story", story->value_or("")}});
    }
    out.push_back({{"articles", group.size()},
                   {"likely_source", origin.value_or("")},
                   {"members", std::move(members)}});
  }
  if (g.json) {
    PrintJson(out);
    return kOk;
  }
  const size_t width = TerminalWidth();
  for (size_t i = 0; i < out.size(); ++i) {
    const nlohmann::json& group = out[i];
    std::printf("group %zu: %s%s\n", i + 1, Plural(group["members"].size(), "copy", "copies").c_str(),
                group["likely_source"].get<std::string>().empty()
                    ? ""
                    : (", likely source " + group["likely_source"].get<std::string>()).c_str());
    for (const nlohmann::json& m : group["members"]) {
      std::string line = fmt::format(
          "  {} {:<16}  {:<10}  {:<18}  ",
          m["id"] == group["likely_source"] ? '*' : ' ',
          FitColumns(m["id"].get<std::string>(), 16),
          m["published"].get<std::string>().substr(0, 10),
          FitColumns(m["source"].get<std::string>(), 18));
      line += FitColumns(ListedTitle(m["title"].get<std::string>()),
                         width > line.size() + 20 ? width - line.size() : 20);
      std::puts(line.c_str());
    }
    std::puts("");
  }
  if (!g.quiet) std::fprintf(stderr, "%s of copies\n", Plural(out.size(), "group", "groups").c_str());
  return kOk;
}

int RunCluster(const GlobalFlags& g, const ClusterFlags& f) {
  stories::ClusterJsonOptions options;
  options.keep_boilerplate = f.keep_boilerplate;
  options.sort_by_time = f.sort_by_time;
  stories::ClusterJsonStats stats;
  Status s;
  if (f.path.empty() || f.path == "-") {
    s = stories::ClusterJsonLines(std::cin, std::cout, options, &stats);
  } else {
    std::ifstream in(f.path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "witness: %s: cannot open the file\n", f.path.c_str());
      return kSomeRejected;
    }
    s = stories::ClusterJsonLines(in, std::cout, options, &stats);
  }
  std::cout.flush();
  if (!s.ok()) return Fail(s);
  if (!g.quiet) {
    std::fprintf(stderr, "%s, %s, %s\n", Plural(stats.articles, "article", "articles").c_str(),
                 Plural(stats.stories, "story", "stories").c_str(),
                 Plural(stats.errors, "rejected line", "rejected lines").c_str());
  }
  return stats.errors > 0 ? kSomeRejected : kOk;
}

int RunDigest(const GlobalFlags& g, const DigestFlags& f) {
  auto store = OpenForReading(g.db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<report::StoryReport> r = report::BuildStoryReport(store->get(), f.id);
  if (!r.ok()) return Fail(r.status());
  if (g.json) {
    PrintJson(nlohmann::json::parse(digest::DigestToJson(r->digest, r->sections)));
  } else if (f.markdown) {
    std::fputs(digest::DigestToMarkdown(r->digest, r->sections).c_str(), stdout);
  } else {
    std::fputs(digest::DigestToText(r->digest, r->sections).c_str(), stdout);
  }
  for (const std::string& w : r->digest.warnings) {
    if (!g.quiet) std::fprintf(stderr, "witness: %s: %s\n", r->story.id.c_str(), w.c_str());
  }
  return kOk;
}

}  // namespace witness::cli
