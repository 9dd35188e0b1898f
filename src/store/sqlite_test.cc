#include "store/sqlite.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/test_util.h"

namespace witness::store {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::TempDir;

class SqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("t.db");
    auto db = Db::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_OK(db_->Exec("CREATE TABLE t (k INTEGER PRIMARY KEY, s TEXT, b BLOB)"));
  }
  int64_t Rows() {
    auto n = db_->QueryInt("SELECT count(*) FROM t");
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : -1;
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Db> db_;
};

TEST_F(SqliteTest, BindAndReadBackEveryType) {
  auto ins = db_->Prepare("INSERT INTO t(k, s, b) VALUES (?1, ?2, ?3)");
  ASSERT_TRUE(ins.ok());
  const std::string text("a\0b \xff\xfe end", 10);  // embedded NUL and invalid UTF-8
  const std::string blob("\x00\x01\x02\xff", 4);
  ASSERT_OK(ins->BindInt64(1, -42));
  ASSERT_OK(ins->BindText(2, text));
  ASSERT_OK(ins->BindBlob(3, blob));
  ASSERT_OK(ins->Run());
  EXPECT_EQ(db_->Changes(), 1);
  EXPECT_EQ(db_->LastInsertRowId(), -42);

  auto sel = db_->Prepare("SELECT k, s, b, NULL FROM t");
  ASSERT_TRUE(sel.ok());
  auto row = sel->Step();
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(*row);
  EXPECT_EQ(sel->ColumnCount(), 4);
  EXPECT_EQ(sel->ColumnInt64(0), -42);
  EXPECT_EQ(sel->ColumnText(1), text);
  EXPECT_EQ(sel->ColumnBlob(2), blob);
  EXPECT_TRUE(sel->ColumnIsNull(3));
  EXPECT_EQ(sel->ColumnText(3), "");
  row = sel->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST_F(SqliteTest, EmptyBlobIsNotNull) {
  auto ins = db_->Prepare("INSERT INTO t(k, b) VALUES (1, ?1)");
  ASSERT_TRUE(ins.ok());
  ASSERT_OK(ins->BindBlob(1, ""));
  ASSERT_OK(ins->Run());
  auto n = db_->QueryInt("SELECT count(*) FROM t WHERE b IS NOT NULL AND length(b) = 0");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
}

TEST_F(SqliteTest, ErrorsNameThePathTheOperationAndSqlitesReason) {
  auto bad = db_->Prepare("SELEC nonsense", "look something up");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInternal);
  EXPECT_THAT(bad.status().message(), StartsWith(path_ + ": look something up: "));
  EXPECT_THAT(bad.status().message(), HasSubstr("syntax error"));

  ASSERT_OK(db_->Exec("INSERT INTO t(k) VALUES (1)"));
  auto dup = db_->Prepare("INSERT INTO t(k) VALUES (1)", "insert row");
  ASSERT_TRUE(dup.ok());
  Status s = dup->Run();
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), path_ + ": insert row: UNIQUE constraint failed: t.k");

  // Without a name, the SQL itself names the operation.
  Status e = db_->Exec("INSERT INTO missing VALUES (1)");
  EXPECT_THAT(e.message(), StartsWith(path_ + ": INSERT INTO missing VALUES (1): "));
  EXPECT_THAT(e.message(), HasSubstr("no such table: missing"));
}

TEST_F(SqliteTest, BindOutOfRangeIsAnError) {
  auto st = db_->Prepare("SELECT ?1", "select one");
  ASSERT_TRUE(st.ok());
  Status s = st->BindInt64(2, 1);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("select one (binding parameter 2)"));
}

TEST_F(SqliteTest, TransactionCommits) {
  {
    auto tx = Transaction::Begin(db_.get());
    ASSERT_TRUE(tx.ok());
    EXPECT_TRUE(db_->InTransaction());
    ASSERT_OK(db_->Exec("INSERT INTO t(k) VALUES (1)"));
    ASSERT_OK(tx->Commit());
    EXPECT_FALSE(db_->InTransaction());
  }
  EXPECT_EQ(Rows(), 1);
}

TEST_F(SqliteTest, TransactionRollsBackWhenDropped) {
  {
    auto tx = Transaction::Begin(db_.get());
    ASSERT_TRUE(tx.ok());
    ASSERT_OK(db_->Exec("INSERT INTO t(k) VALUES (1)"));
    ASSERT_OK(db_->Exec("INSERT INTO t(k) VALUES (2)"));
  }
  EXPECT_FALSE(db_->InTransaction());
  EXPECT_EQ(Rows(), 0);
}

TEST_F(SqliteTest, TransactionExplicitRollbackThenDropIsSafe) {
  auto tx = Transaction::Begin(db_.get());
  ASSERT_TRUE(tx.ok());
  ASSERT_OK(db_->Exec("INSERT INTO t(k) VALUES (1)"));
  tx->Rollback();
  EXPECT_EQ(Rows(), 0);
  EXPECT_FALSE(tx->Commit().ok());  // nothing left to commit
}

TEST_F(SqliteTest, NestedBeginFailsCleanly) {
  auto tx = Transaction::Begin(db_.get());
  ASSERT_TRUE(tx.ok());
  auto inner = Transaction::Begin(db_.get());
  ASSERT_FALSE(inner.ok());
  EXPECT_THAT(inner.status().message(), HasSubstr("begin transaction"));
  EXPECT_TRUE(db_->InTransaction());  // the outer one is untouched
}

TEST_F(SqliteTest, CachedStatementsAreReusedAndReset) {
  Statement* first = nullptr;
  {
    auto st = db_->Cached("SELECT k FROM t ORDER BY k");
    ASSERT_TRUE(st.ok());
    first = &**st;
  }
  ASSERT_OK(db_->Exec("INSERT INTO t(k) VALUES (1), (2)"));
  {
    auto st = db_->Cached("SELECT k FROM t ORDER BY k");
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(&**st, first);
    auto row = (*st)->Step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ((*st)->ColumnInt64(0), 1);
    // Left mid-way: the handle's destructor resets it.
  }
  EXPECT_FALSE(sqlite3_stmt_busy(first->handle()));
  auto st = db_->Cached("SELECT k FROM t ORDER BY k");
  ASSERT_TRUE(st.ok());
  auto row = (*st)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*st)->ColumnInt64(0), 1);  // from the start again
}

TEST_F(SqliteTest, QueryTextAndNoRow) {
  auto v = db_->QueryText("SELECT 'hello'");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, "hello");
  auto none = db_->QueryInt("SELECT k FROM t", "read nothing");
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(none.status().message(), HasSubstr("read nothing: no row"));
}

TEST(SqliteOpenTest, MissingFolderIsAnIoErrorNamingThePath) {
  TempDir dir;
  std::string path = dir.File("no/such/folder/x.db");
  auto db = Db::Open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kIoError);
  EXPECT_THAT(db.status().message(), StartsWith(path + ": open: "));
}

TEST(SqliteOpenTest, NotADatabaseFailsOnFirstRead) {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  testing::WriteFileBytes(path, std::string(4096, 'x'));
  auto db = Db::Open(path, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(db.ok());
  auto v = (*db)->QueryInt("PRAGMA user_version", "read schema version");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(v.status().message(), path + ": read schema version: file is not a database");
}

TEST(SqliteCodesTest, Mapping) {
  EXPECT_EQ(CodeForSqlite(SQLITE_NOTADB), Status::Code::kInvalidArgument);
  EXPECT_EQ(CodeForSqlite(SQLITE_CORRUPT), Status::Code::kCorruption);
  EXPECT_EQ(CodeForSqlite(SQLITE_CORRUPT_INDEX), Status::Code::kCorruption);
  EXPECT_EQ(CodeForSqlite(SQLITE_BUSY), Status::Code::kIoError);
  EXPECT_EQ(CodeForSqlite(SQLITE_IOERR_WRITE), Status::Code::kIoError);
  EXPECT_EQ(CodeForSqlite(SQLITE_FULL), Status::Code::kIoError);
  EXPECT_EQ(CodeForSqlite(SQLITE_READONLY), Status::Code::kIoError);
  EXPECT_EQ(CodeForSqlite(SQLITE_TOOBIG), Status::Code::kResourceExhausted);
  EXPECT_EQ(CodeForSqlite(SQLITE_CONSTRAINT_UNIQUE), Status::Code::kInvalidArgument);
  EXPECT_EQ(CodeForSqlite(SQLITE_MISUSE), Status::Code::kInternal);
}

TEST(DescribeSqlTest, CollapsesAndCuts) {
  EXPECT_EQ(DescribeSql("  SELECT\n  a,\tb   FROM t  "), "SELECT a, b FROM t");
  std::string long_sql = "SELECT " + std::string(100, 'x');
  std::string d = DescribeSql(long_sql);
  EXPECT_EQ(d.size(), 48u + 3u);
  EXPECT_THAT(d, ::testing::EndsWith("..."));
}

}  // namespace
}  // namespace witness::store
