// GET /api/stories and GET /api/stories/{id}: the story list and the story page.
#include <xxhash.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "server/api.h"
#include "server/story_hooks.h"
#include "witness/figures.h"
#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::server {

namespace {

using nlohmann::json;
namespace fig = witness::figures;
namespace q = witness::quotes;

json StoryJson(const stories::Story& s) {
  json sources = json::array();
  for (const stories::SourceCount& c : s.sources) {
    sources.push_back({{"source", c.source}, {"articles", c.articles}});
  }
  return {{"id", s.id},         {"label", s.label},    {"label_article", s.label_article},
          {"first", s.first},   {"last", s.last},      {"articles", s.articles},
          {"sources", sources}, {"aliases", s.aliases}};
}

const char* OriginName(syndication::Origin::Who who) {
  switch (who) {
    case syndication::Origin::Who::kA:
      return "a";
    case syndication::Origin::Who::kB:
      return "b";
    case syndication::Origin::Who::kCommonSource:
      return "common";
    case syndication::Origin::Who::kUnknown:
      break;
  }
  return "unknown";
}

// The first paragraph of a text, at most `max` bytes, cut at a space, on a UTF-8 boundary.
std::string Lede(std::string_view text, size_t max) {
  size_t start = text.find_first_not_of(" \n\t");
  if (start == std::string_view::npos) return "";
  text.remove_prefix(start);
  size_t end = text.find("\n\n");
  if (end != std::string_view::npos) text = text.substr(0, end);
  if (text.size() <= max) return std::string(text);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  size_t space = text.rfind(' ', cut);
  if (space != std::string_view::npos && space > max / 2) cut = space;
  return std::string(text.substr(0, cut)) + " …";
}

// A span's text, at most `max` bytes (cut on a UTF-8 boundary).
std::string SpanText(std::string_view text, text::Span span, size_t max) {
  if (span.begin >= span.end || span.end > text.size()) return "";
  std::string_view s = text.substr(span.begin, span.end - span.begin);
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + " …";
}

json IntervalJson(const fig::Interval& iv) {
  auto bound = [](double v) -> json {
    if (!std::isfinite(v)) return nullptr;
    return v;
  };
  return {{"lo", bound(iv.lo)},
          {"hi", bound(iv.hi)},
          {"lo_closed", iv.lo_closed},
          {"hi_closed", iv.hi_closed}};
}

json GraphJson(const StoryState& state) {
  json nodes = json::array();
  for (size_t i = 0; i < state.analysed; ++i) {
    const stories::StoryMember& m = state.members[i];
    nodes.push_back({{"id", m.article},
                     {"source", m.source},
                     {"published", m.published},
                     {"headline", m.headline}});
  }
  json edges = json::array();
  for (const syndication::RelatedPair& p : state.relations) {
    edges.push_back({{"a", p.a},
                     {"b", p.b},
                     {"kind", syndication::RelationName(p.relation)},
                     {"shared_a", p.shared_a},
                     {"shared_b", p.shared_b},
                     {"jaccard", p.jaccard},
                     {"verified", p.verified},
                     {"origin", OriginName(p.origin.who)},
                     {"agency", p.origin.agency},
                     {"reasons", p.origin.reasons}});
  }
  json groups = json::array();
  for (const std::vector<std::string>& g : syndication::CopyGroups(state.relations)) {
    std::optional<std::string> likely = syndication::LikelySource(g.front(), state.relations);
    groups.push_back({{"members", g}, {"likely_source", likely ? json(*likely) : json(nullptr)}});
  }
  return {
      {"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"copy_groups", std::move(groups)}};
}

json QuotesJson(const std::vector<Article>& articles) {
  std::vector<q::Extraction> found;
  found.reserve(articles.size());
  for (const Article& a : articles) found.push_back(q::Extract(a.text));
  std::vector<q::Extraction*> docs;
  for (q::Extraction& e : found) docs.push_back(&e);
  q::UnifyEntityNames(docs);
  std::vector<q::QuoteInput> inputs;
  json per_article = json::object();
  for (size_t i = 0; i < articles.size(); ++i) {
    per_article[articles[i].id] = found[i].quotes.size();
    for (const q::Quote& quote : found[i].quotes) {
      inputs.push_back({articles[i].id, articles[i].source, articles[i].text, quote});
    }
  }
  std::vector<q::QuoteGroup> groups = q::CollateQuotes(inputs);
  // Groups carried by more articles first; ties keep CollateQuotes's order.
  std::vector<std::pair<size_t, size_t>> order;  // (distinct articles, index)
  for (size_t g = 0; g < groups.size(); ++g) {
    std::set<std::string> ids;
    for (const q::QuoteVariant& v : groups[g].variants)
      ids.insert(v.article_ids.begin(), v.article_ids.end());
    order.emplace_back(ids.size(), g);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  json out = json::array();
  for (const auto& [distinct, g] : order) {
    const q::QuoteGroup& group = groups[g];
    json variants = json::array();
    for (size_t v = 0; v < group.variants.size(); ++v) {
      const q::QuoteVariant& var = group.variants[v];
      json diff = json::array();
      for (const q::DiffOp& op : var.diff) {
        diff.push_back({{"op", q::DiffOpName(op.op)}, {"from", op.from}, {"to", op.to}});
      }
      json where = json::array();
      for (size_t m : var.members) {
        if (m >= inputs.size()) continue;
        const q::QuoteInput& in = inputs[m];
        where.push_back({{"article", in.article_id},
                         {"begin", in.quote.content.begin},
                         {"end", in.quote.content.end},
                         {"kind", q::QuoteKindName(in.quote.kind)}});
      }
      variants.push_back({{"text", var.text},
                          {"reference", v == group.reference},
                          {"articles", var.article_ids},
                          {"sources", var.sources},
                          {"quotes", std::move(where)},
                          {"diff", std::move(diff)}});
    }
    out.push_back({{"speaker", group.speaker},
                   {"speaker_phrase", group.speaker_phrase},
                   {"similarity", group.similarity},
                   {"articles", distinct},
                   {"variants", std::move(variants)}});
  }
  return {{"groups", std::move(out)},
          {"quotes", inputs.size()},
          {"per_article", std::move(per_article)}};
}

json FiguresJson(const std::vector<Article>& articles) {
  std::vector<fig::SourcedFigure> claims;
  std::vector<size_t> article_of;
  for (size_t i = 0; i < articles.size(); ++i) {
    for (fig::Figure& f : fig::ExtractFigures(articles[i].text)) {
      claims.push_back({articles[i].id, std::move(f)});
      article_of.push_back(i);
    }
  }
  std::vector<fig::FigureGroup> groups = fig::CompareFigures(claims);
  json out = json::array();
  size_t single = 0;
  for (const fig::FigureGroup& g : groups) {
    if (g.source_count < 2) {
      ++single;
      continue;
    }
    std::set<uint32_t> retracted(g.retracted.begin(), g.retracted.end());
    std::set<uint32_t> echoes(g.echoes_retracted.begin(), g.echoes_retracted.end());
    std::map<uint32_t, size_t> position;  // claim index -> position in "claims"
    json cs = json::array();
    for (uint32_t c : g.claims) {
      if (c >= claims.size()) continue;
      const fig::Figure& f = claims[c].figure;
      const Article& a = articles[article_of[c]];
      position[c] = cs.size();
      cs.push_back({{"article", a.id},
                    {"source", a.source},
                    {"published", a.published},
                    {"text", f.text},
                    {"claim", SpanText(a.text, f.span, 300)},
                    {"sentence", SpanText(a.text, f.sentence, 600)},
                    {"begin", f.span.begin},
                    {"end", f.span.end},
                    {"interval", IntervalJson(f.interval)},
                    {"status", fig::StatusName(f.status)},
                    {"status_cue", f.status_cue_text},
                    {"attribution", f.attribution.empty() ? json(nullptr)
                                                          : json{{"source", f.attribution.source},
                                                                 {"cue", f.attribution.cue}}},
                    {"retracted", retracted.count(c) > 0},
                    {"echoes_retracted", echoes.count(c) > 0}});
    }
    json pairs = json::array();
    for (const fig::FigurePair& p : g.pairs) {
      if (!position.count(p.a) || !position.count(p.b)) continue;
      pairs.push_back(
          {{"a", position[p.a]}, {"b", position[p.b]}, {"verdict", fig::VerdictName(p.verdict)}});
    }
    out.push_back({{"key", g.key},
                   {"label", g.label},
                   {"topic", fig::TopicName(g.topic)},
                   {"verdict", fig::VerdictName(g.verdict)},
                   {"summary", g.summary},
                   {"sources", g.source_count},
                   {"claims", std::move(cs)},
                   {"pairs", std::move(pairs)}});
  }
  return {{"groups", std::move(out)}, {"figures", claims.size()}, {"single_source_groups", single}};
}

template <typename Fn>
json Guarded(Fn fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return {{"error", std::string("internal error: ") + e.what()}};
  }
}

void HashString(XXH3_state_t* h, std::string_view s) {
  uint64_t n = s.size();
  XXH3_128bits_update(h, &n, sizeof n);
  XXH3_128bits_update(h, s.data(), s.size());
}

void HashDouble(XXH3_state_t* h, double d) { XXH3_128bits_update(h, &d, sizeof d); }

std::string Fingerprint(const StoryState& s) {
  XXH3_state_t* h = XXH3_createState();
  XXH3_128bits_reset(h);
  HashString(h, Dump(StoryJson(s.story)));
  for (const stories::StoryMember& m : s.members) {
    HashString(h, m.article);
    HashString(h, m.source);
    HashString(h, m.published);
    HashString(h, m.headline);
    HashDouble(h, m.score);
    HashDouble(h, m.via_copy ? 1 : 0);
  }
  HashDouble(h, static_cast<double>(s.analysed));
  for (const syndication::RelatedPair& p : s.relations) {
    HashString(h, p.a);
    HashString(h, p.b);
    HashDouble(h, static_cast<double>(p.relation));
    HashDouble(h, p.shared_a);
    HashDouble(h, p.shared_b);
    HashDouble(h, p.jaccard);
    HashDouble(h, p.verified ? 1 : 0);
    HashDouble(h, static_cast<double>(p.origin.who));
    HashString(h, p.origin.agency);
    for (const std::string& r : p.origin.reasons) HashString(h, r);
  }
  XXH128_hash_t d = XXH3_128bits_digest(h);
  XXH3_freeState(h);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(d.high64),
                static_cast<unsigned long long>(d.low64));
  return buf;
}

}  // namespace

StatusOr<nlohmann::json> StoryListJson(Store* store, const StoryListQuery& query) {
  StoryListOptions o;
  o.since = query.since;
  o.source = query.source;
  o.query = query.query;
  o.min_articles = std::max<uint32_t>(1, query.min_articles);
  o.limit = std::max<uint64_t>(1, query.limit) + 1;  // one more says whether there are more
  o.offset = query.offset;
  StatusOr<std::vector<stories::Story>> list = store->ListStories(o);
  if (!list.ok()) return list.status();
  const bool more = list->size() > o.limit - 1;
  if (more) list->pop_back();
  json rows = json::array();
  for (const stories::Story& s : *list) rows.push_back(StoryJson(s));
  json total = nullptr;
  if (query.since.empty() && query.source.empty() &&
      query.query.find_first_not_of(" \t\r\n") == std::string::npos && o.min_articles <= 1) {
    StatusOr<uint64_t> n = store->CountStories();
    if (!n.ok()) return n.status();
    total = *n;
  }
  return json{{"stories", std::move(rows)},
              {"offset", query.offset},
              {"limit", o.limit - 1},
              {"more", more},
              {"total", total}};
}

StatusOr<StoryState> LoadStoryState(Store* store, std::string_view id_or_alias,
                                    uint32_t max_analysed_members) {
  StoryState state;
  StatusOr<stories::Story> story = store->GetStory(id_or_alias);
  if (!story.ok()) return story.status();
  state.story = std::move(*story);
  StatusOr<std::vector<stories::StoryMember>> members = store->StoryMembers(state.story.id);
  if (!members.ok()) return members.status();
  state.members = std::move(*members);
  state.analysed = std::min<size_t>(state.members.size(), max_analysed_members);
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < state.analysed; ++i) index.emplace(state.members[i].article, i);
  for (size_t i = 0; i < state.analysed; ++i) {
    StatusOr<std::vector<syndication::RelatedPair>> rel =
        store->RelationsOf(state.members[i].article);
    if (!rel.ok()) return rel.status();
    for (syndication::RelatedPair& p : *rel) {
      auto other = index.find(p.b);
      // Each pair once, seen from the later member (RelationsOf orients `a` as asked).
      if (other == index.end() || other->second >= i ||
          p.relation == syndication::Relation::kNone) {
        continue;
      }
      state.relations.push_back(std::move(p));
    }
  }
  state.fingerprint = Fingerprint(state);
  return state;
}

StatusOr<nlohmann::json> StoryDetailJson(Store* store, const StoryState& state) {
  std::vector<Article> articles;
  articles.reserve(state.analysed);
  for (size_t i = 0; i < state.analysed; ++i) {
    StatusOr<Article> a = store->Get(state.members[i].article);
    if (!a.ok()) return a.status();
    articles.push_back(std::move(*a));
  }
  std::unordered_map<std::string, const Article*> by_id;
  for (const Article& a : articles) by_id.emplace(a.id, &a);

  json members = json::array();
  for (size_t i = 0; i < state.members.size(); ++i) {
    const stories::StoryMember& m = state.members[i];
    json j = {{"article", m.article},          {"source", m.source}, {"published", m.published},
              {"headline", m.headline},        {"score", m.score},   {"via_copy", m.via_copy},
              {"analysed", i < state.analysed}};
    if (auto a = by_id.find(m.article); a != by_id.end()) {
      j["title"] = a->second->title;
      j["url"] = a->second->url;
      j["author"] = a->second->author;
      j["agencies"] = a->second->agencies;
      j["word_count"] = a->second->word_count;
      j["lede"] = Lede(a->second->text, 320);
    }
    members.push_back(std::move(j));
  }

  StoryContext context{state.story, state.members, articles, state.relations};
  json out = {{"story", StoryJson(state.story)},
              {"members", std::move(members)},
              {"analysed", state.analysed},
              {"truncated", state.analysed < state.members.size()},
              {"graph", GraphJson(state)}};
  out["quotes"] = Guarded([&] { return QuotesJson(articles); });
  out["figures"] = Guarded([&] { return FiguresJson(articles); });
  StoryAnalysis analysis;
  out["digest"] = Guarded([&] {
    analysis = AnalyseStory(context);
    return analysis.digest;
  });
  out["comparison"] = analysis.comparison;
  if (out["digest"].is_discarded()) out["digest"] = nullptr;
  if (out["comparison"].is_discarded()) out["comparison"] = nullptr;
  return out;
}

}  // namespace witness::server
