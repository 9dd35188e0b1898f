#include "store/schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "store/test_util.h"
#include "witness/store.h"

namespace witness::store {
namespace {

using testing::FileExists;
using ::testing::HasSubstr;
using testing::ReadFileBytes;
using testing::SampleArticle;
using ::testing::StartsWith;
using testing::TempDir;
using testing::WriteFileBytes;

// A plain connection to `path`, outside the Store, for setting files up by hand.
std::unique_ptr<Db> Raw(const std::string& path) {
  auto db = Db::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!db.ok()) std::abort();
  return std::move(*db);
}

int64_t RawInt(const std::string& path, const std::string& sql) {
  auto v = Raw(path)->QueryInt(sql);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : -1;
}

TEST(SchemaTest, CreatesThenReopens) {
  TempDir dir;
  std::string path = dir.File("w.db");
  EXPECT_EQ(Store::CurrentSchemaVersion(), 3);
  {
    ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {}));
    EXPECT_EQ(store->schema_version(), Store::CurrentSchemaVersion());
    EXPECT_EQ(store->path(), path);
    ASSERT_OK_AND_ASSIGN(r, store->Put({SampleArticle(1)}));
    EXPECT_EQ(r.added, 1u);
  }
  EXPECT_TRUE(FileExists(path));
  EXPECT_EQ(RawInt(path, "PRAGMA user_version"), Store::CurrentSchemaVersion());
  EXPECT_EQ(RawInt(path, "PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(RawInt(path, "PRAGMA page_size"), 16384);  // a new file gets large pages
  ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {.create_if_missing = false}));
  ASSERT_OK_AND_ASSIGN(n, store->CountArticles());
  EXPECT_EQ(n, 1u);
  EXPECT_OK(store->Check());
}

TEST(SchemaTest, CurrentVersionHasTheFoundationTables) {
  TempDir dir;
  std::string path = dir.File("w.db");
  { ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {})); }
  auto db = Raw(path);
  auto columns = [&](const std::string& table) {
    std::vector<std::string> out;
    auto st = db->Prepare("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
    EXPECT_TRUE(st.ok());
    while (true) {
      auto row = st->Step();
      if (!row.ok() || !*row) break;
      out.emplace_back(st->ColumnText(0));
    }
    return out;
  };
  EXPECT_THAT(columns("articles"),
              ::testing::ElementsAre("rowid", "id", "source", "url", "title", "published",
                                     "language", "places", "agencies", "author", "content_type",
                                     "text", "html", "raw", "raw_same_as", "extra_json", "origin",
                                     "word_count", "ingested_at", "run_id", "boilerplate"));
  EXPECT_THAT(columns("source_templates"),
              ::testing::ElementsAre("source", "blob", "updated_at"));
  EXPECT_THAT(columns("runs"), ::testing::ElementsAre("id", "inputs", "started_at", "finished_at",
                                                      "added", "unchanged", "rejected"));
  EXPECT_THAT(columns("meta"), ::testing::ElementsAre("key", "value"));
  auto created_by = db->QueryText("SELECT value FROM meta WHERE key = 'created_by'");
  ASSERT_TRUE(created_by.ok());
  EXPECT_THAT(*created_by, StartsWith("witness "));
  auto v1 = db->QueryText("SELECT value FROM meta WHERE key = 'schema_v1'");
  ASSERT_TRUE(v1.ok());
  EXPECT_THAT(*v1, StartsWith(std::string(kWitnessVersion) + " 20"));
  auto indexes = db->QueryInt(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles' AND "
      "name IN ('articles_by_published', 'articles_by_source', 'articles_by_run')");
  ASSERT_TRUE(indexes.ok());
  EXPECT_EQ(*indexes, 3);
}

TEST(SchemaTest, ConnectionPragmas) {
  TempDir dir;
  std::string path = dir.File("w.db");
  for (bool full : {false, true}) {
    ASSERT_OK_AND_ASSIGN(opened, OpenDatabase(path, {.busy_timeout_ms = 1234, .sync_full = full}));
    Db* db = opened.db.get();
    EXPECT_EQ(*db->QueryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(*db->QueryInt("PRAGMA synchronous"), full ? 2 : 1);  // FULL : NORMAL
    EXPECT_EQ(*db->QueryInt("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(*db->QueryInt("PRAGMA busy_timeout"), 1234);
    EXPECT_LT(*db->QueryInt("PRAGMA cache_size"), -1000);  // KiB, i.e. several MiB
    EXPECT_EQ(opened.version_before, full ? Store::CurrentSchemaVersion() : 0);
  }
  // WAL is a property of the file: another connection sees it.
  EXPECT_EQ(*Raw(path)->QueryText("PRAGMA journal_mode"), "wal");
}

TEST(SchemaTest, MigratesAnEmptyFile) {
  TempDir dir;
  std::string path = dir.File("empty.db");
  WriteFileBytes(path, "");
  ASSERT_OK_AND_ASSIGN(opened, OpenDatabase(path, {.create_if_missing = false}));
  EXPECT_EQ(opened.version_before, 0);
  EXPECT_EQ(*opened.db->QueryInt("PRAGMA user_version"), Store::CurrentSchemaVersion());
  EXPECT_EQ(*opened.db->QueryInt("SELECT count(*) FROM articles"), 0);
}

TEST(SchemaTest, MigratesAVersionZeroDatabase) {
  TempDir dir;
  std::string path = dir.File("v0.db");
  {
    auto db = Raw(path);
    ASSERT_OK(db->Exec("PRAGMA page_size=8192; VACUUM"));  // a real, table-less SQLite file
  }
  ASSERT_GT(ReadFileBytes(path).size(), 0u);
  ASSERT_EQ(RawInt(path, "PRAGMA user_version"), 0);
  ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {}));
  EXPECT_EQ(store->schema_version(), Store::CurrentSchemaVersion());
  ASSERT_OK_AND_ASSIGN(r, store->Put({SampleArticle(1)}));
  EXPECT_EQ(r.added, 1u);
  EXPECT_EQ(RawInt(path, "PRAGMA page_size"), 8192);
}

TEST(SchemaTest, RefusesANewerVersionWithoutTouchingIt) {
  TempDir dir;
  std::string path = dir.File("w.db");
  { ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {})); }
  ASSERT_OK(Raw(path)->Exec("PRAGMA user_version = 99"));
  ASSERT_FALSE(FileExists(path + "-wal"));  // the raw connection checkpointed on close
  const std::string before = ReadFileBytes(path);

  for (bool read_only : {false, true}) {
    auto store = Store::Open(path, {.read_only = read_only});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kUnsupported);
    EXPECT_THAT(store.status().message(), StartsWith(path + ": schema version 99 "));
    EXPECT_THAT(store.status().message(), HasSubstr("newer witness"));
    EXPECT_EQ(ReadFileBytes(path), before);
  }
  EXPECT_EQ(RawInt(path, "PRAGMA user_version"), 99);
}

TEST(SchemaTest, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  const std::string text = "These are my notes, not a database.\n" + std::string(2000, '.');
  WriteFileBytes(path, text);
  auto store = Store::Open(path, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(store.status().message(), StartsWith(path + ": "));
  EXPECT_THAT(store.status().message(), HasSubstr("not a database"));
  EXPECT_EQ(ReadFileBytes(path), text);
  EXPECT_FALSE(FileExists(path + "-wal"));
  EXPECT_FALSE(FileExists(path + "-journal"));
}

TEST(SchemaTest, RefusesADamagedHeader) {
  TempDir dir;
  std::string path = dir.File("w.db");
  { ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {})); }
  std::string bytes = ReadFileBytes(path);
  for (size_t i = 16; i < 100; ++i) bytes[i] = static_cast<char>(0xA5);  // keep the magic
  WriteFileBytes(path, bytes);
  auto store = Store::Open(path, {});
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), StartsWith(path + ": "));
  EXPECT_TRUE(store.status().code() == Status::Code::kInvalidArgument ||
              store.status().code() == Status::Code::kCorruption)
      << store.status().ToString();
}

TEST(SchemaTest, RefusesAnotherProgramsDatabase) {
  TempDir dir;
  struct Case {
    const char* name;
    const char* setup;
    const char* expect;
  } cases[] = {
      {"tables.db", "CREATE TABLE users(id INTEGER PRIMARY KEY)", "tables or indexes of its own"},
      {"appid.db", "PRAGMA application_id = 1234", "application_id 0x000004D2"},
      {"version.db", "PRAGMA user_version = 5", "user_version 5"},
  };
  for (const Case& c : cases) {
    std::string path = dir.File(c.name);
    ASSERT_OK(Raw(path)->Exec(c.setup));
    const std::string before = ReadFileBytes(path);
    auto store = Store::Open(path, {});
    ASSERT_FALSE(store.ok()) << c.name;
    EXPECT_EQ(store.status().code(), Status::Code::kInvalidArgument) << c.name;
    EXPECT_THAT(store.status().message(), StartsWith(path + ": not a witness database"));
    EXPECT_THAT(store.status().message(), HasSubstr(c.expect));
    EXPECT_EQ(ReadFileBytes(path), before) << c.name;
  }
}

TEST(SchemaTest, CreateIfMissingFalseOnAMissingFile) {
  TempDir dir;
  std::string path = dir.File("typo.db");
  for (StoreOptions o : {StoreOptions{.create_if_missing = false},
                         StoreOptions{.create_if_missing = true, .read_only = true}}) {
    auto store = Store::Open(path, o);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), Status::Code::kNotFound);
    EXPECT_EQ(store.status().message(), path + ": no such database file");
    EXPECT_FALSE(FileExists(path));
  }
}

TEST(SchemaTest, AFolderIsNotADatabase) {
  TempDir dir;
  auto store = Store::Open(dir.path(), {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store.status().message(), dir.path() + ": is a folder, not a database file");
}

TEST(SchemaTest, MissingFolderNamesThePath) {
  TempDir dir;
  std::string path = dir.File("nope/w.db");
  auto store = Store::Open(path, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIoError);
  EXPECT_THAT(store.status().message(), StartsWith(path + ": "));
}

TEST(SchemaTest, ReadOnly) {
  TempDir dir;
  std::string path = dir.File("w.db");
  {
    ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {}));
    ASSERT_OK_AND_ASSIGN(r, store->Put({SampleArticle(1), SampleArticle(2)}));
  }
  ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {.read_only = true}));
  ASSERT_OK_AND_ASSIGN(n, store->CountArticles());
  EXPECT_EQ(n, 2u);
  ASSERT_OK_AND_ASSIGN(a, store->Get(SampleArticle(2).id));
  EXPECT_EQ(a.text, SampleArticle(2).text);
  EXPECT_OK(store->Check());

  auto put = store->Put({SampleArticle(3)});
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().message(), path + ": put: the database was opened read-only");
  EXPECT_FALSE(store->BeginRun({"x"}).ok());
  EXPECT_FALSE(store->FinishRun(1, 0, 0, 0).ok());
  ASSERT_OK_AND_ASSIGN(n2, store->CountArticles());
  EXPECT_EQ(n2, 2u);
}

TEST(SchemaTest, ReadOnlyRefusesFilesItCannotMigrate) {
  TempDir dir;
  std::string path = dir.File("empty.db");
  WriteFileBytes(path, "");
  auto store = Store::Open(path, {.read_only = true});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message(), path + ": not a witness database (no witness schema)");
  EXPECT_EQ(ReadFileBytes(path), "");
}

TEST(SchemaTest, OpenWhileAnotherWriterHoldsTheLockFailsCleanly) {
  TempDir dir;
  std::string path = dir.File("v0.db");
  auto holder = Raw(path);
  ASSERT_OK(holder->Exec("BEGIN IMMEDIATE"));
  auto store = Store::Open(path, {.busy_timeout_ms = 50});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIoError);
  EXPECT_THAT(store.status().message(), StartsWith(path + ": "));
  EXPECT_THAT(store.status().message(), HasSubstr("locked"));
  ASSERT_OK(holder->Exec("ROLLBACK"));
  holder.reset();
  EXPECT_EQ(RawInt(path, "PRAGMA user_version"), 0);
  EXPECT_EQ(RawInt(path, "SELECT count(*) FROM sqlite_schema"), 0);
  // Once the lock is gone the same file migrates.
  ASSERT_OK_AND_ASSIGN(again, Store::Open(path, {}));
  EXPECT_EQ(again->schema_version(), Store::CurrentSchemaVersion());
}

TEST(SchemaTest, ConcurrentOpensOfANewFileMigrateOnce) {
  TempDir dir;
  std::string path = dir.File("race.db");
  constexpr int kThreads = 6;
  std::vector<std::thread> threads;
  std::vector<Status> results(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto store = Store::Open(path, {});
      results[i] = store.ok() ? Status::OK() : store.status();
      if (store.ok()) {
        auto r = (*store)->Put({SampleArticle(i)});
        if (!r.ok()) results[i] = r.status();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const Status& s : results) EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(RawInt(path, "PRAGMA user_version"), Store::CurrentSchemaVersion());
  EXPECT_EQ(RawInt(path, "SELECT count(*) FROM meta WHERE key = 'created_by'"), 1);
  EXPECT_EQ(RawInt(path, "SELECT count(*) FROM articles"), kThreads);
}

TEST(SchemaTest, MigratesAVersionOneDatabaseKeepingItsArticles) {
  TempDir dir;
  std::string path = dir.File("v1.db");
  {
    // A file exactly as witness 0.1's first schema left it, with one article.
    auto db = Raw(path);
    ASSERT_OK(db->Exec("BEGIN"));
    ASSERT_OK(Migrations()[0].apply(db.get()));
    ASSERT_OK(db->Exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    ASSERT_OK(db->Exec("PRAGMA user_version = 1"));
    ASSERT_OK(db->Exec(
        "INSERT INTO articles(id, source, title, text, raw_same_as, ingested_at) "
        "VALUES ('old-1', 'wire', 'Old title', 'Old body text.', 1, '2025-01-01T00:00:00Z')"));
    ASSERT_OK(db->Exec("COMMIT"));
  }
  ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {}));
  EXPECT_EQ(store->schema_version(), 3);
  EXPECT_EQ(RawInt(path, "PRAGMA user_version"), 3);
  ASSERT_OK_AND_ASSIGN(old, store->Get("old-1"));
  EXPECT_EQ(old.title, "Old title");
  EXPECT_EQ(old.text, "Old body text.");
  EXPECT_TRUE(old.boilerplate.empty());
  // The new columns and table work on the migrated file.
  Article fresh = SampleArticle(7);
  fresh.boilerplate = {{"caption", "ends with photo credit 'PHOTO: AFP'", "A street. PHOTO: AFP"}};
  ASSERT_OK_AND_ASSIGN(r, store->Put({fresh}, {{"wire", "template-bytes"}}));
  EXPECT_EQ(r.added, 1u);
  ASSERT_OK_AND_ASSIGN(back, store->Get(fresh.id));
  ASSERT_EQ(back.boilerplate.size(), 1u);
  EXPECT_EQ(back.boilerplate[0].rule, "caption");
  EXPECT_EQ(back.boilerplate[0].text, "A street. PHOTO: AFP");
  ASSERT_OK_AND_ASSIGN(blob, store->LoadTemplate("wire"));
  ASSERT_TRUE(blob.has_value());
  EXPECT_EQ(*blob, "template-bytes");
  EXPECT_OK(store->Check());
}

TEST(SchemaTest, MigrationsAreNumberedInOrder) {
  auto steps = Migrations();
  ASSERT_FALSE(steps.empty());
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(steps[i].version, static_cast<int>(i + 1));
    EXPECT_NE(steps[i].apply, nullptr);
  }
  EXPECT_EQ(static_cast<int>(steps.size()), Store::CurrentSchemaVersion());
}

TEST(SchemaTest, InMemoryDatabaseWorks) {
  ASSERT_OK_AND_ASSIGN(store, Store::Open(":memory:", {}));
  ASSERT_OK_AND_ASSIGN(r, store->Put({SampleArticle(1)}));
  EXPECT_EQ(r.added, 1u);
  EXPECT_OK(store->Check());
}

}  // namespace
}  // namespace witness::store
