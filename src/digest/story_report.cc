#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "witness/compare.h"
#include "witness/report.h"
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

// At most this many lines per comparison section: the digest condenses; `witness compare`
// has everything.
constexpr size_t kMaxLines = 8;

std::string Cut(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // whole UTF-8
  size_t space = s.rfind(' ', end);
  if (space != std::string_view::npos && space > max_bytes / 2) end = space;
  return std::string(s.substr(0, end)) + " ...";
}

std::string SourcesOf(const compare::StoryComparison& c, const std::vector<uint32_t>& articles) {
  std::set<std::string> seen;
  std::string out;
  for (uint32_t i : articles) {
    if (!seen.insert(c.articles[i].source).second) continue;
    if (!out.empty()) out += ", ";
    out += c.articles[i].source;
  }
  return out;
}

void AddSection(std::vector<digest::DigestSection>* out, const char* key, const char* heading,
                const std::vector<std::string>& lines, const nlohmann::json& json) {
  if (lines.empty()) return;
  digest::DigestSection s;
  s.key = key;
  s.heading = heading;
  for (const std::string& l : lines) {
    s.markdown += "- " + l + "\n";
    s.text += "  " + l + "\n";
  }
  s.json = Dump(json);
  out->push_back(std::move(s));
}

}  // namespace

std::vector<digest::DigestSection> ComparisonSections(const compare::StoryComparison& c) {
  std::vector<digest::DigestSection> out;
  auto text_of = [&](const compare::TextRef& r) {
    return std::string(r.span.in(c.articles[r.article].text));
  };
  {  // Facts most independent accounts carry.
    std::vector<std::string> lines;
    nlohmann::json json = nlohmann::json::array();
    for (uint32_t f : c.agreed) {
      if (lines.size() >= kMaxLines) break;
      const compare::Fact& fact = c.facts[f];
      std::vector<uint32_t> carriers;
      nlohmann::json ids = nlohmann::json::array();
      for (const compare::Carrier& k : fact.carriers) {
        carriers.push_back(k.article);
        ids.push_back(c.articles[k.article].id);
      }
      const std::string sentence = text_of(fact.where);
      lines.push_back(fmt::format("{} ({})", Cut(sentence, 300), SourcesOf(c, carriers)));
      json.push_back({{"text", sentence}, {"articles", ids}, {"sources", fact.sources}});
    }
    AddSection(&out, "agreed_facts", "Agreed facts", lines, json);
  }
  {  // Figures the sources give differently.
    std::vector<std::string> lines;
    nlohmann::json json = nlohmann::json::array();
    for (const figures::FigureGroup& g : c.figure_groups) {
      if (g.verdict != figures::Verdict::kDiffer && g.verdict != figures::Verdict::kDiverge &&
          g.verdict != figures::Verdict::kConflict) {
        continue;
      }
      if (lines.size() >= kMaxLines) break;
      // One entry per wording (and whether it was retracted), with its distinct sources.
      struct Wording {
        std::string text;
        bool retracted;
        std::vector<std::string> sources;
      };
      std::vector<Wording> wordings;
      nlohmann::json jc = nlohmann::json::array();
      for (uint32_t i : g.claims) {
        const figures::Figure& f = c.figures[i].figure;
        const compare::ArticleInfo& a = c.articles[c.figure_article[i]];
        const bool retracted =
            std::find(g.retracted.begin(), g.retracted.end(), i) != g.retracted.end();
        auto w = std::find_if(wordings.begin(), wordings.end(), [&](const Wording& x) {
          return x.text == f.text && x.retracted == retracted;
        });
        if (w == wordings.end()) w = wordings.insert(wordings.end(), {f.text, retracted, {}});
        if (std::find(w->sources.begin(), w->sources.end(), a.source) == w->sources.end()) {
          w->sources.push_back(a.source);
        }
        jc.push_back(
            {{"text", f.text}, {"article", a.id}, {"source", a.source}, {"retracted", retracted}});
      }
      std::string claims;
      for (const Wording& w : wordings) {
        if (!claims.empty()) claims += "; ";
        claims += fmt::format("\"{}\" ({}{})", w.text, fmt::join(w.sources, ", "),
                              w.retracted ? ", retracted" : "");
      }
      lines.push_back(fmt::format("{} [{}]: {}", g.label, figures::VerdictName(g.verdict), claims));
      json.push_back(
          {{"label", g.label}, {"verdict", figures::VerdictName(g.verdict)}, {"claims", jc}});
    }
    AddSection(&out, "divergent_figures", "Divergent figures", lines, json);
  }
  {  // Utterances carried in more than one wording.
    std::vector<std::string> lines;
    nlohmann::json json = nlohmann::json::array();
    for (const quotes::QuoteGroup& g : c.quote_groups) {
      if (g.variants.size() < 2) continue;
      if (lines.size() >= kMaxLines) break;
      std::string variants;
      nlohmann::json jv = nlohmann::json::array();
      for (const quotes::QuoteVariant& v : g.variants) {
        std::string sources;
        for (const std::string& src : v.sources) {
          if (!sources.empty()) sources += ", ";
          sources += src;
        }
        if (!variants.empty()) variants += " / ";
        variants += fmt::format("\"{}\" ({})", Cut(v.text, 160), sources);
        nlohmann::json diff = nlohmann::json::array();
        for (const quotes::DiffOp& d : v.diff) {
          if (d.op != quotes::DiffOp::Op::kEqual) {
            diff.push_back({{"op", quotes::DiffOpName(d.op)}, {"from", d.from}, {"to", d.to}});
          }
        }
        jv.push_back({{"text", v.text},
                      {"articles", v.article_ids},
                      {"sources", v.sources},
                      {"diff", diff}});
      }
      lines.push_back(fmt::format("{}: {}", g.SpeakerLabel(), variants));
      json.push_back(
          {{"speaker", g.speaker}, {"speaker_phrase", g.speaker_phrase}, {"variants", jv}});
    }
    AddSection(&out, "quotes", "Quotes in different wordings", lines, json);
  }
  return out;
}

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
    const std::string line =
        "Reported on their own (no passage found shared with another article): " + list;
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
  if (r.articles.size() >= 2) {
    const compare::StoryComparison c = compare::CompareStory(r.articles);
    for (digest::DigestSection& s : ComparisonSections(c)) r.sections.push_back(std::move(s));
  }
  return r;
}

}  // namespace witness::report
