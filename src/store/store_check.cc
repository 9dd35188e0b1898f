// Store::Check: SQLite's own integrity check plus witness's invariants.
#include <string>
#include <vector>

#include "store/codec.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "witness/store.h"

namespace witness {

using store::Statement;

namespace {

// Collects problems; the message lists the first few and counts the rest.
class Problems {
 public:
  void Add(std::string p) {
    ++count_;
    if (shown_.size() < kShown) shown_.push_back(std::move(p));
  }
  bool empty() const { return count_ == 0; }
  Status ToStatus(const std::string& path) const {
    if (count_ == 0) return Status::OK();
    std::string msg = path + ": check found " + std::to_string(count_) +
                      (count_ == 1 ? " problem: " : " problems: ");
    for (size_t i = 0; i < shown_.size(); ++i) {
      if (i > 0) msg += "; ";
      msg += shown_[i];
    }
    if (count_ > shown_.size()) msg += "; ...";
    return Status::Corruption(std::move(msg));
  }

 private:
  static constexpr size_t kShown = 5;
  size_t count_ = 0;
  std::vector<std::string> shown_;
};

// Runs `sql` and hands each row to `fn`.
template <typename Fn>
Status ForRows(store::Db* db, std::string_view sql, std::string_view operation, Fn fn) {
  StatusOr<Statement> st = db->Prepare(sql, operation);
  if (!st.ok()) return st.status();
  while (true) {
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    fn(*st);
  }
}

Status CheckSqlite(store::Db* db, Problems* problems) {
  WITNESS_RETURN_IF_ERROR(
      ForRows(db, "PRAGMA integrity_check(20)", "integrity check", [&](const Statement& st) {
        std::string_view line = st.ColumnText(0);
        if (line != "ok") problems->Add("sqlite: " + std::string(line));
      }));
  return ForRows(db, "PRAGMA foreign_key_check", "foreign key check", [&](const Statement& st) {
    problems->Add("table " + std::string(st.ColumnText(0)) + " row " +
                  std::to_string(st.ColumnInt64(1)) + " refers to a missing row of " +
                  std::string(st.ColumnText(2)));
  });
}

Status CheckHeader(store::Db* db, Problems* problems) {
  StatusOr<int64_t> app = db->QueryInt("PRAGMA application_id", "read application id");
  if (!app.ok()) return app.status();
  if (*app != store::kApplicationId) problems->Add("application_id is not witness's");
  StatusOr<int64_t> version = db->QueryInt("PRAGMA user_version", "read schema version");
  if (!version.ok()) return version.status();
  if (*version != Store::CurrentSchemaVersion()) {
    problems->Add("schema version " + std::to_string(*version) + " (expected " +
                  std::to_string(Store::CurrentSchemaVersion()) + ")");
  }
  StatusOr<int64_t> created =
      db->QueryInt("SELECT count(*) FROM meta WHERE key = 'created_by'", "read meta");
  if (!created.ok()) return created.status();
  if (*created != 1) problems->Add("meta has no created_by");
  return Status::OK();
}

Status CheckArticles(store::Db* db, store::Codec* codec, const std::string& path,
                     Problems* problems) {
  std::string sql = std::string("SELECT ") + store::kArticleColumns +
                    ", typeof(text), raw IS NULL, ingested_at FROM articles ORDER BY rowid";
  return ForRows(db, sql, "check articles", [&](const Statement& st) {
    std::string id(st.ColumnText(0));
    auto bad = [&](const std::string& why) { problems->Add("article " + id + ": " + why); };
    if (id.empty()) bad("empty id");
    // The three columns selected after kArticleColumns.
    constexpr int kTextType = store::kArticleColumnCount;
    constexpr int kRawIsNull = kTextType + 1;
    constexpr int kIngestedAt = kTextType + 2;
    if (st.ColumnText(kTextType) != "text") {
      bad("text is stored as " + std::string(st.ColumnText(kTextType)));
    }
    if (!store::IsValidUtf8(st.ColumnText(10))) bad("text is not valid UTF-8");
    std::string_view extra = st.ColumnText(14);
    if (!extra.empty() && !store::IsValidJson(extra)) bad("extra_json is not valid JSON");
    if (st.ColumnInt64(16) < 0) bad("negative word_count");
    if (st.ColumnInt64(13) != store::kRawOwn && st.ColumnInt64(kRawIsNull) == 0) {
      bad("raw stored although raw_same_as is " + std::to_string(st.ColumnInt64(13)));
    }
    if (st.ColumnInt64(13) == store::kRawIsHtml && st.ColumnIsNull(11)) {
      bad("raw_same_as html, but no html");
    }
    if (st.ColumnText(kIngestedAt).empty()) bad("no ingested_at");
    // Decoding checks the JSON arrays, the content type and both zstd frames.
    Article a;
    Status decoded = store::ReadArticle(st, codec, path, &a);
    if (!decoded.ok()) {
      std::string msg = decoded.message();
      std::string lead = path + ": ";
      if (msg.compare(0, lead.size(), lead) == 0) msg.erase(0, lead.size());
      problems->Add(msg);
    }
  });
}

Status CheckRuns(store::Db* db, Problems* problems) {
  WITNESS_RETURN_IF_ERROR(
      ForRows(db,
              "SELECT id, inputs, started_at, finished_at, added, unchanged, rejected FROM runs "
              "ORDER BY id",
              "check runs", [&](const Statement& st) {
                std::string run = "run " + std::to_string(st.ColumnInt64(0));
                std::vector<std::string> inputs;
                if (!store::DecodeStringArray(st.ColumnText(1), run, &inputs).ok()) {
                  problems->Add(run + ": inputs is not a JSON array of strings");
                }
                if (st.ColumnText(2).empty()) problems->Add(run + ": no started_at");
                if (!st.ColumnIsNull(3) && st.ColumnText(3) < st.ColumnText(2)) {
                  problems->Add(run + ": finished before it started");
                }
                for (int col = 4; col <= 6; ++col) {
                  if (st.ColumnInt64(col) < 0) problems->Add(run + ": negative count");
                }
              }));
  // Put attributes each article it adds to the active run and counts it there, so no run can
  // own more articles than it says it added.
  return ForRows(db,
                 "SELECT r.id, r.added, count(a.rowid) FROM runs r JOIN articles a "
                 "ON a.run_id = r.id GROUP BY r.id HAVING count(a.rowid) > r.added",
                 "check runs", [&](const Statement& st) {
                   problems->Add("run " + std::to_string(st.ColumnInt64(0)) + ": " +
                                 std::to_string(st.ColumnInt64(2)) + " articles but added " +
                                 std::to_string(st.ColumnInt64(1)));
                 });
}

// Analysis rows must point at stored articles and live stories, and a story's count must be
// its members'.
Status CheckAnalysis(store::Db* db, Problems* problems) {
  struct Rule {
    const char* sql;
    const char* what;
  };
  const Rule rules[] = {
      {"SELECT article_id FROM signatures WHERE article_id NOT IN (SELECT id FROM articles)",
       "a signature of an article that is not stored"},
      {"SELECT a || ' / ' || b FROM relations WHERE a NOT IN (SELECT id FROM articles) "
       "OR b NOT IN (SELECT id FROM articles)",
       "a relation with an article that is not stored"},
      {"SELECT article_id FROM story_members WHERE article_id NOT IN (SELECT id FROM articles)",
       "a story member that is not stored"},
      {"SELECT article_id FROM story_members WHERE story NOT IN (SELECT id FROM stories)",
       "a story member of a story that has no row"},
      {"SELECT s.id FROM stories s WHERE s.articles != "
       "(SELECT count(*) FROM story_members m WHERE m.story = s.id)",
       "a story whose article count is not its members'"},
      {"SELECT alias FROM story_aliases WHERE story NOT IN (SELECT id FROM stories)",
       "a story alias of a story that has no row"},
  };
  for (const Rule& rule : rules) {
    WITNESS_RETURN_IF_ERROR(ForRows(db, rule.sql, "check analysis", [&](const Statement& st) {
      problems->Add(std::string(rule.what) + ": " + std::string(st.ColumnText(0)));
    }));
  }
  return Status::OK();
}

}  // namespace

Status Store::Check() {
  store::Db* db = impl_->db.get();
  // One snapshot for every query below, even while another process writes.
  WITNESS_RETURN_IF_ERROR(db->Exec("BEGIN DEFERRED", "check: begin read transaction"));
  struct EndRead {
    store::Db* db;
    ~EndRead() { (void)db->Exec("ROLLBACK", "check: end read transaction"); }
  } end_read{db};
  Problems problems;
  WITNESS_RETURN_IF_ERROR(CheckSqlite(db, &problems));
  // With a damaged b-tree, reading the tables may fail or mislead: report SQLite's findings.
  if (!problems.empty()) return problems.ToStatus(impl_->path);
  WITNESS_RETURN_IF_ERROR(CheckHeader(db, &problems));
  WITNESS_RETURN_IF_ERROR(CheckArticles(db, &impl_->codec, impl_->path, &problems));
  WITNESS_RETURN_IF_ERROR(CheckRuns(db, &problems));
  WITNESS_RETURN_IF_ERROR(CheckAnalysis(db, &problems));
  return problems.ToStatus(impl_->path);
}

}  // namespace witness
