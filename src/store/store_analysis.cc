// Store: the analysis tables of schema version 3 (signatures, relations, stories, the story
// clusterer's checkpoint), written with a batch (WriteAnalysis) and read by the commands.
#include <algorithm>
#include <cctype>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/codec.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "witness/store.h"

namespace witness {

using store::CachedStatement;
using store::Statement;

namespace {

// The checkpoint is saved in parts so that no SQLite value nears its 1 GB limit.
constexpr size_t kStatePartBytes = size_t{64} << 20;
constexpr const char* kStoriesState = "stories";

bool IsCopyRelation(syndication::Relation r) {
  return r == syndication::Relation::kNearCopy || r == syndication::Relation::kContains ||
         r == syndication::Relation::kContainedIn;
}

int64_t Clamp(uint64_t v) {
  return v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
             ? std::numeric_limits<int64_t>::max()
             : static_cast<int64_t>(v);
}

// "s12" -> 12, for ordering; 0 for anything else.
int64_t StoryNumber(std::string_view id) {
  if (id.size() < 2 || id[0] != 's') return 0;
  int64_t n = 0;
  for (char c : id.substr(1)) {
    if (c < '0' || c > '9' || n > std::numeric_limits<int64_t>::max() / 10 - 10) return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string SourcesJson(const std::vector<stories::SourceCount>& sources) {
  nlohmann::json j = nlohmann::json::array();
  for (const stories::SourceCount& s : sources) j.push_back({s.source, s.articles});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Relation columns, in the order kRelationColumns names them.
constexpr const char* kRelationColumns =
    "a, b, relation, shared_a, shared_b, jaccard, verified, origin_who, agency, reasons";

Status ReadRelation(const Statement& st, const std::string& path, syndication::RelatedPair* p) {
  p->a = st.ColumnText(0);
  p->b = st.ColumnText(1);
  const int64_t rel = st.ColumnInt64(2), who = st.ColumnInt64(7);
  if (rel < 0 || rel > static_cast<int64_t>(syndication::Relation::kSharesPassages) || who < 0 ||
      who > static_cast<int64_t>(syndication::Origin::Who::kCommonSource)) {
    return Status::Corruption(path + ": relation " + p->a + " / " + p->b +
                              ": unknown relation or origin code");
  }
  p->relation = static_cast<syndication::Relation>(rel);
  p->shared_a = st.ColumnDouble(3);
  p->shared_b = st.ColumnDouble(4);
  p->jaccard = st.ColumnDouble(5);
  p->verified = st.ColumnInt64(6) != 0;
  p->origin.who = static_cast<syndication::Origin::Who>(who);
  p->origin.agency = st.ColumnText(8);
  p->origin.reasons.clear();
  return store::DecodeStringArray(st.ColumnText(9),
                                  path + ": relation " + p->a + " / " + p->b + ": reasons",
                                  &p->origin.reasons);
}

// Story columns, in ReadStory's order.
constexpr const char* kStoryColumns =
    "id, label, label_article, first, last, articles, sources, aliases";

Status ReadStory(const Statement& st, const std::string& path, stories::Story* out) {
  stories::Story s;
  s.id = st.ColumnText(0);
  s.label = st.ColumnText(1);
  s.label_article = st.ColumnText(2);
  s.first = st.ColumnText(3);
  s.last = st.ColumnText(4);
  s.articles = static_cast<uint32_t>(std::clamp<int64_t>(st.ColumnInt64(5), 0, UINT32_MAX));
  const std::string what = path + ": story " + s.id;
  nlohmann::json sources = nlohmann::json::parse(st.ColumnText(6), nullptr, false);
  if (!sources.is_array()) return Status::Corruption(what + ": sources are not a JSON array");
  for (const nlohmann::json& e : sources) {
    if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number_unsigned()) {
      return Status::Corruption(what + ": a source entry is not [name, count]");
    }
    s.sources.push_back({e[0].get<std::string>(), e[1].get<uint32_t>()});
  }
  WITNESS_RETURN_IF_ERROR(store::DecodeStringArray(st.ColumnText(7), what + ": aliases", &s.aliases));
  *out = std::move(s);
  return Status::OK();
}

Status Each(Statement& st, const std::function<Status()>& row) {
  while (true) {
    StatusOr<bool> more = st.Step();
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
    WITNESS_RETURN_IF_ERROR(row());
  }
}

}  // namespace

namespace store {

Status WriteAnalysis(Db* db, Codec* codec, const AnalysisUpdate& u) {
  if (!u.signatures.empty()) {
    StatusOr<CachedStatement> st = db->Cached(
        "INSERT OR REPLACE INTO signatures(article_id, signature) VALUES (?1, ?2)",
        "save signature");
    if (!st.ok()) return st.status();
    for (const AnalysisUpdate::Signature& s : u.signatures) {
      (*st)->Reset();
      WITNESS_RETURN_IF_ERROR((*st)->BindText(1, s.article));
      WITNESS_RETURN_IF_ERROR((*st)->BindBlob(2, s.blob));
      WITNESS_RETURN_IF_ERROR((*st)->Run().Annotate("signature of " + s.article));
    }
  }
  if (!u.relations.empty()) {
    StatusOr<CachedStatement> st = db->Cached(
        std::string("INSERT OR REPLACE INTO relations(") + kRelationColumns +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        "save relation");
    if (!st.ok()) return st.status();
    for (const syndication::RelatedPair& p : u.relations) {
      Statement& s = **st;
      s.Reset();
      WITNESS_RETURN_IF_ERROR(s.BindText(1, p.a));
      WITNESS_RETURN_IF_ERROR(s.BindText(2, p.b));
      WITNESS_RETURN_IF_ERROR(s.BindInt64(3, static_cast<int64_t>(p.relation)));
      WITNESS_RETURN_IF_ERROR(s.BindDouble(4, p.shared_a));
      WITNESS_RETURN_IF_ERROR(s.BindDouble(5, p.shared_b));
      WITNESS_RETURN_IF_ERROR(s.BindDouble(6, p.jaccard));
      WITNESS_RETURN_IF_ERROR(s.BindInt64(7, p.verified ? 1 : 0));
      WITNESS_RETURN_IF_ERROR(s.BindInt64(8, static_cast<int64_t>(p.origin.who)));
      WITNESS_RETURN_IF_ERROR(s.BindText(9, p.origin.agency));
      WITNESS_RETURN_IF_ERROR(s.BindText(10, EncodeStringArray(p.origin.reasons)));
      WITNESS_RETURN_IF_ERROR(s.Run().Annotate("relation " + p.a + " / " + p.b));
    }
  }
  if (!u.members.empty()) {
    StatusOr<CachedStatement> st = db->Cached(
        "INSERT OR REPLACE INTO story_members(article_id, story, score, via_copy) "
        "VALUES (?1, ?2, ?3, ?4)",
        "save story member");
    if (!st.ok()) return st.status();
    for (const AnalysisUpdate::Member& m : u.members) {
      (*st)->Reset();
      WITNESS_RETURN_IF_ERROR((*st)->BindText(1, m.article));
      WITNESS_RETURN_IF_ERROR((*st)->BindText(2, m.story));
      WITNESS_RETURN_IF_ERROR((*st)->BindDouble(3, m.score));
      WITNESS_RETURN_IF_ERROR((*st)->BindInt64(4, m.via_copy ? 1 : 0));
      WITNESS_RETURN_IF_ERROR((*st)->Run().Annotate("story member " + m.article));
    }
  }
  for (const auto& [from, into] : u.merges) {
    for (const char* sql : {"UPDATE story_members SET story = ?2 WHERE story = ?1",
                            "UPDATE story_aliases SET story = ?2 WHERE story = ?1",
                            "INSERT OR REPLACE INTO story_aliases(alias, story) VALUES (?1, ?2)",
                            "DELETE FROM stories WHERE id = ?1 AND ?2 IS NOT NULL"}) {
      StatusOr<CachedStatement> st = db->Cached(sql, "merge story");
      if (!st.ok()) return st.status();
      WITNESS_RETURN_IF_ERROR((*st)->BindText(1, from));
      WITNESS_RETURN_IF_ERROR((*st)->BindText(2, into));
      WITNESS_RETURN_IF_ERROR((*st)->Run().Annotate("merge of story " + from + " into " + into));
    }
  }
  if (!u.stories.empty()) {
    StatusOr<CachedStatement> st = db->Cached(
        "INSERT OR REPLACE INTO stories(id, seq, label, label_article, first, last, articles, "
        "sources, aliases) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        "save story");
    if (!st.ok()) return st.status();
    for (const stories::Story& s : u.stories) {
      Statement& q = **st;
      q.Reset();
      WITNESS_RETURN_IF_ERROR(q.BindText(1, s.id));
      WITNESS_RETURN_IF_ERROR(q.BindInt64(2, StoryNumber(s.id)));
      WITNESS_RETURN_IF_ERROR(q.BindText(3, s.label));
      WITNESS_RETURN_IF_ERROR(q.BindText(4, s.label_article));
      WITNESS_RETURN_IF_ERROR(q.BindText(5, s.first));
      WITNESS_RETURN_IF_ERROR(q.BindText(6, s.last));
      WITNESS_RETURN_IF_ERROR(q.BindInt64(7, s.articles));
      WITNESS_RETURN_IF_ERROR(q.BindText(8, SourcesJson(s.sources)));
      WITNESS_RETURN_IF_ERROR(q.BindText(9, EncodeStringArray(s.aliases)));
      WITNESS_RETURN_IF_ERROR(q.Run().Annotate("story " + s.id));
    }
  }
  if (u.stories_state) {
    WITNESS_RETURN_IF_ERROR(db->Exec("DELETE FROM analysis_state WHERE name = 'stories'",
                                     "replace the stories checkpoint"));
    StatusOr<CachedStatement> st = db->Cached(
        "INSERT INTO analysis_state(name, part, blob) VALUES (?1, ?2, ?3)",
        "save the stories checkpoint");
    if (!st.ok()) return st.status();
    const std::string& blob = *u.stories_state;
    for (size_t off = 0, part = 0; off < blob.size() || part == 0; off += kStatePartBytes, ++part) {
      std::string frame;
      WITNESS_RETURN_IF_ERROR(
          codec->Compress(std::string_view(blob).substr(off, kStatePartBytes), &frame));
      (*st)->Reset();
      WITNESS_RETURN_IF_ERROR((*st)->BindText(1, kStoriesState));
      WITNESS_RETURN_IF_ERROR((*st)->BindInt64(2, static_cast<int64_t>(part)));
      WITNESS_RETURN_IF_ERROR((*st)->BindBlob(3, frame));
      WITNESS_RETURN_IF_ERROR((*st)->Run());
    }
    WITNESS_RETURN_IF_ERROR(db->Exec(
        "INSERT OR REPLACE INTO meta(key, value) "
        "VALUES ('stories_watermark', (SELECT ifnull(max(rowid), 0) FROM articles))",
        "save the stories watermark"));
  }
  return Status::OK();
}

}  // namespace store

Status Store::ScanAdded(int64_t after, uint64_t limit,
                        const std::function<Status(int64_t, Article&&)>& fn) {
  StatusOr<Statement> st = impl_->db->Prepare(
      std::string("SELECT ") + store::kArticleColumns +
          ", rowid FROM articles WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
      "scan added articles");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR(st->BindInt64(1, after));
  WITNESS_RETURN_IF_ERROR(st->BindInt64(2, limit == 0 ? -1 : Clamp(limit)));
  return Each(*st, [&]() -> Status {
    Article a;
    WITNESS_RETURN_IF_ERROR(store::ReadArticle(*st, &impl_->codec, impl_->path, &a));
    return fn(st->ColumnInt64(store::kArticleColumnCount), std::move(a));
  });
}

Status Store::ScanSignatures(
    const std::function<Status(Article&&, std::string_view)>& fn) {
  StatusOr<Statement> st = impl_->db->Prepare(
      "SELECT s.article_id, a.source, a.published, a.agencies, substr(a.text, 1, 300), "
      "s.signature FROM signatures s JOIN articles a ON a.id = s.article_id ORDER BY a.rowid",
      "scan signatures");
  if (!st.ok()) return st.status();
  return Each(*st, [&]() -> Status {
    Article a;
    a.id = st->ColumnText(0);
    a.source = st->ColumnText(1);
    a.published = st->ColumnText(2);
    WITNESS_RETURN_IF_ERROR(store::DecodeStringArray(
        st->ColumnText(3), impl_->path + ": article " + a.id + ": agencies", &a.agencies));
    a.text = st->ColumnText(4);
    return fn(std::move(a), st->ColumnBlob(5));
  });
}

Status Store::ScanRelations(const std::function<Status(syndication::RelatedPair&&)>& fn) {
  StatusOr<Statement> st = impl_->db->Prepare(
      std::string("SELECT ") + kRelationColumns + " FROM relations", "scan relations");
  if (!st.ok()) return st.status();
  return Each(*st, [&]() -> Status {
    syndication::RelatedPair p;
    WITNESS_RETURN_IF_ERROR(ReadRelation(*st, impl_->path, &p));
    return fn(std::move(p));
  });
}

StatusOr<std::vector<syndication::RelatedPair>> Store::RelationsOf(std::string_view article_id) {
  std::vector<syndication::RelatedPair> out;
  for (const bool flip : {false, true}) {
    StatusOr<CachedStatement> st = impl_->db->Cached(
        std::string("SELECT ") + kRelationColumns +
            (flip ? " FROM relations WHERE b = ?1" : " FROM relations WHERE a = ?1"),
        "read relations");
    if (!st.ok()) return st.status();
    WITNESS_RETURN_IF_ERROR((*st)->BindText(1, article_id));
    WITNESS_RETURN_IF_ERROR(Each(**st, [&]() -> Status {
      syndication::RelatedPair p;
      WITNESS_RETURN_IF_ERROR(ReadRelation(**st, impl_->path, &p));
      out.push_back(flip ? syndication::Reversed(p) : std::move(p));
      return Status::OK();
    }));
  }
  syndication::SortStrongestFirst(&out);
  return out;
}

StatusOr<std::vector<syndication::RelatedPair>> Store::CopyRelations() {
  std::vector<syndication::RelatedPair> out;
  WITNESS_RETURN_IF_ERROR(ScanRelations([&](syndication::RelatedPair&& p) {
    if (IsCopyRelation(p.relation)) out.push_back(std::move(p));
    return Status::OK();
  }));
  return out;
}

StatusOr<StoriesCheckpoint> Store::LoadStoriesCheckpoint() {
  StoriesCheckpoint cp;
  StatusOr<Statement> st = impl_->db->Prepare(
      "SELECT part, blob FROM analysis_state WHERE name = ?1 ORDER BY part",
      "load the stories checkpoint");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR(st->BindText(1, kStoriesState));
  int64_t expect = 0;
  WITNESS_RETURN_IF_ERROR(Each(*st, [&]() -> Status {
    if (st->ColumnInt64(0) != expect++) {
      return Status::Corruption(impl_->path + ": the stories checkpoint has a missing part");
    }
    std::string part;
    WITNESS_RETURN_IF_ERROR(
        impl_->codec.Decompress(st->ColumnBlob(1), "the stories checkpoint", &part));
    cp.blob += part;
    return Status::OK();
  }));
  if (expect == 0) return cp;
  StatusOr<CachedStatement> wm = impl_->db->Cached(
      "SELECT value FROM meta WHERE key = 'stories_watermark'", "load the stories watermark");
  if (!wm.ok()) return wm.status();
  StatusOr<bool> row = (*wm)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Corruption(impl_->path + ": the stories checkpoint has no watermark");
  cp.watermark = std::strtoll(std::string((*wm)->ColumnText(0)).c_str(), nullptr, 10);
  return cp;
}

StatusOr<std::vector<stories::Story>> Store::ListStories(const StoryListOptions& o) {
  if (!o.since.empty() && !store::LooksLikeIsoDate(o.since)) {
    return Status::InvalidArgument(impl_->path + ": since '" + o.since +
                                   "' is not an ISO 8601 date (like 2022-01-10)");
  }
  std::string sql = std::string("SELECT ") + kStoryColumns + " FROM stories WHERE articles >= ?1";
  if (!o.since.empty()) sql += " AND last != '' AND last >= ?2";
  if (!o.source.empty()) {
    sql += " AND id IN (SELECT m.story FROM story_members m JOIN articles a ON a.id = m.article_id"
           " WHERE a.source = ?3)";
  }
  // Each query word must occur in the label; instr over lower() keeps it exact (no LIKE
  // wildcards to escape).
  std::vector<std::string> words;
  std::string word;
  for (char c : o.query + " ") {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    sql += " AND instr(lower(label), ?" + std::to_string(6 + i) + ") > 0";
  }
  sql += " ORDER BY last = '', last DESC, seq LIMIT ?4 OFFSET ?5";
  StatusOr<Statement> st = impl_->db->Prepare(sql, "list stories");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR(st->BindInt64(1, o.min_articles));
  if (!o.since.empty()) WITNESS_RETURN_IF_ERROR(st->BindText(2, o.since));
  if (!o.source.empty()) WITNESS_RETURN_IF_ERROR(st->BindText(3, o.source));
  WITNESS_RETURN_IF_ERROR(st->BindInt64(4, o.limit == 0 ? -1 : Clamp(o.limit)));
  WITNESS_RETURN_IF_ERROR(st->BindInt64(5, Clamp(o.offset)));
  for (size_t i = 0; i < words.size(); ++i) {
    WITNESS_RETURN_IF_ERROR(st->BindText(static_cast<int>(6 + i), words[i]));
  }
  std::vector<stories::Story> out;
  WITNESS_RETURN_IF_ERROR(Each(*st, [&]() -> Status {
    stories::Story s;
    WITNESS_RETURN_IF_ERROR(ReadStory(*st, impl_->path, &s));
    out.push_back(std::move(s));
    return Status::OK();
  }));
  return out;
}

StatusOr<uint64_t> Store::CountStories() {
  StatusOr<int64_t> n = impl_->db->QueryInt("SELECT count(*) FROM stories", "count stories");
  if (!n.ok()) return n.status();
  return static_cast<uint64_t>(*n);
}

StatusOr<stories::Story> Store::GetStory(std::string_view id_or_alias) {
  StatusOr<CachedStatement> st = impl_->db->Cached(
      std::string("SELECT ") + kStoryColumns +
          " FROM stories WHERE id = coalesce((SELECT story FROM story_aliases WHERE alias = ?1), ?1)",
      "get story");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR((*st)->BindText(1, id_or_alias));
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound(impl_->path + ": no story '" + std::string(id_or_alias) +
                            "' (see `witness stories`)");
  }
  stories::Story s;
  WITNESS_RETURN_IF_ERROR(ReadStory(**st, impl_->path, &s));
  return s;
}

StatusOr<std::vector<stories::StoryMember>> Store::StoryMembers(std::string_view id_or_alias) {
  StatusOr<stories::Story> story = GetStory(id_or_alias);
  if (!story.ok()) return story.status();
  StatusOr<CachedStatement> st = impl_->db->Cached(
      "SELECT a.id, a.source, a.published, a.title, substr(a.text, 1, 160), m.score, m.via_copy "
      "FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story = ?1 "
      "ORDER BY a.published = '', a.published, a.rowid",
      "list story members");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR((*st)->BindText(1, story->id));
  std::vector<stories::StoryMember> out;
  WITNESS_RETURN_IF_ERROR(Each(**st, [&]() -> Status {
    stories::StoryMember m;
    m.article = (*st)->ColumnText(0);
    m.source = (*st)->ColumnText(1);
    m.published = (*st)->ColumnText(2);
    m.headline = (*st)->ColumnText(3);
    if (m.headline.empty()) {
      std::string_view start = (*st)->ColumnText(4);
      size_t end = start.find_first_of("\n");
      m.headline = std::string(start.substr(0, end));
      // substr() counts characters, so the text is whole UTF-8; cut at a space if long.
      if (end == std::string_view::npos && start.size() >= 120) {
        size_t space = m.headline.rfind(' ');
        if (space != std::string::npos && space > 40) m.headline.resize(space);
        m.headline += " ...";
      }
    }
    m.score = (*st)->ColumnDouble(5);
    m.via_copy = (*st)->ColumnInt64(6) != 0;
    out.push_back(std::move(m));
    return Status::OK();
  }));
  return out;
}

StatusOr<std::optional<std::string>> Store::StoryOf(std::string_view article_id) {
  StatusOr<CachedStatement> st = impl_->db->Cached(
      "SELECT story FROM story_members WHERE article_id = ?1", "look up an article's story");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR((*st)->BindText(1, article_id));
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(std::string((*st)->ColumnText(0)));
}

}  // namespace witness
