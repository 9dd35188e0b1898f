#include "store/sqlite.h"

#include <utility>

namespace witness::store {

Status::Code CodeForSqlite(int rc) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return Status::Code::kInvalidArgument;
    case SQLITE_CORRUPT:
      return Status::Code::kCorruption;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
    case SQLITE_AUTH:
      return Status::Code::kIoError;
    case SQLITE_TOOBIG:
    case SQLITE_NOMEM:
      return Status::Code::kResourceExhausted;
    default:
      return Status::Code::kInternal;
  }
}

namespace {

// Messages are one line: SQLite's own words may hold newlines (integrity_check, syntax errors).
void AppendOneLine(std::string* out, std::string_view text) {
  for (char c : text) out->push_back(c == '\n' || c == '\r' ? ' ' : c);
}

}  // namespace

std::string DescribeSql(std::string_view sql) {
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() >= 48) {
      out += "...";
      break;
    }
  }
  return out;
}

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), operation_(std::move(other.operation_)) {
  other.db_ = nullptr;
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    operation_ = std::move(other.operation_);
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Status Statement::BindResult(int rc, int index) {
  if (rc == SQLITE_OK) return Status::OK();
  return db_->Error(rc, operation_ + " (binding parameter " + std::to_string(index) + ")");
}

Status Statement::BindText(int index, std::string_view value) {
  return BindResult(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      index);
}

Status Statement::BindBlob(int index, std::string_view bytes) {
  if (bytes.empty()) return BindResult(sqlite3_bind_zeroblob(stmt_, index, 0), index);
  return BindResult(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT),
                    index);
}

Status Statement::BindInt64(int index, int64_t value) {
  return BindResult(sqlite3_bind_int64(stmt_, index, value), index);
}

Status Statement::BindDouble(int index, double value) {
  return BindResult(sqlite3_bind_double(stmt_, index, value), index);
}

Status Statement::BindNull(int index) { return BindResult(sqlite3_bind_null(stmt_, index), index); }

StatusOr<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status error = db_->Error(rc, operation_);
  // The statement must be reset before it can run again; the error is already captured.
  sqlite3_reset(stmt_);
  return error;
}

Status Statement::Run() {
  while (true) {
    StatusOr<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
  }
}

void Statement::Reset() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

bool Statement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int64_t Statement::ColumnInt64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }

std::string_view Statement::ColumnText(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::string_view Statement::ColumnBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

// ---- Db ----

StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle,
                           flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": open: ";
    AppendOneLine(&msg, handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
    if ((rc & 0xff) == SQLITE_CANTOPEN)
      msg += " (does the folder exist, and may witness write it?)";
    sqlite3_close_v2(handle);  // a no-op on nullptr
    return Status::FromCode(CodeForSqlite(rc), std::move(msg));
  }
  return std::unique_ptr<Db>(new Db(path, handle));
}

Db::~Db() {
  cache_.clear();  // finalize before closing
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Error(int rc, std::string_view operation) const {
  std::string msg = path_;
  msg += ": ";
  msg += operation;
  msg += ": ";
  // sqlite3_errmsg describes the most recent failure on this connection; fall back to the
  // generic text for the code when it does not match (e.g. an error from a finished statement).
  int last = sqlite3_extended_errcode(db_);
  AppendOneLine(&msg, (last & 0xff) == (rc & 0xff) ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_BUSY) {
    msg += " (another process holds the write lock; try again when it is done)";
  }
  return Status::FromCode(CodeForSqlite(rc), std::move(msg));
}

StatusOr<Statement> Db::Prepare(std::string_view sql, std::string_view operation) {
  sqlite3_stmt* stmt = nullptr;
  std::string op = operation.empty() ? DescribeSql(sql) : std::string(operation);
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, op);
  }
  if (stmt == nullptr) return Status::Internal(path_ + ": " + op + ": empty SQL statement");
  return Statement(this, stmt, std::move(op));
}

StatusOr<CachedStatement> Db::Cached(std::string_view sql, std::string_view operation) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    std::string op = operation.empty() ? DescribeSql(sql) : std::string(operation);
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      return Error(rc, op);
    }
    if (stmt == nullptr) return Status::Internal(path_ + ": " + op + ": empty SQL statement");
    it = cache_
             .emplace(std::string(sql),
                      std::unique_ptr<Statement>(new Statement(this, stmt, std::move(op))))
             .first;
  }
  it->second->Reset();
  return CachedStatement(it->second.get());
}

Status Db::Exec(std::string_view sql, std::string_view operation) {
  std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);  // sqlite3_errmsg holds the same text
  if (rc != SQLITE_OK) return Error(rc, operation.empty() ? DescribeSql(sql) : operation);
  return Status::OK();
}

StatusOr<int64_t> Db::QueryInt(std::string_view sql, std::string_view operation) {
  StatusOr<Statement> st = Prepare(sql, operation);
  if (!st.ok()) return st.status();
  StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(path_ + ": " + st->operation() + ": no row");
  return st->ColumnInt64(0);
}

StatusOr<std::string> Db::QueryText(std::string_view sql, std::string_view operation) {
  StatusOr<Statement> st = Prepare(sql, operation);
  if (!st.ok()) return st.status();
  StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(path_ + ": " + st->operation() + ": no row");
  return std::string(st->ColumnText(0));
}

int64_t Db::Changes() const { return sqlite3_changes64(db_); }

int64_t Db::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

bool Db::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---- Transaction ----

StatusOr<Transaction> Transaction::Begin(Db* db) {
  StatusOr<CachedStatement> begin = db->Cached("BEGIN IMMEDIATE", "begin transaction");
  if (!begin.ok()) return begin.status();
  WITNESS_RETURN_IF_ERROR((*begin)->Run());
  return Transaction(db);
}

Transaction::~Transaction() { Rollback(); }

Status Transaction::Commit() {
  if (db_ == nullptr) return Status::Internal("commit: no transaction is open");
  StatusOr<CachedStatement> commit = db_->Cached("COMMIT", "commit transaction");
  if (!commit.ok()) return commit.status();
  Status s = (*commit)->Run();
  if (!s.ok()) return s;  // still open: the destructor rolls back
  db_ = nullptr;
  return Status::OK();
}

void Transaction::Rollback() {
  if (db_ == nullptr) return;
  Db* db = std::exchange(db_, nullptr);
  // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); then ROLLBACK
  // would fail with "no transaction is active".
  if (!db->InTransaction()) return;
  StatusOr<CachedStatement> rollback = db->Cached("ROLLBACK", "roll back transaction");
  if (rollback.ok()) (void)(*rollback)->Run();
}

}  // namespace witness::store
