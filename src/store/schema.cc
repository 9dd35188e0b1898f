#include "store/schema.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "store/codec.h"

namespace witness::store {

namespace {

// ---- version 1: the foundation ----
//
// articles: one row per stored article. `rowid` is the compact internal key; `id` the public
// one. Unknown text fields are '' (never NULL), so every column reads back exactly as it was
// put. html and raw hold one zstd frame each, NULL when there is nothing to store;
// raw_same_as says where raw's bytes are when they are not stored twice: 1 = raw was byte for
// byte equal to text (plain-text input), 2 = equal to html (an HTML page read as is);
// 0 = raw is its own column (NULL when empty).
// The two ordering indexes serve `witness ls` (store.cc List): published ascending, unknown
// ('') last, then source, then id, with or without a source filter, without a sort step; they
// also carry title and word_count, so a listing never reads the (large) article rows.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  inputs      TEXT NOT NULL DEFAULT '[]',
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  added       INTEGER NOT NULL DEFAULT 0 CHECK (added >= 0),
  unchanged   INTEGER NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  rejected    INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0)
);

CREATE TABLE articles (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  source       TEXT NOT NULL DEFAULT '',
  url          TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  published    TEXT NOT NULL DEFAULT '',
  language     TEXT NOT NULL DEFAULT '',
  places       TEXT NOT NULL DEFAULT '[]',
  agencies     TEXT NOT NULL DEFAULT '[]',
  author       TEXT NOT NULL DEFAULT '',
  content_type INTEGER NOT NULL DEFAULT 0,
  text         TEXT NOT NULL,
  html         BLOB,
  raw          BLOB,
  raw_same_as  INTEGER NOT NULL DEFAULT 0 CHECK (raw_same_as IN (0, 1, 2)),
  extra_json   TEXT NOT NULL DEFAULT '{}',
  origin       TEXT NOT NULL DEFAULT '',
  word_count   INTEGER NOT NULL DEFAULT 0 CHECK (word_count >= 0),
  ingested_at  TEXT NOT NULL,
  run_id       INTEGER REFERENCES runs(id)
);

CREATE INDEX articles_by_published ON articles(published = '', published, source, id, title, word_count);
CREATE INDEX articles_by_source ON articles(source, published = '', published, id, title, word_count);
CREATE INDEX articles_by_run ON articles(run_id);
)sql";

Status MigrateTo1(Db* db) {
  WITNESS_RETURN_IF_ERROR(db->Exec(kSchemaV1, "create schema version 1"));
  StatusOr<Statement> meta =
      db->Prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)", "write meta");
  if (!meta.ok()) return meta.status();
  for (auto [key, value] : {std::pair<const char*, std::string>{"created_by", kWitnessVersion},
                            {"created_at", NowUtcIso()}}) {
    meta->Reset();
    WITNESS_RETURN_IF_ERROR(meta->BindText(1, key));
    WITNESS_RETURN_IF_ERROR(meta->BindText(2, value));
    WITNESS_RETURN_IF_ERROR(meta->Run());
  }
  return Status::OK();
}

// Version 2: what cleaning removed from each article (`witness show --why`), and the
// per-source boilerplate templates learned during ingest (clean.h SourceTemplate blobs).
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE articles ADD COLUMN boilerplate TEXT NOT NULL DEFAULT '[]';
CREATE TABLE source_templates (
  source      TEXT PRIMARY KEY NOT NULL,
  blob        BLOB NOT NULL,
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;
)sql";

Status MigrateTo2(Db* db) { return db->Exec(kSchemaV2, "create schema version 2"); }

// Version 3: what analysis derives from the articles, written in the same transaction as the
// batch it came from.
// signatures: each article's MinHash signature (sketch.h SerializeSignature), so the
//   syndication index is rebuilt on open without re-reading texts.
// relations: syndication pairs, `a` the later-added article; origin_who 0 unknown, 1 a, 2 b,
//   3 a common source; reasons a JSON array of strings.
// story_members: the story each article is in now; stories: one row per live story (aliases
//   have none), its label, span, counts and sources (JSON); story_aliases: merged-away ids.
// analysis_state: the story clusterer's checkpoint in parts of at most 64 MiB (a SQLite value
//   must stay under 1 GB), with the articles rowid it covers in meta 'stories_watermark'.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE signatures (
  article_id TEXT PRIMARY KEY NOT NULL,
  signature  BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE relations (
  a           TEXT NOT NULL,
  b           TEXT NOT NULL,
  relation    INTEGER NOT NULL,
  shared_a    REAL NOT NULL,
  shared_b    REAL NOT NULL,
  jaccard     REAL NOT NULL,
  verified    INTEGER NOT NULL,
  origin_who  INTEGER NOT NULL,
  agency      TEXT NOT NULL DEFAULT '',
  reasons     TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX relations_by_b ON relations(b);
CREATE TABLE story_members (
  article_id TEXT PRIMARY KEY NOT NULL,
  story      TEXT NOT NULL,
  score      REAL NOT NULL,
  via_copy   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX story_members_by_story ON story_members(story);
CREATE TABLE stories (
  id            TEXT PRIMARY KEY NOT NULL,
  seq           INTEGER NOT NULL,
  label         TEXT NOT NULL,
  label_article TEXT NOT NULL,
  first         TEXT NOT NULL,
  last          TEXT NOT NULL,
  articles      INTEGER NOT NULL,
  sources       TEXT NOT NULL,
  aliases       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX stories_by_last ON stories(last);
CREATE TABLE story_aliases (
  alias TEXT PRIMARY KEY NOT NULL,
  story TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE analysis_state (
  name TEXT NOT NULL,
  part INTEGER NOT NULL,
  blob BLOB NOT NULL,
  PRIMARY KEY (name, part)
) WITHOUT ROWID;
)sql";

Status MigrateTo3(Db* db) { return db->Exec(kSchemaV3, "create schema version 3"); }

constexpr Migration kMigrationList[] = {
    {1, "create articles, runs, meta", &MigrateTo1},
    {2, "add articles.boilerplate and source_templates", &MigrateTo2},
    {3, "add signatures, relations, stories and analysis state", &MigrateTo3},
};

struct Header {
  int64_t version = 0;
  int64_t application_id = 0;
  int64_t objects = 0;  // rows in sqlite_schema
};

// One statement, so one snapshot: read as three queries, another process's migration could
// commit in between and the file would look like version 0 with tables of its own.
StatusOr<Header> ReadHeader(Db* db) {
  StatusOr<Statement> st = db->Prepare(
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), "
      "(SELECT count(*) FROM sqlite_schema)",
      "read schema version");
  if (!st.ok()) return st.status();
  StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(db->path() + ": read schema version: no row");
  Header h;
  h.version = st->ColumnInt64(0);
  h.application_id = st->ColumnInt64(1);
  h.objects = st->ColumnInt64(2);
  return h;
}

// Refuses files witness must not read or alter.
Status CheckHeader(const std::string& path, const Header& h, int current) {
  if (h.application_id != 0 && h.application_id != kApplicationId) {
    char id[16];
    std::snprintf(id, sizeof id, "0x%08llX",
                  static_cast<unsigned long long>(static_cast<uint32_t>(h.application_id)));
    return Status::InvalidArgument(path +
                                   ": not a witness database (a SQLite file of another "
                                   "program, application_id " +
                                   id + ")");
  }
  if (h.version < 0 || (h.application_id == 0 && h.version > 0)) {
    return Status::InvalidArgument(path +
                                   ": not a witness database (a SQLite file of another "
                                   "program, user_version " +
                                   std::to_string(h.version) + ")");
  }
  if (h.version > current) {
    return Status::Unsupported(path + ": schema version " + std::to_string(h.version) +
                               " was written by a newer witness; this one reads up to version " +
                               std::to_string(current) + " (the file was left unchanged)");
  }
  if (h.version == 0 && h.objects > 0) {
    return Status::InvalidArgument(path + ": not a witness database (a SQLite file with " +
                                   std::to_string(h.objects) + " tables or indexes of its own)");
  }
  return Status::OK();
}

bool IsMemoryPath(const std::string& path) { return path.empty() || path == ":memory:"; }

// Switching a new file to WAL needs an exclusive lock. When another process opening the same
// new file holds a shared lock, SQLite answers SQLITE_BUSY at once, without its busy handler
// (waiting could deadlock inside a transaction; we are in none), so wait here, up to the
// busy timeout.
StatusOr<std::string> SetWal(Db* db, int busy_timeout_ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  std::chrono::milliseconds pause(1);
  while (true) {
    StatusOr<std::string> mode = db->QueryText("PRAGMA journal_mode=WAL", "set journal_mode=WAL");
    if (mode.ok() || (sqlite3_extended_errcode(db->handle()) & 0xff) != SQLITE_BUSY ||
        std::chrono::steady_clock::now() + pause > deadline) {
      return mode;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

Status SetPragmas(Db* db, const StoreOptions& options, bool memory) {
  if (!options.read_only) {
    // A new file gets 16 KiB pages: a 2-8 KB article then fits in a leaf page instead of a
    // chain of overflow pages, which made Put about a third cheaper (doc/performance.md).
    // An existing file keeps the page size it has.
    StatusOr<int64_t> pages = db->QueryInt("PRAGMA page_count", "read page count");
    if (!pages.ok()) return pages.status();
    if (*pages == 0) WITNESS_RETURN_IF_ERROR(db->Exec("PRAGMA page_size=16384"));
    StatusOr<std::string> mode = SetWal(db, options.busy_timeout_ms);
    if (!mode.ok()) return mode.status();
    if (*mode != "wal" && !(memory && *mode == "memory")) {
      return Status::IoError(db->path() + ": cannot use a write-ahead log here (journal_mode is " +
                             *mode + "); witness needs a local file system");
    }
    WITNESS_RETURN_IF_ERROR(
        db->Exec(options.sync_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
    // Keep a checkpointed WAL from staying large on disk after a big ingest.
    WITNESS_RETURN_IF_ERROR(db->Exec("PRAGMA journal_size_limit=67108864"));
  }
  WITNESS_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys=ON"));
  WITNESS_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size=-32768"));  // 32 MiB
  WITNESS_RETURN_IF_ERROR(db->Exec("PRAGMA temp_store=MEMORY"));
  return Status::OK();
}

Status Migrate(Db* db, int current) {
  StatusOr<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.status().Annotate("migrate schema");
  // Another process may have migrated between our first look and the write lock.
  StatusOr<Header> h = ReadHeader(db);
  if (!h.ok()) return h.status();
  WITNESS_RETURN_IF_ERROR(CheckHeader(db->path(), *h, current));
  if (h->version == current) return tx->Commit();  // done by the other process
  for (const Migration& m : Migrations()) {
    if (m.version <= h->version) continue;
    Status s = m.apply(db);
    if (!s.ok()) {
      return s.Annotate("migrate schema to version " + std::to_string(m.version) + " (" +
                        m.description + ")");
    }
    StatusOr<Statement> note =
        db->Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", "write meta");
    if (!note.ok()) return note.status();
    WITNESS_RETURN_IF_ERROR(note->BindText(1, "schema_v" + std::to_string(m.version)));
    WITNESS_RETURN_IF_ERROR(note->BindText(2, std::string(kWitnessVersion) + " " + NowUtcIso()));
    WITNESS_RETURN_IF_ERROR(note->Run());
  }
  // Pragmas take no parameters; both values are integers we format ourselves.
  WITNESS_RETURN_IF_ERROR(
      db->Exec("PRAGMA application_id=" + std::to_string(kApplicationId), "mark the file"));
  WITNESS_RETURN_IF_ERROR(
      db->Exec("PRAGMA user_version=" + std::to_string(current), "set schema version"));
  return tx->Commit();
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrationList; }

StatusOr<OpenedDb> OpenDatabase(const std::string& path, const StoreOptions& options) {
  const int current = static_cast<int>(Migrations().size());
  const bool memory = IsMemoryPath(path);
  if (!memory) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      if (errno != ENOENT) {
        return Status::IoError(path + ": cannot read database file: " + std::strerror(errno));
      }
      if (!options.create_if_missing || options.read_only) {
        return Status::NotFound(path + ": no such database file");
      }
    } else if (S_ISDIR(st.st_mode)) {
      return Status::InvalidArgument(path + ": is a folder, not a database file");
    }
  } else if (options.read_only) {
    return Status::InvalidArgument("an in-memory database cannot be opened read-only");
  }

  int flags = options.read_only
                  ? SQLITE_OPEN_READONLY
                  : SQLITE_OPEN_READWRITE | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  StatusOr<std::unique_ptr<Db>> opened = Db::Open(path, flags);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<Db> db = std::move(*opened);
  sqlite3_busy_timeout(db->handle(), options.busy_timeout_ms < 0 ? 0 : options.busy_timeout_ms);

  // Look before writing anything: a foreign or newer file is refused untouched.
  StatusOr<Header> header = ReadHeader(db.get());
  if (!header.ok()) return header.status();
  WITNESS_RETURN_IF_ERROR(CheckHeader(path, *header, current));
  if (options.read_only && header->version < current) {
    if (header->version == 0) {
      return Status::InvalidArgument(path + ": not a witness database (no witness schema)");
    }
    return Status::Unsupported(path + ": schema version " + std::to_string(header->version) +
                               " is older than this witness (" + std::to_string(current) +
                               "); open it once without read-only to upgrade it");
  }

  WITNESS_RETURN_IF_ERROR(SetPragmas(db.get(), options, memory));
  if (header->version < current) WITNESS_RETURN_IF_ERROR(Migrate(db.get(), current));
  return OpenedDb{std::move(db), static_cast<int>(header->version)};
}

}  // namespace witness::store
