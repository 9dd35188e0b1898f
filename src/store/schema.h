// store/schema.h: the database schema and its migrations.
//
// Rules:
//   - PRAGMA user_version is the schema version; PRAGMA application_id marks the file as
//     witness's (kApplicationId), so witness never "migrates" another program's database.
//   - kMigrations is ordered: step k turns a version k-1 database into version k. Steps are
//     only ever appended; a released step is never edited.
//   - OpenDatabase runs every pending step in one BEGIN IMMEDIATE transaction, so a crash
//     mid-migration leaves the old version intact. Two processes opening a fresh file at once
//     are safe: the second re-reads the version inside its own transaction.
//   - A file whose version is newer than kMigrations.size() is refused (kUnsupported) before
//     anything is written to it (not even the journal mode).
#ifndef WITNESS_STORE_SCHEMA_H_
#define WITNESS_STORE_SCHEMA_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "store/sqlite.h"
#include "witness/status.h"
#include "witness/store.h"

namespace witness::store {

// "WTNS" as a big-endian integer.
inline constexpr int32_t kApplicationId = 0x57544E53;

// Written to meta.created_by / meta.migrated_by. Kept in step with CMake's project VERSION.
inline constexpr const char* kWitnessVersion = "witness 0.1.0";

struct Migration {
  int version;              // the version this step produces
  const char* description;  // for messages: "create articles, runs, meta"
  Status (*apply)(Db* db);  // runs inside the migration transaction
};

// The steps, in order; kMigrations[i].version == i + 1.
std::span<const Migration> Migrations();

// Opens (and creates, and migrates) the witness database at `path` as `options` say, sets the
// connection's pragmas, and returns the connection plus the schema version found on disk
// before migrating (0 for a new file).
struct OpenedDb {
  std::unique_ptr<Db> db;
  int version_before = 0;
};
StatusOr<OpenedDb> OpenDatabase(const std::string& path, const StoreOptions& options);

}  // namespace witness::store

#endif  // WITNESS_STORE_SCHEMA_H_
