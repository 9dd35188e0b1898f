// GET /api/articles/{id}: one article, where it stands, and its removed boilerplate in place.
#include <algorithm>

#include "cli/output.h"
#include "server/api.h"
#include "witness/text.h"

namespace witness::server {

namespace {

using nlohmann::json;

// At most `max` bytes of `s` up to its first line break, ending on a UTF-8 boundary.
std::string_view Key(std::string_view s, size_t max) {
  size_t start = s.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  s.remove_prefix(start);
  s = s.substr(0, s.find('\n'));
  if (s.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Where `piece` starts in `haystack` at or after `from`: its first line as written, then as
// a JSON string would hold it, then a shorter start. npos when none is found.
size_t Locate(std::string_view haystack, std::string_view piece, size_t from) {
  std::string_view key = Key(piece, 48);
  if (key.size() < 4) return std::string_view::npos;
  size_t at = haystack.find(key, from);
  if (at != std::string_view::npos) return at;
  std::string escaped = json(std::string(key)).dump(-1, ' ', false, json::error_handler_t::replace);
  if (escaped.size() > 2) {
    at = haystack.find(std::string_view(escaped).substr(1, escaped.size() - 2), from);
    if (at != std::string_view::npos) return at;
  }
  std::string_view shorter = Key(piece, 20);
  if (shorter.size() >= 12 && shorter.size() < key.size()) return haystack.find(shorter, from);
  return std::string_view::npos;
}

// The title, or the start of the text's first line when there is none (at most ~120 bytes).
std::string Headline(const Article& a) {
  if (!a.title.empty()) return a.title;
  std::string_view line = Key(a.text, 120);
  std::string out(line);
  if (line.size() >= 100) {
    size_t space = out.rfind(' ');
    if (space != std::string::npos && space > 40) out.resize(space);
    out += " …";
  }
  return out;
}

}  // namespace

std::vector<ReadingItem> ReadingOrder(const Article& a,
                                      const std::vector<std::pair<size_t, size_t>>& paragraphs) {
  std::string_view haystack = !a.raw.empty()    ? std::string_view(a.raw)
                              : !a.html.empty() ? std::string_view(a.html)
                                                : std::string_view();
  constexpr size_t kNone = std::string_view::npos;
  // Paragraph positions, kept in order: one not found sits right after the one before it.
  std::vector<size_t> para_pos(paragraphs.size(), 0);
  size_t cursor = 0, found = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const auto& [begin, end] = paragraphs[i];
    size_t at = begin < end && end <= a.text.size()
                    ? Locate(haystack, std::string_view(a.text).substr(begin, end - begin), cursor)
                    : kNone;
    if (at != kNone) {
      cursor = at;
      ++found;
    }
    para_pos[i] = cursor;
  }
  // Without most paragraphs found, positions say little: removed blocks go after the text.
  const bool trust = !paragraphs.empty() && found * 2 >= paragraphs.size();
  struct Placed {
    size_t pos;
    int kind;  // 0 removed (before a paragraph found at the same place), 1 text
    size_t index;
  };
  std::vector<Placed> items;
  std::vector<size_t> unplaced;
  for (size_t i = 0; i < paragraphs.size(); ++i) items.push_back({para_pos[i], 1, i});
  size_t removed_cursor = 0;
  for (size_t j = 0; j < a.boilerplate.size(); ++j) {
    size_t at = trust ? Locate(haystack, a.boilerplate[j].text, removed_cursor) : kNone;
    if (at == kNone && trust) at = Locate(haystack, a.boilerplate[j].text, 0);
    if (at == kNone) {
      unplaced.push_back(j);
      continue;
    }
    removed_cursor = at;
    items.push_back({at, 0, j});
  }
  std::stable_sort(items.begin(), items.end(), [](const Placed& x, const Placed& y) {
    return x.pos != y.pos ? x.pos < y.pos : x.kind < y.kind;
  });
  std::vector<ReadingItem> out;
  for (const Placed& p : items) out.push_back({p.kind == 0, p.index, true});
  for (size_t j : unplaced) out.push_back({true, j, false});
  return out;
}

StatusOr<nlohmann::json> ArticleDetailJson(Store* store, std::string_view id_or_prefix) {
  StatusOr<Article> article = store->Get(id_or_prefix);
  if (!article.ok()) return article.status();
  const Article& a = *article;
  text::Segmentation seg = text::Segment(a.text);
  json out = cli::ArticleToJson(a, &seg);

  StatusOr<std::optional<std::string>> story_id = store->StoryOf(a.id);
  if (!story_id.ok()) return story_id.status();
  out["story"] = nullptr;
  if (story_id->has_value()) {
    StatusOr<stories::Story> story = store->GetStory(**story_id);
    if (story.ok()) {
      out["story"] = {{"id", story->id}, {"label", story->label}, {"articles", story->articles}};
    } else if (story.status().code() != Status::Code::kNotFound) {
      return story.status();
    }
  }

  StatusOr<std::vector<syndication::RelatedPair>> relations = store->RelationsOf(a.id);
  if (!relations.ok()) return relations.status();
  constexpr size_t kMaxRelations = 100;
  json rel = json::array();
  for (size_t i = 0; i < relations->size() && i < kMaxRelations; ++i) {
    const syndication::RelatedPair& p = (*relations)[i];
    json j = cli::RelationToJson(p);
    StatusOr<Article> other = store->Get(p.b);
    if (other.ok()) {
      j["other_source"] = other->source;
      j["other_title"] = Headline(*other);
      j["other_published"] = other->published;
    }
    StatusOr<std::optional<std::string>> other_story = store->StoryOf(p.b);
    j["other_story"] =
        other_story.ok() && other_story->has_value() ? json(**other_story) : json(nullptr);
    rel.push_back(std::move(j));
  }
  out["relations"] = std::move(rel);
  out["relations_total"] = relations->size();

  StatusOr<std::vector<syndication::RelatedPair>> group = cli::CopyGroupRelations(store, a.id);
  if (!group.ok()) return group.status();
  std::optional<std::string> likely = syndication::LikelySource(a.id, *group);
  out["likely_source"] = likely.value_or("");
  out["likely_source_article"] = nullptr;
  if (likely && *likely != a.id) {
    StatusOr<Article> source = store->Get(*likely);
    if (source.ok()) {
      out["likely_source_article"] = {{"id", source->id},
                                      {"source", source->source},
                                      {"title", Headline(*source)},
                                      {"published", source->published}};
    }
  }

  std::vector<std::pair<size_t, size_t>> spans;
  for (const text::Paragraph& p : seg.paragraphs) spans.emplace_back(p.span.begin, p.span.end);
  json reading = json::array();
  for (const ReadingItem& item : ReadingOrder(a, spans)) {
    if (item.removed) {
      const RemovedBlock& b = a.boilerplate[item.index];
      reading.push_back({{"kind", "removed"},
                         {"rule", b.rule},
                         {"reason", b.reason},
                         {"text", b.text},
                         {"placed", item.placed}});
    } else {
      reading.push_back({{"kind", "text"},
                         {"paragraph", item.index},
                         {"begin", spans[item.index].first},
                         {"end", spans[item.index].second}});
    }
  }
  out["reading"] = std::move(reading);
  return out;
}

}  // namespace witness::server
