// Store: open, Put, Get, List, Scan, CountArticles. The journal is in store_runs.cc and
// Check in store_check.cc.
#include "witness/store.h"

#include <limits>
#include <utility>

#include "store/codec.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_impl.h"

namespace witness {

using store::CachedStatement;
using store::Statement;

namespace store {

Status ReadArticle(const Statement& st, Codec* codec, const std::string& db_path, Article* out) {
  Article a;
  a.id = st.ColumnText(0);
  auto what = [&](std::string_view field) {
    return db_path + ": article " + a.id + ": " + std::string(field);
  };
  a.source = st.ColumnText(1);
  a.url = st.ColumnText(2);
  a.title = st.ColumnText(3);
  a.published = st.ColumnText(4);
  a.language = st.ColumnText(5);
  WITNESS_RETURN_IF_ERROR(DecodeStringArray(st.ColumnText(6), what("places"), &a.places));
  WITNESS_RETURN_IF_ERROR(DecodeStringArray(st.ColumnText(7), what("agencies"), &a.agencies));
  a.author = st.ColumnText(8);
  int64_t type = st.ColumnInt64(9);
  if (type != static_cast<int64_t>(ContentType::kText) &&
      type != static_cast<int64_t>(ContentType::kHtml)) {
    return Status::Corruption(what("unknown content_type " + std::to_string(type)));
  }
  a.content_type = static_cast<ContentType>(type);
  a.text = st.ColumnText(10);
  if (!st.ColumnIsNull(11)) {
    WITNESS_RETURN_IF_ERROR(codec->Decompress(st.ColumnBlob(11), what("html"), &a.html));
  }
  switch (st.ColumnInt64(13)) {
    case kRawOwn:
      if (!st.ColumnIsNull(12)) {
        WITNESS_RETURN_IF_ERROR(codec->Decompress(st.ColumnBlob(12), what("raw"), &a.raw));
      }
      break;
    case kRawIsText:
      a.raw = a.text;
      break;
    case kRawIsHtml:
      a.raw = a.html;
      break;
    default:
      return Status::Corruption(what("unknown raw_same_as " + std::to_string(st.ColumnInt64(13))));
  }
  a.extra_json = st.ColumnText(14);
  a.origin = st.ColumnText(15);
  int64_t words = st.ColumnInt64(16);
  if (words < 0 || words > std::numeric_limits<uint32_t>::max()) {
    return Status::Corruption(what("word_count " + std::to_string(words) + " out of range"));
  }
  a.word_count = static_cast<uint32_t>(words);
  WITNESS_RETURN_IF_ERROR(
      DecodeRemovedBlocks(st.ColumnText(17), what("boilerplate"), &a.boilerplate));
  *out = std::move(a);
  return Status::OK();
}

}  // namespace store

namespace {

constexpr const char* kInsertArticle =
    "INSERT INTO articles(id, source, url, title, published, language, places, agencies, "
    "author, content_type, text, html, raw, raw_same_as, extra_json, origin, word_count, "
    "ingested_at, run_id, boilerplate) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20) "
    "ON CONFLICT(id) DO NOTHING";

constexpr const char* kSaveTemplate =
    "INSERT INTO source_templates(source, blob, updated_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(source) DO UPDATE SET blob = excluded.blob, updated_at = excluded.updated_at";

constexpr const char* kBumpRun =
    "UPDATE runs SET added = added + ?1, unchanged = unchanged + ?2 WHERE id = ?3";

// An article ready to insert: everything expensive (compression, JSON) done before the
// write lock is taken.
struct EncodedArticle {
  const Article* article;
  std::string places;
  std::string agencies;
  std::string boilerplate;  // JSON array of {rule, reason, text}
  std::string html;  // zstd frame; meaningful when has_html
  std::string raw;   // zstd frame; meaningful when has_raw
  bool has_html = false;
  bool has_raw = false;
  int raw_same_as = 0;  // kRawOwn, kRawIsText or kRawIsHtml
};

// How an article is named in messages: its origin when known ("feed.jsonl:17"), its id.
std::string Describe(const Article& a) {
  std::string out;
  if (!a.origin.empty()) out = a.origin + ": ";
  out += "article '" + a.id + "'";
  return out;
}

Status Validate(const std::string& path, const Article& a) {
  auto refuse = [&](std::string_view why) {
    return Status::InvalidArgument(path + ": " + Describe(a) + ": " + std::string(why) +
                                   " (no article of this batch was stored)");
  };
  if (a.id.empty()) return refuse("empty id");
  if (!store::IsValidUtf8(a.text)) return refuse("text is not valid UTF-8");
  if (!a.extra_json.empty() && !store::IsValidJson(a.extra_json)) {
    return refuse("extra_json is not valid JSON");
  }
  if (a.content_type != ContentType::kText && a.content_type != ContentType::kHtml) {
    return refuse("unknown content_type " + std::to_string(static_cast<int>(a.content_type)));
  }
  return Status::OK();
}

Status Encode(store::Codec* codec, const Article& a, EncodedArticle* e) {
  e->article = &a;
  e->places = store::EncodeStringArray(a.places);
  e->agencies = store::EncodeStringArray(a.agencies);
  e->boilerplate = store::EncodeRemovedBlocks(a.boilerplate);
  if (!a.html.empty()) {
    WITNESS_RETURN_IF_ERROR(codec->Compress(a.html, &e->html).Annotate(Describe(a) + ": html"));
    e->has_html = true;
  }
  if (a.raw == a.text) {
    e->raw_same_as = store::kRawIsText;
  } else if (!a.html.empty() && a.raw == a.html) {
    e->raw_same_as = store::kRawIsHtml;
  } else if (!a.raw.empty()) {
    WITNESS_RETURN_IF_ERROR(codec->Compress(a.raw, &e->raw).Annotate(Describe(a) + ": raw"));
    e->has_raw = true;
  }
  return Status::OK();
}

Status BindArticle(Statement& st, const EncodedArticle& e, const std::string& ingested_at,
                   std::optional<int64_t> run) {
  const Article& a = *e.article;
  WITNESS_RETURN_IF_ERROR(st.BindText(1, a.id));
  WITNESS_RETURN_IF_ERROR(st.BindText(2, a.source));
  WITNESS_RETURN_IF_ERROR(st.BindText(3, a.url));
  WITNESS_RETURN_IF_ERROR(st.BindText(4, a.title));
  WITNESS_RETURN_IF_ERROR(st.BindText(5, a.published));
  WITNESS_RETURN_IF_ERROR(st.BindText(6, a.language));
  WITNESS_RETURN_IF_ERROR(st.BindText(7, e.places));
  WITNESS_RETURN_IF_ERROR(st.BindText(8, e.agencies));
  WITNESS_RETURN_IF_ERROR(st.BindText(9, a.author));
  WITNESS_RETURN_IF_ERROR(st.BindInt64(10, static_cast<int64_t>(a.content_type)));
  WITNESS_RETURN_IF_ERROR(st.BindText(11, a.text));
  WITNESS_RETURN_IF_ERROR(e.has_html ? st.BindBlob(12, e.html) : st.BindNull(12));
  WITNESS_RETURN_IF_ERROR(e.has_raw ? st.BindBlob(13, e.raw) : st.BindNull(13));
  WITNESS_RETURN_IF_ERROR(st.BindInt64(14, e.raw_same_as));
  WITNESS_RETURN_IF_ERROR(st.BindText(15, a.extra_json));
  WITNESS_RETURN_IF_ERROR(st.BindText(16, a.origin));
  WITNESS_RETURN_IF_ERROR(st.BindInt64(17, a.word_count));
  WITNESS_RETURN_IF_ERROR(st.BindText(18, ingested_at));
  WITNESS_RETURN_IF_ERROR(run ? st.BindInt64(19, *run) : st.BindNull(19));
  WITNESS_RETURN_IF_ERROR(st.BindText(20, e.boilerplate));
  return Status::OK();
}

// The smallest string greater than every string that starts with `prefix` (byte order), or
// nullopt when there is none (a prefix of only 0xFF bytes).
std::optional<std::string> PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xFF) end.pop_back();
  if (end.empty()) return std::nullopt;
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return end;
}

int64_t ClampToInt64(uint64_t v) {
  return v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
             ? std::numeric_limits<int64_t>::max()
             : static_cast<int64_t>(v);
}

// The four shapes of List/Scan, each matched to an index (schema.cc) so rows come out in
// order without a sort: the ORDER BY leaves out terms the WHERE fixes.
std::string ListSql(const ListOptions& o, const char* columns) {
  std::string sql = "SELECT ";
  sql += columns;
  sql += " FROM articles";
  bool source = !o.source.empty(), since = !o.since.empty();
  if (source && since) {
    sql +=
        " WHERE source = ?1 AND (published = '') = 0 AND published >= ?2"
        " ORDER BY published, id";
  } else if (source) {
    sql += " WHERE source = ?1 ORDER BY published = '', published, id";
  } else if (since) {
    sql += " WHERE (published = '') = 0 AND published >= ?2 ORDER BY published, source, id";
  } else {
    sql += " ORDER BY published = '', published, source, id";
  }
  sql += " LIMIT ?3 OFFSET ?4";
  return sql;
}

Status BindList(const std::string& path, const ListOptions& o, Statement& st) {
  if (!o.since.empty() && !store::LooksLikeIsoDate(o.since)) {
    return Status::InvalidArgument(path + ": since '" + o.since +
                                   "' is not an ISO 8601 date (like 2022-01-10)");
  }
  if (!o.source.empty()) WITNESS_RETURN_IF_ERROR(st.BindText(1, o.source));
  if (!o.since.empty()) WITNESS_RETURN_IF_ERROR(st.BindText(2, o.since));
  WITNESS_RETURN_IF_ERROR(st.BindInt64(3, o.limit == 0 ? -1 : ClampToInt64(o.limit)));
  WITNESS_RETURN_IF_ERROR(st.BindInt64(4, ClampToInt64(o.offset)));
  return Status::OK();
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::CurrentSchemaVersion() { return static_cast<int>(store::Migrations().size()); }
int Store::schema_version() const { return impl_->schema_version; }
const std::string& Store::path() const { return impl_->path; }
std::optional<int64_t> Store::active_run() const { return impl_->active_run; }

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  StatusOr<store::OpenedDb> opened = store::OpenDatabase(path, options);
  if (!opened.ok()) return opened.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(opened->db);
  impl->path = path;
  impl->read_only = options.read_only;
  impl->schema_version = CurrentSchemaVersion();
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

StatusOr<PutResult> Store::Put(const std::vector<Article>& batch,
                               const std::vector<TemplateBlob>& templates) {
  return Put(batch, templates, nullptr);
}

StatusOr<PutResult> Store::Put(const std::vector<Article>& batch,
                               const std::vector<TemplateBlob>& templates,
                               const AnalysisUpdate* analysis) {
  WITNESS_RETURN_IF_ERROR(impl_->CheckWritable("put"));
  PutResult result;
  if (analysis != nullptr && analysis->empty()) analysis = nullptr;
  if (batch.empty() && templates.empty() && analysis == nullptr) return result;
  for (const Article& a : batch) WITNESS_RETURN_IF_ERROR(Validate(impl_->path, a));

  std::vector<EncodedArticle> rows(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    WITNESS_RETURN_IF_ERROR(Encode(&impl_->codec, batch[i], &rows[i]));
  }
  const std::string ingested_at = store::NowUtcIso();

  store::Db* db = impl_->db.get();
  StatusOr<store::Transaction> tx = store::Transaction::Begin(db);
  if (!tx.ok()) return tx.status();
  {
    StatusOr<CachedStatement> insert = db->Cached(kInsertArticle, "insert article");
    if (!insert.ok()) return insert.status();
    for (const EncodedArticle& row : rows) {
      (*insert)->Reset();
      WITNESS_RETURN_IF_ERROR(BindArticle(**insert, row, ingested_at, impl_->active_run));
      Status s = (*insert)->Run();
      if (!s.ok()) return s.Annotate(Describe(*row.article));
      if (db->Changes() > 0) {
        ++result.added;
      } else {
        ++result.unchanged;
      }
    }
  }
  if (!templates.empty()) {
    StatusOr<CachedStatement> save = db->Cached(kSaveTemplate, "save source template");
    if (!save.ok()) return save.status();
    for (const TemplateBlob& t : templates) {
      (*save)->Reset();
      WITNESS_RETURN_IF_ERROR((*save)->BindText(1, t.source));
      WITNESS_RETURN_IF_ERROR((*save)->BindBlob(2, t.blob));
      WITNESS_RETURN_IF_ERROR((*save)->BindText(3, ingested_at));
      WITNESS_RETURN_IF_ERROR((*save)->Run().Annotate("source template '" + t.source + "'"));
    }
  }
  if (analysis != nullptr) WITNESS_RETURN_IF_ERROR(store::WriteAnalysis(db, &impl_->codec, *analysis));
  if (impl_->active_run) {
    StatusOr<CachedStatement> bump = db->Cached(kBumpRun, "record run progress");
    if (!bump.ok()) return bump.status();
    WITNESS_RETURN_IF_ERROR((*bump)->BindInt64(1, ClampToInt64(result.added)));
    WITNESS_RETURN_IF_ERROR((*bump)->BindInt64(2, ClampToInt64(result.unchanged)));
    WITNESS_RETURN_IF_ERROR((*bump)->BindInt64(3, *impl_->active_run));
    WITNESS_RETURN_IF_ERROR((*bump)->Run());
  }
  WITNESS_RETURN_IF_ERROR(tx->Commit());
  return result;
}

StatusOr<bool> Store::Contains(std::string_view id) {
  StatusOr<CachedStatement> st =
      impl_->db->Cached("SELECT 1 FROM articles WHERE id = ?1", "look up article id");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR((*st)->BindText(1, std::string(id)));
  return (*st)->Step();
}

StatusOr<std::optional<std::string>> Store::LoadTemplate(std::string_view source) {
  StatusOr<CachedStatement> st = impl_->db->Cached(
      "SELECT blob FROM source_templates WHERE source = ?1", "load source template");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR((*st)->BindText(1, std::string(source)));
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(std::string((*st)->ColumnBlob(0)));
}

StatusOr<Article> Store::Get(std::string_view id_or_prefix) {
  store::Db* db = impl_->db.get();
  const std::string& path = impl_->path;
  const std::string key(id_or_prefix);
  {
    StatusOr<CachedStatement> exact =
        db->Cached(std::string("SELECT ") + store::kArticleColumns + " FROM articles WHERE id = ?1",
                   "get article");
    if (!exact.ok()) return exact.status();
    WITNESS_RETURN_IF_ERROR((*exact)->BindText(1, key));
    StatusOr<bool> row = (*exact)->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      Article a;
      WITNESS_RETURN_IF_ERROR(store::ReadArticle(**exact, &impl_->codec, path, &a));
      return a;
    }
  }
  constexpr size_t kMinPrefix = 4;
  if (key.size() < kMinPrefix) {
    return Status::NotFound(path + ": no article '" + key + "' (an id prefix needs at least " +
                            std::to_string(kMinPrefix) + " characters)");
  }
  // A range over the UNIQUE index on id, not LIKE (which would scan and fold case).
  std::vector<std::string> matches;
  {
    std::optional<std::string> end = PrefixEnd(key);
    StatusOr<CachedStatement> range =
        end ? db->Cached("SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 4",
                         "find article by id prefix")
            : db->Cached("SELECT id FROM articles WHERE id >= ?1 ORDER BY id LIMIT 4",
                         "find article by id prefix");
    if (!range.ok()) return range.status();
    WITNESS_RETURN_IF_ERROR((*range)->BindText(1, key));
    if (end) WITNESS_RETURN_IF_ERROR((*range)->BindText(2, *end));
    while (true) {
      StatusOr<bool> row = (*range)->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      std::string_view id = (*range)->ColumnText(0);
      if (id.substr(0, key.size()) == key) matches.emplace_back(id);
    }
  }
  if (matches.empty()) {
    return Status::NotFound(path + ": no article with id or id prefix '" + key + "'");
  }
  if (matches.size() > 1) {
    std::string msg = path + ": id prefix '" + key + "' is ambiguous: it matches ";
    for (size_t i = 0; i < matches.size() && i < 3; ++i) {
      if (i > 0) msg += ", ";
      msg += matches[i];
    }
    msg += matches.size() > 3 ? " and more" : "";
    msg += "; give more characters";
    return Status::InvalidArgument(std::move(msg));
  }
  return Get(matches[0]);
}

StatusOr<std::vector<ArticleSummary>> Store::List(const ListOptions& options) {
  StatusOr<CachedStatement> st = impl_->db->Cached(
      ListSql(options, "id, source, published, title, word_count"), "list articles");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR(BindList(impl_->path, options, **st));
  std::vector<ArticleSummary> out;
  while (true) {
    StatusOr<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ArticleSummary s;
    s.id = (*st)->ColumnText(0);
    s.source = (*st)->ColumnText(1);
    s.published = (*st)->ColumnText(2);
    s.title = (*st)->ColumnText(3);
    int64_t words = (*st)->ColumnInt64(4);
    s.word_count = words < 0 ? 0 : static_cast<uint32_t>(words);
    out.push_back(std::move(s));
  }
  return out;
}

Status Store::Scan(const ListOptions& options, const std::function<Status(Article&&)>& fn) {
  // Not cached: a callback may call Get/List on this Store, which must not reset this cursor.
  StatusOr<Statement> st =
      impl_->db->Prepare(ListSql(options, store::kArticleColumns), "scan articles");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR(BindList(impl_->path, options, *st));
  while (true) {
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    Article a;
    WITNESS_RETURN_IF_ERROR(store::ReadArticle(*st, &impl_->codec, impl_->path, &a));
    WITNESS_RETURN_IF_ERROR(fn(std::move(a)));
  }
}

StatusOr<uint64_t> Store::CountArticles() {
  StatusOr<CachedStatement> st =
      impl_->db->Cached("SELECT count(*) FROM articles", "count articles");
  if (!st.ok()) return st.status();
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  return static_cast<uint64_t>((*st)->ColumnInt64(0));
}

}  // namespace witness
