// A writer process is killed (SIGKILL) at random moments; every batch must be whole or absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "store/sqlite.h"
#include "store/test_util.h"
#include "witness/store.h"

namespace witness {
namespace {

using store::testing::TempDir;

constexpr int kBatches = 400;
constexpr int kBatchSize = 100;

// Batch k: kBatchSize articles of source "batch-k", each a few KB with HTML, so a transaction
// takes long enough to be caught in the middle.
std::vector<Article> MakeBatch(int k) {
  std::vector<Article> batch;
  for (int i = 0; i < kBatchSize; ++i) {
    Article a;
    a.id = "b" + std::to_string(k) + "-" + std::to_string(i);
    a.source = "batch-" + std::to_string(k);
    a.published = "2022-01-" + std::to_string(10 + k % 20);
    a.title = "Article " + std::to_string(i) + " of batch " + std::to_string(k);
    for (int s = 0; s < 30; ++s) {
      a.text += "Sentence " + std::to_string(s) + " of " + a.id + " says something new. ";
    }
    a.raw = "RAW " + a.text;
    a.html = "<html><body><p>" + a.text + "</p></body></html>";
    a.word_count = 240;
    a.origin = "crash-test";
    batch.push_back(std::move(a));
  }
  return batch;
}

// The child: journal a run, write batches `first`.. in order, exit. Never returns.
[[noreturn]] void Writer(const std::string& path, int first, bool sync_full) {
  auto store = Store::Open(path, {.sync_full = sync_full});
  if (!store.ok()) _exit(10);
  auto run = (*store)->BeginRun({"crash-test"});
  if (!run.ok()) _exit(11);
  for (int k = first; k < kBatches; ++k) {
    if (!(*store)->Put(MakeBatch(k)).ok()) _exit(12);
  }
  _exit(0);
}

struct Census {
  std::map<int, int64_t> per_batch;  // batch number -> articles
  int64_t total = 0;
};

Census Count(const std::string& path) {
  Census c;
  auto db = store::Db::Open(path, SQLITE_OPEN_READONLY);
  EXPECT_TRUE(db.ok());
  if (!db.ok()) return c;
  auto st = (*db)->Prepare("SELECT source, count(*) FROM articles GROUP BY source");
  EXPECT_TRUE(st.ok());
  while (true) {
    auto row = st->Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) break;
    std::string source(st->ColumnText(0));
    EXPECT_EQ(source.rfind("batch-", 0), 0u) << source;
    c.per_batch[std::stoi(source.substr(6))] = st->ColumnInt64(1);
    c.total += st->ColumnInt64(1);
  }
  return c;
}

// Every run's journal row agrees with the articles it owns (Put updates both in one
// transaction, so this holds after any crash too).
void ExpectRunsConsistent(const std::string& path) {
  auto db = store::Db::Open(path, SQLITE_OPEN_READONLY);
  ASSERT_TRUE(db.ok());
  auto st = (*db)->Prepare(
      "SELECT r.id, r.added, (SELECT count(*) FROM articles a WHERE a.run_id = r.id) FROM runs r");
  ASSERT_TRUE(st.ok());
  while (*st->Step()) {
    EXPECT_EQ(st->ColumnInt64(1), st->ColumnInt64(2)) << "run " << st->ColumnInt64(0);
  }
}

TEST(StoreCrashTest, EveryBatchIsWholeOrAbsentAfterSigkill) {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  const unsigned seed =
      static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count());
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  // Tiny delays catch the child while it creates and migrates the file; the others mid-ingest.
  std::vector<int> delays_ms = {0, 2};
  std::uniform_int_distribution<int> delay(5, 400);
  for (int i = 0; i < 10; ++i) delays_ms.push_back(delay(rng));

  int64_t last_total = 0;
  int iteration = 0;
  int killed_mid_ingest = 0;
  for (int delay_ms : delays_ms) {
    SCOPED_TRACE("iteration " + std::to_string(iteration) + ", kill after " +
                 std::to_string(delay_ms) + " ms");
    bool sync_full = iteration++ % 2 == 1;
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    // Odd iterations start over from batch 0 (re-ingesting all); even ones resume after the
    // batches already stored, so the kill lands among new writes.
    if (pid == 0)
      Writer(path, sync_full ? 0 : static_cast<int>(last_total / kBatchSize), sync_full);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    // Killed, or finished before the signal: never a failure of its own.
    ASSERT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
        << "child status " << status;

    auto store = Store::Open(path, {});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_TRUE((*store)->Check().ok()) << (*store)->Check().ToString();
    store->reset();

    Census c = Count(path);
    // Whole batches only, and (since each child writes in order, from 0 or from the first
    // missing batch) a prefix.
    int expected_next = 0;
    for (auto [k, n] : c.per_batch) {
      EXPECT_EQ(n, kBatchSize) << "batch " << k << " is partial";
      EXPECT_EQ(k, expected_next++) << "batches are not a prefix";
    }
    EXPECT_GE(c.total, last_total);  // nothing committed is lost
    if (WIFSIGNALED(status) && c.total < kBatches * kBatchSize) ++killed_mid_ingest;
    std::printf("  kill after %3d ms: %s, %lld articles in %zu whole batches\n", delay_ms,
                WIFSIGNALED(status) ? "killed" : "finished", static_cast<long long>(c.total),
                c.per_batch.size());
    last_total = c.total;
    ExpectRunsConsistent(path);
  }

  // The test means something only if children died with work left to do.
  EXPECT_GE(killed_mid_ingest, 3);

  // Re-putting everything adds exactly the missing batches.
  ASSERT_OK_AND_ASSIGN(store, Store::Open(path, {}));
  ASSERT_OK_AND_ASSIGN(unfinished, store->LastUnfinishedRun());
  ASSERT_TRUE(unfinished.has_value() || last_total == kBatches * kBatchSize);
  uint64_t added = 0;
  for (int k = 0; k < kBatches; ++k) {
    ASSERT_OK_AND_ASSIGN(r, store->Put(MakeBatch(k)));
    added += r.added;
    EXPECT_TRUE(r.added == 0 || r.added == kBatchSize);
  }
  EXPECT_EQ(added, static_cast<uint64_t>(kBatches * kBatchSize - last_total));
  ASSERT_OK_AND_ASSIGN(n, store->CountArticles());
  EXPECT_EQ(n, static_cast<uint64_t>(kBatches * kBatchSize));
  EXPECT_OK(store->Check());
  // Spot-check content that went through a crash.
  std::vector<Article> b0 = MakeBatch(0);
  ASSERT_OK_AND_ASSIGN(a, store->Get(b0[17].id));
  EXPECT_EQ(a.text, b0[17].text);
  EXPECT_EQ(a.raw, b0[17].raw);
  EXPECT_EQ(a.html, b0[17].html);
}

}  // namespace
}  // namespace witness
