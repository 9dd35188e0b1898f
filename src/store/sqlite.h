// store/sqlite.h: a small RAII layer over SQLite's C API.
//
//   auto db = Db::Open("witness.db", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
//   auto tx = Transaction::Begin(db->get());            // BEGIN IMMEDIATE
//   auto st = (*db)->Cached("INSERT INTO meta(key, value) VALUES (?1, ?2)");
//   (*st)->BindText(1, "k"); (*st)->BindText(2, "v"); (*st)->Run();
//   tx->Commit();                                       // else ROLLBACK when tx goes away
//
// Rules:
//   - No exceptions. Every SQLite failure becomes a Status whose one-line message names the
//     database path, the operation, and SQLite's own words (sqlite3_errmsg):
//       "witness.db: insert article: UNIQUE constraint failed: articles.id".
//   - A Statement's text/blob bindings are copied (SQLITE_TRANSIENT), so the caller's buffers
//     need not outlive the call.
//   - Column accessors return views into SQLite's memory: valid until the next Step/Reset.
//   - A CachedStatement is reset (and its bindings cleared) when it goes out of scope, so no
//     read transaction is left open behind the caller's back.
#ifndef WITNESS_STORE_SQLITE_H_
#define WITNESS_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "witness/status.h"

namespace witness::store {

class Db;

// Maps an SQLite result code to a witness Status code (NOTADB -> kInvalidArgument, CORRUPT ->
// kCorruption, BUSY/IOERR/FULL/CANTOPEN/READONLY -> kIoError, TOOBIG/NOMEM ->
// kResourceExhausted, CONSTRAINT -> kInvalidArgument, anything else -> kInternal).
Status::Code CodeForSqlite(int rc);

// A prepared statement. Move-only; finalized on destruction.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Status BindText(int index, std::string_view value);
  Status BindBlob(int index, std::string_view bytes);  // an empty view binds a zero-length blob
  Status BindInt64(int index, int64_t value);
  Status BindDouble(int index, double value);
  Status BindNull(int index);

  // Runs one step: true when a row is available, false when done.
  StatusOr<bool> Step();
  // Steps to completion; a statement that yields rows is fine (the rows are discarded).
  Status Run();
  // Back to the start, bindings cleared.
  void Reset();

  int ColumnCount() const;
  bool ColumnIsNull(int col) const;
  int64_t ColumnInt64(int col) const;
  double ColumnDouble(int col) const;
  std::string_view ColumnText(int col) const;  // "" for NULL
  std::string_view ColumnBlob(int col) const;  // "" for NULL

  // What this statement does, for messages ("insert article").
  const std::string& operation() const { return operation_; }
  sqlite3_stmt* handle() { return stmt_; }

 private:
  friend class Db;
  Statement(Db* db, sqlite3_stmt* stmt, std::string operation)
      : db_(db), stmt_(stmt), operation_(std::move(operation)) {}
  Status BindResult(int rc, int index);

  Db* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string operation_;
};

// A statement owned by the Db's cache, reset when this handle goes away.
class CachedStatement {
 public:
  explicit CachedStatement(Statement* s) : s_(s) {}
  CachedStatement(CachedStatement&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  CachedStatement& operator=(CachedStatement&&) = delete;
  CachedStatement(const CachedStatement&) = delete;
  ~CachedStatement() {
    if (s_ != nullptr) s_->Reset();
  }
  Statement* operator->() const { return s_; }
  Statement& operator*() const { return *s_; }

 private:
  Statement* s_;
};

// A database connection. Move-free (held by unique_ptr); closed on destruction.
class Db {
 public:
  // Opens `path` with sqlite3_open_v2 `flags` (SQLITE_OPEN_* bits; NOMUTEX and EXRESCODE are
  // added). Nothing is read yet: a file that is not a database fails on the first statement.
  static StatusOr<std::unique_ptr<Db>> Open(const std::string& path, int flags);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // Compiles `sql` (one statement). `operation` names it in messages; by default the start of
  // the SQL itself.
  StatusOr<Statement> Prepare(std::string_view sql, std::string_view operation = {});
  // The same, compiled once per connection and reused. `sql` is the cache key.
  StatusOr<CachedStatement> Cached(std::string_view sql, std::string_view operation = {});
  // Runs one or more statements that return nothing of interest (DDL, PRAGMA assignments).
  Status Exec(std::string_view sql, std::string_view operation = {});
  // The first column of the first row, as an integer / as text. NotFound-free: a query
  // with no row is an Internal error.
  StatusOr<int64_t> QueryInt(std::string_view sql, std::string_view operation = {});
  StatusOr<std::string> QueryText(std::string_view sql, std::string_view operation = {});

  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  int64_t Changes() const;
  int64_t LastInsertRowId() const;
  bool InTransaction() const;

  // The Status for result code `rc` of `operation`: "<path>: <operation>: <errmsg>".
  Status Error(int rc, std::string_view operation) const;

 private:
  Db(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  sqlite3* db_ = nullptr;
  // Declared after db_ so statements are finalized before the connection closes.
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// BEGIN IMMEDIATE on creation; ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  static StatusOr<Transaction> Begin(Db* db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status Commit();
  // Explicit rollback; the destructor does the same.
  void Rollback();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;
};

// A short name for an SQL text: its whitespace collapsed, cut to about 48 characters.
std::string DescribeSql(std::string_view sql);

}  // namespace witness::store

#endif  // WITNESS_STORE_SQLITE_H_
