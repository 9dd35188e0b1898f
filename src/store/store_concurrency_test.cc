// Readers and writers on one file: WAL isolation, the busy timeout, and threads with one
// Store each.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "store/sqlite.h"
#include "store/test_util.h"
#include "witness/store.h"

namespace witness {
namespace {

using store::testing::SampleArticle;
using store::testing::TempDir;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<Article> Batch(int k, int size) {
  std::vector<Article> out;
  for (int i = 0; i < size; ++i) {
    Article a = SampleArticle(k * 100000 + i, "batch-" + std::to_string(k));
    out.push_back(a);
  }
  return out;
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = dir_.File("w.db"); }
  std::unique_ptr<Store> OpenStore(StoreOptions o = {}) {
    auto s = Store::Open(path_, o);
    if (!s.ok()) {
      ADD_FAILURE() << s.status().ToString();
      return nullptr;
    }
    return std::move(*s);
  }
  TempDir dir_;
  std::string path_;
};

TEST_F(ConcurrencyTest, ReaderSeesOnlyCommittedRowsWhileAWriterIsInsideATransaction) {
  auto writer = OpenStore();
  auto reader = OpenStore();
  ASSERT_TRUE(writer && reader);
  ASSERT_OK_AND_ASSIGN(r, writer->Put(Batch(0, 10)));

  // A third connection opens a write transaction exactly as Put does, and inserts rows.
  auto raw = store::Db::Open(path_, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(raw.ok());
  {
    auto tx = store::Transaction::Begin(raw->get());
    ASSERT_TRUE(tx.ok());
    ASSERT_OK(
        (*raw)->Exec("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 50) "
                     "INSERT INTO articles(id, source, text, ingested_at) "
                     "SELECT 'pending-' || v, 'pending', 'x', '2024-01-01T00:00:00Z' FROM n"));

    // The reader is not blocked and sees only what was committed.
    ASSERT_OK_AND_ASSIGN(n, reader->CountArticles());
    EXPECT_EQ(n, 10u);
    ASSERT_OK_AND_ASSIGN(rows, reader->List({.source = "pending"}));
    EXPECT_TRUE(rows.empty());
    EXPECT_EQ(reader->Get("pending-1").status().code(), Status::Code::kNotFound);
    EXPECT_OK(reader->Check());

    // A second writer waits for the lock, then gives up with a clear message.
    auto impatient = OpenStore({.busy_timeout_ms = 100});
    ASSERT_TRUE(impatient);
    auto start = std::chrono::steady_clock::now();
    auto blocked = impatient->Put(Batch(1, 5));
    auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.status().code(), Status::Code::kIoError);
    EXPECT_THAT(blocked.status().message(), StartsWith(path_ + ": begin transaction: "));
    EXPECT_THAT(blocked.status().message(), HasSubstr("database is locked"));
    EXPECT_GE(waited, std::chrono::milliseconds(90));

    ASSERT_OK(tx->Commit());
  }
  ASSERT_OK_AND_ASSIGN(after, reader->CountArticles());
  EXPECT_EQ(after, 60u);
}

TEST_F(ConcurrencyTest, RolledBackBatchesNeverShow) {
  auto reader = OpenStore();
  ASSERT_TRUE(reader);
  auto raw = store::Db::Open(path_, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(raw.ok());
  {
    auto tx = store::Transaction::Begin(raw->get());
    ASSERT_TRUE(tx.ok());
    ASSERT_OK((*raw)->Exec("INSERT INTO articles(id, text, ingested_at) VALUES ('gone', '', 'x')"));
  }  // dropped: rolled back
  ASSERT_OK_AND_ASSIGN(n, reader->CountArticles());
  EXPECT_EQ(n, 0u);
}

TEST_F(ConcurrencyTest, APatientWriterWaitsForTheLock) {
  auto writer = OpenStore({.busy_timeout_ms = 5000});
  ASSERT_TRUE(writer);
  auto raw = store::Db::Open(path_, SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(raw.ok());
  ASSERT_OK((*raw)->Exec("BEGIN IMMEDIATE"));
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    (void)(*raw)->Exec("COMMIT");
  });
  ASSERT_OK_AND_ASSIGN(r, writer->Put(Batch(0, 20)));
  release.join();
  EXPECT_EQ(r.added, 20u);
}

TEST_F(ConcurrencyTest, ThreadsWithOneStoreEachSeeWholeBatches) {
  constexpr int kBatches = 60;
  constexpr int kSize = 150;
  { ASSERT_TRUE(OpenStore()); }  // create the file first
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::vector<std::string> failures;
  std::mutex failures_mu;
  auto fail = [&](std::string what) {
    std::lock_guard<std::mutex> lock(failures_mu);
    failures.push_back(std::move(what));
  };

  std::thread writer([&] {
    auto s = Store::Open(path_, {});
    if (!s.ok()) return fail(s.status().ToString());
    for (int k = 0; k < kBatches; ++k) {
      auto r = (*s)->Put(Batch(k, kSize));
      if (!r.ok()) return fail(r.status().ToString());
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&, t] {
      auto s = Store::Open(path_, {.read_only = t == 1});
      if (!s.ok()) return fail(s.status().ToString());
      uint64_t last = 0;
      while (!done) {
        auto n = (*s)->CountArticles();
        if (!n.ok()) return fail(n.status().ToString());
        if (*n % kSize != 0) fail("count " + std::to_string(*n) + " is not whole batches");
        if (*n < last) fail("count went down");
        last = *n;
        // The newest batch this reader can see is complete.
        if (*n > 0) {
          int k = static_cast<int>(*n / kSize) - 1;
          auto rows = (*s)->List({.source = "batch-" + std::to_string(k)});
          if (!rows.ok()) return fail(rows.status().ToString());
          if (rows->size() != kSize) fail("batch " + std::to_string(k) + " is partial");
        }
        ++reads;
      }
    });
  }
  writer.join();
  for (auto& r : readers) r.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_GT(reads.load(), 0);
  auto s = OpenStore();
  ASSERT_TRUE(s);
  ASSERT_OK_AND_ASSIGN(n, s->CountArticles());
  EXPECT_EQ(n, static_cast<uint64_t>(kBatches * kSize));
}

}  // namespace
}  // namespace witness
