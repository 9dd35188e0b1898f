// server/test_corpus.h: a database of the sample corpus (examples/corpus), for the server's
// tests (test code only). Built once per test binary, in a temporary folder.
#ifndef WITNESS_SERVER_TEST_CORPUS_H_
#define WITNESS_SERVER_TEST_CORPUS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/test_util.h"
#include "witness/ingest.h"
#include "witness/pipeline.h"
#include "witness/store.h"

namespace witness::server::testing {

class CorpusSink : public ArticleSink {
 public:
  explicit CorpusSink(IngestPipeline* p) : pipeline_(p) {}
  void Accept(Article a) override {
    Status rejected;
    Status s = pipeline_->Add(std::move(a), &rejected);
    if (!s.ok() || !rejected.ok()) ++failures;
  }
  void Reject(const Status& why) override { ++failures; }
  int failures = 0;

 private:
  IngestPipeline* pipeline_;
};

// Ingests `paths` into the database at `db` (created when missing); fails the test on any
// rejection.
inline void IngestInto(const std::string& db, const std::vector<std::string>& paths) {
  StatusOr<std::unique_ptr<Store>> store = Store::Open(db, StoreOptions{});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  IngestPipeline pipeline(store->get(), PipelineOptions{});
  CorpusSink sink(&pipeline);
  ReadInputs(Env::Default(), paths, IngestOptions{}, &sink);
  ASSERT_TRUE(pipeline.Flush().ok());
  ASSERT_EQ(sink.failures, 0);
}

// The sample corpus's database, built on first use and kept for the test binary's life.
inline const std::string& SampleDb() {
  static store::testing::TempDir dir;
  static std::string path = [] {
    std::string db = dir.File("sample.db");
    IngestInto(db, {std::string(WITNESS_SOURCE_DIR) + "/examples/corpus"});
    return db;
  }();
  return path;
}

inline std::unique_ptr<Store> OpenReadOnly(const std::string& db) {
  StoreOptions o;
  o.read_only = true;
  o.create_if_missing = false;
  StatusOr<std::unique_ptr<Store>> s = Store::Open(db, o);
  if (!s.ok()) {
    ADD_FAILURE() << s.status().ToString();
    return nullptr;
  }
  return std::move(*s);
}

}  // namespace witness::server::testing

#endif  // WITNESS_SERVER_TEST_CORPUS_H_
