#include "server/cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "server/gzip_test_util.h"

namespace witness::server {
namespace {

using PayloadPtr = ResponseCache::PayloadPtr;

using ::witness::server::testing::Gunzip;

TEST(PayloadTest, EtagAndGzip) {
  PayloadPtr small = MakePayload("{\"a\":1}");
  EXPECT_TRUE(small->gzip.empty());  // not worth it under 1 KiB
  EXPECT_EQ(small->etag.size(), 18u);
  EXPECT_EQ(small->etag.front(), '"');
  std::string big;
  for (int i = 0; i < 500; ++i) big += "{\"story\":\"s" + std::to_string(i % 7) + "\"},";
  PayloadPtr p = MakePayload(big, "fp");
  ASSERT_FALSE(p->gzip.empty());
  EXPECT_LT(p->gzip.size(), big.size() / 4);
  EXPECT_EQ(Gunzip(p->gzip), big);
  EXPECT_EQ(p->fingerprint, "fp");
  EXPECT_NE(MakePayload(big + " ")->etag, p->etag);
  EXPECT_EQ(MakePayload(big)->etag, p->etag);
}

TEST(ResponseCacheTest, HitsAtTheSameGenerationRecomputesAtAnother) {
  ResponseCache cache(1 << 20);
  int calls = 0;
  auto compute = [&](const PayloadPtr& stale) -> StatusOr<PayloadPtr> {
    ++calls;
    return MakePayload("v" + std::to_string(calls));
  };
  EXPECT_EQ((*cache.Get("k", 1, compute))->body, "v1");
  EXPECT_EQ((*cache.Get("k", 1, compute))->body, "v1");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ((*cache.Get("k", 2, compute))->body, "v2");
  EXPECT_EQ((*cache.Get("other", 2, compute))->body, "v3");
  ResponseCache::Stats s = cache.stats();
  EXPECT_EQ(s.hits, 1u);
  EXPECT_EQ(s.computed, 3u);
  EXPECT_EQ(s.entries, 2u);
}

TEST(ResponseCacheTest, RevalidationKeepsThePayload) {
  ResponseCache cache(1 << 20);
  PayloadPtr first = *cache.Get("k", 1, [](const PayloadPtr& stale) -> StatusOr<PayloadPtr> {
    EXPECT_EQ(stale, nullptr);
    return MakePayload("body", "fp1");
  });
  PayloadPtr second = *cache.Get("k", 2, [&](const PayloadPtr& stale) -> StatusOr<PayloadPtr> {
    EXPECT_EQ(stale, first);
    return stale;  // nothing changed
  });
  EXPECT_EQ(second, first);
  EXPECT_EQ(cache.stats().revalidated, 1u);
  // Now current at generation 2.
  PayloadPtr third = *cache.Get("k", 2, [](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    ADD_FAILURE() << "must not compute";
    return MakePayload("x");
  });
  EXPECT_EQ(third, first);
}

TEST(ResponseCacheTest, ErrorsAreSharedButNotStored) {
  ResponseCache cache(1 << 20);
  int calls = 0;
  auto fail = [&](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    ++calls;
    return Status::NotFound("no story 's9'");
  };
  EXPECT_EQ(cache.Get("k", 1, fail).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(cache.Get("k", 1, fail).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.stats().entries, 0u);
  auto thrower = [](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    throw std::runtime_error("boom");
  };
  StatusOr<PayloadPtr> r = cache.Get("t", 1, thrower);
  EXPECT_EQ(r.status().code(), Status::Code::kInternal);
  EXPECT_NE(r.status().message().find("boom"), std::string::npos);
}

TEST(ResponseCacheTest, OneComputationForConcurrentRequests) {
  ResponseCache cache(1 << 20);
  std::atomic<int> calls{0};
  auto slow = [&](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return MakePayload("shared");
  };
  std::vector<std::thread> threads;
  std::atomic<int> right{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      StatusOr<PayloadPtr> p = cache.Get("k", 1, slow);
      if (p.ok() && (*p)->body == "shared") ++right;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(calls.load(), 1);
  EXPECT_EQ(right.load(), 8);
  EXPECT_EQ(cache.stats().waited + 1 + cache.stats().hits, 8u);
}

TEST(ResponseCacheTest, ThePreviousPayloadAnswersWhileItIsRecomputed) {
  ResponseCache cache(1 << 20);
  ASSERT_TRUE(
      cache
          .Get("k", 1, [](const PayloadPtr&) -> StatusOr<PayloadPtr> { return MakePayload("old"); })
          .ok());
  std::atomic<bool> started{false}, release{false};
  std::thread slow([&] {
    StatusOr<PayloadPtr> p = cache.Get("k", 2, [&](const PayloadPtr&) -> StatusOr<PayloadPtr> {
      started = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return MakePayload("new");
    });
    EXPECT_EQ((*p)->body, "new");
  });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto never = [](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    ADD_FAILURE() << "a second computation";
    return MakePayload("x");
  };
  EXPECT_EQ((*cache.Get("k", 2, never))->body, "old");  // not blocked behind the rebuild
  release = true;
  slow.join();
  EXPECT_EQ((*cache.Get("k", 2, never))->body, "new");
  EXPECT_EQ(cache.stats().stale, 1u);
}

TEST(ResponseCacheTest, EvictsLeastRecentlyUsedWithinItsBudget) {
  ResponseCache cache(3000);
  auto make = [](char c) {
    return
        [c](const PayloadPtr&) -> StatusOr<PayloadPtr> { return MakePayload(std::string(900, c)); };
  };
  ASSERT_TRUE(cache.Get("a", 1, make('a')).ok());
  ASSERT_TRUE(cache.Get("b", 1, make('b')).ok());
  ASSERT_TRUE(cache.Get("c", 1, make('c')).ok());
  ASSERT_TRUE(cache.Get("a", 1, make('x')).ok());  // a is now the most recent
  ASSERT_TRUE(cache.Get("d", 1, make('d')).ok());  // over budget: b goes
  ResponseCache::Stats s = cache.stats();
  EXPECT_LE(s.bytes, 3000u);
  EXPECT_EQ(s.evicted, 1u);
  int computed = 0;
  auto count = [&](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    ++computed;
    return MakePayload(std::string(900, 'z'));
  };
  (void)cache.Get("a", 1, count);
  EXPECT_EQ(computed, 0);
  (void)cache.Get("b", 1, count);
  EXPECT_EQ(computed, 1);
}

TEST(ResponseCacheTest, ZeroBudgetStoresNothing) {
  ResponseCache cache(0);
  int calls = 0;
  auto compute = [&](const PayloadPtr&) -> StatusOr<PayloadPtr> {
    ++calls;
    return MakePayload("x");
  };
  (void)cache.Get("k", 1, compute);
  (void)cache.Get("k", 1, compute);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.stats().entries, 0u);
}

}  // namespace
}  // namespace witness::server
